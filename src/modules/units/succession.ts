// When a unit is merged into another mid-movement, its movements go with it (see src/domain/movement/succession.ts):
// run inside the merge's transaction, so the merge and the carry-over happen together or not at all.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  appraisalAssignments,
  appraisals,
  assessments,
  complaints,
  decisionRecipients,
  initiatives,
  nominations,
  participants,
  plans,
  reportSubmissions,
  results,
  type units,
} from "../../db/schema.js";
import { vietnamDate } from "../../domain/calendar.js";
import { joinEvidence, joinFacts, joinNotes, type SuccessionNote, successionText } from "../../domain/movement/succession.js";
import type { Facts } from "../../domain/plan/conditions.js";
import { conflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { type AuditInput, writeAudit } from "../audit/write-audit.js";

type UnitRow = typeof units.$inferSelect;
type ParticipantRow = typeof participants.$inferSelect;

/** Carries `source`'s running movements over to `target`; returns how many participants and plans moved. */
export async function carryOverMovements(tx: Executor, actor: Actor, source: UnitRow, target: UnitRow, now: Date) {
  const audit: AuditInput[] = [];
  // Plans the merged unit issued continue under its successor's office; history (closed plans) stays as issued.
  const issued = await tx
    .update(plans)
    .set({ issuerUnitId: target.id, updatedAt: now })
    .where(and(eq(plans.issuerUnitId, source.id), eq(plans.status, "launched")))
    .returning({ id: plans.id, title: plans.title });
  for (const p of issued)
    audit.push({
      action: "plan.issuer_succession",
      entity: "plan",
      entityId: p.id,
      unitId: target.id,
      summary: `Phong trào "${p.title}" do "${target.name}" tiếp tục chỉ đạo (tiếp nhận từ "${source.name}" sau sáp nhập)`,
      before: { issuerUnitId: source.id },
      after: { issuerUnitId: target.id },
    });

  const mine = await tx
    .select({ pt: participants })
    .from(participants)
    .innerJoin(plans, eq(plans.id, participants.planId))
    .where(and(eq(participants.unitId, source.id), eq(plans.status, "launched")));
  const on = vietnamDate(now);
  for (const { pt: old } of mine) {
    const [heir] = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.planId, old.planId), eq(participants.groupId, old.groupId), eq(participants.unitId, target.id)))
      .then((rows) => rows.filter((r) => (r.personId ?? 0) === (old.personId ?? 0)));
    const note: SuccessionNote = {
      fromUnitId: source.id,
      fromUnitName: source.name,
      fromParticipantId: heir ? old.id : null,
      on,
      reports: 0,
      initiatives: 0,
      nominations: 0,
      facts: 0,
      conflicts: [],
      otherReports: [],
      otherAppraisals: [],
    };
    if (!heir) {
      // The successor does not take part in this group: the participant itself passes over, with everything on it.
      note.reports = (await tx.select({ id: reportSubmissions.id }).from(reportSubmissions).where(eq(reportSubmissions.participantId, old.id))).length;
      note.initiatives = (await tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.participantId, old.id))).length;
      note.nominations = (await tx.select({ id: nominations.id }).from(nominations).where(eq(nominations.participantId, old.id))).length;
      const [a] = await tx.select({ facts: assessments.facts }).from(assessments).where(eq(assessments.participantId, old.id));
      note.facts = a ? Object.keys(a.facts as Facts).length : 0;
      const succession = [...(old.succession ?? []), note];
      await tx
        .update(participants)
        .set({ unitId: target.id, succession, updatedAt: now, version: old.version + 1 })
        .where(eq(participants.id, old.id));
      audit.push(participantAudit(old.id, old.planId, target, successionText(note), { unitId: source.id }, { unitId: target.id, succession }));
      continue;
    }
    await foldInto(tx, old, heir, note, source, now);
    const succession = [...(heir.succession ?? []), ...(old.succession ?? []), note];
    await tx
      .update(participants)
      .set({ succession, updatedAt: now, version: heir.version + 1 })
      .where(eq(participants.id, heir.id));
    audit.push(participantAudit(heir.id, heir.planId, target, successionText(note), { succession: heir.succession }, { succession, foldedParticipant: old }));
  }
  // Proposals the merged unit made in a running movement are now its successor's.
  const running = await tx.select({ id: plans.id }).from(plans).where(eq(plans.status, "launched"));
  const runningIds = running.map((p) => p.id);
  if (runningIds.length)
    await tx
      .update(nominations)
      .set({ proposedByUnitId: target.id, updatedAt: now })
      .where(and(eq(nominations.proposedByUnitId, source.id), inArray(nominations.planId, runningIds)));
  // Complaints about the merged unit in a running movement now weigh on the successor, as its records do.
  if (runningIds.length)
    await tx
      .update(complaints)
      .set({ unitId: target.id, updatedAt: now })
      .where(and(eq(complaints.unitId, source.id), inArray(complaints.planId, runningIds)));
  await writeAudit(tx, actor, audit);
  return { plans: issued.length, participants: mine.length };
}

