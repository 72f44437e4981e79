// The achievement report (BÁO CÁO THÀNH TÍCH) of a nominee, after the templates of Decree 98/2023 annex I:
// Mẫu 03 for an individual, Mẫu 02 for a collective. What the system knows is filled in (name, birth date,
// unit, position, the movement's points, rank, criteria and initiatives); what it does not know is left
// as dotted lines to complete by hand. Closes with the superior's confirmation and the reporter's signature.
import { AlignmentType, type Document, Paragraph } from "docx";
import {
  type Block,
  bodyParagraph,
  centred,
  type DataRow,
  dashParagraph,
  dataTable,
  ddmmyyyy,
  estimateTextWidth,
  headingParagraph,
  letterheadTable,
  MOTTO,
  NATIONAL_TITLE,
  officialDocument,
  packDocx,
  placeDateLine,
  punctuateList,
  ruleParagraph,
  run,
  type Signature,
  spacer,
  TEXT_WIDTH,
  titleBlock,
} from "../decree30.js";
import { type FormField, formLine, type IssuerInput, leadIn, linesOrDots, phrase, pointsText, twoSignatures } from "./common.js";

/** What the movement recorded for the nominee. */
export interface MovementAchievements {
  /** "phong trào thi đua thực hiện cải cách hành chính năm 2024". */
  movement: string;
  total?: { points: number; max?: number };
  rank?: { position: number; of?: number; group?: string };
  /** Classification band ("Xuất sắc"). */
  classification?: string;
  /** Result per criterion: points (of max) or passed/failed, with an optional note. */
  criteria?: readonly { title: string; points?: number; max?: number; passed?: boolean; note?: string }[];
  /** Initiatives and solutions recognised, with the document that recognised them. */
  initiatives?: readonly { title: string; recognition?: string }[];
  /** Other achievements, one line each. */
  other?: readonly string[];
}

/** An emulation title or award received before (section III's tables). */
export interface PastAward {
  year: number | string;
  name: string;
  /** "Quyết định số 20/QĐ-UBND ngày 10/01/2024 của Chủ tịch UBND thành phố". */
  decision?: string;
}

interface ReportCommon {
  /** The award proposed: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố". */
  awardName: string;
  place?: string;
  date?: string;
  year?: number;
  /** The template the plan uses, shown top right ("Mẫu số 03"). */
  template?: string;
  achievements: MovementAchievements;
  previousTitles?: readonly PastAward[];
  previousAwards?: readonly PastAward[];
  /** The superior's confirmation block; "XÁC NHẬN CỦA CẤP TRÌNH KHEN" with room to sign when absent. */
  confirmation?: Partial<Signature>;
}

export interface IndividualReportInput extends ReportCommon {
  kind: "individual";
  person: {
    fullName: string;
    /** YYYY-MM-DD. */
    birthDate?: string;
    sex?: "male" | "female";
    ethnicity?: string;
    religion?: string;
    homeTown?: string;
    residence?: string;
    unitName?: string;
    position?: string;
    politicalTheory?: string;
    professionalLevel?: string;
    /** Academic titles, degrees, titles and prizes. */
    titlesAndPrizes?: string;
  };
  /** Powers and duties assigned (II.1); dotted lines when absent. */
  duties?: readonly string[];
}

export interface CollectiveReportInput extends ReportCommon {
  kind: "collective";
  /** The superior body and the collective itself (letterhead and "Tên đơn vị"). */
  unit: IssuerInput & { address?: string; phone?: string };
  /** Founding and development, main features (staff, organisation), one paragraph each. */
  characteristics?: readonly string[];
  /** Functions and duties. */
  functions?: readonly string[];
  /** Measures and causes of the achievements. */
  measures?: readonly string[];
  /** The head of the collective who signs the report ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" and the name). */
  head: Signature;
}

export type AchievementReportInput = IndividualReportInput | CollectiveReportInput;

const SEX = { male: "Nam", female: "Nữ" } as const;

