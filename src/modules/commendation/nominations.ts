// Nominations (đề nghị khen thưởng): a unit or the office proposes a collective or an individual for an award
// form; the dossier is filled from the plan's checklist, lodged by the deadline, returned for additions, appraised
// by the office, and — for awards of the upper level — forwarded to the upper level's movement.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Executor } from "../../db/client.js";
import { assessments, councilAgenda, councilSessions, dossierItems, files, nominations, participants, people, plans, units } from "../../db/schema.js";
import { hasScoredCriteria } from "../../documents/criteria-table.js";
import { can, knowsOf } from "../../domain/access.js";
import { isLate } from "../../domain/calendar.js";
import { eligibilityBlock } from "../../domain/commendation/decision-guards.js";
import { appraisableInputs, checkAppraisedFacts, evaluateEligibility, type Verdict } from "../../domain/commendation/eligibility.js";
import { quotaScopes, quotaStanding, suggest } from "../../domain/commendation/quota.js";
import { isWithin } from "../../domain/org.js";
import { type Facts, showValue } from "../../domain/plan/conditions.js";
import { dmy } from "../../domain/plan/format.js";
import { personInGroup, unitInGroup } from "../../domain/plan/membership.js";
import type { Group, Plan } from "../../domain/plan/schema.js";
import { badRequest, conflict, forbidden, notFound, versionConflict } from "../../http/errors.js";
import type { FileStore } from "../../storage/file-store.js";
import { type Actor, SYSTEM_ACTOR } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { storeFile } from "../files/service.js";
import { scoresOf } from "../movement/assessment.js";
import type { ParticipantContext, PlanRow, UnitRow } from "../movement/participants.js";
import { holdersOf, notify } from "../notifications/notify.js";
import { assertPlanReadable, assertReadable } from "../scope.js";
import { awardsOf, identityOf, participantsPerGroup } from "./awards.js";
import { dossierItemsOf, dossierState, EDITABLE, GENERATED_TEMPLATES, LODGED, matchComponents, selfScoringSheet } from "./dossier.js";
import { nomineeFactsOf, type PlanScope } from "./eligibility-service.js";

type NominationRow = typeof nominations.$inferSelect;
type ParticipantRow = typeof participants.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type AwardForm = Plan["awardForms"][number];
type Target = "collective" | "individual";

const STATUS_LABEL: Record<string, string> = {
  draft: "Đang chuẩn bị hồ sơ",
  submitted: "Đã nộp hồ sơ, chờ thẩm định",
  returned: "Bị trả lại để bổ sung",
  accepted: "Đã thẩm định: đề nghị khen thưởng",
  rejected: "Đã thẩm định: không đề nghị khen thưởng",
};
const TARGET_LABEL: Record<Target, string> = { collective: "tập thể", individual: "cá nhân" };

const fits = (form: AwardForm, target: Target) => form.target === "both" || form.target === target;
const nomineeName = (unitName: string, personName: string | null) => (personName ? `${personName} (${unitName})` : unitName);

/** One nomination with everything around it, as loaded for an action. */
interface NominationContext {
  n: NominationRow;
  participant: ParticipantRow;
  person: PersonRow | null;
  unit: UnitRow;
  proposer: UnitRow;
  scope: PlanScope;
  group: Group;
  form: AwardForm | undefined;
  name: string;
}

/**
 * The proposing side of a nomination: the participant's unit (a unit proposes its own collective and staff) or the
 * unit that proposed it; for a nomination forwarded from a lower level, the lower level that forwarded it.
 */
function isProposingSide(actor: Actor, n: NominationRow, unit: UnitRow, proposer: UnitRow): boolean {
  if (n.forwardedFromId !== null) return can(actor.grants, "movement.participate", proposer.path);
  return can(actor.grants, "movement.participate", unit.path) || can(actor.grants, "movement.participate", proposer.path);
}

