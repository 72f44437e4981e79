// Monitoring for the standing office: per milestone, who has registered, sent the report, submitted the
// self-assessment — on time, late, missing (overdue) or not yet due.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { assessments, participants, people, reportSubmissions, units } from "../../db/schema.js";
import { daysBetween, vietnamDate } from "../../domain/calendar.js";
import { participantDisplayName } from "../../domain/format.js";
import { isTracked, type MilestoneProgress, milestoneProgress, type ParticipantRecord, type StepRow } from "../../domain/movement/monitoring.js";
import type { Plan } from "../../domain/plan/schema.js";
import type { Actor } from "../actor.js";
import { loadMovement } from "./participants.js";

export interface MovementParticipant {
  id: number;
  groupId: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  personId: number | null;
  personName: string | null;
  /** "Nguyễn Văn A (Phường 1)" for a person, the unit's name for a collective. */
  name: string;
  reopenedUntil: string | null;
  record: ParticipantRecord;
}

/** Every participant of a plan with what the system knows they have done (no access check: callers check). */
export async function loadMovementParticipants(db: Executor, planId: number): Promise<MovementParticipant[]> {
  const rows = await db
    .select({ pa: participants, unitName: units.name, unitPath: units.path, personName: people.fullName })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(participants.planId, planId))
    .orderBy(sql`${units.sortKey} collate "C"`, sql`${people.sortKey} collate "C"`, participants.id);
  if (rows.length === 0) return [];
  const subs = await db
    .select({ participantId: reportSubmissions.participantId, milestoneId: reportSubmissions.milestoneId, submittedAt: reportSubmissions.submittedAt })
    .from(reportSubmissions)
    .innerJoin(participants, eq(participants.id, reportSubmissions.participantId))
    .where(eq(participants.planId, planId));
  const assessed = await db
    .select({
      participantId: assessments.participantId,
      submittedAt: assessments.submittedAt,
      confirmedAt: assessments.confirmedAt,
      updatedAt: assessments.updatedAt,
    })
    .from(assessments)
    .innerJoin(participants, eq(participants.id, assessments.participantId))
    .where(and(eq(participants.planId, planId), inArray(assessments.status, ["submitted", "confirmed"])));
  const subsBy = new Map<number, { milestoneId: string; submittedAt: Date }[]>();
  for (const s of subs) subsBy.set(s.participantId, [...(subsBy.get(s.participantId) ?? []), { milestoneId: s.milestoneId, submittedAt: s.submittedAt }]);
  // A submitted assessment carries submittedAt; the fallbacks only cover rows written by other means.
  const assessedBy = new Map(assessed.map((a) => [a.participantId, a.submittedAt ?? a.confirmedAt ?? a.updatedAt]));
  return rows.map((r) => ({
    id: r.pa.id,
    groupId: r.pa.groupId,
    unitId: r.pa.unitId,
    unitName: r.unitName,
    unitPath: r.unitPath,
    personId: r.pa.personId,
    personName: r.personName,
    name: participantDisplayName(r.unitName, r.personName),
    reopenedUntil: r.pa.reopenedUntil,
    record: {
      id: r.pa.id,
      registeredAt: r.pa.registeredAt,
      reports: subsBy.get(r.pa.id) ?? [],
      assessmentSubmittedAt: assessedBy.get(r.pa.id) ?? null,
    },
  }));
}

/** Progress on every tracked milestone of a plan (registration, reports, self-assessment), in the plan's order. */
export function planProgress(data: Plan, people: MovementParticipant[], now: Date): MilestoneProgress[] {
  return data.milestones.filter(isTracked).map((m) =>
    milestoneProgress(
      m,
      people.map((p) => p.record),
      now,
    ),
  );
}

const STATE_LABEL: Record<StepRow["state"], string> = { on_time: "Đúng hạn", late: "Trễ hạn", missing: "Quá hạn, chưa thực hiện", pending: "Chưa đến hạn" };
const KIND_LABEL: Record<string, string> = {
  registration: "Đăng ký thi đua",
  subordinate_plans: "Kế hoạch của đơn vị cấp dưới",
  report: "Báo cáo định kỳ",
  self_assessment: "Tự chấm điểm",
  dossier: "Hồ sơ đề nghị khen thưởng",
  appraisal: "Thẩm định",
  movement_end: "Kết thúc phong trào",
  other: "Mốc khác",
};

/** GET /api/plans/:id/monitoring — the office's view of who has done each step and who is overdue. */
export async function planMonitoring(db: Executor, actor: Actor, planId: number, now: Date, filter: { groupId?: string } = {}) {
  const { plan, issuer, data } = await loadMovement(db, actor, planId, "movement.manage");
  const all = await loadMovementParticipants(db, planId);
  const list = filter.groupId ? all.filter((p) => p.groupId === filter.groupId) : all;
  const byId = new Map(list.map((p) => [p.id, p]));
  const groupName = (id: string) => data.groups.find((g) => g.id === id)?.name ?? id;
  const progress = new Map(planProgress(data, list, now).map((p) => [p.milestoneId, p]));
  const today = vietnamDate(now);
  const present = (r: StepRow) => {
    const p = byId.get(r.participantId) as MovementParticipant;
    return {
      participantId: p.id,
      name: p.name,
      unitId: p.unitId,
      unitName: p.unitName,
      personId: p.personId,
      personName: p.personName,
      groupId: p.groupId,
      groupName: groupName(p.groupId),
      state: r.state,
      stateLabel: STATE_LABEL[r.state],
      at: r.at,
      date: r.at ? vietnamDate(new Date(r.at)) : null,
      daysLate: r.daysLate,
      reopenedUntil: p.reopenedUntil,
    };
  };
  return {
    planId: plan.id,
    title: plan.title,
    issuerUnitId: issuer.id,
    issuerName: issuer.name,
    asOf: now.toISOString(),
    today,
    participants: list.length,
    milestones: data.milestones.map((m) => {
      const p = progress.get(m.id);
      const base = {
        id: m.id,
        kind: m.kind,
        kindLabel: KIND_LABEL[m.kind] ?? m.kind,
        label: m.label,
        due: m.due ?? null,
        from: m.from ?? null,
        daysLeft: m.due ? daysBetween(today, m.due) : null,
      };
      // Steps the system does not record per participant (cascade plans: GET /api/plans/:id/cascade) carry no rows.
      if (!p) return { ...base, tracked: false, counts: null, overdue: [], rows: [] };
      const rows = p.rows.map(present);
      return { ...base, tracked: true, counts: p.counts, overdue: rows.filter((r) => r.state === "missing"), rows };
    }),
  };
}
