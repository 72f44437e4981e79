// What is known about nominees when eligibility is judged, gathered in bulk for a plan: registration, the
// self-assessment and its appraised score (criteria passed, combined facts), total, rank and classification,
// targets, sex (women first on a tie), and the Decree 98/2023 art. 4 cases under way (legal_holds).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { participants, people, results, units } from "../../db/schema.js";
import type { NomineeFacts } from "../../domain/commendation/eligibility.js";
import { HOLD_KINDS, type HoldFact } from "../../domain/commendation/legal-holds.js";
import { combineFacts, systemFacts } from "../../domain/movement/facts.js";
import type { Facts } from "../../domain/plan/conditions.js";
import type { Plan } from "../../domain/plan/schema.js";
import type { CriterionResult } from "../../domain/plan/scoring.js";
import type { Actor } from "../actor.js";
import { computeScores } from "../movement/assessment.js";
import { loadMovementRecords } from "../movement/bulk-records.js";
import { knownRecords, targetsOf, uniqueInputs } from "../movement/known.js";
import type { ParticipantContext, PlanRow, UnitRow } from "../movement/participants.js";
import { computeRanking } from "../movement/ranking.js";
import { holdsUnderWay, mayReadHolds } from "./legal-holds.js";

/** A plan seen by one actor: `manages` when the actor is its standing office. */
export interface PlanScope {
  plan: PlanRow;
  issuer: UnitRow;
  data: Plan;
  manages: boolean;
}

/**
 * Where total, rank and classification come from: the published results once finalised; before that, the
 * office's provisional ranking; a unit sees none until results are published.
 */
export type RankingSource = "results" | "provisional" | "unpublished";

export type NomineeBase = Omit<NomineeFacts, "dossierOnTime" | "dossierComplete"> & {
  ranking: { total: number | null; rank: number | null; classification: string | null; source: RankingSource };
};

function passedOf(rs: CriterionResult[], into: Record<string, boolean | undefined> = {}) {
  for (const r of rs) {
    into[r.id] = r.passed;
    if (r.children?.length) passedOf(r.children, into);
  }
  return into;
}

async function rankingOf(db: Executor, actor: Actor, scope: PlanScope, groupIds: string[], ids: number[], now: Date) {
  const out = new Map<number, { total: number | null; rank: number | null; classification: string | null }>();
  if (scope.plan.finalisedAt) {
    const rows = await db
      .select()
      .from(results)
      .where(and(eq(results.planId, scope.plan.id), inArray(results.participantId, ids)));
    for (const r of rows) out.set(r.participantId, { total: r.total, rank: r.rank, classification: r.classification });
    return { source: "results" as const, byId: out };
  }
  // Unpublished ranks are the office's working figures; a unit must not learn them from its nomination.
  if (!scope.manages || scope.plan.status !== "launched") return { source: "unpublished" as const, byId: out };
  for (const groupId of groupIds) {
    const { rows } = await computeRanking(db, actor, scope.plan.id, now, { groupId });
    for (const r of rows) out.set(r.participantId, { total: r.total, rank: r.rank, classification: r.classification });
  }
  return { source: "provisional" as const, byId: out };
}

/**
 * Nominee facts (all but the dossier's) for participants of one plan, loaded in a handful of queries. The details
 * of legal holds go to `reader` (the actor unless a command judges for someone else) only where it may read them.
 */
