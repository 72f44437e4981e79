// The whole audit log, checked: every entry's link, hash and MAC, and that the newest checkpoint's head is still there.
import type { Executor } from "../../db/client.js";
import { auditKeyId, checkHead, GENESIS_HASH, vietnamDateTime } from "../../domain/audit-chain.js";
import type { FileStore } from "../../storage/file-store.js";
import { anyMacRow, readAnchor, walkChain } from "./chain.js";
import { readCheckpoint } from "./checkpoint.js";

export interface AuditVerification {
  ok: boolean;
  /** Entries found valid (before the first problem). */
  checked: number;
  /** The entry at fault, when one is (null for a problem with the key or the checkpoint file). */
  brokenAt: number | null;
  reason: string | null;
  /** Entries written before the MAC existed and sealed at the first start after the upgrade (through that id). */
  legacy: { through: number; count: number; sealedAt: string } | null;
  /** The newest checkpoint compared against the log. */
  checkpoint: { id: number; count: number; at: string } | null;
  /** Things that are not tampering but limit what was proved. */
  notes: string[];
  /** The key given is not the one that signs this log: nothing could be checked (not evidence of tampering). */
  wrongKey: boolean;
}

/** Re-computes the whole chain in batches; reports the first entry that was edited, removed or inserted. */
export async function verifyAudit(db: Executor, key: Buffer, store: FileStore): Promise<AuditVerification> {
  const result: AuditVerification = { ok: true, checked: 0, brokenAt: null, reason: null, legacy: null, checkpoint: null, notes: [], wrongKey: false };
  const fail = (brokenAt: number | null, reason: string, checked = result.checked): AuditVerification => ({ ...result, ok: false, checked, brokenAt, reason });

  const anchor = await readAnchor(db);
  if (anchor && anchor.keyId !== auditKeyId(key)) {
    result.wrongKey = true;
    return fail(
      null,
      `Khóa nhật ký đang dùng (mã nhận dạng ${auditKeyId(key)}) khác khóa đã ký nhật ký này (${anchor.keyId}): không kiểm tra được. Kiểm tra AUDIT_KEY / AUDIT_KEY_FILE.`,
    );
  }
  if (anchor && anchor.legacyCount > 0) {
    result.legacy = { through: anchor.legacyThrough, count: anchor.legacyCount, sealedAt: anchor.sealedAt.toISOString() };
    result.notes.push(
      `${anchor.legacyCount} mục đầu (đến #${anchor.legacyThrough}) có trước khi nhật ký được ký MAC; chúng được niêm phong lúc ${vietnamDateTime(result.legacy.sealedAt)}, trước đó chỉ chuỗi băm bảo vệ chúng.`,
    );
  }
  const stored = await readCheckpoint(store, key);
  if (stored.state === "bad") return fail(null, stored.reason);
  const cp = stored.state === "found" ? stored.checkpoint : null;
  if (cp) result.checkpoint = { id: cp.id, count: cp.count, at: cp.at };

  if (!anchor) {
    // Unsealed: an upgraded database before its first start. Anything already signed means the anchor row was removed.
    if (cp || (await anyMacRow(db))) {
      return fail(null, "Thiếu bản ghi khóa của nhật ký (bảng audit_anchor) trong khi nhật ký đã được ký: bản ghi này đã bị xóa khỏi CSDL.");
    }
    const walked = await walkChain(db, { afterId: 0, startHash: GENESIS_HASH });
    if (!walked.verdict.ok) return fail(walked.verdict.brokenAt, walked.verdict.reason, walked.verdict.checked);
    result.checked = walked.verdict.checked;
    result.notes.push("Nhật ký chưa được ký MAC (CSDL vừa nâng cấp, máy chủ chưa khởi động lại): chỉ kiểm tra được chuỗi băm.");
    return result;
  }

  let headHash: string | null = null;
  let countToHead = 0;
  const walked = await walkChain(db, {
    afterId: 0,
    startHash: GENESIS_HASH,
    key,
    visit: (rows) => {
      if (!cp) return;
      for (const r of rows) {
        if (r.id > cp.id) break;
        countToHead++;
        if (r.id === cp.id) headHash = r.hash;
      }
    },
  });
  if (!walked.verdict.ok) return fail(walked.verdict.brokenAt, walked.verdict.reason, walked.verdict.checked);
  result.checked = walked.verdict.checked;
  if (cp) {
    const head = checkHead(cp, { hash: headHash, count: countToHead, lastId: walked.lastId || null, total: result.checked });
    if (!head.ok) return fail(head.brokenAt, head.reason);
    const after = result.checked - countToHead;
    if (after > 0) result.notes.push(`${after} mục ghi sau điểm neo lúc ${vietnamDateTime(cp.at)} được bảo vệ bằng MAC; điểm neo kế tiếp sẽ bao gồm chúng.`);
  } else if (result.checked > 0) {
    result.notes.push("Chưa có điểm neo trong kho tệp: việc xóa các mục cuối chưa phát hiện được cho tới điểm neo đầu tiên.");
  }
  return result;
}
