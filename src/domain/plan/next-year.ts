// Next year's plan from this year's: movements are reissued yearly, so every date moves by whole years and the year
// named in titles and criteria follows. What other documents say (legal bases, the parent plan, verbatim source quotes)
// is left as written and listed for the clerk to review.
import type { Plan } from "./schema.js";

/** An ISO date moved by whole years; 29/02 becomes 28/02 in a year that has none. */
export function shiftIsoDate(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Written by other documents or by people, or identifiers that facts and rules refer to: never rewritten.
const KEEP = new Set(["legalBases", "parentPlan", "source", "signer", "issuer", "recipients", "number", "symbol", "id", "key", "input", "expr", "metric"]);
// Words a reader sees, where "năm 2024" should become "năm 2026".
const TEXT = new Set([
  "title",
  "label",
  "name",
  "message",
  "reason",
  "text",
  "area",
  "help",
  "description",
  "passLabel",
  "failLabel",
  "zeroLabel",
  "code",
  "purposes",
  "requirements",
]);

/** The years a plan for `from` names about itself: its own year and the one before (e.g. last year's index). */
function shiftYearsInText(s: string, from: number, years: number): string {
  return s.replace(/(?<![\d])(\d{4})(?![\d])/g, (m) => {
    const y = Number(m);
    return y === from || y === from - 1 || y === from + 1 ? String(y + years) : m;
  });
}

function walk(value: unknown, from: number, years: number, inText: boolean): unknown {
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return shiftIsoDate(value, years);
    return inText ? shiftYearsInText(value, from, years) : value;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, from, years, inText));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = KEEP.has(k) ? v : walk(v, from, years, TEXT.has(k));
    return out;
  }
  return value;
}

export interface NextYearPlan {
  plan: Plan;
  /** Legal bases as written last year: the clerk checks each still applies (a newer decree may replace one). */
  legalBasesToReview: string[];
}

/** `plan` reissued for `year`: dates moved by whole years, the plan's year in its texts updated. */
export function planForYear(plan: Plan, year: number): NextYearPlan {
  const years = year - plan.year;
  const moved = years === 0 ? structuredClone(plan) : (walk(plan, plan.year, years, false) as Plan);
  return { plan: { ...moved, year, number: undefined, issuedOn: undefined }, legalBasesToReview: plan.legalBases.map((b) => b.text) };
}
