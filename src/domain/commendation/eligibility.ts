// Who may be commended under which award form, with every reason in Vietnamese. Pure.
import { evaluateCondition, type Facts } from "../plan/conditions.js";
import { dmy } from "../plan/format.js";
import type { Condition, EligibilityRule, InputDef, Plan } from "../plan/schema.js";
import { checkFact } from "../plan/scoring.js";
import { HOLD_KINDS, type LegalHold } from "./legal-holds.js";

/** What is known about one nominee when eligibility is judged. */
export interface NomineeFacts {
  target: "collective" | "individual";
  groupId: string;
  registered: boolean;
  assessmentSubmitted: boolean;
  dossierOnTime: boolean | null;
  dossierComplete: boolean | null;
  total: number | null;
  rank: number | null;
  classification: string | null;
  targets: Record<string, boolean | null>;
  criteria: Record<string, boolean | undefined>;
  facts: Facts;
  /** Decree 98/2023 art. 4: no commendation while any of these is under way. */
  underDiscipline?: boolean;
  underInvestigation?: boolean;
  complaintBeingVerified?: boolean;
  /** The cases under way behind those flags, named in the reason; a case here bars commendation even without its flag. */
  holds?: LegalHold[];
  /** For ties: women first; collectives with ≥ 70 % women first. */
  isWoman?: boolean;
  womenShare?: number | null;
}

export interface Reason {
  ruleId: string;
  kind: "required" | "excluding" | "priority" | "legal";
  /** true: condition satisfied (required met / exclusion not triggered / priority applies); null: unknown yet. */
  ok: boolean | null;
  message: string;
}

export interface Verdict {
  eligible: boolean | null;
  priority: boolean;
  reasons: Reason[];
  summary: string;
}

const isMissing = (v: unknown) => v === undefined || v === null || v === "";

/**
 * A condition over facts some of which may be missing, in three values: true or false when the known facts settle
 * it whatever the missing ones turn out to be, null when they do not. The reason names what settled it.
 */
export function decide(cond: Condition, facts: Facts, defs: Record<string, InputDef> = {}): { truth: boolean | null; reason: string } {
  if ("all" in cond || "any" in cond) {
    const all = "all" in cond;
    const parts = (all ? cond.all : cond.any).map((c) => decide(c, facts, defs));
    const settling = parts.find((p) => p.truth === !all);
    if (settling) return { truth: !all, reason: settling.reason };
    const open = parts.filter((p) => p.truth === null);
    if (open.length) return { truth: null, reason: open.map((p) => p.reason).join("; ") };
    return { truth: all, reason: parts.map((p) => p.reason).join("; ") };
  }
  if ("not" in cond) {
    const inner = decide(cond.not, facts, defs);
    return { truth: inner.truth === null ? null : !inner.truth, reason: inner.reason };
  }
  const r = evaluateCondition(cond, facts, defs);
  if ("expr" in cond) {
    // An expression does not say which facts it reads: any missing fact of the rule leaves a false result open.
    const missing = Object.keys(defs).some((k) => isMissing(facts[k]));
    return { truth: r.holds ? true : missing ? null : false, reason: r.reason };
  }
  if (cond.op === "present" || cond.op === "absent") return { truth: r.holds, reason: r.reason };
  return { truth: isMissing(facts[cond.input]) ? null : r.holds, reason: r.reason };
}

function check(rule: EligibilityRule, n: NomineeFacts, plan: Plan): { holds: boolean | null; detail: string } {
  const c = rule.check;
  switch (c.type) {
    case "registered":
      return { holds: n.registered, detail: n.registered ? "đã đăng ký thi đua" : "không đăng ký thi đua" };
    case "self_assessment_submitted":
      return { holds: n.assessmentSubmitted, detail: n.assessmentSubmitted ? "đã gửi bản tự chấm điểm" : "chưa gửi bản tự chấm điểm" };
    case "dossier_on_time":
      return { holds: n.dossierOnTime, detail: n.dossierOnTime === null ? "chưa nộp hồ sơ" : n.dossierOnTime ? "hồ sơ nộp đúng hạn" : "hồ sơ nộp trễ hạn" };
    case "dossier_complete":
      return { holds: n.dossierComplete, detail: n.dossierComplete === null ? "chưa nộp hồ sơ" : n.dossierComplete ? "hồ sơ đầy đủ" : "hồ sơ chưa đầy đủ" };
    case "score_at_least":
      return n.total === null ? { holds: null, detail: "chưa có tổng điểm" } : { holds: n.total >= c.value, detail: `tổng điểm ${n.total} (cần ≥ ${c.value})` };
    case "rank_at_most":
      return n.rank === null
        ? { holds: null, detail: "chưa có thứ hạng" }
        : { holds: n.rank <= c.value, detail: `xếp hạng ${n.rank} (cần trong ${c.value} hạng đầu)` };
    case "classification_at_least": {
      const order = [...plan.classification.bands].sort((a, b) => b.min - a.min).map((b) => b.label);
      if (!n.classification) return { holds: null, detail: "chưa xếp loại" };
      const ok = order.indexOf(n.classification) >= 0 && order.indexOf(n.classification) <= order.indexOf(c.value);
      return { holds: ok, detail: `xếp loại ${n.classification} (cần từ ${c.value} trở lên)` };
    }
    case "target_met": {
      const v = n.targets[c.target];
      const label = plan.targets.find((t) => t.id === c.target)?.label ?? c.target;
      return {
        holds: v ?? null,
        detail: v === null || v === undefined ? `chưa có số liệu chỉ tiêu "${label}"` : v ? `đạt chỉ tiêu "${label}"` : `chưa đạt chỉ tiêu "${label}"`,
      };
    }
    case "criterion_passed": {
      const v = n.criteria[c.criterion];
      return { holds: v ?? null, detail: v === undefined ? "chưa đánh giá đủ tiêu chí" : v ? "đạt các tiêu chí" : "không đạt tiêu chí" };
    }
    case "fact": {
      const defs: Record<string, InputDef> = Object.fromEntries(c.inputs.map((i) => [i.key, i]));
      // A condition that does not hold only because facts are missing is not yet a verdict; one that the known
      // facts already settle is ("disbursed 100 %" settles "below 100 % and for subjective reasons").
      const r = decide(c.when, n.facts, defs);
      return r.truth === null ? { holds: null, detail: `chưa có dữ kiện: ${r.reason}` } : { holds: r.truth, detail: r.reason };
    }
  }
}

