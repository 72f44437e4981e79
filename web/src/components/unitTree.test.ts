import { describe, expect, it } from "vitest";
import type { Unit } from "../api/types";
import { buildForest, matchWithAncestors, subtreeIds, toSelectTree } from "./unitTree";

const unit = (id: number, name: string, parentId: number | null, extra: Partial<Unit> = {}): Unit => ({
  id,
  code: `DV${id}`,
  name,
  kind: "ward",
  kindLabel: "Phường",
  parentId,
  path: "",
  depth: 0,
  active: true,
  mergedIntoId: null,
  version: 1,
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
  ...extra,
});

// Two scopes the caller sees (their parents are out of sight), one with a child and a grandchild.
const units = [
  unit(1, "Thành phố Vĩnh Long", 100),
  unit(2, "Phường 1", 1),
  unit(3, "Tổ dân phố 4", 2),
  unit(4, "Ấp Bình", 200),
  unit(5, "Phường 2", 1, { active: false }),
];

describe("unit tree helpers", () => {
  it("roots are the units whose parent is not visible, sorted in Vietnamese order", () => {
    const forest = buildForest(units);
    expect(forest.map((n) => n.unit.name)).toEqual(["Ấp Bình", "Thành phố Vĩnh Long"]);
    expect(forest[1].children.map((n) => n.unit.name)).toEqual(["Phường 1", "Phường 2"]);
    expect(forest[1].children[0].children.map((n) => n.unit.id)).toEqual([3]);
  });

  it("a subtree holds the unit and everything below it", () => {
    expect([...subtreeIds(units, 1)].sort()).toEqual(["1", "2", "3", "5"]);
    expect([...subtreeIds(units, "3")]).toEqual(["3"]);
  });

  it("a search keeps the ancestors of every match visible, ignoring diacritics", () => {
    const { matches, visible } = matchWithAncestors(units, "to dan pho");
    expect([...matches]).toEqual(["3"]);
    expect([...visible].sort()).toEqual(["1", "2", "3"]);
    expect(matchWithAncestors(units, "  ").visible.size).toBe(0);
  });

  it("the select tree excludes, disables and marks inactive units", () => {
    const tree = toSelectTree(buildForest(units), { exclude: new Set(["4"]), disable: (u) => u.id === 2, inactiveSuffix: "(ngừng)" });
    expect(tree.map((n) => n.key)).toEqual(["1"]);
    const [p1, p2] = tree[0].children ?? [];
    expect(p1).toMatchObject({ key: "2", disabled: true });
    expect(p2.title).toBe("Phường 2 (ngừng)");
    expect(p2.children).toBeUndefined();
    expect(p1.children?.[0].searchText).toBe("to dan pho 4 dv3");
  });
});
