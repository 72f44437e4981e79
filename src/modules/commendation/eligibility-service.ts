// What is known about nominees when eligibility is judged, gathered in bulk for a plan: registration, the
// self-assessment and its appraised score (criteria passed, combined facts), total, rank and classification,
// targets, sex (women first on a tie), and the Decree 98/2023 art. 4 cases under way (legal_holds).
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { participants, people, results, units } from "../../db/schema.js";
import type { NomineeFacts } from "../../domain/commendation/eligibility.js";
import { HOLD_KINDS, type HoldFact } from "../../domain/commendation/legal-holds.js";
import type { Plan } from "../../domain/plan/schema.js";
import type { Actor } from "../actor.js";
import type { PlanRow, UnitRow } from "../movement/participants.js";
import { provisionalScores, rankingContext, rankScored, type ScoredMovement, scoreMovement, womenSharesOf } from "../movement/ranking.js";
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

/**
 * The nominees scored, and where their total, rank and classification come from. Before results are published the
 * office's nominees are read from the movement scored once for the provisional ranking (the same cached scores the
 * ranking screen shows), so no nominee is scored twice; otherwise only the nominees' records are loaded and scored.
 */
async function scoredNominees(db: Executor, scope: PlanScope, groupIds: string[], ids: number[], now: Date) {
  const out = new Map<number, { total: number | null; rank: number | null; classification: string | null }>();
  if (scope.plan.finalisedAt) {
    const rows = await db
      .select()
      .from(results)
      .where(and(eq(results.planId, scope.plan.id), inArray(results.participantId, ids)));
    for (const r of rows) out.set(r.participantId, { total: r.total, rank: r.rank, classification: r.classification });
    return { source: "results" as const, byId: out, scored: await scoreMovement(db, scope.plan, now, ids) };
  }
  // Unpublished ranks are the office's working figures; a unit must not learn them from its nomination.
  if (!scope.manages || scope.plan.status !== "launched")
    return { source: "unpublished" as const, byId: out, scored: await scoreMovement(db, scope.plan, now, ids) };
  const scored: ScoredMovement = await provisionalScores(db, scope.plan, now);
  for (const r of rankScored(scored.values(), scope.data, { groupIds }, await rankingContext(db, scope.plan, scored)))
    out.set(r.participantId, { total: r.total, rank: r.rank, classification: r.classification });
  return { source: "provisional" as const, byId: out, scored };
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
  const ranking = await scoredNominees(db, scope, groupIds, ids, now);
  // Collectives with ≥ 70 % women come first on a tie (Decree 98/2023 art. 4): the share of the unit's active staff.
  const collectiveUnits = rows.filter((r) => r.pa.personId === null).map((r) => r.unit.id);
  const shares = await womenSharesOf(db, collectiveUnits);
  // Decree 98/2023 art. 4: an individual is held by a case on the person, a collective by a case on its unit as such.
  const holds = await holdsUnderWay(
    db,
    rows.flatMap((r) => (r.pa.personId === null ? [] : [r.pa.personId])),
    collectiveUnits,
    now,
  );
  for (const r of rows) {
    const group = data.groups.find((g) => g.id === r.pa.groupId);
    const scored = ranking.scored.get(r.pa.id);
    if (!group || !scored) continue;
    const { submitted, facts, criteria } = scored.award;
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
      targets: scored.targets,
      criteria,
      facts: { ...facts },
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
