import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { complaints, indicatorValues, initiatives, reportSubmissions } from "../../db/schema.js";
import { type KnownRecords, systemFacts } from "../../domain/movement/facts.js";
import { countLateOrMissing, type ReportStatus, reportStatuses } from "../../domain/movement/reports.js";
import { evaluateTarget, type TargetVerdict } from "../../domain/movement/targets.js";
import type { InputDef, Plan } from "../../domain/plan/schema.js";
import type { ParticipantContext } from "./participants.js";

/** The report milestones of a plan (those with a due date). */
export function reportMilestones(data: Plan) {
  return data.milestones.filter((m) => m.kind === "report" && m.due).map((m) => ({ id: m.id, label: m.label, due: m.due as string }));
}

export async function reportStatusOf(db: Executor, ctx: ParticipantContext, now: Date): Promise<(ReportStatus & { fileId: string | null })[]> {
  const subs = await db.select().from(reportSubmissions).where(eq(reportSubmissions.participantId, ctx.participant.id));
  return reportStatuses(reportMilestones(ctx.data), subs, now).map((r) => ({
    ...r,
    fileId: subs.find((s) => s.milestoneId === r.milestoneId)?.fileId ?? null,
  }));
}

/**
 * What the system's own records say about a participant: reports, initiatives, complaints, indicators — the
 * indicators its group's criteria read, and those of `extraInputs` (e.g. an eligibility rule's facts).
 */
export async function knownRecords(db: Executor, ctx: ParticipantContext, now: Date, extraInputs: InputDef[] = []): Promise<KnownRecords> {
  const { late, missing } = countLateOrMissing(await reportStatusOf(db, ctx, now));
  const [{ n: recognised }] = await db
    .select({ n: count() })
    .from(initiatives)
    .where(and(eq(initiatives.participantId, ctx.participant.id), eq(initiatives.status, "recognised")));
  const [{ n: substantiated }] = await db
    .select({ n: count() })
    .from(complaints)
    .where(and(eq(complaints.unitId, ctx.unit.id), eq(complaints.substantiated, true), eq(complaints.planId, ctx.plan.id)));
  const metrics = [
    ...new Set([...allInputs(ctx.group.criteria), ...extraInputs].filter((i) => i.origin === "indicator" && i.metric).map((i) => i.metric as string)),
  ];
  const indicators: Record<string, number> = {};
  if (metrics.length) {
    const rows = await db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.unitId, ctx.unit.id), eq(indicatorValues.period, String(ctx.data.year)), inArray(indicatorValues.metric, metrics)))
      .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id));
    for (const r of rows) if (!(r.metric in indicators)) indicators[r.metric] = r.value;
  }
  return { lateReports: late, missingReports: missing, recognisedInitiatives: recognised, substantiatedComplaints: substantiated, indicators };
}

export function allInputs(criteria: Plan["groups"][number]["criteria"]): InputDef[] {
  return criteria.flatMap((c) => [...(c.inputs ?? []), ...allInputs(c.children ?? [])]);
}

export async function systemFactsOf(db: Executor, ctx: ParticipantContext, now: Date) {
  return systemFacts(uniqueInputs(allInputs(ctx.group.criteria)), await knownRecords(db, ctx, now));
}

/** Inputs with each key once (the same fact may be declared by several criteria). */
export function uniqueInputs(inputs: InputDef[]): InputDef[] {
  const seen = new Map<string, InputDef>();
  for (const i of inputs) if (!seen.has(i.key)) seen.set(i.key, i);
  return [...seen.values()];
}

/** The plan's targets that apply to a participant, judged against its unit's indicator values. */
export async function targetsOf(db: Executor, ctx: ParticipantContext): Promise<TargetVerdict[]> {
  const applicable = ctx.data.targets.filter(
    (t) => (!t.groups || t.groups.includes(ctx.group.id)) && (!t.appliesTo?.heads || (ctx.participant.personId !== null && ctx.isHead)),
  );
  if (applicable.length === 0) return [];
  const year = String(ctx.data.year);
  const lastYear = String(ctx.data.year - 1);
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.unitId, ctx.unit.id),
        inArray(indicatorValues.metric, [...new Set(applicable.map((t) => t.metric))]),
        inArray(indicatorValues.period, [year, lastYear]),
      ),
    )
    .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id));
  const latest = (metric: string, period: string) => rows.find((r) => r.metric === metric && r.period === period)?.value ?? null;
  return applicable.map((t) => evaluateTarget(t, latest(t.metric, year), latest(t.metric, lastYear)));
}
