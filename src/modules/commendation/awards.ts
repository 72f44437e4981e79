// What the movement has already awarded under an award form (every decision not cancelled, drafts included), and
// the lock that keeps two commands deciding the same form from both passing its quota.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { decisionRecipients, decisions, participants } from "../../db/schema.js";
import type { PriorAward } from "../../domain/commendation/decision-guards.js";
import type { CountedAward } from "../../domain/commendation/quota.js";

/** Advisory-lock class of "deciding an award form of a plan" (the second key is the plan and form). */
const AWARD_LOCK = 0x7464_0002;

/**
 * Serialises the commands that decide one award form of one plan (draft, issue) until the transaction ends, so two
 * drafts at once cannot both take the last places of a quota or the same recipient.
 */
export async function lockAwardForm(tx: Executor, planId: number, awardFormId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AWARD_LOCK}, hashtext(${`${planId}:${awardFormId}`}))`);
}

/** The same person (individual) or unit (collective) whichever group it takes part in. */
export const identityOf = (p: { personId: number | null; unitId: number }) => (p.personId !== null ? `person:${p.personId}` : `unit:${p.unitId}`);

export type Awarded = PriorAward &
  CountedAward & {
    decisionId: number;
    participantId: number;
    name: string;
  };

/** How a decision is named in a refusal: its number once issued, its id while a draft. */
export const decisionLabel = (d: { id: number; status: string; number: string | null; symbol: string }) =>
  d.status === "issued" ? `Quyết định số ${d.number ?? ""}/${d.symbol}` : `dự thảo quyết định mã số ${d.id}`;

/** Recipients of the plan's decisions for an award form that are not cancelled (optionally leaving one decision out). */
export async function awardsOf(db: Executor, planId: number, awardFormId: string, exceptDecisionId?: number): Promise<Awarded[]> {
  const rows = await db
    .select({ r: decisionRecipients, d: decisions, groupId: participants.groupId, personId: participants.personId, unitId: participants.unitId })
    .from(decisionRecipients)
    .innerJoin(decisions, eq(decisions.id, decisionRecipients.decisionId))
    .innerJoin(participants, eq(participants.id, decisionRecipients.participantId))
    .where(
      and(
        eq(decisions.planId, planId),
        eq(decisions.awardFormId, awardFormId),
        ne(decisions.status, "cancelled"),
        exceptDecisionId !== undefined ? ne(decisions.id, exceptDecisionId) : undefined,
      ),
    );
  return rows.map(({ r, d, groupId, personId, unitId }) => ({
    identity: identityOf({ personId, unitId }),
    nominationId: r.nominationId,
    decision: decisionLabel(d),
    decisionId: d.id,
    participantId: r.participantId,
    name: r.name,
    target: personId !== null ? "individual" : "collective",
    groupId,
    status: d.status === "issued" ? "issued" : "draft",
  }));
}

/** Participants per group of a plan (the base of share quotas). */
export async function participantsPerGroup(db: Executor, planId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ groupId: participants.groupId, n: sql<number>`count(*)` })
    .from(participants)
    .where(eq(participants.planId, planId))
    .groupBy(participants.groupId);
  return Object.fromEntries(rows.map((r) => [r.groupId, Number(r.n)]));
}
