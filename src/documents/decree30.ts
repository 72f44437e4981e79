// Layout of an official document under Decree 30/2020/NĐ-CP, annex I (see docs/legal.md): A4 portrait,
// Times New Roman, the two-column letterhead, number and place-and-date line, title, legal bases, body,
// and the closing with "Nơi nhận" beside the signature block. Pure functions over plain data; nothing
// here knows about plans or the database.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { dmy } from "../domain/format.js";

// ---------------------------------------------------------------------------------------------------
// Units and page geometry
// ---------------------------------------------------------------------------------------------------

export const FONT = "Times New Roman";
export const BLACK = "000000";

/** Millimetres to twips (1/20 pt), rounded as Word stores them (20 mm → 1134). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** Points to the half-points docx uses for font sizes. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export const PAGE = {
  /** A4 portrait in twips. */
  width: 11906,
  height: 16838,
  margin: { top: mmToTwip(20), bottom: mmToTwip(20), left: mmToTwip(30), right: mmToTwip(15), header: mmToTwip(10), footer: mmToTwip(10) },
} as const;
/** Width of the text block between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 720;
/** Body line spacing as a multiple of single spacing (Decree 30 allows 1 to 1.5). */
export const LINE_SPACING = 1.2;

export const STYLE = { body: "Decree30Body", heading1: "Decree30Heading1", heading2: "Decree30Heading2", heading3: "Decree30Heading3" } as const;

// ---------------------------------------------------------------------------------------------------
// Text of the fixed lines
// ---------------------------------------------------------------------------------------------------

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Vietnamese upper case ("ủy ban" → "ỦY BAN"), in NFC. */
export const upperVi = (s: string): string => s.normalize("NFC").toLocaleUpperCase("vi");

/** A quantity as official documents write it: 1–9 take a leading zero ("05"), others as they are. */
export function quantityText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Số lượng không hợp lệ: ${n}`);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? `0${n}` : String(n);
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits an ISO date (YYYY-MM-DD) after checking that the day exists. */
export function isoDateParts(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Ngày phải có dạng YYYY-MM-DD: "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new RangeError(`Ngày không tồn tại: "${iso}"`);
  return { year, month, day };
}

/** Blank left in a line for a value to be written by hand. */
const BLANK = "     ";
/** Placeholder for an unknown place name (the drafter writes it in). */
const PLACE_BLANK = "……";

/**
 * The place-and-date line: "TP. Vĩnh Long, ngày 14 tháng 3 năm 2024". Days below 10 and the months
 * 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2024"). An unknown date leaves blanks to write in
 * ("ngày     tháng     năm 2024"), with the year when it is known.
 */
export function placeDateLine(place: string | undefined, isoDate: string | undefined, year?: number): string {
  const where = place?.trim() || PLACE_BLANK;
  if (!isoDate) return `${where}, ngày${BLANK}tháng${BLANK}năm ${year ?? BLANK}`.trimEnd();
  const { year: y, month, day } = isoDateParts(isoDate);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${where}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** The number-and-symbol line: "Số: 20/KH-UBND", or "Số:      /KH-UBND" while the number is not yet given. */
export function documentNumberLine(number: string | number | undefined, symbol: string): string {
  const n = number === undefined ? "" : String(number).trim();
  const sym = symbol.trim().replace(/^\/+/, "");
  return n ? `Số: ${n}/${sym}` : `Số:      /${sym}`;
}

/** A date as dd/mm/yyyy ("2024-04-26" → "26/04/2024"). */
export function ddmmyyyy(isoDate: string): string {
  isoDateParts(isoDate); // a document never prints an impossible date
  return dmy(isoDate);
}

/** Upper-case Roman numeral for section numbers (1 → "I", 4 → "IV"). */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Không đổi được ${n} sang số La Mã.`);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const TRAILING_PUNCTUATION = /[\s;,.:]+$/u;

/** Ends each item of a list with `each` and the last with `last` (legal bases: ";" then "."). */
export function punctuateList(items: readonly string[], each = ";", last = "."): string[] {
  const clean = items.map((s) => s.trim().replace(TRAILING_PUNCTUATION, "")).filter((s) => s.length > 0);
  return clean.map((s, i) => `${s}${i === clean.length - 1 ? last : each}`);
}