/** The movement's results as report lines: points, rank, classification, criteria, initiatives, others. */
export function achievementLines(a: MovementAchievements): Block[] {
  const out: Block[] = [leadIn(`Kết quả trong ${phrase(a.movement)}:`)];
  const head: string[] = [];
  if (a.total) head.push(`Tổng điểm đạt được: ${pointsText(a.total.points)}${a.total.max !== undefined ? `/${pointsText(a.total.max)}` : ""} điểm`);
  if (a.rank) head.push(`Xếp hạng: thứ ${a.rank.position}${a.rank.of ? `/${a.rank.of}` : ""}${a.rank.group?.trim() ? ` (${phrase(a.rank.group)})` : ""}`);
  if (a.classification?.trim()) head.push(`Xếp loại: ${phrase(a.classification)}`);
  const criteria = (a.criteria ?? []).map((c) => {
    const result =
      c.points !== undefined
        ? `${pointsText(c.points)}${c.max !== undefined ? `/${pointsText(c.max)}` : ""} điểm`
        : c.passed === undefined
          ? ""
          : c.passed
            ? "đạt"
            : "không đạt";
    const note = c.note?.trim() ? ` (${phrase(c.note)})` : "";
    return `${phrase(c.title)}${result ? `: ${result}` : ""}${note}`;
  });
  const initiatives = (a.initiatives ?? []).map((i) => `${phrase(i.title)}${i.recognition?.trim() ? ` (${phrase(i.recognition)})` : ""}`);
  const other = (a.other ?? []).map(phrase).filter(Boolean);
  if (head.length) out.push(...punctuateList(head, ";", criteria.length || initiatives.length || other.length ? ";" : ".").map((l) => dashParagraph(l)));
  if (criteria.length) out.push(leadIn("Kết quả theo từng tiêu chí:", { italics: true }), ...punctuateList(criteria).map((l) => dashParagraph(l)));
  if (initiatives.length)
    out.push(leadIn("Sáng kiến, giải pháp được công nhận:", { italics: true }), ...punctuateList(initiatives).map((l) => dashParagraph(l)));
  if (other.length) out.push(leadIn("Thành tích khác:", { italics: true }), ...punctuateList(other).map((l) => dashParagraph(l)));
  return out;
}

/** Section III's table: Năm | name | decision, with two empty rows to fill in when nothing is known. */
function pastTable(kind: "title" | "award", items: readonly PastAward[] = []): Block {
  const rows: DataRow[] = items.length
    ? items.map((p) => ({ cells: [String(p.year), p.name.trim(), p.decision?.trim() ?? ""] }))
    : [{ cells: ["", "", ""] }, { cells: ["", "", ""] }];
  return dataTable(
    [
      { header: "Năm", width: 0.12, align: "center" },
      { header: kind === "title" ? "Danh hiệu thi đua" : "Hình thức khen thưởng", width: 0.33, align: "left" },
      {
        header: `Số, ngày, tháng, năm của quyết định ${kind === "title" ? "công nhận danh hiệu thi đua" : "khen thưởng"}; cơ quan ban hành quyết định`,
        width: 0.55,
        align: "left",
      },
    ],
    rows,
    12,
    12,
  );
}

/** The header of an individual's report: the national title and motto, and the place and date on the right. */
function mottoHeader(input: ReportCommon): Block[] {
  return [
    centred(NATIONAL_TITLE, { bold: true, size: 13 }),
    centred(MOTTO, { bold: true, size: 14 }),
    ruleParagraph(estimateTextWidth(MOTTO, 14), TEXT_WIDTH),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120, after: 0 },
      children: [run(placeDateLine(input.place, input.date, input.date ? undefined : input.year), { italics: true, size: 14 })],
    }),
  ];
}

function templateLine(template?: string): Block[] {
  return template?.trim()
    ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 120 }, children: [run(template.trim(), { bold: true, size: 13 })] })]
    : [];
}

function confirmationSignature(c: Partial<Signature> | undefined): Signature {
  return { authority: c?.authority, title: c?.title?.trim() || "XÁC NHẬN CỦA CẤP TRÌNH KHEN", name: c?.name, note: c?.note ?? "(Ký, đóng dấu)" };
}

