// The proposal memo (TỜ TRÌNH "Về việc đề nghị tặng …") a proposing unit sends to the deciding authority,
// under Decree 30/2020: whom it is addressed to, the reasons, the list of nominees (with their points and
// rank in the movement when known), the dossier attached, and the signature.
import { type Document, Paragraph, Tab, TabStopType, TextRun } from "docx";
import { num } from "../../domain/plan/format.js";
import {
  type Block,
  bodyParagraph,
  centred,
  closingTable,
  type DataColumn,
  dashParagraph,
  estimateTextWidth,
  legalBasisParagraphs,
  letterheadTable,
  officialDocument,
  packDocx,
  punctuateList,
  romanNumeral,
  run,
  type Signature,
  spacer,
  TEXT_WIDTH,
  titleBlock,
} from "../decree30.js";
import {
  closingParagraph,
  closingSpacer,
  countPhrase,
  countTargets,
  type IssuerInput,
  type ListRow,
  listTable,
  phrase,
  pointsText,
  type Target,
  whoPhrase,
} from "./common.js";

export interface ProposalNominee {
  name: string;
  target: Target;
  unitName?: string;
  position?: string;
  /** The award proposed for this nominee; the memo's `awardName` when absent. */
  awardName?: string;
  /** Total points in the movement. */
  totalPoints?: number;
  /** Rank in its group (1 = first), and of how many. */
  rank?: number;
  rankOf?: number;
}

export interface ProposalMemoInput {
  issuer: IssuerInput;
  number?: string | null;
  /** e.g. "TTr-PNV", "TTr-UBND". */
  symbol: string;
  place?: string;
  date?: string;
  year?: number;
  /** "Kính gửi" line(s): "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long". */
  addressee: string | readonly string[];
  /** Who proposes, as the body names itself: "Phòng Nội vụ". */
  proposer: string;
  /** Who decides, in the request sentence; the addressee when absent and single. */
  decider?: string;
  /** The award proposed: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố". */
  awardName: string;
  /** "có thành tích xuất sắc trong phong trào thi đua … năm 2024". */
  achievement: string;
  /** The summary under the title; built from the award, the nominees and the achievement when absent. */
  summary?: string;
  /** Plans, rules and earlier documents relied on ("Căn cứ Kế hoạch số 20/KH-UBND …"). */
  legalBases?: readonly string[];
  /** The reasons and results, one paragraph each. */
  reasons: readonly string[];
  nominees: readonly ProposalNominee[];
  /** The attached dossier ("Biên bản họp Hội đồng Thi đua - Khen thưởng", "Báo cáo thành tích …"). */
  dossier: readonly string[];
  /** The closing request; "<proposer> kính trình <decider> xem xét, quyết định./." when absent. */
  closing?: string;
  signature: Signature;
  recipientsOfCopies: readonly string[];
}

function validate(input: ProposalMemoInput): void {
  if (!input.nominees.length) throw new RangeError("Tờ trình đề nghị khen thưởng cần ít nhất một tập thể hoặc cá nhân.");
  if (!input.symbol.trim()) throw new RangeError("Tờ trình cần ký hiệu văn bản (ví dụ TTr-PNV).");
}

const awardOf = (input: ProposalMemoInput, n: ProposalNominee) => n.awardName?.trim() || input.awardName.trim();

/** The nominee table: STT | Tên | Đơn vị | Hình thức đề nghị, with points and rank columns when any are given. */
function nomineeTable(input: ProposalMemoInput): Block {
  const nominees = input.nominees;
  const { collectives, individuals } = countTargets(nominees);
  const withPoints = nominees.some((n) => n.totalPoints !== undefined);
  const withRank = nominees.some((n) => n.rank !== undefined);
  const extra = (withPoints ? 0.1 : 0) + (withRank ? 0.1 : 0);
  const columns: DataColumn[] = [
    { header: "STT", width: 0.07, align: "center" },
    { header: collectives && individuals ? "Tên tập thể, cá nhân" : collectives ? "Tên tập thể" : "Họ và tên", width: 0.3 - extra * 0.1, align: "left" },
    { header: "Đơn vị", width: 0.33 - extra * 0.55, align: "left" },
    { header: "Hình thức đề nghị", width: 0.3 - extra * 0.35, align: "left" },
  ];
  if (withPoints) columns.push({ header: "Tổng điểm", width: 0.1, align: "center" });
  if (withRank) columns.push({ header: "Xếp hạng", width: 0.1, align: "center" });
  const cellsOf = (n: ProposalNominee, i: number) => {
    const unit = n.unitName?.trim() && n.unitName.trim() !== n.name.trim() ? n.unitName.trim() : "";
    const cells = [String(i + 1), n.name.trim(), [n.position?.trim(), unit].filter(Boolean).join(", "), awardOf(input, n)];
    if (withPoints) cells.push(n.totalPoints === undefined ? "" : pointsText(n.totalPoints));
    if (withRank) cells.push(n.rank === undefined ? "" : n.rankOf ? `${num(n.rank)}/${num(n.rankOf)}` : num(n.rank));
    return cells;
  };
  const rows: ListRow[] = [];
  const sections = (["collective", "individual"] as const).map((t) => nominees.filter((n) => n.target === t)).filter((l) => l.length > 0);
  sections.forEach((list, s) => {
    if (sections.length > 1) rows.push({ kind: "section", cells: [romanNumeral(s + 1), list[0].target === "collective" ? "TẬP THỂ" : "CÁ NHÂN"] });
    list.forEach((n, i) => {
      rows.push({ kind: "item", cells: cellsOf(n, i) });
    });
  });
  return listTable(columns, rows, 12);
}

