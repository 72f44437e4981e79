import { and, desc, eq, inArray, like } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { participants, planRevisions, plans, units, users } from "../../db/schema.js";
import { can, mayReadPlan } from "../../domain/access.js";
import { isLate, vietnamDate } from "../../domain/calendar.js";
import { dmy } from "../../domain/format.js";
import { statusLabel } from "../../domain/lifecycle.js";
import { planLifecycle } from "../../domain/lifecycles/plan.js";
import { isWithin } from "../../domain/org.js";
import type { Facts } from "../../domain/plan/conditions.js";
import { describeChanges, describePath, diffPlans } from "../../domain/plan/diff.js";
import { unitInGroup } from "../../domain/plan/membership.js";
import { planForYear } from "../../domain/plan/next-year.js";
import { type Plan, planSchema } from "../../domain/plan/schema.js";
import { checkFacts, scoreCriteria } from "../../domain/plan/scoring.js";
import { planWarnings, validatePlan } from "../../domain/plan/validate.js";
import { badRequest, conflict, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { transition } from "../lifecycle/transition.js";
import { assertCan, assertPlanReadable } from "../scope.js";
import { findUnit, type UnitRow } from "../units/service.js";
import { loadTemplate } from "./templates.js";

type PlanRow = typeof plans.$inferSelect;

function summary(p: PlanRow, issuerName: string) {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    year: p.year,
    status: p.status,
    statusLabel: statusLabel(planLifecycle, p.status),
    revision: p.revision,
    issuerUnitId: p.issuerUnitId,
    issuerName,
    parentPlanId: p.parentPlanId,
    predecessorPlanId: p.predecessorPlanId,
    launchedAt: p.launchedAt?.toISOString() ?? null,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function present(p: PlanRow, issuer: UnitRow, actor: Actor) {
  const data = p.data as Plan;
  const writer = can(actor.grants, "plans.write", issuer.path);
  const edit = writer && p.status === "draft";
  const amend = writer && p.status === "launched";
  // What the caller may do with this plan, decided here with the access policy so the browser never re-derives it.
  const allowed = { edit, amend, manageMovement: can(actor.grants, "movement.manage", issuer.path) };
  // A plan reissued for another year keeps last year's legal bases as written: listed until it is launched, to review.
  const legalBasesToReview = p.predecessorPlanId && p.status === "draft" ? data.legalBases.map((b) => b.text) : [];
  return {
    ...summary(p, issuer.name),
    data,
    issues: validatePlan(data),
    warnings: planWarnings(data),
    legalBasesToReview,
    canEdit: edit,
    canAmend: amend,
    can: allowed,
  };
}

async function findPlan(db: Executor, actor: Actor, id: number) {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, id));
  if (!row) throw notFound(`kế hoạch có mã số ${id}`);
  assertPlanReadable(actor, row.u.path, id);
  return row;
}

const write = (actor: Actor, issuer: UnitRow) =>
  assertCan(actor, "plans.write", issuer.path, `Bạn không có quyền soạn, sửa hay phát động kế hoạch của "${issuer.name}".`);

export async function listPlans(db: Executor, actor: Actor) {
  assertCan(actor, "plans.read");
  const rows = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).orderBy(desc(plans.year), plans.title);
  return rows.filter((r) => mayReadPlan(actor.grants, r.u.path)).map((r) => summary(r.p, r.u.name));
}

export async function getPlan(db: Executor, actor: Actor, id: number) {
  const { p, u } = await findPlan(db, actor, id);
  return present(p, u, actor);
}

const levelOf = (kind: string): Plan["issuer"]["level"] =>
  kind === "province" ? "province" : kind === "district" ? "district" : kind === "commune" || kind === "ward" || kind === "special_zone" ? "commune" : "unit";

