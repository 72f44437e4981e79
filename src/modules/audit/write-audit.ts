import { desc, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";
import { type AuditContent, auditHash, GENESIS_HASH } from "../../domain/audit-chain.js";
import type { Actor } from "../actor.js";

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | number;
  unitId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

// Arbitrary constant naming the lock that serialises appends to the hash chain.
const AUDIT_LOCK = 72_410_001;

/** Appends audit entries inside the caller's transaction, each chained to the one before. */
export async function writeAudit(tx: Executor, actor: Actor, input: AuditInput | AuditInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const values = inputs.map((i) => {
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
    const row = { ...content, at, requestId: actor.requestId ?? null, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Rows get ids in insertion order, which is the chain order.
  for (let i = 0; i < values.length; i += 500) await tx.insert(auditLog).values(values.slice(i, i + 500));
}

// Store exactly what will be read back from jsonb (Dates as ISO strings, no undefined).
function toJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}
