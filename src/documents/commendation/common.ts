// Pieces shared by the commendation documents (decision, minutes, proposal memo, achievement report,
// certificate): money in figures and words, counts of collectives and individuals, articles, two
// signatures side by side, annex titles and the dotted lines of forms. Pure functions over plain data.
import {
  AlignmentType,
  BorderStyle,
  LeaderType,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { moneyInWords } from "../../domain/commendation/money.js";
import { num, percent, wholeAmount } from "../../domain/format.js";
import {
  BLACK,
  balancedLines,
  centred,
  type DataColumn,
  ddmmyyyy,
  estimateTextWidth,
  FIRST_LINE_INDENT,
  halfPoints,
  isoDateParts,
  quantityText,
  ruleParagraph,
  run,
  type Signature,
  STYLE,
  signatureAuthorityLines,
  TEXT_WIDTH,
  upperVi,
} from "../decree30.js";

/** Who receives or is proposed: a person or a collective (tập thể). */
export type Target = "individual" | "collective";

/** The issuing body of a letterhead: parent body (optional) over the body itself. */
export interface IssuerInput {
  /** The parent body, e.g. "UBND tỉnh Vĩnh Long"; written upper case. */
  parent?: string;
  /** The issuing body, e.g. "Ủy ban nhân dân thành phố Vĩnh Long"; written upper case bold. */
  name: string;
}

// ---------------------------------------------------------------------------------------------------
// Money and numbers
// ---------------------------------------------------------------------------------------------------

/** A whole amount with Vietnamese thousands separators: 1410000 → "1.410.000". */
export { wholeAmount } from "../../domain/format.js";

/** "1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng)". */
export function moneyText(amount: number): string {
  return `${wholeAmount(amount)} đồng (${moneyInWords(amount)})`;
}

/** Points as Vietnamese write them: 92.5 → "92,5", 1250 → "1.250". */
export const pointsText = (n: number): string => num(n);

/** A percentage with at most two decimals: 87.5 → "87,5%". */
export const percentText = (n: number): string => percent(n);

const NOUN: Record<Target, string> = { collective: "tập thể", individual: "cá nhân" };

/** "03 tập thể và 05 cá nhân", "04 cá nhân", "01 tập thể". */
export function countPhrase(collectives: number, individuals: number): string {
  const parts: string[] = [];
  if (collectives > 0) parts.push(`${quantityText(collectives)} ${NOUN.collective}`);
  if (individuals > 0) parts.push(`${quantityText(individuals)} ${NOUN.individual}`);
  return parts.join(" và ");
}

/** How a list of recipients is named in a sentence: "các tập thể, cá nhân", "các cá nhân", "tập thể". */
export function whoPhrase(collectives: number, individuals: number): string {
  if (collectives > 0 && individuals > 0) return "các tập thể, cá nhân";
  if (collectives > 0) return collectives > 1 ? "các tập thể" : "tập thể";
  return individuals > 1 ? "các cá nhân" : "cá nhân";
}

/** Counts of collectives and individuals in a list. */
export function countTargets(items: readonly { target: Target }[]): { collectives: number; individuals: number } {
  const collectives = items.filter((i) => i.target === "collective").length;
  return { collectives, individuals: items.length - collectives };
}

/** Upper-cases the first letter ("các tập thể" → "Các tập thể"). */
export function capitalise(s: string): string {
  const [first] = [...s];
  return first ? first.toLocaleUpperCase("vi") + s.slice(first.length) : s;
}

/** Strips the final punctuation of a phrase that will be built into a sentence. */
export const phrase = (s: string): string => s.trim().replace(/[\s.;,:]+$/u, "");

// ---------------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------------

/** A date in words with Decree 30's padding: "ngày 05 tháng 02 năm 2024", "ngày 26 tháng 12 năm 2024". */
export function longDate(iso: string): string {
  const { year, month, day } = isoDateParts(iso);
  return `ngày ${day < 10 ? `0${day}` : day} tháng ${month <= 2 ? `0${month}` : month} năm ${year}`;
}

/** A time of day "08:30" in words: "08 giờ 30 phút". */
export function timeText(hhmm: string): string {
  const m = /^(\d{1,2})[:h](\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`Giờ phải có dạng HH:MM: "${hhmm}"`);
  return `${m[1].padStart(2, "0")} giờ ${m[2]} phút`;
}

/** "Quyết định số 15/QĐ-UBND ngày 30/12/2024"; blanks stand in for a number or a date not yet given. */
export function decisionReference(number: string | null | undefined, symbol: string, isoDate: string | undefined, year?: number): string {
  const n = number?.trim() ? number.trim() : "     ";
  const sym = symbol.trim().replace(/^\/+/, "");
  const date = isoDate ? ddmmyyyy(isoDate) : `     /     /${year ?? "     "}`;
  return `Quyết định số ${n}/${sym} ngày ${date}`;
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs and tables
// ---------------------------------------------------------------------------------------------------

/**
 * An article of a decision: "Điều 1." in bold, then its text, as a body paragraph. `keepNext` keeps it on
 * the page of what follows (the last article with the signature, which must not stand alone on a page).
 */
export function articleParagraph(n: number, text: string, keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.body, keepNext, keepLines: keepNext, children: [run(`Điều ${n}. `, { bold: true }), run(text)] });
}

