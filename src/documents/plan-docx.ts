// The emulation plan as an official "KẾ HOẠCH" (Decree 30/2020 layout), written from the plan data alone.
import type { Document, Paragraph } from "docx";
import { num } from "../domain/plan/format.js";
import type { Criterion, Group, Plan, Target } from "../domain/plan/schema.js";
import { hasScoredCriteria, maxTotal, pointsText, qualitativeCriteria, scoredCriteriaRows, totalLabel } from "./criteria-table.js";
import {
  type Block,
  bodyParagraph,
  buildOfficialDocument,
  type DataRow,
  dashParagraph,
  dataTable,
  ddmmyyyy,
  headingParagraph,
  type Letterhead,
  packDocx,
  punctuateList,
  quantityText,
  romanNumeral,
  type Signature,
  spacer,
} from "./decree30.js";

type Quota = Plan["awardForms"][number]["quotas"][number];
type Milestone = Plan["milestones"][number];

const TARGET_NOUN = { collective: "tập thể", individual: "cá nhân" } as const;

/**
 * Quotas in words: "tối đa 05 tập thể và 10 cá nhân", "tối đa 20% số cá nhân", "không giới hạn số lượng
 * tập thể". Quotas limited to some groups name them in brackets. Empty when there are no quotas.
 */
export function quotaText(quotas: readonly Quota[], groupName: (id: string) => string = (id) => id): string {
  const scope = (q: Quota) => (q.groups?.length ? ` (${q.groups.map(groupName).join(", ")})` : "");
  const limited: string[] = [];
  const other: string[] = [];
  for (const q of quotas) {
    const noun = TARGET_NOUN[q.target];
    if (q.quota.kind === "count") {
      if (q.quota.max === 0) other.push(`không xét ${noun}${scope(q)}`);
      else limited.push(`${quantityText(q.quota.max)} ${noun}${scope(q)}`);
    } else if (q.quota.kind === "share") limited.push(`${num(q.quota.percent)}% số ${noun}${scope(q)}`);
    else other.push(`không giới hạn số lượng ${noun}${scope(q)}`);
  }
  const parts = limited.length ? [`tối đa ${limited.join(" và ")}`] : [];
  return [...parts, ...other].join("; ");
}

const withUnit = (v: number | undefined, unit: string | undefined) => {
  if (v === undefined) return "";
  const u = unit?.trim();
  return u ? (u === "%" ? `${num(v)}%` : `${num(v)} ${u}`) : num(v);
};

/** A numeric target in words: "Tỷ lệ hồ sơ đúng hạn: đạt từ 90% trở lên". */
export function targetText(t: Target): string {
  const v = withUnit(t.value, t.unit);
  let what: string;
  switch (t.comparator) {
    case "gte":
      what = `đạt từ ${v} trở lên`;
      break;
    case "gt":
      what = `đạt trên ${v}`;
      break;
    case "lte":
      what = `không quá ${v}`;
      break;
    case "lt":
      what = `dưới ${v}`;
      break;
    case "eq":
      what = `đạt ${v}`;
      break;
    case "between":
      what = `từ ${num(t.value ?? 0)} đến ${withUnit(t.value2, t.unit)}`;
      break;
    case "up_on_previous":
      what = t.value === undefined ? "tăng so với năm trước" : `tăng ít nhất ${v} so với năm trước`;
      break;
    case "at_least_rank":
      what = `xếp hạng trong nhóm ${quantityText(t.value ?? 1)} đơn vị dẫn đầu`;
      break;
  }
  return `${t.label}: ${what}`;
}

/** True when a text already gives the date, however padded ("20/11/2024", "5/3/2025", "05/03/2025"). */
function mentionsDate(text: string, iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  return new RegExp(`(^|\\D)0?${d}/0?${m}/${y}(\\D|$)`).test(text);
}

/** A milestone's line: its label, then its date unless the label already gives it. */
export function milestoneLine(m: Pick<Milestone, "label" | "from" | "due" | "kind">): string {
  const label = m.label.trim().replace(/[.;:]+$/u, "");
  const when = milestoneWhen(m);
  const stated = [m.due, m.from].filter((d): d is string => !!d).every((d) => mentionsDate(label, d));
  return when && !stated ? `${label}: ${when}.` : `${label}.`;
}

/** A milestone's date in words, dd/mm/yyyy: "chậm nhất ngày 26/04/2024", "từ ngày … đến ngày …". */
export function milestoneWhen(m: Pick<Milestone, "from" | "due" | "kind">): string {
  if (m.from && m.due) return `từ ngày ${ddmmyyyy(m.from)} đến ngày ${ddmmyyyy(m.due)}`;
  if (m.from) return `từ ngày ${ddmmyyyy(m.from)}`;
  if (m.due) return m.kind === "movement_end" ? `ngày ${ddmmyyyy(m.due)}` : `chậm nhất ngày ${ddmmyyyy(m.due)}`;
  return "";
}

