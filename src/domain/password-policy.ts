// Password rules for every place a password is set (ASVS 2.1: length, no composition rules, not a common or breached
// password, not the account's own name). Pure: the common-password list ships inside an npm package (zxcvbn-ts),
// so nothing is fetched at run time.
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
// Long passphrases are welcome; the cap only keeps argon2 input bounded (ASVS 2.1.2 allows up to 128).
export const PASSWORD_MAX_LENGTH = 128;

// Words this service's users are likely to build a password from: the product, "password" in Vietnamese and common
// Vietnamese phrases. Checked like the list's entries, with digits or symbols stripped from the ends.
const CONTEXT_WORDS = ["thidua", "thi dua", "thiduakhenthuong", "matkhau", "mat khau", "anhyeuem", "emyeuanh", "vietnam", "quantri", "admin"];

let common: Set<string> | undefined;
const commonPasswords = () => {
  common ??= new Set([...dictionary["passwords-common"], ...CONTEXT_WORDS]);
  return common;
};

/** Counts user-perceived characters the way people count them ("Ư" is one, whatever its encoding). */
const lengthOf = (s: string) => [...s.normalize("NFC")].length;

// "Password@2026" is "password" with decoration: strip digits and symbols from either end before looking it up.
function bases(password: string): string[] {
  const lower = password.normalize("NFC").toLowerCase();
  const noTail = lower.replace(/[^\p{L}]+$/u, "");
  const noHead = lower.replace(/^[^\p{L}]+/u, "");
  const core = noTail.replace(/^[^\p{L}]+/u, "");
  return [...new Set([lower, noTail, noHead, core])].filter((s) => s.length >= 4);
}

export type PasswordProblem =
  | { code: "TOO_SHORT"; length: number }
  | { code: "TOO_LONG" }
  | { code: "COMMON" }
  | { code: "HAS_USERNAME" }
  | { code: "TOO_REPETITIVE" };

/** Everything wrong with a new password for the account `username` (empty when it may be used). */
export function passwordProblems(password: string, context: { username?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push({ code: "TOO_SHORT", length });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ code: "TOO_LONG" });
  const lower = password.normalize("NFC").toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) problems.push({ code: "HAS_USERNAME" });
  const list = commonPasswords();
  if (bases(password).some((b) => list.has(b))) problems.push({ code: "COMMON" });
  else if (length >= PASSWORD_MIN_LENGTH && new Set(lower).size < 4) problems.push({ code: "TOO_REPETITIVE" });
  return problems;
}

const SAY: Record<PasswordProblem["code"], (p: PasswordProblem) => string> = {
  TOO_SHORT: (p) => `cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự (hiện có ${(p as { length: number }).length})`,
  TOO_LONG: () => `không dài quá ${PASSWORD_MAX_LENGTH} ký tự`,
  HAS_USERNAME: () => "không được chứa tên đăng nhập",
  COMMON: () => "không dùng mật khẩu phổ biến hoặc đã bị lộ (kể cả khi thêm số hay ký hiệu ở đầu, cuối); hãy chọn một cụm từ riêng dễ nhớ",
  TOO_REPETITIVE: () => "không lặp lại vài ký tự; hãy dùng nhiều ký tự khác nhau hơn",
};

/** The Vietnamese sentence saying what to fix, or null when the password may be used. */
export function describePasswordProblems(problems: PasswordProblem[]): string | null {
  if (problems.length === 0) return null;
  return `Mật khẩu mới chưa đủ mạnh: ${problems.map((p) => SAY[p.code](p)).join("; ")}.`;
}
