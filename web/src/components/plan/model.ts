// The plan model as the editor sees it. Types come from the server's Zod schema (type-only import, nothing
// is bundled), so the editor and the API cannot drift apart. Helpers here are pure: no React, no antd.

import { declaredInputs, uniqueInputs } from "../../../../src/domain/plan/rule-inputs";
import type { Condition, Criterion, EligibilityRule, Group, InputDef, Plan as PlanData, Rule, Target } from "../../../../src/domain/plan/schema";
import type { Id } from "../../api/types";

// Which inputs a rule reads is the server's own code (a zod-free domain module), not a copy.
export { conditionInputKeys, ruleInputKeys } from "../../../../src/domain/plan/rule-inputs";

export type { Condition, Criterion, EligibilityRule, Group, InputDef, PlanData, Rule, Target };
export type Milestone = PlanData["milestones"][number];
export type AwardForm = PlanData["awardForms"][number];
export type Quota = AwardForm["quotas"][number];
export type DossierComponent = PlanData["dossier"][number];
export type ClassificationBand = PlanData["classification"]["bands"][number];
export type Ceiling = PlanData["classification"]["ceilings"][number];
export type Band = Extract<Rule, { kind: "bands" }>["bands"][number];
export type RuleKind = Rule["kind"];
export type InputType = InputDef["type"];

export type PlanStatus = "draft" | "launched" | "closed";

export interface PlanIssue {
  path: string;
  message: string;
}

export interface PlanSummary {
  id: Id;
  code: string;
  title: string;
  year: number;
  status: PlanStatus;
  statusLabel: string;
  revision: number;
  issuerUnitId: Id;
  issuerName: string;
  parentPlanId: Id | null;
  launchedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface PlanRecord extends PlanSummary {
  data: PlanData;
  issues: PlanIssue[];
  /** What the signed-in user may do with this plan, decided by the server's access policy. */
  can: { edit: boolean; amend: boolean; manageMovement: boolean };
}

export interface PlanTemplate {
  file: string;
  code: string;
  title: string;
  year: number;
  issuer: string;
  groups: number;
}

export interface PlanRevision {
  revision: number;
  note: string | null;
  createdAt: string;
  changes: string[];
}

// The engine's own result type: the editor shows exactly what the server computes.
import type { CriterionResult } from "../../../../src/domain/plan/scoring";

export type { CriterionResult };

export interface TryResult {
  criteria: CriterionResult[];
  total: number | null;
  max: number;
  complete: boolean;
  explanation: string;
  classification: { label: string | null; explanation: string };
  factIssues: { criterionId: string; input: string; message: string }[];
}

export type CascadeState = "on_time" | "late" | "overdue" | "pending" | "draft";

export interface CascadeItem {
  unitId: Id;
  unitCode: string;
  unitName: string;
  planId: Id | null;
  planStatus: PlanStatus | null;
  issuedAt: string | null;
  state: CascadeState;
}

export interface CascadeStatus {
  due: string | null;
  total: number;
  issued: number;
  late: number;
  overdue: number;
  items: CascadeItem[];
}

export type FactValue = number | string | boolean | null;

// Enumerations of the schema, in the order the editor offers them.
export const RULE_KINDS = ["per_occurrence", "bands", "lateness", "fixed", "linear", "manual", "sum", "pass_fail", "peer_average", "sample_check"] as const;
export const INPUT_TYPES = ["count", "number", "percent", "boolean", "date", "choice"] as const;
export const FACT_ORIGINS = ["manual", "late_reports", "missing_reports", "recognised_initiatives", "substantiated_complaints", "indicator"] as const;
export const SIMPLE_OPS = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "true", "false", "present", "absent"] as const;
export type SimpleOp = (typeof SIMPLE_OPS)[number];
export const SECTIONS = ["main", "bonus", "penalty"] as const;
export const MILESTONE_KINDS = ["registration", "subordinate_plans", "report", "self_assessment", "dossier", "appraisal", "movement_end", "other"] as const;
export const COMPARATORS = ["gte", "gt", "lte", "lt", "eq", "between", "up_on_previous", "at_least_rank"] as const;
export const ISSUER_LEVELS = ["central", "province", "district", "commune", "unit"] as const;
export const PLAN_LEVELS = ["province", "district", "commune", "unit"] as const;
export const AWARD_TARGETS = ["collective", "individual", "both"] as const;
export const QUOTA_KINDS = ["count", "share", "unlimited"] as const;
export const ELIGIBILITY_KINDS = ["required", "excluding", "priority"] as const;
export const CHECK_TYPES = [
  "registered",
  "self_assessment_submitted",
  "dossier_on_time",
  "dossier_complete",
  "score_at_least",
  "rank_at_most",
  "classification_at_least",
  "target_met",
  "criterion_passed",
  "fact",
] as const;

