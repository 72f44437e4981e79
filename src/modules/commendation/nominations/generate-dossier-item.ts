import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { assessments } from "../../../db/schema.js";
import { hasScoredCriteria } from "../../../documents/criteria-table.js";
import { badRequest, conflict } from "../../../http/errors.js";
import type { FileStore } from "../../../storage/file-store.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { storeFile } from "../../files/service.js";
import { scoresOf } from "../../movement/assessment.js";
import type { ParticipantContext } from "../../movement/participants.js";
import { GENERATED_TEMPLATES, selfScoringSheet } from "../dossier.js";
import { editableDossier, putItem, touch } from "./dossier-items.js";
import { loadNomination } from "./load-nomination.js";
import { getNomination } from "./present-nomination.js";

/** Fills in a component the system can draw up itself (the self-scoring sheet) from the participant's records. */
export async function generateDossierItem(db: Db, store: FileStore, actor: Actor, id: number, componentId: string, opts: { maxBytes: number }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    const component = editableDossier(c, componentId);
    if (!component.template || !GENERATED_TEMPLATES.has(component.template))
      throw badRequest("NOT_GENERATED", `Hệ thống chưa tự lập được "${component.name}"; hãy tải tệp lên.`);
    if (!hasScoredCriteria(c.group.criteria)) throw badRequest("NO_POINTS", `Nhóm "${c.group.name}" không có bảng điểm nên không có bảng tự chấm điểm.`);
    const [row] = await tx.select().from(assessments).where(eq(assessments.participantId, c.participant.id));
    if (!row || row.status === "draft") throw conflict("NOT_ASSESSED", `${c.name} chưa gửi bản tự chấm điểm nên chưa lập được "${component.name}".`);
    const ctx: ParticipantContext = {
      participant: c.participant,
      plan: c.scope.plan,
      data: c.scope.data,
      group: c.group,
      unit: c.unit,
      issuer: c.scope.issuer,
      personName: c.person?.fullName ?? null,
      isHead: c.person?.isHead ?? false,
    };
    const { self } = await scoresOf(tx, ctx, row, now);
    const registration = c.participant.registration as { registeredPoints?: Record<string, number> } | null;
    const body = await selfScoringSheet({
      data: c.scope.data,
      group: c.group,
      unitName: c.unit.name.toLocaleUpperCase("vi"),
      unitParent: c.scope.issuer.name.toLocaleUpperCase("vi"),
      registeredPoints: registration?.registeredPoints,
      selfCriteria: self.criteria,
      now,
    });
    const file = await storeFile(tx, store, actor, {
      unitId: c.unit.id,
      name: `bang-tu-cham-diem-${c.unit.code.toLowerCase()}.docx`,
      data: body,
      maxBytes: opts.maxBytes,
    });
    await putItem(tx, id, component.id, file.id, true, now);
    await touch(tx, c.n, now);
    await writeAudit(tx, actor, {
      action: "nomination.dossier_generate",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Lập tự động "${component.name}" cho hồ sơ đề nghị của ${c.name} (tổng tự chấm ${self.total ?? "—"} điểm)`,
      after: { componentId: component.id, fileId: file.id },
    });
  });
  return getNomination(db, actor, id, now);
}