function individualBlocks(input: IndividualReportInput): Block[] {
  const p = input.person;
  const line = (...fields: FormField[]) => formLine(fields);
  const blocks: Block[] = [
    ...templateLine(input.template),
    ...mottoHeader(input),
    ...titleBlock("BÁO CÁO THÀNH TÍCH", `Đề nghị tặng ${phrase(input.awardName)}`),
    headingParagraph("I. SƠ LƯỢC LÝ LỊCH", 1),
    line({ label: "Họ và tên", value: p.fullName }),
    line(
      { label: "Sinh ngày, tháng, năm", value: p.birthDate ? ddmmyyyy(p.birthDate) : undefined },
      { label: "Giới tính", value: p.sex ? SEX[p.sex] : undefined },
    ),
    line({ label: "Dân tộc", value: p.ethnicity }, { label: "Tôn giáo", value: p.religion }),
    line({ label: "Quê quán", value: p.homeTown }),
    line({ label: "Trú quán", value: p.residence }),
    line({ label: "Đơn vị công tác", value: p.unitName }),
    line({ label: "Chức vụ (Đảng, chính quyền, đoàn thể)", value: p.position }),
    line({ label: "Trình độ lý luận chính trị", value: p.politicalTheory }),
    line({ label: "Trình độ chuyên môn, nghiệp vụ", value: p.professionalLevel }),
    line({ label: "Học hàm, học vị, danh hiệu, giải thưởng", value: p.titlesAndPrizes }),
    headingParagraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", 1),
    headingParagraph("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận", 2),
    ...linesOrDots(
      (input.duties ?? []).filter((d) => d.trim()).map((d) => bodyParagraph(d.trim())),
      3,
    ),
    headingParagraph("2. Thành tích đạt được", 2),
    ...achievementLines(input.achievements),
    headingParagraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", 1),
    headingParagraph("1. Danh hiệu thi đua", 2),
    pastTable("title", input.previousTitles),
    spacer(120),
    headingParagraph("2. Hình thức khen thưởng", 2),
    pastTable("award", input.previousAwards),
    spacer(360),
    twoSignatures(confirmationSignature(input.confirmation), { title: "NGƯỜI BÁO CÁO THÀNH TÍCH", note: "(Ký, ghi rõ họ và tên)", name: p.fullName }),
  ];
  return blocks;
}

function collectiveBlocks(input: CollectiveReportInput): Block[] {
  const u = input.unit;
  const paragraphs = (items?: readonly string[]) => (items ?? []).filter((s) => s.trim()).map((s) => bodyParagraph(s.trim()));
  return [
    ...templateLine(input.template),
    letterheadTable({ parent: u.parent, issuer: u.name, number: null, place: input.place, date: input.date, year: input.date ? undefined : input.year }),
    ...titleBlock("BÁO CÁO THÀNH TÍCH", `Đề nghị tặng ${phrase(input.awardName)}`),
    headingParagraph("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", 1),
    headingParagraph("1. Đặc điểm, tình hình", 2),
    formLine([{ label: "Tên đơn vị", value: u.name }]),
    formLine([{ label: "Địa chỉ trụ sở", value: u.address }]),
    formLine([{ label: "Điện thoại", value: u.phone }]),
    ...(input.characteristics?.length
      ? paragraphs(input.characteristics)
      : [formLine([{ label: "Quá trình thành lập, phát triển và những đặc điểm chính" }]), ...linesOrDots([], 2)]),
    headingParagraph("2. Chức năng, nhiệm vụ", 2),
    ...linesOrDots(paragraphs(input.functions), 3),
    headingParagraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", 1),
    headingParagraph("1. Kết quả thực hiện nhiệm vụ và phong trào thi đua", 2),
    ...achievementLines(input.achievements),
    headingParagraph("2. Các biện pháp, nguyên nhân đạt được thành tích", 2),
    ...linesOrDots(paragraphs(input.measures), 3),
    headingParagraph("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", 1),
    headingParagraph("1. Danh hiệu thi đua", 2),
    pastTable("title", input.previousTitles),
    spacer(120),
    headingParagraph("2. Hình thức khen thưởng", 2),
    pastTable("award", input.previousAwards),
    spacer(360),
    twoSignatures(confirmationSignature(input.confirmation), { ...input.head, note: input.head.note ?? "(Ký, đóng dấu)" }),
  ];
}

/** The report as a Decree 30 document (not yet packed): Mẫu 03 for an individual, Mẫu 02 for a collective. */
export function achievementReportDocument(input: AchievementReportInput): Document {
  const name = input.kind === "individual" ? input.person.fullName : input.unit.name;
  if (!name.trim()) throw new RangeError("Báo cáo thành tích cần tên cá nhân hoặc tập thể.");
  const blocks = input.kind === "individual" ? individualBlocks(input) : collectiveBlocks(input);
  return officialDocument(blocks, { title: `Báo cáo thành tích đề nghị tặng ${phrase(input.awardName)}`, subject: name });
}

/** The achievement report as a .docx: Mẫu 03 (individual) or Mẫu 02 (collective) of Decree 98/2023. */
export async function buildAchievementReportDocx(input: AchievementReportInput): Promise<Buffer> {
  return packDocx(achievementReportDocument(input));
}
