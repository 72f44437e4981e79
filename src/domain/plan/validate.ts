// Checks a plan beyond its shape: points add up, bands neither overlap nor leave gaps, dates are in order,
// and every reference resolves. Each issue names where it is, in Vietnamese.

import { tieBreakIssues } from "../movement/ranking.js";
import { checkExpression, describeExpressionProblem, expressionsIn } from "./expressions.js";
import { dmy, num } from "./format.js";
import { inputsByKey, ruleInputKeys } from "./rule-inputs.js";
import { type Criterion, type InputDef, type Plan, planSchema } from "./schema.js";

export interface PlanIssue {
  path: string;
  message: string;
  /** "expression": an expression that cannot be evaluated; refused even when a draft is saved. */
  kind?: "expression";
}

function checkExpressions(value: unknown, declared: Record<string, InputDef>, where: string, path: string, issues: PlanIssue[]) {
  for (const expr of expressionsIn(value)) {
    const problem = checkExpression(expr, declared);
    if (problem) issues.push({ path, kind: "expression", message: describeExpressionProblem(where, expr, problem, declared) });
  }
}

/** Criteria with points and inputs a group's ranking chain may name (see domain/movement/ranking.ts). */
export function rankingKeysOf(group: Plan["groups"][number]): { criteria: string[]; inputs: string[] } {
  return { criteria: group.criteria.filter((c) => c.max !== undefined).map((c) => c.id), inputs: Object.keys(inputsByKey(group.criteria)) };
}

/** Whether a group is scored in points; one without points is ranked only by its own chain (rankBy), if any. */
export function groupHasPoints(group: Plan["groups"][number]): boolean {
  return group.criteria.some((c) => c.max !== undefined && c.max > 0);
}

function checkRankingChains(plan: Plan, issues: PlanIssue[]) {
  const all = plan.groups.map(rankingKeysOf);
  const union = { criteria: all.flatMap((k) => k.criteria), inputs: all.flatMap((k) => k.inputs) };
  for (const message of tieBreakIssues(plan.classification.tieBreak, union)) issues.push({ path: "classification.tieBreak", message });
  for (const g of plan.groups) {
    if (!g.rankBy) continue;
    for (const message of tieBreakIssues(g.rankBy, rankingKeysOf(g))) issues.push({ path: `groups.${g.id}.rankBy`, message: `Nhóm "${g.name}": ${message}` });
    if (!groupHasPoints(g) && g.rankBy.includes("total"))
      issues.push({
        path: `groups.${g.id}.rankBy`,
        message: `Nhóm "${g.name}" không chấm điểm nên không xếp theo tổng điểm; hãy xếp theo một chỉ số (input:<mã>).`,
      });
    if (!g.rankBy.some((k) => k !== "vote" && k !== "decision"))
      issues.push({
        path: `groups.${g.id}.rankBy`,
        message: `Nhóm "${g.name}": chuỗi xếp hạng cần ít nhất một chỉ số để so sánh trước khi biểu quyết hoặc quyết định.`,
      });
  }
}

function hasCriterion(criteria: Criterion[], id: string): boolean {
  return criteria.some((c) => c.id === id || hasCriterion(c.children ?? [], id));
}

function checkBands(
  bands: { min?: number; max?: number; minInclusive: boolean; maxInclusive: boolean }[],
  where: string,
  issues: PlanIssue[],
  wholeNumbers: boolean,
) {
  const sorted = [...bands].sort((a, b) => (a.min ?? Number.NEGATIVE_INFINITY) - (b.min ?? Number.NEGATIVE_INFINITY));
  for (let i = 1; i < sorted.length; i++) {
    const lo = sorted[i - 1];
    const hi = sorted[i];
    const loMax = lo.max ?? Number.POSITIVE_INFINITY;
    const hiMin = hi.min ?? Number.NEGATIVE_INFINITY;
    if (loMax > hiMin || (loMax === hiMin && lo.maxInclusive && hi.minInclusive)) {
      issues.push({ path: where, message: `${where}: các khoảng điểm chồng lên nhau quanh giá trị ${num(hiMin)}.` });
    } else if (wholeNumbers && Number.isInteger(loMax) && Number.isInteger(hiMin) && lo.maxInclusive && hi.minInclusive && hiMin === loMax + 1) {
      // Counts are whole numbers: "0" then "1" then "2 or more" leaves no gap.
    } else if (loMax < hiMin || (loMax === hiMin && !lo.maxInclusive && !hi.minInclusive)) {
      issues.push({ path: where, message: `${where}: có khoảng trống giữa ${num(loMax)} và ${num(hiMin)} chưa được quy định điểm.` });
    }
  }
}