/**
 * Lines of the "Nơi nhận" list: "- …;" for each recipient and, last, "- Lưu: VT, …." The archive line is
 * the recipient starting with "Lưu" (moved to the end), or `archive` when there is none.
 */
export function recipientLines(recipients: readonly string[], archive = "Lưu: VT"): string[] {
  const items = recipients.map((r) => r.trim().replace(/^[-–•]\s*/u, "")).filter((r) => r.length > 0);
  const isArchive = (r: string) => /^lưu\b/iu.test(r.normalize("NFC"));
  const kept = items.filter((r) => !isArchive(r));
  const archived = items.find(isArchive) ?? archive;
  return punctuateList([...kept, archived]).map((r) => `- ${r}`);
}

// ---------------------------------------------------------------------------------------------------
// Paragraph building blocks
// ---------------------------------------------------------------------------------------------------

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Font size in points. */
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: text.normalize("NFC"), bold: style.bold, italics: style.italics, size: style.size ? halfPoints(style.size) : undefined });
}

/** A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after (the body style). */
export function bodyParagraph(content: string | ParagraphChild[], style: RunStyle = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, children: typeof content === "string" ? [run(content, style)] : content });
}

/** A body line that begins with a dash, as official documents write lists ("- …"). */
export function dashParagraph(text: string, style: RunStyle = {}): Paragraph {
  return bodyParagraph(`- ${text.trim().replace(/^[-–•]\s*/u, "")}`, style);
}

/** Section headings inside the body: level 1 "I. …" and 2 "1. …" bold, level 3 "a) …" bold italic. */
export function headingParagraph(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const style = level === 1 ? STYLE.heading1 : level === 2 ? STYLE.heading2 : STYLE.heading3;
  return new Paragraph({ style, children: [run(text)] });
}

/** A centred paragraph without indent (titles, table cells, the letterhead). */
export function centred(content: string | ParagraphChild[], style: RunStyle = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 },
    children: typeof content === "string" ? [run(content, style)] : content,
  });
}

/**
 * A short horizontal rule, centred in a block `containerWidth` twips wide: an empty paragraph with a
 * bottom border, narrowed by equal indents. Word and LibreOffice both draw it in place, unlike a
 * floating line shape, and it moves with the text.
 */
