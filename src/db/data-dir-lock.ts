// One process at a time opens a PGlite folder: a second one would write beside the first and lose its writes (PGlite
// has no shared-memory locking between processes). The holder leaves a lock file with its pid; a lock whose process is
// gone (a crash, a power cut) is stale and taken over.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "thidua.lock";

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** What holds it: the web server (which serves backups to the CLI at `port` with `token`) or a CLI command. */
  holder: "server" | "cli";
  port?: number;
  host?: string;
  /** A secret only readers of DATA_DIR know: lets the CLI ask the running server for a backup. */
  token?: string;
}

export class DataDirHeldError extends Error {
  constructor(
    readonly dataDir: string,
    readonly info: LockInfo,
  ) {
    super(
      info.holder === "server"
        ? `Thư mục dữ liệu ${dataDir} đang được máy chủ Thi Đua (tiến trình ${info.pid}) sử dụng. Hãy dừng máy chủ rồi chạy lại lệnh, hoặc làm việc này qua giao diện web/API. (Nếu chắc chắn không còn tiến trình ${info.pid}, xóa tệp ${LOCK_FILE} trong thư mục đó.)`
        : `Thư mục dữ liệu ${dataDir} đang được một lệnh khác (tiến trình ${info.pid}) sử dụng. Hãy đợi lệnh đó xong rồi chạy lại. (Nếu chắc chắn không còn tiến trình ${info.pid}, xóa tệp ${LOCK_FILE} trong thư mục đó.)`,
    );
  }
}

export interface DataDirLock {
  info: LockInfo;
  /** Adds facts learnt after opening (the server's port). */
  update(extra: Partial<LockInfo>): void;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who holds `dataDir` now, or null when nobody does (a stale lock counts as nobody). */
export function readLock(dataDir: string): LockInfo | null {
  const file = path.join(dataDir, LOCK_FILE);
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  // Another host name is a restarted container (a new name, the same volume): its process is gone. Our own pid is a
  // restart that got the same pid as the crashed holder.
  const stale = info.hostname !== os.hostname() || info.pid === process.pid || !alive(info.pid);
  return stale ? null : info;
}

/** Takes the folder for this process, or throws DataDirHeldError naming who holds it. */
export function lockDataDir(dataDir: string, holder: LockInfo["holder"]): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  let info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    holder,
    token: holder === "server" ? randomBytes(24).toString("hex") : undefined,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      // Exclusive create: of two processes starting together exactly one succeeds.
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx", mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw e;
      const held = readLock(dataDir);
      if (held) throw new DataDirHeldError(dataDir, held);
      fs.rmSync(file, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const now = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
      if (now.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return {
    get info() {
      return info;
    },
    update(extra) {
      info = { ...info, ...extra };
      const tmp = `${file}.${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
    release() {
      process.removeListener("exit", release);
      release();
    },
  };
}
