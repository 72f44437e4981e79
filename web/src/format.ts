// Display formatting for Vietnamese users. The formats themselves (dd/mm/yyyy, vi-VN separators, Vietnam time) come
// from the server's domain module, so a date or an amount reads the same on screen as in documents and messages;
// this file adapts them to the UI (empty for missing values, DatePicker values) and adds Vietnamese collation.
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { dmy, num, percent, vietnamDateTime } from "../../src/domain/format";

export { fileSize } from "../../src/domain/format";

dayjs.extend(customParseFormat);

export const DATE_FORMAT = "DD/MM/YYYY";
export const DATE_TIME_FORMAT = "DD/MM/YYYY HH:mm";
export const API_DATE_FORMAT = "YYYY-MM-DD";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2024-05-01` or an ISO timestamp → `01/05/2024`; empty for null or unparsable input. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  if (ISO_DATE.test(value)) return dayjs(value, API_DATE_FORMAT, true).isValid() ? dmy(value) : value;
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** ISO timestamp → `01/05/2024 14:30` in Vietnam's time, wherever the browser is. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : vietnamDateTime(d);
}

/** `YYYY-MM-DD` → Dayjs for DatePicker values. */
export function parseApiDate(value: string | null | undefined): dayjs.Dayjs | null {
  if (!value) return null;
  const d = dayjs(value, API_DATE_FORMAT, true);
  return d.isValid() ? d : null;
}

/** Dayjs from a DatePicker → `YYYY-MM-DD` for the API. */
export function toApiDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value?.isValid() ? value.format(API_DATE_FORMAT) : null;
}

/** 12345.6 → `12.345,6` (at most three decimals); empty for no value. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "" : num(value, 3);
}

/** A ratio as a percentage: 0.875 → `87,5%`. */
export function formatPercent(ratio: number): string {
  return percent(ratio * 100, 1);
}

export const viCollator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function compareVi(a: string | null | undefined, b: string | null | undefined): number {
  return viCollator.compare(a ?? "", b ?? "");
}

/** Case- and diacritic-insensitive "contains", so "ha noi" finds "Hà Nội". */
export function foldVi(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

export function includesVi(haystack: string, needle: string): boolean {
  return foldVi(haystack).includes(foldVi(needle.trim()));
}
