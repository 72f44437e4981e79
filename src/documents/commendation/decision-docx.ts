// The commendation decision (QUYẾT ĐỊNH "Về việc tặng …") laid out under Decree 30/2020, with its annex:
// the list of collectives and individuals and the reward each receives, in figures and in words.
import type { Document } from "docx";
import { moneyInWords } from "../../domain/commendation/money.js";
import {
  type Block,
  bodyParagraph,
  centred,
  closingTable,
  type DataColumn,
  dashParagraph,
  legalBasisParagraphs,
  letterheadTable,
  officialDocument,
  packDocx,
  romanNumeral,
  type Signature,
  spacer,
  titleBlock,
  upperVi,
} from "../decree30.js";
import {
  annexTitle,
  articleParagraph,
  capitalise,
  centredBoldLines,
  closingSpacer,
  countPhrase,
  countTargets,
  decisionReference,
  type IssuerInput,
  type ListRow,
  listTable,
  moneyText,
  phrase,
  type Target,
  wholeAmount,
  whoPhrase,
} from "./common.js";

export interface DecisionRecipient {
  /** Full name of the person, or the collective's name. */
  name: string;
  target: Target;
  /** The unit the person works in, or the collective belongs to. */
  unitName?: string;
  /** The person's position, shown before the unit ("Chuyên viên, Phòng Nội vụ"). */
  position?: string;
  /** Reward in đồng (already rounded under the rule in force); absent when the form carries no money. */
  amount?: number | null;
}

export interface DecisionInput {
  issuer: IssuerInput;
  /** Decision number ("15"); absent or null leaves a blank to write in. */
  number?: string | null;
  /** Symbol after the number; "QĐ-UBND" when absent. */
  symbol?: string;
  /** Place in the date line ("TP. Vĩnh Long"). */
  place?: string;
  /** Date of signing (YYYY-MM-DD); absent leaves blanks. */
  date?: string;
  /** Year shown when the date is not yet known. */
  year?: number;
  /** Who decides, in sentence case: "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long"; upper case under the title. */
  decider: string;
  /** The award form as Article 1 names it: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố". */
  awardName: string;
  /** Its short name for the summary and Article 2 ("Giấy khen"); `awardName` when absent. */
  awardShortName?: string;
  /** What was achieved: "đã có thành tích xuất sắc trong phong trào thi đua … năm 2024". */
  achievement: string;
  /** The summary under the title; "Về việc tặng <award> cho <who> <achievement>" when absent. */
  summary?: string;
  /** The legal bases, in order ("Căn cứ Luật Thi đua, khen thưởng …", the decree in force, "Xét đề nghị của …"). */
  legalBases: readonly string[];
  recipients: readonly DecisionRecipient[];
  /** A sentence on where the money comes from ("Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng …"). */
  funding?: string;
  /** The rule the amounts follow ("khoản 1 Điều 73 Nghị định số 98/2023/NĐ-CP"), quoted in Article 2. */
  amountBasis?: string;
  /** Who executes the decision ("Chánh Văn phòng HĐND và UBND thành phố", "Trưởng phòng Nội vụ", …). */
  executors: readonly string[];
  /** The effect sentence; "Quyết định này có hiệu lực kể từ ngày ký." when absent. */
  effect?: string;
  signature: Signature;
  /** "Nơi nhận" lines ("Như Điều 3", "Lưu: VT, NV"). */
  recipientsOfCopies: readonly string[];
}

const DEFAULT_SYMBOL = "QĐ-UBND";

function validate(input: DecisionInput): void {
  if (!input.recipients.length) throw new RangeError("Quyết định khen thưởng cần ít nhất một tập thể hoặc cá nhân.");
  for (const r of input.recipients) {
    if (!r.name.trim()) throw new RangeError("Có tập thể hoặc cá nhân không có tên.");
    if (r.amount !== undefined && r.amount !== null) wholeAmount(r.amount);
  }
}

const hasAmount = (r: DecisionRecipient): r is DecisionRecipient & { amount: number } => typeof r.amount === "number";

