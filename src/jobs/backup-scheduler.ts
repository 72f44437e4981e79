// Daily backups into the file store: every few minutes each server asks whether today's backup is due (BACKUP_HOUR,
// Vietnam time) and takes it if so; the lock and the re-check inside takeStoredBackup make it happen once.
import { backupDue } from "../domain/backup.js";
import type { AppContext } from "../http/context.js";
import { AppError } from "../http/errors.js";
import { takeStoredBackup } from "../modules/backup/service.js";
import type { AppLogger } from "../modules/notifications/mailer.js";

export interface BackupScheduler {
  /** Takes the backup now if it is due (resolves to whether one was taken). */
  runNow(): Promise<boolean>;
  stop(): Promise<void>;
}

export function startBackupScheduler(input: {
  ctx: Pick<AppContext, "database" | "files" | "config">;
  hour: number;
  keep: number;
  logger: AppLogger;
  now?: () => Date;
  checkEveryMs?: number;
  firstDelayMs?: number;
}): BackupScheduler {
  const now = input.now ?? (() => new Date());
  let running: Promise<boolean> | null = null;
  let stopped = false;
  const runNow = (): Promise<boolean> => {
    if (running || stopped) return running ?? Promise.resolve(false);
    running = (async () => {
      try {
        const at = now();
        const row = await takeStoredBackup(input.ctx, { trigger: "scheduled", keep: input.keep, now: at, isDue: (last) => backupDue(at, input.hour, last) });
        if (row) input.logger.info({ backup: row.storageKey, bytes: row.bytes }, "Đã tạo bản sao lưu hằng ngày");
        return row !== null;
      } catch (err) {
        // Another server taking it is not a failure.
        if (!(err instanceof AppError && err.code === "BACKUP_RUNNING")) input.logger.error({ err }, "Sao lưu hằng ngày thất bại; sẽ thử lại ở lượt sau");
        return false;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const interval = setInterval(runNow, input.checkEveryMs ?? 10 * 60_000);
  interval.unref();
  const first = setTimeout(runNow, input.firstDelayMs ?? 60_000);
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
