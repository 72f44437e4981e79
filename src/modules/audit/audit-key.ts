// The secret that MACs the audit log. It never enters the database (only its fingerprint does), so someone who can
// write to the database cannot re-sign a row they rewrote.
import path from "node:path";
import type { Config } from "../../config.js";
import { auditKeyId } from "../../domain/audit-chain.js";
import { KeyFileError, parseKey32, readKeyFile } from "../../storage/key-file.js";

export interface LoadedAuditKey {
  key: Buffer;
  /** Fingerprint stored in the database and in checkpoints to tell keys apart. */
  keyId: string;
  /** AUDIT_KEY, AUDIT_KEY_FILE, or the default file in DATA_DIR (generated: made just now). */
  source: "env" | "file" | "default-file" | "generated";
  file: string | null;
}

/** The default key file when neither AUDIT_KEY nor AUDIT_KEY_FILE is set. */
export const defaultAuditKeyFile = (dataDir: string) => path.join(dataDir, "audit.key");

/**
 * AUDIT_KEY, else AUDIT_KEY_FILE, else `DATA_DIR/audit.key` — made on first start when `create` is set (the server
 * and commands that write); a command that only verifies must not invent a key, so it refuses instead.
 */
export function loadAuditKey(config: Pick<Config, "audit" | "dataDir">, opts: { create: boolean }): LoadedAuditKey {
  const loaded = (key: Buffer, source: LoadedAuditKey["source"], file: string | null): LoadedAuditKey => ({ key, keyId: auditKeyId(key), source, file });
  if (config.audit.key) return loaded(parseKey32(config.audit.key, "AUDIT_KEY"), "env", null);
  if (config.audit.keyFile) {
    try {
      return loaded(readKeyFile(config.audit.keyFile, false).key, "file", config.audit.keyFile);
    } catch (e) {
      if (!(e instanceof KeyFileError)) throw e;
      throw new KeyFileError(`AUDIT_KEY_FILE: ${e.message} Tệp khóa được chỉ định phải có sẵn (mọi máy chủ dùng chung một khóa).`);
    }
  }
  const file = defaultAuditKeyFile(config.dataDir);
  try {
    const { key, created } = readKeyFile(file, opts.create);
    return loaded(key, created ? "generated" : "default-file", file);
  } catch (e) {
    if (!(e instanceof KeyFileError) || opts.create) throw e;
    throw new KeyFileError(`Không tìm thấy khóa nhật ký: chưa đặt AUDIT_KEY hay AUDIT_KEY_FILE và không có tệp ${file}.`);
  }
}

// Process-wide, like the configuration it comes from: one process signs with one key (all its databases alike).
let installed: Buffer | null = null;

/** Makes `key` the one this process signs audit entries with (done by prepareAuditTrail at start). */
export function installAuditKey(key: Buffer): void {
  installed = key;
}

/** The key this process signs with; writing an audit entry before the trail is prepared is a programming error. */
export function auditKey(): Buffer {
  if (!installed) throw new Error("Audit key not installed: call prepareAuditTrail() after opening the database, before writing audit entries.");
  return installed;
}
