// Reading the audit chain back in order, in batches, checking each link, hash and MAC on the way.
import { asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditAnchor, auditLog } from "../../db/schema.js";
import { type ChainRow, type ChainVerdict, verifyChain } from "../../domain/audit-chain.js";
import { presentAudit } from "./service.js";

const BATCH = 2000;

/** Arbitrary constant naming the lock that serialises appends to the hash chain (and sealing). */
export const AUDIT_LOCK = 72_410_001;

export interface Walked {
  verdict: ChainVerdict;
  /** The last row verified (the head when the walk went to the end), or the start when none was. */
  lastId: number;
  lastHash: string;
}

/**
 * Verifies the rows after `afterId` (chained from `startHash`) to the end of the log; with a key every row must carry
 * a valid MAC. `visit` sees each verified batch.
 */
export async function walkChain(db: Executor, opts: { afterId: number; startHash: string; key?: Buffer; visit?: (rows: ChainRow[]) => void }): Promise<Walked> {
  let lastId = opts.afterId;
  let lastHash = opts.startHash;
  let checked = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(BATCH);
    if (batch.length === 0) break;
    const rows: ChainRow[] = batch.map((r) => ({ ...presentAudit(r), prevHash: r.prevHash, hash: r.hash, mac: r.mac }));
    const verdict = verifyChain(rows, lastHash, opts.key);
    if (!verdict.ok) return { verdict: { ...verdict, checked: checked + verdict.checked }, lastId, lastHash };
    opts.visit?.(rows);
    checked += verdict.checked;
    lastId = rows[rows.length - 1].id;
    lastHash = rows[rows.length - 1].hash;
  }
  return { verdict: { ok: true, checked }, lastId, lastHash };
}

export async function readAnchor(db: Executor) {
  const [anchor] = await db.select().from(auditAnchor).where(eq(auditAnchor.id, 1));
  return anchor ?? null;
}

/** Whether any entry carries a MAC (then the log has been sealed, whatever the anchor row says). */
export async function anyMacRow(db: Executor): Promise<boolean> {
  const res = (await db.execute(sql`select exists (select 1 from audit_log where mac is not null) as found`)) as unknown as { rows: { found: boolean }[] };
  return Boolean(res.rows[0]?.found);
}

/** The entry with this id (its hash, or null when gone) and how many entries the log holds up to it and in all. */
export async function headAt(db: Executor, id: number): Promise<{ hash: string | null; count: number; lastId: number | null; total: number }> {
  const res = (await db.execute(sql`
    select (select hash from audit_log where id = ${id}) as hash,
           (select count(*) from audit_log where id <= ${id})::int as count,
           (select max(id) from audit_log) as last_id,
           (select count(*) from audit_log)::int as total`)) as unknown as {
    rows: { hash: string | null; count: number; last_id: string | number | null; total: number }[];
  };
  const r = res.rows[0];
  return { hash: r.hash, count: Number(r.count), lastId: r.last_id === null ? null : Number(r.last_id), total: Number(r.total) };
}
