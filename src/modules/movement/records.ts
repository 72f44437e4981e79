// The one records loader of scoring: everything a participant is scored on (and judged on for awards), for a whole
// movement in a handful of queries — not a few per participant — so ranking tens of thousands stays fast. One
// participant, or a few nominees, is the same load filtered by participant id. `RECORD_SOURCES` names the tables
// it reads, so a cache of anything computed from them (ranking-cache.ts) watches exactly these.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { appraisals, assessments, complaints, indicatorValues, initiatives, participants, people, plans, reportSubmissions, units } from "../../db/schema.js";
import { type KnownRecords, type SystemFact, systemFacts } from "../../domain/movement/facts.js";
import { countLateOrMissing, reportStatuses } from "../../domain/movement/reports.js";
import { eligibilitySystemInputs, type ParticipantRecords } from "../../domain/movement/score-participant.js";
import { evaluateTarget, type TargetVerdict } from "../../domain/movement/targets.js";
import type { Facts } from "../../domain/plan/conditions.js";
import { declaredInputs, uniqueInputs } from "../../domain/plan/rule-inputs.js";
import type { Group, InputDef, Plan } from "../../domain/plan/schema.js";

/** A table the loader reads, and how its rows belong to a plan (directly, through a participant, or not at all). */
export type RecordSource = { table: PgTable; id: AnyPgColumn; version?: AnyPgColumn } & (
  | { via: "all" }
  | { via: "plan"; planId: AnyPgColumn }
  | { via: "participant"; participantId: AnyPgColumn }
  | { via: "person" }
);

/** What `loadRecords` reads. Add a table here when the loader starts reading it: the ranking cache follows. */
export const RECORD_SOURCES: RecordSource[] = [
  { table: participants, id: participants.id, version: participants.version, via: "plan", planId: participants.planId },
  { table: units, id: units.id, version: units.version, via: "all" },
  { table: people, id: people.id, version: people.version, via: "person" },
  { table: assessments, id: assessments.id, version: assessments.version, via: "participant", participantId: assessments.participantId },
  { table: appraisals, id: appraisals.id, version: appraisals.version, via: "participant", participantId: appraisals.participantId },
  { table: reportSubmissions, id: reportSubmissions.id, via: "participant", participantId: reportSubmissions.participantId },
  { table: initiatives, id: initiatives.id, version: initiatives.version, via: "plan", planId: initiatives.planId },
  { table: complaints, id: complaints.id, version: complaints.version, via: "plan", planId: complaints.planId },
  { table: indicatorValues, id: indicatorValues.id, via: "all" },
];

/** The report milestones of a plan (those with a due date). */
export function reportMilestones(data: Plan) {
  return data.milestones.filter((m) => m.kind === "report" && m.due).map((m) => ({ id: m.id, label: m.label, due: m.due as string }));
}

export type LoadedParticipant = {
  participant: typeof participants.$inferSelect;
  unit: typeof units.$inferSelect;
  person: typeof people.$inferSelect | null;
};

export type MovementRecords = Awaited<ReturnType<typeof loadRecords>>;

/** Every metric whose indicator values the plan's scoring, eligibility or targets read. */
function metricsOf(data: Plan): string[] {
  const inputs = [...data.groups.flatMap((g) => declaredInputs(g.criteria)), ...eligibilitySystemInputs(data)];
  return [...new Set([...inputs.filter((i) => i.origin === "indicator" && i.metric).map((i) => i.metric as string), ...data.targets.map((t) => t.metric)])];
}

