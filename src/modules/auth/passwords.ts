import { hash, verify } from "@node-rs/argon2";
import { badRequest } from "../../http/errors.js";

// argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends.
export const hashPassword = (password: string) => hash(password);

export async function checkPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Refuses weak passwords with a message saying what is missing. */
export function assertStrongPassword(password: string): void {
  const missing: string[] = [];
  if (password.length < 8) missing.push("ít nhất 8 ký tự");
  if (!/\p{L}/u.test(password)) missing.push("có chữ cái");
  if (!/\d/.test(password)) missing.push("có chữ số");
  if (missing.length) {
    throw badRequest("WEAK_PASSWORD", `Mật khẩu mới chưa đủ mạnh: cần ${missing.join(", ")}.`);
  }
}
