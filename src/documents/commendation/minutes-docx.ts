// Minutes of the emulation and commendation council's meeting (BIÊN BẢN "Họp Hội đồng Thi đua - Khen
// thưởng …") under Decree 30/2020: time, place, who attended (counts), the vote rule with its source and,
// per nominee, the counts of the vote and its result. The input holds counts only: the minutes can never
// say how any member voted.
import type { Document } from "docx";
import { type Tally, tallyCounts } from "../../domain/commendation/ballot.js";
import type { Plan } from "../../domain/plan/schema.js";
import {
  type Block,
  bodyParagraph,
  type DataRow,
  dashParagraph,
  dataTable,
  headingParagraph,
  legalBasisParagraphs,
  letterheadTable,
  officialDocument,
  packDocx,
  punctuateList,
  quantityText,
  romanNumeral,
  spacer,
  titleBlock,
  upperVi,
} from "../decree30.js";
import {
  capitalise,
  closingParagraph,
  closingSpacer,
  type IssuerInput,
  labelledParagraph,
  leadIn,
  longDate,
  percentText,
  phrase,
  type Target,
  timeText,
  twoSignatures,
} from "./common.js";

/** The vote rule: ballot kind, quorum, denominator and threshold, with its source (the plan's `vote`). */
export type VoteRule = NonNullable<Plan["vote"]>;

export interface CouncilPerson {
  name: string;
  /** Position and role, e.g. "Phó Chủ tịch UBND thành phố, Chủ tịch Hội đồng". */
  position?: string;
}

export interface MinutesNominee {
  /** The person's or collective's name. */
  name: string;
  unitName?: string;
  /** Person or collective; the table says "tập thể, cá nhân" unless all are of one kind. */
  target?: Target;
  /** The counts of the vote on this nominee (a `Tally` fits). */
  votes: Pick<Tally, "approve" | "reject" | "abstain">;
  /** Members who did not vote on this nominee for a conflict of interest (named in the minutes, out of its count). */
  recused?: readonly { name: string; reason?: string; present: boolean }[];
}

export interface MinutesGroup {
  /** What the group was voted for, e.g. "Giấy khen của Chủ tịch UBND thành phố - tập thể". */
  title?: string;
  nominees: readonly MinutesNominee[];
}

export interface CouncilMinutesInput {
  /** Letterhead: the council (name) under its body (parent). */
  issuer: IssuerInput;
  number?: string | null;
  /** "BB-HĐTĐKT" when absent. */
  symbol?: string;
  place?: string;
  /** Meeting date (YYYY-MM-DD), also the date of the minutes. */
  date: string;
  /** The council as the summary names it: "Hội đồng Thi đua - Khen thưởng thành phố Vĩnh Long". */
  councilName: string;
  /** What the meeting was for: "xét khen thưởng phong trào thi đua … năm 2024". */
  purpose: string;
  /** Start and end times, "HH:MM". */
  startTime: string;
  endTime: string;
  venue: string;
  chair: CouncilPerson;
  secretary: CouncilPerson;
  /** Members of the council in all, and how many attended. */
  members: { total: number; present: number };
  /** Absent members with their reason, when the minutes should name them. */
  absentees?: readonly { name: string; reason?: string }[];
  guests?: readonly string[];
  /** Documents the meeting relied on (in italics, like legal bases). */
  bases?: readonly string[];
  /** What was presented and discussed, one paragraph each. */
  content: readonly string[];
  rule: VoteRule;
  /** For a secret ballot: the vote-counting committee (Ban kiểm phiếu). */
  counters?: readonly CouncilPerson[];
  groups: readonly MinutesGroup[];
  /** Conclusions after the vote (what is submitted to whom). */
  conclusions?: readonly string[];
}

const DEFAULT_SYMBOL = "BB-HĐTĐKT";

const personText = (p: CouncilPerson) => (p.position?.trim() ? `${p.name.trim()} - ${phrase(p.position)}` : p.name.trim());

function validate(input: CouncilMinutesInput): void {
  const { total, present } = input.members;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`Số thành viên Hội đồng không hợp lệ: ${total}`);
  if (!Number.isInteger(present) || present < 0 || present > total) throw new RangeError(`Số thành viên có mặt không hợp lệ: ${present}/${total}`);
  for (const g of input.groups)
    for (const n of g.nominees) {
      const { approve, reject, abstain } = n.votes;
      if (![approve, reject, abstain].every((x) => Number.isInteger(x) && x >= 0)) throw new RangeError(`Số phiếu của "${n.name}" không hợp lệ.`);
      const voters = present - (n.recused ?? []).filter((r) => r.present).length;
      if (approve + reject + abstain > voters)
        throw new RangeError(`Số phiếu của "${n.name}" (${approve + reject + abstain}) vượt số thành viên có mặt được biểu quyết (${voters}).`);
    }
}

