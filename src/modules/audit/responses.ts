import { z } from "zod";
import { timestamp } from "../../http/contract.js";

export const auditEntryBody = z.object({
  id: z.number().int(),
  at: timestamp,
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  unitId: z.number().int().nullable(),
  summary: z.string(),
  before: z.unknown().meta({ description: "Bản ghi trước thay đổi (tùy loại bản ghi) hoặc null." }),
  after: z.unknown().meta({ description: "Bản ghi sau thay đổi (tùy loại bản ghi) hoặc null." }),
});
export const auditPageBody = z.object({ items: z.array(auditEntryBody), total: z.number().int() });
export const auditHistoryBody = z.object({ items: z.array(auditEntryBody) });

export const auditVerificationBody = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  legacy: z.object({ through: z.number().int(), count: z.number().int(), sealedAt: z.string() }).nullable(),
  checkpoint: z.object({ id: z.number().int(), count: z.number().int(), at: z.string() }).nullable(),
  notes: z.array(z.string()),
  wrongKey: z.boolean(),
});
