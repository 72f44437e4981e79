import { and, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { assessments, files, roleAssignments, units } from "../../db/schema.js";
import { isLate, startOfVietnamDay } from "../../domain/calendar.js";
import { dmy } from "../../domain/format.js";
import { statusLabel } from "../../domain/lifecycle.js";
import { assessmentLifecycle } from "../../domain/lifecycles/assessment.js";
import { type AssessmentRecord, scoreParticipant } from "../../domain/movement/score-participant.js";
import { isWithin } from "../../domain/org.js";
import type { Facts } from "../../domain/plan/conditions.js";
import { leafCriteria } from "../../domain/plan/rule-inputs.js";
import { checkFacts } from "../../domain/plan/scoring.js";
import { badRequest, conflict, forbidden, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { filesOfUnit, presentFile } from "../files/service.js";
import { assertMove, transition } from "../lifecycle/transition.js";
import { loadParticipant, milestoneOf, type ParticipantContext, participantName, successionLines } from "./participants.js";
import { loadRecords } from "./records.js";

type AssessmentRow = typeof assessments.$inferSelect;

/** The criteria scored by a rule of their own. */
export const leaves = leafCriteria;

async function assessmentOf(db: Executor, participantId: number): Promise<AssessmentRow> {
  const [row] = await db.select().from(assessments).where(eq(assessments.participantId, participantId));
  if (row) return row;
  const [created] = await db.insert(assessments).values({ participantId }).onConflictDoNothing().returning();
  return created ?? (await db.select().from(assessments).where(eq(assessments.participantId, participantId)))[0];
}

/**
 * Scores of a participant: as self-assessed, and after appraisal. Its records come from the movement's records
 * loader filtered to it, and are scored by `scoreParticipant` like every ranking row. `assessment` replaces the
 * saved self-assessment (the live preview of an unsaved draft).
 */
export async function scoresOf(db: Executor, ctx: ParticipantContext, row: AssessmentRow, now: Date, assessment?: AssessmentRecord) {
  const id = ctx.participant.id;
  const records = await loadRecords(db, ctx.plan.id, ctx.data, [id]);
  const loaded = records.of(id, ctx.group, now);
  const score = scoreParticipant(
    ctx.group,
    ctx.data.classification,
    { personId: ctx.participant.personId, isHead: ctx.isHead },
    { ...loaded, assessment: assessment ?? { status: row.status, facts: row.facts as Facts, evidence: row.evidence as Record<string, string[]> } },
  );
  return { ...score, appraisals: records.appraisalRows(id) };
}

export async function getAssessment(db: Executor, actor: Actor, participantId: number, now: Date) {
  const ctx = await loadParticipant(db, actor, participantId, "read");
  const row = await assessmentOf(db, participantId);
  const { system, self, final, appraisals: found } = await scoresOf(db, ctx, row, now);
  const ids = Object.values(row.evidence as Record<string, string[]>).flat();
  const evidenceFiles = ids.length ? (await db.select().from(files).where(inArray(files.id, ids))).map(presentFile) : [];
  const window = milestoneOf(ctx.data, "self_assessment");
  return {
    participantId,
    name: participantName(ctx),
    groupId: ctx.group.id,
    status: row.status,
    statusLabel: statusLabel(assessmentLifecycle, row.status),
    version: row.version,
    window: window ? { from: window.from ?? null, due: window.due ?? null, open: windowOpen(window, now) } : null,
    facts: row.facts,
    systemFacts: system,
    evidence: row.evidence,
    evidenceFiles,
    notes: row.notes,
    selfScore: self,
    finalScore: final,
    // Where facts, reports and initiatives taken over from a merged unit come from (the score's explanation cites them).
    succession: successionLines(ctx),
    appraisals: found.map((a) => ({
      criterionId: a.criterionId,
      facts: a.facts,
      points: a.points,
      reason: a.reason,
      explanation: a.explanation,
      explainedAt: a.explainedAt?.toISOString() ?? null,
    })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/**
 * The self score an unsaved draft would get once saved: the same loader and `scoreParticipant` as the saved
 * assessment (head-only criteria for heads only, the system's facts over the draft's, evidence as attached).
 */
export async function previewAssessment(
  db: Executor,
  actor: Actor,
  participantId: number,
  input: { facts: Facts; evidence: Record<string, string[]> },
  now: Date,
) {
  const ctx = await loadParticipant(db, actor, participantId, "read");
  const row = await assessmentOf(db, participantId);
  const { self } = await scoresOf(db, ctx, row, now, { status: row.status, facts: input.facts, evidence: input.evidence });
  return { ...self, factIssues: checkFacts(ctx.group.criteria, input.facts) };
}

/** The self-assessment window is open from the start of its first day to the end of its last, in Vietnam. */
function windowOpen(w: { from?: string; due?: string }, now: Date): boolean {
  if (w.from && now.getTime() < startOfVietnamDay(w.from).getTime()) return false;
  return !w.due || !isLate(w.due, now);
}

export interface AssessmentInput {
  version: number;
  facts: Facts;
  evidence: Record<string, string[]>;
  notes: Record<string, string>;
}

/** Saves the participant's facts, evidence files and notes while the self-assessment is a draft and the window is open. */
export async function saveAssessment(db: Db, actor: Actor, participantId: number, input: AssessmentInput, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    const row = await assessmentOf(tx, participantId);
    assertMove(assessmentLifecycle, "save", row.status);
    const window = milestoneOf(ctx.data, "self_assessment");
    if (window && !windowOpen(window, now)) {
      throw conflict(
        "WINDOW_CLOSED",
        `Chỉ tự chấm điểm trong thời gian từ ${window.from ? dmy(window.from) : "…"} đến hết ngày ${window.due ? dmy(window.due) : "…"}.`,
      );
    }
    if (row.version !== input.version) throw versionConflict(`Bản tự chấm của ${participantName(ctx)}`);
    const known = new Map(leaves(ctx.group.criteria).map((c) => [c.id, c]));
    for (const id of [...Object.keys(input.evidence), ...Object.keys(input.notes)]) {
      if (!known.has(id)) throw badRequest("NO_CRITERION", `Không có tiêu chí "${id}" trong nhóm này.`);
    }
    await filesOfUnit(tx, Object.values(input.evidence).flat(), ctx.unit.id);
    const system = new Set((await loadRecords(tx, ctx.plan.id, ctx.data, [participantId])).systemFacts(participantId, ctx.group, now).map((s) => s.key));
    // Facts the system knows are not the participant's to change; only the appraiser may correct them.
    const facts = Object.fromEntries(Object.entries(input.facts).filter(([k]) => !system.has(k)));
    const issues = checkFacts(ctx.group.criteria, facts);
    if (issues.length)
      throw badRequest(
        "BAD_FACTS",
        issues[0].message,
        issues.map((i) => ({ path: `facts.${i.input}`, message: i.message })),
      );
    const [next] = await tx
      .update(assessments)
      .set({ facts, evidence: input.evidence, notes: input.notes, updatedAt: now, version: row.version + 1 })
      .where(and(eq(assessments.id, row.id), eq(assessments.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Bản tự chấm của ${participantName(ctx)}`);
    await writeAudit(tx, actor, {
      action: "movement.save_assessment",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `Lưu bản tự chấm điểm của ${participantName(ctx)}`,
      before: { facts: row.facts, notes: row.notes },
      after: { facts, notes: input.notes },
    });
    return getAssessment(tx, actor, participantId, now);
  });
}

/** Submits the self-assessment: complete facts, and evidence or a note for every scored criterion. */
export async function submitAssessment(db: Db, actor: Actor, participantId: number, version: number, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    const row = await assessmentOf(tx, participantId);
    assertMove(assessmentLifecycle, "submit", row.status);
    const { self } = await scoresOf(tx, ctx, row, now);
    const problems: { path: string; criterionId: string; message: string }[] = [];
    const walk = (rs: typeof self.criteria) => {
      for (const r of rs) {
        if (r.children?.length) walk(r.children);
        else if (r.missing.length)
          problems.push({ path: `facts.${r.missing[0]}`, criterionId: r.id, message: `Tiêu chí ${r.code ?? ""} "${r.title}": chưa nhập đủ dữ kiện.` });
      }
    };
    walk(self.criteria);
    const evidence = row.evidence as Record<string, string[]>;
    const notes = row.notes as Record<string, string>;
    for (const c of leaves(ctx.group.criteria)) {
      if (c.max === undefined) continue;
      if (!(evidence[c.id]?.length || notes[c.id]?.trim())) {
        problems.push({
          path: `notes.${c.id}`,
          criterionId: c.id,
          message: `Tiêu chí ${c.code ?? ""} "${c.title}": cần tài liệu minh chứng hoặc ghi giải trình lý do tự chấm điểm.`,
        });
      }
    }
    await transition(tx, actor, {
      lifecycle: assessmentLifecycle,
      move: "submit",
      table: assessments,
      row,
      version,
      what: `Bản tự chấm của ${participantName(ctx)}`,
      now,
      guard: () => {
        if (problems.length)
          throw badRequest("ASSESSMENT_INCOMPLETE", `Chưa gửi được: ${problems.length} tiêu chí còn thiếu. ${problems[0].message}`, problems);
      },
      set: () => ({ submittedAt: now, submittedBy: actor.userId || null }),
      // The audit log follows the participant (an assessment is one per participant).
      audit: () => ({
        action: "movement.submit_assessment",
        entityId: participantId,
        unitId: ctx.unit.id,
        summary: `Gửi bản tự chấm điểm của ${participantName(ctx)}: ${self.total ?? "—"} điểm`,
      }),
    });
    return getAssessment(tx, actor, participantId, now);
  });
}

/** The head of the participant's unit confirms the submitted self-assessment; it is then locked. */
export async function confirmAssessment(db: Db, actor: Actor, participantId: number, version: number, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    const heads = await tx
      .select({ path: units.path })
      .from(roleAssignments)
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(and(eq(roleAssignments.userId, actor.userId), eq(roleAssignments.role, "head")));
    if (!heads.some((h) => isWithin(ctx.unit.path, h.path))) throw forbidden("Chỉ thủ trưởng đơn vị được xác nhận bản tự chấm điểm.");
    const row = await assessmentOf(tx, participantId);
    await transition(tx, actor, {
      lifecycle: assessmentLifecycle,
      move: "confirm",
      table: assessments,
      row,
      version,
      what: `Bản tự chấm của ${participantName(ctx)}`,
      now,
      set: () => ({ confirmedAt: now, confirmedBy: actor.userId }),
      audit: () => ({
        action: "movement.confirm_assessment",
        entityId: participantId,
        unitId: ctx.unit.id,
        summary: `Thủ trưởng xác nhận bản tự chấm điểm của ${participantName(ctx)}`,
      }),
    });
    return getAssessment(tx, actor, participantId, now);
  });
}
