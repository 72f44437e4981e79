// The one presenter of nominations: each with its dossier checklist, eligibility verdict and ranking, as the caller
// may see it.
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client.js";
import { nominations, participants, people, units } from "../../../db/schema.js";
import { appraisableInputs, evaluateEligibility, type Verdict } from "../../../domain/commendation/eligibility.js";
import { statusLabel } from "../../../domain/lifecycle.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { withFindings } from "../../../domain/movement/facts.js";
import type { Facts } from "../../../domain/plan/conditions.js";
import { type Actor, SYSTEM_ACTOR } from "../../actor.js";
import { dossierItemsOf, dossierState } from "../dossier.js";
import { nomineeFactsOf, type PlanScope } from "../eligibility-service.js";
import { loadNomination, type NominationRow, type ParticipantRow, planScope } from "./load-nomination.js";
import { nomineeName, type Target } from "./nominee.js";

export interface ListedRow {
  n: NominationRow;
  pa: ParticipantRow;
  unitName: string;
  unitPath: string;
  personName: string | null;
  proposerName: string;
  proposerPath: string;
}

export async function listedRows(db: Executor, where: ReturnType<typeof and>): Promise<ListedRow[]> {
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
export async function viewsOf(db: Executor, actor: Actor, scope: PlanScope, rows: ListedRow[], now: Date, reader: Actor = actor) {
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
      ? evaluateEligibility(data, r.n.awardFormId, { ...facts, facts: withFindings(facts.facts, found), ...dossier.forEligibility })
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
      statusLabel: statusLabel(nominationLifecycle, r.n.status),
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