/** The last body paragraph, kept on the page of the signature block after it. */
export function closingParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.body, keepNext: true, keepLines: true, children: [run(text)] });
}

/** Space before the signature block, kept with it. */
export function closingSpacer(after = 240): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 0, after }, children: [] });
}

/** A body paragraph that starts with a bold label: "Thời gian: …". */
export function labelledParagraph(label: string, text: string, style: { dash?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, children: [run(`${style.dash ? "- " : ""}${label}`, { bold: true }), run(text ? ` ${text}` : "")] });
}

/** A centred bold line, broken to fit the text width when long ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"). */
export function centredBoldLines(text: string, sizePt = 14, spacing: { before?: number; after?: number } = {}): Paragraph {
  const lines = balancedLines(text, sizePt, TEXT_WIDTH - 200);
  return centred(
    lines.map((l, i) => new TextRun({ text: l.normalize("NFC"), break: i === 0 ? undefined : 1, bold: true, size: halfPoints(sizePt) })),
    {},
    spacing,
  );
}

/**
 * The title of an annex on a new page: "DANH SÁCH", its subject upper case bold, the italic
 * "(Kèm theo …)" line and a short rule under them (Decree 30, annex I: the layout of an appendix).
 */
export function annexTitle(docType: string, subject: string, attachedTo: string): Paragraph[] {
  const head = new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: true,
    spacing: { before: 0, after: 0 },
    children: [run(upperVi(docType), { bold: true, size: 14 })],
  });
  const subjectLines = balancedLines(upperVi(subject), 14, TEXT_WIDTH - 400);
  const longest = Math.max(estimateTextWidth(upperVi(docType), 14), ...subjectLines.map((l) => Math.min(estimateTextWidth(l, 14), TEXT_WIDTH)));
  return [
    head,
    ...subjectLines.map((l) => centred(l, { bold: true, size: 14 })),
    centred(`(${phrase(attachedTo).replace(/^\(|\)$/g, "")})`, { italics: true, size: 14 }),
    ruleParagraph(Math.round(longest * 0.3), TEXT_WIDTH, 240, 80),
  ];
}

const SIDE_MARGIN = 57;

function borderlessCell(children: Paragraph[], width: number, valign: "top" | "bottom" = "top"): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    margins: { left: SIDE_MARGIN, right: SIDE_MARGIN, top: 0, bottom: 0 },
    borders: TableBorders.NONE,
    verticalAlign: valign === "bottom" ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
  });
}

/** Blocks in borderless columns of equal width, side by side on one row (kept on one page). */
export function sideBySide(columns: readonly Paragraph[][], width = TEXT_WIDTH, valign: readonly ("top" | "bottom")[] = []): Table {
  const each = Math.floor(width / columns.length);
  const widths = columns.map((_, i) => (i === columns.length - 1 ? width - each * (columns.length - 1) : each));
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: columns.map((c, i) => borderlessCell(c, widths[i], valign[i])) })],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/**
 * A signature block for a column `width` twips wide: authority and title upper case bold 14 pt, broken
 * where a drafter would when too long ("XÁC NHẬN CỦA CẤP" / "TRÌNH KHEN"), the italic note, room to sign
 * (about 30 mm) and the name in bold.
 */
export function signatureBlock(s: Signature, width: number, room = 1700): Paragraph[] {
  const inner = width - 2 * SIDE_MARGIN - 100;
  const lines = [...signatureAuthorityLines(s.authority), upperVi(s.title)].filter((l) => l.trim()).flatMap((l) => balancedLines(l, 14, inner));
  const out = lines.map((l) => centred(l, { bold: true, size: 14 }));
  if (s.note) out.push(centred(s.note, { italics: true, size: 13 }));
  out.push(centred(s.name?.trim() ?? "", { bold: true, size: 14 }, { before: room }));
  return out;
}

/** Two signature blocks side by side (secretary and chair of a council; confirmation and reporter). */
export function twoSignatures(left: Signature, right: Signature): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  return sideBySide([signatureBlock(left, half), signatureBlock(right, TEXT_WIDTH - half)]);
}

// ---------------------------------------------------------------------------------------------------
// Lists of recipients and nominees
// ---------------------------------------------------------------------------------------------------