/** The tally of one nominee under the rule, from counts alone; recused members are out of its quorum and threshold. */
export function nomineeTally(rule: VoteRule, members: number, present: number, votes: MinutesNominee["votes"], recused: MinutesNominee["recused"] = []): Tally {
  return tallyCounts(rule, members, present, votes, { total: recused.length, present: recused.filter((r) => r.present).length });
}

/** The rule in words: ballot kind, quorum, threshold over its denominator, and the source. */
export function ruleSentences(rule: VoteRule, members: number, present: number): string[] {
  const ballot = rule.ballot === "secret" ? "bỏ phiếu kín" : "biểu quyết công khai";
  const base = rule.denominator === "members" ? "tổng số thành viên Hội đồng" : "số thành viên Hội đồng có mặt";
  const quorumMet = members > 0 && (present * 100) / members >= rule.quorumPercent;
  const source = rule.source?.trim() ? ` (theo ${phrase(rule.source)})` : "";
  return [
    `Hình thức biểu quyết: ${ballot}.`,
    `Nguyên tắc: cuộc họp hợp lệ khi có từ ${percentText(rule.quorumPercent)} tổng số thành viên Hội đồng tham dự; tập thể, cá nhân được thông qua khi có số phiếu đồng ý đạt từ ${percentText(rule.thresholdPercent)} trở lên so với ${base}${source}.`,
    quorumMet
      ? `Cuộc họp có ${quantityText(present)}/${quantityText(members)} thành viên tham dự (${percentText((present * 100) / members)}), đủ điều kiện tiến hành biểu quyết.`
      : `Cuộc họp chỉ có ${quantityText(present)}/${quantityText(members)} thành viên tham dự (${percentText((present * 100) / members)}), không đủ điều kiện tiến hành biểu quyết.`,
  ];
}

function resultText(t: Tally): string {
  if (!t.quorumMet) return "Không đủ điều kiện biểu quyết";
  return t.passed ? "Thông qua" : "Không thông qua";
}

/** What the nominees are called: "Họ và tên" for individuals only, "Tên tập thể" for collectives only. */
function nomineeHeader(nominees: readonly MinutesNominee[]): string {
  const kinds = new Set(nominees.map((n) => n.target));
  if (kinds.size === 1 && kinds.has("individual")) return "Họ và tên";
  if (kinds.size === 1 && kinds.has("collective")) return "Tên tập thể";
  return "Tên tập thể, cá nhân";
}

/** "tập thể, cá nhân", "cá nhân" or "tập thể", by the kinds of all nominees. */
function nomineeNoun(nominees: readonly MinutesNominee[]): string {
  const kinds = new Set(nominees.map((n) => n.target));
  if (kinds.size === 1 && kinds.has("individual")) return "cá nhân";
  if (kinds.size === 1 && kinds.has("collective")) return "tập thể";
  return "tập thể, cá nhân";
}

function groupTable(rule: VoteRule, input: CouncilMinutesInput, group: MinutesGroup): Block {
  const { total, present } = input.members;
  const rows: DataRow[] = group.nominees.map((n, i) => {
    const t = nomineeTally(rule, total, present, n.votes, n.recused);
    const name = n.unitName?.trim() && n.unitName.trim() !== n.name.trim() ? `${n.name.trim()}\n(${n.unitName.trim()})` : n.name.trim();
    return { cells: [String(i + 1), name, String(t.approve), String(t.reject), String(t.abstain), percentText(t.percent), resultText(t)] };
  });
  return dataTable(
    [
      { header: "STT", width: 0.07, align: "center" },
      { header: nomineeHeader(group.nominees), width: 0.29, align: "left" },
      { header: "Đồng ý", width: 0.1, align: "center" },
      { header: "Không đồng ý", width: 0.11, align: "center" },
      { header: "Không biểu quyết", width: 0.12, align: "center" },
      { header: "Tỷ lệ đồng ý", width: 0.11, align: "center" },
      { header: "Kết quả", width: 0.2, align: "center" },
    ],
    rows,
    12,
    12,
  );
}

