// The registration / self-scoring sheet (the appendix of seed 003) for any plan group with scored
// criteria: STT | TIÊU CHÍ THI ĐUA | ĐIỂM CHUẨN | ĐIỂM ĐĂNG KÝ [| ĐIỂM TỰ CHẤM], as Excel and as Word.
import ExcelJS from "exceljs";
import type { Group, Plan } from "../domain/plan/schema.js";
import { escapeFormula } from "../domain/spreadsheet-text.js";
import {
  type CriterionRow,
  columnTotal,
  hasScoredCriteria,
  maxTotal,
  pointsText,
  rowValue,
  scoredCriteriaRows,
  signedSum,
  totalLabel,
} from "./criteria-table.js";
import { bodyParagraph, buildOfficialDocument, type DataColumn, type DataRow, dataTable, ddmmyyyy, FONT, type Letterhead, packDocx, run } from "./decree30.js";

export interface ScoringValues {
  /** Points a unit registers for, by criterion id. */
  registered?: Record<string, number>;
  /** Points a unit gives itself, by criterion id; passing them adds the "ĐIỂM TỰ CHẤM" column. */
  self?: Record<string, number>;
}

export interface ScoringSheetDocxOptions {
  /** The unit's parent body for its letterhead (e.g. "UBND THÀNH PHỐ VĨNH LONG"). */
  unitParent?: string;
  /** Place and ISO date of the sheet; the date is left blank when absent. */
  place?: string;
  date?: string;
}

export const SHEET_COLUMNS = { stt: "STT", title: "TIÊU CHÍ THI ĐUA", max: "ĐIỂM CHUẨN", registered: "ĐIỂM ĐĂNG KÝ", self: "ĐIỂM TỰ CHẤM" } as const;

/** The sheet's title: "BẢNG TỰ CHẤM ĐIỂM" when self-scores are given, else "BẢNG ĐĂNG KÝ THI ĐUA". */
export function scoringSheetTitle(values?: ScoringValues): string {
  return values?.self ? "BẢNG TỰ CHẤM ĐIỂM" : "BẢNG ĐĂNG KÝ THI ĐUA";
}

/** "(Kèm theo Kế hoạch số 20/KH-UBND ngày 14/03/2024)": which plan the sheet belongs to. */
export function planReference(plan: Plan): string {
  const number = plan.number ? ` số ${plan.number}/${plan.symbol}` : "";
  const date = plan.issuedOn ? ` ngày ${ddmmyyyy(plan.issuedOn)}` : "";
  return `(Kèm theo Kế hoạch${number}${date})`;
}

function scoredGroup(plan: Plan, groupId: string): Group {
  const group = plan.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`Kế hoạch "${plan.code}" không có nhóm đối tượng "${groupId}".`);
  if (!hasScoredCriteria(group.criteria)) throw new Error(`Nhóm "${group.name}" không có tiêu chí chấm điểm nên không lập bảng điểm.`);
  return group;
}

interface SheetModel {
  group: Group;
  rows: CriterionRow[];
  columns: ("registered" | "self")[];
  title: string;
}

function sheetModel(plan: Plan, groupId: string, values?: ScoringValues): SheetModel {
  const group = scoredGroup(plan, groupId);
  return { group, rows: scoredCriteriaRows(group.criteria), columns: values?.self ? ["registered", "self"] : ["registered"], title: scoringSheetTitle(values) };
}

// ---------------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------------

const WIDTHS = { stt: 7, title: 70, points: 13 };
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const boxed: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const font = (o: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 13, color: { argb: "FF000000" }, ...o });
/** Excel does not grow wrapped rows by itself when a file is opened: estimate the lines (≈ 1 char per width unit at 13 pt). */
const rowHeight = (text: string, width: number) => Math.max(1, Math.ceil([...text].length / (width * 0.95))) * 17 + 4;

/**
 * The sheet as an Excel workbook: title rows, bold header, one row per scored criterion (groups bold,
 * their point cells summing their children), and the total "Tổng cộng".
 */
