import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { nominations } from "../../../db/schema.js";
import { appraisableInputs, checkAppraisedFacts } from "../../../domain/commendation/eligibility.js";
import { type Facts, showValue } from "../../../domain/plan/conditions.js";
import { badRequest, versionConflict } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { assertLaunched, loadNomination } from "./load-nomination.js";
import { getNomination } from "./present-nomination.js";

/**
 * The office records what it found about the facts an eligibility rule reads (e.g. "the disbursement shortfall is
 * for subjective reasons"); they prevail over what the nominee declared. A null removes the office's finding.
 */
export async function recordEligibilityFacts(db: Db, actor: Actor, id: number, input: { version: number; facts: Record<string, Facts[string]> }, now: Date) {
  await db.transaction(async (tx) => {
    const c = await loadNomination(tx, actor, id, "office");
    assertLaunched(c.scope.plan);
    if (c.n.version !== input.version) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const inputs = appraisableInputs(c.scope.data, c.n.awardFormId, { target: c.group.type, groupId: c.group.id });
    const problems = checkAppraisedFacts(inputs, input.facts);
    if (problems.length)
      throw badRequest(
        "BAD_FACTS",
        problems.map((p) => p.message).join(" "),
        problems.map((p) => ({ path: `facts.${p.key}`, message: p.message })),
      );
    const before = c.n.officeFacts as Facts;
    const next: Facts = { ...before };
    for (const [key, value] of Object.entries(input.facts)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    const [saved] = await tx
      .update(nominations)
      .set({ officeFacts: next, updatedAt: now, version: input.version + 1 })
      .where(and(eq(nominations.id, id), eq(nominations.version, input.version)))
      .returning();
    if (!saved) throw versionConflict(`Hồ sơ đề nghị của ${c.name}`);
    const def = (key: string) => inputs.find((i) => i.input.key === key)?.input;
    const changed = Object.entries(input.facts).map(
      ([k, v]) => `${def(k)?.label ?? k}: ${v === null ? "bỏ ghi nhận của cơ quan thường trực" : showValue(v, def(k))}`,
    );
    await writeAudit(tx, actor, {
      action: "nomination.facts",
      entity: "nomination",
      entityId: id,
      unitId: c.unit.id,
      summary: `Ghi nhận dữ kiện xét khen thưởng cho hồ sơ của ${c.name}: ${changed.join("; ")}`,
      before,
      after: next,
    });
  });
  return getNomination(db, actor, id, now);
}
