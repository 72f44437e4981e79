// `npm run cli -- backup --out FILE` and `npm run cli -- restore FILE`.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Config } from "../../config.js";
import { openDatabase } from "../../db/client.js";
import { readLock } from "../../db/data-dir-lock.js";
import { fileSize } from "../../domain/format.js";
import { AppError } from "../../http/errors.js";
import { createFileStore } from "../../storage/file-store.js";
import { createBackup } from "./create-backup.js";
import { restoreBackup, verifyBackupFile } from "./restore-backup.js";

/**
 * Backs up the configured database and files into `out`. A PGlite folder a running server holds is backed up by that
 * server (asked over HTTP with the token in the folder's lock file): the CLI never opens a folder someone else writes.
 */
export async function backupCommand(config: Config, out: string, say: (s: string) => void): Promise<number> {
  if (fs.existsSync(out)) throw new AppError(409, "EXISTS", `Tệp ${out} đã có. Hãy chọn tên tệp khác (sao lưu không ghi đè tệp đang có).`);
  if (!config.databaseUrl) {
    const held = readLock(config.dataDir);
    if (held?.holder === "server" && held.port && held.token) {
      await backupThroughServer(held.host, held.port, held.token, out);
      say(`Máy chủ đang chạy (tiến trình ${held.pid}) đã tạo bản sao lưu.`);
      return summarize(out, say);
    }
    if (!fs.existsSync(config.dataDir) || !fs.existsSync(`${config.dataDir}/PG_VERSION`)) {
      throw new AppError(404, "NO_DATA", `Không có CSDL trong ${config.dataDir} để sao lưu (kiểm tra DATA_DIR).`);
    }
  }
  // The CLI reads and never migrates: a backup of an older database is a copy of it as it is.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: "cli", migrate: false });
  try {
    const result = await createBackup({ database, files: await createFileStore(config.files), config }, out);
    if (result.missingFiles.length) {
      say(
        `Cảnh báo: ${result.missingFiles.length} tệp có trong CSDL nhưng không còn trong kho (đã mất trước lần sao lưu này): ${result.missingFiles.slice(0, 5).join(", ")}.`,
      );
    }
  } finally {
    await database.close();
  }
  return summarize(out, say);
}

async function backupThroughServer(host: string | undefined, port: number, token: string, out: string): Promise<void> {
  // A server listening on every address is reached on loopback; one bound to a single address, there.
  const address = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  let res: Response;
  try {
    res = await fetch(`http://${address}:${port}/local/backup`, { method: "POST", headers: { "x-thidua-token": token } });
  } catch {
    throw new AppError(
      503,
      "SERVER_UNREACHABLE",
      `Máy chủ giữ thư mục dữ liệu nhưng không trả lời ở cổng ${port}. Hãy sao lưu qua giao diện web (Quản trị → Sao lưu) hoặc dừng máy chủ rồi chạy lại lệnh.`,
    );
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new AppError(res.status, "SERVER_BACKUP", `Máy chủ không tạo được bản sao lưu: ${body?.message ?? res.statusText}`);
  }
  const tmp = `${out}.part`;
  await pipeline(res.body as unknown as NodeJS.ReadableStream, fs.createWriteStream(tmp, { mode: 0o600 }));
  fs.renameSync(tmp, out);
}

async function summarize(out: string, say: (s: string) => void): Promise<number> {
  const m = await verifyBackupFile(out);
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  say(
    `Đã sao lưu vào ${out} (${fileSize(fs.statSync(out).size)}): CSDL ${m.source.database === "pglite" ? "PGlite" : "PostgreSQL"} ${m.source.serverVersion}, ` +
      `${Object.keys(m.tables).length} bảng, ${rows} dòng, ${m.files.length} tệp, ${m.audit.entries} mục nhật ký` +
      `${m.dataFiles.length ? `, khóa ${m.dataFiles.map((f) => f.name).join(", ")}` : ""}; lược đồ ${m.schema.migrations.at(-1)}.`,
  );
  say("Tệp sao lưu chứa toàn bộ dữ liệu và các khóa: hãy cất giữ an toàn như chính máy chủ.");
  return 0;
}

/** Restores `file` into the configured (empty) target, then verifies the audit log. */
export async function restoreCommand(config: Config, file: string, say: (s: string) => void): Promise<number> {
  if (!config.databaseUrl) {
    const held = readLock(config.dataDir);
    if (held)
      throw new AppError(
        409,
        "HELD",
        `Thư mục dữ liệu ${config.dataDir} đang được tiến trình ${held.pid} sử dụng. Hãy dừng máy chủ và phục hồi vào một thư mục trống.`,
      );
  }
  const report = await restoreBackup(file, config, say);
  if (report.audit.ok) say(`Đã phục hồi. Nhật ký toàn vẹn: đã kiểm tra ${report.audit.checked} mục.`);
  else say(`Đã phục hồi dữ liệu nhưng KIỂM TRA NHẬT KÝ KHÔNG ĐẠT: ${report.audit.reason}`);
  return report.audit.ok ? 0 : 1;
}
