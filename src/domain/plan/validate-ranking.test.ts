// Plan validation of ranking chains: every key is known, refers to something the group has, and a decider ends it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanText } from "./io.js";
import type { Plan } from "./schema.js";
import { groupHasPoints, validatePlan } from "./validate.js";

const plan004 = (() => {
  const r = readPlanText(fs.readFileSync(new URL("../../../templates/004-ninh-thuan-2025.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("template 004 does not parse");
  return r.plan;
})();

describe("ranking chains", () => {
  it("refuse an unknown tie-break key instead of passing it silently", () => {
    const plan: Plan = structuredClone(plan004);
    plan.classification.tieBreak = ["total", "senority"];
    expect(validatePlan(plan)).toEqual([{ path: "classification.tieBreak", message: expect.stringContaining('"senority" không hợp lệ') }]);
  });

  it("accept a points-less group ranked by a count, ending in the office's decision", () => {
    const plan: Plan = structuredClone(plan004);
    const group = plan.groups.find((g) => g.id === "so-nganh") as Plan["groups"][number];
    expect(groupHasPoints(group)).toBe(false);
    group.rankBy = ["input:sang_kien_duoc_cong_nhan", "decision"];
    expect(validatePlan(plan)).toEqual([]);
  });

  it("refuse a points-less group ranked by total, an undeclared input, or a decider alone", () => {
    const plan: Plan = structuredClone(plan004);
    const group = plan.groups.find((g) => g.id === "so-nganh") as Plan["groups"][number];
    group.rankBy = ["total", "input:khong_co", "vote"];
    const messages = validatePlan(plan).map((i) => i.message);
    expect(messages).toEqual([
      expect.stringContaining('chỉ số "khong_co" chưa được khai báo'),
      expect.stringContaining("không chấm điểm nên không xếp theo tổng điểm"),
    ]);
    group.rankBy = ["decision"];
    expect(validatePlan(plan).map((i) => i.message)).toEqual([expect.stringContaining("cần ít nhất một chỉ số")]);
  });
});
