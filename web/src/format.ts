// Display formatting for Vietnamese users: dates dd/mm/yyyy, vi-VN number separators,
// and Vietnamese collation for any sorting done in the browser.
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";

dayjs.extend(customParseFormat);

export const DATE_FORMAT = "DD/MM/YYYY";
export const DATE_TIME_FORMAT = "DD/MM/YYYY HH:mm";
export const API_DATE_FORMAT = "YYYY-MM-DD";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2024-05-01` or an ISO timestamp → `01/05/2024`; empty for null or unparsable input. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const d = ISO_DATE.test(value) ? dayjs(value, API_DATE_FORMAT, true) : dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** ISO timestamp → `01/05/2024 14:30` in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
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

const numberFormat = new Intl.NumberFormat("vi-VN");
const percentFormat = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

/** 12345.6 → `12.345,6` */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "" : numberFormat.format(value);
}

/** 0.875 → `87,5 %` */
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
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
