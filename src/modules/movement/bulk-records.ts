import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { appraisals, assessments, complaints, indicatorValues, initiatives, participants, reportSubmissions } from "../../db/schema.js";
import { type KnownRecords, systemFacts } from "../../domain/movement/facts.js";
import { countLateOrMissing, reportStatuses } from "../../domain/movement/reports.js";
import type { Group, InputDef, Plan } from "../../domain/plan/schema.js";
import { allInputs, reportMilestones, uniqueInputs } from "./known.js";

/**
 * Everything scoring needs for a whole movement, in a handful of queries (not a few per participant), so
 * ranking tens of thousands of participants stays fast; `only` narrows it to some participants and their units
 * (a few nominees need not load a province's records).
 */
export async function loadMovementRecords(db: Executor, planId: number, data: Plan, only?: { participantIds: number[]; unitIds: number[] }) {
  const [assessmentRows, submissionRows, initiativeRows, complaintRows, appraisalRows] = await Promise.all([
    db
      .select({ a: assessments })
      .from(assessments)
      .innerJoin(participants, eq(participants.id, assessments.participantId))
      .where(and(eq(participants.planId, planId), only ? inArray(participants.id, only.participantIds) : undefined)),
    db
      .select({ participantId: reportSubmissions.participantId, milestoneId: reportSubmissions.milestoneId, submittedAt: reportSubmissions.submittedAt })
      .from(reportSubmissions)
      .innerJoin(participants, eq(participants.id, reportSubmissions.participantId))
      .where(and(eq(participants.planId, planId), only ? inArray(participants.id, only.participantIds) : undefined)),
    db
      .select({ participantId: initiatives.participantId, n: count() })
      .from(initiatives)
      .where(
        and(eq(initiatives.planId, planId), eq(initiatives.status, "recognised"), only ? inArray(initiatives.participantId, only.participantIds) : undefined),
      )
      .groupBy(initiatives.participantId),
    db
      .select({ unitId: complaints.unitId, n: count() })
      .from(complaints)
      .where(and(eq(complaints.planId, planId), eq(complaints.substantiated, true), only ? inArray(complaints.unitId, only.unitIds) : undefined))
      .groupBy(complaints.unitId),
    db
      .select({ ap: appraisals })
      .from(appraisals)
      .innerJoin(participants, eq(participants.id, appraisals.participantId))
      .where(and(eq(participants.planId, planId), only ? inArray(participants.id, only.participantIds) : undefined)),
  ]);
  const metrics = [
    ...new Set(
      data.groups
        .flatMap((g) => allInputs(g.criteria))
        .filter((i) => i.origin === "indicator" && i.metric)
        .map((i) => i.metric as string),
    ),
  ];
  const indicatorRows = metrics.length
    ? await db
        .select()
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.period, String(data.year)),
            inArray(indicatorValues.metric, metrics),
            only ? inArray(indicatorValues.unitId, only.unitIds) : undefined,
          ),
        )
        .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id))
    : [];
  const group = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const list = m.get(key(r));
      if (list) list.push(r);
      else m.set(key(r), [r]);
    }
    return m;
  };
  const submissions = group(submissionRows, (r) => r.participantId);
  const recognised = new Map(initiativeRows.map((r) => [r.participantId, r.n]));
  const complaintsByUnit = new Map(complaintRows.map((r) => [r.unitId, r.n]));
  const indicators = new Map<number, Record<string, number>>();
  for (const r of indicatorRows) {
    const m = indicators.get(r.unitId) ?? {};
    if (!(r.metric in m)) m[r.metric] = r.value;
    indicators.set(r.unitId, m);
  }
  const milestones = reportMilestones(data);
  const inputsOf = new Map<string, InputDef[]>();
  const inputs = (g: Group) => {
    let list = inputsOf.get(g.id);
    if (!list) {
      list = uniqueInputs(allInputs(g.criteria));
      inputsOf.set(g.id, list);
    }
    return list;
  };
  return {
    assessment: new Map(assessmentRows.map((r) => [r.a.participantId, r.a])),
    appraisals: group(
      appraisalRows.map((r) => r.ap),
      (r) => r.participantId,
    ),
    /** System facts of one participant, from the loaded records. */
    systemFacts(g: Group, participantId: number, unitId: number, now: Date) {
      const { late, missing } = countLateOrMissing(reportStatuses(milestones, submissions.get(participantId) ?? [], now));
      const known: KnownRecords = {
        lateReports: late,
        missingReports: missing,
        recognisedInitiatives: recognised.get(participantId) ?? 0,
        substantiatedComplaints: complaintsByUnit.get(unitId) ?? 0,
        indicators: indicators.get(unitId) ?? {},
      };
      return systemFacts(inputs(g), known);
    },
  };
}
