// Numeric targets (chỉ tiêu) checked against indicator values, each verdict with its reason. Pure.
import { num } from "../plan/format.js";
import type { Target } from "../plan/schema.js";

export interface TargetVerdict {
  targetId: string;
  label: string;
  /** null: no value yet to judge by. */
  met: boolean | null;
  actual: number | null;
  previous: number | null;
  explanation: string;
}

const show = (v: number, unit?: string) => `${num(v)}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
const OPS: Record<string, [string, (a: number, b: number) => boolean]> = {
  gte: ["≥", (a, b) => a >= b],
  gt: [">", (a, b) => a > b],
  lte: ["≤", (a, b) => a <= b],
  lt: ["<", (a, b) => a < b],
  eq: ["=", (a, b) => a === b],
};

/** Whether a target is met by `actual` (and, for "up on last year", by `previous`). */
export function evaluateTarget(t: Target, actual: number | null, previous: number | null = null): TargetVerdict {
  const base = { targetId: t.id, label: t.label, actual, previous };
  if (actual === null) return { ...base, met: null, explanation: `${t.label}: chưa có số liệu "${t.metric}"` };
  const a = show(actual, t.unit);
  if (t.comparator === "up_on_previous") {
    if (previous === null) return { ...base, met: null, explanation: `${t.label}: ${a}, chưa có số liệu năm trước để so sánh` };
    const met = actual > previous;
    return { ...base, met, explanation: `${t.label}: ${a} so với năm trước ${show(previous, t.unit)} → ${met ? "tăng, đạt" : "không tăng, chưa đạt"}` };
  }
  if (t.comparator === "between") {
    const lo = t.value ?? Number.NEGATIVE_INFINITY;
    const hi = t.value2 ?? Number.POSITIVE_INFINITY;
    const met = actual >= lo && actual <= hi;
    return { ...base, met, explanation: `${t.label}: ${a} (cần từ ${show(lo, t.unit)} đến ${show(hi, t.unit)}) → ${met ? "đạt" : "chưa đạt"}` };
  }
  if (t.comparator === "at_least_rank") {
    const met = actual <= (t.value ?? 0);
    return { ...base, met, explanation: `${t.label}: xếp hạng ${num(actual)} (cần trong nhóm ${num(t.value ?? 0)} đứng đầu) → ${met ? "đạt" : "chưa đạt"}` };
  }
  const [sign, test] = OPS[t.comparator];
  const met = test(actual, t.value ?? 0);
  return { ...base, met, explanation: `${t.label}: ${a} (cần ${sign} ${show(t.value ?? 0, t.unit)}) → ${met ? "đạt" : "chưa đạt"}` };
}
