// Renaming a fact updates the rules that read it.
import { describe, expect, it } from "vitest";
import { renameInExpression, renameInputRefs } from "./rename-input.js";
import type { Criterion } from "./schema.js";

describe("renameInputRefs", () => {
  it("renames the fact in rules, conditions, rates and expressions, not other facts, labels or strings", () => {
    const c: Criterion = {
      id: "a",
      title: "Tiêu chí so_vu",
      max: 10,
      inputs: [{ key: "so_vu_moi", label: "so_vu", type: "count", origin: "manual" }],
      rule: {
        kind: "sum",
        parts: [
          { kind: "linear", input: "so_vu", per: "so_vu", whenNone: 100, pointsAt100: 10 } as never,
          { kind: "pass_fail", when: { all: [{ input: "so_vu", op: "gte", value: 1 }, { expr: 'so_vu > 2 and so_vu_khac < 1 and x == "so_vu"' }] } },
        ],
        zeroWhen: { not: { input: "khac", op: "present" } },
      },
      notApplicable: { input: "so_vu", op: "absent" } as never,
    } as Criterion;
    const r = renameInputRefs(c, "so_vu", "so_vu_moi");
    const s = JSON.stringify(r);
    expect(s).not.toMatch(/"(input|per)":"so_vu"/);
    expect(s).toContain('so_vu_moi > 2 and so_vu_khac < 1 and x == \\"so_vu\\"');
    expect(r.title).toBe("Tiêu chí so_vu");
    expect(r.inputs?.[0].label).toBe("so_vu");
    expect(s).toContain('"input":"khac"');
  });

  it("renames quoted symbols and leaves function names alone", () => {
    expect(renameInExpression("'so vu' > 1 and max(so_vu, 1) > so_vu", "so vu", "so_vu")).toBe("so_vu > 1 and max(so_vu, 1) > so_vu");
    expect(renameInExpression("max(a, 1) > 2", "max", "b")).toBe("max(a, 1) > 2");
  });
});
