import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../tests/support/test-db.js";
import type { Database, Db } from "../db/client.js";
import { type AppLogger, logMailer } from "../modules/notifications/mailer.js";
import { runReminderPass } from "./reminders.js";
import { startReminderScheduler } from "./scheduler.js";

function capture() {
  const entries: { level: string; obj: any; msg?: string }[] = [];
  const logger: AppLogger = {
    info: (obj, msg) => entries.push({ level: "info", obj, msg }),
    warn: (obj, msg) => entries.push({ level: "warn", obj, msg }),
    error: (obj, msg) => entries.push({ level: "error", obj, msg }),
  };
  return { entries, logger };
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const nineInHanoi = () => new Date("2024-04-23T09:00:00+07:00");

describe("reminder pass on an empty database", () => {
  it("runs, takes and releases the lock, creates nothing", async () => {
    const { logger } = capture();
    const mailer = logMailer(logger, "x");
    expect(await runReminderPass(database.db, nineInHanoi(), mailer)).toEqual({
      ran: true,
      skipped: null,
      plans: 0,
      reminders: 0,
      digests: 0,
      events: 0,
      emails: 0,
      mailFailures: 0,
    });
    // The lock went with the transaction: the next pass gets it again.
    expect((await runReminderPass(database.db, nineInHanoi(), mailer)).ran).toBe(true);
  });

  it("does not run before the configured hour in Vietnam", async () => {
    const { logger } = capture();
    const r = await runReminderPass(database.db, new Date("2024-04-23T06:59:00+07:00"), logMailer(logger, "x"), { fromHour: 7 });
    expect(r).toMatchObject({ ran: false, skipped: "before_hours" });
    expect((await runReminderPass(database.db, new Date("2024-04-23T06:59:00+07:00"), logMailer(logger, "x"), { fromHour: 0 })).ran).toBe(true);
  });
});

describe("scheduler", () => {
  it("runs on demand, skips a pass while one is running in the same process, and stops cleanly", async () => {
    const { entries, logger } = capture();
    const s = startReminderScheduler({
      db: database.db,
      mailer: logMailer(logger, "x"),
      logger,
      intervalMinutes: 15,
      now: nineInHanoi,
      firstDelayMs: 3_600_000,
    });
    const first = s.runNow();
    expect(await s.runNow()).toBeNull();
    expect((await first)?.ran).toBe(true);
    // A pass with nothing to say stays out of the log (it runs every 15 minutes on every server).
    expect(entries).toEqual([]);
    const running = s.runNow();
    await s.stop();
    expect((await running)?.ran).toBe(true);
    expect(await s.runNow()).toBeNull();
  });

  it("logs a failing pass and keeps going", async () => {
    const { entries, logger } = capture();
    const broken = {
      transaction: async () => {
        throw new Error("database is down");
      },
    } as unknown as Db;
    const s = startReminderScheduler({ db: broken, mailer: logMailer(logger, "x"), logger, intervalMinutes: 15, now: nineInHanoi, firstDelayMs: 3_600_000 });
    expect(await s.runNow()).toBeNull();
    expect(entries.find((e) => e.level === "error")?.msg).toContain("Lượt nhắc việc gặp lỗi");
    expect(await s.runNow()).toBeNull();
    expect(entries.filter((e) => e.level === "error")).toHaveLength(2);
    await s.stop();
  });
});