/** The sum of the rewards that carry money. */
export function totalAmount(recipients: readonly DecisionRecipient[]): number {
  return recipients.filter(hasAmount).reduce((s, r) => s + r.amount, 0);
}

/** Article 2's lines on money: one sentence when each kind receives one amount, else a line per recipient. */
export function moneyLines(recipients: readonly DecisionRecipient[], awardShortName: string): string[] {
  const withMoney = recipients.filter(hasAmount);
  if (!withMoney.length) return [];
  const byTarget = (["collective", "individual"] as const)
    .map((t) => ({ target: t, list: recipients.filter((r) => r.target === t) }))
    .filter((g) => g.list.length > 0);
  const uniform = byTarget.every((g) => g.list.every(hasAmount) && new Set(g.list.map((r) => r.amount)).size === 1);
  if (uniform) {
    const parts = byTarget.map((g, i) => {
      const amount = (g.list[0] as { amount: number }).amount;
      const noun = g.target === "collective" ? "tập thể" : "cá nhân";
      return i === 0
        ? `Mỗi ${noun} được tặng ${awardShortName} kèm theo tiền thưởng ${moneyText(amount)}`
        : `mỗi ${noun} kèm theo tiền thưởng ${moneyText(amount)}`;
    });
    return [`${parts.join("; ")}.`];
  }
  return recipients.map((r) => `${r.name}: ${hasAmount(r) ? moneyText(r.amount) : "không kèm theo tiền thưởng"}`);
}

/** The annex table: STT | name | unit | amount, collectives and individuals in separate sections, and the total. */
function annexTable(recipients: readonly DecisionRecipient[]): Block {
  const { collectives, individuals } = countTargets(recipients);
  const withMoney = recipients.some(hasAmount);
  const nameHeader = collectives && individuals ? "Họ và tên / Tên tập thể" : collectives ? "Tên tập thể" : "Họ và tên";
  const unitText = (r: DecisionRecipient) => {
    const unit = r.unitName?.trim() && r.unitName.trim() !== r.name.trim() ? r.unitName.trim() : "";
    return [r.position?.trim(), unit].filter(Boolean).join(", ");
  };
  const amountText = (r: DecisionRecipient) => (hasAmount(r) ? wholeAmount(r.amount) : "");
  const rows: ListRow[] = [];
  const sections = (["collective", "individual"] as const).map((t) => recipients.filter((r) => r.target === t)).filter((l) => l.length > 0);
  sections.forEach((list, i) => {
    if (sections.length > 1) {
      const title = list[0].target === "collective" ? "TẬP THỂ" : "CÁ NHÂN";
      rows.push({ kind: "section", cells: [romanNumeral(i + 1), title, "", withMoney ? wholeAmount(totalAmount(list)) : ""] });
    }
    list.forEach((r, k) => {
      rows.push({ kind: "item", cells: [String(k + 1), r.name.trim(), unitText(r), amountText(r)] });
    });
  });
  if (withMoney) rows.push({ kind: "total", cells: ["", "Tổng cộng", "", wholeAmount(totalAmount(recipients))] });
  const columns: DataColumn[] = withMoney
    ? [
        { header: "STT", width: 0.08, align: "center" },
        { header: nameHeader, width: 0.34, align: "left" },
        { header: "Đơn vị", width: 0.38, align: "left" },
        { header: "Số tiền (đồng)", width: 0.2, align: "right" },
      ]
    : [
        { header: "STT", width: 0.08, align: "center" },
        { header: nameHeader, width: 0.42, align: "left" },
        { header: "Đơn vị", width: 0.5, align: "left" },
      ];
  return listTable(
    columns,
    rows.map((r) => ({ ...r, cells: r.cells.slice(0, columns.length) })),
  );
}

