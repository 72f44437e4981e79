// The certificate (Bằng khen / Giấy khen) printed for each recipient of a decision: an A4 landscape page
// with the national title, the authority that awards it, "TẶNG" and the award in large type, the
// recipient's name large and bold, the achievement, the decision's number and date, and the signature.
// Times New Roman, black, Decree 30 margins; one page per recipient.
import { AlignmentType, BorderStyle, Document, LineRuleType, PageBorderOffsetFrom, PageOrientation, Paragraph, TextRun, VerticalAlignSection } from "docx";
import type { Block } from "../decree30.js";
import {
  BLACK,
  balancedLines,
  centred,
  estimateTextWidth,
  FONT,
  halfPoints,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  packDocx,
  placeDateLine,
  type Signature,
  signatureAuthorityLines,
  upperVi,
} from "../decree30.js";
import { decisionReference, phrase, sideBySide, type Target } from "./common.js";

export interface CertificateRecipient {
  name: string;
  target: Target;
  /** "Ông", "Bà" before a person's name, when wanted. */
  honorific?: string;
  position?: string;
  unitName?: string;
  /** This recipient's achievement; the certificate's `achievement` when absent. */
  achievement?: string;
  /** Number in the register of awards (số sổ vàng), when kept. */
  registerNumber?: string;
}

export interface CertificateInput {
  /** Who awards it: "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long"; written upper case. */
  authority: string;
  /** The award: "Giấy khen", "Bằng khen"; written upper case, large. */
  awardTitle: string;
  /** "Đã có thành tích xuất sắc trong phong trào thi đua … năm 2024". */
  achievement: string;
  decision: { number?: string | null; symbol: string; date: string };
  /** Place in the date line ("TP. Vĩnh Long"); the date is the decision's unless given. */
  place?: string;
  date?: string;
  signature: Signature;
  recipients: readonly CertificateRecipient[];
  /** A double frame around the text (off when printing on pre-printed blanks). Default true. */
  frame?: boolean;
}

/** Text width of a landscape A4 page between the Decree 30 margins, in twips. */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;
/**
 * The text block is narrowed on the right by the difference between the left and right margins, so that
 * centred lines sit in the middle of the paper (and of the frame) while keeping Decree 30's margins.
 */
const INSET = Math.max(0, PAGE.margin.left - PAGE.margin.right);
const BLOCK_WIDTH = LANDSCAPE_TEXT_WIDTH - INSET;

/** The largest size from `max` down to `min` at which `text` fits `width` on one line (or `min`). */
function fittingSize(text: string, max: number, min: number, width: number): number {
  for (let pt = max; pt > min; pt -= 2) if (estimateTextWidth(text, pt, true) <= width) return pt;
  return min;
}

interface LineStyle {
  bold?: boolean;
  italics?: boolean;
  size: number;
}

/** A centred paragraph of lines (each after a line break), centred on the paper. */
function centredLines(lines: readonly string[], style: LineStyle, spacing: { before?: number; after?: number } = {}, pageBreakBefore = false) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    indent: { right: INSET },
    spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 },
    children: lines.map(
      (l, i) =>
        new TextRun({ text: l.normalize("NFC"), break: i === 0 ? undefined : 1, bold: style.bold, italics: style.italics, size: halfPoints(style.size) }),
    ),
  });
}

