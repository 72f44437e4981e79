// One schema for every calendar date the system takes (plan dates, API dates): a real day of the Gregorian
// calendar written YYYY-MM-DD. "2026-02-29" and "2026-02-30" look like dates but do not exist; let through, they
// launched a plan whose every document then failed to print.
import { z } from "zod";
import { dmy } from "./format.js";

/** True when `s` is YYYY-MM-DD and that day exists (leap years included). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date as text, YYYY-MM-DD, that exists; messages say what to fix, in Vietnamese. */
export const calendarDate = z
  .string({ error: "Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD)." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD).")
  .refine(isCalendarDate, {
    error: (issue) => `Ngày ${dmy(String(issue.input))} không có trên lịch (tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận).`,
  });
