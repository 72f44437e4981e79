// Validation of imported spreadsheet rows (units, people). Pure: lookups are passed in.

import { dmy, isoDate, num } from "./format.js";
import { matchCatalog, PERSON_CATEGORIES, SEXES, UNIT_KINDS } from "./org.js";

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type RawRow = Record<string, unknown> & { __row: number };

export const UNIT_COLUMNS = { code: "Mã đơn vị", name: "Tên đơn vị", kind: "Loại đơn vị", parentCode: "Mã đơn vị cấp trên" } as const;
export const PEOPLE_COLUMNS = {
  code: "Mã cán bộ",
  fullName: "Họ và tên",
  unitCode: "Mã đơn vị",
  sex: "Giới tính",
  birthDate: "Ngày sinh",
  position: "Chức vụ",
  category: "Đối tượng",
  isHead: "Người đứng đầu",
  email: "Email",
  phone: "Điện thoại",
} as const;

export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface PersonImportRow {
  row: number;
  code: string | null;
  fullName: string;
  unitCode: string;
  sex: string;
  birthDate: string | null;
  position: string | null;
  category: string;
  isHead: boolean;
  email: string | null;
  phone: string | null;
}

const CODE_RE = /^[\p{L}0-9][\p{L}0-9._\-/]{0,39}$/u;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text of a cell, trimmed; numbers and dates as a person would read them. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dmy(utcDate(v));
  return String(v).replace(/\s+/g, " ").trim();
}

// A date cell holds midnight UTC of the day shown in Excel.
const utcDate = (d: Date) => isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** Parses a calendar date written dd/mm/yyyy (or an Excel date cell) into "YYYY-MM-DD"; null if invalid. */
export function parseDmy(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return utcDate(v);
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cellText(v));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDate(y, mo, d);
}

function parseYesNo(v: unknown): boolean | null {
  const t = cellText(v).toLowerCase();
  if (["", "không", "khong", "k", "0", "no", "false"].includes(t)) return false;
  if (["có", "co", "x", "1", "yes", "true", "c"].includes(t)) return true;
  return null;
}

/** Reports header columns that are required but absent. */
export function missingColumns(headers: string[], required: string[]): string[] {
  const have = new Set(headers.map((h) => h.trim().toLowerCase()));
  return required.filter((c) => !have.has(c.toLowerCase()));
}