async function loadNomination(db: Executor, actor: Actor, id: number, access: "read" | "propose" | "office"): Promise<NominationContext> {
  const proposerUnit = alias(units, "proposer");
  const [row] = await db
    .select({ n: nominations, pa: participants, p: plans, u: units, person: people, proposer: proposerUnit })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(plans, eq(plans.id, nominations.planId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .innerJoin(proposerUnit, eq(proposerUnit.id, nominations.proposedByUnitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(nominations.id, id));
  if (!row) throw notFound(`hồ sơ đề nghị khen thưởng có mã số ${id}`);
  const [issuer] = await db.select().from(units).where(eq(units.id, row.p.issuerUnitId));
  const data = row.p.data as Plan;
  const group = data.groups.find((g) => g.id === row.pa.groupId);
  if (!group) throw conflict("GROUP_GONE", "Nhóm đối tượng của hồ sơ này không còn trong kế hoạch.");
  const manages = can(actor.grants, "movement.manage", issuer.path);
  const proposing = isProposingSide(actor, row.n, row.u, row.proposer);
  const name = nomineeName(row.u.name, row.person?.fullName ?? null);
  // A nomination is the office's and the proposing side's; to anyone else it does not exist (nor its nominee's name).
  assertReadable(manages || proposing, `hồ sơ đề nghị khen thưởng có mã số ${id}`);
  if (access === "office" && !manages) throw forbidden("Chỉ cơ quan thường trực của phong trào được thẩm định, trả lại hay chuyển hồ sơ đề nghị khen thưởng.");
  if (access === "propose" && !proposing)
    throw forbidden(`Bạn chỉ được chuẩn bị hồ sơ đề nghị khen thưởng của đơn vị mình; hồ sơ của "${name}" không thuộc phạm vi của bạn.`);
  if (access === "read" && !manages && !proposing) throw forbidden("Hồ sơ đề nghị khen thưởng này không thuộc phạm vi của bạn.");
  return {
    n: row.n,
    participant: row.pa,
    person: row.person,
    unit: row.u,
    proposer: row.proposer,
    scope: { plan: row.p, issuer, data, manages },
    group,
    form: data.awardForms.find((f) => f.id === row.n.awardFormId),
    name,
  };
}

/** Whether a database error is a unique-index violation (two people proposing the same thing at once). */
function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === "object"; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === "23505") return true;
  return false;
}

const raced = () => conflict("DUPLICATE_NOMINATION", "Đối tượng này vừa được đề nghị hình thức khen thưởng này; hãy tải lại danh sách.");

/** Who prepares a nomination's dossier: the nominee's unit, or for one forwarded from a lower level, that level's office. */
function proposingSide(tx: Executor, c: NominationContext) {
  return c.n.forwardedFromId !== null ? holdersOf(tx, ["office"], c.proposer.path) : holdersOf(tx, ["focal", "head"], c.unit.path);
}

const unitLink = (planId: number) => `/phong-trao/${planId}?tab=de-nghi`;
const officeLink = (planId: number) => `/phong-trao/${planId}?tab=khen-thuong`;

async function planScope(db: Executor, actor: Actor, planId: number): Promise<PlanScope> {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  assertPlanReadable(actor, row.u.path, planId);
  return { plan: row.p, issuer: row.u, data: row.p.data as Plan, manages: can(actor.grants, "movement.manage", row.u.path) };
}

function assertLaunched(plan: PlanRow) {
  if (plan.status !== "launched")
    throw conflict("NOT_LAUNCHED", `Kế hoạch "${plan.title}" không ở trạng thái đang phát động nên không xử lý hồ sơ khen thưởng được.`);
}

/** The statuses a council may consider: lodged and waiting, or accepted by the office. */
const AGENDA_READY = new Set(["submitted", "accepted"]);

/** Whether the actor runs the plan's council: the secretary of one of its sessions, or a council secretary over the issuer. */
async function runsCouncilOf(db: Executor, actor: Actor, scope: PlanScope): Promise<boolean> {
  if (can(actor.grants, "council.run", scope.issuer.path)) return true;
  const [row] = await db
    .select({ id: councilSessions.id })
    .from(councilSessions)
    .where(and(eq(councilSessions.planId, scope.plan.id), eq(councilSessions.secretaryUserId, actor.userId)))
    .limit(1);
  return row !== undefined;
}

// ---- Views ---------------------------------------------------------------------------------------------

interface ListedRow {
  n: NominationRow;
  pa: ParticipantRow;
  unitName: string;
  unitPath: string;
  personName: string | null;
  proposerName: string;
  proposerPath: string;
}

async function listedRows(db: Executor, where: ReturnType<typeof and>): Promise<ListedRow[]> {
  const proposerUnit = alias(units, "proposer");
  return db
    .select({
      n: nominations,
      pa: participants,
      unitName: units.name,
      unitPath: units.path,
      personName: people.fullName,
      proposerName: proposerUnit.name,
      proposerPath: proposerUnit.path,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .innerJoin(proposerUnit, eq(proposerUnit.id, nominations.proposedByUnitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(where)
    .orderBy(nominations.awardFormId, participants.groupId, sql`${units.sortKey} collate "C"`, sql`${people.sortKey} collate "C"`, nominations.id);
}

export type NominationView = Awaited<ReturnType<typeof viewsOf>>[number];

/** Nominations with their dossier checklist and eligibility verdict, as the actor may see them. */
async function viewsOf(db: Executor, actor: Actor, scope: PlanScope, rows: ListedRow[], now: Date, reader: Actor = actor) {
  const ids = rows.map((r) => r.n.id);
  const items = await dossierItemsOf(db, ids);
  const base = await nomineeFactsOf(
    db,
    actor,
    scope,
    rows.map((r) => r.pa.id),
    now,
    reader,
  );
  const forwarded = ids.length
    ? await db
        .select({ id: nominations.id, planId: nominations.planId, from: nominations.forwardedFromId, status: nominations.status })
        .from(nominations)
        .where(inArray(nominations.forwardedFromId, ids))
    : [];
  return rows.map((r) => {
    const { data } = scope;
    const group = data.groups.find((g) => g.id === r.pa.groupId);
    const form = data.awardForms.find((f) => f.id === r.n.awardFormId);
    const dossier = dossierState(data, r.n, items.get(r.n.id) ?? [], now);
    const facts = base.get(r.pa.id);
    const found = r.n.officeFacts as Facts;
    const eligibility: Verdict = facts
      ? evaluateEligibility(data, r.n.awardFormId, { ...facts, facts: { ...facts.facts, ...found }, ...dossier.forEligibility })
      : { eligible: null, priority: false, reasons: [], summary: "Nhóm đối tượng không còn trong kế hoạch" };
    const appraisable = group ? appraisableInputs(data, r.n.awardFormId, { target: group.type, groupId: group.id }) : [];
    const { forEligibility: _, ...checklist } = dossier;
    const up = forwarded.find((f) => f.from === r.n.id);
    return {
      id: r.n.id,
      planId: r.n.planId,
      awardFormId: r.n.awardFormId,
      awardFormName: form?.name ?? r.n.awardFormId,
      target: (group?.type ?? (r.pa.personId ? "individual" : "collective")) as Target,
      groupId: r.pa.groupId,
      groupName: group?.name ?? r.pa.groupId,
      participantId: r.pa.id,
      name: nomineeName(r.unitName, r.personName),
      unitId: r.pa.unitId,
      unitName: r.unitName,
      personId: r.pa.personId,
      personName: r.personName,
      proposedByUnitId: r.n.proposedByUnitId,
      proposedByUnitName: r.proposerName,
      status: r.n.status,
      statusLabel: STATUS_LABEL[r.n.status] ?? r.n.status,
      submittedAt: r.n.submittedAt?.toISOString() ?? null,
      returnedReason: r.n.returnedReason,
      officeOpinion: r.n.officeOpinion,
      forwardedFromId: r.n.forwardedFromId,
      forwardedTo: up ? { id: up.id, planId: up.planId, status: up.status } : null,
      version: r.n.version,
      createdAt: r.n.createdAt.toISOString(),
      updatedAt: r.n.updatedAt.toISOString(),
      dossier: checklist,
      ranking: facts?.ranking ?? { total: null, rank: null, classification: null, source: "unpublished" as const },
      isWoman: facts?.isWoman ?? null,
      womenShare: facts?.womenShare ?? null,
      eligibility,
      /** Facts of the eligibility rules the office may record, with what is known of each and from whom. */
      appraisableFacts: appraisable.map(({ input, rules }) => {
        const office = found[input.key];
        const declared = facts?.facts[input.key];
        return {
          key: input.key,
          label: input.label,
          type: input.type,
          unit: input.unit ?? null,
          choices: input.choices ?? null,
          rules,
          value: office ?? declared ?? null,
          source: office !== undefined && office !== null ? ("office" as const) : declared !== undefined && declared !== null ? ("nominee" as const) : null,
        };
      }),
    };
  });
}

/**
 * The eligibility verdicts of nominations as the rules judge them, whoever asks: with the office's figures (the
 * provisional ranking before results are published), so a signer issuing a decision gets the verdict the office
 * drafted it on. Details of legal holds appear only where `actor` may read them.
 */
export async function judgeNominations(db: Executor, actor: Actor, planId: number, ids: number[], now: Date): Promise<Map<number, NominationView>> {
  if (ids.length === 0) return new Map();
  const scope = await planScope(db, SYSTEM_ACTOR, planId);
  const views = await viewsOf(db, SYSTEM_ACTOR, scope, await listedRows(db, and(inArray(nominations.id, ids))), now, actor);
  return new Map(views.map((v) => [v.id, v]));
}

/** One nomination as the actor sees it. */
export async function getNomination(db: Executor, actor: Actor, id: number, now: Date) {
  const c = await loadNomination(db, actor, id, "read");
  const rows = await listedRows(db, and(eq(nominations.id, id)));
  const [view] = await viewsOf(db, actor, c.scope, rows, now);
  return view;
}

/** Nominations of a plan: the office sees all, a unit those of its own collective and staff (or that it proposed). */
export async function listNominations(db: Executor, actor: Actor, planId: number, filter: { awardFormId?: string; status?: string }, now: Date) {
  const scope = await planScope(db, actor, planId);
  // The council's secretary lists the lodged dossiers to set a session's agenda (nothing else, and no working ranks).
  const secretary = !scope.manages && (await runsCouncilOf(db, actor, scope));
  if (!scope.manages && !secretary && !can(actor.grants, "movement.participate"))
    throw forbidden("Bạn không có quyền xem hồ sơ đề nghị khen thưởng của phong trào này.");
  const rows = await listedRows(
    db,
    and(
      eq(nominations.planId, planId),
      filter.awardFormId ? eq(nominations.awardFormId, filter.awardFormId) : undefined,
      filter.status ? eq(nominations.status, filter.status) : undefined,
    ),
  );
  const ownSide = (r: ListedRow) =>
    r.n.forwardedFromId !== null
      ? can(actor.grants, "movement.participate", r.proposerPath)
      : can(actor.grants, "movement.participate", r.unitPath) || can(actor.grants, "movement.participate", r.proposerPath);
  const visible = scope.manages ? rows : rows.filter((r) => ownSide(r) || (secretary && AGENDA_READY.has(r.n.status)));
  return viewsOf(db, actor, scope, visible, now);
}

// ---- Proposing -----------------------------------------------------------------------------------------

/** A unit (for its collective or staff) or the office proposes a participant for an award form of the plan. */
export async function createNomination(db: Db, actor: Actor, planId: number, input: { awardFormId: string; participantId: number }, now: Date) {
  const id = await db
    .transaction(async (tx) => {
      const scope = await planScope(tx, actor, planId);
      const [row] = await tx
        .select({ pa: participants, u: units, person: people })
        .from(participants)
        .innerJoin(units, eq(units.id, participants.unitId))
        .leftJoin(people, eq(people.id, participants.personId))
        .where(eq(participants.id, input.participantId));
      if (!row) throw notFound(`đối tượng thi đua có mã số ${input.participantId}`);
      if (row.pa.planId !== planId) throw badRequest("OTHER_PLAN", "Đối tượng này không tham gia phong trào này.");
      const name = nomineeName(row.u.name, row.person?.fullName ?? null);
      const participates = can(actor.grants, "movement.participate", row.u.path);
      if (!scope.manages && !participates) assertReadable(knowsOf(actor.grants, row.u.path), `đối tượng thi đua có mã số ${input.participantId}`);
      if (!scope.manages && !participates)
        throw forbidden(`Bạn chỉ được đề nghị khen thưởng tập thể, cá nhân thuộc đơn vị mình; "${name}" không thuộc phạm vi của bạn.`);
      assertLaunched(scope.plan);
      const form = scope.data.awardForms.find((f) => f.id === input.awardFormId);
      if (!form) throw badRequest("NO_AWARD_FORM", `Kế hoạch không có hình thức khen thưởng "${input.awardFormId}".`);
      const group = scope.data.groups.find((g) => g.id === row.pa.groupId);
      if (!group) throw conflict("GROUP_GONE", "Nhóm đối tượng của đối tượng này không còn trong kế hoạch.");
      if (!fits(form, group.type))
        throw badRequest("WRONG_TARGET", `"${form.name}" chỉ dành cho ${TARGET_LABEL[form.target as Target]}; "${name}" là ${TARGET_LABEL[group.type]}.`);
      const [dup] = await tx
        .select({ id: nominations.id })
        .from(nominations)
        .where(and(eq(nominations.planId, planId), eq(nominations.awardFormId, form.id), eq(nominations.participantId, row.pa.id)));
      if (dup)
        throw conflict(
          "DUPLICATE_NOMINATION",
          `"${name}" đã được đề nghị "${form.name}" (hồ sơ số ${dup.id}); mỗi đối tượng chỉ có một hồ sơ cho mỗi hình thức.`,
        );
      // The office proposes in the name of the issuer; a unit in its own name.
      const proposedByUnitId = scope.manages ? scope.issuer.id : row.u.id;
      const [created] = await tx
        .insert(nominations)
        .values({ planId, awardFormId: form.id, participantId: row.pa.id, proposedByUnitId, createdBy: actor.userId || null, createdAt: now, updatedAt: now })
        .returning();
      await writeAudit(tx, actor, {
        action: "nomination.create",
        entity: "nomination",
        entityId: created.id,
        unitId: row.u.id,
        summary: `Đề nghị "${form.name}" cho ${name} (phong trào "${scope.plan.title}")`,
        after: { planId, awardFormId: form.id, participantId: row.pa.id, proposedByUnitId },
      });
      return created.id;
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? raced() : e;
    });
  return getNomination(db, actor, id, now);
}

/** Withdraws a nomination still being prepared (or returned), with its dossier. */
export async function deleteNomination(db: Db, actor: Actor, id: number, version: number) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    if (!EDITABLE.has(c.n.status)) throw conflict("NOT_EDITABLE", "Hồ sơ đã nộp; chỉ rút được hồ sơ đang chuẩn bị hoặc bị trả lại.");
    if (c.n.version !== version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const [onAgenda] = await tx.select({ id: councilAgenda.id }).from(councilAgenda).where(eq(councilAgenda.nominationId, id));
    if (onAgenda) throw conflict("IN_USE", "Hồ sơ đã được đưa ra Hội đồng Thi đua - Khen thưởng nên không rút được.");
    await tx.delete(nominations).where(and(eq(nominations.id, id), eq(nominations.version, version)));
    await writeAudit(tx, actor, {
      action: "nomination.delete",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Rút hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name}`,
      before: { status: c.n.status, awardFormId: c.n.awardFormId, participantId: c.n.participantId },
    });
  });
}

// ---- Dossier ---------------------------------------------------------------------------------------------

function editableDossier(c: NominationContext, componentId: string) {
  if (!EDITABLE.has(c.n.status))
    throw conflict("DOSSIER_LOCKED", "Hồ sơ đã nộp nên không sửa được; chỉ sửa khi đang chuẩn bị hoặc khi cơ quan thường trực trả lại để bổ sung.");
  assertLaunched(c.scope.plan);
  const component = c.scope.data.dossier.find((d) => d.id === componentId);
  if (!component) throw badRequest("NO_COMPONENT", `Kế hoạch không có thành phần hồ sơ "${componentId}".`);
  return component;
}

async function touch(tx: Executor, n: NominationRow, now: Date) {
  await tx
    .update(nominations)
    .set({ version: sql`${nominations.version} + 1`, updatedAt: now })
    .where(eq(nominations.id, n.id));
}

async function putItem(tx: Executor, nominationId: number, componentId: string, fileId: string, generated: boolean, now: Date) {
  await tx
    .insert(dossierItems)
    .values({ nominationId, componentId, fileId, generated, createdAt: now })
    .onConflictDoUpdate({ target: [dossierItems.nominationId, dossierItems.componentId], set: { fileId, generated, createdAt: now } });
}

/** Attaches an uploaded file (of the nominee's or the proposer's unit) as one dossier component. */
export async function setDossierItem(db: Db, actor: Actor, id: number, componentId: string, fileId: string, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    const [file] = await tx.select().from(files).where(eq(files.id, fileId));
    if (!file) throw badRequest("NO_FILE", "Tệp này không còn tồn tại; hãy tải lên lại.");
    if (file.unitId !== c.unit.id && file.unitId !== c.proposer.id)
      throw forbidden(`Tệp "${file.originalName}" thuộc đơn vị khác, không dùng cho hồ sơ của ${c.name} được.`);
    await putItem(tx, id, component.id, file.id, false, now);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_set",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Cập nhật "${component.name}" trong hồ sơ đề nghị của ${c.name}: tệp "${file.originalName}"`,
      after: { componentId: component.id, fileId: file.id },
    });
  });
  return getNomination(db, actor, id, now);
}

export async function removeDossierItem(db: Db, actor: Actor, id: number, componentId: string, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    const [gone] = await tx
      .delete(dossierItems)
      .where(and(eq(dossierItems.nominationId, id), eq(dossierItems.componentId, component.id)))
      .returning();
    if (!gone) throw notFound(`tệp "${component.name}" trong hồ sơ này`);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_remove",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Bỏ "${component.name}" khỏi hồ sơ đề nghị của ${c.name}`,
      before: { componentId: component.id, fileId: gone.fileId },
    });
  });
  return getNomination(db, actor, id, now);
}

