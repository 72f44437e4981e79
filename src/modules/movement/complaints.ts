// Complaints and feedback (phản ánh, kiến nghị – PAKN) about a unit, recorded and verified by the standing office.
// Those verified as substantiated and tied to a plan count against the unit in that plan (known.ts).
import { and, count, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { complaints, plans, units } from "../../db/schema.js";
import { can, knowsOf, mayReadUnitRecords } from "../../domain/access.js";
import { dmy } from "../../domain/format.js";
import { isWithin } from "../../domain/org.js";
import { badRequest, conflict, forbidden, notFound, versionConflict } from "../../http/errors.js";
import { type Actor, SYSTEM_ACTOR } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertPlanReadable, assertReadable, refusal, scopeCondition } from "../scope.js";
import { findUnit, type UnitRow } from "../units/service.js";
import { appraisalReach, mayReadRecordsOf } from "./appraisal-reach.js";
import { today } from "./participants.js";

type ComplaintRow = typeof complaints.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

const statusLabel = (s: boolean | null) => (s === null ? "Đang xác minh" : s ? "Có căn cứ (đúng)" : "Không có căn cứ");
const parentPath = (path: string) => path.replace(/[^/]+\/$/, "");
const snapshot = (c: ComplaintRow) => ({
  unitId: c.unitId,
  planId: c.planId,
  receivedOn: c.receivedOn,
  content: c.content,
  channel: c.channel,
  substantiated: c.substantiated,
});

async function planWithIssuer(db: Executor, planId: number) {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  return row;
}

/**
 * The office records and verifies complaints: for a plan, the plan's standing office (movement.manage on the issuer);
 * without a plan, whoever manages the movement or the organisation (units.write) over the unit's parent. A unit never
 * records or verifies complaints about itself.
 */
function assertMayHandle(actor: Actor, unit: UnitRow, plan: { p: PlanRow; u: UnitRow } | null, what: string) {
  if (plan) {
    if (!can(actor.grants, "movement.manage", plan.u.path)) throw forbidden(`Chỉ cơ quan thường trực của phong trào "${plan.p.title}" được ${what}.`);
    // A unit outside all the caller's scopes is not named back to them, not even as "not in the plan".
    if (!knowsOf(actor.grants, unit.path)) throw refusal(actor, unit.path);
    return;
  }
  const above = parentPath(unit.path);
  if (!can(actor.grants, "movement.manage", above) && !can(actor.grants, "units.write", above)) {
    throw refusal(actor, unit.path, `Bạn không có quyền ${what} về "${unit.name}"; việc này do cơ quan thường trực cấp trên thực hiện.`);
  }
}

export async function recordComplaint(
  db: Db,
  actor: Actor,
  input: { unitId: number; planId?: number | null; receivedOn: string; content: string; channel: string | null },
  now: Date,
) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    const plan = input.planId ? await planWithIssuer(tx, input.planId) : null;
    if (plan) assertPlanReadable(actor, plan.u.path, plan.p.id);
    assertMayHandle(actor, unit, plan, "ghi nhận phản ánh, kiến nghị");
    if (plan) {
      if (plan.p.status !== "launched")
        throw conflict("NOT_LAUNCHED", `Phong trào "${plan.p.title}" không trong thời gian triển khai nên không ghi nhận phản ánh cho phong trào này được.`);
      if (!isWithin(unit.path, plan.u.path) || unit.id === plan.u.id) {
        throw badRequest("UNIT_NOT_IN_PLAN", `"${unit.name}" không thuộc phạm vi phong trào "${plan.p.title}".`);
      }
    }
    if (input.receivedOn > today(now)) throw badRequest("FUTURE_DATE", "Ngày tiếp nhận phản ánh không được sau ngày hôm nay.");
    const [row] = await tx
      .insert(complaints)
      .values({
        unitId: unit.id,
        planId: plan?.p.id ?? null,
        receivedOn: input.receivedOn,
        content: input.content,
        channel: input.channel,
        createdBy: actor.userId || null,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "complaint.create",
      entity: "complaint",
      entityId: row.id,
      unitId: unit.id,
      summary: `Ghi nhận phản ánh, kiến nghị về ${unit.name} (tiếp nhận ngày ${dmy(row.receivedOn)})`,
      after: snapshot(row),
    });
    return row.id;
  });
  return presentOne(db, id);
}