export async function nomineeFactsOf(
  db: Executor,
  actor: Actor,
  scope: PlanScope,
  participantIds: number[],
  now: Date,
  reader: Actor = actor,
): Promise<Map<number, NomineeBase>> {
  const out = new Map<number, NomineeBase>();
  const ids = [...new Set(participantIds)];
  if (ids.length === 0) return out;
  const { data } = scope;
  const rows = await db
    .select({ pa: participants, unit: units, person: people })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(inArray(participants.id, ids));
  const groupIds = [...new Set(rows.map((r) => r.pa.groupId))];
  const ranking = await rankingOf(db, actor, scope, groupIds, ids, now);
  const records = await loadMovementRecords(db, scope.plan.id, data, { participantIds: ids, unitIds: [...new Set(rows.map((r) => r.unit.id))] });
  // Collectives with ≥ 70 % women come first on a tie (Decree 98/2023 art. 4): the share of the unit's active staff.
  const collectiveUnits = rows.filter((r) => r.pa.personId === null).map((r) => r.unit.id);
  const shares = new Map<number, number>();
  if (collectiveUnits.length) {
    const counts = await db
      .select({ unitId: people.unitId, women: sql<number>`count(*) filter (where ${people.sex} = 'nu')`, all: sql<number>`count(*)` })
      .from(people)
      .where(and(inArray(people.unitId, collectiveUnits), eq(people.active, true)))
      .groupBy(people.unitId);
    for (const c of counts) if (Number(c.all) > 0) shares.set(c.unitId, Number(c.women) / Number(c.all));
  }
  // Decree 98/2023 art. 4: an individual is held by a case on the person, a collective by a case on its unit as such.
  const holds = await holdsUnderWay(
    db,
    rows.flatMap((r) => (r.pa.personId === null ? [] : [r.pa.personId])),
    collectiveUnits,
    now,
  );
  // Facts an eligibility rule reads from the system's own records (initiatives, complaints…) but no criterion declares.
  const ruleInputs = uniqueInputs(data.eligibility.flatMap((r) => (r.check.type === "fact" ? r.check.inputs : []))).filter((i) => i.origin !== "manual");
  for (const r of rows) {
    const group = data.groups.find((g) => g.id === r.pa.groupId);
    if (!group) continue;
    const ctx: ParticipantContext = {
      participant: r.pa,
      plan: scope.plan,
      data,
      group,
      unit: r.unit,
      issuer: scope.issuer,
      personName: r.person?.fullName ?? null,
      isHead: r.person?.isHead ?? false,
    };
    const assessment = records.assessment.get(r.pa.id);
    const submitted = assessment !== undefined && assessment.status !== "draft";
    const system = records.systemFacts(group, r.pa.id, r.unit.id, now);
    let facts: Facts;
    let criteria: Record<string, boolean | undefined> = {};
    if (submitted) {
      const scores = computeScores(ctx, assessment, system, records.appraisals.get(r.pa.id) ?? []);
      facts = scores.facts;
      criteria = passedOf(scores.final.criteria);
    } else {
      // A draft self-assessment is not yet declared: only what the system knows counts.
      facts = combineFacts({}, system, []);
    }
    const extra = ruleInputs.filter((i) => facts[i.key] === undefined);
    if (extra.length) for (const s of systemFacts(extra, await knownRecords(db, ctx, now, extra))) facts[s.key] = s.value;
    const targets = Object.fromEntries((await targetsOf(db, ctx)).map((t) => [t.targetId, t.met]));
    const rank = ranking.byId.get(r.pa.id);
    const held = (r.pa.personId === null ? holds.byUnit.get(r.unit.id) : holds.byPerson.get(r.pa.personId)) ?? [];
    const flags = Object.fromEntries(HOLD_KINDS.map((k) => [k.fact, held.some((h) => h.kind === k.value)])) as Record<HoldFact, boolean>;
    out.set(r.pa.id, {
      target: group.type,
      groupId: group.id,
      registered: r.pa.registeredAt !== null,
      assessmentSubmitted: submitted,
      total: rank?.total ?? null,
      rank: rank?.rank ?? null,
      classification: rank?.classification ?? null,
      targets,
      criteria,
      facts,
      isWoman: r.person ? r.person.sex === "nu" : undefined,
      womenShare: r.person ? undefined : (shares.get(r.unit.id) ?? null),
      ...flags,
      // The case itself (since, reference) only for those who may read it; others see the reason without it.
      holds: mayReadHolds(reader, r.unit.path) ? held : undefined,
      ranking: { total: rank?.total ?? null, rank: rank?.rank ?? null, classification: rank?.classification ?? null, source: ranking.source },
    });
  }
  return out;
}