/** Lower-cases a title's first letter to run on in a sentence, unless it begins an acronym ("CCHC"). */
function runOn(title: string): string {
  const [first, second] = [...title];
  if (!first || !second || second !== second.toLocaleLowerCase("vi")) return title;
  return first.toLocaleLowerCase("vi") + title.slice(first.length);
}

/** Numbers sections as they are added, skipping the empty ones. */
class Outline {
  readonly blocks: Block[] = [];
  private level1 = 0;
  private level2 = 0;

  section(title: string, parts: (() => Block[])[]): void {
    const content = parts.map((p) => p()).filter((b) => b.length > 0);
    if (!content.length) return;
    this.level1++;
    this.blocks.push(headingParagraph(`${romanNumeral(this.level1)}. ${title}`, 1), ...content.flat());
    this.level2 = 0;
  }

  /** A numbered subsection "1. …" whose number is fixed when the section is laid out. */
  sub(title: string, content: Block[]): Block[] {
    if (!content.length) return [];
    return [headingParagraph(`${++this.level2}. ${title}`, 2), ...content];
  }
}

/** The points table of a group: STT | Tiêu chí | Điểm chuẩn, with the total. */
export function criteriaPointsTable(criteria: readonly Criterion[]) {
  const rows = scoredCriteriaRows(criteria);
  const data: DataRow[] = rows.map((r) => ({ cells: [r.stt, r.title, pointsText(r.max)], bold: r.bold }));
  data.push({ cells: ["", totalLabel(rows), pointsText(maxTotal(rows))], bold: true });
  return dataTable(
    [
      { header: "STT", width: 0.1, align: "center" },
      { header: "Tiêu chí", width: 0.74, align: "left" },
      { header: "Điểm chuẩn", width: 0.16, align: "center" },
    ],
    data,
  );
}

function groupCriteriaBlocks(g: Group): Block[] {
  const out: Block[] = [];
  if (hasScoredCriteria(g.criteria)) {
    const rows = scoredCriteriaRows(g.criteria);
    out.push(bodyParagraph(`Thang điểm chuẩn: ${num(maxTotal(rows))} điểm, gồm các tiêu chí sau:`), criteriaPointsTable(g.criteria), spacer(120));
  }
  const qualitative = qualitativeCriteria(g.criteria);
  for (const q of qualitative) {
    if (q.lines.length) out.push(bodyParagraph(`${q.criterion.title}:`, { italics: true }), ...punctuateList(q.lines).map((l) => dashParagraph(l)));
    else out.push(dashParagraph(q.criterion.title));
  }
  return out;
}

function planSignature(plan: Plan): Signature | undefined {
  if (!plan.signer) return undefined;
  return { authority: plan.signer.authority, title: plan.signer.title, name: plan.signer.name };
}

/** The plan's letterhead: issuer, number and symbol, place and date of issue. */
export function planLetterhead(plan: Plan): Letterhead {
  return {
    parent: plan.issuer.parent,
    issuer: plan.issuer.name,
    number: plan.number,
    symbol: plan.symbol,
    place: plan.place,
    date: plan.issuedOn,
    year: plan.issuedOn ? undefined : plan.year,
  };
}

