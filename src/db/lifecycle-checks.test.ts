// The database's check constraints (migration 0014) list exactly the statuses of each lifecycle, so a status added
// to a lifecycle without a migration fails here rather than at the first write.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { statusesOf } from "../domain/lifecycle.js";
import { assessmentLifecycle } from "../domain/lifecycles/assessment.js";
import { councilSessionLifecycle } from "../domain/lifecycles/council-session.js";
import { decisionLifecycle } from "../domain/lifecycles/decision.js";
import { initiativeLifecycle } from "../domain/lifecycles/initiative.js";
import { nominationLifecycle } from "../domain/lifecycles/nomination.js";
import { planLifecycle } from "../domain/lifecycles/plan.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const sqlText = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
  .join("\n");

/** The statuses of the last status check a migration puts on `table`. */
function checked(table: string): string[] {
  const found = [...sqlText.matchAll(new RegExp(`"${table}"\\."status" in \\(([^)]*)\\)`, "g"))].at(-1);
  return found ? [...found[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]) : [];
}

describe("status checks in the database", () => {
  it.each<[string, { labels: Record<string, string> }]>([
    ["plans", planLifecycle],
    ["assessments", assessmentLifecycle],
    ["initiatives", initiativeLifecycle],
    ["nominations", nominationLifecycle],
    ["council_sessions", councilSessionLifecycle],
    ["decisions", decisionLifecycle],
  ])("%s: the lifecycle's statuses", (table, lc) => {
    expect(checked(table).sort()).toEqual([...statusesOf(lc)].sort());
  });
});