function walkCriteria(criteria: Criterion[], path: string, issues: PlanIssue[], ids: Set<string>, inherited: Record<string, InputDef>) {
  for (const [i, c] of criteria.entries()) {
    const here = `"${c.code ? `${c.code}. ` : ""}${c.title}"`;
    const at = `${path}.${i}`;
    if (ids.has(c.id)) issues.push({ path: at, message: `Mã tiêu chí "${c.id}" bị trùng; mỗi tiêu chí cần một mã riêng.` });
    ids.add(c.id);
    const declared = { ...inherited };
    for (const inp of c.inputs ?? []) declared[inp.key] = inp;
    if (c.rescale && (!c.children?.length || c.max === undefined || !c.children.some((k) => k.max !== undefined)))
      issues.push({
        path: at,
        message: `Tiêu chí ${here}: quy đổi thang điểm cần điểm chuẩn của tiêu chí này và các tiêu chí con có điểm (thang điểm riêng là tổng điểm chuẩn các tiêu chí con).`,
      });
    if (c.children?.length) {
      if (c.rule) issues.push({ path: at, message: `Tiêu chí ${here} có tiêu chí con nên không đặt quy tắc chấm riêng; điểm là tổng các tiêu chí con.` });
      const scored = c.children.filter((k) => k.max !== undefined);
      const sum = scored.reduce((s, k) => s + (k.max ?? 0), 0);
      if (c.max !== undefined && scored.length && Math.abs(sum - c.max) > 1e-9 && c.cap === undefined && !c.rescale) {
        issues.push({ path: at, message: `Tiêu chí ${here}: điểm chuẩn ${num(c.max)} nhưng các tiêu chí con cộng lại ${num(sum)}.` });
      }
      walkCriteria(c.children, `${at}.children`, issues, ids, declared);
      continue;
    }
    if (!c.rule) {
      issues.push({ path: at, message: `Tiêu chí ${here} chưa có quy tắc chấm điểm.` });
      continue;
    }
    if (c.max === undefined && c.rule.kind !== "pass_fail")
      issues.push({ path: at, message: `Tiêu chí ${here} chưa có điểm chuẩn (hoặc hãy chọn quy tắc Đạt/Không đạt).` });
    if (c.max !== undefined && c.rule.kind === "pass_fail") issues.push({ path: at, message: `Tiêu chí ${here} chấm Đạt/Không đạt nên không có điểm chuẩn.` });
    for (const key of ruleInputKeys(c.rule)) {
      if (!declared[key]) issues.push({ path: at, message: `Tiêu chí ${here}: quy tắc dùng dữ kiện "${key}" nhưng tiêu chí chưa khai báo dữ kiện này.` });
    }
    checkExpressions(c.rule, declared, `Tiêu chí ${here}`, at, issues);
    if (c.notApplicable && !declared[c.notApplicable.input]) {
      issues.push({ path: at, message: `Tiêu chí ${here}: điều kiện "không áp dụng" dùng dữ kiện "${c.notApplicable.input}" chưa khai báo.` });
    }
    if ((c.rule.kind === "linear" || c.rule.kind === "bands") && c.rule.per) {
      const rule = c.rule;
      const per = c.rule.per;
      if (per === rule.input) issues.push({ path: at, message: `Tiêu chí ${here}: tỷ lệ cần tử số và mẫu số là hai dữ kiện khác nhau.` });
      if (rule.whenNone === undefined)
        issues.push({
          path: at,
          message: `Tiêu chí ${here}: chưa quy định tỷ lệ tính khi mẫu số (${declared[per]?.label ?? per}) bằng 0, ví dụ 100% nếu không có việc nào thì coi như hoàn thành.`,
        });
      for (const key of [rule.input, per]) {
        const def = declared[key];
        if (def && def.type !== "count" && def.type !== "number")
          issues.push({ path: at, message: `Tiêu chí ${here}: tỷ lệ được tính từ hai số đếm nhưng dữ kiện "${def.label}" không phải kiểu số.` });
      }
      if (rule.kind === "linear" && rule.full !== undefined && rule.full > 100)
        issues.push({ path: at, message: `Tiêu chí ${here}: tỷ lệ tối đa 100% nên mức đạt điểm tối đa không thể vượt 100.` });
    } else if ((c.rule.kind === "linear" || c.rule.kind === "bands") && c.rule.whenNone !== undefined) {
      issues.push({ path: at, message: `Tiêu chí ${here}: có tỷ lệ khi mẫu số bằng 0 nhưng chưa chọn dữ kiện mẫu số.` });
    }
    if (c.rule.kind === "bands") checkBands(c.rule.bands, `Tiêu chí ${here}`, issues, declared[c.rule.input]?.type === "count");
    if (c.max !== undefined && c.notApplicable?.points !== undefined && c.notApplicable.points > c.max) {
      issues.push({ path: at, message: `Tiêu chí ${here}: điểm khi không áp dụng (${num(c.notApplicable.points)}) vượt điểm chuẩn ${num(c.max)}.` });
    }
  }
}

