// What a server or a writing command does with the audit trail right after opening the database.
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { FileStore } from "../../storage/file-store.js";
import { KeyFileError } from "../../storage/key-file.js";
import { type LoadedAuditKey, loadAuditKey } from "./audit-key.js";
import { AuditTrailError, prepareAuditTrail } from "./prepare-audit-trail.js";

export { AuditTrailError };

/**
 * Loads (or on first start makes) the audit key, checks it signs this database's log, seals entries from before the
 * MAC. Throws AuditTrailError with the reason in Vietnamese when the server must not start; returns what to tell the
 * operator.
 */
export async function openAuditTrail(config: Pick<Config, "audit" | "dataDir" | "databaseUrl">, db: Db, store: FileStore) {
  let loaded: LoadedAuditKey;
  try {
    loaded = loadAuditKey(config, { create: true });
  } catch (e) {
    if (e instanceof KeyFileError) throw new AuditTrailError(e.message);
    throw e;
  }
  const { sealed } = await prepareAuditTrail(db, loaded.key, store);
  const notes: string[] = [];
  if (loaded.source === "generated") {
    notes.push(`Đã tạo khóa ký nhật ký mới tại ${loaded.file}. Hãy giữ một bản ở nơi an toàn, tách khỏi CSDL: không có khóa thì không kiểm tra được nhật ký.`);
  }
  if (config.databaseUrl && loaded.source !== "env" && loaded.source !== "file") {
    notes.push(
      `Khóa ký nhật ký nằm trong tệp ${loaded.file} của riêng máy chủ này. Nếu nhiều máy chủ dùng chung CSDL, hãy đặt AUDIT_KEY hoặc AUDIT_KEY_FILE giống nhau cho mọi máy chủ (máy chủ có khóa khác sẽ không khởi động).`,
    );
  }
  if (sealed > 0) notes.push(`Đã niêm phong ${sealed} mục nhật ký có trước khi nhật ký được ký MAC.`);
  return { key: loaded.key, keyId: loaded.keyId, notes };
}