/** The short rule under the motto, centred on the paper. */
function mottoRule(): Paragraph {
  const width = estimateTextWidth(MOTTO, 14);
  const side = Math.max(0, Math.floor((BLOCK_WIDTH - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side + INSET },
    spacing: { before: 30, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

function sentence(s: string): string {
  const t = phrase(s);
  const [first] = [...t];
  return first ? `${first.toLocaleUpperCase("vi")}${t.slice(first.length)}` : t;
}

/** The blocks of one certificate page. */
function certificatePage(input: CertificateInput, r: CertificateRecipient, first: boolean): Block[] {
  const width = BLOCK_WIDTH - 400;
  const authority = balancedLines(upperVi(phrase(input.authority)), 16, width);
  const name = [r.target === "individual" ? r.honorific?.trim() : undefined, r.name.trim()].filter(Boolean).join(" ");
  const nameSize = fittingSize(name, 32, 20, width);
  const nameLines = balancedLines(name, nameSize, width);
  const detail = [r.position?.trim(), r.unitName?.trim() && r.unitName.trim() !== r.name.trim() ? r.unitName.trim() : undefined].filter(Boolean).join(", ");
  const achievement = balancedLines(sentence(r.achievement?.trim() || input.achievement), 16, width);

  // Looser spacing for the usual one-line name and achievement; tighter when they wrap, to stay on one page.
  const gap = (twips: number) => Math.round(nameLines.length + achievement.length + authority.length > 4 ? twips / 2 : twips);
  const blocks: Block[] = [
    centredLines([NATIONAL_TITLE], { bold: true, size: 13 }, {}, !first),
    centredLines([MOTTO], { bold: true, size: 14 }),
    mottoRule(),
    centredLines(authority, { bold: true, size: 16 }, { before: gap(480) }),
    centredLines(["TẶNG"], { bold: true, size: 16 }, { before: gap(200) }),
    centredLines([upperVi(phrase(input.awardTitle))], { bold: true, size: 44 }, { before: gap(120), after: gap(160) }),
    centredLines(nameLines, { bold: true, size: nameSize }, { after: gap(100) }),
  ];
  if (detail) blocks.push(centredLines([detail], { size: 16 }));
  blocks.push(centredLines(achievement, { italics: true, size: 16 }, { before: gap(200), after: gap(360) }));

  const reference = decisionReference(input.decision.number, input.decision.symbol, input.decision.date);
  const left = [new Paragraph({ children: [new TextRun({ text: `${reference}.`, size: halfPoints(13) })] })];
  if (r.registerNumber?.trim())
    left.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: `Số sổ vàng: ${r.registerNumber.trim()}`, size: halfPoints(13) })] }));
  const s = input.signature;
  const right = [
    centred(placeDateLine(input.place, input.date ?? input.decision.date), { italics: true, size: 14 }),
    ...[...signatureAuthorityLines(s.authority), upperVi(s.title)].map((l) => centred(l, { bold: true, size: 14 })),
    centred(s.name?.trim() ?? "", { bold: true, size: 14 }, { before: gap(1400) }),
  ];
  blocks.push(sideBySide([left, right], BLOCK_WIDTH, ["bottom", "top"]));
  return blocks;
}

const allScripts = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
const black = { color: BLACK, font: FONT };
// A double rule 8 mm inside the paper's edges (the margins of the text are Decree 30's).
const frameBorder = { style: BorderStyle.DOUBLE, size: 12, color: BLACK, space: 24 };

/** The certificates as one landscape document, a page per recipient (not yet packed). */
export function certificateDocument(input: CertificateInput): Document {
  if (!input.recipients.length) throw new RangeError("Không có tập thể, cá nhân nào để in giấy chứng nhận khen thưởng.");
  const children = input.recipients.flatMap((r, i) => certificatePage(input, r, i === 0));
  const frame = input.frame ?? true;
  return new Document({
    title: `${phrase(input.awardTitle)} - ${decisionReference(input.decision.number, input.decision.symbol, input.decision.date)}`,
    creator: "Thi Đua",
    theme: { fonts: { headings: { latin: FONT, eastAsia: FONT, complexScript: FONT }, body: { latin: FONT, eastAsia: FONT, complexScript: FONT } } },
    styles: {
      default: {
        document: {
          run: { font: allScripts, size: halfPoints(14), color: BLACK, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        // Word's built-in styles come coloured; keep them black Times New Roman in case an editor uses them.
        title: { run: { ...black, bold: true } },
        heading1: { run: { ...black, bold: true } },
        heading2: { run: { ...black, bold: true } },
        heading3: { run: { ...black, bold: true } },
        heading4: { run: { ...black, bold: true } },
        heading5: { run: { ...black, bold: true } },
        heading6: { run: { ...black, bold: true } },
        hyperlink: { run: { color: BLACK } },
        caption: { run: { ...black, italics: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { ...PAGE.margin, gutter: 0 },
            borders: frame
              ? {
                  pageBorders: { offsetFrom: PageBorderOffsetFrom.PAGE },
                  pageBorderTop: frameBorder,
                  pageBorderBottom: frameBorder,
                  pageBorderLeft: frameBorder,
                  pageBorderRight: frameBorder,
                }
              : undefined,
          },
          verticalAlign: VerticalAlignSection.CENTER,
        },
        children,
      },
    ],
  });
}

/** The certificates (Bằng khen / Giấy khen) as an A4 landscape .docx, one page per recipient. */
export async function buildCertificateDocx(input: CertificateInput): Promise<Buffer> {
  return packDocx(certificateDocument(input));
}