function participantAudit(id: number, planId: number, target: UnitRow, summary: string, before: unknown, after: unknown): AuditInput {
  return {
    action: "participant.succession",
    entity: "participant",
    entityId: id,
    unitId: target.id,
    summary: `${summary} (phong trào ${planId})`,
    before,
    after,
  };
}

/** Moves every record of `old` onto `heir` (both in the same plan and group), then removes the emptied `old`. */
async function foldInto(tx: Executor, old: ParticipantRow, heir: ParticipantRow, note: SuccessionNote, source: UnitRow, now: Date) {
  // Two proposals for the same award form cannot both stand: the office withdraws one before the merge.
  const oldNoms = await tx.select().from(nominations).where(eq(nominations.participantId, old.id));
  const heirNoms = await tx.select({ awardFormId: nominations.awardFormId }).from(nominations).where(eq(nominations.participantId, heir.id));
  const clash = oldNoms.find((n) => heirNoms.some((h) => h.awardFormId === n.awardFormId));
  if (clash)
    throw conflict(
      "SUCCESSION_NOMINATION_CLASH",
      `"${source.name}" và đơn vị nhận sáp nhập cùng có hồ sơ đề nghị khen thưởng cùng một hình thức trong một phong trào. Hãy rút hoặc hủy một trong hai hồ sơ rồi sáp nhập lại.`,
    );
  note.nominations = (
    await tx
      .update(nominations)
      .set({ participantId: heir.id, updatedAt: now, version: sql`${nominations.version} + 1` })
      .where(eq(nominations.participantId, old.id))
      .returning({ id: nominations.id })
  ).length;
  await tx.update(decisionRecipients).set({ participantId: heir.id }).where(eq(decisionRecipients.participantId, old.id));
  note.initiatives = (
    await tx
      .update(initiatives)
      .set({ participantId: heir.id, updatedAt: now, version: sql`${initiatives.version} + 1` })
      .where(eq(initiatives.participantId, old.id))
      .returning({ id: initiatives.id })
  ).length;

  const heirReports = new Set(
    (await tx.select({ m: reportSubmissions.milestoneId }).from(reportSubmissions).where(eq(reportSubmissions.participantId, heir.id))).map((r) => r.m),
  );
  for (const r of await tx.select().from(reportSubmissions).where(eq(reportSubmissions.participantId, old.id))) {
    if (heirReports.has(r.milestoneId)) {
      note.otherReports.push({ milestoneId: r.milestoneId, fileId: r.fileId });
      await tx.delete(reportSubmissions).where(eq(reportSubmissions.id, r.id));
    } else {
      await tx.update(reportSubmissions).set({ participantId: heir.id }).where(eq(reportSubmissions.id, r.id));
      note.reports++;
    }
  }

  const heirAppraised = new Set((await tx.select({ c: appraisals.criterionId }).from(appraisals).where(eq(appraisals.participantId, heir.id))).map((r) => r.c));
  for (const ap of await tx.select().from(appraisals).where(eq(appraisals.participantId, old.id))) {
    if (heirAppraised.has(ap.criterionId)) {
      note.otherAppraisals.push({ criterionId: ap.criterionId, points: ap.points, reason: ap.reason });
      await tx.delete(appraisals).where(eq(appraisals.id, ap.id));
    } else await tx.update(appraisals).set({ participantId: heir.id, updatedAt: now }).where(eq(appraisals.id, ap.id));
  }
  await tx.update(appraisalAssignments).set({ participantId: heir.id }).where(eq(appraisalAssignments.participantId, old.id));

  const [oldA] = await tx.select().from(assessments).where(eq(assessments.participantId, old.id));
  if (oldA) {
    const [heirA] = await tx.select().from(assessments).where(eq(assessments.participantId, heir.id));
    if (!heirA) {
      await tx.update(assessments).set({ participantId: heir.id, updatedAt: now }).where(eq(assessments.id, oldA.id));
      note.facts = Object.keys(oldA.facts as Facts).length;
    } else {
      const joined = joinFacts(heirA.facts as Facts, oldA.facts as Facts);
      note.facts = joined.taken;
      note.conflicts = joined.conflicts;
      await tx
        .update(assessments)
        .set({
          facts: joined.facts,
          evidence: joinEvidence(heirA.evidence as Record<string, string[]>, oldA.evidence as Record<string, string[]>),
          notes: joinNotes(heirA.notes as Record<string, string>, oldA.notes as Record<string, string>, source.name),
          updatedAt: now,
          version: heirA.version + 1,
        })
        .where(eq(assessments.id, heirA.id));
      await tx.delete(assessments).where(eq(assessments.id, oldA.id));
    }
  }
  // A finalised result belongs to a closed plan, which is not carried; a stale one here would only mislead.
  await tx.delete(results).where(eq(results.participantId, old.id));
  // Everything is on the successor now; the emptied participant goes (the audit entry keeps it).
  await tx.delete(participants).where(eq(participants.id, old.id));
}