/**
 * "Kính gửi:" after the title: centred on one line for one addressee; for several, the label with the
 * first addressee beside it and the others aligned under it ("- …;" each, the last ending ".").
 */
function addresseeBlock(addressees: readonly string[]): Paragraph[] {
  if (addressees.length === 1) return [centred(`Kính gửi: ${addressees[0]}.`, { size: 14 }, { after: 240 })];
  const label = 1400;
  const longest = Math.max(...addressees.map((a) => estimateTextWidth(`- ${a};`, 14, false)));
  const left = Math.max(0, Math.round((TEXT_WIDTH - label - Math.min(longest, TEXT_WIDTH - label)) / 2));
  return punctuateList(addressees).map(
    (a, i) =>
      new Paragraph({
        indent: { left: left + label, hanging: i === 0 ? label : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: left + label }],
        spacing: { before: 0, after: i === addressees.length - 1 ? 240 : 0 },
        children: i === 0 ? [run("Kính gửi:"), new TextRun({ children: [new Tab()] }), run(`- ${a}`)] : [run(`- ${a}`)],
      }),
  );
}

/** The memo as a Decree 30 document (not yet packed). */
export function proposalMemoDocument(input: ProposalMemoInput): Document {
  validate(input);
  const { collectives, individuals } = countTargets(input.nominees);
  const who = whoPhrase(collectives, individuals);
  const forms = new Set(input.nominees.map((n) => awardOf(input, n)));
  const single = forms.size === 1 ? [...forms][0] : undefined;
  const achievement = phrase(input.achievement);
  const summary =
    input.summary?.trim() || (single ? `Về việc đề nghị tặng ${single} cho ${who} ${achievement}` : `Về việc đề nghị khen thưởng cho ${who} ${achievement}`);
  const addressees = (typeof input.addressee === "string" ? [input.addressee] : [...input.addressee]).map(phrase).filter(Boolean);
  const decider = phrase(input.decider?.trim() || (addressees.length === 1 ? addressees[0] : "cấp có thẩm quyền"));
  const proposer = phrase(input.proposer);

  const blocks: Block[] = [
    letterheadTable({
      parent: input.issuer.parent,
      issuer: input.issuer.name,
      number: input.number ?? undefined,
      symbol: input.symbol,
      place: input.place,
      date: input.date,
      year: input.date ? undefined : input.year,
    }),
    ...titleBlock("TỜ TRÌNH", summary),
  ];
  blocks.push(...addresseeBlock(addressees));
  if (input.legalBases?.length) blocks.push(...legalBasisParagraphs(input.legalBases));
  blocks.push(...input.reasons.filter((r) => r.trim()).map((r) => bodyParagraph(r.trim())));

  const what = single ? `tặng ${single}` : "khen thưởng";
  blocks.push(bodyParagraph(`${proposer} kính trình ${decider} xem xét, ${what} cho ${countPhrase(collectives, individuals)} ${achievement}, cụ thể như sau:`));
  blocks.push(nomineeTable(input), spacer(120));

  if (input.dossier.length) {
    blocks.push(bodyParagraph("Hồ sơ kèm theo gồm:"), ...punctuateList(input.dossier).map((d) => dashParagraph(d)));
  }
  blocks.push(closingParagraph(input.closing?.trim() || `${proposer} kính trình ${decider} xem xét, quyết định./.`));
  blocks.push(closingSpacer(), closingTable(input.signature, input.recipientsOfCopies));
  return officialDocument(blocks, { title: `Tờ trình ${summary}` });
}

/** The proposal memo as a .docx laid out under Decree 30/2020. */
export async function buildProposalMemoDocx(input: ProposalMemoInput): Promise<Buffer> {
  return packDocx(proposalMemoDocument(input));
}
