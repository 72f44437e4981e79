// The scoring engine: a criteria tree plus a participant's facts give points per criterion, each with
// its explanation in Vietnamese, a total and a classification. Pure and deterministic.

import { isCalendarDate } from "../calendar-date.js";
import { evaluateCondition, type Facts, type FactValue, showValue } from "./conditions.js";
import { dmy, num, pts } from "./format.js";
import { inputsByKey, ruleInputKeys } from "./rule-inputs.js";
import type { Criterion, InputDef, Plan, Rule } from "./schema.js";

export interface PeerStats {
  /** Average of each input over the participant's peers (same group). */
  averages: Record<string, number>;
}

export interface CriterionResult {
  id: string;
  code?: string;
  title: string;
  max: number | null;
  /** Points earned (null: cannot be scored yet, see `missing`). For a qualitative criterion, null. */
  points: number | null;
  passed?: boolean;
  explanation: string;
  missing: string[];
  notApplicable?: boolean;
  section: "main" | "bonus" | "penalty";
  children?: CriterionResult[];
}

export interface FactIssue {
  criterionId: string;
  input: string;
  message: string;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 100) / 100;

/** Checks a fact's type; returns a Vietnamese message when it is wrong. */
export function checkFact(def: InputDef, v: FactValue): string | null {
  if (v === null || v === undefined) return null;
  switch (def.type) {
    case "boolean":
      return typeof v === "boolean" ? null : `"${def.label}" phải là có/không (true/false).`;
    case "date":
      return typeof v === "string" && isCalendarDate(v) ? null : `"${def.label}" phải là một ngày có trên lịch, dạng YYYY-MM-DD.`;
    case "choice":
      return typeof v === "string" && (!def.choices || def.choices.includes(v)) ? null : `"${def.label}" phải là một trong: ${(def.choices ?? []).join(", ")}.`;
    case "count":
      return typeof v === "number" && Number.isInteger(v) && v >= 0 ? null : `"${def.label}" phải là số nguyên không âm.`;
    case "percent":
      return typeof v === "number" && v >= 0 && v <= 100 ? null : `"${def.label}" phải là tỷ lệ phần trăm từ 0 đến 100.`;
    default:
      return typeof v === "number" && Number.isFinite(v) ? null : `"${def.label}" phải là một số.`;
  }
}

/** Calendar months past the due month; any lateness inside the due month counts as one month. */
function monthsLate(done: string, due: string): number {
  if (done <= due) return 0;
  const [dy, dm] = done.split("-").map(Number);
  const [uy, um] = due.split("-").map(Number);
  return Math.max(1, (dy - uy) * 12 + (dm - um));
}