/** Fills in a component the system can draw up itself (the self-scoring sheet) from the participant's records. */
export async function generateDossierItem(db: Db, store: FileStore, actor: Actor, id: number, componentId: string, opts: { maxBytes: number }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    if (!component.template || !GENERATED_TEMPLATES.has(component.template))
      throw badRequest("NOT_GENERATED", `Hệ thống chưa tự lập được "${component.name}"; hãy tải tệp lên.`);
    if (!hasScoredCriteria(c.group.criteria)) throw badRequest("NO_POINTS", `Nhóm "${c.group.name}" không có bảng điểm nên không có bảng tự chấm điểm.`);
    const [row] = await tx.select().from(assessments).where(eq(assessments.participantId, c.participant.id));
    if (!row || row.status === "draft") throw conflict("NOT_ASSESSED", `${c.name} chưa gửi bản tự chấm điểm nên chưa lập được "${component.name}".`);
    const ctx: ParticipantContext = {
      participant: c.participant,
      plan: c.scope.plan,
      data: c.scope.data,
      group: c.group,
      unit: c.unit,
      issuer: c.scope.issuer,
      personName: c.person?.fullName ?? null,
      isHead: c.person?.isHead ?? false,
    };
    const { self } = await scoresOf(tx, ctx, row, now);
    const registration = c.participant.registration as { registeredPoints?: Record<string, number> } | null;
    const body = await selfScoringSheet({
      data: c.scope.data,
      group: c.group,
      unitName: c.unit.name.toLocaleUpperCase("vi"),
      unitParent: c.scope.issuer.name.toLocaleUpperCase("vi"),
      registeredPoints: registration?.registeredPoints,
      selfCriteria: self.criteria,
      now,
    });
    const file = await storeFile(tx, store, actor, {
      unitId: c.unit.id,
      name: `bang-tu-cham-diem-${c.unit.code.toLowerCase()}.docx`,
      data: body,
      maxBytes: opts.maxBytes,
    });
    await putItem(tx, id, component.id, file.id, true, now);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_generate",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Lập tự động "${component.name}" cho hồ sơ đề nghị của ${c.name} (tổng tự chấm ${self.total ?? "—"} điểm)`,
      after: { componentId: component.id, fileId: file.id },
    });
  });
  return getNomination(db, actor, id, now);
}

