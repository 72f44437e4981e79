// Plan validation: an eligibility rule that requires a criterion must not reach groups that lack it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanText } from "./io.js";
import type { Plan } from "./schema.js";
import { validatePlan } from "./validate.js";

const plan004 = (() => {
  const r = readPlanText(fs.readFileSync(new URL("../../../templates/004-ninh-thuan-2025.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("template 004 does not parse");
  return r.plan;
})();

describe("eligibility rules that require a criterion", () => {
  it("accept the seed 004 template, where each group's rule names its group", () => {
    expect(validatePlan(plan004)).toEqual([]);
  });

  it("flag a rule that would reach a group without the criterion, naming the groups", () => {
    const plan: Plan = structuredClone(plan004);
    const rule = plan.eligibility.find((e) => e.id === "sn-dat-tieu-chi");
    if (!rule) throw new Error("no rule sn-dat-tieu-chi");
    rule.groups = undefined;
    expect(validatePlan(plan)).toEqual([
      {
        path: "eligibility.sn-dat-tieu-chi",
        message:
          'Điều kiện "Sở, ban, ngành, đơn vị sự nghiệp đạt các tiêu chí thi đua đối với tập thể (mục II.2.a)" đòi đạt tiêu chí "sn-tieu-chi" nhưng nhóm "(b) Tập thể các đơn vị ngành dọc", "(c) Tập thể Ủy ban nhân dân cấp huyện và các phòng, ban trực tiếp tham mưu", "(d) Tập thể Ủy ban nhân dân cấp xã" không có tiêu chí này: hãy giới hạn điều kiện cho các nhóm có tiêu chí đó.',
      },
    ]);
    rule.groups = ["so-nganh", "nganh-doc"];
    expect(validatePlan(plan).map((i) => i.message)).toEqual([expect.stringContaining('nhóm "(b) Tập thể các đơn vị ngành dọc" không có tiêu chí này')]);
  });

  it("do not reach individuals when the rule is for collectives", () => {
    const plan: Plan = structuredClone(plan004);
    const rule = plan.eligibility.find((e) => e.id === "cn-dat-tieu-chi");
    if (!rule) throw new Error("no rule cn-dat-tieu-chi");
    expect(rule.groups).toBeUndefined();
    expect(validatePlan(plan)).toEqual([]);
    rule.target = "both";
    expect(validatePlan(plan)).toHaveLength(1);
  });
});