function blankPlan(unit: UnitRow, year: number): Plan {
  return planSchema.parse({
    code: `ke-hoach-${year}-${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 64),
    issuer: { name: unit.name.toUpperCase(), unitCode: unit.code, level: levelOf(unit.kind) },
    title: `Phát động phong trào thi đua cải cách hành chính năm ${year}`,
    year,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    groups: [{ id: "tap-the", name: "Tập thể", type: "collective" }],
  });
}

async function uniqueCode(db: Executor, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ code: plans.code })
        .from(plans)
        .where(like(plans.code, `${base}%`))
    ).map((r) => r.code),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`.slice(0, 64))) return `${base}-${i}`.slice(0, 64);
}

export interface CreatePlanInput {
  issuerUnitId: number;
  template?: string;
  data?: unknown;
  parentPlanId?: number;
  /** Last year's plan to reissue for `year` (dates moved, texts updated, linked for comparison). */
  previousPlanId?: number;
  year?: number;
}

/** Creates a draft: blank, from a template, from imported data, or from a parent plan (cascade). */
export async function createPlan(db: Db, actor: Actor, input: CreatePlanInput) {
  const issuer = await findUnit(db, input.issuerUnitId);
  write(actor, issuer);
  let data: Plan;
  let parent: PlanRow | null = null;
  let previous: PlanRow | null = null;
  if (input.parentPlanId && input.previousPlanId)
    throw badRequest("PLAN_SOURCE", "Chỉ chọn một nguồn: kế hoạch cấp trên hoặc kế hoạch năm trước, không cả hai.");
  if (input.parentPlanId) {
    const row = await findPlan(db, actor, input.parentPlanId);
    parent = row.p;
    if (parent.status !== "launched") throw badRequest("PARENT_NOT_LAUNCHED", "Chỉ xây dựng kế hoạch cấp dưới từ kế hoạch cấp trên đã phát động.");
    if (!isWithin(issuer.path, row.u.path) || issuer.id === row.u.id)
      throw badRequest("NOT_SUBORDINATE", `"${issuer.name}" không trực thuộc "${row.u.name}" nên không xây dựng kế hoạch từ kế hoạch này.`);
    const p = parent.data as Plan;
    data = {
      ...p,
      code: `${p.code}-${issuer.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 64),
      issuer: { parent: row.u.name.toUpperCase(), name: issuer.name.toUpperCase(), unitCode: issuer.code, level: levelOf(issuer.kind) },
      number: undefined,
      issuedOn: undefined,
      place: undefined,
      signer: undefined,
      parentPlan: {
        code: p.code,
        reference: `Kế hoạch số ${p.number ?? "…"}/${p.symbol} ${p.issuedOn ? `ngày ${dmy(p.issuedOn)} ` : ""}của ${p.issuer.name.charAt(0)}${p.issuer.name.slice(1).toLowerCase()}`,
      },
      legalBases: [{ text: `Căn cứ Kế hoạch số ${p.number ?? "…"}/${p.symbol} về ${p.title.charAt(0).toLowerCase()}${p.title.slice(1)}` }],
      groups: p.groups.map((g) => ({ ...g, membership: { ...g.membership, withinUnitCodes: g.membership.withinUnitCodes ? [issuer.code] : undefined } })),
    };
  } else if (input.previousPlanId) {
    const row = await findPlan(db, actor, input.previousPlanId);
    previous = row.p;
    data = row.p.data as Plan;
  } else if (input.template) {
    data = { ...loadTemplate(input.template) };
  } else if (input.data !== undefined) {
    const parsed = planSchema.safeParse(input.data);
    if (!parsed.success)
      throw badRequest(
        "PLAN_SHAPE",
        `Dữ liệu kế hoạch chưa đúng cấu trúc: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
        parsed.error.issues,
      );
    data = parsed.data;
  } else {
    data = blankPlan(issuer, input.year ?? Number(vietnamDate(new Date()).slice(0, 4)));
  }
  // From a template or last year's plan, a chosen year reissues it: every date moves by whole years.
  if ((input.template || previous) && input.year !== undefined && input.year !== data.year) data = planForYear(data, input.year).plan;
  else if (previous) throw badRequest("PLAN_YEAR", `Hãy chọn năm của kế hoạch mới (khác năm ${data.year} của kế hoạch cũ).`);
  return db.transaction(async (tx) => {
    data = { ...data, code: await uniqueCode(tx, data.code) };
    const [row] = await tx
      .insert(plans)
      .values({
        code: data.code,
        title: data.title,
        year: data.year,
        issuerUnitId: issuer.id,
        parentPlanId: parent?.id ?? null,
        predecessorPlanId: previous?.id ?? null,
        data,
        createdBy: actor.userId || null,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "plan.create",
      entity: "plan",
      entityId: row.id,
      unitId: issuer.id,
      summary: `Tạo dự thảo kế hoạch "${data.title}" của ${issuer.name}${input.template ? ` từ mẫu ${input.template}` : parent ? " từ kế hoạch cấp trên" : previous ? ` từ kế hoạch năm ${previous.year} "${previous.title}"` : ""}${(input.template || previous) && input.year ? ` cho năm ${data.year}` : ""}`,
    });
    return present(row, issuer, actor);
  });
}