/**
 * Dates that contradict each other: worth a second look, yet not refused (a document may really say so, and the
 * clerk decides): a milestone due before the plan is issued, a self-assessment window closing after dossiers are due.
 */
export function planWarnings(plan: Plan): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  const issued = plan.issuedOn;
  for (const m of plan.milestones) {
    if (issued && m.due && m.due < issued && ["report", "registration", "self_assessment", "dossier", "subordinate_plans"].includes(m.kind))
      warnings.push({ path: `milestones.${m.id}`, message: `Mốc "${m.label}": hạn ${dmy(m.due)} trước ngày ban hành kế hoạch ${dmy(issued)}.` });
  }
  const dossierDue = plan.milestones.filter((m) => m.kind === "dossier" && m.due).map((m) => m.due as string);
  const earliestDossier = dossierDue.sort()[0];
  if (earliestDossier)
    for (const m of plan.milestones.filter((x) => x.kind === "self_assessment")) {
      const start = m.from ?? m.due;
      const end = m.due ?? m.from;
      if (end && end > earliestDossier)
        warnings.push({
          path: `milestones.${m.id}`,
          message: `Mốc "${m.label}": thời gian tự chấm điểm (${start && start !== end ? `${dmy(start)} – ` : ""}${dmy(end)}) kết thúc sau hạn nộp hồ sơ ${dmy(earliestDossier)}.`,
        });
    }
  return warnings;
}

