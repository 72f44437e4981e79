import { hash, verify } from "@node-rs/argon2";
import { describePasswordProblems, passwordProblems } from "../../domain/password-policy.js";
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

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real check, for sign-ins whose account does not exist, so timing reveals nothing. */
export async function checkAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("không-có-tài-khoản-này");
  await checkPassword(await dummyHash, password);
  return false;
}

/** Refuses a password the policy forbids (src/domain/password-policy.ts), saying what to fix. Every setter calls it. */
export function assertStrongPassword(password: string, username?: string): void {
  const message = describePasswordProblems(passwordProblems(password, { username }));
  if (message) throw badRequest("WEAK_PASSWORD", message);
}
