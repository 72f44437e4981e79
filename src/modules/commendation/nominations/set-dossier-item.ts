import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { files } from "../../../db/schema.js";
import { badRequest, forbidden } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { editableDossier, putItem, touch } from "./dossier-items.js";
import { loadNomination } from "./load-nomination.js";
import { getNomination } from "./present-nomination.js";

/** Attaches an uploaded file (of the nominee's or the proposer's unit) as one dossier component. */
export async function setDossierItem(db: Db, actor: Actor, id: number, componentId: string, fileId: string, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    const [file] = await tx.select().from(files).where(eq(files.id, fileId));
    if (!file) throw badRequest("NO_FILE", "Tệp này không còn tồn tại; hãy tải lên lại.");
    if (file.unitId !== c.unit.id && file.unitId !== c.proposer.id)
      // Another unit's file is not named: its name is that unit's, not the caller's, to see.
      throw forbidden(`Tệp đã chọn thuộc đơn vị khác, không dùng cho hồ sơ của ${c.name} được; hãy tải tệp của đơn vị lên.`);
    await putItem(tx, id, component.id, file.id, false, now);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_set",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Cập nhật "${component.name}" trong hồ sơ đề nghị của ${c.name}: tệp "${file.originalName}"`,
      after: { componentId: component.id, fileId: file.id },
    });
  });
  return getNomination(db, actor, id, now);
}