/** The plan's eligibility rules that judge a nominee of this target and group for an award form. */
export function applicableRules(plan: Plan, awardFormId: string, n: Pick<NomineeFacts, "target" | "groupId">): EligibilityRule[] {
  return plan.eligibility.filter(
    (r) =>
      (!r.awardForms || r.awardForms.includes(awardFormId)) && (r.target === "both" || r.target === n.target) && (!r.groups || r.groups.includes(n.groupId)),
  );
}

/**
 * The facts the standing office may record on a nomination (its appraisal findings): the typed inputs of the
 * applicable fact rules that the system does not know by itself, each with the rules that read it.
 */
export function appraisableInputs(plan: Plan, awardFormId: string, n: Pick<NomineeFacts, "target" | "groupId">): { input: InputDef; rules: string[] }[] {
  const out = new Map<string, { input: InputDef; rules: string[] }>();
  for (const rule of applicableRules(plan, awardFormId, n)) {
    if (rule.check.type !== "fact") continue;
    for (const input of rule.check.inputs) {
      if (input.origin && input.origin !== "manual") continue;
      const entry = out.get(input.key) ?? { input, rules: [] };
      entry.rules.push(rule.message);
      out.set(input.key, entry);
    }
  }
  return [...out.values()];
}

/** Checks facts the office records against the appraisable inputs; each problem names the fact and what to fix. */
export function checkAppraisedFacts(inputs: { input: InputDef }[], facts: Facts): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const [key, value] of Object.entries(facts)) {
    const def = inputs.find((i) => i.input.key === key)?.input;
    if (!def) {
      problems.push({ key, message: `Dữ kiện "${key}" không được điều kiện khen thưởng nào của hồ sơ này sử dụng.` });
      continue;
    }
    const msg = checkFact(def, value);
    if (msg) problems.push({ key, message: msg });
  }
  return problems;
}

/** Evaluates a nominee against an award form's rules and the legal principles; the verdict lists every reason. */
export function evaluateEligibility(plan: Plan, awardFormId: string, n: NomineeFacts): Verdict {
  const reasons: Reason[] = [];
  for (const rule of applicableRules(plan, awardFormId, n)) {
    const { holds, detail } = check(rule, n, plan);
    if (rule.kind === "required") reasons.push({ ruleId: rule.id, kind: "required", ok: holds, message: `${rule.message}: ${detail}` });
    else if (rule.kind === "excluding")
      reasons.push({ ruleId: rule.id, kind: "excluding", ok: holds === null ? null : !holds, message: `${rule.message}: ${detail}` });
    else reasons.push({ ruleId: rule.id, kind: "priority", ok: holds, message: `${rule.message}: ${detail}` });
  }
  for (const k of HOLD_KINDS) {
    const cases = (n.holds ?? []).filter((h) => h.kind === k.value).sort((a, b) => a.since.localeCompare(b.since));
    if (!n[k.fact] && cases.length === 0) continue;
    const which = cases.map((h) => `từ ngày ${dmy(h.since)}${h.reference ? ` (${h.reference})` : ""}`).join(" và ");
    reasons.push({
      ruleId: `nd98-dieu-4-${k.fact}`,
      kind: "legal",
      ok: false,
      message: `Chưa xét khen thưởng vì ${k.reason}${which ? ` ${which}` : ""} (Điều 4 Nghị định 98/2023/NĐ-CP)`,
    });
  }
  const blocking = reasons.filter((r) => r.kind !== "priority");
  const failed = blocking.filter((r) => r.ok === false);
  const unknown = blocking.filter((r) => r.ok === null);
  const eligible = failed.length ? false : unknown.length ? null : true;
  const priority = reasons.some((r) => r.kind === "priority" && r.ok === true);
  const summary = failed.length
    ? `Không đủ điều kiện: ${failed.map((r) => r.message).join("; ")}`
    : unknown.length
      ? `Chưa đủ thông tin để kết luận: ${unknown.map((r) => r.message).join("; ")}`
      : `Đủ điều kiện${priority ? " (thuộc diện ưu tiên)" : ""}`;
  return { eligible, priority, reasons, summary };
}