function parseShape(data: unknown): Plan {
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join("."),
      message: `${i.path.length ? describePath(data, i.path) : "Kế hoạch"}: ${i.message}`,
    }));
    throw badRequest("PLAN_SHAPE", `Dữ liệu kế hoạch chưa đúng cấu trúc: ${issues[0]?.message}`, issues);
  }
  return parsed.data;
}

/** Saves a draft; semantic issues are returned, not refused, so a clerk can work step by step. */
export async function saveDraft(db: Db, actor: Actor, id: number, input: { version: number; data: unknown }) {
  return db.transaction(async (tx) => {
    const { p, u } = await findPlan(tx, actor, id);
    write(actor, u);
    const data = parseShape(input.data);
    // Other issues may wait for launch, but an expression that cannot be evaluated would silently score 0 meanwhile.
    const broken = validatePlan(data).filter((i) => i.kind === "expression");
    if (broken.length) throw badRequest("PLAN_EXPRESSION", broken[0].message, broken);
    if (p.status !== "draft")
      throw conflict("PLAN_FROZEN", "Kế hoạch đã phát động nên các quy tắc đã cố định. Hãy tạo bản sửa đổi (có ghi lý do) thay vì sửa trực tiếp.");
    if (p.version !== input.version) throw versionConflict(`Kế hoạch "${p.title}"`);
    if (data.code !== p.code) {
      const [other] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.code, data.code));
      if (other) throw conflict("DUPLICATE_CODE", `Mã kế hoạch "${data.code}" đã được dùng cho kế hoạch khác.`);
    }
    const [next] = await tx
      .update(plans)
      .set({ data, code: data.code, title: data.title, year: data.year, updatedAt: new Date(), version: p.version + 1 })
      .where(and(eq(plans.id, id), eq(plans.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Kế hoạch "${p.title}"`);
    const changes = describeChanges(diffPlans(p.data as Plan, data));
    await writeAudit(tx, actor, {
      action: "plan.save",
      entity: "plan",
      entityId: id,
      unitId: u.id,
      summary: `Lưu dự thảo kế hoạch "${data.title}" (${changes.length} thay đổi)`,
      after: { changes: changes.slice(0, 200) },
    });
    return present(next, u, actor);
  });
}

export async function launchPlan(db: Db, actor: Actor, id: number, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { p, u } = await findPlan(tx, actor, id);
    write(actor, u);
    const now = new Date();
    const next = await transition(tx, actor, {
      lifecycle: planLifecycle,
      move: "launch",
      table: plans,
      row: p,
      version: input.version,
      what: `Kế hoạch "${p.title}"`,
      now,
      // The shape is re-checked at launch too: a draft saved before a rule tightened (e.g. 30 February) must not launch.
      guard: () => {
        const issues = validatePlan(parseShape(p.data));
        if (issues.length) throw badRequest("PLAN_INVALID", `Kế hoạch còn ${issues.length} lỗi cần sửa trước khi phát động: ${issues[0].message}`, issues);
      },
      set: () => ({ launchedAt: now }),
      audit: () => ({ action: "plan.launch", unitId: u.id, summary: `Phát động kế hoạch "${p.title}"` }),
    });
    await tx.insert(planRevisions).values({ planId: id, revision: 1, data: p.data, diff: [], note: "Phát động", createdBy: actor.userId || null });
    return present(next, u, actor);
  });
}

/** Amends a launched plan: a new frozen revision, with its readable diff in the audit log. */
export async function amendPlan(db: Db, actor: Actor, id: number, input: { version: number; data: unknown; note: string }) {
  return db.transaction(async (tx) => {
    const { p, u } = await findPlan(tx, actor, id);
    write(actor, u);
    const data = parseShape(input.data);
    if (p.status !== "launched") throw conflict("NOT_LAUNCHED", "Chỉ sửa đổi kế hoạch đã phát động; dự thảo thì lưu trực tiếp.");
    if (p.version !== input.version) throw versionConflict(`Kế hoạch "${p.title}"`);
    if (data.code !== p.code) throw badRequest("CODE_FIXED", "Không đổi mã của kế hoạch đã phát động.");
    const issues = validatePlan(data);
    if (issues.length) throw badRequest("PLAN_INVALID", `Bản sửa đổi còn ${issues.length} lỗi: ${issues[0].message}`, issues);
    const changes = diffPlans(p.data as Plan, data);
    if (changes.length === 0) throw badRequest("NO_CHANGES", "Bản sửa đổi không có thay đổi nào so với bản đang áp dụng.");
    const revision = p.revision + 1;
    const [next] = await tx
      .update(plans)
      .set({ data, title: data.title, year: data.year, revision, updatedAt: new Date(), version: p.version + 1 })
      .where(and(eq(plans.id, id), eq(plans.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Kế hoạch "${p.title}"`);
    const lines = describeChanges(changes);
    await tx.insert(planRevisions).values({ planId: id, revision, data, diff: changes, note: input.note, createdBy: actor.userId || null });
    await writeAudit(tx, actor, {
      action: "plan.amend",
      entity: "plan",
      entityId: id,
      unitId: u.id,
      summary: `Sửa đổi kế hoạch "${p.title}" (lần ${revision - 1}): ${input.note}`,
      before: { revision: p.revision },
      after: { revision, changes: lines },
    });
    return present(next, u, actor);
  });
}

