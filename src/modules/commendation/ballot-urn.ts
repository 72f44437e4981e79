// The sealed urn of a secret vote. While a session is open its members' choices exist only as per-nominee counts,
// sealed (AES-256-GCM) under a key derived from a secret that never enters the database, in one row rewritten as a
// whole at each vote. Nothing per voter is stored, and what is stored is unreadable without the server's secret, so
// neither a dump during the vote nor the rows' order, transaction ids or dead versions link a member to a choice.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import path from "node:path";
import type { Config } from "../../config.js";
import { type Counts, decodeUrn, encodeUrn } from "../../domain/commendation/ballot.js";
import { AppError } from "../../http/errors.js";
import { parseKey32, readKeyFile } from "../../storage/key-file.js";

const VERSION = "v1";

/** Reads BALLOT_KEY, or the data folder's key file (made on first use, readable by the server's user only). */
export function ballotMasterKey(config: Pick<Config, "ballotKey" | "dataDir">): Buffer {
  if (config.ballotKey) return parseKey32(config.ballotKey, "BALLOT_KEY");
  return readKeyFile(path.join(config.dataDir, "ballot.key"), true).key;
}

// One key per session, so a urn cannot be replayed into another session.
const sessionKey = (master: Buffer, sessionId: number) =>
  Buffer.from(hkdfSync("sha256", master, Buffer.from("thidua-ballot-urn"), Buffer.from(`session:${sessionId}`), 32));

/** Seals the counts: a fresh random IV each time, so two seals of the same counts look unrelated. */
export function sealUrn(master: Buffer, sessionId: number, counts: Map<number, Counts>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sessionKey(master, sessionId), iv);
  const body = Buffer.concat([cipher.update(encodeUrn(counts)), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

export function openUrn(master: Buffer, sessionId: number, sealed: string): Map<number, Counts> {
  const [version, iv, tag, body] = sealed.split(".");
  try {
    if (version !== VERSION) throw new Error(version);
    const decipher = createDecipheriv("aes-256-gcm", sessionKey(master, sessionId), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return decodeUrn(Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]));
  } catch {
    // Servers with different BALLOT_KEYs, or a urn altered in the database: nothing is changed, the urn stays as it is.
    throw new AppError(
      409,
      "URN_SEAL",
      "Không mở được hòm phiếu kín: khóa niêm phong của máy chủ không khớp hoặc hòm phiếu đã bị sửa. Các phiếu đã bỏ vẫn được giữ nguyên; hãy báo quản trị hệ thống kiểm tra BALLOT_KEY.",
    );
  }
}
