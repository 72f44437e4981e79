// At every start: checks that the configured key is the one that signs this database's audit log, and on the first
// start after the upgrade that introduced the MAC, seals the entries written before it (signs them as they are now).
import { asc, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditAnchor, auditLog } from "../../db/schema.js";
import { auditKeyId, auditMac } from "../../domain/audit-chain.js";
import type { FileStore } from "../../storage/file-store.js";
import { SYSTEM_ACTOR } from "../actor.js";
import { installAuditKey } from "./audit-key.js";
import { AUDIT_LOCK, anyMacRow, readAnchor } from "./chain.js";
import { CHECKPOINT_KEY, readCheckpoint } from "./checkpoint.js";
import { writeAudit } from "./write-audit.js";

/** Why the server must not start: signing with this key would corrupt or launder the audit log. */
export class AuditTrailError extends Error {}

export interface Prepared {
  /** Entries sealed now (written before the MAC existed); 0 on every later start. */
  sealed: number;
}

export async function prepareAuditTrail(db: Db, key: Buffer, store: FileStore): Promise<Prepared> {
  const keyId = auditKeyId(key);
  const stored = await readCheckpoint(store, key);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const anchor = await readAnchor(tx);
    if (anchor) {
      if (anchor.keyId !== keyId) {
        throw new AuditTrailError(
          `Khóa nhật ký của máy chủ này (mã nhận dạng ${keyId}) khác khóa đã ký nhật ký trong CSDL (${anchor.keyId}). ` +
            "Mọi máy chủ dùng chung một CSDL phải dùng cùng một khóa: đặt AUDIT_KEY hoặc AUDIT_KEY_FILE giống nhau (xem README). " +
            "Máy chủ không khởi động để không ghi nhật ký bằng khóa sai.",
        );
      }
      installAuditKey(key);
      return { sealed: 0 };
    }
    // Sealing signs whatever is there; it must happen once, never over entries someone stripped of their MACs.
    if (await anyMacRow(tx)) {
      throw new AuditTrailError(
        "Nhật ký đã có mục được ký MAC nhưng thiếu bản ghi khóa (bảng audit_anchor): CSDL có thể đã bị can thiệp. " +
          "Chạy `npm run cli -- audit:verify` để biết chi tiết; máy chủ không khởi động.",
      );
    }
    if (stored.state !== "none") {
      throw new AuditTrailError(
        `Kho tệp có điểm neo nhật ký (${CHECKPOINT_KEY}) nhưng nhật ký trong CSDL chưa từng được ký: CSDL đã bị thay hoặc bị can thiệp. ` +
          `Chạy \`npm run cli -- audit:verify\`; nếu đây đúng là một CSDL mới, hãy xóa tệp điểm neo ${CHECKPOINT_KEY} khỏi kho tệp rồi khởi động lại.`,
      );
    }
    installAuditKey(key);
    let sealed = 0;
    let through = 0;
    for (;;) {
      const batch = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(isNull(auditLog.mac)).orderBy(asc(auditLog.id)).limit(500);
      if (batch.length === 0) break;
      const values = sql.join(
        batch.map((r) => sql`(${r.id}::bigint, ${auditMac(key, r.id, r.hash)})`),
        sql`, `,
      );
      await tx.execute(sql`update audit_log set mac = v.mac from (values ${values}) as v(id, mac) where audit_log.id = v.id`);
      sealed += batch.length;
      through = batch[batch.length - 1].id;
    }
    await tx.insert(auditAnchor).values({ id: 1, keyId, legacyThrough: through, legacyCount: sealed });
    if (sealed > 0) {
      await writeAudit(tx, SYSTEM_ACTOR, {
        action: "audit.seal",
        entity: "system",
        entityId: "audit",
        summary: `Bắt đầu ký nhật ký bằng khóa bí mật (MAC): niêm phong ${sealed} mục có trước (đến #${through}); trước thời điểm này chúng chỉ được chuỗi băm bảo vệ`,
        after: { legacyThrough: through, legacyCount: sealed, keyId },
      });
    }
    return { sealed };
  });
}
