// One process at a time opens a PGlite folder; a lock left by a process that is gone is taken over.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirHeldError, LOCK_FILE, lockDataDir, readLock } from "../src/db/data-dir-lock.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-lock-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeLock = (info: object) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ hostname: os.hostname(), startedAt: "", holder: "server", ...info }));

describe("the PGlite folder lock", () => {
  it("refuses while the holder lives, naming it and what to do; takes over once it is gone", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"]);
    try {
      writeLock({ pid: holder.pid, port: 3000, token: "x" });
      expect(readLock(dir)).toMatchObject({ pid: holder.pid, holder: "server" });
      let error: unknown;
      try {
        lockDataDir(dir, "cli");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirHeldError);
      expect((error as Error).message).toContain(`đang được máy chủ Thi Đua (tiến trình ${holder.pid}) sử dụng. Hãy dừng máy chủ`);
    } finally {
      await new Promise((r) => {
        holder.once("exit", r);
        holder.kill("SIGKILL");
      });
    }
    expect(readLock(dir)).toBeNull();
    const lock = lockDataDir(dir, "cli");
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, holder: "cli" });
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("a lock written under another host name (a recreated container on the same volume) is stale", () => {
    writeLock({ pid: 1, hostname: "old-container" });
    expect(readLock(dir)).toBeNull();
    const lock = lockDataDir(dir, "server");
    expect(lock.info.token).toMatch(/^[0-9a-f]{48}$/);
    lock.update({ port: 4321 });
    expect(readLock(dir)).toBeNull(); // held by this very process: not a stranger's
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ port: 4321, holder: "server" });
    lock.release();
  });
});
