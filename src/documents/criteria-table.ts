// The scored part of a criteria tree as table rows (STT, title, max points), shared by the plan document
// and the registration / self-scoring sheets. Qualitative (pass/fail) criteria have no points and are
// left out of the rows; `qualitativeCriteria` returns them for listing as text.
import { num } from "../domain/plan/format.js";
import type { Criterion } from "../domain/plan/schema.js";
import { romanNumeral } from "./decree30.js";

export type Section = "main" | "bonus" | "penalty";

export interface CriterionRow {
  id: string;
  /** The number shown in the STT column: the criterion's code, or I, 1, 1.1 … by depth. */
  stt: string;
  title: string;
  max?: number;
  depth: number;
  section: Section;
  /** Ids of the scored children; a row with children shows their sum. */
  childIds: string[];
  /** Group rows (top level, or with scored children) are bold, as in the seed's appendix. */
  bold: boolean;
}

/** True when the criterion or one of its descendants carries points. */
export function isScored(c: Criterion): boolean {
  return c.max !== undefined || (c.children ?? []).some(isScored);
}

/** True when a group's criteria have anything to put in a points table. */
export function hasScoredCriteria(criteria: readonly Criterion[]): boolean {
  return criteria.some(isScored);
}

const isArabicNumber = (s: string) => /^\d+(\.\d+)*$/.test(s);

/** The scored criteria, depth first, as rows of a points table. */
export function scoredCriteriaRows(criteria: readonly Criterion[]): CriterionRow[] {
  const rows: CriterionRow[] = [];
  const walk = (list: readonly Criterion[], depth: number, parentStt: string, inherited: Section) => {
    const scored = list.filter(isScored);
    scored.forEach((c, i) => {
      const section = c.section ?? inherited;
      let stt = c.code?.trim();
      if (!stt) {
        if (depth === 0) stt = romanNumeral(i + 1);
        else if (depth === 1 || !isArabicNumber(parentStt)) stt = String(i + 1);
        else stt = `${parentStt}.${i + 1}`;
      }
      const children = (c.children ?? []).filter(isScored);
      rows.push({ id: c.id, stt, title: c.title, max: c.max, depth, section, childIds: children.map((k) => k.id), bold: depth === 0 || children.length > 0 });
      walk(c.children ?? [], depth + 1, stt, section);
    });
  };
  walk(criteria, 0, "", "main");
  return rows;
}

/** Top-level scored rows. */
export function topLevelRows(rows: readonly CriterionRow[]): CriterionRow[] {
  return rows.filter((r) => r.depth === 0);
}

/** The full mark: the sum of the top-level main-section maxima (bonus and penalty sections are extra). */
export function maxTotal(rows: readonly CriterionRow[]): number {
  return topLevelRows(rows)
    .filter((r) => r.section === "main")
    .reduce((s, r) => s + (r.max ?? 0), 0);
}

/** The top-level rows as a sum, penalties subtracted: "I+II-III", or "D12+D20-D31" with `term`. */
export function signedSum(rows: readonly CriterionRow[], term: (r: CriterionRow) => string = (r) => r.stt): string {
  return topLevelRows(rows)
    .map((r, i) => `${r.section === "penalty" ? "-" : i === 0 ? "" : "+"}${term(r)}`)
    .join("");
}

/** "Tổng cộng (I+II+III+IV+V)": the total's label, naming the top-level rows. */
export function totalLabel(rows: readonly CriterionRow[]): string {
  return topLevelRows(rows).length < 2 ? "Tổng cộng" : `Tổng cộng (${signedSum(rows)})`;
}

/**
 * The value of a row in one column of entered points: a leaf's own value; a group's sum of its
 * children when any descendant has a value, else its own value. Undefined when nothing was entered.
 */
export function rowValue(
  row: CriterionRow,
  rowsById: ReadonlyMap<string, CriterionRow>,
  values: Readonly<Record<string, number>> | undefined,
): number | undefined {
  if (!values) return undefined;
  if (row.childIds.length) {
    const parts = row.childIds.map((id) => rowValue(rowsById.get(id)!, rowsById, values));
    if (parts.some((p) => p !== undefined)) return parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  }
  const own = values[row.id];
  return typeof own === "number" && Number.isFinite(own) ? own : undefined;
}

/** The total of a column: main and bonus rows added, penalty rows subtracted. Undefined when empty. */
export function columnTotal(rows: readonly CriterionRow[], values: Readonly<Record<string, number>> | undefined): number | undefined {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parts = topLevelRows(rows).map((r) => ({ r, v: rowValue(r, byId, values) }));
  if (parts.every((p) => p.v === undefined)) return undefined;
  return parts.reduce((s, { r, v }) => s + (r.section === "penalty" ? -(v ?? 0) : (v ?? 0)), 0);
}

/** Points as written in a table cell ("10", "2,5"); empty for none. */
export function pointsText(n: number | undefined): string {
  return n === undefined ? "" : num(n);
}

export interface QualitativeItem {
  criterion: Criterion;
  /** Its pass/fail sub-criteria, flattened to their titles. */
  lines: string[];
}

/** The criteria without points anywhere below them (pass/fail standards), each with its sub-items. */
export function qualitativeCriteria(criteria: readonly Criterion[]): QualitativeItem[] {
  const out: QualitativeItem[] = [];
  const flatten = (c: Criterion): string[] => (c.children ?? []).flatMap((k) => [k.title, ...flatten(k)]);
  const walk = (list: readonly Criterion[]) => {
    for (const c of list) {
      if (!isScored(c)) out.push({ criterion: c, lines: flatten(c) });
      else walk(c.children ?? []);
    }
  };
  walk(criteria);
  return out;
}