export function ruleParagraph(ruleWidth: number, containerWidth: number, after = 0, before = 30): Paragraph {
  const width = Math.max(200, Math.min(ruleWidth, containerWidth));
  const side = Math.max(0, Math.floor((containerWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

/**
 * Rough width of a line of Times New Roman text in twips, for sizing rules and breaking lines: upper
 * case averages about 0.66 em a character, mixed case about 0.48 em in bold and 0.45 em otherwise.
 */
export function estimateTextWidth(text: string, sizePt: number, bold = true): number {
  const upper = text === upperVi(text);
  return Math.round([...text].length * sizePt * 20 * (upper ? 0.66 : bold ? 0.48 : 0.45));
}

/** Words that begin the name of an administrative level; a letterhead line breaks best before them. */
const LEVEL_WORDS = new Set(["TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG", "ĐẶC", "TP."]);

function breaksBeforeLevel(mixedCaseWords: readonly string[], i: number): boolean {
  const words = mixedCaseWords.map(upperVi);
  const w = words[i];
  if (!LEVEL_WORDS.has(w)) return false;
  const next = words[i + 1];
  if (w === "THÀNH") return next === "PHỐ";
  if (w === "THỊ") return next === "XÃ" || next === "TRẤN";
  if (w === "ĐẶC") return next === "KHU";
  if (w === "XÃ") return words[i - 1] !== "THỊ" && next !== "HỘI";
  return true;
}

/** The ways to cut `n` words into `parts` non-empty lines, as the indices where lines 2… begin. */
function* cuts(n: number, parts: number, from = 1): Generator<number[]> {
  if (parts === 1) {
    yield [];
    return;
  }
  for (let i = from; i <= n - parts + 1; i++) for (const rest of cuts(n, parts - 1, i + 1)) yield [i, ...rest];
}

/**
 * Breaks a name or title into lines that fit `width` twips at `sizePt`, as letterheads and titles are
 * set by hand: line breaks given in the text are kept; otherwise the fewest lines that fit (up to
 * four), breaking before an administrative level where it can ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ VĨNH
 * LONG"), else after a dash, and then where the longest line is shortest. When nothing fits, the text
 * is left whole for the word processor to wrap.
 */
export function balancedLines(name: string, sizePt: number, width: number): string[] {
  const given = name
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  if (given.length !== 1 || estimateTextWidth(given[0], sizePt) <= width) return given;
  const words = given[0].split(" ");
  for (let parts = 2; parts <= Math.min(4, words.length); parts++) {
    let best: { lines: string[]; score: number; longest: number } | undefined;
    for (const at of cuts(words.length, parts)) {
      const bounds = [0, ...at, words.length];
      const lines = at.map((_, k) => words.slice(bounds[k], bounds[k + 1]).join(" ")).concat(words.slice(bounds[at.length]).join(" "));
      const longest = Math.max(...lines.map((l) => estimateTextWidth(l, sizePt)));
      if (longest > width) continue;
      // Before an administrative level scores 2, after a dash 1 ("SỞ LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI").
      const score = at.reduce((sum, i) => sum + (breaksBeforeLevel(words, i) ? 2 : words[i - 1] === "-" ? 1 : 0), 0);
      if (!best || score > best.score || (score === best.score && longest < best.longest)) best = { lines, score, longest };
    }
    if (best) return best.lines;
  }
  return given;
}

// ---------------------------------------------------------------------------------------------------
// Letterhead: issuing body and national title, number and place-and-date
// ---------------------------------------------------------------------------------------------------

export interface Letterhead {
  /** The parent body (cơ quan chủ quản), e.g. "UBND TỈNH VĨNH LONG"; written upper case, 13 pt. */
  parent?: string;
  /** The issuing body, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH LONG"; upper case bold 13 pt. */
  issuer: string;
  /** Document number; absent leaves a blank to write in; `null` leaves out the "Số:" line. */
  number?: string | null;
  /** Symbol after the number, e.g. "KH-UBND". */
  symbol?: string;
  place?: string;
  /** ISO date of issue; absent leaves blanks for day and month. */
  date?: string;
  /** Year shown when the date is not yet known. */
  year?: number;
}

const LEFT_COLUMN = Math.round(TEXT_WIDTH * 0.4);
const RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
const CELL_SIDE_MARGIN = 57; // 1 mm inside each side of the borderless cells
const noBorders = TableBorders.NONE;

function plainCell(children: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
    borders: noBorders,
    verticalAlign: VerticalAlignTable.TOP,
  });
}

function borderlessTable(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
  });
}