/** Every problem in a plan, empty when the plan is sound. */
export function validatePlan(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const groupIds = new Set(plan.groups.map((g) => g.id));
  const criterionIds = new Set<string>();
  for (const [i, g] of plan.groups.entries()) walkCriteria(g.criteria, `groups.${i}.criteria`, issues, criterionIds, {});
  if (plan.period.from && plan.period.from > plan.period.to) issues.push({ path: "period", message: "Thời gian phát động: ngày bắt đầu sau ngày kết thúc." });
  for (const m of plan.milestones) {
    if (m.from && m.due && m.from > m.due) issues.push({ path: `milestones.${m.id}`, message: `Mốc "${m.label}": ngày bắt đầu sau hạn chót.` });
    if (!m.due && !m.from) issues.push({ path: `milestones.${m.id}`, message: `Mốc "${m.label}" chưa có ngày.` });
  }
  const dupes = (xs: { id: string }[], what: string) => {
    const seen = new Set<string>();
    for (const x of xs) {
      if (seen.has(x.id)) issues.push({ path: what, message: `Mã "${x.id}" bị trùng trong danh sách ${what}.` });
      seen.add(x.id);
    }
  };
  dupes(plan.groups, "nhóm đối tượng");
  checkRankingChains(plan, issues);
  dupes(plan.milestones, "mốc thời gian");
  dupes(plan.awardForms, "hình thức khen thưởng");
  dupes(plan.targets, "chỉ tiêu");
  dupes(plan.eligibility, "điều kiện khen thưởng");
  const awardIds = new Set(plan.awardForms.map((a) => a.id));
  const targetIds = new Set(plan.targets.map((t) => t.id));
  for (const a of plan.awardForms)
    for (const q of a.quotas)
      for (const g of q.groups ?? [])
        if (!groupIds.has(g))
          issues.push({ path: `awardForms.${a.id}`, message: `Hình thức "${a.name}": chỉ tiêu khen thưởng nhắc tới nhóm "${g}" không có trong kế hoạch.` });
  for (const t of plan.targets)
    for (const g of t.groups ?? [])
      if (!groupIds.has(g)) issues.push({ path: `targets.${t.id}`, message: `Chỉ tiêu "${t.label}" nhắc tới nhóm "${g}" không có trong kế hoạch.` });
  for (const t of plan.targets) {
    if (["gte", "gt", "lte", "lt", "eq", "at_least_rank"].includes(t.comparator) && t.value === undefined)
      issues.push({ path: `targets.${t.id}`, message: `Chỉ tiêu "${t.label}" chưa có giá trị cần đạt.` });
    if (t.comparator === "between" && (t.value === undefined || t.value2 === undefined || t.value > t.value2))
      issues.push({ path: `targets.${t.id}`, message: `Chỉ tiêu "${t.label}": khoảng giá trị chưa đúng (từ … đến …).` });
  }
  for (const e of plan.eligibility) {
    for (const g of e.groups ?? [])
      if (!groupIds.has(g)) issues.push({ path: `eligibility.${e.id}`, message: `Điều kiện "${e.message}" nhắc tới nhóm "${g}" không có trong kế hoạch.` });
    for (const a of e.awardForms ?? [])
      if (!awardIds.has(a))
        issues.push({ path: `eligibility.${e.id}`, message: `Điều kiện "${e.message}" nhắc tới hình thức khen thưởng "${a}" không có trong kế hoạch.` });
    if (e.check.type === "fact")
      checkExpressions(e.check.when, Object.fromEntries(e.check.inputs.map((i) => [i.key, i])), `Điều kiện "${e.message}"`, `eligibility.${e.id}`, issues);
    if (e.check.type === "target_met" && !targetIds.has(e.check.target))
      issues.push({ path: `eligibility.${e.id}`, message: `Điều kiện "${e.message}" nhắc tới chỉ tiêu "${e.check.target}" không có trong kế hoạch.` });
    if (e.check.type === "criterion_passed" && !criterionIds.has(e.check.criterion))
      issues.push({ path: `eligibility.${e.id}`, message: `Điều kiện "${e.message}" nhắc tới tiêu chí "${e.check.criterion}" không có trong kế hoạch.` });
    else if (e.check.type === "criterion_passed") {
      // A nominee of a group without the criterion could never meet the rule: it would stay undecided for ever.
      const criterion = e.check.criterion;
      const without = plan.groups.filter(
        (g) => (e.groups ? e.groups.includes(g.id) : e.target === "both" || e.target === g.type) && !hasCriterion(g.criteria, criterion),
      );
      if (without.length)
        issues.push({
          path: `eligibility.${e.id}`,
          message: `Điều kiện "${e.message}" đòi đạt tiêu chí "${criterion}" nhưng nhóm ${without.map((g) => `"${g.name}"`).join(", ")} không có tiêu chí này: hãy giới hạn điều kiện cho các nhóm có tiêu chí đó.`,
        });
    }
    if (e.check.type === "classification_at_least" && !plan.classification.bands.some((b) => b.label === (e.check as { value: string }).value)) {
      issues.push({ path: `eligibility.${e.id}`, message: `Điều kiện "${e.message}" nhắc tới mức xếp loại "${e.check.value}" không có trong kế hoạch.` });
    }
  }
  const labels = plan.classification.bands.map((b) => b.label);
  if (new Set(labels).size !== labels.length) issues.push({ path: "classification", message: "Tên các mức xếp loại bị trùng." });
  const mins = plan.classification.bands.map((b) => b.min);
  if (new Set(mins).size !== mins.length)
    issues.push({ path: "classification", message: "Hai mức xếp loại có cùng điểm sàn; mỗi mức cần một điểm sàn riêng." });
  // Bands and ceilings read the facts of whichever group is classified, plus the facts they declare themselves.
  const classDefs: Record<string, InputDef> = {};
  for (const g of plan.groups) inputsByKey(g.criteria, classDefs);
  for (const x of [...plan.classification.bands, ...plan.classification.ceilings]) for (const i of x.inputs ?? []) classDefs[i.key] = i;
  for (const b of plan.classification.bands) checkExpressions(b.requires ?? [], classDefs, `Mức xếp loại "${b.label}"`, "classification", issues);
  for (const c of plan.classification.ceilings) checkExpressions(c.when, classDefs, `Giới hạn xếp loại "${c.reason}"`, "classification", issues);
  for (const c of plan.classification.ceilings)
    if (!labels.includes(c.atMost))
      issues.push({ path: "classification", message: `Giới hạn xếp loại nhắc tới mức "${c.atMost}" không có trong danh sách mức xếp loại.` });
  return issues;
}

export type ParseResult = { ok: true; plan: Plan; issues: PlanIssue[] } | { ok: false; issues: PlanIssue[] };

/** Parses untrusted plan data (from JSON or YAML) and validates it. */
export function parsePlan(data: unknown): ParseResult {
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: `${i.path.join(".") || "kế hoạch"}: ${i.message}` })) };
  }
  const issues = validatePlan(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, plan: parsed.data, issues };
}
