import { z } from "zod";
import { timestamp } from "../../http/contract.js";

export const backupStatusBody = z.object({
  lastAt: timestamp.nullable(),
  lastBytes: z.number().int().nullable(),
  lastError: z.object({ at: timestamp, message: z.string() }).nullable(),
});

export const backupBody = z.object({
  id: z.number().int(),
  at: timestamp,
  trigger: z.enum(["scheduled", "manual"]),
  ok: z.boolean(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
});

export const backupListBody = z.object({ items: z.array(backupBody), status: backupStatusBody });

export const healthBody = z.object({
  status: z.enum(["ok", "error"]),
  database: z.string(),
  storage: z.string(),
  version: z.string(),
  reminders: z
    .object({
      lastPassAt: timestamp.nullable(),
      result: z.unknown().meta({ description: "Kết quả lượt chạy gần nhất của việc nhắc hạn (tùy việc)." }),
    })
    .nullable(),
  // Public: when and how much; the failure's text (paths) is for administrators (GET /api/system/backups).
  backup: z.object({ lastAt: timestamp.nullable(), lastBytes: z.number().int().nullable(), lastFailedAt: timestamp.nullable() }).nullable(),
});