/** The letterhead as a borderless two-column table (the layout of Decree 30's annex I samples). */
export function letterheadTable(h: Letterhead): Table {
  const leftInner = LEFT_COLUMN - 2 * CELL_SIDE_MARGIN;
  const rightInner = RIGHT_COLUMN - 2 * CELL_SIDE_MARGIN;
  const issuer = balancedLines(upperVi(h.issuer), 13, leftInner);
  const left: Paragraph[] = [];
  if (h.parent?.trim()) left.push(...balancedLines(upperVi(h.parent), 13, leftInner).map((l) => centred(l, { size: 13 })));
  left.push(...issuer.map((l) => centred(l, { bold: true, size: 13 })));
  // Rule under the issuing body: a third to a half of its longest line.
  const issuerWidth = Math.min(Math.max(...issuer.map((l) => estimateTextWidth(l, 13))), leftInner);
  left.push(ruleParagraph(Math.round(issuerWidth * 0.4), leftInner));

  const right = [
    centred(NATIONAL_TITLE, { bold: true, size: 13 }),
    centred(MOTTO, { bold: true, size: 14 }),
    // Rule under the motto: as long as the motto.
    ruleParagraph(estimateTextWidth(MOTTO, 14), rightInner),
  ];

  // A long place name ("Phan Rang - Tháp Chàm, ngày …") would wrap under the motto: widen the date's
  // cell into the left column (up to 70 % of the line), then drop it to 13 pt, the smallest allowed.
  const dateText = placeDateLine(h.place, h.date, h.year);
  const dateNeeds = (pt: number) => estimateTextWidth(dateText, pt, false) + 2 * CELL_SIDE_MARGIN;
  const widest = Math.round(TEXT_WIDTH * 0.7);
  const dateSize = dateNeeds(14) <= widest ? 14 : 13;
  const dateWidth = Math.min(widest, Math.max(RIGHT_COLUMN, dateNeeds(dateSize)));
  const numberWidth = TEXT_WIDTH - dateWidth;
  const numberLine = h.number === null ? [] : [centred(documentNumberLine(h.number ?? undefined, h.symbol ?? ""), { size: 13 }, { before: 120 })];
  const dateLine = [centred(dateText, { italics: true, size: dateSize }, { before: 120 })];

  if (dateWidth === RIGHT_COLUMN) {
    return borderlessTable(
      [
        new TableRow({ children: [plainCell(left, LEFT_COLUMN), plainCell(right, RIGHT_COLUMN)], cantSplit: true }),
        new TableRow({ children: [plainCell(numberLine, LEFT_COLUMN), plainCell(dateLine, RIGHT_COLUMN)], cantSplit: true }),
      ],
      [LEFT_COLUMN, RIGHT_COLUMN],
    );
  }
  // Three grid columns: the header row spans [0,1] | [2]; the number row [0] | [1,2].
  const grid = [numberWidth, LEFT_COLUMN - numberWidth, RIGHT_COLUMN];
  return borderlessTable(
    [
      new TableRow({ children: [plainCell(left, LEFT_COLUMN, 2), plainCell(right, RIGHT_COLUMN)], cantSplit: true }),
      new TableRow({ children: [plainCell(numberLine, numberWidth), plainCell(dateLine, dateWidth, 2)], cantSplit: true }),
    ],
    grid,
  );
}

// ---------------------------------------------------------------------------------------------------
// Title, legal bases
// ---------------------------------------------------------------------------------------------------

/**
 * The title block: document type upper case bold 14 pt ("KẾ HOẠCH"), the summary in bold below it,
 * a short rule under them, and optional italic lines after the rule (e.g. "(Kèm theo …)").
 */
export function titleBlock(docType: string, summary?: string | readonly string[], notes: readonly string[] = []): Paragraph[] {
  const lines = summary === undefined ? [] : typeof summary === "string" ? [summary] : [...summary];
  const out = [centred(upperVi(docType), { bold: true, size: 14 }, { before: 360 })];
  const shown: string[] = [upperVi(docType)];
  for (const line of lines) {
    if (!line.trim()) continue;
    // A summary longer than a line is broken where a drafter would, in one paragraph.
    const parts = balancedLines(line, 14, TEXT_WIDTH - 200);
    shown.push(...parts);
    out.push(centred(parts.flatMap((p, i) => (i === 0 ? [run(p, { bold: true, size: 14 })] : [new TextRun({ break: 1 }), run(p, { bold: true, size: 14 })]))));
  }
  const longest = Math.max(...shown.map((l) => Math.min(estimateTextWidth(l, 14), TEXT_WIDTH)));
  out.push(ruleParagraph(Math.round(longest * 0.4), TEXT_WIDTH, notes.length ? 60 : 240));
  for (const [i, note] of notes.entries()) out.push(centred(note, { italics: true, size: 14 }, { after: i === notes.length - 1 ? 240 : 0 }));
  return out;
}

/** Legal bases ("Căn cứ …") in italics, each ending ";" and the last ".". */
export function legalBasisParagraphs(bases: readonly string[]): Paragraph[] {
  return punctuateList(bases).map((b) => bodyParagraph(b, { italics: true }));
}

// ---------------------------------------------------------------------------------------------------
// Closing: "Nơi nhận" and the signature block
// ---------------------------------------------------------------------------------------------------

