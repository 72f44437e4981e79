// Deadlines are whole days in Vietnam: "chậm nhất ngày 20/11" means until 23:59:59 that day, Asia/Ho_Chi_Minh
// (UTC+7, no daylight saving).
const VN_OFFSET_MS = 7 * 3_600_000;

/** A calendar date from its parts (month 1–12), as YYYY-MM-DD; the caller has checked it exists. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The calendar date in Vietnam at instant `now`, as YYYY-MM-DD. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of day `day` (YYYY-MM-DD) in Vietnam: 00:00 +07:00. */
export function startOfVietnamDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`));
}

/** The last instant of day `due` (YYYY-MM-DD) in Vietnam. */
export function endOfVietnamDay(due: string): Date {
  return new Date(Date.parse(`${due}T23:59:59.999+07:00`));
}

/** Whether something done (or still not done) at `at` is past the whole-day deadline `due`. */
export function isLate(due: string, at: Date): boolean {
  return at.getTime() > endOfVietnamDay(due).getTime();
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
