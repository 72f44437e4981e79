// A readable list of what changed between two versions of a plan, for amendments and the audit log.
import { canonicalJson } from "../audit-chain.js";
import type { Plan } from "./schema.js";

export interface PlanChange {
  path: string;
  where: string;
  before: unknown;
  after: unknown;
}

const FIELD: Record<string, string> = {
  title: "tên",
  max: "điểm chuẩn",
  rule: "quy tắc chấm",
  base: "điểm gốc",
  each: "điểm mỗi lần",
  floor: "điểm sàn",
  cap: "điểm tối đa",
  maxCount: "số lần tính tối đa",
  points: "điểm",
  due: "hạn",
  label: "tên",
  quota: "chỉ tiêu khen thưởng",
  max_: "tối đa",
  message: "nội dung",
  inputs: "dữ kiện",
  bands: "các khoảng điểm",
  children: "tiêu chí con",
};

function nameOf(node: unknown): string | null {
  if (!node || typeof node !== "object") return null;
  const n = node as { code?: string; title?: string; name?: string; label?: string; id?: string };
  if (n.title) return `"${n.code ? `${n.code}. ` : ""}${n.title}"`;
  if (n.name) return `"${n.name}"`;
  if (n.label) return `"${n.label}"`;
  return n.id ? `"${n.id}"` : null;
}

/** A path inside a plan in words, naming groups and criteria by their titles ("\"Tập thể\" → \"I. …\" → điểm chuẩn"). */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  return describe(
    root,
    path.map((p) => (typeof p === "symbol" ? String(p) : p)),
  );
}

function describe(root: unknown, path: (string | number)[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const seg of path) {
    node = (node as Record<string | number, unknown>)?.[seg];
    if (typeof seg === "number") {
      const n = nameOf(node);
      if (n) parts.push(n);
    } else if (
      !["groups", "criteria", "children", "awardForms", "milestones", "targets", "eligibility", "parts", "cases", "quotas", "dossier", "contents"].includes(seg)
    ) {
      parts.push(FIELD[seg] ?? seg);
    }
  }
  return parts.join(" → ") || "kế hoạch";
}

/** Field-level changes from `a` to `b`; arrays of identified items are matched by id. */
export function diffPlans(a: Plan, b: Plan): PlanChange[] {
  const out: PlanChange[] = [];
  const walk = (x: unknown, y: unknown, path: (string | number)[]) => {
    if (canonicalJson(x) === canonicalJson(y)) return;
    const isObj = (v: unknown) => v !== null && typeof v === "object";
    if (Array.isArray(x) && Array.isArray(y)) {
      const ided = [...x, ...y].every((v) => isObj(v) && typeof (v as { id?: unknown }).id === "string");
      if (ided) {
        const ids = new Set([...x, ...y].map((v) => (v as { id: string }).id));
        for (const id of ids) {
          const i = x.findIndex((v) => (v as { id: string }).id === id);
          const j = y.findIndex((v) => (v as { id: string }).id === id);
          if (i < 0) out.push({ path: [...path, j].join("."), where: `Thêm ${describe(b, [...path, j])}`, before: null, after: y[j] });
          else if (j < 0) out.push({ path: [...path, i].join("."), where: `Bỏ ${describe(a, [...path, i])}`, before: x[i], after: null });
          else walk(x[i], y[j], [...path, j]);
        }
        return;
      }
    }
    if (isObj(x) && isObj(y) && !Array.isArray(x) && !Array.isArray(y)) {
      const keys = new Set([...Object.keys(x as object), ...Object.keys(y as object)]);
      for (const k of keys) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], [...path, k]);
      return;
    }
    out.push({ path: path.join("."), where: describe(b, path), before: x ?? null, after: y ?? null });
  };
  walk(a, b, []);
  return out;
}

/** One line per change, in Vietnamese. */
export function describeChanges(changes: PlanChange[]): string[] {
  const show = (v: unknown) => (v === null || v === undefined ? "(trống)" : typeof v === "object" ? canonicalJson(v) : String(v));
  return changes.map((c) => (c.before === null ? c.where : c.after === null ? c.where : `${c.where}: ${show(c.before)} → ${show(c.after)}`));
}
