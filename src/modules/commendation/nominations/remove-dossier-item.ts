import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { dossierItems } from "../../../db/schema.js";
import { notFound } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { editableDossier, touch } from "./dossier-items.js";
import { loadNomination } from "./load-nomination.js";
import { getNomination } from "./present-nomination.js";

/** Takes one component out of the dossier. */
export async function removeDossierItem(db: Db, actor: Actor, id: number, componentId: string, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    const [gone] = await tx
      .delete(dossierItems)
      .where(and(eq(dossierItems.nominationId, id), eq(dossierItems.componentId, component.id)))
      .returning();
    if (!gone) throw notFound(`tệp "${component.name}" trong hồ sơ này`);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_remove",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Bỏ "${component.name}" khỏi hồ sơ đề nghị của ${c.name}`,
      before: { componentId: component.id, fileId: gone.fileId },
    });
  });
  return getNomination(db, actor, id, now);
}
