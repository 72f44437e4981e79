import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionInputKeys, declaredInputs, inputsByKey, leafCriteria, ruleInputKeys, uniqueInputs } from "./rule-inputs.js";
import type { Criterion } from "./schema.js";

const tree: Criterion[] = [
  {
    id: "a",
    title: "A",
    max: 10,
    inputs: [{ key: "x", label: "X", type: "count", origin: "manual" }],
    children: [
      { id: "a1", title: "A1", max: 5, inputs: [{ key: "x", label: "X again", type: "count", origin: "manual" }], rule: { kind: "manual", input: "x" } },
      {
        id: "a2",
        title: "A2",
        max: 5,
        inputs: [{ key: "y", label: "Y", type: "boolean", origin: "manual" }],
        rule: { kind: "fixed", cases: [{ when: { all: [{ input: "y", op: "true" }, { not: { input: "x", op: "gt", value: 2 } }] }, points: 5 }], otherwise: 0 },
      },
    ],
  },
];

describe("rule inputs (shared with the web editor)", () => {
  it("names the inputs a rule and its conditions read", () => {
    expect(ruleInputKeys({ kind: "sum", parts: [{ kind: "manual", input: "m" }], zeroWhen: { any: [{ input: "z", op: "true" }, { expr: "q > 1" }] } })).toEqual(
      ["m", "z"],
    );
    expect(ruleInputKeys({ kind: "sample_check", sampledInput: "s", confirmedInput: "c", each: 1 })).toEqual(["s", "c"]);
    expect(conditionInputKeys({ not: { input: "k", op: "present" } })).toEqual(["k"]);
  });
  it("collects declared inputs: first declaration for the facts form, last one for the engine", () => {
    expect(declaredInputs(tree).map((i) => i.key)).toEqual(["x", "x", "y"]);
    expect(uniqueInputs(declaredInputs(tree)).map((i) => i.label)).toEqual(["X", "Y"]);
    expect(inputsByKey(tree).x.label).toBe("X again");
    expect(leafCriteria(tree).map((c) => c.id)).toEqual(["a1", "a2"]);
  });
  it("imports types only, so the browser bundle takes no zod and no Node API", () => {
    const source = readFileSync(new URL("./rule-inputs.ts", import.meta.url), "utf8");
    const imports = source.split("\n").filter((l) => /^\s*import\s/.test(l));
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^import type /);
  });
});