/** Records the verification result; it may be corrected later (audited). */
export async function verifyComplaint(db: Db, actor: Actor, id: number, input: { version: number; substantiated: boolean }) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(complaints).where(eq(complaints.id, id));
    if (!current) throw notFound(`phản ánh, kiến nghị có mã số ${id}`);
    const unit = await findUnit(tx, current.unitId);
    assertReadable(await mayReadRecordsOf(tx, actor, unit), `phản ánh, kiến nghị có mã số ${id}`);
    const plan = current.planId ? await planWithIssuer(tx, current.planId) : null;
    assertMayHandle(actor, unit, plan, "xác minh phản ánh, kiến nghị");
    if (plan && plan.p.status !== "launched")
      throw conflict("NOT_LAUNCHED", `Phong trào "${plan.p.title}" không còn trong thời gian triển khai nên không sửa kết quả xác minh được.`);
    if (current.version !== input.version) throw versionConflict("Phản ánh, kiến nghị này");
    const [next] = await tx
      .update(complaints)
      .set({ substantiated: input.substantiated, updatedAt: new Date(), version: current.version + 1 })
      .where(and(eq(complaints.id, id), eq(complaints.version, input.version)))
      .returning();
    if (!next) throw versionConflict("Phản ánh, kiến nghị này");
    await writeAudit(tx, actor, {
      action: "complaint.verify",
      entity: "complaint",
      entityId: id,
      unitId: unit.id,
      summary: `Xác minh phản ánh, kiến nghị về ${unit.name}: ${statusLabel(next.substantiated).toLowerCase()}`,
      before: snapshot(current),
      after: snapshot(next),
    });
  });
  return presentOne(db, id);
}

/** Units whose complaints the actor may see: the office over its scope, a focal person or head over their own unit, appraisers those they are assigned. */
function visibleScope(actor: Actor, assignedUnits: Set<number>): SQL | undefined {
  const conds = (["movement.manage", "movement.participate"] as const).map((c) => scopeCondition(actor, c, units.path));
  if (conds.some((c) => c === undefined)) return undefined;
  return or(...conds, assignedUnits.size ? inArray(complaints.unitId, [...assignedUnits]) : undefined);
}

export interface ComplaintQuery {
  unitId?: number;
  planId?: number;
  status?: "pending" | "substantiated" | "unsubstantiated";
  id?: number;
  page: number;
  pageSize: number;
}

export async function listComplaints(db: Executor, actor: Actor, query: ComplaintQuery) {
  if (!can(actor.grants, "movement.manage") && !can(actor.grants, "movement.participate") && !can(actor.grants, "movement.appraise")) {
    throw forbidden("Bạn không có quyền xem phản ánh, kiến nghị.");
  }
  const reach = await appraisalReach(db, actor);
  const where: (SQL | undefined)[] = [visibleScope(actor, reach.unitIds)];
  if (query.unitId) {
    const u = await findUnit(db, query.unitId);
    if (!mayReadUnitRecords(actor.grants, u.path) && !reach.unitIds.has(u.id))
      throw refusal(actor, u.path, `Bạn không có quyền xem phản ánh, kiến nghị về "${u.name}".`);
    where.push(eq(complaints.unitId, u.id));
  }
  if (query.planId) {
    const plan = await planWithIssuer(db, query.planId);
    assertPlanReadable(actor, plan.u.path, plan.p.id);
    where.push(eq(complaints.planId, query.planId));
  }
  if (query.status === "pending") where.push(isNull(complaints.substantiated));
  if (query.status === "substantiated") where.push(eq(complaints.substantiated, true));
  if (query.status === "unsubstantiated") where.push(eq(complaints.substantiated, false));
  if (query.id) where.push(eq(complaints.id, query.id));
  const cond = and(...where);
  const rows = await db
    .select({ c: complaints, unitCode: units.code, unitName: units.name, planTitle: plans.title })
    .from(complaints)
    .innerJoin(units, eq(units.id, complaints.unitId))
    .leftJoin(plans, eq(plans.id, complaints.planId))
    .where(cond)
    .orderBy(desc(complaints.receivedOn), desc(complaints.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(complaints).innerJoin(units, eq(units.id, complaints.unitId)).where(cond);
  return {
    items: rows.map(({ c, unitCode, unitName, planTitle }) => ({
      id: c.id,
      unitId: c.unitId,
      unitCode,
      unitName,
      planId: c.planId,
      planTitle,
      receivedOn: c.receivedOn,
      content: c.content,
      channel: c.channel,
      substantiated: c.substantiated,
      statusLabel: statusLabel(c.substantiated),
      createdBy: c.createdBy,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      version: c.version,
    })),
    total,
  };
}

// Presents a row the caller has just been allowed to change.
async function presentOne(db: Executor, id: number) {
  const { items } = await listComplaints(db, SYSTEM_ACTOR, { id, page: 1, pageSize: 1 });
  return items[0];
}