// ---- Lodging, returning, appraising -----------------------------------------------------------------------

/**
 * Lodges the dossier with the office. An incomplete dossier is refused, naming what is missing. A dossier lodged
 * after the deadline is received and marked late: the office keeps the record of when it arrived, and the plan's
 * rule ("late dossiers are not considered") makes it ineligible, with that reason, rather than it vanishing.
 */
export async function submitNomination(db: Db, actor: Actor, id: number, version: number, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    if (!EDITABLE.has(c.n.status))
      throw conflict(
        "ALREADY_SUBMITTED",
        c.n.status === "submitted" ? "Hồ sơ đã được nộp, đang chờ thẩm định." : "Hồ sơ đã được thẩm định; không nộp lại được.",
      );
    assertLaunched(c.scope.plan);
    if (c.n.version !== version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const state = dossierState(c.scope.data, c.n, (await dossierItemsOf(tx, [id])).get(id) ?? [], now);
    if (!state.complete)
      throw badRequest(
        "DOSSIER_INCOMPLETE",
        `Hồ sơ của ${c.name} chưa đủ, còn thiếu: ${state.missing.join("; ")}.`,
        state.components.filter((x) => x.required && !x.file).map((x) => ({ path: `dossier.${x.id}`, message: `Thiếu "${x.name}".` })),
      );
    const late = state.due !== null && isLate(state.due, now);
    const [next] = await tx
      .update(nominations)
      .set({ status: "submitted", submittedAt: now, updatedAt: now, version: version + 1 })
      .where(and(eq(nominations.id, id), eq(nominations.version, version)))
      .returning();
    if (!next) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    await writeAudit(tx, actor, {
      action: c.n.status === "returned" ? "nomination.resubmit" : "nomination.submit",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `${c.n.status === "returned" ? "Nộp lại" : "Nộp"} hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name}${
        late ? ` — trễ hạn (hạn hết ngày ${dmy(state.due as string)})` : ""
      }`,
      after: { submittedAt: now.toISOString(), late },
    });
    await notify(
      tx,
      actor,
      await holdersOf(tx, ["office"], c.scope.issuer.path),
      {
        kind: "nomination",
        title: `Hồ sơ đề nghị khen thưởng mới: ${c.name}`,
        body: `${c.name} ${c.n.status === "returned" ? "nộp lại" : "nộp"} hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" (phong trào "${c.scope.plan.title}")${
          late ? `, sau hạn ${dmy(state.due as string)}` : ""
        }.`,
        link: officeLink(c.scope.plan.id),
      },
      now,
    );
  });
  return getNomination(db, actor, id, now);
}

