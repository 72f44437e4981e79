import { desc, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";
import type { AuditAction, AuditEntity } from "../../domain/audit-actions.js";
import { type AuditContent, auditHash, auditMac, GENESIS_HASH } from "../../domain/audit-chain.js";
import type { Actor } from "../actor.js";
import { auditKey } from "./audit-key.js";
import { AUDIT_LOCK } from "./chain.js";

export interface AuditInput {
  /** One of the catalogue's actions (domain/audit-actions.ts), so every entry has a Vietnamese name. */
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number;
  unitId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends audit entries inside the caller's transaction, each chained to the one before and signed with the audit key
 * (the MAC covers the entry's id, so ids are drawn first; under the lock they rise in chain order).
 */
export async function writeAudit(tx: Executor, actor: Actor, input: AuditInput | AuditInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return;
  const key = auditKey();
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const drawn = (await tx.execute(
    sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id from generate_series(1, ${inputs.length}::int)`,
  )) as unknown as { rows: { id: string }[] };
  const ids = drawn.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const values = inputs.map((i, n) => {
    const content: AuditContent = {
      at: at.toISOString(),
      actorId: actor.userId || null,
      actorName: actor.fullName,
      action: i.action,
      entity: i.entity,
      entityId: String(i.entityId),
      unitId: i.unitId ?? null,
      summary: i.summary,
      before: toJson(i.before),
      after: toJson(i.after),
    };
    const hash = auditHash(prevHash, content);
    const row = { id: ids[n], ...content, at, requestId: actor.requestId ?? null, prevHash, hash, mac: auditMac(key, ids[n], hash) };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < values.length; i += 500) await tx.insert(auditLog).values(values.slice(i, i + 500));
}

// Store exactly what will be read back from jsonb (Dates as ISO strings, no undefined).
function toJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}
