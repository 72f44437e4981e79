// Tamper evidence for the audit log: each entry's hash covers its content and the previous hash.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted, so the same value always serialises the same way (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface AuditContent {
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  unitId: number | null;
  summary: string;
  before: unknown;
  after: unknown;
}

export function auditHash(prevHash: string, entry: AuditContent): string {
  const body = canonicalJson({
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    unitId: entry.unitId,
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export interface ChainRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks rows in id order and reports the first one whose link or content does not match. */
export function verifyChain(rows: Iterable<ChainRow>, startHash = GENESIS_HASH): ChainVerdict {
  let prev = startHash;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      return { ok: false, checked, brokenAt: row.id, reason: `Mục #${row.id} không nối tiếp mục trước (có mục bị xóa hoặc chèn).` };
    }
    if (auditHash(prev, row) !== row.hash) {
      return { ok: false, checked, brokenAt: row.id, reason: `Nội dung mục #${row.id} đã bị sửa sau khi ghi.` };
    }
    prev = row.hash;
    checked++;
  }
  return { ok: true, checked };
}