/** The plan as a Decree 30 document (not yet packed). */
export function planDocument(plan: Plan): Document {
  const groupName = (id: string) => plan.groups.find((g) => g.id === id)?.name ?? id;
  const awardName = (id: string) => plan.awardForms.find((a) => a.id === id)?.name ?? id;
  const outline = new Outline();
  const dashes = (items: readonly string[]) => items.filter((s) => s.trim()).map((s) => dashParagraph(s));

  outline.section("MỤC ĐÍCH, YÊU CẦU", [() => outline.sub("Mục đích", dashes(plan.purposes)), () => outline.sub("Yêu cầu", dashes(plan.requirements))]);

  // II. Who competes, on what, judged how.
  const subjects = plan.groups.map((g) => dashParagraph(g.membership.description?.trim() ? `${g.name}: ${g.membership.description.trim()}` : g.name));
  const contents: Block[] = [];
  const areas = [...new Set(plan.contents.map((c) => c.area))];
  const contentLine = (c: Plan["contents"][number]) => dashParagraph(c.groups?.length ? `${c.text} (${c.groups.map(groupName).join("; ")})` : c.text);
  if (areas.length > 1) {
    areas.forEach((area, i) => {
      contents.push(headingParagraph(`${String.fromCharCode(97 + (i % 26))}) ${area}`, 3), ...plan.contents.filter((c) => c.area === area).map(contentLine));
    });
  } else contents.push(...plan.contents.map(contentLine));
  const groupsWithCriteria = plan.groups.filter((g) => g.criteria.length > 0);
  const criteria: Block[] = [];
  groupsWithCriteria.forEach((g) => {
    if (groupsWithCriteria.length > 1) criteria.push(headingParagraph(`Đối với ${runOn(g.name)}`, 3));
    criteria.push(...groupCriteriaBlocks(g));
  });
  const targets = plan.targets.map((t) => dashParagraph(t.groups?.length ? `${targetText(t)} (${t.groups.map(groupName).join("; ")})` : targetText(t)));
  outline.section("ĐỐI TƯỢNG, NỘI DUNG, TIÊU CHÍ THI ĐUA", [
    () => outline.sub("Đối tượng thi đua", subjects),
    () => outline.sub("Nội dung thi đua", contents),
    () => outline.sub("Tiêu chí thi đua", criteria),
    () => outline.sub("Chỉ tiêu thi đua", targets),
  ]);

  // III. Awards, dossiers, conditions.
  const forms = plan.awardForms.map((a) => {
    const name = a.proposeToUpperLevel && !/^đề nghị/iu.test(a.name) ? `Đề nghị ${a.name}` : a.name;
    const quota = quotaText(a.quotas, groupName);
    return dashParagraph(quota ? `${name}: ${quota}.` : `${name}.`);
  });
  const dossier = punctuateList(plan.dossier.map((d) => `${d.name}${d.required ? "" : " (nếu có)"}`)).map((l) => dashParagraph(l));
  if (plan.achievementReport)
    dossier.push(bodyParagraph(`Báo cáo thành tích theo ${plan.achievementReport.template} ban hành kèm theo ${plan.achievementReport.decree}.`));
  const forAwards = (ids?: string[]) => (ids?.length ? ` (${ids.map(awardName).join("; ")})` : "");
  const conditions = [
    ...plan.eligibility.filter((e) => e.kind !== "priority").map((e) => dashParagraph(`${e.message}${forAwards(e.awardForms)}.`)),
    ...plan.eligibility.filter((e) => e.kind === "priority").map((e) => dashParagraph(`Ưu tiên: ${e.message}${forAwards(e.awardForms)}.`)),
  ];
  if (plan.vote) {
    const v = plan.vote;
    const ballot = v.ballot === "secret" ? "bỏ phiếu kín" : "biểu quyết công khai";
    const base = v.denominator === "members" ? "tổng số thành viên Hội đồng" : "số thành viên Hội đồng có mặt";
    conditions.push(
      bodyParagraph(
        `Việc xét chọn thực hiện bằng hình thức ${ballot}; cuộc họp có từ ${num(v.quorumPercent)}% thành viên Hội đồng tham dự; tập thể, cá nhân được đề nghị khen thưởng phải đạt tỷ lệ đồng ý từ ${num(v.thresholdPercent)}% trở lên trên ${base}.`,
      ),
    );
  }
  outline.section("KHEN THƯỞNG", [
    () => outline.sub("Hình thức khen thưởng", forms),
    () => outline.sub("Hồ sơ đề nghị khen thưởng", dossier),
    () => outline.sub("Điều kiện xét khen thưởng", conditions),
  ]);

  // IV. Timetable.
  const period = plan.period.from
    ? `Thời gian thực hiện: từ ngày ${ddmmyyyy(plan.period.from)} đến ngày ${ddmmyyyy(plan.period.to)}.`
    : `Thời gian thực hiện: đến ngày ${ddmmyyyy(plan.period.to)}.`;
  const dated = plan.milestones.map((m, i) => ({ m, i, key: m.due ?? m.from ?? "9999-12-31" }));
  dated.sort((a, b) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1));
  outline.section("TIẾN ĐỘ THỰC HIỆN", [() => [bodyParagraph(period)], () => dated.map(({ m }) => dashParagraph(milestoneLine(m)))]);

  const body: Paragraph[] = [bodyParagraph(`Trên đây là Kế hoạch ${runOn(plan.title)}./.`)];
  return buildOfficialDocument({
    letterhead: planLetterhead(plan),
    docType: "KẾ HOẠCH",
    summary: plan.title,
    legalBases: plan.legalBases.map((b) => b.text),
    body: [...outline.blocks, ...body],
    signature: planSignature(plan),
    recipients: plan.recipients,
    meta: { title: `Kế hoạch ${plan.title}`, subject: plan.code },
  });
}

/** The whole plan as a .docx "KẾ HOẠCH" laid out under Decree 30/2020. */
export async function buildPlanDocx(plan: Plan): Promise<Buffer> {
  return packDocx(planDocument(plan));
}
