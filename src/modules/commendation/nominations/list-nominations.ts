import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import { councilSessions, nominations } from "../../../db/schema.js";
import { can } from "../../../domain/access.js";
import { AGENDA_READY, type NominationStatus } from "../../../domain/lifecycles/nomination.js";
import { forbidden } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import type { PlanScope } from "../eligibility-service.js";
import { planScope } from "./load-nomination.js";
import { type ListedRow, listedRows, viewsOf } from "./present-nomination.js";

/** Whether the actor runs the plan's council: the secretary of one of its sessions, or a council secretary over the issuer. */
async function runsCouncilOf(db: Executor, actor: Actor, scope: PlanScope): Promise<boolean> {
  if (can(actor.grants, "council.run", scope.issuer.path)) return true;
  const [row] = await db
    .select({ id: councilSessions.id })
    .from(councilSessions)
    .where(and(eq(councilSessions.planId, scope.plan.id), eq(councilSessions.secretaryUserId, actor.userId)))
    .limit(1);
  return row !== undefined;
}

/** Nominations of a plan: the office sees all, a unit those of its own collective and staff (or that it proposed). */
export async function listNominations(db: Executor, actor: Actor, planId: number, filter: { awardFormId?: string; status?: NominationStatus }, now: Date) {
  const scope = await planScope(db, actor, planId);
  // The council's secretary lists the lodged dossiers to set a session's agenda (nothing else, and no working ranks).
  const secretary = !scope.manages && (await runsCouncilOf(db, actor, scope));
  if (!scope.manages && !secretary && !can(actor.grants, "movement.participate"))
    throw forbidden("Bạn không có quyền xem hồ sơ đề nghị khen thưởng của phong trào này.");
  const rows = await listedRows(
    db,
    and(
      eq(nominations.planId, planId),
      filter.awardFormId ? eq(nominations.awardFormId, filter.awardFormId) : undefined,
      filter.status ? eq(nominations.status, filter.status) : undefined,
    ),
  );
  const ownSide = (r: ListedRow) =>
    r.n.forwardedFromId !== null
      ? can(actor.grants, "movement.participate", r.proposerPath)
      : can(actor.grants, "movement.participate", r.unitPath) || can(actor.grants, "movement.participate", r.proposerPath);
  const visible = scope.manages ? rows : rows.filter((r) => ownSide(r) || (secretary && AGENDA_READY.has(r.n.status)));
  return viewsOf(db, actor, scope, visible, now);
}
