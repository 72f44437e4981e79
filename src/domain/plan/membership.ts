// Which units and people belong to a plan's participant groups. Pure.
import { isWithin } from "../org.js";
import type { Group } from "./schema.js";

export interface UnitFacts {
  id: number;
  code: string;
  kind: string;
  path: string;
  active: boolean;
}
export interface PersonFacts {
  id: number;
  unitId: number;
  category: string;
  position: string | null;
  isHead: boolean;
}

/** Whether a unit is a member of a collective group; `pathOfCode` resolves unit codes named by the group. */
export function unitInGroup(unit: UnitFacts, group: Group, pathOfCode: (code: string) => string | undefined): boolean {
  const m = group.membership;
  if (!unit.active) return false;
  if (m.unitCodes?.length) return m.unitCodes.some((c) => c.toLowerCase() === unit.code.toLowerCase());
  if (m.unitKinds?.length && !m.unitKinds.includes(unit.kind)) return false;
  if (m.withinUnitCodes?.length) {
    const inside = m.withinUnitCodes.some((c) => {
      const p = pathOfCode(c);
      return p !== undefined && isWithin(unit.path, p) && unit.path !== p;
    });
    if (!inside) return false;
  }
  return true;
}

/** Whether a person is a member of an individual group, given the person's unit. */
export function personInGroup(person: PersonFacts, unit: UnitFacts, group: Group, pathOfCode: (code: string) => string | undefined): boolean {
  const m = group.membership;
  if (m.headsOnly && !person.isHead) return false;
  if (m.categories?.length && !m.categories.includes(person.category)) return false;
  if (m.positions?.length && !m.positions.some((p) => (person.position ?? "").toLowerCase().includes(p.toLowerCase()))) return false;
  if (m.withinUnitCodes?.length) {
    const inside = m.withinUnitCodes.some((c) => {
      const p = pathOfCode(c);
      return p !== undefined && isWithin(unit.path, p);
    });
    if (!inside) return false;
  }
  if (m.unitKinds?.length && !m.unitKinds.includes(unit.kind)) return false;
  if (m.unitCodes?.length && !m.unitCodes.some((c) => c.toLowerCase() === unit.code.toLowerCase())) return false;
  return unit.active;
}
