import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { appraisalAssignments, participants, people, plans, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { vietnamDate } from "../../domain/calendar.js";
import { participantDisplayName } from "../../domain/format.js";
import { successionText } from "../../domain/movement/succession.js";
import { personInGroup, unitInGroup } from "../../domain/plan/membership.js";
import { declaredInputs } from "../../domain/plan/rule-inputs.js";
import type { Group, Plan } from "../../domain/plan/schema.js";
import { conflict, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertCan, assertPlanReadable, assertReadable } from "../scope.js";

export type ParticipantRow = typeof participants.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export interface ParticipantContext {
  participant: ParticipantRow;
  plan: PlanRow;
  data: Plan;
  group: Group;
  unit: UnitRow;
  issuer: UnitRow;
  personName: string | null;
  isHead: boolean;
}

/** A launched plan with its issuer, for office actions on the movement. */
export async function loadMovement(db: Executor, actor: Actor, planId: number, capability: "movement.manage" | "plans.read" = "movement.manage") {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  if (capability === "plans.read" || !can(actor.grants, "movement.manage", row.u.path)) assertPlanReadable(actor, row.u.path, planId);
  if (capability === "movement.manage") assertCan(actor, "movement.manage", row.u.path, `Bạn không phải cơ quan thường trực của phong trào "${row.p.title}".`);
  if (row.p.status !== "launched") throw conflict("NOT_LAUNCHED", `Kế hoạch "${row.p.title}" chưa phát động nên chưa thể triển khai.`);
  return { plan: row.p, issuer: row.u, data: row.p.data as Plan };
}

/** Creates participants for every unit and person the plan's groups name (existing ones are kept). */
export async function syncParticipants(db: Db, actor: Actor, planId: number) {
  const { plan, issuer, data } = await loadMovement(db, actor, planId);
  const subtree = await db
    .select()
    .from(units)
    .where(and(like(units.path, `${issuer.path}%`), eq(units.active, true)));
  const codePath = (code: string) => subtree.find((u) => u.code.toLowerCase() === code.toLowerCase())?.path;
  const wanted: { groupId: string; unitId: number; personId: number | null }[] = [];
  const individualGroups = data.groups.filter((g) => g.type === "individual");
  const staff = individualGroups.length
    ? await db
        .select()
        .from(people)
        .where(
          and(
            eq(people.active, true),
            inArray(
              people.unitId,
              subtree.map((u) => u.id),
            ),
          ),
        )
    : [];
  const unitById = new Map(subtree.map((u) => [u.id, u]));
  for (const g of data.groups) {
    if (g.type === "collective") {
      for (const u of subtree) if (u.id !== issuer.id && unitInGroup(u, g, codePath)) wanted.push({ groupId: g.id, unitId: u.id, personId: null });
    } else {
      for (const p of staff) {
        const u = unitById.get(p.unitId);
        if (u && personInGroup(p, u, g, codePath)) wanted.push({ groupId: g.id, unitId: u.id, personId: p.id });
      }
    }
  }
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ groupId: participants.groupId, unitId: participants.unitId, personId: participants.personId })
      .from(participants)
      .where(eq(participants.planId, planId));
    const key = (x: { groupId: string; unitId: number; personId: number | null }) => `${x.groupId}|${x.unitId}|${x.personId ?? 0}`;
    const have = new Set(existing.map(key));
    const fresh = wanted.filter((w) => !have.has(key(w)));
    for (let i = 0; i < fresh.length; i += 500) await tx.insert(participants).values(fresh.slice(i, i + 500).map((w) => ({ ...w, planId })));
    await writeAudit(tx, actor, {
      action: "movement.sync_participants",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Lập danh sách đối tượng thi đua của "${plan.title}": thêm ${fresh.length}, tổng ${existing.length + fresh.length}`,
    });
    return { added: fresh.length, total: existing.length + fresh.length };
  });
}

/** Loads a participant with its plan, group and unit; `access` decides who may see or act on it. */
export async function loadParticipant(
  db: Executor,
  actor: Actor,
  participantId: number,
  access: "read" | "participate" | "manage" | "appraise" = "read",
): Promise<ParticipantContext> {
  const [row] = await db
    .select({ pa: participants, p: plans, u: units, person: people })
    .from(participants)
    .innerJoin(plans, eq(plans.id, participants.planId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(participants.id, participantId));
  if (!row) throw notFound(`đối tượng thi đua có mã số ${participantId}`);
  const [issuer] = await db.select().from(units).where(eq(units.id, row.p.issuerUnitId));
  const data = row.p.data as Plan;
  const group = data.groups.find((g) => g.id === row.pa.groupId);
  if (!group) throw conflict("GROUP_GONE", "Nhóm đối tượng của đối tượng này không còn trong kế hoạch.");
  const ctx: ParticipantContext = {
    participant: row.pa,
    plan: row.p,
    data,
    group,
    unit: row.u,
    issuer,
    personName: row.person?.fullName ?? null,
    isHead: row.person?.isHead ?? false,
  };
  const manages = can(actor.grants, "movement.manage", issuer.path);
  const participates = can(actor.grants, "movement.participate", row.u.path);
  const assigned = !manages && !participates && (await isAssigned(db, actor, row.pa.planId, participantId));
  // A participant's file is read by its unit, the office and its appraisers; to anyone else it does not exist.
  assertReadable(manages || participates || assigned, `đối tượng thi đua có mã số ${participantId}`);
  if (access === "manage" && !manages) throw forbidden("Chỉ cơ quan thường trực của phong trào được thực hiện thao tác này.");
  if (access === "participate" && !participates)
    throw forbidden(`Bạn chỉ được cập nhật hồ sơ thi đua của đơn vị mình; "${row.u.name}" không thuộc phạm vi của bạn.`);
  if (access === "appraise" && !manages && !assigned) throw forbidden("Bạn không được phân công thẩm định đối tượng này.");
  return ctx;
}

/** Assignments of `actor` in a plan that cover a participant: whole participant, or any of its criteria. */
export async function assignmentsFor(db: Executor, actor: Actor, planId: number, participantId: number) {
  const rows = await db
    .select()
    .from(appraisalAssignments)
    .where(and(eq(appraisalAssignments.planId, planId), eq(appraisalAssignments.userId, actor.userId)));
  return rows.filter((a) => a.participantId === null || a.participantId === participantId);
}

async function isAssigned(db: Executor, actor: Actor, planId: number, participantId: number): Promise<boolean> {
  if (!can(actor.grants, "movement.appraise")) return false;
  return (await assignmentsFor(db, actor, planId, participantId)).length > 0;
}

export function participantName(ctx: Pick<ParticipantContext, "personName" | "unit">): string {
  return participantDisplayName(ctx.unit.name, ctx.personName);
}

/** What this participant took over from units merged into its unit, one Vietnamese line each (the plan's input names). */
export function successionLines(ctx: Pick<ParticipantContext, "participant" | "group">): string[] {
  const labels = new Map(declaredInputs(ctx.group.criteria).map((i) => [i.key, i.label]));
  return (ctx.participant.succession ?? []).map((n) => successionText(n, (k) => labels.get(k) ?? k));
}

export function presentParticipant(p: ParticipantRow, unitName: string, personName: string | null, groupName: string) {
  return {
    id: p.id,
    planId: p.planId,
    groupId: p.groupId,
    groupName,
    unitId: p.unitId,
    unitName,
    personId: p.personId,
    personName,
    name: participantDisplayName(unitName, personName),
    registered: p.registeredAt !== null,
    registeredAt: p.registeredAt?.toISOString() ?? null,
    registration: p.registration ?? null,
    reopenedUntil: p.reopenedUntil,
    version: p.version,
  };
}

/** The participants an actor may see in a plan: all for the office, own unit's for a focal person, assigned for appraisers. */
export async function listParticipants(db: Executor, actor: Actor, planId: number, filter: { groupId?: string } = {}) {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  assertPlanReadable(actor, row.u.path, planId);
  const data = row.p.data as Plan;
  const rows = await db
    .select({ pa: participants, unitName: units.name, unitPath: units.path, personName: people.fullName })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.planId, planId), filter.groupId ? eq(participants.groupId, filter.groupId) : undefined))
    .orderBy(sql`${units.sortKey} collate "C"`, sql`${people.sortKey} collate "C"`);
  const manages = can(actor.grants, "movement.manage", row.u.path);
  const assigned = can(actor.grants, "movement.appraise")
    ? await db
        .select()
        .from(appraisalAssignments)
        .where(and(eq(appraisalAssignments.planId, planId), eq(appraisalAssignments.userId, actor.userId)))
    : [];
  const everyone = assigned.some((a) => a.participantId === null);
  const visible = rows.filter(
    (r) => manages || everyone || can(actor.grants, "movement.participate", r.unitPath) || assigned.some((a) => a.participantId === r.pa.id),
  );
  if (!manages && visible.length === 0 && !can(actor.grants, "plans.read")) throw forbidden();
  const groupName = (id: string) => data.groups.find((g) => g.id === id)?.name ?? id;
  return visible.map((r) => presentParticipant(r.pa, r.unitName, r.personName, groupName(r.pa.groupId)));
}

/** The milestone of a kind, or a clear error when the plan has none. */
export function milestoneOf(data: Plan, kind: string) {
  return data.milestones.find((m) => m.kind === kind) ?? null;
}

export const today = (now = new Date()) => vietnamDate(now);
