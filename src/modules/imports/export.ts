import { and, eq, like, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { people, units } from "../../db/schema.js";
import { dmy, vietnamDate } from "../../domain/format.js";
import { INDICATOR_COLUMNS, PEOPLE_COLUMNS, UNIT_COLUMNS } from "../../domain/import-rows.js";
import { labelOf, PERSON_CATEGORIES, SEXES, UNIT_KINDS } from "../../domain/org.js";
import type { Actor } from "../actor.js";
import { personalDataReader } from "../movement/appraisal-reach.js";
import { assertCan, scopeCondition } from "../scope.js";
import { findUnit } from "../units/service.js";
import { writeCsv, writeSheet } from "./read-sheet.js";

export type FileFormat = "xlsx" | "csv";
export interface FileOut {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const unitHeaders = [UNIT_COLUMNS.code, UNIT_COLUMNS.name, UNIT_COLUMNS.kind, UNIT_COLUMNS.parentCode];
const peopleHeaders = Object.values(PEOPLE_COLUMNS);

const unitHelp: [string, string][] = [
  [UNIT_COLUMNS.code, "Bắt buộc. Mã duy nhất, không dấu cách, tối đa 40 ký tự. Mã đã có thì dòng đó cập nhật đơn vị."],
  [UNIT_COLUMNS.name, "Bắt buộc."],
  [UNIT_COLUMNS.kind, `Bắt buộc, một trong: ${UNIT_KINDS.map((k) => k.label).join("; ")}.`],
  [UNIT_COLUMNS.parentCode, "Mã của đơn vị cấp trên: đơn vị đã có trong hệ thống hoặc ở dòng khác của tệp."],
];
const peopleHelp: [string, string][] = [
  [PEOPLE_COLUMNS.code, "Không bắt buộc. Nếu trùng mã cán bộ đã có thì dòng đó cập nhật hồ sơ."],
  [PEOPLE_COLUMNS.fullName, "Bắt buộc."],
  [PEOPLE_COLUMNS.unitCode, "Bắt buộc: mã đơn vị công tác (xem Xuất Excel danh sách đơn vị)."],
  [PEOPLE_COLUMNS.sex, "Bắt buộc: Nam hoặc Nữ."],
  [PEOPLE_COLUMNS.birthDate, "Ngày/tháng/năm, ví dụ 05/09/1985."],
  [PEOPLE_COLUMNS.category, `Bắt buộc, một trong: ${PERSON_CATEGORIES.map((k) => k.label).join("; ")}.`],
  [PEOPLE_COLUMNS.isHead, "Có hoặc Không."],
];

const indicatorHeaders = Object.values(INDICATOR_COLUMNS);
const indicatorHelp: [string, string][] = [
  [INDICATOR_COLUMNS.unitCode, "Bắt buộc: mã đơn vị có số liệu (xem Xuất Excel danh sách đơn vị); chỉ đơn vị trong phạm vi bạn được nhập."],
  [
    INDICATOR_COLUMNS.metric,
    "Bắt buộc: mã chỉ số như trong kế hoạch, chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ tthc_on_time (tỷ lệ hồ sơ TTHC đúng hạn), par_index_prev (điểm chỉ số CCHC năm trước).",
  ],
  [INDICATOR_COLUMNS.period, "Bắt buộc: năm (2024), quý (2024-Q1), 6 tháng (2024-H1) hoặc tháng (2024-06). Kế hoạch thi đua dùng số liệu của năm."],
  [
    INDICATOR_COLUMNS.value,
    "Bắt buộc: một số, dấu phẩy hoặc dấu chấm là dấu thập phân (98,5), không dùng dấu phân cách hàng nghìn. Chỉ số có mã kết thúc bằng _rate hoặc _on_time là tỷ lệ phần trăm: ghi từ 0 đến 100 (98,5 chứ không phải 0,985; không định dạng ô kiểu %).",
  ],
  [INDICATOR_COLUMNS.source, 'Không bắt buộc: nguồn số liệu (ví dụ "Hệ thống thông tin giải quyết TTHC tỉnh"). Để trống thì ghi "Nhập từ tệp <tên tệp>".'],
  ["Lưu ý", "Số liệu không bị ghi đè: mỗi dòng là một lần nhập mới, giá trị nhập sau cùng của cùng đơn vị, chỉ số, kỳ là giá trị được dùng."],
];

async function out(kind: string, format: FileFormat, headers: string[], rows: unknown[][], help: [string, string][]): Promise<FileOut> {
  const stamp = vietnamDate(new Date());
  if (format === "csv") return { fileName: `${kind}-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: writeCsv(headers, rows) };
  const title = kind === "don-vi" ? "Đơn vị" : kind === "mau-nhap-chi-so" ? "Chỉ số" : "Cán bộ";
  return { fileName: `${kind}-${stamp}.xlsx`, contentType: XLSX, body: await writeSheet(title, headers, rows, help) };
}

export async function exportUnits(db: Executor, actor: Actor, format: FileFormat): Promise<FileOut> {
  assertCan(actor, "units.read");
  const rows = await db
    .select()
    .from(units)
    .where(and(scopeCondition(actor, "units.read", units.path), eq(units.active, true)))
    .orderBy(units.depth, sql`${units.sortKey} collate "C"`);
  const codeOf = new Map(rows.map((u) => [u.id, u.code]));
  const parents = new Map<number, string>();
  for (const u of rows) if (u.parentId && !codeOf.has(u.parentId)) parents.set(u.parentId, "");
  if (parents.size) {
    const extra = await db
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(sql`${units.id} in ${[...parents.keys()]}`);
    for (const e of extra) codeOf.set(e.id, e.code);
  }
  return out(
    "don-vi",
    format,
    unitHeaders,
    rows.map((u) => [u.code, u.name, labelOf(UNIT_KINDS, u.kind), u.parentId ? (codeOf.get(u.parentId) ?? "") : ""]),
    unitHelp,
  );
}

export async function exportPeople(db: Executor, actor: Actor, format: FileFormat, unitId?: number): Promise<FileOut> {
  assertCan(actor, "people.read");
  let within: SQL | undefined;
  if (unitId) {
    const u = await findUnit(db, unitId);
    assertCan(actor, "people.read", u.path);
    within = like(units.path, `${u.path}%`);
  }
  const rows = await db
    .select({ p: people, unitCode: units.code, unitPath: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(scopeCondition(actor, "people.read", units.path), eq(people.active, true), within))
    .orderBy(sql`${people.sortKey} collate "C"`);
  // Personal fields stay blank for a caller who reads the directory only (as on the People page).
  const personal = await personalDataReader(db, actor);
  return out(
    "can-bo",
    format,
    peopleHeaders,
    rows.map(({ p, unitCode, unitPath }) => {
      const full = personal(p, unitPath);
      return [
        full ? (p.code ?? "") : "",
        p.fullName,
        unitCode,
        labelOf(SEXES, p.sex),
        full ? dmy(p.birthDate) : "",
        p.position ?? "",
        labelOf(PERSON_CATEGORIES, p.category),
        p.isHead ? "Có" : "Không",
        full ? (p.email ?? "") : "",
        full ? (p.phone ?? "") : "",
      ];
    }),
    peopleHelp,
  );
}

export async function importTemplate(kind: "units" | "people" | "indicators"): Promise<FileOut> {
  if (kind === "indicators") return out("mau-nhap-chi-so", "xlsx", indicatorHeaders, [], indicatorHelp);
  return kind === "units" ? out("mau-nhap-don-vi", "xlsx", unitHeaders, [], unitHelp) : out("mau-nhap-can-bo", "xlsx", peopleHeaders, [], peopleHelp);
}
