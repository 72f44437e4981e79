// The one loader of the nomination commands: a nomination with its plan, nominee and proposer, after checking that
// the caller may read it and may act on it as asked (the proposing side, or the office).
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client.js";
import { nominations, participants, people, plans, units } from "../../../db/schema.js";
import { can } from "../../../domain/access.js";
import type { Group, Plan } from "../../../domain/plan/schema.js";
import { conflict, forbidden, notFound } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import type { PlanRow, UnitRow } from "../../movement/participants.js";
import { assertPlanReadable, assertReadable } from "../../scope.js";
import type { PlanScope } from "../eligibility-service.js";
import { type AwardForm, nomineeName } from "./nominee.js";

export type NominationRow = typeof nominations.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

/** One nomination with everything around it, as loaded for an action. */
export interface NominationContext {
  n: NominationRow;
  participant: ParticipantRow;
  person: PersonRow | null;
  unit: UnitRow;
  proposer: UnitRow;
  scope: PlanScope;
  group: Group;
  form: AwardForm | undefined;
  name: string;
}

/**
 * The proposing side of a nomination: the participant's unit (a unit proposes its own collective and staff) or the
 * unit that proposed it; for a nomination forwarded from a lower level, the lower level that forwarded it.
 */
function isProposingSide(actor: Actor, n: NominationRow, unit: UnitRow, proposer: UnitRow): boolean {
  if (n.forwardedFromId !== null) return can(actor.grants, "movement.participate", proposer.path);
  return can(actor.grants, "movement.participate", unit.path) || can(actor.grants, "movement.participate", proposer.path);
}

export async function loadNomination(db: Executor, actor: Actor, id: number, access: "read" | "propose" | "office"): Promise<NominationContext> {
  const proposerUnit = alias(units, "proposer");
  const [row] = await db
    .select({ n: nominations, pa: participants, p: plans, u: units, person: people, proposer: proposerUnit })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(plans, eq(plans.id, nominations.planId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .innerJoin(proposerUnit, eq(proposerUnit.id, nominations.proposedByUnitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(nominations.id, id));
  if (!row) throw notFound(`hồ sơ đề nghị khen thưởng có mã số ${id}`);
  const [issuer] = await db.select().from(units).where(eq(units.id, row.p.issuerUnitId));
  const data = row.p.data as Plan;
  const group = data.groups.find((g) => g.id === row.pa.groupId);
  if (!group) throw conflict("GROUP_GONE", "Nhóm đối tượng của hồ sơ này không còn trong kế hoạch.");
  const manages = can(actor.grants, "movement.manage", issuer.path);
  const proposing = isProposingSide(actor, row.n, row.u, row.proposer);
  const name = nomineeName(row.u.name, row.person?.fullName ?? null);
  // A nomination is the office's and the proposing side's; to anyone else it does not exist (nor its nominee's name).
  assertReadable(manages || proposing, `hồ sơ đề nghị khen thưởng có mã số ${id}`);
  if (access === "office" && !manages) throw forbidden("Chỉ cơ quan thường trực của phong trào được thẩm định, trả lại hay chuyển hồ sơ đề nghị khen thưởng.");
  if (access === "propose" && !proposing)
    throw forbidden(`Bạn chỉ được chuẩn bị hồ sơ đề nghị khen thưởng của đơn vị mình; hồ sơ của "${name}" không thuộc phạm vi của bạn.`);
  if (access === "read" && !manages && !proposing) throw forbidden("Hồ sơ đề nghị khen thưởng này không thuộc phạm vi của bạn.");
  return {
    n: row.n,
    participant: row.pa,
    person: row.person,
    unit: row.u,
    proposer: row.proposer,
    scope: { plan: row.p, issuer, data, manages },
    group,
    form: data.awardForms.find((f) => f.id === row.n.awardFormId),
    name,
  };
}

/** The plan of a command on nominations, readable by the caller; `manages`: the caller is its office. */
export async function planScope(db: Executor, actor: Actor, planId: number): Promise<PlanScope> {
  const [row] = await db.select({ p: plans, u: units }).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, planId));
  if (!row) throw notFound(`kế hoạch có mã số ${planId}`);
  assertPlanReadable(actor, row.u.path, planId);
  return { plan: row.p, issuer: row.u, data: row.p.data as Plan, manages: can(actor.grants, "movement.manage", row.u.path) };
}

export function assertLaunched(plan: PlanRow) {
  if (plan.status !== "launched")
    throw conflict("NOT_LAUNCHED", `Kế hoạch "${plan.title}" không ở trạng thái đang phát động nên không xử lý hồ sơ khen thưởng được.`);
}