export async function buildScoringSheetXlsx(plan: Plan, groupId: string, values?: ScoringValues, unitName?: string): Promise<Buffer> {
  const m = sheetModel(plan, groupId, values);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Thi Đua";
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(m.title === "BẢNG TỰ CHẤM ĐIỂM" ? "Tự chấm điểm" : "Đăng ký thi đua", {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 30 / 25.4, right: 15 / 25.4, top: 20 / 25.4, bottom: 20 / 25.4, header: 10 / 25.4, footer: 10 / 25.4 },
      horizontalCentered: true,
    },
  });
  const headers = [SHEET_COLUMNS.stt, SHEET_COLUMNS.title, SHEET_COLUMNS.max, ...m.columns.map((c) => SHEET_COLUMNS[c])];
  const lastCol = headers.length;
  ws.columns = headers.map((_, i) => ({ width: i === 0 ? WIDTHS.stt : i === 1 ? WIDTHS.title : WIDTHS.points }));

  const titleLine = (text: string, f: Partial<ExcelJS.Font>, height = 20) => {
    const r = ws.addRow([escapeFormula(text)]);
    ws.mergeCells(r.number, 1, r.number, lastCol);
    const c = r.getCell(1);
    c.font = font(f);
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    r.height = height;
  };
  titleLine(m.title, { bold: true, size: 14 });
  titleLine(plan.title, { bold: true, size: 13 }, rowHeight(plan.title, WIDTHS.title + WIDTHS.stt + WIDTHS.points * (lastCol - 2)));
  titleLine(planReference(plan), { italic: true, size: 13 });
  titleLine(`Đối tượng: ${m.group.name}`, { size: 13 }, rowHeight(m.group.name, WIDTHS.title + WIDTHS.stt));
  titleLine(`Đơn vị: ${unitName?.trim() || "……………………………………"}`, { bold: !!unitName, size: 13 });
  ws.addRow([]);

  const header = ws.addRow(headers);
  header.height = 34;
  header.eachCell((c) => {
    c.font = font({ bold: true });
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = boxed;
  });
  ws.views = [{ state: "frozen", ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  // Row numbers first, so group cells can sum their children.
  const firstRow = header.number + 1;
  const rowNumber = new Map(m.rows.map((r, i) => [r.id, firstRow + i]));
  const byId = new Map(m.rows.map((r) => [r.id, r]));
  const colLetter = (col: number) => String.fromCharCode(64 + col);
  const valueCell = (r: CriterionRow, col: number, vals: Record<string, number> | undefined): ExcelJS.CellValue => {
    const result = rowValue(r, byId, vals);
    if (!r.childIds.length) return result ?? null;
    const descendantHasValue = r.childIds.some((id) => rowValue(byId.get(id)!, byId, vals) !== undefined);
    if (result !== undefined && !descendantHasValue) return result; // points given for the group as a whole
    const formula = r.childIds.map((id) => `${colLetter(col)}${rowNumber.get(id)}`).join("+");
    return result === undefined ? { formula } : { formula, result };
  };

  for (const r of m.rows) {
    const cells: ExcelJS.CellValue[] = [
      escapeFormula(r.stt),
      escapeFormula(r.title),
      r.max ?? null,
      ...m.columns.map((c, i) => valueCell(r, 4 + i, values?.[c])),
    ];
    const row = ws.addRow(cells);
    row.height = rowHeight(r.title, WIDTHS.title);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col > lastCol) return;
      c.font = font({ bold: r.bold });
      c.border = boxed;
      c.alignment = { horizontal: col === 2 ? "left" : "center", vertical: "middle", wrapText: col === 2 };
      if (col >= 3) c.numFmt = "0.##";
    });
  }

  const totalCells: ExcelJS.CellValue[] = ["", totalLabel(m.rows), maxTotal(m.rows)];
  m.columns.forEach((c, i) => {
    const col = 4 + i;
    const formula = signedSum(m.rows, (r) => `${colLetter(col)}${rowNumber.get(r.id)}`);
    const result = columnTotal(m.rows, values?.[c]);
    totalCells.push(result === undefined ? { formula } : { formula, result });
  });
  const total = ws.addRow(totalCells);
  total.height = 22;
  total.eachCell({ includeEmpty: true }, (c, col) => {
    if (col > lastCol) return;
    c.font = font({ bold: true });
    c.border = boxed;
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (col >= 3) c.numFmt = "0.##";
  });

  ws.addRow([]);
  const sign = ws.addRow([]);
  ws.mergeCells(sign.number, 3, sign.number, lastCol);
  sign.getCell(3).value = "THỦ TRƯỞNG ĐƠN VỊ";
  sign.getCell(3).font = font({ bold: true });
  sign.getCell(3).alignment = { horizontal: "center" };
  const note = ws.addRow([]);
  ws.mergeCells(note.number, 3, note.number, lastCol);
  note.getCell(3).value = "(Ký, ghi rõ họ tên và đóng dấu)";
  note.getCell(3).font = font({ italic: true });
  note.getCell(3).alignment = { horizontal: "center" };

  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------
