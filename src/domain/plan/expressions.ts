// Checks a filtrex expression before it is ever evaluated: a syntax error, a variable the criterion does not declare,
// or a value of the wrong type is reported in Vietnamese instead of silently scoring 0 (or crashing "try it").
import { compileExpression } from "filtrex";
import type { Condition, InputDef } from "./schema.js";

export type ExpressionProblem = { kind: "syntax"; detail: string } | { kind: "unknown"; names: string[] } | { kind: "type"; detail: string };

const KEYWORDS = new Set(["and", "or", "not", "in", "of", "if", "then", "else", "mod"]);

/** The fact names an expression reads: bare or 'single-quoted' symbols, not keywords, functions or "strings". */
export function expressionNames(expr: string): string[] {
  const names: string[] = [];
  const token = /"(?:\\"|\\\\|[^"\\])*"|'((?:\\'|\\\\|[^'\\])*)'|([a-zA-Z$_][.a-zA-Z0-9$_]*)(\s*\()?|[0-9]+(?:\.[0-9]+)?/g;
  for (const m of expr.matchAll(token)) {
    if (m[1] !== undefined) names.push(m[1].replace(/\\(['\\])/g, "$1"));
    else if (m[2] !== undefined && !m[3] && !KEYWORDS.has(m[2])) names.push(m[2]);
  }
  return [...new Set(names)];
}

// Typical values of each kind of fact; two sets so both sides of "and"/"or"/"if" get evaluated.
function sample(def: InputDef, variant: 0 | 1): number | string | boolean {
  switch (def.type) {
    case "boolean":
      return variant === 0;
    case "date":
      return variant === 0 ? "2025-01-01" : "2025-12-31";
    case "choice":
      return def.choices?.[variant] ?? def.choices?.[0] ?? "x";
    default:
      return variant === 0 ? 1 : 0;
  }
}

const TYPE_WORDS: [RegExp, string][] = [
  [/Expected a number/, "cần một số"],
  [/Expected a logical value/, "cần một giá trị đúng/sai"],
  [/Expected a text or number/, "cần một số hoặc chữ"],
];

/** What is wrong with a condition's expression given the facts it may read; null when it is sound. */
export function checkExpression(expr: string, declared: Record<string, InputDef>): ExpressionProblem | null {
  let fn: (facts: Record<string, unknown>) => unknown;
  try {
    fn = compileExpression(expr) as typeof fn;
  } catch (e) {
    const detail = String((e as Error).message ?? e).split("\n")[0];
    return { kind: "syntax", detail };
  }
  const unknown = expressionNames(expr).filter((n) => !declared[n]);
  if (unknown.length) return { kind: "unknown", names: unknown };
  for (const variant of [0, 1] as const) {
    const facts: Record<string, unknown> = {};
    for (const [k, d] of Object.entries(declared)) facts[k] = sample(d, variant);
    const r = fn(facts);
    if (r instanceof Error) {
      if (/Unknown function/.test(r.message)) return { kind: "syntax", detail: r.message };
      if (r.name === "ReferenceError" || /does not exist/.test(r.message)) continue;
      const words = TYPE_WORDS.find(([re]) => re.test(r.message))?.[1] ?? "kiểu giá trị không khớp";
      return { kind: "type", detail: words };
    }
    if (typeof r !== "boolean" && r !== 0 && r !== 1) return { kind: "type", detail: "biểu thức phải cho kết quả đúng/sai, không phải một số hay chữ" };
  }
  return null;
}

/** The problem in words, naming where the expression is and the expression itself. */
export function describeExpressionProblem(where: string, expr: string, p: ExpressionProblem, defs: Record<string, InputDef> = {}): string {
  const known = Object.keys(defs);
  switch (p.kind) {
    case "syntax":
      return `${where}: biểu thức "${expr}" viết sai cú pháp, hãy kiểm tra dấu ngoặc, toán tử và tên hàm.`;
    case "unknown":
      return `${where}: biểu thức "${expr}" dùng dữ kiện ${p.names.map((n) => `"${n}"`).join(", ")} chưa được khai báo${known.length ? ` (các dữ kiện đã khai báo: ${known.join(", ")})` : ""}.`;
    case "type":
      return `${where}: biểu thức "${expr}" sai kiểu giá trị: ${p.detail}.`;
  }
}

/** Every expression in a condition tree. */
export function conditionExpressions(cond: Condition): string[] {
  if ("all" in cond) return cond.all.flatMap(conditionExpressions);
  if ("any" in cond) return cond.any.flatMap(conditionExpressions);
  if ("not" in cond) return conditionExpressions(cond.not);
  if ("expr" in cond) return [cond.expr];
  return [];
}

/** Every expression anywhere inside a rule or condition (any object with an `expr` text), so new rule kinds are covered. */
export function expressionsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.expr === "string") return [o.expr];
    return Object.values(o).flatMap(expressionsIn);
  }
  return [];
}
