// Plans as text: YAML or JSON in, YAML or JSON out.
import YAML from "yaml";
import type { Plan } from "./schema.js";
import { type ParseResult, parsePlan } from "./validate.js";

/** Reads a plan written in YAML or JSON (JSON is YAML too). */
export function readPlanText(text: string): ParseResult {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: "", message: `Tệp không đúng định dạng YAML/JSON: ${(e as Error).message.split("\n")[0]}` }] };
  }
  return parsePlan(data);
}

/** Parses YAML/JSON text into data without validating it as a plan. */
export function readPlanData(text: string): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: YAML.parse(text) };
  } catch (e) {
    return { ok: false, message: `Tệp không đúng định dạng YAML/JSON: ${(e as Error).message.split("\n")[0]}` };
  }
}

export function writePlanText(plan: Plan, format: "yaml" | "json"): string {
  return format === "json" ? `${JSON.stringify(plan, null, 2)}\n` : YAML.stringify(plan, { lineWidth: 0 });
}
