// Checkpoints of the chain's head, signed with the audit key and kept in the file store (local disk or S3), outside
// the database: deleting the newest entries leaves an intact-looking chain, but not the checkpointed head.
import type { Executor } from "../../db/client.js";
import {
  auditKeyId,
  type ChainVerdict,
  checkHead,
  checkpointIsAuthentic,
  GENESIS_HASH,
  parseCheckpoint,
  type SignedCheckpoint,
  signCheckpoint,
} from "../../domain/audit-chain.js";
import type { FileStore } from "../../storage/file-store.js";
import { headAt, walkChain } from "./chain.js";

/** The file store key of the newest checkpoint (reserved: nothing else may be stored under it). */
export const CHECKPOINT_KEY = "audit-head";

export type StoredCheckpoint =
  | { state: "none" }
  | { state: "found"; checkpoint: SignedCheckpoint }
  /** Present but not a checkpoint signed with this key: the file was altered, or another key signed it. */
  | { state: "bad"; reason: string };

function isMissing(e: unknown): boolean {
  const err = e as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  return err.code === "ENOENT" || err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata?.httpStatusCode === 404;
}

/** The newest checkpoint, checked against the key. */
export async function readCheckpoint(store: FileStore, key: Buffer): Promise<StoredCheckpoint> {
  let text: string;
  try {
    text = (await store.get(CHECKPOINT_KEY)).toString("utf8");
  } catch (e) {
    if (isMissing(e)) return { state: "none" };
    throw e;
  }
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint) return { state: "bad", reason: `Điểm neo nhật ký trong kho tệp (${CHECKPOINT_KEY}) không đọc được: tệp đã bị sửa hoặc hỏng.` };
  if (checkpoint.keyId !== auditKeyId(key)) {
    return {
      state: "bad",
      reason: `Điểm neo nhật ký trong kho tệp được ký bằng một khóa khác (mã nhận dạng ${checkpoint.keyId}, khóa đang dùng ${auditKeyId(key)}): kiểm tra AUDIT_KEY / AUDIT_KEY_FILE.`,
    };
  }
  if (!checkpointIsAuthentic(key, checkpoint)) {
    return { state: "bad", reason: `Điểm neo nhật ký trong kho tệp (${CHECKPOINT_KEY}) sai chữ ký: tệp điểm neo đã bị sửa.` };
  }
  return { state: "found", checkpoint };
}

export type CheckpointOutcome =
  | { written: true; checkpoint: SignedCheckpoint }
  | { written: false; why: "empty" | "unchanged" | "newer-exists" }
  /** Something is wrong with the log or the checkpoint; the checkpoint is not moved past it, so verify keeps seeing it. */
  | { written: false; why: "problem"; brokenAt: number | null; reason: string };

/**
 * Verifies the entries written since the newest checkpoint (all of them the first time) and, if the log still holds
 * that checkpoint's head and every newer entry links and carries its MAC, records the new head. It never advances
 * over a problem: a deletion after a checkpoint would otherwise be laundered by the next one.
 */
export async function takeCheckpoint(db: Executor, key: Buffer, store: FileStore, now = new Date()): Promise<CheckpointOutcome> {
  const problem = (v: ChainVerdict | { brokenAt: null; reason: string }): CheckpointOutcome => ({
    written: false,
    why: "problem",
    brokenAt: "brokenAt" in v ? v.brokenAt : null,
    reason: "reason" in v ? v.reason : "",
  });
  const stored = await readCheckpoint(store, key);
  if (stored.state === "bad") return problem({ brokenAt: null, reason: stored.reason });
  const prev = stored.state === "found" ? stored.checkpoint : null;
  if (prev) {
    const atPrev = checkHead(prev, await headAt(db, prev.id));
    if (!atPrev.ok) return problem(atPrev);
  }
  const walked = await walkChain(db, { afterId: prev?.id ?? 0, startHash: prev?.hash ?? GENESIS_HASH, key });
  if (!walked.verdict.ok) return problem(walked.verdict);
  if (walked.lastId === 0) return { written: false, why: "empty" };
  if (prev && walked.lastId === prev.id) return { written: false, why: "unchanged" };
  const next = signCheckpoint(key, {
    id: walked.lastId,
    hash: walked.lastHash,
    count: (prev?.count ?? 0) + walked.verdict.checked,
    at: now.toISOString(),
    keyId: auditKeyId(key),
  });
  // Another server may have written a newer head meanwhile; never replace it with an older one.
  const latest = await readCheckpoint(store, key);
  if (latest.state === "found" && latest.checkpoint.id >= next.id) return { written: false, why: "newer-exists" };
  await store.put(CHECKPOINT_KEY, Buffer.from(`${JSON.stringify(next, null, 2)}\n`));
  return { written: true, checkpoint: next };
}
