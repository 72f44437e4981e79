// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), as authenticator apps compute them: HMAC-SHA1,
// 6 digits, 30-second steps. Pure computation (HMAC from node:crypto, no I/O).
import { createHmac, timingSafeEqual } from "node:crypto";

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, the form authenticator apps accept. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error(`Ký tự base32 không hợp lệ: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export type HmacAlgorithm = "sha1" | "sha256" | "sha512";

/** HOTP value of `counter` (RFC 4226 §5.3: dynamic truncation). */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: HmacAlgorithm = "sha1"): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(code % 10 ** digits).padStart(digits, "0");
}

/** The 30-second step an instant falls in. */
export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The code an authenticator shows at `at`. */
export function totp(secret: Uint8Array, at: Date, digits = TOTP_DIGITS, algorithm: HmacAlgorithm = "sha1"): string {
  return hotp(secret, totpStep(at), digits, algorithm);
}

/**
 * The step a typed code matches, allowing one step of clock drift either way, or null. A step at or before
 * `lastUsedStep` is refused: a code works once (ASVS 2.8.4).
 */
export function matchTotp(secret: Uint8Array, code: string, at: Date, lastUsedStep: number | null): number | null {
  const typed = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(typed)) return null;
  const now = totpStep(at);
  for (const step of [now, now - 1, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(typed))) return step;
  }
  return null;
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function otpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({
    secret: input.secret,
    issuer: input.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** A recovery code (typed by hand: lower case, no look-alike characters, grouped 5-5); `randomIndex(n)` is uniform in [0, n). */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function newRecoveryCode(randomIndex: (n: number) => number): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomIndex(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

/** A recovery code as typed, reduced to its stored form (case, spaces and the dash do not matter). */
export const normaliseRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[\s-]/g, "");

/** Roles offered the second factor (ASVS level 2 for those who manage accounts, units and movements). */
export const SECOND_FACTOR_ROLES: readonly string[] = ["admin", "office"];
export const offersSecondFactor = (grants: readonly { role: string }[]) => grants.some((g) => SECOND_FACTOR_ROLES.includes(g.role));
