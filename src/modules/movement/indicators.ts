// Indicator values (on-time rate, PAR INDEX…) per unit, metric and period. Rows are never overwritten: a new value
// is a new row, and the latest one (by entry time, then id) is current. That is the value plans read (known.ts).
import { and, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { indicatorValues, units, users } from "../../db/schema.js";
import { can, mayReadUnitRecords } from "../../domain/access.js";
import { num } from "../../domain/format.js";
import { indicatorValueProblem } from "../../domain/import-rows.js";
import { badRequest, forbidden } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { type AuditInput, writeAudit } from "../audit/write-audit.js";
import { refusal, scopeCondition } from "../scope.js";
import { findUnit, type UnitRow } from "../units/service.js";
import { appraisalReach } from "./appraisal-reach.js";

/** Those who keep a unit's records type its values: the unit itself (movement.participate) and the office over it (movement.manage). */
export function mayEnterIndicators(actor: Actor, unitPath: string): boolean {
  return mayReadUnitRecords(actor.grants, unitPath);
}

export function assertMayEnterIndicators(actor: Actor): void {
  if (!can(actor.grants, "movement.participate") && !can(actor.grants, "movement.manage")) throw forbidden("Bạn không có quyền nhập số liệu chỉ số.");
}

/** SQL condition on `units.path`: the units whose values the actor may enter (undefined: everywhere). */
export function indicatorScopeCondition(actor: Actor): SQL | undefined {
  const a = scopeCondition(actor, "movement.participate", units.path);
  const b = scopeCondition(actor, "movement.manage", units.path);
  return a && b ? or(a, b) : undefined;
}

type ValueRow = typeof indicatorValues.$inferSelect;
export interface NewIndicatorValue {
  unit: Pick<UnitRow, "id" | "name">;
  metric: string;
  period: string;
  value: number;
  source: string;
}

const fmt = (v: number) => num(v, 6);
const keyOf = (unitId: number, metric: string, period: string) => `${unitId}|${metric}|${period}`;

/** Inserts values (inside the caller's transaction) and audits each one with the value it supersedes. */
export async function insertIndicatorValues(tx: Executor, actor: Actor, values: NewIndicatorValue[]): Promise<ValueRow[]> {
  if (values.length === 0) return [];
  const previous = await tx
    .select()
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.unitId, [...new Set(values.map((v) => v.unit.id))]),
        inArray(indicatorValues.metric, [...new Set(values.map((v) => v.metric))]),
        inArray(indicatorValues.period, [...new Set(values.map((v) => v.period))]),
      ),
    )
    .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id));
  const current = new Map<string, ValueRow>();
  for (const p of previous) if (!current.has(keyOf(p.unitId, p.metric, p.period))) current.set(keyOf(p.unitId, p.metric, p.period), p);
  const inserted = await tx
    .insert(indicatorValues)
    .values(values.map((v) => ({ unitId: v.unit.id, metric: v.metric, period: v.period, value: v.value, source: v.source, enteredBy: actor.userId || null })))
    .returning();
  const nameOf = new Map(values.map((v) => [v.unit.id, v.unit.name]));
  const entries: AuditInput[] = inserted.map((r) => {
    const key = keyOf(r.unitId, r.metric, r.period);
    const before = current.get(key);
    current.set(key, r);
    return {
      action: "indicator.record",
      entity: "indicator",
      entityId: r.id,
      unitId: r.unitId,
      summary:
        `Nhập chỉ số ${r.metric} kỳ ${r.period} của ${nameOf.get(r.unitId)}: ${fmt(r.value)}` +
        (before ? ` (trước đó ${fmt(before.value)})` : "") +
        ` – nguồn: ${r.source}`,
      before: before ? { value: before.value, source: before.source, id: before.id } : null,
      after: { metric: r.metric, period: r.period, value: r.value, source: r.source },
    };
  });
  await writeAudit(tx, actor, entries);
  return inserted;
}

export const DIRECT_SOURCE = "Nhập trực tiếp trên hệ thống";

export async function recordIndicator(db: Db, actor: Actor, input: { unitId: number; metric: string; period: string; value: number; source: string | null }) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    if (!mayEnterIndicators(actor, unit.path)) {
      throw refusal(actor, unit.path, `Bạn chỉ được nhập số liệu chỉ số của đơn vị mình; "${unit.name}" không thuộc phạm vi của bạn.`);
    }
    const problem = indicatorValueProblem(input.metric, input.value);
    if (problem) throw badRequest("BAD_VALUE", `Giá trị không hợp lệ: ${problem}.`);
    const [row] = await insertIndicatorValues(tx, actor, [
      { unit, metric: input.metric, period: input.period, value: input.value, source: input.source ?? DIRECT_SOURCE },
    ]);
    return row.id;
  });
  const { items } = await listIndicators(db, actor, { ids: [id], page: 1, pageSize: 1 });
  return items[0];
}

export interface IndicatorQuery {
  unitId?: number;
  metric?: string;
  period?: string;
  current?: boolean;
  ids?: number[];
  page: number;
  pageSize: number;
}

// True for the latest row of its unit, metric and period (the order known.ts uses: entry time, then id).
const isCurrent = sql<boolean>`not exists (select 1 from indicator_values as newer where newer.unit_id = ${indicatorValues.unitId} and newer.metric = ${indicatorValues.metric} and newer.period = ${indicatorValues.period} and (newer.entered_at > ${indicatorValues.enteredAt} or (newer.entered_at = ${indicatorValues.enteredAt} and newer.id > ${indicatorValues.id})))`;

/** Values (history, newest first) of the units whose records the actor may read; `current` marks the value in force. */
export async function listIndicators(db: Executor, actor: Actor, query: IndicatorQuery) {
  const reach = await appraisalReach(db, actor);
  if (!can(actor.grants, "movement.participate") && !can(actor.grants, "movement.manage") && reach.unitIds.size === 0)
    throw forbidden("Bạn không có quyền xem số liệu chỉ số.");
  const own = indicatorScopeCondition(actor);
  const where: (SQL | undefined)[] = [own && reach.unitIds.size ? or(own, inArray(indicatorValues.unitId, [...reach.unitIds])) : own];
  if (query.unitId) {
    const u = await findUnit(db, query.unitId);
    if (!mayReadUnitRecords(actor.grants, u.path) && !reach.unitIds.has(u.id)) throw refusal(actor, u.path, `Bạn không có quyền xem số liệu của "${u.name}".`);
    where.push(eq(indicatorValues.unitId, u.id));
  }
  if (query.metric) where.push(eq(indicatorValues.metric, query.metric));
  if (query.period) where.push(eq(indicatorValues.period, query.period));
  if (query.current) where.push(isCurrent);
  if (query.ids) where.push(inArray(indicatorValues.id, query.ids));
  const cond = and(...where);
  const rows = await db
    .select({ v: indicatorValues, unitCode: units.code, unitName: units.name, enteredByName: users.fullName, current: isCurrent })
    .from(indicatorValues)
    .innerJoin(units, eq(units.id, indicatorValues.unitId))
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(cond)
    .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(indicatorValues).innerJoin(units, eq(units.id, indicatorValues.unitId)).where(cond);
  return {
    items: rows.map((r) => ({
      id: r.v.id,
      unitId: r.v.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      metric: r.v.metric,
      period: r.v.period,
      value: r.v.value,
      source: r.v.source,
      enteredBy: r.v.enteredBy,
      enteredByName: r.enteredByName ?? (r.v.enteredBy === null ? "Hệ thống" : null),
      enteredAt: r.v.enteredAt.toISOString(),
      current: Boolean(r.current),
    })),
    total,
  };
}
