import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { appraisalAssignments, appraisals, assessments, participants, people, plans, roleAssignments, units, users } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { isLate } from "../../domain/calendar.js";
import { dmy, participantDisplayName } from "../../domain/format.js";
import { appraisesOwnUnit } from "../../domain/movement/appraiser-conflict.js";
import type { Facts } from "../../domain/plan/conditions.js";
import { checkFacts } from "../../domain/plan/scoring.js";
import { badRequest, conflict, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { accountsWithRolesNear } from "../users/service.js";
import { leaves } from "./assessment.js";
import { assignmentsFor, loadMovement, loadParticipant, participantName } from "./participants.js";

/** The office assigns a whole participant, one criterion for all, or one criterion of one participant to an appraiser. */
export async function assign(db: Db, actor: Actor, planId: number, input: { userId: number; participantId?: number | null; criterionId?: string | null }) {
  return db.transaction(async (tx) => {
    const { plan, issuer, data } = await loadMovement(tx, actor, planId);
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound(`tài khoản có mã số ${input.userId}`);
    const roles = await tx.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id));
    if (!roles.some((r) => ["appraiser", "office", "admin"].includes(r.role))) {
      throw badRequest("NOT_APPRAISER", `${user.fullName} chưa có vai trò thẩm định viên; hãy giao vai trò trước khi phân công.`);
    }
    if (input.participantId) {
      const [p] = await tx
        .select({ pa: participants, unit: units, personName: people.fullName })
        .from(participants)
        .innerJoin(units, eq(units.id, participants.unitId))
        .leftJoin(people, eq(people.id, participants.personId))
        .where(and(eq(participants.id, input.participantId), eq(participants.planId, planId)));
      if (!p) throw badRequest("NO_PARTICIPANT", "Đối tượng thi đua không thuộc phong trào này.");
      const work = await workUnitOf(tx, user.id);
      if (work && appraisesOwnUnit(work.path, p.unit.path, issuer.path))
        throw conflict(
          "OWN_UNIT",
          `${user.fullName} công tác tại ${work.name} nên không được phân công thẩm định ${participantName({ personName: p.personName, unit: p.unit })}; hãy phân công người khác.`,
        );
    }
    if (input.criterionId && !data.groups.some((g) => leaves(g.criteria).some((c) => c.id === input.criterionId))) {
      throw badRequest("NO_CRITERION", `Kế hoạch không có tiêu chí "${input.criterionId}".`);
    }
    const [row] = await tx
      .insert(appraisalAssignments)
      .values({ planId, userId: user.id, participantId: input.participantId ?? null, criterionId: input.criterionId ?? null })
      .returning();
    await writeAudit(tx, actor, {
      action: "movement.assign_appraiser",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Phân công ${user.fullName} thẩm định ${input.participantId ? `đối tượng #${input.participantId}` : "tất cả đối tượng"}${input.criterionId ? `, tiêu chí ${input.criterionId}` : ""} trong "${plan.title}"`,
      after: input,
    });
    return row;
  });
}

export async function listAssignments(db: Executor, actor: Actor, planId: number) {
  await loadMovement(db, actor, planId);
  return db
    .select({
      id: appraisalAssignments.id,
      userId: users.id,
      userName: users.fullName,
      participantId: appraisalAssignments.participantId,
      criterionId: appraisalAssignments.criterionId,
    })
    .from(appraisalAssignments)
    .innerJoin(users, eq(users.id, appraisalAssignments.userId))
    .where(eq(appraisalAssignments.planId, planId));
}

/** The unit an account's person works in (null when the account is not linked to a person). */
async function workUnitOf(db: Executor, userId: number) {
  const [row] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** What the signed-in appraiser has been given: participants (and criteria) per plan, never those of their own unit. */
export async function myAssignments(db: Executor, actor: Actor) {
  const rows = await db
    .select({ a: appraisalAssignments, planTitle: plans.title, issuerPath: units.path })
    .from(appraisalAssignments)
    .innerJoin(plans, eq(plans.id, appraisalAssignments.planId))
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .where(eq(appraisalAssignments.userId, actor.userId));
  const work = await workUnitOf(db, actor.userId);
  const out = [];
  for (const r of rows) {
    const all = await db
      .select({ id: participants.id, unitName: units.name, unitPath: units.path, personName: people.fullName, status: assessments.status })
      .from(participants)
      .innerJoin(units, eq(units.id, participants.unitId))
      .leftJoin(people, eq(people.id, participants.personId))
      .leftJoin(assessments, eq(assessments.participantId, participants.id))
      .where(r.a.participantId ? eq(participants.id, r.a.participantId) : eq(participants.planId, r.a.planId));
    const list = work ? all.filter((p) => !appraisesOwnUnit(work.path, p.unitPath, r.issuerPath)) : all;
    out.push({
      assignmentId: r.a.id,
      planId: r.a.planId,
      planTitle: r.planTitle,
      criterionId: r.a.criterionId,
      participants: list.map((p) => ({ id: p.id, name: participantDisplayName(p.unitName, p.personName), assessmentStatus: p.status ?? "draft" })),
    });
  }
  return out;
}

/** An appraiser's correction of one criterion: facts and/or points, always with a reason. */
export async function appraise(
  db: Db,
  actor: Actor,
  participantId: number,
  criterionId: string,
  input: { facts?: Facts; points?: number | null; reason: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "appraise");
    if (ctx.plan.finalisedAt) throw conflict("FINALISED", "Kết quả phong trào đã được chốt; không thẩm định thêm được.");
    const mine = await assignmentsFor(tx, actor, ctx.plan.id, participantId);
    const manages = can(actor.grants, "movement.manage", ctx.issuer.path);
    if (!manages && !mine.some((a) => a.criterionId === null || a.criterionId === criterionId))
      throw forbidden("Bạn không được phân công thẩm định tiêu chí này.");
    // Even under an assignment to "all participants", nobody appraises their own unit.
    const work = await workUnitOf(tx, actor.userId);
    if (work && appraisesOwnUnit(work.path, ctx.unit.path, ctx.issuer.path))
      throw conflict(
        "OWN_UNIT",
        `Bạn công tác tại ${work.name} nên không thẩm định ${participantName(ctx)} được; cơ quan thường trực cần phân công người khác.`,
      );
    const criterion = leaves(ctx.group.criteria).find((c) => c.id === criterionId);
    if (!criterion) throw badRequest("NO_CRITERION", `Nhóm "${ctx.group.name}" không có tiêu chí "${criterionId}".`);
    const [assessment] = await tx.select().from(assessments).where(eq(assessments.participantId, participantId));
    if (!assessment || assessment.status === "draft")
      throw conflict("NOT_SUBMITTED", `${participantName(ctx)} chưa gửi bản tự chấm điểm nên chưa thẩm định được.`);
    const facts = input.facts ?? {};
    const allowed = new Set((criterion.inputs ?? []).map((i) => i.key));
    for (const k of Object.keys(facts)) if (!allowed.has(k)) throw badRequest("BAD_FACT", `Tiêu chí "${criterion.title}" không có dữ kiện "${k}".`);
    const issues = checkFacts([criterion], facts);
    if (issues.length) throw badRequest("BAD_FACTS", issues[0].message, issues);
    if (input.points !== undefined && input.points !== null && (criterion.max === undefined || input.points < 0 || input.points > criterion.max)) {
      throw badRequest(
        "BAD_POINTS",
        criterion.max === undefined ? `Tiêu chí "${criterion.title}" chấm đạt/không đạt, không cho điểm.` : `Điểm thẩm định phải từ 0 đến ${criterion.max}.`,
      );
    }
    if (Object.keys(facts).length === 0 && (input.points === undefined || input.points === null))
      throw badRequest("NOTHING", "Hãy nhập dữ kiện thẩm định hoặc điểm thẩm định.");
    const [before] = await tx
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.participantId, participantId), eq(appraisals.criterionId, criterionId)));
    const values = { facts, points: input.points ?? null, reason: input.reason, appraiserId: actor.userId || null, updatedAt: now };
    if (before)
      await tx
        .update(appraisals)
        .set({ ...values, version: before.version + 1 })
        .where(eq(appraisals.id, before.id));
    else await tx.insert(appraisals).values({ participantId, criterionId, ...values });
    await writeAudit(tx, actor, {
      action: "movement.appraise",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `Thẩm định tiêu chí ${criterion.code ?? criterion.id} "${criterion.title}" của ${participantName(ctx)}: ${input.reason}`,
      before: before ? { facts: before.facts, points: before.points, reason: before.reason } : null,
      after: { facts, points: input.points ?? null, reason: input.reason },
    });
  });
}

/** The office opens the explanation round (giải trình) until the end of `until`. */
export async function openExplanationRound(db: Db, actor: Actor, planId: number, until: string, now: Date) {
  return db.transaction(async (tx) => {
    const { plan, issuer } = await loadMovement(tx, actor, planId);
    if (isLate(until, now)) throw badRequest("PAST_DATE", "Hạn giải trình phải từ hôm nay trở đi.");
    await tx.update(plans).set({ explanationUntil: until, updatedAt: now }).where(eq(plans.id, planId));
    await writeAudit(tx, actor, {
      action: "movement.explanation_round",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Mở vòng giải trình của "${plan.title}" đến hết ngày ${dmy(until)}`,
    });
  });
}

