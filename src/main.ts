import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { DataDirHeldError } from "./db/data-dir-lock.js";
import { startAuditCheckpoints } from "./jobs/audit-checkpoints.js";
import { startBackupScheduler } from "./jobs/backup-scheduler.js";
import { startReminderScheduler } from "./jobs/scheduler.js";
import { AuditTrailError, openAuditTrail } from "./modules/audit/open-audit-trail.js";
import { recordJobRun } from "./modules/backup/service.js";
import { importsSettled } from "./modules/imports/service.js";
import { createMailer } from "./modules/notifications/mailer.js";
import { seedDemo } from "./seed/demo.js";
import { buildApp } from "./server.js";
import { createFileStore } from "./storage/file-store.js";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: "server" }).catch((e) => {
  if (!(e instanceof DataDirHeldError)) throw e;
  console.error(`Không khởi động được: ${e.message}`);
  process.exit(1);
});
if (config.databaseUrl && config.files.storage === "local") {
  // Each server would keep its uploads on its own disk: a file uploaded through one is missing on the others.
  console.warn(
    `Cảnh báo: dùng PostgreSQL (DATABASE_URL) với STORAGE=local — tệp tải lên nằm ở ${config.files.dir} của riêng máy chủ này. ` +
      "Nếu chạy nhiều máy chủ, hãy dùng STORAGE=s3 hoặc cho mọi máy chủ cùng một thư mục FILES_DIR dùng chung (xem README, phần mở rộng).",
  );
}
const files = await createFileStore(config.files);
// Before anything writes an audit entry: the key must be the one that signs this log (else the server stays down).
const audit = await openAuditTrail(config, database.db, files).catch(async (e) => {
  if (!(e instanceof AuditTrailError)) throw e;
  console.error(`Không khởi động được: ${e.message}`);
  await database.close();
  process.exit(1);
});
for (const note of audit.notes) console.warn(note);
if (config.seedDemo) {
  const seeded = await seedDemo(database.db);
  if (seeded.seeded) console.log(`Đã nạp dữ liệu mẫu: ${seeded.units} đơn vị, ${seeded.people} cán bộ, ${seeded.accounts} tài khoản.`);
}
const app = await buildApp({ database, config, files });
await app.listen({ port: config.port, host: config.host });
// The CLI finds this server through the folder's lock (for backups of the running database).
database.lock?.update({ port: config.port, host: config.host });
const checkpoints = startAuditCheckpoints({
  db: database.db,
  key: audit.key,
  store: files,
  logger: app.log,
  intervalMinutes: config.audit.checkpointMinutes,
});
void checkpoints.runNow();
const mailer = await createMailer(config.mail, app.log);
// Every server runs the timer; the pass itself makes sure reminders go out once (advisory lock + dedupe keys).
const reminders =
  config.reminders.intervalMinutes > 0
    ? startReminderScheduler({
        db: database.db,
        mailer,
        logger: app.log,
        intervalMinutes: config.reminders.intervalMinutes,
        options: { days: config.reminders.days, fromHour: config.reminders.fromHour, appUrl: config.mail.appUrl },
        // Every finished pass is recorded for /api/health, empty ones too; a pass another server holds the lock for is not.
        onPass: (result, at) => (result && result.skipped !== "locked" ? recordJobRun(database.db, "reminders", result, at) : undefined),
      })
    : null;
const backups =
  config.backup.hour !== null
    ? startBackupScheduler({ ctx: { database, files, config }, hour: config.backup.hour, keep: config.backup.keep, logger: app.log })
    : null;
console.log(`Thi Đua đang chạy tại http://localhost:${config.port} (CSDL: ${database.kind === "pglite" ? `PGlite tại ${config.dataDir}` : "PostgreSQL"})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await reminders?.stop();
    await backups?.stop();
    await app.close();
    await importsSettled();
    await checkpoints.stop();
    await mailer.close();
    await database.close();
    process.exit(0);
  });
}