// Word
// ---------------------------------------------------------------------------------------------------

/** The sheet's table as Decree 30 data-table rows (also used to check the Excel and Word sheets agree). */
export function scoringSheetRows(plan: Plan, groupId: string, values?: ScoringValues): { columns: DataColumn[]; rows: DataRow[] } {
  const m = sheetModel(plan, groupId, values);
  const byId = new Map(m.rows.map((r) => [r.id, r]));
  const points = m.columns.length === 1 ? 0.17 : 0.15;
  const columns: DataColumn[] = [
    { header: SHEET_COLUMNS.stt, width: 0.08, align: "center" },
    { header: SHEET_COLUMNS.title, width: 1 - 0.08 - points * (1 + m.columns.length), align: "left" },
    { header: SHEET_COLUMNS.max, width: points, align: "center" },
    ...m.columns.map((c) => ({ header: SHEET_COLUMNS[c], width: points, align: "center" as const })),
  ];
  const rows: DataRow[] = m.rows.map((r) => ({
    cells: [r.stt, r.title, pointsText(r.max), ...m.columns.map((c) => pointsText(rowValue(r, byId, values?.[c])))],
    bold: r.bold,
  }));
  rows.push({
    cells: ["", totalLabel(m.rows), pointsText(maxTotal(m.rows)), ...m.columns.map((c) => pointsText(columnTotal(m.rows, values?.[c])))],
    bold: true,
  });
  return { columns, rows };
}

/**
 * The sheet as a Decree 30 document titled "BẢNG ĐĂNG KÝ THI ĐUA" or "BẢNG TỰ CHẤM ĐIỂM". With a unit
 * name the letterhead is the unit's and the unit's head signs; without one it carries the plan's issuer.
 */
export async function buildScoringSheetDocx(
  plan: Plan,
  groupId: string,
  values?: ScoringValues,
  unitName?: string,
  options: ScoringSheetDocxOptions = {},
): Promise<Buffer> {
  const m = sheetModel(plan, groupId, values);
  const { columns, rows } = scoringSheetRows(plan, groupId, values);
  const unit = unitName?.trim();
  const letterhead: Letterhead = unit
    ? { parent: options.unitParent, issuer: unit, number: null, place: options.place ?? plan.place, date: options.date, year: plan.year }
    : { parent: plan.issuer.parent, issuer: plan.issuer.name, number: null, place: options.place ?? plan.place, date: options.date, year: plan.year };
  const body = [
    bodyParagraph([run("Đối tượng: ", { bold: true }), run(m.group.name)]),
    bodyParagraph([run("Đơn vị: ", { bold: true }), run(unit ?? "……………………………………………………")]),
    dataTable(columns, rows),
  ];
  const doc = buildOfficialDocument({
    letterhead,
    docType: m.title,
    summary: plan.title,
    titleNotes: [planReference(plan)],
    body,
    signature: { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên và đóng dấu)" },
    meta: { title: `${m.title} - ${plan.title}`, subject: plan.code },
  });
  return packDocx(doc);
}
