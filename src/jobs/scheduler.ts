// Runs the reminder pass on a timer in each app server. Overlap within one process is skipped here; overlap across
// servers is handled by the pass itself (advisory lock + dedupe keys).
import type { Db } from "../db/client.js";
import type { AppLogger, Mailer } from "../modules/notifications/mailer.js";
import { type PassResult, type ReminderOptions, runReminderPass } from "./reminders.js";

export interface ReminderScheduler {
  /** Runs a pass now unless one is already running in this process (then resolves to null). */
  runNow(): Promise<PassResult | null>;
  /** Stops the timer and waits for a running pass to finish. */
  stop(): Promise<void>;
}

export function startReminderScheduler(input: {
  db: Db;
  mailer: Mailer;
  logger: AppLogger;
  intervalMinutes: number;
  options?: Partial<ReminderOptions>;
  /** The clock; defaults to the real one. */
  now?: () => Date;
  /** Delay of the first pass after start, in milliseconds (default 30 s, to let the server settle). */
  firstDelayMs?: number;
  /** Told of each pass that ended (null: it failed), e.g. to record it for /api/health. */
  onPass?: (result: PassResult | null, at: Date) => Promise<void> | void;
}): ReminderScheduler {
  const now = input.now ?? (() => new Date());
  let running: Promise<PassResult | null> | null = null;
  let stopped = false;

  const runNow = (): Promise<PassResult | null> => {
    if (running || stopped) return Promise.resolve(null);
    const at = now();
    running = runReminderPass(input.db, at, input.mailer, { ...input.options, logger: input.logger })
      .catch((err) => {
        input.logger.error({ err }, "Lượt nhắc việc gặp lỗi; sẽ thử lại ở lượt sau");
        return null;
      })
      .then(async (result) => {
        await Promise.resolve(input.onPass?.(result, at)).catch(() => undefined);
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const interval = setInterval(runNow, Math.max(1, input.intervalMinutes) * 60_000);
  interval.unref();
  const first = setTimeout(runNow, input.firstDelayMs ?? 30_000);
  first.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(interval);
      clearTimeout(first);
      if (running) await running;
    },
  };
}