export interface ListRow {
  /** A section head ("I", "TẬP THỂ") is bold and kept with the row after it; a total is bold. */
  kind: "section" | "item" | "total";
  cells: string[];
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: BLACK } as const;

/**
 * A bordered list table like Decree 30's data tables (bold 12 pt header repeated on each page, cells
 * 13 pt): a section row's title spans the empty cells after it and stays with the first row of its
 * section; rows never split across pages; the total stays with the row before it.
 */
export function listTable(columns: readonly DataColumn[], rows: readonly ListRow[], fontSize = 13): Table {
  const widths = columns.map((c) => (c.width > 1 ? Math.round(c.width) : Math.round(c.width * TEXT_WIDTH)));
  const align = (a: DataColumn["align"]) => (a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, width: number, a: DataColumn["align"], style: { bold?: boolean; size: number }, keepNext: boolean, span?: number) =>
    new TableCell({
      children: text.split("\n").map(
        (line) =>
          new Paragraph({
            alignment: align(a),
            keepNext,
            spacing: { before: 40, after: 40 },
            children: [run(line, { bold: style.bold, size: style.size })],
          }),
      ),
      width: { size: width, type: WidthType.DXA },
      columnSpan: span,
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      verticalAlign: VerticalAlignTable.CENTER,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i], "center", { bold: true, size: 12 }, true)),
  });
  const body = rows.map((r, k) => {
    const bold = r.kind !== "item";
    const keepNext = r.kind === "section" || (k === rows.length - 2 && rows[rows.length - 1].kind === "total");
    const cells = columns.map((_, i) => r.cells[i] ?? "");
    if (r.kind === "section" && cells.slice(2).every((c) => !c)) {
      const spanWidth = widths.slice(1).reduce((a, b) => a + b, 0);
      return new TableRow({
        cantSplit: true,
        children: [
          cell(cells[0], widths[0], columns[0].align, { bold, size: fontSize }, keepNext),
          cell(cells[1], spanWidth, "left", { bold, size: fontSize }, keepNext, columns.length - 1),
        ],
      });
    }
    return new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(cells[i], widths[i], c.align, { bold, size: fontSize }, keepNext)) });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

/** A bold or italic line that introduces what follows, kept on its page ("Kết quả theo từng tiêu chí:"). */
export function leadIn(text: string, style: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, keepNext: true, keepLines: true, children: [run(text, style)] });
}

// ---------------------------------------------------------------------------------------------------
// Forms: fields with dotted lines where the system has no data
// ---------------------------------------------------------------------------------------------------

export interface FormField {
  label: string;
  /** The value; absent (or blank) leaves a dotted line to write in by hand. */
  value?: string | null;
}

const known = (v: string | null | undefined): v is string => typeof v === "string" && v.trim().length > 0;

/**
 * One line of a form: "- Họ và tên: Nguyễn Văn An", with several fields sharing the line at equal
 * tab stops ("- Dân tộc: ……… Tôn giáo: ………"). An unknown value is a dot leader up to the next field.
 */
export function formLine(fields: readonly FormField[], opts: { dash?: boolean } = {}): Paragraph {
  const dash = opts.dash ?? true;
  const start = FIRST_LINE_INDENT;
  const span = TEXT_WIDTH - start;
  const stops = fields.map((_, i) => (i === fields.length - 1 ? TEXT_WIDTH : start + Math.round((span * (i + 1)) / fields.length)));
  const children: ParagraphChild[] = [];
  fields.forEach((f, i) => {
    const label = `${i === 0 && dash ? "- " : ""}${f.label}:`;
    children.push(run(label));
    if (known(f.value)) children.push(run(` ${f.value.trim()}`, { bold: false }));
    else children.push(run(" "));
    const last = i === fields.length - 1;
    // After an unknown value, dots up to the next field (or the margin); after a known one, a plain jump.
    if (!known(f.value) || !last) children.push(new TextRun({ children: [new Tab()] }));
  });
  return new Paragraph({
    style: STYLE.body,
    tabStops: fields.map((f, i) => ({
      type: i === fields.length - 1 ? TabStopType.RIGHT : TabStopType.LEFT,
      position: stops[i],
      leader: known(f.value) ? LeaderType.NONE : LeaderType.DOT,
    })),
    children,
  });
}

/** An empty line of dots across the text width, to write on. */
export function dottedLine(): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    indent: { firstLine: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    spacing: { before: 0, after: 120, line: 360, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ children: [new Tab()] })],
  });
}

/** Text lines when there are any, else `blank` dotted lines to write on. */
export function linesOrDots(lines: readonly Paragraph[], blank = 2): Paragraph[] {
  return lines.length ? [...lines] : Array.from({ length: blank }, () => dottedLine());
}
