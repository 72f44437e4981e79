// How Vietnamese readers see numbers, money, percentages, dates, times and participants' names — one place for the
// server (documents, exports, error messages, audit summaries) and the web (it imports this file directly, so it
// stays free of zod and Node APIs). Dates are dd/mm/yyyy; numbers use Vietnamese separators (1.234.567,5); money is
// "1.234.000 đồng"; times are Vietnam's (Asia/Ho_Chi_Minh, see ./calendar.ts for day bounds).
import { vietnamDate } from "./calendar.js";

export { endOfVietnamDay, isoDate, startOfVietnamDay, vietnamDate } from "./calendar.js";

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(maxFractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maxFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, f);
  }
  return f;
}

/** 1234567.5 → "1.234.567,5", with at most `maxFractionDigits` decimals. */
export function num(n: number, maxFractionDigits = 2): string {
  // Small whole numbers need no separators; Intl formatting is slow enough to matter when scoring thousands.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  return numberFormat(maxFractionDigits).format(n);
}

/** An amount of money: 1234000 → "1.234.000 đồng" (a computed amount may keep two decimals). */
export const money = (amount: number): string => `${num(amount)} đồng`;

/** A whole, non-negative amount of đồng without the unit, as printed in decisions: 1410000 → "1.410.000". */
export function wholeAmount(amount: number): string {
  // A fractional or negative amount on an official document is a bug upstream; refuse rather than print it.
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Số tiền không hợp lệ: ${amount}`);
  return num(amount, 0);
}

/** A percentage given in percent units: 87.5 → "87,5%". */
export const percent = (value: number, maxFractionDigits = 2): string => `${num(value, maxFractionDigits)}%`;

/** A file's size: "512 B", "13 KB" (whole kilobytes, rounded up), "1,5 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${num(bytes, 0)} B`;
  if (bytes < 1_048_576) return `${num(Math.ceil(bytes / 1024), 0)} KB`;
  return `${num(bytes / 1_048_576, 1)} MB`;
}

/** A calendar date "2024-05-01" (or the date part of an ISO timestamp) → "01/05/2024"; "" when there is none. */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The time of day of instant `at` in Vietnam: "08:30". */
export function vietnamTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** Instant `at` as "dd/mm/yyyy HH:mm" in Vietnam. */
export function vietnamDateTime(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return `${dmy(vietnamDate(d))} ${vietnamTime(d)}`;
}

/** How a participant or nominee is named in lists and messages: "Nguyễn Văn A (Phường 1)", or the unit alone. */
export function participantDisplayName(unitName: string, personName: string | null | undefined): string {
  return personName ? `${personName} (${unitName})` : unitName;
}