export function validateUnitRows(raw: RawRow[], existingCodes: ReadonlySet<string>): { rows: UnitImportRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: UnitImportRow[] = [];
  const seen = new Map<string, number>();
  const C = UNIT_COLUMNS;
  for (const r of raw) {
    const err = (column: string, message: string) => errors.push({ row: r.__row, column, message: `Dòng ${r.__row}: ${message}` });
    const code = cellText(r[C.code]);
    const name = cellText(r[C.name]);
    const kindText = cellText(r[C.kind]);
    const parentCode = cellText(r[C.parentCode]) || null;
    if (!code) err(C.code, "thiếu mã đơn vị");
    else if (!CODE_RE.test(code)) err(C.code, `mã đơn vị "${code}" không hợp lệ (tối đa 40 ký tự, không có khoảng trắng)`);
    else if (seen.has(code.toLowerCase())) err(C.code, `mã đơn vị "${code}" trùng với dòng ${seen.get(code.toLowerCase())}`);
    else seen.set(code.toLowerCase(), r.__row);
    if (!name) err(C.name, "thiếu tên đơn vị");
    else if (name.length > 200) err(C.name, "tên đơn vị dài quá 200 ký tự");
    const kind = matchCatalog(UNIT_KINDS, kindText);
    if (!kindText) err(C.kind, "thiếu loại đơn vị");
    else if (!kind) err(C.kind, `loại đơn vị "${kindText}" không có trong danh mục (xem trang Hướng dẫn của tệp mẫu)`);
    if (parentCode && code && parentCode.toLowerCase() === code.toLowerCase()) err(C.parentCode, "đơn vị không thể là cấp trên của chính nó");
    rows.push({ row: r.__row, code, name, kind: kind ?? "", parentCode });
  }
  // Parents must exist already or be defined somewhere in the file.
  for (const r of rows) {
    if (r.parentCode && !seen.has(r.parentCode.toLowerCase()) && !existingCodes.has(r.parentCode.toLowerCase())) {
      errors.push({ row: r.row, column: C.parentCode, message: `Dòng ${r.row}: không tìm thấy đơn vị cấp trên có mã "${r.parentCode}"` });
    }
  }
  // A cycle inside the file (A under B, B under A) can never be inserted.
  // First occurrence wins: a duplicate row (already reported) must not hide the first row's cycle.
  const parentOf = new Map<string, string | null>();
  for (const r of rows) if (!parentOf.has(r.code.toLowerCase())) parentOf.set(r.code.toLowerCase(), r.parentCode?.toLowerCase() ?? null);
  for (const r of rows) {
    let cur = r.parentCode?.toLowerCase() ?? null;
    for (let steps = 0; cur && steps <= rows.length; steps++) {
      if (cur === r.code.toLowerCase()) {
        errors.push({ row: r.row, column: C.parentCode, message: `Dòng ${r.row}: quan hệ cấp trên tạo thành vòng lặp` });
        break;
      }
      cur = parentOf.get(cur) ?? null;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** Orders unit rows so that every parent defined in the file comes before its children. */
export function parentsFirst(rows: UnitImportRow[]): UnitImportRow[] {
  const byCode = new Map(rows.map((r) => [r.code.toLowerCase(), r]));
  const done = new Set<string>();
  const out: UnitImportRow[] = [];
  const visit = (r: UnitImportRow) => {
    const key = r.code.toLowerCase();
    if (done.has(key)) return;
    done.add(key);
    const parent = r.parentCode ? byCode.get(r.parentCode.toLowerCase()) : undefined;
    if (parent) visit(parent);
    out.push(r);
  };
  for (const r of rows) visit(r);
  return out;
}

export function validatePeopleRows(raw: RawRow[], knownUnitCodes: ReadonlySet<string>): { rows: PersonImportRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: PersonImportRow[] = [];
  const seenCodes = new Map<string, number>();
  const C = PEOPLE_COLUMNS;
  for (const r of raw) {
    const err = (column: string, message: string) => errors.push({ row: r.__row, column, message: `Dòng ${r.__row}: ${message}` });
    const code = cellText(r[C.code]) || null;
    const fullName = cellText(r[C.fullName]);
    const unitCode = cellText(r[C.unitCode]);
    const sexText = cellText(r[C.sex]);
    const birthText = cellText(r[C.birthDate]);
    const categoryText = cellText(r[C.category]);
    const email = cellText(r[C.email]) || null;
    const phone = cellText(r[C.phone]) || null;
    if (code) {
      if (seenCodes.has(code)) err(C.code, `mã cán bộ "${code}" trùng với dòng ${seenCodes.get(code)}`);
      else seenCodes.set(code, r.__row);
    }
    if (!fullName) err(C.fullName, "thiếu họ và tên");
    else if (fullName.length > 120) err(C.fullName, "họ và tên dài quá 120 ký tự");
    if (!unitCode) err(C.unitCode, "thiếu mã đơn vị");
    else if (!knownUnitCodes.has(unitCode.toLowerCase())) err(C.unitCode, `không tìm thấy đơn vị có mã "${unitCode}" trong phạm vi bạn được quản lý`);
    const sex = matchCatalog(SEXES, sexText);
    if (!sexText) err(C.sex, "thiếu giới tính (Nam hoặc Nữ)");
    else if (!sex) err(C.sex, `giới tính "${sexText}" không hợp lệ, ghi Nam hoặc Nữ`);
    const birthDate = birthText ? parseDmy(r[C.birthDate]) : null;
    if (birthText && !birthDate) err(C.birthDate, `ngày sinh "${birthText}" không hợp lệ, ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1985`);
    const category = matchCatalog(PERSON_CATEGORIES, categoryText);
    if (!categoryText) err(C.category, "thiếu đối tượng (cán bộ, công chức, viên chức…)");
    else if (!category) err(C.category, `đối tượng "${categoryText}" không có trong danh mục (xem trang Hướng dẫn của tệp mẫu)`);
    const isHead = parseYesNo(r[C.isHead]);
    if (isHead === null) err(C.isHead, `cột "Người đứng đầu" ghi Có hoặc Không, không ghi "${cellText(r[C.isHead])}"`);
    if (email && !EMAIL_RE.test(email)) err(C.email, `email "${email}" không hợp lệ`);
    if (phone && !/^[0-9 +().-]{6,20}$/.test(phone)) err(C.phone, `số điện thoại "${phone}" không hợp lệ`);
    rows.push({
      row: r.__row,
      code,
      fullName,
      unitCode,
      sex: sex ?? "",
      birthDate,
      position: cellText(r[C.position]) || null,
      category: category ?? "",
      isHead: isHead ?? false,
      email,
      phone,
    });
  }
  return { rows, errors };
}

// ---- Indicator values (chỉ số: tỷ lệ hồ sơ đúng hạn, PAR INDEX…) -----------------------------------------

export const INDICATOR_COLUMNS = { unitCode: "Mã đơn vị", metric: "Chỉ số", period: "Kỳ", value: "Giá trị", source: "Nguồn" } as const;

export interface IndicatorImportRow {
  row: number;
  unitCode: string;
  metric: string;
  period: string;
  value: number;
  source: string;
}

/** Metric ids: lower-case ASCII letters, digits and "_" (e.g. tthc_on_time, par_index). */
export const METRIC_RE = /^[a-z0-9_]{1,64}$/;
/** A year (2024), a quarter (2024-Q1), a half-year (2024-H1) or a month (2024-06). Plans read the year. */
export const PERIOD_RE = /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
export const METRIC_HINT = "chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ tthc_on_time";
export const PERIOD_HINT = "ghi năm (2024), quý (2024-Q1), 6 tháng (2024-H1) hoặc tháng (2024-06)";

export const normaliseMetric = (s: string) => s.trim().toLowerCase();
export const normalisePeriod = (s: string) => s.trim().toUpperCase();

/** A metric whose id ends with `_rate` or `_on_time` is a percentage: its values must lie in 0–100. */
export const isPercentMetric = (metric: string) => /_(rate|on_time)$/.test(metric);

/** Why `value` cannot be a value of `metric` (null when it can). */
export function indicatorValueProblem(metric: string, value: number): string | null {
  if (!Number.isFinite(value)) return "giá trị phải là một số";
  if (isPercentMetric(metric) && (value < 0 || value > 100)) {
    return `chỉ số "${metric}" là tỷ lệ phần trăm nên giá trị phải từ 0 đến 100, không phải ${num(value, 3)}`;
  }
  return null;
}

/**
 * A number from a cell: an Excel number, or text such as "98,5", "98.5" or "98,5%". One "," or "." is the decimal
 * separator (no thousands separators); null when the text is not a number.
 */
export function parseNumberCell(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = cellText(v).replace(/\s/g, "").replace(/%$/, "");
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

/** Validates indicator rows; `knownUnitCodes` are the (lower-case) codes the importer may enter values for. */
export function validateIndicatorRows(
  raw: RawRow[],
  knownUnitCodes: ReadonlySet<string>,
  defaultSource: string,
): { rows: IndicatorImportRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: IndicatorImportRow[] = [];
  const seen = new Map<string, number>();
  const C = INDICATOR_COLUMNS;
  for (const r of raw) {
    const err = (column: string, message: string) => errors.push({ row: r.__row, column, message: `Dòng ${r.__row}: ${message}` });
    const unitCode = cellText(r[C.unitCode]);
    const metricText = cellText(r[C.metric]);
    const metric = normaliseMetric(metricText);
    const periodText = cellText(r[C.period]);
    const period = normalisePeriod(periodText);
    const valueText = cellText(r[C.value]);
    const source = cellText(r[C.source]) || defaultSource;
    if (!unitCode) err(C.unitCode, "thiếu mã đơn vị");
    else if (!knownUnitCodes.has(unitCode.toLowerCase())) err(C.unitCode, `không tìm thấy đơn vị có mã "${unitCode}" trong phạm vi bạn được nhập số liệu`);
    if (!metricText) err(C.metric, "thiếu chỉ số");
    else if (!METRIC_RE.test(metric)) err(C.metric, `chỉ số "${metricText}" không hợp lệ (${METRIC_HINT})`);
    if (!periodText) err(C.period, "thiếu kỳ");
    else if (!PERIOD_RE.test(period)) err(C.period, `kỳ "${periodText}" không hợp lệ, ${PERIOD_HINT}`);
    const value = valueText ? parseNumberCell(r[C.value]) : null;
    if (!valueText) err(C.value, "thiếu giá trị");
    else if (value === null) err(C.value, `giá trị "${valueText}" không phải số`);
    else if (METRIC_RE.test(metric)) {
      const problem = indicatorValueProblem(metric, value);
      if (problem) err(C.value, problem);
    }
    if (source.length > 300) err(C.source, "nguồn dài quá 300 ký tự");
    if (unitCode && metric && period) {
      const key = `${unitCode.toLowerCase()}|${metric}|${period}`;
      const first = seen.get(key);
      if (first !== undefined) err(C.metric, `đơn vị "${unitCode}", chỉ số "${metric}", kỳ ${period} trùng với dòng ${first}`);
      else seen.set(key, r.__row);
    }
    rows.push({ row: r.__row, unitCode, metric, period, value: value ?? 0, source });
  }
  return { rows, errors };
}
