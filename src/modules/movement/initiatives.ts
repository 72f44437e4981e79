// Initiatives (sáng kiến, mô hình, giải pháp): a participant submits, the standing office recognises or rejects.
// Only "recognised" initiatives count as facts (known.ts).
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { files, initiatives, participants, people, plans, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { dmy, participantDisplayName } from "../../domain/format.js";
import { statusesOf, statusLabel } from "../../domain/lifecycle.js";
import { type InitiativeStatus, initiativeLifecycle } from "../../domain/lifecycles/initiative.js";
import { badRequest, conflict, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { filesOfUnit, presentFile } from "../files/service.js";
import { transition } from "../lifecycle/transition.js";
import { listParticipants, loadParticipant, type ParticipantContext, participantName, today } from "./participants.js";

/** The review statuses with their names (the initiative lifecycle's). */
export const INITIATIVE_STATUSES = statusesOf(initiativeLifecycle).map((value) => ({ value, label: statusLabel(initiativeLifecycle, value) }));

/** Who recognised it: the level of the body that decided (unit, commune, district/city, province, nation). */
export const INITIATIVE_LEVELS = [
  { value: "unit", label: "Cấp cơ sở (cơ quan, đơn vị)" },
  { value: "commune", label: "Cấp xã, phường" },
  { value: "district", label: "Cấp huyện, thành phố" },
  { value: "province", label: "Cấp tỉnh" },
  { value: "national", label: "Cấp toàn quốc" },
] as const;
export const initiativeLevelValues = INITIATIVE_LEVELS.map((l) => l.value) as [string, ...string[]];

type InitiativeRow = typeof initiatives.$inferSelect;
const labelIn = (list: readonly { value: string; label: string }[], v: string | null) => (v ? (list.find((x) => x.value === v)?.label ?? v) : null);

// What the audit log keeps of an initiative.
const snapshot = (i: InitiativeRow) => ({
  title: i.title,
  description: i.description,
  fileIds: i.fileIds,
  status: i.status,
  level: i.level,
  recognisedOn: i.recognisedOn,
  decisionNo: i.decisionNo,
  appliedEffectively: i.appliedEffectively,
});

async function present(db: Executor, rows: { i: InitiativeRow; participantName: string; unitId: number; unitName: string }[]) {
  const ids = [...new Set(rows.flatMap((r) => r.i.fileIds as string[]))];
  const fileRows = ids.length ? await db.select().from(files).where(inArray(files.id, ids)) : [];
  const byId = new Map(fileRows.map((f) => [f.id, presentFile(f)]));
  return rows.map(({ i, participantName, unitId, unitName }) => ({
    id: i.id,
    planId: i.planId,
    participantId: i.participantId,
    participantName,
    unitId,
    unitName,
    title: i.title,
    description: i.description,
    files: (i.fileIds as string[]).flatMap((id) => byId.get(id) ?? []),
    status: i.status,
    statusLabel: labelIn(INITIATIVE_STATUSES, i.status),
    level: i.level,
    levelLabel: labelIn(INITIATIVE_LEVELS, i.level),
    recognisedOn: i.recognisedOn,
    decisionNo: i.decisionNo,
    appliedEffectively: i.appliedEffectively,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  }));
}

async function rowsWhere(db: Executor, cond: SQL | undefined) {
  const rows = await db
    .select({ i: initiatives, unitId: units.id, unitName: units.name, personName: people.fullName })
    .from(initiatives)
    .innerJoin(participants, eq(participants.id, initiatives.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(cond)
    .orderBy(desc(initiatives.createdAt), desc(initiatives.id));
  return present(
    db,
    rows.map((r) => ({ i: r.i, unitId: r.unitId, unitName: r.unitName, participantName: participantDisplayName(r.unitName, r.personName) })),
  );
}

async function presentOne(db: Executor, id: number) {
  const [one] = await rowsWhere(db, eq(initiatives.id, id));
  return one;
}

function assertRunning(ctx: ParticipantContext) {
  if (ctx.plan.status !== "launched")
    throw conflict("NOT_LAUNCHED", `Phong trào "${ctx.plan.title}" không còn trong thời gian triển khai nên không nhận, sửa sáng kiến.`);
}

function uniqueIds(ids: string[] | undefined) {
  return ids ? [...new Set(ids)] : undefined;
}

export async function submitInitiative(db: Db, actor: Actor, participantId: number, input: { title: string; description: string | null; fileIds?: string[] }) {
  const id = await db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    assertRunning(ctx);
    const fileIds = uniqueIds(input.fileIds) ?? [];
    await filesOfUnit(tx, fileIds, ctx.participant.unitId);
    const [row] = await tx
      .insert(initiatives)
      .values({
        planId: ctx.plan.id,
        participantId,
        title: input.title,
        description: input.description,
        fileIds,
        createdBy: actor.userId || null,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "initiative.submit",
      entity: "initiative",
      entityId: row.id,
      unitId: ctx.unit.id,
      summary: `${participantName(ctx)} gửi sáng kiến "${row.title}"`,
      after: snapshot(row),
    });
    return row.id;
  });
  return presentOne(db, id);
}

async function findInitiative(db: Executor, id: number) {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  if (!row) throw notFound(`sáng kiến có mã số ${id}`);
  return row;
}

/** The participant edits its initiative while the office has not yet decided on it. */
export async function updateInitiative(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number; title?: string; description?: string | null; fileIds?: string[] },
) {
  await db.transaction(async (tx) => {
    const current = await findInitiative(tx, id);
    const ctx = await loadParticipant(tx, actor, current.participantId, "participate");
    assertRunning(ctx);
    if (current.status !== "submitted") {
      throw conflict(
        "INITIATIVE_REVIEWED",
        `Sáng kiến "${current.title}" đã được xem xét (${labelIn(INITIATIVE_STATUSES, current.status)}) nên không sửa được nữa.`,
      );
    }
    if (current.version !== input.version) throw versionConflict(`Sáng kiến "${current.title}"`);
    const fileIds = uniqueIds(input.fileIds);
    if (fileIds) await filesOfUnit(tx, fileIds, ctx.participant.unitId);
    const [next] = await tx
      .update(initiatives)
      .set({
        title: input.title ?? current.title,
        description: input.description === undefined ? current.description : input.description,
        fileIds: fileIds ?? current.fileIds,
        updatedAt: new Date(),
        version: current.version + 1,
      })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Sáng kiến "${current.title}"`);
    await writeAudit(tx, actor, {
      action: "initiative.update",
      entity: "initiative",
      entityId: id,
      unitId: ctx.unit.id,
      summary: `${participantName(ctx)} sửa sáng kiến "${next.title}"`,
      before: snapshot(current),
      after: snapshot(next),
    });
  });
  return presentOne(db, id);
}

export interface ReviewInput {
  version: number;
  status: "recognised" | "rejected";
  level?: string | null;
  recognisedOn?: string | null;
  decisionNo?: string | null;
  appliedEffectively?: boolean;
}

/**
 * The standing office recognises (with the decision's number and date) or rejects an initiative. A decision may be
 * corrected later (e.g. a rejection overturned); every change is audited and only "recognised" counts as a fact.
 */
export async function reviewInitiative(db: Db, actor: Actor, id: number, input: ReviewInput, now: Date) {
  await db.transaction(async (tx) => {
    const current = await findInitiative(tx, id);
    const ctx = await loadParticipant(tx, actor, current.participantId, "manage");
    if (ctx.plan.status !== "launched")
      throw conflict("NOT_LAUNCHED", `Phong trào "${ctx.plan.title}" không còn trong thời gian triển khai nên không xét sáng kiến được.`);
    await transition(tx, actor, {
      lifecycle: initiativeLifecycle,
      move: "review",
      to: input.status,
      table: initiatives,
      row: current,
      version: input.version,
      what: `Sáng kiến "${current.title}"`,
      now: new Date(),
      guard: (to) => {
        if (to !== "recognised") return;
        const missing = [!input.recognisedOn && "ngày công nhận (recognisedOn)", !input.decisionNo && "số quyết định công nhận (decisionNo)"].filter(Boolean);
        if (missing.length) throw badRequest("RECOGNITION_INCOMPLETE", `Để công nhận sáng kiến, vui lòng nhập ${missing.join(" và ")}.`);
        if ((input.recognisedOn as string) > today(now)) throw badRequest("FUTURE_DATE", "Ngày công nhận sáng kiến không được sau ngày hôm nay.");
      },
      set: (to): Partial<InitiativeRow> =>
        to === "recognised"
          ? {
              level: input.level ?? null,
              recognisedOn: input.recognisedOn as string,
              decisionNo: input.decisionNo as string,
              appliedEffectively: input.appliedEffectively ?? false,
            }
          : { level: null, recognisedOn: null, decisionNo: null, appliedEffectively: false },
      audit: (to, next) => ({
        action: to === "recognised" ? "initiative.recognise" : "initiative.reject",
        unitId: ctx.unit.id,
        summary:
          to === "recognised"
            ? `Công nhận sáng kiến "${next.title}" của ${participantName(ctx)} (Quyết định số ${next.decisionNo} ngày ${dmy(next.recognisedOn)})`
            : `Không công nhận sáng kiến "${next.title}" của ${participantName(ctx)}`,
        before: snapshot(current),
        after: snapshot(next),
      }),
    });
  });
  return presentOne(db, id);
}

/** Initiatives of one participant, for whoever may read its records (its unit, the office, assigned appraisers). */
export async function initiativesOfParticipant(db: Executor, actor: Actor, participantId: number) {
  const ctx = await loadParticipant(db, actor, participantId, "read");
  return rowsWhere(db, eq(initiatives.participantId, ctx.participant.id));
}

/** Initiatives in a plan, of the participants the actor may see: all for the office, its own unit's for a focal person. */
export async function initiativesOfPlan(db: Executor, actor: Actor, planId: number, filter: { status?: InitiativeStatus } = {}) {
  const [row] = await db.select({ path: units.path }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  let only: SQL | undefined;
  if (!can(actor.grants, "movement.manage", row.path)) {
    const visible = await listParticipants(db, actor, planId);
    if (visible.length === 0) return [];
    only = inArray(
      initiatives.participantId,
      visible.map((p) => p.id),
    );
  }
  return rowsWhere(db, and(eq(initiatives.planId, planId), only, filter.status ? eq(initiatives.status, filter.status) : undefined));
}