function daysLate(done: string, due: string): number {
  const ms = Date.parse(`${done}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/**
 * The value a linear or bands rule reads: its input, or the rate of two counts (numerator ÷ denominator, as a
 * percentage capped at 100, the plan's stated rate when the denominator is 0), with both counts in words.
 */
export function readValue(
  rule: { input: string; per?: string; whenNone?: number },
  facts: Facts,
  defs: Record<string, InputDef>,
): { value: number; shown: string } {
  const label = (k: string) => defs[k]?.label ?? k;
  const v = Number(facts[rule.input]);
  if (!rule.per) return { value: v, shown: `${label(rule.input)}: ${showValue(v, defs[rule.input])}` };
  const d = Number(facts[rule.per]);
  const counts = `${label(rule.input)} ${num(v)} trên ${label(rule.per).toLowerCase()} ${num(d)}`;
  if (!(d > 0)) {
    const none = rule.whenNone ?? 0;
    return { value: none, shown: `${counts}: không có trường hợp nào thuộc phạm vi, tỷ lệ tính là ${num(none)}%` };
  }
  const raw = (Math.max(0, v) / d) * 100;
  const value = Math.min(100, raw);
  return { value, shown: `${counts} → tỷ lệ ${num(round(value))}%${raw > 100 ? " (tính tối đa 100%)" : ""}` };
}

interface RuleOutcome {
  points: number;
  explanation: string;
  missing: string[];
  passed?: boolean;
}

/** Applies one rule to the facts; points are not yet clamped to the criterion's max. */
export function applyRule(rule: Rule, facts: Facts, defs: Record<string, InputDef>, peers?: PeerStats, max?: number | null): RuleOutcome {
  const label = (k: string) => defs[k]?.label ?? k;
  const missing = ruleInputKeys(rule).filter((k) => rule.kind !== "lateness" && (facts[k] === undefined || facts[k] === null));
  if (missing.length && rule.kind !== "fixed" && rule.kind !== "sum" && rule.kind !== "pass_fail") {
    return { points: 0, explanation: `Chưa nhập: ${missing.map(label).join(", ")}`, missing };
  }
  switch (rule.kind) {
    case "fixed": {
      for (const c of rule.cases) {
        const r = evaluateCondition(c.when, facts, defs);
        if (r.holds) return { points: c.points, explanation: `${c.label ?? r.reason} → ${pts(c.points)}`, missing: [] };
      }
      if (missing.length) return { points: 0, explanation: `Chưa nhập: ${missing.map(label).join(", ")}`, missing };
      return { points: rule.otherwise, explanation: `${rule.otherwiseLabel ?? "Không đạt điều kiện nào"} → ${pts(rule.otherwise)}`, missing: [] };
    }
    case "per_occurrence": {
      const n = Number(facts[rule.input]);
      const counted = rule.maxCount === undefined ? n : Math.min(n, rule.maxCount);
      let p = rule.base + counted * rule.each;
      if (rule.floor !== undefined) p = Math.max(rule.floor, p);
      if (rule.cap !== undefined) p = Math.min(rule.cap, p);
      const noun = rule.noun ?? label(rule.input).toLowerCase();
      const sign = rule.each < 0 ? "trừ" : "cộng";
      const countedText = rule.maxCount !== undefined && n > rule.maxCount ? ` (tính tối đa ${num(rule.maxCount)})` : "";
      const baseText = rule.base ? `${num(rule.base)} ` : "";
      if (n === 0) return { points: p, explanation: `Không có ${noun} → ${pts(p)}`, missing: [] };
      return {
        points: p,
        explanation: `${num(n)} ${noun}${countedText}: ${baseText}${sign} ${num(Math.abs(rule.each))} × ${num(counted)} → ${pts(p)}`,
        missing: [],
      };
    }
    case "bands": {
      const { value: v, shown } = readValue(rule, facts, defs);
      for (const b of rule.bands) {
        const aboveMin = b.min === undefined || (b.minInclusive ? v >= b.min : v > b.min);
        const belowMax = b.max === undefined || (b.maxInclusive ? v <= b.max : v < b.max);
        if (aboveMin && belowMax) {
          return { points: b.points, explanation: `${shown}${b.label ? ` (${b.label})` : ""} → ${pts(b.points)}`, missing: [] };
        }
      }
      return { points: 0, explanation: `${shown} không thuộc khoảng nào → ${pts(0)}`, missing: [] };
    }
    case "lateness": {
      const done = facts[rule.input];
      if (done === null || done === undefined || done === false || done === "") {
        return { points: rule.missing, explanation: `Chưa thực hiện (hạn ${dmy(rule.due)}) → ${pts(rule.missing)}`, missing: [] };
      }
      const steps = rule.unit === "month" ? monthsLate(String(done), rule.due) : daysLate(String(done), rule.due);
      let p = rule.onTime - steps * rule.perStep;
      if (rule.floor !== undefined) p = Math.max(rule.floor, p);
      if (steps === 0) return { points: p, explanation: `Thực hiện ngày ${dmy(String(done))}, đúng hạn ${dmy(rule.due)} → ${pts(p)}`, missing: [] };
      const unit = rule.unit === "month" ? "tháng" : "ngày";
      return {
        points: p,
        explanation: `Thực hiện ngày ${dmy(String(done))}, trễ ${num(steps)} ${unit} so với hạn ${dmy(rule.due)}: ${num(rule.onTime)} trừ ${num(rule.perStep)} × ${num(steps)} → ${pts(p)}`,
        missing: [],
      };
    }
    case "linear": {
      const { value: v, shown } = readValue(rule, facts, defs);
      const full = rule.full ?? 100;
      const scale = rule.scale ?? max ?? 0;
      const p = round(clamp(v / full, 0, 1) * scale);
      return { points: p, explanation: `${shown} → ${num(round(Math.min(v, full)))}/${num(full)} × ${num(scale)} = ${pts(p)}`, missing: [] };
    }
    case "peer_average": {
      const v = Number(facts[rule.input]);
      const avg = peers?.averages[rule.input];
      if (avg === undefined)
        return {
          points: 0,
          explanation: `Chưa có số liệu trung bình của các đơn vị cùng nhóm về ${label(rule.input).toLowerCase()}`,
          missing: [`${rule.input}:peers`],
        };
      const better = rule.higherIsBetter ? v >= avg : v <= avg;
      const p = better ? rule.atOrBetter : rule.worse;
      return {
        points: p,
        explanation: `${label(rule.input)}: ${showValue(v, defs[rule.input])}, trung bình các đơn vị cùng nhóm ${num(round(avg))} → ${better ? "bằng hoặc tốt hơn" : "kém hơn"} trung bình → ${pts(p)}`,
        missing: [],
      };
    }
    case "sample_check": {
      const sampled = Number(facts[rule.sampledInput]);
      const confirmed = Math.min(Number(facts[rule.confirmedInput]), sampled);
      const p = confirmed * rule.each;
      return {
        points: p,
        explanation: `Kiểm tra ngẫu nhiên ${num(sampled)} trường hợp, ${num(confirmed)} trường hợp đạt: ${num(rule.each)} × ${num(confirmed)} → ${pts(p)}`,
        missing: [],
      };
    }
    case "manual": {
      const v = Number(facts[rule.input]);
      return { points: v, explanation: `Điểm do người chấm đánh giá: ${pts(v)}`, missing: [] };
    }
    case "sum": {
      if (rule.zeroWhen) {
        const z = evaluateCondition(rule.zeroWhen, facts, defs);
        if (z.holds) return { points: 0, explanation: `${rule.zeroLabel ?? z.reason} → ${pts(0)}`, missing: [] };
      }
      const parts = rule.parts.map((r) => applyRule(r, facts, defs, peers, max));
      const partMissing = parts.flatMap((p) => p.missing);
      const total = parts.reduce((s, p) => s + Math.max(0, p.points), 0);
      return { points: total, explanation: parts.map((p) => p.explanation).join("; "), missing: partMissing };
    }
    case "pass_fail": {
      const r = evaluateCondition(rule.when, facts, defs);
      if (!r.holds && rule.unless) {
        // The requirement is not met, but the plan's own exception ("unless …") may excuse it.
        const u = evaluateCondition(rule.unless, facts, defs);
        if (u.holds)
          return {
            points: 0,
            explanation: `${rule.passLabel ?? "Đạt"}: ${r.reason}, nhưng thuộc trường hợp ngoại lệ (${rule.unlessLabel ?? u.reason})`,
            missing: [],
            passed: true,
          };
        if (missing.length) return { points: 0, explanation: `${r.reason}; chưa nhập: ${missing.map(label).join(", ")}`, missing, passed: undefined };
        const exception = rule.unlessLabel ? `${rule.unlessLabel}: ${u.reason}` : u.reason;
        return {
          points: 0,
          explanation: `${rule.failLabel ?? "Không đạt"}: ${r.reason}; không thuộc trường hợp ngoại lệ (${exception})`,
          missing: [],
          passed: false,
        };
      }
      if (!r.holds && missing.length) return { points: 0, explanation: `Chưa nhập: ${missing.map(label).join(", ")}`, missing, passed: undefined };
      return { points: 0, explanation: `${r.holds ? (rule.passLabel ?? "Đạt") : (rule.failLabel ?? "Không đạt")}: ${r.reason}`, missing: [], passed: r.holds };
    }
  }
}

function scoreLeaf(
  c: Criterion,
  facts: Facts,
  defs: Record<string, InputDef>,
  peers: PeerStats | undefined,
  evidence: Record<string, boolean> | undefined,
  section: CriterionResult["section"],
  overrides?: ScoreOptions["overrides"],
): CriterionResult {
  const max = c.max ?? null;
  const base = { id: c.id, code: c.code, title: c.title, max, section };
  const override = overrides?.[c.id];
  if (override && max !== null) {
    const p = round(clamp(override.points, 0, max));
    return { ...base, points: p, missing: [], explanation: `Thẩm định: ${override.reason} → ${pts(p)}` };
  }
  if (c.notApplicable && facts[c.notApplicable.input] === true) {
    const na = c.notApplicable;
    if (na.redistribute)
      return {
        ...base,
        points: null,
        notApplicable: true,
        missing: [],
        explanation: `${na.label ?? "Không áp dụng"}: điểm chuẩn được phân bổ cho các tiêu chí còn lại`,
      };
    if (max === null)
      return { ...base, points: null, passed: true, notApplicable: true, missing: [], explanation: `${na.label ?? "Không áp dụng"}: không xét tiêu chí này` };
    const p = na.points ?? 0;
    return { ...base, points: p, notApplicable: true, missing: [], explanation: `${na.label ?? "Không áp dụng"} → ${pts(p)}` };
  }
  if (!c.rule) return { ...base, points: null, missing: [], explanation: "Chưa có quy tắc chấm điểm" };
  if (c.requiresEvidence && evidence && evidence[c.id] === false) {
    return {
      ...base,
      points: max === null ? null : 0,
      passed: max === null ? false : undefined,
      missing: [],
      explanation: `Không có tài liệu minh chứng → ${max === null ? "không đạt" : pts(0)}`,
    };
  }
  const out = applyRule(c.rule, facts, defs, peers, max);
  if (out.missing.length) return { ...base, points: null, passed: undefined, missing: out.missing, explanation: out.explanation };
  if (max === null) return { ...base, points: null, passed: out.passed, missing: [], explanation: out.explanation };
  const clamped = round(clamp(out.points, 0, max));
  const note = clamped !== out.points ? ` (giới hạn trong 0–${num(max)} điểm: ${pts(clamped)})` : "";
  return { ...base, points: clamped, passed: out.passed, missing: [], explanation: `${out.explanation}${note}` };
}

function scoreNode(
  c: Criterion,
  facts: Facts,
  defs: Record<string, InputDef>,
  peers: PeerStats | undefined,
  evidence: Record<string, boolean> | undefined,
  inherited: CriterionResult["section"],
  isHead: boolean | undefined,
  overrides?: ScoreOptions["overrides"],
): CriterionResult | null {
  if (c.appliesTo?.heads && isHead === false) return null;
  const section = c.section ?? inherited;
  if (!c.children?.length) return scoreLeaf(c, facts, defs, peers, evidence, section, overrides);
  const children = c.children
    .map((k) => scoreNode(k, facts, defs, peers, evidence, section, isHead, overrides))
    .filter((x): x is CriterionResult => x !== null);
  const scored = children.filter((k) => k.max !== null);
  const missing = children.flatMap((k) => k.missing);
  const max = c.max ?? scored.reduce((s, k) => s + (k.max ?? 0), 0);
  const applicable = scored.filter((k) => !k.notApplicable || k.points !== null);
  const applicableMax = applicable.reduce((s, k) => s + (k.max ?? 0), 0);
  if (scored.length === 0) {
    // A qualitative group fails as soon as one child fails, passes only when every child passed,
    // and stays undecided while any child is undecided (its facts not yet entered).
    const qualitative = children.filter((k) => k.max === null);
    const failed = qualitative.filter((k) => k.passed === false);
    const undecided = qualitative.filter((k) => k.passed === undefined);
    const passed = failed.length ? false : undecided.length || qualitative.length === 0 ? undefined : true;
    const explanation = failed.length
      ? `Không đạt: ${failed.map((k) => k.title).join("; ")}`
      : passed
        ? "Đạt tất cả tiêu chí"
        : `Chưa đánh giá đủ: còn ${undecided.length} tiêu chí chưa có dữ kiện`;
    return { id: c.id, code: c.code, title: c.title, max: null, section, points: null, passed, missing, children, explanation };
  }
  if (missing.length) {
    return { id: c.id, code: c.code, title: c.title, max, section, points: null, missing, children, explanation: `Còn ${missing.length} dữ kiện chưa nhập` };
  }
  let sum = applicable.reduce((s, k) => s + (k.points ?? 0), 0);
  let explanation = `Cộng các tiêu chí thành phần: ${pts(round(sum))}`;
  if (c.rescale && c.max !== undefined && applicableMax > 0) {
    // Scored on the section's own scale (the children's maxes), then converted to the parent's max.
    const scaled = (sum * c.max) / applicableMax;
    explanation = `Cộng các tiêu chí thành phần theo thang riêng: ${pts(round(sum))}/${num(applicableMax)}, quy đổi về điểm chuẩn ${num(c.max)}: ${num(round(sum))} × ${num(c.max)} / ${num(applicableMax)} = ${pts(round(scaled))}`;
    sum = scaled;
  } else if (applicableMax < max && applicableMax > 0 && scored.some((k) => k.notApplicable && k.points === null)) {
    const scaled = (sum * max) / applicableMax;
    explanation = `Cộng các tiêu chí áp dụng: ${pts(round(sum))}/${num(applicableMax)}, quy đổi theo điểm chuẩn ${num(max)}: ${pts(round(scaled))}`;
    sum = scaled;
  }
  const cap = c.cap ?? max;
  if (sum > cap) {
    explanation += `; tối đa ${pts(cap)}`;
    sum = cap;
  }
  return { id: c.id, code: c.code, title: c.title, max, section, points: round(Math.max(0, sum)), missing: [], children, explanation };
}

const inputsOfTree = new WeakMap<Criterion[], Record<string, InputDef>>();

export interface ScoreResult {
  criteria: CriterionResult[];
  total: number | null;
  max: number;
  complete: boolean;
  explanation: string;
  classification: { label: string | null; explanation: string };
}

export interface ScoreOptions {
  /** Points set by an appraiser for a criterion, replacing the rule's result, with the reason shown. */
  overrides?: Record<string, { points: number; reason: string }>;
  peers?: PeerStats;
  /** Per criterion id: whether evidence is attached (criteria with requiresEvidence score 0 without it). */
  evidence?: Record<string, boolean>;
  isHead?: boolean;
}

/** Scores a criteria tree for one participant's facts. */
export function scoreCriteria(criteria: Criterion[], facts: Facts, options: ScoreOptions = {}, classification?: Plan["classification"]): ScoreResult {
  let defs = inputsOfTree.get(criteria);
  if (!defs) {
    defs = inputsByKey(criteria);
    inputsOfTree.set(criteria, defs);
  }
  const results = criteria
    .map((c) => scoreNode(c, facts, defs, options.peers, options.evidence, "main", options.isHead, options.overrides))
    .filter((x): x is CriterionResult => x !== null);
  // Qualitative (pass/fail) criteria carry no points: their missing facts do not hold back the total.
  const complete = results.filter((r) => r.max !== null).every((r) => r.missing.length === 0);
  const bySection = (s: CriterionResult["section"]) => results.filter((r) => r.section === s && r.max !== null);
  const main = bySection("main");
  const bonus = bySection("bonus");
  const penalty = bySection("penalty");
  const max = main.reduce((s, r) => s + (r.max ?? 0), 0) + bonus.reduce((s, r) => s + (r.max ?? 0), 0);
  if (!complete) {
    return {
      criteria: results,
      total: null,
      max,
      complete,
      explanation: "Chưa đủ dữ kiện để tính tổng điểm",
      classification: { label: null, explanation: "Chưa xếp loại: chưa đủ dữ kiện" },
    };
  }
  const sum = (rs: CriterionResult[]) => rs.reduce((s, r) => s + (r.points ?? 0), 0);
  const total = round(Math.max(0, sum(main) + sum(bonus) - sum(penalty)));
  const parts = [`Điểm các tiêu chí: ${pts(round(sum(main)))}`];
  if (bonus.length) parts.push(`cộng điểm thưởng ${pts(round(sum(bonus)))}`);
  if (penalty.length) parts.push(`trừ ${pts(round(sum(penalty)))}`);
  const explanation = `${parts.join(", ")} → tổng ${pts(total)}/${num(max)}`;
  return { criteria: results, total, max, complete, explanation, classification: classify(total, facts, classification) };
}

/** The classification band a total reaches, honouring band conditions and ceilings. */
export function classify(total: number, facts: Facts, c?: Plan["classification"]): { label: string | null; explanation: string } {
  if (!c || c.bands.length === 0) return { label: null, explanation: "Kế hoạch không quy định xếp loại theo điểm" };
  const defs: Record<string, InputDef> = {};
  for (const b of c.bands) for (const i of b.inputs ?? []) defs[i.key] = i;
  for (const x of c.ceilings) for (const i of x.inputs ?? []) defs[i.key] = i;
  const ordered = [...c.bands].sort((a, b) => b.min - a.min);
  const notes: string[] = [];
  let index = ordered.findIndex((b) => {
    if (total < b.min) return false;
    const unmet = (b.requires ?? []).map((r) => evaluateCondition(r, facts, defs)).find((r) => !r.holds);
    if (unmet) notes.push(`chưa đạt mức "${b.label}" vì ${unmet.reason}`);
    return !unmet;
  });
  if (index < 0) return { label: null, explanation: `Tổng ${pts(total)} chưa đạt mức xếp loại nào${notes.length ? `; ${notes.join("; ")}` : ""}` };
  for (const ceiling of c.ceilings) {
    const r = evaluateCondition(ceiling.when, facts, defs);
    const cap = ordered.findIndex((b) => b.label === ceiling.atMost);
    if (r.holds && cap > index) {
      notes.push(`tối đa "${ceiling.atMost}" vì ${ceiling.reason}`);
      index = cap;
    }
  }
  const band = ordered[index];
  return { label: band.label, explanation: `Tổng ${pts(total)} ≥ ${num(band.min)} → ${band.label}${notes.length ? ` (${notes.join("; ")})` : ""}` };
}

/** Type-checks the facts against a tree's inputs; each issue names the criterion and the input. */
export function checkFacts(criteria: Criterion[], facts: Facts): FactIssue[] {
  const issues: FactIssue[] = [];
  const walk = (cs: Criterion[]) => {
    for (const c of cs) {
      for (const def of c.inputs ?? []) {
        const msg = checkFact(def, facts[def.key]);
        if (msg) issues.push({ criterionId: c.id, input: def.key, message: `Tiêu chí ${c.code ?? c.id} (${c.title}): ${msg}` });
      }
      if (c.children) walk(c.children);
    }
  };
  walk(criteria);
  return issues;
}
