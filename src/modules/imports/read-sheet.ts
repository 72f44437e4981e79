import ExcelJS from "exceljs";
import Papa from "papaparse";
import { inspectZip, type ZipLimits, ZipRefused } from "../../documents/zip-inspect.js";
import { num } from "../../domain/format.js";
import type { RawRow } from "../../domain/import-rows.js";
import { escapeFormula, unescapeFormula } from "../../domain/spreadsheet-text.js";
import { badRequest } from "../../http/errors.js";

export interface Sheet {
  headers: string[];
  rows: RawRow[];
}

const isZip = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return unescapeFormula(v);
  if (v instanceof Date || typeof v !== "object") return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in v) return (v as { text: unknown }).text;
  if ("error" in v) return "";
  return String(v);
}

/** Reads the first worksheet of an .xlsx, or a CSV (UTF-8, comma or semicolon), judged by content. */
export async function readSheet(buf: Buffer, maxRows: number): Promise<Sheet> {
  if (buf.length === 0) throw badRequest("EMPTY_FILE", "Tệp tải lên đang trống. Vui lòng chọn tệp Excel (.xlsx) hoặc CSV có dữ liệu.");
  let matrix: unknown[][];
  if (isZip(buf)) {
    await assertSafeZip(buf);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw badRequest("BAD_FILE", "Không đọc được tệp Excel. Hãy lưu lại tệp dưới dạng Excel Workbook (.xlsx) rồi tải lên lại.");
    }
    const ws = wb.worksheets[0];
    if (!ws) throw badRequest("BAD_FILE", "Tệp Excel không có trang tính nào.");
    if (ws.actualRowCount > maxRows + 1) throw tooMany(maxRows);
    matrix = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      matrix[n - 1] = values;
    });
  } else {
    if (buf.includes(0)) throw badRequest("BAD_FILE", "Tệp không phải Excel (.xlsx) hay CSV. Vui lòng dùng tệp mẫu của hệ thống.");
    const text = buf.toString("utf8").replace(/^\uFEFF/, "");
    if (text.includes("\uFFFD")) throw badRequest("BAD_ENCODING", 'Tệp CSV không ở mã UTF-8 nên tiếng Việt bị lỗi. Khi lưu từ Excel hãy chọn "CSV UTF-8".');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
    matrix = parsed.data.map((r) => r.map((v) => (typeof v === "string" ? unescapeFormula(v) : v)));
  }
  const headerRow = (matrix[0] ?? []).map((h) => String(h ?? "").trim());
  if (headerRow.every((h) => !h)) throw badRequest("NO_HEADER", "Dòng 1 của tệp phải là dòng tiêu đề cột (ví dụ: Mã đơn vị, Tên đơn vị…). Hãy dùng tệp mẫu.");
  const rows: RawRow[] = [];
  for (let i = 1; i < matrix.length; i++) {
    const values = matrix[i];
    if (!values || values.every((v) => v === "" || v === null || v === undefined)) continue;
    const row: RawRow = { __row: i + 1 };
    headerRow.forEach((h, j) => {
      if (h) row[h] = values[j] ?? "";
    });
    rows.push(row);
  }
  if (rows.length > maxRows) throw tooMany(maxRows);
  if (rows.length === 0) throw badRequest("NO_ROWS", "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.");
  return { headers: headerRow.filter(Boolean), rows };
}

/**
 * An import's workbook inflates to at most this much XML. A 20,000-row sheet of people is about 10 MB inflated;
 * the cap keeps the parse that follows (ExcelJS holds the whole workbook) within a few hundred MB.
 */
export const SHEET_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 48 * 1024 * 1024 };

/** Refuses a zip bomb or a broken zip before ExcelJS inflates anything. */
async function assertSafeZip(buf: Buffer) {
  try {
    await inspectZip(buf, SHEET_ZIP_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.problem === "too_large") {
      throw badRequest(
        "ZIP_TOO_LARGE",
        `Tệp Excel khi giải nén vượt quá ${SHEET_ZIP_LIMITS.maxTotalBytes / 1048576} MB (tệp nén bất thường). Hãy lưu lại tệp dưới dạng Excel Workbook (.xlsx) chỉ gồm dữ liệu cần nhập, hoặc chia thành nhiều tệp nhỏ hơn.`,
      );
    }
    if (e.problem === "encrypted") throw badRequest("BAD_FILE", "Tệp Excel đang được đặt mật khẩu. Hãy bỏ mật khẩu rồi tải lên lại.");
    throw badRequest("BAD_FILE", "Không đọc được tệp Excel (tệp nén bị hỏng). Hãy lưu lại tệp dưới dạng Excel Workbook (.xlsx) rồi tải lên lại.");
  }
}

const tooMany = (maxRows: number) => badRequest("TOO_MANY_ROWS", `Tệp có quá ${num(maxRows, 0)} dòng dữ liệu. Vui lòng chia thành nhiều tệp nhỏ hơn.`);

/** Builds an .xlsx with a header row, the given rows, and an optional help sheet. */
export async function writeSheet(title: string, headers: string[], rows: unknown[][], help?: [string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Thi Đua";
  const ws = wb.addWorksheet(title);
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) ws.addRow(r.map(escapeFormula));
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.max(14, h.length + 4);
  });
  if (help) {
    const hs = wb.addWorksheet("Hướng dẫn");
    hs.addRow(["Cột", "Giá trị hợp lệ"]).font = { bold: true };
    for (const [k, v] of help) hs.addRow([k, v].map(escapeFormula));
    hs.getColumn(1).width = 24;
    hs.getColumn(2).width = 100;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV with a BOM so Excel opens Vietnamese text correctly; formula-leading text is neutralised. */
export function writeCsv(headers: string[], rows: unknown[][]): Buffer {
  const cells = [headers, ...rows].map((r) => r.map((v) => (v === null || v === undefined ? "" : escapeFormula(v))));
  return Buffer.from(`\uFEFF${Papa.unparse(cells)}`, "utf8");
}
