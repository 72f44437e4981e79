import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { nominations } from "../../../db/schema.js";
import { eligibilityBlock } from "../../../domain/commendation/decision-guards.js";
import { statusLabel } from "../../../domain/lifecycle.js";
import { type NominationStatus, nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { conflict } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { transition } from "../../lifecycle/transition.js";
import { awardsOf, identityOf } from "../awards.js";
import { loadNomination } from "./load-nomination.js";
import { proposingSide, unitLink } from "./notice-targets.js";
import { getNomination, judgeNominations, type NominationView } from "./present-nomination.js";

/** The office's appraisal opinion on a lodged dossier, and its conclusion (propose for the award, or not). */
export async function recordOpinion(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number; opinion: string; status?: "accepted" | "rejected" },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    const formName = c.form?.name ?? c.n.awardFormId;
    await transition(tx, actor, {
      lifecycle: nominationLifecycle,
      move: "appraise",
      to: input.status ?? (c.n.status as NominationStatus),
      table: nominations,
      row: c.n,
      version: input.version,
      what: `Hồ sơ đề nghị của ${c.name}`,
      now,
      guard: async (status) => {
        if (status !== c.n.status) {
          const [up] = await tx.select({ id: nominations.id }).from(nominations).where(eq(nominations.forwardedFromId, id));
          if (up) throw conflict("FORWARDED", `Hồ sơ đã được chuyển lên cấp trên (hồ sơ số ${up.id}); không đổi kết luận thẩm định được nữa.`);
        }
        if (status === "accepted") {
          // Only a nominee known to be eligible is proposed: "not enough information to conclude" is not a yes.
          const view = (await judgeNominations(tx, actor, c.scope.plan.id, [id], now)).get(id) as NominationView;
          const block = eligibilityBlock(c.name, view.eligibility);
          if (block) throw conflict(block.code, `Không đề nghị khen thưởng được. ${view.eligibility.summary}.`);
          const prior = await awardsOf(tx, c.scope.plan.id, c.n.awardFormId);
          // Another nomination of the same person or unit (e.g. in another group) already decided; not this one itself.
          const same = prior.find((a) => a.identity === identityOf(c.participant) && a.nominationId !== id);
          if (same) throw conflict("ALREADY_AWARDED", `${c.name} đã có tên trong ${same.decision} tặng "${formName}" của phong trào này.`);
        }
      },
      set: () => ({ officeOpinion: input.opinion }),
      audit: (status) => ({
        action: "nomination.opinion",
        unitId: c.unit.id,
        summary: `Ý kiến thẩm định hồ sơ "${formName}" của ${c.name}: ${statusLabel(nominationLifecycle, status)} — ${input.opinion}`,
        before: { status: c.n.status, opinion: c.n.officeOpinion },
        after: { status, opinion: input.opinion },
      }),
      // The proposing side hears of a new conclusion, not of a reworded opinion.
      notices: async (status) =>
        status === c.n.status
          ? []
          : [
              {
                userIds: await proposingSide(tx, c),
                notice: {
                  kind: "nomination",
                  title: `Kết quả thẩm định hồ sơ của ${c.name}`,
                  body: `Hồ sơ đề nghị "${formName}" của ${c.name}: ${statusLabel(nominationLifecycle, status)}. Ý kiến: ${input.opinion}`,
                  link: unitLink(c.scope.plan.id),
                },
              },
            ],
    });
  });
  return getNomination(db, actor, id, now);
}
