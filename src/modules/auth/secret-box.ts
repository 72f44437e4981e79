// Encrypts TOTP secrets at rest with AES-256-GCM under SECRETS_KEY, so a copy of the database alone does not
// yield second factors. Without a key (a single-machine demo) secrets are stored as they are and marked so.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const keyOf = (secret: string) => createHash("sha256").update(`thidua/totp/${secret}`).digest();

export function sealSecret(plain: string, secretsKey: string | null): string {
  if (!secretsKey) return `plain:${plain}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretsKey), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${body.toString("base64url")}`;
}

/** The stored secret in clear; throws when it was sealed under another key (SECRETS_KEY changed). */
export function openSecret(stored: string, secretsKey: string | null): string {
  if (stored.startsWith("plain:")) return stored.slice("plain:".length);
  const [version, iv, tag, body] = stored.split(":");
  if (version !== "v1" || !secretsKey) throw new Error("TOTP secret sealed under a key this server does not have (SECRETS_KEY)");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secretsKey), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