/** Loads the records of a movement's participants (all, or those of `only`). */
export async function loadRecords(db: Executor, planId: number, data: Plan, only?: number[]) {
  const byParticipant = (column: AnyPgColumn) => (only ? inArray(column, only) : undefined);
  const list: LoadedParticipant[] = await db
    .select({ participant: participants, unit: units, person: people })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.planId, planId), byParticipant(participants.id)));
  // A movement-level target reads the issuer's own indicator values.
  const [issuer] = await db.select({ unitId: plans.issuerUnitId }).from(plans).where(eq(plans.id, planId));
  const unitIds = only ? [...new Set([...list.map((r) => r.unit.id), ...(issuer ? [issuer.unitId] : [])])] : undefined;
  const metrics = metricsOf(data);
  // One query after another: inside a transaction they share one connection, which takes one query at a time.
  const assessmentRows = await db
    .select({ a: assessments })
    .from(assessments)
    .innerJoin(participants, eq(participants.id, assessments.participantId))
    .where(and(eq(participants.planId, planId), byParticipant(participants.id)));
  const submissionRows = await db
    .select({ participantId: reportSubmissions.participantId, milestoneId: reportSubmissions.milestoneId, submittedAt: reportSubmissions.submittedAt })
    .from(reportSubmissions)
    .innerJoin(participants, eq(participants.id, reportSubmissions.participantId))
    .where(and(eq(participants.planId, planId), byParticipant(participants.id)));
  const initiativeRows = await db
    .select({ participantId: initiatives.participantId, n: count() })
    .from(initiatives)
    .where(and(eq(initiatives.planId, planId), eq(initiatives.status, "recognised"), byParticipant(initiatives.participantId)))
    .groupBy(initiatives.participantId);
  const complaintRows = await db
    .select({ unitId: complaints.unitId, n: count() })
    .from(complaints)
    .where(and(eq(complaints.planId, planId), eq(complaints.substantiated, true), unitIds ? inArray(complaints.unitId, unitIds) : undefined))
    .groupBy(complaints.unitId);
  const appraisalRows = await db
    .select({ ap: appraisals })
    .from(appraisals)
    .innerJoin(participants, eq(participants.id, appraisals.participantId))
    .where(and(eq(participants.planId, planId), byParticipant(participants.id)))
    .orderBy(appraisals.id);
  const indicatorRows =
    metrics.length && (!unitIds || unitIds.length)
      ? await db
          .select()
          .from(indicatorValues)
          .where(
            and(
              inArray(indicatorValues.period, [String(data.year), String(data.year - 1)]),
              inArray(indicatorValues.metric, metrics),
              unitIds ? inArray(indicatorValues.unitId, unitIds) : undefined,
            ),
          )
          .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id))
      : [];
  const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const l = m.get(key(r));
      if (l) l.push(r);
      else m.set(key(r), [r]);
    }
    return m;
  };
  const submissions = groupBy(submissionRows, (r) => r.participantId);
  const recognised = new Map(initiativeRows.map((r) => [r.participantId, r.n]));
  const complaintsByUnit = new Map(complaintRows.map((r) => [r.unitId, r.n]));
  const appraisalsOf = groupBy(
    appraisalRows.map((r) => r.ap),
    (r) => r.participantId,
  );
  const assessmentOf = new Map(assessmentRows.map((r) => [r.a.participantId, r.a]));
  // The latest value of each metric, per unit and period (rows come newest first).
  const latest = new Map<string, number>();
  const indicatorsOf = new Map<number, Record<string, number>>();
  for (const r of indicatorRows) {
    const key = `${r.unitId}|${r.metric}|${r.period}`;
    if (latest.has(key)) continue;
    latest.set(key, r.value);
    if (r.period === String(data.year)) {
      const m = indicatorsOf.get(r.unitId) ?? {};
      m[r.metric] = r.value;
      indicatorsOf.set(r.unitId, m);
    }
  }
  const byId = new Map(list.map((r) => [r.participant.id, r]));
  const milestones = reportMilestones(data);
  const inputsOfGroup = new Map<string, InputDef[]>();
  const groupInputs = (g: Group) => {
    let l = inputsOfGroup.get(g.id);
    if (!l) {
      l = uniqueInputs(declaredInputs(g.criteria));
      inputsOfGroup.set(g.id, l);
    }
    return l;
  };
  const known = (participantId: number, now: Date): KnownRecords => {
    const unitId = byId.get(participantId)?.unit.id ?? 0;
    const { late, missing } = countLateOrMissing(reportStatuses(milestones, submissions.get(participantId) ?? [], now));
    return {
      lateReports: late,
      missingReports: missing,
      recognisedInitiatives: recognised.get(participantId) ?? 0,
      substantiatedComplaints: complaintsByUnit.get(unitId) ?? 0,
      indicators: indicatorsOf.get(unitId) ?? {},
    };
  };
  return {
    /** The participants loaded, with their unit and (for individuals) their person. */
    participants: list,
    get: (participantId: number) => byId.get(participantId),
    /** What the system's own records say about a participant (counts and the latest indicator values). */
    known,
    /** System facts of a participant for the given inputs (default: those its group's criteria declare). */
    systemFacts(participantId: number, group: Group, now: Date, inputs: InputDef[] = groupInputs(group)): SystemFact[] {
      return systemFacts(inputs, known(participantId, now));
    },
    /** What a participant is scored on: its self-assessment, the system's facts and the appraisals. */
    of(participantId: number, group: Group, now: Date): ParticipantRecords {
      const a = assessmentOf.get(participantId);
      return {
        assessment: a ? { status: a.status, facts: a.facts as Facts, evidence: a.evidence as Record<string, string[]> } : null,
        system: this.systemFacts(participantId, group, now),
        appraisals: (appraisalsOf.get(participantId) ?? []).map((x) => ({
          criterionId: x.criterionId,
          facts: x.facts as Facts,
          points: x.points,
          reason: x.reason,
        })),
      };
    },
    assessmentRow: (participantId: number) => assessmentOf.get(participantId),
    appraisalRows: (participantId: number) => appraisalsOf.get(participantId) ?? [],
    /** The plan's targets that apply to a participant, judged against its unit's indicator values. */
    targets(participantId: number, group: Group): TargetVerdict[] {
      const r = byId.get(participantId);
      if (!r) return [];
      return data.targets
        .filter((t) => (!t.groups || t.groups.includes(group.id)) && (!t.appliesTo?.heads || r.person?.isHead))
        .map((t) => {
          const unitId = t.level === "movement" ? (issuer?.unitId ?? 0) : r.unit.id;
          const value = (year: number) => latest.get(`${unitId}|${t.metric}|${year}`) ?? null;
          return evaluateTarget(t, value(data.year), value(data.year - 1));
        });
    },
  };
}
