// Conditions over facts, evaluated with a readable Vietnamese account of why they hold or not.
import { compileExpression } from "filtrex";
import { dmy, num } from "./format.js";
import type { Condition, InputDef } from "./schema.js";

export type FactValue = number | string | boolean | null | undefined;
export type Facts = Record<string, FactValue>;

const OPS: Record<string, string> = { eq: "=", ne: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤" };

export function showValue(v: FactValue, def?: InputDef): string {
  if (v === null || v === undefined || v === "") return "chưa có";
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "number") return def?.type === "percent" ? `${num(v)}%` : num(v);
  if (def?.type === "date") return dmy(v);
  return v;
}

const compiled = new Map<string, (facts: Facts) => unknown>();

/** Whether `cond` holds for `facts`, with the reason in words. */
export function evaluateCondition(cond: Condition, facts: Facts, defs: Record<string, InputDef> = {}): { holds: boolean; reason: string } {
  const label = (key: string) => defs[key]?.label ?? key;
  if ("all" in cond) {
    const parts = cond.all.map((c) => evaluateCondition(c, facts, defs));
    const failed = parts.find((p) => !p.holds);
    return failed ? { holds: false, reason: failed.reason } : { holds: true, reason: parts.map((p) => p.reason).join("; ") };
  }
  if ("any" in cond) {
    const parts = cond.any.map((c) => evaluateCondition(c, facts, defs));
    const passed = parts.find((p) => p.holds);
    return passed ? { holds: true, reason: passed.reason } : { holds: false, reason: parts.map((p) => p.reason).join("; ") };
  }
  if ("not" in cond) {
    const inner = evaluateCondition(cond.not, facts, defs);
    return { holds: !inner.holds, reason: inner.reason };
  }
  if ("expr" in cond) {
    let fn = compiled.get(cond.expr);
    if (!fn) {
      try {
        fn = compileExpression(cond.expr) as (facts: Facts) => unknown;
      } catch {
        // The plan checks refuse such an expression; a plan saved before they existed must still score, not crash.
        fn = () => new SyntaxError(cond.expr);
      }
      compiled.set(cond.expr, fn);
    }
    const result = fn(facts);
    if (result instanceof SyntaxError) return { holds: false, reason: `${cond.label ?? cond.expr}: biểu thức "${cond.expr}" viết sai cú pháp` };
    if (result instanceof Error) return { holds: false, reason: `${cond.label ?? cond.expr}: thiếu dữ kiện` };
    const holds = result === true || result === 1;
    return { holds, reason: `${cond.label ?? cond.expr}: ${holds ? "đúng" : "không đúng"}` };
  }
  const v = facts[cond.input];
  const def = defs[cond.input];
  const shown = `${label(cond.input)}: ${showValue(v, def)}`;
  switch (cond.op) {
    case "true":
      return { holds: v === true, reason: shown };
    case "false":
      return { holds: v === false, reason: shown };
    case "present":
      return { holds: v !== null && v !== undefined && v !== "", reason: shown };
    case "absent":
      return { holds: v === null || v === undefined || v === "", reason: shown };
    case "in":
      return { holds: cond.values.includes(v as string | number | boolean), reason: shown };
    default: {
      const a = v;
      const b = cond.value;
      let holds = false;
      if (a !== null && a !== undefined) {
        if (cond.op === "eq") holds = a === b;
        else if (cond.op === "ne") holds = a !== b;
        else if (typeof a === typeof b) {
          holds = cond.op === "gt" ? a > b : cond.op === "gte" ? a >= b : cond.op === "lt" ? a < b : a <= b;
        }
      }
      return { holds, reason: `${shown} (${holds ? "" : "không "}${OPS[cond.op]} ${showValue(b as FactValue, def)})` };
    }
  }
}
