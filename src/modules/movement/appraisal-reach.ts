// What an appraiser's assignments open to them beyond the directory: the working records (evidence, reports,
// complaints, indicator values) of the units of the participants they appraise, and the personal data of the
// individuals among them. The rule itself is in src/domain/access.ts; this reads the assignments it depends on.
import { and, eq, isNull, or } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { appraisalAssignments, participants } from "../../db/schema.js";
import { can, mayReadPersonalData, mayReadUnitRecords } from "../../domain/access.js";
import type { Actor } from "../actor.js";

export interface AppraisalReach {
  /** Units of assigned participants (collectives, and the units of assigned individuals). */
  unitIds: Set<number>;
  /** Assigned individuals. */
  personIds: Set<number>;
}

const NONE: AppraisalReach = { unitIds: new Set(), personIds: new Set() };

/** The units and people the actor's appraisal assignments reach (a whole-plan assignment reaches all its participants). */
export async function appraisalReach(db: Executor, actor: Actor): Promise<AppraisalReach> {
  if (!can(actor.grants, "movement.appraise") || !actor.userId) return NONE;
  const rows = await db
    .selectDistinct({ unitId: participants.unitId, personId: participants.personId })
    .from(appraisalAssignments)
    .innerJoin(
      participants,
      or(
        eq(participants.id, appraisalAssignments.participantId),
        and(isNull(appraisalAssignments.participantId), eq(participants.planId, appraisalAssignments.planId)),
      ),
    )
    .where(eq(appraisalAssignments.userId, actor.userId));
  return {
    unitIds: new Set(rows.map((r) => r.unitId)),
    personIds: new Set(rows.flatMap((r) => (r.personId === null ? [] : [r.personId]))),
  };
}

/** Whether the actor may read a unit's working records: the unit itself, the office over it, or an appraiser assigned to one of its participants. */
export async function mayReadRecordsOf(db: Executor, actor: Actor, unit: { id: number; path: string }): Promise<boolean> {
  return mayReadUnitRecords(actor.grants, unit.path) || (await appraisalReach(db, actor)).unitIds.has(unit.id);
}

/** A predicate telling, per person, whether the actor may read their personal data (loads the assignments once). */
export async function personalDataReader(db: Executor, actor: Actor): Promise<(person: { id: number }, unitPath: string) => boolean> {
  const reach = await appraisalReach(db, actor);
  return (person, unitPath) => mayReadPersonalData(actor.grants, unitPath) || reach.personIds.has(person.id);
}
