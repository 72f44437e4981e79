import type { Db } from "../../../db/client.js";
import { nominations } from "../../../db/schema.js";
import { isLate } from "../../../domain/calendar.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { dmy } from "../../../domain/plan/format.js";
import { badRequest } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { assertMove, transition } from "../../lifecycle/transition.js";
import { holdersOf } from "../../notifications/notify.js";
import { dossierItemsOf, dossierState } from "../dossier.js";
import { assertLaunched, loadNomination } from "./load-nomination.js";
import { officeLink } from "./notice-targets.js";
import { getNomination } from "./present-nomination.js";

/**
 * Lodges the dossier with the office. An incomplete dossier is refused, naming what is missing. A dossier lodged
 * after the deadline is received and marked late: the office keeps the record of when it arrived, and the plan's
 * rule ("late dossiers are not considered") makes it ineligible, with that reason, rather than it vanishing.
 */
export async function submitNomination(db: Db, actor: Actor, id: number, version: number, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "propose");
    assertMove(nominationLifecycle, "submit", c.n.status);
    assertLaunched(c.scope.plan);
    const state = dossierState(c.scope.data, c.n, (await dossierItemsOf(tx, [id])).get(id) ?? [], now);
    const late = state.due !== null && isLate(state.due, now);
    const again = c.n.status === "returned";
    const formName = c.form?.name ?? c.n.awardFormId;
    await transition(tx, actor, {
      lifecycle: nominationLifecycle,
      move: "submit",
      table: nominations,
      row: c.n,
      version,
      what: `Hồ sơ đề nghị của ${c.name}`,
      now,
      guard: () => {
        if (!state.complete)
          throw badRequest(
            "DOSSIER_INCOMPLETE",
            `Hồ sơ của ${c.name} chưa đủ, còn thiếu: ${state.missing.join("; ")}.`,
            state.components.filter((x) => x.required && !x.file).map((x) => ({ path: `dossier.${x.id}`, message: `Thiếu "${x.name}".` })),
          );
      },
      set: () => ({ submittedAt: now }),
      audit: () => ({
        action: again ? "nomination.resubmit" : "nomination.submit",
        unitId: c.unit.id,
        summary: `${again ? "Nộp lại" : "Nộp"} hồ sơ đề nghị "${formName}" của ${c.name}${late ? ` — trễ hạn (hạn hết ngày ${dmy(state.due as string)})` : ""}`,
        after: { submittedAt: now.toISOString(), late },
      }),
      notices: async () => [
        {
          userIds: await holdersOf(tx, ["office"], c.scope.issuer.path),
          notice: {
            kind: "nomination",
            title: `Hồ sơ đề nghị khen thưởng mới: ${c.name}`,
            body: `${c.name} ${again ? "nộp lại" : "nộp"} hồ sơ đề nghị "${formName}" (phong trào "${c.scope.plan.title}")${
              late ? `, sau hạn ${dmy(state.due as string)}` : ""
            }.`,
            link: officeLink(c.scope.plan.id),
          },
        },
      ],
    });
  });
  return getNomination(db, actor, id, now);
}
