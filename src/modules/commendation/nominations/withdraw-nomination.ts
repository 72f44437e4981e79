import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { councilAgenda, nominations } from "../../../db/schema.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { conflict, versionConflict } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { assertMove } from "../../lifecycle/transition.js";
import { loadNomination } from "./load-nomination.js";

/** Withdraws a nomination still being prepared (or returned), with its dossier. */
export async function deleteNomination(db: Db, actor: Actor, id: number, version: number) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    assertMove(nominationLifecycle, "withdraw", c.n.status);
    if (c.n.version !== version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const [onAgenda] = await tx.select({ id: councilAgenda.id }).from(councilAgenda).where(eq(councilAgenda.nominationId, id));
    if (onAgenda) throw conflict("IN_USE", "Hồ sơ đã được đưa ra Hội đồng Thi đua - Khen thưởng nên không rút được.");
    await tx.delete(nominations).where(and(eq(nominations.id, id), eq(nominations.version, version)));
    await writeAudit(tx, actor, {
      action: "nomination.delete",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Rút hồ sơ đề nghị "${c.form?.name ?? c.n.awardFormId}" của ${c.name}`,
      before: { status: c.n.status, awardFormId: c.n.awardFormId, participantId: c.n.participantId },
    });
  });
}
