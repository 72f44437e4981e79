// Builds tree structures from the flat unit list (GET /api/units) using parentId.
import type { Id, Unit } from "../api/types";
import { compareVi, foldVi } from "../format";

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/**
 * Roots are units without a parent or whose parent the caller cannot see
 * (the list holds only the caller's scope subtrees). Server order is kept within a parent;
 * roots are sorted by Vietnamese collation.
 */
export function buildForest(units: Unit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  for (const unit of units) byId.set(String(unit.id), { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parentKey = node.unit.parentId === null ? null : String(node.unit.parentId);
    const parent = parentKey === null ? undefined : byId.get(parentKey);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  if (roots.length > 1) roots.sort((a, b) => compareVi(a.unit.name, b.unit.name));
  return roots;
}

/** The unit itself and everything below it. */
export function subtreeIds(units: Unit[], rootId: Id | string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const key = String(u.parentId);
    const list = childrenOf.get(key);
    if (list) list.push(String(u.id));
    else childrenOf.set(key, [String(u.id)]);
  }
  const result = new Set<string>([String(rootId)]);
  const stack = [String(rootId)];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const child of childrenOf.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}

/** Ids of the units that match a search and all their ancestors (to keep matches reachable). */
export function matchWithAncestors(units: Unit[], query: string): { matches: Set<string>; visible: Set<string> } {
  const q = foldVi(query.trim());
  const matches = new Set<string>();
  const visible = new Set<string>();
  if (!q) return { matches, visible };
  const byId = new Map(units.map((u) => [String(u.id), u]));
  for (const u of units) {
    if (foldVi(u.name).includes(q) || foldVi(u.code).includes(q)) {
      matches.add(String(u.id));
      let cur: Unit | undefined = u;
      while (cur && !visible.has(String(cur.id))) {
        visible.add(String(cur.id));
        cur = cur.parentId === null ? undefined : byId.get(String(cur.parentId));
      }
    }
  }
  return { matches, visible };
}

export interface UnitSelectNode {
  value: Id;
  key: string;
  title: string;
  searchText: string;
  disabled?: boolean;
  children?: UnitSelectNode[];
}

export function toSelectTree(
  forest: UnitNode[],
  options: { exclude?: Set<string>; disable?: (u: Unit) => boolean; inactiveSuffix?: string } = {},
): UnitSelectNode[] {
  const walk = (nodes: UnitNode[]): UnitSelectNode[] =>
    nodes
      .filter((n) => !options.exclude?.has(String(n.unit.id)))
      .map((n) => {
        const children = walk(n.children);
        const inactive = !n.unit.active && options.inactiveSuffix ? ` ${options.inactiveSuffix}` : "";
        return {
          value: n.unit.id,
          key: String(n.unit.id),
          title: `${n.unit.name}${inactive}`,
          searchText: foldVi(`${n.unit.name} ${n.unit.code}`),
          disabled: options.disable?.(n.unit) ?? false,
          children: children.length > 0 ? children : undefined,
        };
      });
  return walk(forest);
}