/** Deep copy, changed by `recipe`: the editor's only way to update plan data. */
export function produce<T>(base: T, recipe: (draft: T) => void): T {
  const next = structuredClone(base);
  recipe(next);
  return next;
}

// ——— identifiers ———

const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** "Báo cáo quý I" → "bao-cao-quy-i" (ASCII, lower case, fit for an id). */
export function slugify(text: string, separator = "-"): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .split(separator)
    .filter(Boolean)
    .join(separator)
    .slice(0, 48);
}

/** A fresh id not in `taken`: `base`, `base-2`, `base-3`… */
export function uniqueId(base: string, taken: Iterable<string>, separator = "-"): string {
  const used = new Set(taken);
  const root = base && /^[a-z0-9]/.test(base) ? base : `x${separator}${base}`;
  if (!used.has(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root}${separator}${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

// ——— criteria tree, addressed by index paths ([2, 0] = first child of the third root criterion) ———

export type TreePath = number[];

export const pathKey = (path: TreePath) => path.join(".");
export const keyPath = (key: string): TreePath => (key === "" ? [] : key.split(".").map(Number));

export function criterionAt(criteria: Criterion[], path: TreePath): Criterion | undefined {
  let list: Criterion[] | undefined = criteria;
  let node: Criterion | undefined;
  for (const index of path) {
    node = list?.[index];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/** The criteria from the root down to `path`, inclusive. */
export function ancestorsAt(criteria: Criterion[], path: TreePath): Criterion[] {
  const out: Criterion[] = [];
  for (let i = 1; i <= path.length; i++) {
    const c = criterionAt(criteria, path.slice(0, i));
    if (c) out.push(c);
  }
  return out;
}

/** The array holding the children of `parentPath` (the root list for []), created when missing. */
function childList(criteria: Criterion[], parentPath: TreePath): Criterion[] {
  if (parentPath.length === 0) return criteria;
  const parent = criterionAt(criteria, parentPath);
  if (!parent) throw new Error(`no criterion at ${pathKey(parentPath)}`);
  parent.children ??= [];
  return parent.children;
}

export function allCriterionIds(criteria: Criterion[], into = new Set<string>()): Set<string> {
  for (const c of criteria) {
    into.add(c.id);
    if (c.children) allCriterionIds(c.children, into);
  }
  return into;
}

/** Ids of every criterion in every group (criterion ids are unique across the plan). */
export function planCriterionIds(plan: PlanData): Set<string> {
  const ids = new Set<string>();
  for (const g of plan.groups) allCriterionIds(g.criteria, ids);
  return ids;
}

/** A new leaf: 0 points, scored by hand from its own declared input until the clerk picks a rule. */
export function newCriterion(plan: PlanData, title: string, inputLabel: string): Criterion {
  const id = uniqueId("tieu-chi-moi", planCriterionIds(plan));
  const key = `diem_${id.replace(/[^a-z0-9]+/g, "_")}`.slice(0, 64);
  return { id, title, max: 0, inputs: [{ key, label: inputLabel, type: "number", origin: "manual" }], rule: { kind: "manual", input: key } };
}

/** Inserts `node` into the parent at `parentPath`; returns its path. A parent gaining children drops its own rule. */
export function insertCriterion(criteria: Criterion[], parentPath: TreePath, index: number, node: Criterion): TreePath {
  const list = childList(criteria, parentPath);
  const at = Math.max(0, Math.min(index, list.length));
  list.splice(at, 0, node);
  if (parentPath.length > 0) {
    const parent = criterionAt(criteria, parentPath);
    if (parent) delete parent.rule;
  }
  return [...parentPath, at];
}

export function removeCriterion(criteria: Criterion[], path: TreePath): Criterion | undefined {
  const parentPath = path.slice(0, -1);
  const list = childList(criteria, parentPath);
  const [removed] = list.splice(path[path.length - 1], 1);
  if (parentPath.length > 0 && list.length === 0) {
    const parent = criterionAt(criteria, parentPath);
    if (parent) delete parent.children;
  }
  return removed;
}

function locate(criteria: Criterion[], target: Criterion, prefix: TreePath = []): TreePath | null {
  for (const [i, c] of criteria.entries()) {
    if (c === target) return [...prefix, i];
    if (c.children) {
      const inner = locate(c.children, target, [...prefix, i]);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * Moves the criterion at `from` next to, or into, the one at `to` (antd Tree drop semantics:
 * `into` puts it first among `to`'s children, otherwise before or after `to`). Returns its new path.
 */
export function moveCriterion(criteria: Criterion[], from: TreePath, to: TreePath, where: "before" | "after" | "into"): TreePath | null {
  const dragged = criterionAt(criteria, from);
  const target = criterionAt(criteria, to);
  if (!dragged || !target || dragged === target) return null;
  if (to.length > from.length && pathKey(to.slice(0, from.length)) === pathKey(from)) return null; // into its own subtree
  removeCriterion(criteria, from);
  const targetPath = locate(criteria, target);
  if (!targetPath) return null;
  if (where === "into") {
    target.children ??= [];
    target.children.unshift(dragged);
    delete target.rule;
  } else {
    const parentPath = targetPath.slice(0, -1);
    const list = childList(criteria, parentPath);
    const index = targetPath[targetPath.length - 1] + (where === "after" ? 1 : 0);
    list.splice(index, 0, dragged);
  }
  return locate(criteria, dragged);
}

/** Total of the children's max points, or null when no child is scored. */
export function childrenTotal(c: Criterion): number | null {
  const scored = (c.children ?? []).filter((k) => k.max !== undefined);
  if (scored.length === 0) return null;
  return Math.round(scored.reduce((s, k) => s + (k.max ?? 0), 0) * 100) / 100;
}

/** True when a parent's max differs from what its children add up to (and no cap explains it). */
export function sumMismatch(c: Criterion): boolean {
  const total = childrenTotal(c);
  return total !== null && c.max !== undefined && c.cap === undefined && !c.rescale && Math.abs(total - c.max) > 1e-9;
}

/** Max points of the group's scoring table (main and bonus sections at the root). */
export function groupMax(criteria: Criterion[]): number {
  return criteria.filter((c) => c.section !== "penalty").reduce((s, c) => s + (c.max ?? childrenTotal(c) ?? 0), 0);
}

/** Inputs a criterion's rule may read: its own and those declared on its ancestors (nearest wins). */
export function availableInputs(criteria: Criterion[], path: TreePath): InputDef[] {
  const byKey = new Map<string, InputDef>();
  for (const c of ancestorsAt(criteria, path)) for (const i of c.inputs ?? []) byKey.set(i.key, i);
  return [...byKey.values()];
}

/** Every input declared anywhere in the group, first declaration wins (the facts of the "try it" panel). */
export function groupInputs(criteria: Criterion[]): InputDef[] {
  return uniqueInputs(declaredInputs(criteria));
}

/** The facts "try it" asks for: the group's criteria and every fact the classification bands and ceilings read. */
export function tryInputs(group: Group, classification: PlanData["classification"] | undefined): InputDef[] {
  const extra = [...(classification?.bands ?? []), ...(classification?.ceilings ?? [])].flatMap((x) => x.inputs ?? []);
  return uniqueInputs([...declaredInputs(group.criteria), ...extra]);
}

export function hasHeadsOnlyCriteria(criteria: Criterion[]): boolean {
  return criteria.some((c) => c.appliesTo?.heads || hasHeadsOnlyCriteria(c.children ?? []));
}

// ——— rules and conditions ———

/** A rule of `kind` with sensible defaults, reusing the given input where the kind reads one. */
export function defaultRule(kind: RuleKind, input: string, max: number | undefined): Rule {
  const top = max ?? 10;
  switch (kind) {
    case "fixed":
      return { kind, cases: [{ when: { input, op: "true" }, points: top }], otherwise: 0 };
    case "per_occurrence":
      return { kind, input, base: top, each: -1, floor: 0 };
    case "bands":
      return {
        kind,
        input,
        bands: [
          { min: 100, minInclusive: true, maxInclusive: false, points: top },
          { max: 100, minInclusive: true, maxInclusive: false, points: 0 },
        ],
      };
    case "lateness":
      return { kind, input, due: `${new Date().getFullYear()}-12-31`, unit: "day", onTime: top, perStep: 1, floor: 0, missing: 0 };
    case "linear":
      return { kind, input, full: 100 };
    case "peer_average":
      return { kind, input, higherIsBetter: true, atOrBetter: top, worse: 0 };
    case "sample_check":
      return { kind, sampledInput: input, confirmedInput: input, each: 1 };
    case "manual":
      return { kind, input };
    case "sum":
      return { kind, parts: [{ kind: "manual", input }] };
    case "pass_fail":
      return { kind, when: { input, op: "true" } };
  }
}

export type ConditionShape = "simple" | "all" | "any" | "not" | "expr";

export function conditionShape(cond: Condition): ConditionShape {
  if ("all" in cond) return "all";
  if ("any" in cond) return "any";
  if ("not" in cond) return "not";
  if ("expr" in cond) return "expr";
  return "simple";
}

/** The operators that fit an input of this type. */
export function opsForType(type: InputType | undefined): SimpleOp[] {
  switch (type) {
    case "boolean":
      return ["true", "false", "present", "absent"];
    case "choice":
      return ["eq", "ne", "in", "present", "absent"];
    case "date":
      return ["lt", "lte", "eq", "gte", "gt", "present", "absent"];
    case undefined:
      return [...SIMPLE_OPS];
    default:
      return ["gte", "gt", "eq", "ne", "lte", "lt", "in", "present", "absent"];
  }
}

// ——— issue paths ———

export type IssueTarget = { tab: "general" } | { tab: "criteria"; group: number; path: TreePath | null } | { tab: "targets" | "milestones" | "awards" } | null;

/** Where in the editor an issue (`groups.0.criteria.2.children.1`, `milestones.dang-ky`…) can be fixed. */
export function issueTarget(path: string, plan: PlanData): IssueTarget {
  const parts = path.split(".");
  if (parts[0] === "groups") {
    const group = Number(parts[1]);
    if (!Number.isInteger(group) || !plan.groups[group]) return { tab: "criteria", group: 0, path: null };
    const tree: number[] = [];
    for (let i = 2; i + 1 < parts.length; i += 2) {
      if (parts[i] !== "criteria" && parts[i] !== "children") break;
      const n = Number(parts[i + 1]);
      if (!Number.isInteger(n)) break;
      tree.push(n);
    }
    const valid = tree.length > 0 && criterionAt(plan.groups[group].criteria, tree) ? tree : null;
    return { tab: "criteria", group, path: valid };
  }
  if (parts[0] === "targets" || parts[0] === "chỉ tiêu") return { tab: "targets" };
  if (parts[0] === "milestones" || parts[0] === "mốc thời gian") return { tab: "milestones" };
  if (["awardForms", "dossier", "eligibility", "classification", "hình thức khen thưởng", "điều kiện khen thưởng"].includes(parts[0])) return { tab: "awards" };
  if (parts[0] === "nhóm đối tượng") return { tab: "criteria", group: 0, path: null };
  if (parts[0] === "") return null;
  return { tab: "general" };
}

/**
 * Where a path such as `groups.0.criteria.2.inputs.0.key` points, in words ("Tập thể › III. Tiếp nhận…"),
 * or null when the path does not name a group or criterion.
 */
export function describePath(path: string, plan: PlanData): string | null {
  const parts = path.split(".");
  if (parts[0] !== "groups") return null;
  const group = plan.groups[Number(parts[1])];
  if (!group) return null;
  const words = [group.name];
  let list: Criterion[] | undefined = group.criteria;
  for (let i = 2; i + 1 < parts.length; i += 2) {
    if (parts[i] !== "criteria" && parts[i] !== "children") break;
    const c: Criterion | undefined = list?.[Number(parts[i + 1])];
    if (!c) break;
    words.push(c.code ? `${c.code}. ${c.title || c.id}` : c.title || c.id);
    list = c.children;
  }
  return words.join(" › ");
}

/** A server message without its leading technical path ("groups.0.title: Thiếu …" → "Thiếu …"). */
export function issueText(issue: PlanIssue, plan: PlanData): string {
  const prefix = `${issue.path}: `;
  if (!issue.path || !issue.message.startsWith(prefix)) return issue.message;
  const where = describePath(issue.path, plan);
  const rest = issue.message.slice(prefix.length);
  return where ? `${where}: ${rest}` : rest;
}
