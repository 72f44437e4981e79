// Expression checks: a misspelt fact, a syntax error or a type mismatch is named in Vietnamese before the plan runs.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./conditions.js";
import { checkExpression, expressionNames } from "./expressions.js";
import { readPlanText } from "./io.js";
import type { InputDef, Plan } from "./schema.js";
import { validatePlan } from "./validate.js";

const def = (key: string, type: InputDef["type"]): InputDef => ({ key, label: key, type, origin: "manual" });
const declared = { diem: def("diem", "number"), diem_truoc: def("diem_truoc", "number"), co_vi_pham: def("co_vi_pham", "boolean") };

describe("checkExpression", () => {
  it("accepts a sound expression over declared facts", () => {
    expect(checkExpression("diem > diem_truoc and not co_vi_pham", declared)).toBeNull();
    expect(checkExpression("abs(diem - diem_truoc) >= 1 or co_vi_pham", declared)).toBeNull();
  });

  it("names an unknown variable (a misspelt fact would otherwise score 0)", () => {
    expect(checkExpression("diem > diem_truco", declared)).toEqual({ kind: "unknown", names: ["diem_truco"] });
    expect(checkExpression("'diem x' > 1", declared)).toEqual({ kind: "unknown", names: ["diem x"] });
  });

  it("does not take keywords, function names or strings for variables", () => {
    expect(expressionNames('if diem > 1 then co_vi_pham else not co_vi_pham or max(diem, 2) == "and"')).toEqual(["diem", "co_vi_pham"]);
  });

  it("reports a syntax error", () => {
    expect(checkExpression("diem > ", declared)?.kind).toBe("syntax");
    expect(checkExpression("diem >> 2", declared)?.kind).toBe("syntax");
    expect(checkExpression("khong_co_ham(diem) > 1", declared)?.kind).toBe("syntax");
  });

  it("reports a type mismatch, on either side of and/or", () => {
    expect(checkExpression("co_vi_pham > 1", declared)).toEqual({ kind: "type", detail: "cần một số" });
    expect(checkExpression("diem and co_vi_pham", declared)?.kind).toBe("type");
    expect(checkExpression("co_vi_pham or diem", declared)?.kind).toBe("type");
    expect(checkExpression("diem + 1", declared)?.kind).toBe("type");
  });

  it("evaluating a broken expression of an old saved plan does not throw", () => {
    expect(evaluateCondition({ expr: "diem >" }, { diem: 1 }).holds).toBe(false);
  });
});

describe("validatePlan checks every expression", () => {
  const plan004 = (() => {
    const r = readPlanText(fs.readFileSync(new URL("../../../templates/004-ninh-thuan-2025.yaml", import.meta.url), "utf8"));
    if (!r.ok) throw new Error("template 004 does not parse");
    return r.plan;
  })();

  function firstExprCriterion(plan: Plan) {
    for (const g of plan.groups) {
      const stack = [...g.criteria];
      while (stack.length) {
        const c = stack.shift();
        if (!c) break;
        if (c.rule?.kind === "pass_fail" && "expr" in c.rule.when) return c as typeof c & { rule: { kind: "pass_fail"; when: { expr: string } } };
        stack.push(...(c.children ?? []));
      }
    }
    throw new Error("no expression criterion");
  }

  it("names the criterion and the expression for a misspelt fact", () => {
    const plan = structuredClone(plan004);
    const c = firstExprCriterion(plan);
    c.rule.when.expr = "diem_par_index > diem_par_index_nam_truco";
    const issues = validatePlan(plan).filter((i) => i.kind === "expression");
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain(`Tiêu chí "${c.code ? `${c.code}. ` : ""}${c.title}"`);
    expect(issues[0].message).toContain('biểu thức "diem_par_index > diem_par_index_nam_truco" dùng dữ kiện "diem_par_index_nam_truco" chưa được khai báo');
  });

  it("checks classification ceilings against the groups' facts", () => {
    const plan = structuredClone(plan004);
    plan.classification.ceilings.push({ when: { expr: "khong_ton_tai > 0" }, atMost: plan.classification.bands[0]?.label ?? "x", reason: "thử" });
    expect(validatePlan(plan).some((i) => i.kind === "expression" && i.message.includes('Giới hạn xếp loại "thử"'))).toBe(true);
  });
});