export interface Signature {
  /**
   * Lines above the title, e.g. "TM. ỦY BAN NHÂN DÂN" or ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]. A string
   * may hold several lines separated by line breaks.
   */
  authority?: string | readonly string[];
  /** The signer's title, e.g. "CHỦ TỊCH" or "PHÓ CHỦ TỊCH". */
  title: string;
  /** The signer's full name; absent leaves the space empty. */
  name?: string;
  /** An italic line under the title, e.g. "(Ký, ghi rõ họ tên và đóng dấu)". */
  note?: string;
}

/** The authority lines of a signature block, split on line breaks. */
export function signatureAuthorityLines(authority: Signature["authority"]): string[] {
  const parts = authority === undefined ? [] : typeof authority === "string" ? [authority] : [...authority];
  return parts
    .flatMap((p) => p.split(/\r?\n/))
    .map((p) => p.trim())
    .filter(Boolean)
    .map(upperVi);
}

/** The signature block: authority and title upper case bold 14, room to sign, then the name in bold. */
export function signatureParagraphs(s: Signature): Paragraph[] {
  const out = [...signatureAuthorityLines(s.authority), upperVi(s.title)].map((l) => centred(l, { bold: true, size: 14 }));
  if (s.note) out.push(centred(s.note, { italics: true, size: 13 }));
  // About 30 mm for the signature and the seal.
  out.push(centred(s.name?.trim() ?? "", { bold: true, size: 14 }, { before: 1700 }));
  return out;
}

/** "Nơi nhận:" bold italic 12 pt over the recipient lines in 11 pt. */
export function recipientParagraphs(recipients: readonly string[], archive?: string): Paragraph[] {
  const lines = recipientLines(recipients, archive);
  return [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run("Nơi nhận:", { bold: true, italics: true, size: 12 })] }),
    ...lines.map((l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(l, { size: 11 })] })),
  ];
}

/**
 * The end of a document: "Nơi nhận" on the left and the signature block on the right, side by side
 * in a borderless table so the two start on the same line.
 */
export function closingTable(signature?: Signature, recipients?: readonly string[], archive?: string): Table {
  const left = recipients ? recipientParagraphs(recipients, archive) : [];
  const right = signature ? signatureParagraphs(signature) : [];
  const leftWidth = Math.round(TEXT_WIDTH * 0.5);
  const rightWidth = TEXT_WIDTH - leftWidth;
  return borderlessTable([new TableRow({ children: [plainCell(left, leftWidth), plainCell(right, rightWidth)], cantSplit: true })], [leftWidth, rightWidth]);
}

// ---------------------------------------------------------------------------------------------------
// Bordered data tables (criteria, scoring sheets)
// ---------------------------------------------------------------------------------------------------

export interface DataColumn {
  header: string;
  /** Share of the text width, or twips when above 1. */
  width: number;
  align?: "left" | "center" | "right";
}

export interface DataRow {
  cells: string[];
  bold?: boolean;
  italics?: boolean;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: BLACK } as const;
const allThin = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function alignment(a: DataColumn["align"]) {
  return a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/**
 * A bordered table with a bold header row (12 pt) that repeats on each page; cells 13 pt. The last row
 * (a total) is kept on the page of the row before it.
 */
export function dataTable(columns: readonly DataColumn[], rows: readonly DataRow[], fontSize = 13, headerSize = 12): Table {
  const widths = columns.map((c) => (c.width > 1 ? Math.round(c.width) : Math.round(c.width * TEXT_WIDTH)));
  const cell = (text: string, width: number, align: DataColumn["align"], style: RunStyle) =>
    new TableCell({
      children: text
        .split("\n")
        .map((line) => new Paragraph({ alignment: alignment(align), spacing: { before: 40, after: 40 }, children: [run(line, { size: fontSize, ...style })] })),
      width: { size: width, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      verticalAlign: VerticalAlignTable.CENTER,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i], "center", { bold: true, size: headerSize })),
  });
  const body = rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        keepNext: i === rows.length - 2,
        children: columns.map((c, i) => cell(r.cells[i] ?? "", widths[i], c.align, { bold: r.bold, italics: r.italics })),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: allThin,
  });
}

/** An empty paragraph between blocks (e.g. after a table). */
export function spacer(after = 120): Paragraph {
  return new Paragraph({ spacing: { before: 0, after }, children: [] });
}

