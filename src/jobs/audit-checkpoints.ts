// Writes a checkpoint of the audit chain's head to the file store on a timer in each app server, and once more at
// shutdown. Servers racing are harmless: a checkpoint never replaces a newer one.
import type { Db } from "../db/client.js";
import { type CheckpointOutcome, takeCheckpoint } from "../modules/audit/checkpoint.js";
import type { AppLogger } from "../modules/notifications/mailer.js";
import type { FileStore } from "../storage/file-store.js";

export interface CheckpointJob {
  /** Takes a checkpoint now unless one is being taken (then resolves to null). */
  runNow(): Promise<CheckpointOutcome | null>;
  /** Stops the timer, waits for a running checkpoint, then takes a last one. */
  stop(): Promise<void>;
}

export function startAuditCheckpoints(input: { db: Db; key: Buffer; store: FileStore; logger: AppLogger; intervalMinutes: number }): CheckpointJob {
  let running: Promise<CheckpointOutcome | null> | null = null;
  let reported: string | null = null;

  const take = (): Promise<CheckpointOutcome | null> =>
    takeCheckpoint(input.db, input.key, input.store)
      .then((outcome) => {
        if (outcome.written === false && outcome.why === "problem") {
          // Said once per distinct problem, not every few minutes.
          if (outcome.reason !== reported) input.logger.error({ brokenAt: outcome.brokenAt }, `Không ghi điểm neo nhật ký: ${outcome.reason}`);
          reported = outcome.reason;
        } else reported = null;
        return outcome;
      })
      .catch((err) => {
        input.logger.error({ err }, "Ghi điểm neo nhật ký gặp lỗi; sẽ thử lại ở lượt sau");
        return null;
      });

  const runNow = (): Promise<CheckpointOutcome | null> => {
    if (running) return Promise.resolve(null);
    running = take().finally(() => {
      running = null;
    });
    return running;
  };

  const interval = input.intervalMinutes > 0 ? setInterval(runNow, input.intervalMinutes * 60_000) : null;
  interval?.unref();

  return {
    runNow,
    async stop() {
      if (interval) clearInterval(interval);
      if (running) await running;
      await take();
    },
  };
}
