// Tamper evidence for the audit log: each entry's hash covers its content and the previous hash, and each entry
// carries a MAC under a secret key kept outside the database, so rewriting a row and recomputing the hashes that
// follow is caught too. Checkpoints of the head, signed with the same key and written outside the database, catch
// the deletion of the newest rows (which a chain alone cannot see).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { vietnamDateTime } from "./format.js";

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

/** Key material for the MACs: the secret as configured (any string of 32+ characters, or bytes). */
export type AuditKey = string | Uint8Array;

function hmac(key: AuditKey, text: string): string {
  return createHmac("sha256", key).update(text).digest("hex");
}

/** Constant-time comparison of two hex MACs. */
function sameMac(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The MAC of one entry: binds its id to its hash (which already covers its content and the previous hash). */
export function auditMac(key: AuditKey, id: number, hash: string): string {
  return hmac(key, `audit-row\n${id}\n${hash}`);
}

/** A fingerprint that tells keys apart without revealing them (stored in the database to detect a changed key). */
export function auditKeyId(key: AuditKey): string {
  return hmac(key, "audit-key-id").slice(0, 16);
}

export interface ChainRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
  /** null for an entry written before the MAC existed and not yet sealed. */
  mac?: string | null;
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/**
 * Walks rows in id order and reports the first one whose link, content or MAC does not match. With a key, every row
 * must carry a valid MAC; without one (a log never sealed) only the chain is checked.
 */
export function verifyChain(rows: Iterable<ChainRow>, startHash = GENESIS_HASH, key?: AuditKey): ChainVerdict {
  let prev = startHash;
  let prevId: number | null = null;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      const after = prevId === null ? "" : ` #${prevId}`;
      return { ok: false, checked, brokenAt: row.id, reason: `Mục #${row.id} không nối tiếp mục trước nó${after} (có mục bị xóa hoặc chèn ở giữa).` };
    }
    if (auditHash(prev, row) !== row.hash) {
      return { ok: false, checked, brokenAt: row.id, reason: `Nội dung mục #${row.id} đã bị sửa sau khi ghi.` };
    }
    if (key !== undefined) {
      if (!row.mac) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: `Mục #${row.id} không có mã xác thực (MAC): mục bị chèn vào, hoặc mã của nó bị gỡ sau khi ghi.`,
        };
      }
      if (!sameMac(row.mac, auditMac(key, row.id, row.hash))) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: `Mã xác thực (MAC) của mục #${row.id} không khớp: mục bị sửa rồi tính lại mã băm, hoặc bị chèn bởi người không có khóa.`,
        };
      }
    }
    prev = row.hash;
    prevId = row.id;
    checked++;
  }
  return { ok: true, checked };
}

/** The head of the chain at one moment, kept outside the database. */
export interface Checkpoint {
  /** The newest entry's id and hash. */
  id: number;
  hash: string;
  /** How many entries the log held, up to and including `id`. */
  count: number;
  /** When the checkpoint was taken (ISO). */
  at: string;
  keyId: string;
}

export interface SignedCheckpoint extends Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  mac: string;
}

export const CHECKPOINT_FORMAT = "thidua-audit-checkpoint/1";

function checkpointBody(c: Checkpoint): string {
  return `audit-checkpoint\n${canonicalJson({ format: CHECKPOINT_FORMAT, id: c.id, hash: c.hash, count: c.count, at: c.at, keyId: c.keyId })}`;
}

export function signCheckpoint(key: AuditKey, c: Checkpoint): SignedCheckpoint {
  return { format: CHECKPOINT_FORMAT, id: c.id, hash: c.hash, count: c.count, at: c.at, keyId: c.keyId, mac: hmac(key, checkpointBody(c)) };
}

/** Parses a stored checkpoint; null when it is not one (wrong shape). */
export function parseCheckpoint(text: string): SignedCheckpoint | null {
  try {
    const v = JSON.parse(text) as Partial<SignedCheckpoint>;
    const ok =
      v.format === CHECKPOINT_FORMAT &&
      Number.isSafeInteger(v.id) &&
      Number.isSafeInteger(v.count) &&
      typeof v.hash === "string" &&
      typeof v.at === "string" &&
      typeof v.keyId === "string" &&
      typeof v.mac === "string";
    return ok ? (v as SignedCheckpoint) : null;
  } catch {
    return null;
  }
}

export function checkpointIsAuthentic(key: AuditKey, c: SignedCheckpoint): boolean {
  return sameMac(c.mac, hmac(key, checkpointBody(c)));
}

// "dd/mm/yyyy HH:mm" in Vietnam time, for naming a checkpoint.
export { vietnamDateTime };

/** What the chain holds at a checkpoint's head: the row with its id (hash, or null if gone) and the entries up to it. */
export interface HeadFound {
  hash: string | null;
  count: number;
  /** The newest entry now in the log (null when empty). */
  lastId: number | null;
  total: number;
}

/**
 * Whether the log still holds the checkpointed head: that entry with the same hash, and as many entries up to it.
 * Deleting the newest entries after a checkpoint is caught here; the chain itself would look intact.
 */
export function checkHead(c: Checkpoint, found: HeadFound): ChainVerdict {
  const when = vietnamDateTime(c.at);
  if (found.hash === null) {
    const now = found.lastId === null ? "nhật ký hiện không còn mục nào" : `nhật ký hiện còn ${found.total} mục, mục cuối là #${found.lastId}`;
    return {
      ok: false,
      checked: found.total,
      brokenAt: c.id,
      reason: `Mục #${c.id} — mục cuối của nhật ký tại điểm neo lúc ${when} (khi đó có ${c.count} mục) — không còn: các mục cuối đã bị xóa (${now}).`,
    };
  }
  if (found.hash !== c.hash) {
    return { ok: false, checked: found.total, brokenAt: c.id, reason: `Mục #${c.id} khác với điểm neo lúc ${when}: mục đã bị ghi lại.` };
  }
  if (found.count !== c.count) {
    return {
      ok: false,
      checked: found.total,
      brokenAt: c.id,
      reason: `Đến mục #${c.id} nhật ký có ${found.count} mục, điểm neo lúc ${when} ghi ${c.count} mục: có mục bị xóa hoặc chèn trước #${c.id}.`,
    };
  }
  return { ok: true, checked: found.total };
}
