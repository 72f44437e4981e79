import { describe, expect, it } from "vitest";
import {
  type Criterion,
  childrenTotal,
  criterionAt,
  insertCriterion,
  isValidId,
  moveCriterion,
  removeCriterion,
  slugify,
  sumMismatch,
  uniqueId,
} from "./model";

const leaf = (id: string, max?: number): Criterion => ({ id, title: id, max, rule: { kind: "manual", input: "x" } }) as Criterion;
const tree = (): Criterion[] => [{ id: "a", title: "a", max: 10, children: [leaf("a1", 4), leaf("a2", 6)] } as Criterion, leaf("b", 5), leaf("c", 5)];
const ids = (list: Criterion[]): unknown => list.map((c) => (c.children ? { [c.id]: ids(c.children) } : c.id));

describe("plan editor identifiers", () => {
  it("slugs Vietnamese titles into ids", () => {
    expect(slugify("Báo cáo quý I")).toBe("bao-cao-quy-i");
    expect(slugify("Đảm bảo  tiến độ!", "_")).toBe("dam_bao_tien_do");
    expect(isValidId(slugify("Đảm bảo tiến độ"))).toBe(true);
    expect(isValidId("Có dấu")).toBe(false);
  });

  it("finds a fresh id next to the taken ones", () => {
    expect(uniqueId("ho-so", [])).toBe("ho-so");
    expect(uniqueId("ho-so", ["ho-so", "ho-so-2"])).toBe("ho-so-3");
    expect(uniqueId("", ["x-"])).toBe("x--2");
  });
});

describe("criteria tree by index paths", () => {
  it("inserting under a leaf makes it a parent without a rule of its own", () => {
    const list = tree();
    const path = insertCriterion(list, [1], 0, leaf("b1", 5));
    expect(path).toEqual([1, 0]);
    expect(criterionAt(list, [1])?.rule).toBeUndefined();
    expect(criterionAt(list, path)?.id).toBe("b1");
  });

  it("removing the last child leaves a plain criterion", () => {
    const list = tree();
    removeCriterion(list, [0, 0]);
    expect(removeCriterion(list, [0, 0])?.id).toBe("a2");
    expect(criterionAt(list, [0])?.children).toBeUndefined();
  });

  it("moves before, after and into, and never into its own subtree", () => {
    const list = tree();
    expect(moveCriterion(list, [2], [0], "before")).toEqual([0]);
    expect(ids(list)).toEqual(["c", { a: ["a1", "a2"] }, "b"]);
    expect(moveCriterion(list, [0], [2], "into")).toEqual([1, 0]);
    expect(ids(list)).toEqual([{ a: ["a1", "a2"] }, { b: ["c"] }]);
    expect(moveCriterion(list, [0], [0, 1], "after")).toBeNull();
  });

  it("flags a parent whose max is not what its children add up to", () => {
    const [a] = tree();
    expect(childrenTotal(a)).toBe(10);
    expect(sumMismatch(a)).toBe(false);
    expect(sumMismatch({ ...a, max: 12 })).toBe(true);
    expect(sumMismatch({ ...a, max: 12, cap: 12 } as Criterion)).toBe(false);
    expect(childrenTotal(leaf("z", 1))).toBeNull();
  });
});

describe("rescaled sections in the editor", () => {
  it("a rescaled parent is not a sum mismatch: its children are its own scale", () => {
    const parent = { id: "k", title: "k", max: 20, children: [leaf("k1", 40), leaf("k2", 20)] } as Criterion;
    expect(sumMismatch(parent)).toBe(true);
    expect(sumMismatch({ ...parent, rescale: true })).toBe(false);
    expect(childrenTotal({ ...parent, rescale: true })).toBe(60);
  });
});