/** The office returns a lodged dossier with its reasons, before the deadline, so the unit can complete it and lodge it again. */
export async function returnNomination(db: Db, actor: Actor, id: number, input: { version: number; reason: string }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    if (c.n.status !== "submitted") throw conflict("NOT_SUBMITTED", "Chỉ trả lại hồ sơ đã nộp và đang chờ thẩm định.");
    const due = c.scope.data.milestones.find((m) => m.kind === "dossier" && m.due)?.due ?? null;
    if (due && isLate(due, now))
      throw conflict(
        "DEADLINE_PASSED",
        `Đã hết hạn nộp hồ sơ (hết ngày ${dmy(due)}) nên không trả lại để bổ sung được nữa; hãy ghi ý kiến thẩm định cho hồ sơ này.`,
      );
    if (c.n.version !== input.version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const [next] = await tx
      .update(nominations)
      .set({ status: "returned", returnedReason: input.reason, updatedAt: now, version: input.version + 1 })
      .where(and(eq(nominations.id, id), eq(nominations.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    await writeAudit(tx, actor, {
      action: "nomination.return",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Trả lại hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name} để bổ sung: ${input.reason}`,
      after: { reason: input.reason },
    });
    await notify(
      tx,
      actor,
      await proposingSide(tx, c),
      {
        kind: "nomination",
        title: `Hồ sơ đề nghị khen thưởng bị trả lại: ${c.name}`,
        body: `Cơ quan thường trực trả lại hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name} để bổ sung: ${input.reason}${
          due ? ` Hạn nộp: hết ngày ${dmy(due)}.` : ""
        }`,
        link: unitLink(c.scope.plan.id),
      },
      now,
    );
  });
  return getNomination(db, actor, id, now);
}

/** The office's appraisal opinion on a lodged dossier, and its conclusion (propose for the award, or not). */
export async function recordOpinion(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number; opinion: string; status?: "accepted" | "rejected" },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    if (!LODGED.has(c.n.status)) throw conflict("NOT_SUBMITTED", "Hồ sơ chưa được nộp (hoặc đang được bổ sung) nên chưa thẩm định được.");
    if (c.n.version !== input.version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const status = input.status ?? c.n.status;
    if (status !== c.n.status) {
      const [up] = await tx.select({ id: nominations.id }).from(nominations).where(eq(nominations.forwardedFromId, id));
      if (up) throw conflict("FORWARDED", `Hồ sơ đã được chuyển lên cấp trên (hồ sơ số ${up.id}); không đổi kết luận thẩm định được nữa.`);
    }
    if (status === "accepted") {
      // Only a nominee known to be eligible is proposed: "not enough information to conclude" is not a yes.
      const view = (await judgeNominations(tx, actor, c.scope.plan.id, [id], now)).get(id) as NominationView;
      const block = eligibilityBlock(c.name, view.eligibility);
      if (block) throw conflict(block.code, `Không đề nghị khen thưởng được. ${view.eligibility.summary}.`);
      const prior = await awardsOf(tx, c.scope.plan.id, c.n.awardFormId);
      // Another nomination of the same person or unit (e.g. in another group) already decided; not this one itself.
      const same = prior.find((a) => a.identity === identityOf(c.participant) && a.nominationId !== id);
      if (same) throw conflict("ALREADY_AWARDED", `${c.name} đã có tên trong ${same.decision} tặng "${c.form?.name ?? c.n.awardFormId}" của phong trào này.`);
    }
    const [next] = await tx
      .update(nominations)
      .set({ officeOpinion: input.opinion, status, updatedAt: now, version: input.version + 1 })
      .where(and(eq(nominations.id, id), eq(nominations.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    await writeAudit(tx, actor, {
      action: "nomination.opinion",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Ý kiến thẩm định hồ sơ "${c.form?.name ?? c.n.awardFormId}" của ${c.name}: ${STATUS_LABEL[status] ?? status} — ${input.opinion}`,
      before: { status: c.n.status, opinion: c.n.officeOpinion },
      after: { status, opinion: input.opinion },
    });
    if (status !== c.n.status)
      await notify(
        tx,
        actor,
        await proposingSide(tx, c),
        {
          kind: "nomination",
          title: `Kết quả thẩm định hồ sơ của ${c.name}`,
          body: `Hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name}: ${STATUS_LABEL[status] ?? status}. Ý kiến: ${input.opinion}`,
          link: unitLink(c.scope.plan.id),
        },
        now,
      );
  });
  return getNomination(db, actor, id, now);
}