// ---------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------

export type Block = Paragraph | Table;

export interface OfficialDocumentSpec {
  letterhead: Letterhead;
  /** The document type, e.g. "KẾ HOẠCH". */
  docType: string;
  /** The summary line(s) under the type. */
  summary?: string | readonly string[];
  /** Italic lines under the title rule, e.g. "(Kèm theo Kế hoạch số …)". */
  titleNotes?: readonly string[];
  legalBases?: readonly string[];
  body: readonly Block[];
  signature?: Signature;
  recipients?: readonly string[];
  /** The archive line used when the recipients have none ("Lưu: VT"). */
  archive?: string;
  /** Document properties. */
  meta?: { title?: string; subject?: string; creator?: string };
}

const black = { color: BLACK, font: FONT };
const allScripts = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
const bodySpacing = { before: 0, after: 120, line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };

/** Page header from page 2: the page number centred in the top margin. */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(14) })] })],
  });
}

/** A Decree 30 document from its blocks, with the page set-up, fonts and styles. */
export function officialDocument(children: readonly Block[], meta: OfficialDocumentSpec["meta"] = {}): Document {
  const headingRun = { ...black, bold: true };
  return new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.creator ?? "Thi Đua",
    theme: { fonts: { headings: { latin: FONT, eastAsia: FONT, complexScript: FONT }, body: { latin: FONT, eastAsia: FONT, complexScript: FONT } } },
    styles: {
      default: {
        document: {
          run: { font: allScripts, size: halfPoints(14), color: BLACK, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        // Word's built-in styles come coloured and sized; keep them black Times New Roman in case an editor uses them.
        title: { run: { ...black, size: halfPoints(14), bold: true } },
        heading1: { run: headingRun },
        heading2: { run: headingRun },
        heading3: { run: headingRun },
        heading4: { run: headingRun },
        heading5: { run: headingRun },
        heading6: { run: headingRun },
        hyperlink: { run: { color: BLACK } },
        caption: { run: { ...black, italics: true, size: halfPoints(13) } },
      },
      paragraphStyles: [
        {
          id: STYLE.body,
          name: "Nội dung văn bản",
          basedOn: "Normal",
          quickFormat: true,
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: bodySpacing },
          run: { size: halfPoints(14) },
        },
        {
          id: STYLE.heading1,
          name: "Đề mục cấp 1",
          basedOn: STYLE.body,
          next: STYLE.body,
          quickFormat: true,
          paragraph: { keepNext: true, keepLines: true, spacing: { ...bodySpacing, before: 120 } },
          run: { bold: true },
        },
        {
          id: STYLE.heading2,
          name: "Đề mục cấp 2",
          basedOn: STYLE.body,
          next: STYLE.body,
          quickFormat: true,
          paragraph: { keepNext: true, keepLines: true },
          run: { bold: true },
        },
        {
          id: STYLE.heading3,
          name: "Đề mục cấp 3",
          basedOn: STYLE.body,
          next: STYLE.body,
          quickFormat: true,
          paragraph: { keepNext: true, keepLines: true },
          run: { bold: true, italics: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: "portrait" },
            margin: { ...PAGE.margin, gutter: 0 },
          },
        },
        headers: { first: new Header({ children: [new Paragraph({ children: [] })] }), default: pageNumberHeader() },
        children: [...children],
      },
    ],
  });
}

/** Letterhead, title, legal bases, body and closing, in the order Decree 30 lays them out. */
export function buildOfficialDocument(spec: OfficialDocumentSpec): Document {
  const blocks: Block[] = [letterheadTable(spec.letterhead), ...titleBlock(spec.docType, spec.summary, spec.titleNotes ?? [])];
  if (spec.legalBases?.length) blocks.push(...legalBasisParagraphs(spec.legalBases));
  blocks.push(...spec.body);
  if (spec.signature || spec.recipients) blocks.push(spacer(240), closingTable(spec.signature, spec.recipients, spec.archive));
  return officialDocument(blocks, spec.meta);
}

/** Packs a document into the bytes of a .docx file. */
export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