export async function planRevisionsOf(db: Executor, actor: Actor, id: number) {
  await findPlan(db, actor, id);
  const rows = await db
    .select({ r: planRevisions, by: users.fullName })
    .from(planRevisions)
    .leftJoin(users, eq(users.id, planRevisions.createdBy))
    .where(eq(planRevisions.planId, id))
    .orderBy(desc(planRevisions.revision));
  return rows.map(({ r, by }) => ({
    revision: r.revision,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    createdBy: by ?? null,
    changes: describeChanges(r.diff as ReturnType<typeof diffPlans>),
  }));
}

/** Scores facts against a group of the plan (or of unsaved plan data), for the editor's "try it" panel. */
export async function tryPlan(
  db: Executor,
  actor: Actor,
  id: number,
  input: { data?: unknown; groupId: string; facts: Facts; isHead?: boolean; evidence?: Record<string, boolean> },
) {
  const { p } = await findPlan(db, actor, id);
  const plan = input.data === undefined ? (p.data as Plan) : parseShape(input.data);
  const group = plan.groups.find((g) => g.id === input.groupId);
  if (!group) throw badRequest("NO_GROUP", `Kế hoạch không có nhóm đối tượng "${input.groupId}".`);
  const issues = checkFacts(group.criteria, input.facts);
  return { ...scoreCriteria(group.criteria, input.facts, { isHead: input.isHead, evidence: input.evidence }, plan.classification), factIssues: issues };
}

