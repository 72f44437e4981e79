import type { Db } from "../../../db/client.js";
import { nominations } from "../../../db/schema.js";
import { isLate } from "../../../domain/calendar.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { dmy } from "../../../domain/plan/format.js";
import { conflict } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { assertMove, transition } from "../../lifecycle/transition.js";
import { loadNomination } from "./load-nomination.js";
import { proposingSide, unitLink } from "./notice-targets.js";
import { getNomination } from "./present-nomination.js";

/** The office returns a lodged dossier with its reasons, before the deadline, so the unit can complete it and lodge it again. */
export async function returnNomination(db: Db, actor: Actor, id: number, input: { version: number; reason: string }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    assertMove(nominationLifecycle, "return", c.n.status);
    const due = c.scope.data.milestones.find((m) => m.kind === "dossier" && m.due)?.due ?? null;
    if (due && isLate(due, now))
      throw conflict(
        "DEADLINE_PASSED",
        `Đã hết hạn nộp hồ sơ (hết ngày ${dmy(due)}) nên không trả lại để bổ sung được nữa; hãy ghi ý kiến thẩm định cho hồ sơ này.`,
      );
    const formName = c.form?.name ?? c.n.awardFormId;
    await transition(tx, actor, {
      lifecycle: nominationLifecycle,
      move: "return",
      table: nominations,
      row: c.n,
      version: input.version,
      what: `Hồ sơ đề nghị của ${c.name}`,
      now,
      set: () => ({ returnedReason: input.reason }),
      audit: () => ({
        action: "nomination.return",
        unitId: c.unit.id,
        summary: `Trả lại hồ sơ đề nghị "${formName}" của ${c.name} để bổ sung: ${input.reason}`,
        after: { reason: input.reason },
      }),
      notices: async () => [
        {
          userIds: await proposingSide(tx, c),
          notice: {
            kind: "nomination",
            title: `Hồ sơ đề nghị khen thưởng bị trả lại: ${c.name}`,
            body: `Cơ quan thường trực trả lại hồ sơ đề nghị "${formName}" của ${c.name} để bổ sung: ${input.reason}${due ? ` Hạn nộp: hết ngày ${dmy(due)}.` : ""}`,
            link: unitLink(c.scope.plan.id),
          },
        },
      ],
    });
  });
  return getNomination(db, actor, id, now);
}