/**
 * The office records what it found about the facts an eligibility rule reads (e.g. "the disbursement shortfall is
 * for subjective reasons"); they prevail over what the nominee declared. A null removes the office's finding.
 */
export async function recordEligibilityFacts(db: Db, actor: Actor, id: number, input: { version: number; facts: Record<string, Facts[string]> }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    assertLaunched(c.scope.plan);
    if (c.n.version !== input.version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const inputs = appraisableInputs(c.scope.data, c.n.awardFormId, { target: c.group.type, groupId: c.group.id });
    const problems = checkAppraisedFacts(inputs, input.facts);
    if (problems.length)
      throw badRequest(
        "BAD_FACTS",
        problems.map((p) => p.message).join(" "),
        problems.map((p) => ({ path: `facts.${p.key}`, message: p.message })),
      );
    const before = c.n.officeFacts as Facts;
    const next: Facts = { ...before };
    for (const [key, value] of Object.entries(input.facts)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    const [saved] = await tx
      .update(nominations)
      .set({ officeFacts: next, updatedAt: now, version: input.version + 1 })
      .where(and(eq(nominations.id, id), eq(nominations.version, input.version)))
      .returning();
    if (!saved) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const def = (key: string) => inputs.find((i) => i.input.key === key)?.input;
    const changed = Object.entries(input.facts).map(
      ([k, v]) => `${def(k)?.label ?? k}: ${v === null ? "bỏ ghi nhận của cơ quan thường trực" : showValue(v, def(k))}`,
    );
    await writeAudit(tx, actor, {
      action: "nomination.facts",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Ghi nhận dữ kiện xét khen thưởng cho hồ sơ của ${c.name}: ${changed.join("; ")}`,
      before,
      after: next,
    });
  });
  return getNomination(db, actor, id, now);
}

// ---- Quotas and the suggested list -------------------------------------------------------------------------

/**
 * Per quota of an award form: the limit, what the movement's decisions already hold of it (issued and drafts), the
 * suggested list for the places left by rank, priority and the women-first tie rule, and warnings.
 */
export async function suggestions(db: Executor, actor: Actor, planId: number, formId: string, now: Date) {
  const scope = await planScope(db, actor, planId);
  if (!scope.manages) throw forbidden("Chỉ cơ quan thường trực của phong trào được xem danh sách gợi ý khen thưởng.");
  const form = scope.data.awardForms.find((f) => f.id === formId);
  if (!form) throw notFound(`hình thức khen thưởng "${formId}" trong kế hoạch này`);
  const views = await viewsOf(db, actor, scope, await listedRows(db, and(eq(nominations.planId, planId), eq(nominations.awardFormId, form.id))), now);
  const perGroup = await participantsPerGroup(db, planId);
  const awarded = await awardsOf(db, planId, form.id);
  const decidedIds = new Set(awarded.map((a) => a.nominationId));
  const brief = (v: NominationView) => ({
    nominationId: v.id,
    participantId: v.participantId,
    name: v.name,
    groupId: v.groupId,
    status: v.status,
    rank: v.ranking.rank,
    total: v.ranking.total,
    priority: v.eligibility.priority,
  });
  return {
    planId,
    awardFormId: form.id,
    awardFormName: form.name,
    rankingSource: views[0]?.ranking.source ?? (scope.plan.finalisedAt ? "results" : "provisional"),
    quotas: quotaScopes(scope.data, form).map((q) => {
      const { groups } = q;
      const standing = quotaStanding(q, perGroup, awarded);
      const { limit } = standing;
      const inQuota = views.filter((v) => v.target === q.target && groups.includes(v.groupId) && v.status !== "rejected");
      // Those already in a decision hold their place; the suggestion fills the places left.
      const open = inQuota.filter((v) => !decidedIds.has(v.id));
      const byId = new Map(inQuota.map((v) => [v.id, v]));
      const accepted = inQuota.filter((v) => v.status === "accepted").map((v) => v.id);
      const s = suggest(
        open.map((v) => ({
          id: v.id,
          name: v.name,
          eligible: v.eligibility.eligible,
          priority: v.eligibility.priority,
          rank: v.ranking.rank,
          total: v.ranking.total,
          isWoman: v.isWoman ?? undefined,
          womenShare: v.womenShare,
        })),
        standing.remaining,
        accepted.filter((id) => !decidedIds.has(id)),
      );
      const lodged = inQuota.filter((v) => LODGED.has(v.status)).length;
      const warnings = [...s.warnings];
      if (limit !== null && lodged > limit)
        warnings.unshift(`Có ${lodged} hồ sơ ${TARGET_LABEL[q.target]} đề nghị "${form.name}" trong khi chỉ tiêu là ${limit}: cần chọn theo danh sách gợi ý.`);
      if (limit !== null && standing.remaining === 0 && open.some((v) => v.status === "accepted"))
        warnings.push(`Các quyết định của phong trào (kể cả dự thảo) đã dùng hết chỉ tiêu ${limit} ${TARGET_LABEL[q.target]} của "${form.name}".`);
      const decided = awarded.filter((a) => a.target === q.target && groups.includes(a.groupId));
      return {
        target: q.target,
        targetLabel: TARGET_LABEL[q.target],
        groups,
        quota: q.quota,
        source: q.source,
        participants: standing.participants,
        limit,
        /** Recipients of issued decisions, of draft decisions, and the places left (null: no limit). */
        issued: standing.issued,
        drafted: standing.drafted,
        remaining: standing.remaining,
        nominated: inQuota.length,
        lodged,
        accepted: accepted.length,
        decided: decided.map((a) => ({
          nominationId: a.nominationId,
          participantId: a.participantId,
          name: byId.get(a.nominationId)?.name ?? a.name,
          decisionId: a.decisionId,
          decision: a.decision,
          status: a.status,
        })),
        selected: s.selected.map((x) => ({ ...brief(byId.get(x.id) as NominationView), why: x.why })),
        waiting: s.waiting.map((x) => ({ ...brief(byId.get(x.id) as NominationView), why: x.why })),
        excluded: open
          .filter((v) => v.eligibility.eligible === false)
          .map((v) => ({
            ...brief(v),
            why: v.eligibility.summary,
            reasons: v.eligibility.reasons.filter((r) => r.ok === false && r.kind !== "priority").map((r) => r.message),
          })),
        undecided: open.filter((v) => v.eligibility.eligible === null).map((v) => ({ ...brief(v), why: v.eligibility.summary })),
        warnings,
      };
    }),
  };
}

// ---- Cascade -------------------------------------------------------------------------------------------------

/** The nominee's participant in the upper plan: the existing one for the same unit/person, or a new one in a matching group. */
async function upperParticipant(tx: Executor, upper: { plan: PlanRow; issuer: UnitRow; data: Plan }, c: NominationContext) {
  const personId = c.participant.personId;
  const existing = await tx
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.planId, upper.plan.id),
        eq(participants.unitId, c.unit.id),
        personId ? eq(participants.personId, personId) : isNull(participants.personId),
      ),
    );
  const same = existing.find((p) => upper.data.groups.find((g) => g.id === p.groupId)?.type === c.group.type);
  if (same) return { participant: same, created: false };
  const groups = upper.data.groups.filter((g) => g.type === c.group.type);
  const codes = [...new Set(groups.flatMap((g) => g.membership.withinUnitCodes ?? []).map((x) => x.toLowerCase()))];
  const named = codes.length
    ? await tx
        .select({ code: units.code, path: units.path })
        .from(units)
        .where(inArray(sql`lower(${units.code})`, codes))
    : [];
  const pathOfCode = (code: string) => named.find((u) => u.code.toLowerCase() === code.toLowerCase())?.path;
  const inside = isWithin(c.unit.path, upper.issuer.path) && c.unit.id !== upper.issuer.id;
  const group = inside ? groups.find((g) => (c.person ? personInGroup(c.person, c.unit, g, pathOfCode) : unitInGroup(c.unit, g, pathOfCode))) : undefined;
  if (!group)
    throw conflict(
      "NO_MATCHING_GROUP",
      `"${c.name}" không thuộc nhóm đối tượng ${TARGET_LABEL[c.group.type]} nào của kế hoạch "${upper.plan.title}"; cơ quan cấp trên cần bổ sung nhóm đối tượng.`,
    );
  const [created] = await tx.insert(participants).values({ planId: upper.plan.id, groupId: group.id, unitId: c.unit.id, personId }).returning();
  return { participant: created, created: true };
}

/**
 * The lower level's office forwards an accepted nomination for an upper-level award (e.g. a city proposes a ward
 * for the province chairman's Bằng khen) to the upper level's launched plan, carrying its dossier files.
 * The new nomination starts as a draft in the upper plan, so the lower office checks it against the upper
 * checklist and lodges it by the upper deadline.
 */
export async function forwardNomination(db: Db, actor: Actor, id: number, input: { upperPlanId: number; awardFormId?: string }, now: Date) {
  const result = await db
    .transaction(async (tx) => {
      const c = await loadNomination(tx, actor, id, "office");
      if (!c.form?.proposeToUpperLevel)
        throw badRequest(
          "NOT_UPPER_LEVEL_FORM",
          `"${c.form?.name ?? c.n.awardFormId}" do ${c.scope.issuer.name} quyết định, không phải hình thức đề nghị cấp trên khen thưởng.`,
        );
      if (c.n.status !== "accepted")
        throw conflict("NOT_ACCEPTED", "Chỉ chuyển lên cấp trên hồ sơ đã được cơ quan thường trực thẩm định và đề nghị khen thưởng.");
      const [row] = await tx
        .select({ p: plans, u: units })
        .from(plans)
        .innerJoin(units, eq(units.id, plans.issuerUnitId))
        .where(eq(plans.id, input.upperPlanId));
      if (!row) throw notFound(`kế hoạch có mã số ${input.upperPlanId}`);
      const upper = { plan: row.p, issuer: row.u, data: row.p.data as Plan };
      if (!isWithin(c.scope.issuer.path, upper.issuer.path) || upper.issuer.id === c.scope.issuer.id)
        throw badRequest("NOT_UPPER_LEVEL", `Kế hoạch "${upper.plan.title}" do ${upper.issuer.name} ban hành, không phải cấp trên của ${c.scope.issuer.name}.`);
      if (upper.plan.status !== "launched") throw conflict("NOT_LAUNCHED", `Kế hoạch "${upper.plan.title}" của cấp trên chưa phát động (hoặc đã kết thúc).`);
      const target = c.group.type;
      let form: AwardForm | undefined;
      if (input.awardFormId) {
        form = upper.data.awardForms.find((f) => f.id === input.awardFormId);
        if (!form) throw badRequest("NO_AWARD_FORM", `Kế hoạch cấp trên không có hình thức khen thưởng "${input.awardFormId}".`);
      } else {
        const fitting = upper.data.awardForms.filter((f) => fits(f, target));
        form = fitting.find((f) => f.id === c.n.awardFormId) ?? (fitting.length === 1 ? fitting[0] : undefined);
        if (!form)
          throw badRequest(
            "CHOOSE_AWARD_FORM",
            fitting.length
              ? `Kế hoạch cấp trên có ${fitting.length} hình thức khen thưởng cho ${TARGET_LABEL[target]}; hãy chọn một (awardFormId).`
              : `Kế hoạch cấp trên không có hình thức khen thưởng nào cho ${TARGET_LABEL[target]}.`,
          );
      }
      if (!fits(form, target)) throw badRequest("WRONG_TARGET", `"${form.name}" của cấp trên chỉ dành cho ${TARGET_LABEL[form.target as Target]}.`);
      const [already] = await tx.select({ id: nominations.id }).from(nominations).where(eq(nominations.forwardedFromId, id));
      if (already) throw conflict("ALREADY_FORWARDED", `Hồ sơ này đã được chuyển lên cấp trên (hồ sơ số ${already.id}).`);
      const { participant, created } = await upperParticipant(tx, upper, c);
      const [dup] = await tx
        .select({ id: nominations.id })
        .from(nominations)
        .where(and(eq(nominations.planId, upper.plan.id), eq(nominations.awardFormId, form.id), eq(nominations.participantId, participant.id)));
      if (dup) throw conflict("DUPLICATE_NOMINATION", `"${c.name}" đã có hồ sơ đề nghị "${form.name}" ở cấp trên (hồ sơ số ${dup.id}).`);
      const [next] = await tx
        .insert(nominations)
        .values({
          planId: upper.plan.id,
          awardFormId: form.id,
          participantId: participant.id,
          proposedByUnitId: c.scope.issuer.id,
          forwardedFromId: id,
          createdBy: actor.userId || null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const items = (await dossierItemsOf(tx, [id])).get(id) ?? [];
      const { carried, notCarried } = matchComponents(
        c.scope.data.dossier,
        upper.data.dossier,
        items.map((i) => i.componentId),
      );
      for (const m of carried) {
        const item = items.find((i) => i.componentId === m.from) as (typeof items)[number];
        await putItem(tx, next.id, m.to, item.file.id, item.generated, now);
      }
      await writeAudit(tx, actor, {
        action: "nomination.forward",
        entity: "nomination",
        entityId: next.id,
        unitId: c.unit.id,
        summary: `Chuyển hồ sơ đề nghị "${form.name}" của ${c.name} từ "${c.scope.plan.title}" lên "${upper.plan.title}" (${carried.length}/${items.length} thành phần hồ sơ)${
          created ? "; bổ sung vào danh sách đối tượng của cấp trên" : ""
        }`,
        after: { from: id, planId: upper.plan.id, awardFormId: form.id, participantId: participant.id, carried, notCarried },
      });
      return { id: next.id, notCarried };
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? raced() : e;
    });
  return { ...(await getNomination(db, actor, result.id, now)), notCarried: result.notCarried };
}