/** The participant explains (giải trình) an appraisal finding, until the round closes. */
export async function explain(db: Db, actor: Actor, participantId: number, criterionId: string, text: string, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    if (!ctx.plan.explanationUntil) throw conflict("NO_ROUND", "Cơ quan thường trực chưa mở vòng giải trình.");
    if (isLate(ctx.plan.explanationUntil, now)) throw conflict("ROUND_CLOSED", `Đã hết hạn giải trình (hết ngày ${dmy(ctx.plan.explanationUntil)}).`);
    const [row] = await tx
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.participantId, participantId), eq(appraisals.criterionId, criterionId)));
    if (!row) throw notFound("kết quả thẩm định của tiêu chí này");
    await tx.update(appraisals).set({ explanation: text, explainedAt: now, updatedAt: now }).where(eq(appraisals.id, row.id));
    await writeAudit(tx, actor, {
      action: "movement.explain",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `${participantName(ctx)} giải trình tiêu chí ${criterionId}`,
      after: { explanation: text },
    });
  });
}

/** Accounts the office may assign: appraisers, office staff and administrators whose scope meets the plan issuer's. */
export async function appraiserCandidates(db: Executor, actor: Actor, planId: number) {
  const { issuer } = await loadMovement(db, actor, planId);
  return accountsWithRolesNear(db, issuer.path, ["appraiser", "office"]);
}

export async function unassign(db: Db, actor: Actor, planId: number, assignmentId: number) {
  return db.transaction(async (tx) => {
    const { plan, issuer } = await loadMovement(tx, actor, planId);
    const [row] = await tx
      .select()
      .from(appraisalAssignments)
      .where(and(eq(appraisalAssignments.id, assignmentId), eq(appraisalAssignments.planId, planId)));
    if (!row) throw notFound("phân công thẩm định này");
    await tx.delete(appraisalAssignments).where(eq(appraisalAssignments.id, assignmentId));
    await writeAudit(tx, actor, {
      action: "movement.unassign_appraiser",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Hủy phân công thẩm định #${assignmentId} trong "${plan.title}"`,
      before: row,
    });
  });
}