/** Which subordinate units have issued their own plan from this one, when, and who is late. */
export async function cascadeStatus(db: Executor, actor: Actor, id: number, now = new Date()) {
  const { p, u } = await findPlan(db, actor, id);
  const plan = p.data as Plan;
  const subtree = await db
    .select()
    .from(units)
    .where(and(like(units.path, `${u.path}%`), eq(units.active, true)));
  const pathOfCode = (code: string) =>
    subtree.find((x) => x.code.toLowerCase() === code.toLowerCase())?.path ?? (code.toLowerCase() === u.code.toLowerCase() ? u.path : undefined);
  const members = subtree.filter((x) => x.id !== u.id && plan.groups.some((g) => g.type === "collective" && unitInGroup(x, g, pathOfCode)));
  const children = members.length
    ? await db
        .select()
        .from(plans)
        .where(
          and(
            eq(plans.parentPlanId, id),
            inArray(
              plans.issuerUnitId,
              members.map((m) => m.id),
            ),
          ),
        )
    : [];
  const due = plan.milestones.find((m) => m.kind === "subordinate_plans")?.due ?? null;
  const items = members.map((m) => {
    const child = children.find((c) => c.issuerUnitId === m.id);
    const issuedAt = child?.launchedAt ?? null;
    let state: "on_time" | "late" | "overdue" | "pending" | "draft";
    if (issuedAt) state = due && isLate(due, issuedAt) ? "late" : "on_time";
    else if (due && isLate(due, now)) state = "overdue";
    else state = child ? "draft" : "pending";
    return {
      unitId: m.id,
      unitCode: m.code,
      unitName: m.name,
      planId: child?.id ?? null,
      planStatus: child?.status ?? null,
      issuedAt: issuedAt?.toISOString() ?? null,
      state,
    };
  });
  const count = (s: string) => items.filter((i) => i.state === s).length;
  return { due, total: items.length, issued: count("on_time") + count("late"), late: count("late"), overdue: count("overdue"), items };
}

export function planData(row: { data: unknown }): Plan {
  return row.data as Plan;
}

export async function planForExport(db: Executor, actor: Actor, id: number): Promise<Plan> {
  const { p } = await findPlan(db, actor, id);
  return p.data as Plan;
}

/** Issues of unsaved plan data: its shape first, then the plan rules (nothing is saved). */
export function checkPlanData(data: unknown): { ok: boolean; issues: { path: string; message: string }[]; warnings: { path: string; message: string }[] } {
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: `${i.path.length ? describePath(data, i.path) : "Kế hoạch"}: ${i.message}` })),
      warnings: [],
    };
  }
  const issues = validatePlan(parsed.data);
  return { ok: issues.length === 0, issues, warnings: planWarnings(parsed.data) };
}

/** Deletes an abandoned draft (never a launched plan, nor one that subordinate plans were made from). */
export async function deleteDraft(db: Db, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const { p, u } = await findPlan(tx, actor, id);
    write(actor, u);
    if (p.status !== "draft") throw conflict("NOT_DRAFT", "Chỉ xóa được dự thảo; kế hoạch đã phát động được lưu giữ.");
    if (p.version !== version) throw versionConflict(`Kế hoạch "${p.title}"`);
    const [child] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.parentPlanId, id));
    const [participant] = await tx.select({ id: participants.id }).from(participants).where(eq(participants.planId, id));
    if (child || participant) throw conflict("IN_USE", "Dự thảo này đã được dùng (có kế hoạch cấp dưới hoặc đối tượng thi đua) nên không xóa được.");
    await tx.delete(plans).where(eq(plans.id, id));
    await writeAudit(tx, actor, {
      action: "plan.delete",
      entity: "plan",
      entityId: id,
      unitId: u.id,
      summary: `Xóa dự thảo kế hoạch "${p.title}"`,
      before: { code: p.code, title: p.title },
    });
  });
}