/** The decision as a Decree 30 document (not yet packed). */
export function decisionDocument(input: DecisionInput): Document {
  validate(input);
  const symbol = input.symbol?.trim() || DEFAULT_SYMBOL;
  const recipients = input.recipients;
  const { collectives, individuals } = countTargets(recipients);
  const who = whoPhrase(collectives, individuals);
  const shortName = input.awardShortName?.trim() || input.awardName.trim();
  const achievement = phrase(input.achievement);
  const summary = input.summary?.trim() || `Về việc tặng ${shortName} cho ${who} ${achievement}`;

  const blocks: Block[] = [
    letterheadTable({
      parent: input.issuer.parent,
      issuer: input.issuer.name,
      number: input.number ?? undefined,
      symbol,
      place: input.place,
      date: input.date,
      year: input.date ? undefined : input.year,
    }),
    ...titleBlock("QUYẾT ĐỊNH", summary),
    centredBoldLines(upperVi(input.decider), 14, { after: 240 }),
    ...legalBasisParagraphs(input.legalBases),
    centred("QUYẾT ĐỊNH:", { bold: true, size: 14 }, { before: 120, after: 240 }),
  ];

  // Điều 1: the award.
  let article = 1;
  blocks.push(
    articleParagraph(article, `Tặng ${input.awardName.trim()} cho ${countPhrase(collectives, individuals)} (có danh sách kèm theo), ${achievement}.`),
  );

  // Điều 2: the money, when the award carries any.
  const money = moneyLines(recipients, shortName);
  if (money.length) {
    article++;
    const total = totalAmount(recipients);
    if (money.length === 1) blocks.push(articleParagraph(article, money[0]));
    else {
      blocks.push(
        articleParagraph(
          article,
          `Tiền thưởng kèm theo ${shortName} của từng ${collectives && individuals ? "tập thể, cá nhân" : collectives ? "tập thể" : "cá nhân"} như sau:`,
        ),
      );
      blocks.push(...money.map((l, i) => dashParagraph(`${l}${i === money.length - 1 ? "." : ";"}`)));
    }
    blocks.push(bodyParagraph(`Tổng số tiền thưởng: ${moneyText(total)}.`));
    if (input.amountBasis?.trim()) blocks.push(bodyParagraph(`Mức tiền thưởng thực hiện theo quy định tại ${phrase(input.amountBasis)}.`));
    if (input.funding?.trim()) blocks.push(bodyParagraph(`${capitalise(phrase(input.funding))}.`));
  }

  // Điều 3: effect and execution.
  article++;
  const effect = phrase(input.effect?.trim() || "Quyết định này có hiệu lực kể từ ngày ký");
  const executors = input.executors.map(phrase).filter(Boolean);
  const named = `${who} có tên tại Điều 1`;
  const executing = executors.length ? `${executors.join(", ")} và ${named}` : capitalise(named);
  blocks.push(articleParagraph(article, `${effect}. ${executing} chịu trách nhiệm thi hành Quyết định này./.`, true));

  blocks.push(closingSpacer(), closingTable(input.signature, input.recipientsOfCopies));

  // The annex on its own page.
  const reference = decisionReference(input.number, symbol, input.date, input.year);
  blocks.push(
    ...annexTitle("DANH SÁCH", `${who.replace(/^các /, "")} được tặng ${input.awardName.trim()}`, `Kèm theo ${reference} của ${phrase(input.decider)}`),
    annexTable(recipients),
    spacer(120),
  );
  if (recipients.some(hasAmount)) {
    const total = totalAmount(recipients);
    blocks.push(
      bodyParagraph(`Tổng số: ${countPhrase(collectives, individuals)}. Tổng số tiền thưởng: ${wholeAmount(total)} đồng.`),
      bodyParagraph(`(Bằng chữ: ${moneyInWords(total)})`, { italics: true }),
    );
  } else blocks.push(bodyParagraph(`Tổng số: ${countPhrase(collectives, individuals)}./.`));

  return officialDocument(blocks, { title: `Quyết định ${summary}`, subject: reference });
}

/** The commendation decision and its annex as a .docx laid out under Decree 30/2020. */
export async function buildDecisionDocx(input: DecisionInput): Promise<Buffer> {
  return packDocx(decisionDocument(input));
}