/** The minutes as a Decree 30 document (not yet packed). */
export function councilMinutesDocument(input: CouncilMinutesInput): Document {
  validate(input);
  const { total, present } = input.members;
  const rule = input.rule;
  const summary = `Họp ${phrase(input.councilName)} ${phrase(input.purpose)}`;
  const blocks: Block[] = [
    letterheadTable({
      parent: input.issuer.parent,
      issuer: input.issuer.name,
      number: input.number ?? undefined,
      symbol: input.symbol?.trim() || DEFAULT_SYMBOL,
      place: input.place,
      date: input.date,
    }),
    ...titleBlock("BIÊN BẢN", summary),
  ];
  if (input.bases?.length) blocks.push(...legalBasisParagraphs(input.bases));

  let section = 0;
  const heading = (t: string) => headingParagraph(`${romanNumeral(++section)}. ${upperVi(t)}`, 1);

  blocks.push(
    heading("Thời gian, địa điểm"),
    labelledParagraph("Thời gian:", `bắt đầu lúc ${timeText(input.startTime)}, ${longDate(input.date)}.`, { dash: true }),
    labelledParagraph("Địa điểm:", `${phrase(input.venue)}.`, { dash: true }),
  );

  const absent = total - present;
  const absentNames = (input.absentees ?? []).map((a) => (a.reason?.trim() ? `${a.name.trim()} (${phrase(a.reason)})` : a.name.trim()));
  const attendance = [
    `Chủ trì: ${personText(input.chair)}`,
    `Thư ký: ${personText(input.secretary)}`,
    `Thành viên Hội đồng: có mặt ${quantityText(present)}/${quantityText(total)} thành viên${absent > 0 ? `; vắng ${quantityText(absent)} thành viên${absentNames.length ? `: ${absentNames.join(", ")}` : ""}` : ""}`,
  ];
  if (input.guests?.length) attendance.push(`Khách mời: ${input.guests.map(phrase).join(", ")}`);
  blocks.push(heading("Thành phần tham dự"), ...punctuateList(attendance).map((l) => dashParagraph(l)));

  blocks.push(heading("Nội dung cuộc họp"), ...input.content.filter((c) => c.trim()).map((c) => bodyParagraph(c.trim())));

  blocks.push(heading("Kết quả biểu quyết"), ...ruleSentences(rule, total, present).map((s) => bodyParagraph(s)));
  if (rule.ballot === "secret" && input.counters?.length) {
    blocks.push(bodyParagraph("Ban kiểm phiếu gồm:"), ...punctuateList(input.counters.map(personText)).map((l) => dashParagraph(l)));
  }
  blocks.push(leadIn(rule.ballot === "secret" ? "Kết quả kiểm phiếu như sau:" : "Kết quả biểu quyết như sau:"));
  input.groups.forEach((g, i) => {
    if (g.title?.trim()) blocks.push(headingParagraph(`${input.groups.length > 1 ? `${i + 1}. ` : ""}${phrase(g.title)}`, 2));
    blocks.push(groupTable(rule, input, g), spacer(120));
  });
  const recusals = input.groups.flatMap((g) =>
    g.nominees.flatMap((n) =>
      (n.recused ?? []).map((r) => `${r.name.trim()}${r.reason?.trim() ? ` (${phrase(r.reason)})` : ""}: không biểu quyết đối với ${n.name.trim()}`),
    ),
  );
  if (recusals.length)
    blocks.push(
      bodyParagraph("Thành viên không tham gia biểu quyết do có xung đột lợi ích (không tính vào số thành viên khi xác định tỷ lệ đối với hồ sơ đó):"),
      ...punctuateList(recusals).map((l) => dashParagraph(l)),
    );
  const tallies = input.groups.flatMap((g) => g.nominees.map((n) => nomineeTally(rule, total, present, n.votes, n.recused)));
  const passed = tallies.filter((t) => t.passed).length;
  const all = input.groups.flatMap((g) => g.nominees);
  blocks.push(bodyParagraph(`Tổng hợp: ${quantityText(passed)}/${quantityText(tallies.length)} ${nomineeNoun(all)} được thông qua.`));

  if (input.conclusions?.length) blocks.push(heading("Kết luận"), ...input.conclusions.filter((c) => c.trim()).map((c) => bodyParagraph(capitalise(c.trim()))));

  blocks.push(
    closingParagraph(
      `Cuộc họp kết thúc lúc ${timeText(input.endTime)} cùng ngày. Biên bản đã được thông qua trước Hội đồng, các thành viên dự họp thống nhất với nội dung Biên bản./.`,
    ),
    closingSpacer(),
    twoSignatures({ title: "THƯ KÝ", name: input.secretary.name }, { title: "CHỦ TỊCH HỘI ĐỒNG", name: input.chair.name }),
  );
  return officialDocument(blocks, { title: `Biên bản ${summary}`, subject: longDate(input.date) });
}

/** The council's minutes as a .docx laid out under Decree 30/2020. */
export async function buildCouncilMinutesDocx(input: CouncilMinutesInput): Promise<Buffer> {
  return packDocx(councilMinutesDocument(input));
}
