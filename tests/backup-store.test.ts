// Backups kept in the file store: taken by an administrator or by the daily schedule, the newest BACKUP_KEEP kept,
// downloadable, and reported with the reminder job's last pass in /api/health.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackupScheduler } from "../src/jobs/backup-scheduler.js";
import { startReminderScheduler } from "../src/jobs/scheduler.js";
import { verifyBackupFile } from "../src/modules/backup/restore-backup.js";
import { recordJobRun } from "../src/modules/backup/service.js";
import { logMailer } from "../src/modules/notifications/mailer.js";
import { createFileStore } from "../src/storage/file-store.js";
import { upload } from "./support/commendation.js";
import { Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
const quiet = { info() {}, warn() {}, error() {} };
const work = fs.mkdtempSync(path.join(os.tmpdir(), "td-bstore-"));

beforeAll(async () => {
  t = await createTestApp({ backup: { hour: 2, keep: 2 } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backups in the file store", () => {
  it("only an administrator lists, takes or downloads them", async () => {
    const office = await t.as("noivu.vinhlong");
    expect((await office.get("/api/system/backups")).status).toBe(403);
    const refused = await office.post("/api/system/backups");
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Chỉ quản trị hệ thống được xem và tạo bản sao lưu.");
    expect((await new Client(t.app).get("/api/system/backups")).status).toBe(401);
  });

  it("an administrator takes one now and downloads an archive that verifies", async () => {
    const admin = await t.as("admin");
    const taken = await admin.post("/api/system/backups");
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body).toMatchObject({ trigger: "manual", ok: true, error: null });
    expect(taken.body.bytes).toBeGreaterThan(1000);
    const list = (await admin.get("/api/system/backups")).body;
    expect(list.items).toHaveLength(1);
    expect(list.status).toMatchObject({ lastAt: taken.body.at, lastBytes: taken.body.bytes, lastError: null });
    const file = await admin.get(`/api/system/backups/${taken.body.id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("application/gzip");
    const out = path.join(work, "download.tar.gz");
    fs.writeFileSync(out, file.raw);
    const manifest = await verifyBackupFile(out);
    expect(manifest.tables.users.rows).toBe(13);
    expect((await admin.get("/api/system/backups/999999/download")).status).toBe(404);
  });

  it("the daily schedule takes one when the hour has come and none since, keeps the newest BACKUP_KEEP and deletes older files", async () => {
    const ctx = { database: t.database, files: await createFileStore(t.config.files), config: t.config };
    const at = { now: new Date("2030-01-02T20:00:00Z") }; // 03:00 on 3/1/2030 in Vietnam
    const scheduler = startBackupScheduler({ ctx, hour: 2, keep: 2, logger: quiet, now: () => at.now, checkEveryMs: 3_600_000, firstDelayMs: 3_600_000 });
    try {
      expect(await scheduler.runNow()).toBe(true);
      expect(await scheduler.runNow()).toBe(false);
      at.now = new Date("2030-01-03T20:00:00Z");
      expect(await scheduler.runNow()).toBe(true);
    } finally {
      await scheduler.stop();
    }
    const admin = await t.as("admin");
    const items = (await admin.get("/api/system/backups")).body.items as { trigger: string; fileName: string; at: string }[];
    expect(items.map((b) => [b.trigger, b.at])).toEqual([
      ["scheduled", "2030-01-03T20:00:00.000Z"],
      ["scheduled", "2030-01-02T20:00:00.000Z"],
    ]);
    // The manual one was the oldest: its archive is gone from the store too.
    expect(fs.readdirSync(t.config.files.dir, { recursive: true }).filter((n) => String(n).endsWith(".part"))).toEqual([]);
    const keys = fs.readdirSync(t.config.files.dir, { recursive: true }).map((n) => path.basename(String(n)));
    expect(keys.filter((k) => k.startsWith("backup-")).sort()).toEqual(items.map((b) => b.fileName.replace(".tar.gz", "")).sort());
  });

  it("/api/health names the database, the storage, the reminder job's last pass (empty ones too) and the last backup", async () => {
    const before = (await new Client(t.app).get("/api/health")).body;
    expect(before).toMatchObject({ status: "ok", database: t.database.kind, storage: "local", reminders: { lastPassAt: null } });
    const reminders = startReminderScheduler({
      db: t.database.db,
      mailer: logMailer(quiet, "x@y"),
      logger: quiet,
      intervalMinutes: 60,
      firstDelayMs: 3_600_000,
      now: () => new Date("2030-01-04T03:00:00Z"),
      onPass: (result, at) => (result ? recordJobRun(t.database.db, "reminders", result, at) : undefined),
    });
    const pass = await reminders.runNow();
    await reminders.stop();
    expect(pass?.reminders).toBe(0);
    const health = (await new Client(t.app).get("/api/health")).body;
    expect(health.reminders).toMatchObject({ lastPassAt: "2030-01-04T03:00:00.000Z", result: { ran: true, reminders: 0 } });
    expect(health.backup).toMatchObject({ lastAt: "2030-01-03T20:00:00.000Z", lastFailedAt: null });
    expect(JSON.stringify(health)).not.toContain(os.hostname());
    expect(health.backup.lastBytes).toBeGreaterThan(1000);
  });

  it("a file recorded but missing from this server's store answers 503 saying the servers must share the store, not 500", async () => {
    const focal = await t.as("daumoi.phuong1");
    const id = await upload(focal, await t.unitId("VL-TPVL-P1"), "minh-chung.pdf");
    // As on a second server with its own STORAGE=local folder: the row is in the shared database, the bytes are not here.
    await (await createFileStore(t.config.files)).delete(id.replace(/-/g, ""));
    const res = await focal.get(`/api/files/${id}`);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: "FILE_NOT_IN_STORE", message: expect.stringContaining("STORAGE=s3 hoặc một thư mục FILES_DIR dùng chung") });
  });
});
