// Secrets that must stay off the database (the audit MAC key, …): given in the environment, or kept in a file the
// server makes on first start, readable by its own user only.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A 32-byte key written as base64 or hex; `where` names its source in the error. */
export function parseKey32(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new KeyFileError(`${where}: khóa phải dài đúng 32 byte, viết dạng base64 hoặc hex (tạo bằng: openssl rand -base64 32).`);
  }
  return key;
}

/** Reads the key file; when `create` is set and the file does not exist, makes it (another process may win the race). */
export function readKeyFile(file: string, create: boolean): { key: Buffer; created: boolean } {
  let created = false;
  if (create && !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  if (!fs.existsSync(file)) throw new KeyFileError(`Không có tệp khóa ${file}.`);
  return { key: parseKey32(fs.readFileSync(file, "utf8"), file), created };
}

export class KeyFileError extends Error {}
