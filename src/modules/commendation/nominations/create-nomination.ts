import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { nominations, participants, people, units } from "../../../db/schema.js";
import { can, knowsOf } from "../../../domain/access.js";
import { badRequest, conflict, forbidden, notFound } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { assertReadable } from "../../scope.js";
import { isUniqueViolation, raced } from "./duplicate-nomination.js";
import { assertLaunched, planScope } from "./load-nomination.js";
import { fits, nomineeName, TARGET_LABEL, type Target } from "./nominee.js";
import { getNomination } from "./present-nomination.js";

/** A unit (for its collective or staff) or the office proposes a participant for an award form of the plan. */
export async function createNomination(db: Db, actor: Actor, planId: number, input: { awardFormId: string; participantId: number }, now: Date) {
  const id = await db
    .transaction(async (tx) => {
      const scope = await planScope(tx, actor, planId);
      const [row] = await tx
        .select({ pa: participants, u: units, person: people })
        .from(participants)
        .innerJoin(units, eq(units.id, participants.unitId))
        .leftJoin(people, eq(people.id, participants.personId))
        .where(eq(participants.id, input.participantId));
      if (!row) throw notFound(`đối tượng thi đua có mã số ${input.participantId}`);
      if (row.pa.planId !== planId) throw badRequest("OTHER_PLAN", "Đối tượng này không tham gia phong trào này.");
      const name = nomineeName(row.u.name, row.person?.fullName ?? null);
      const participates = can(actor.grants, "movement.participate", row.u.path);
      if (!scope.manages && !participates) assertReadable(knowsOf(actor.grants, row.u.path), `đối tượng thi đua có mã số ${input.participantId}`);
      if (!scope.manages && !participates)
        throw forbidden(`Bạn chỉ được đề nghị khen thưởng tập thể, cá nhân thuộc đơn vị mình; "${name}" không thuộc phạm vi của bạn.`);
      assertLaunched(scope.plan);
      const form = scope.data.awardForms.find((f) => f.id === input.awardFormId);
      if (!form) throw badRequest("NO_AWARD_FORM", `Kế hoạch không có hình thức khen thưởng "${input.awardFormId}".`);
      const group = scope.data.groups.find((g) => g.id === row.pa.groupId);
      if (!group) throw conflict("GROUP_GONE", "Nhóm đối tượng của đối tượng này không còn trong kế hoạch.");
      if (!fits(form, group.type))
        throw badRequest("WRONG_TARGET", `"${form.name}" chỉ dành cho ${TARGET_LABEL[form.target as Target]}; "${name}" là ${TARGET_LABEL[group.type]}.`);
      const [dup] = await tx
        .select({ id: nominations.id })
        .from(nominations)
        .where(and(eq(nominations.planId, planId), eq(nominations.awardFormId, form.id), eq(nominations.participantId, row.pa.id)));
      if (dup)
        throw conflict(
          "DUPLICATE_NOMINATION",
          `"${name}" đã được đề nghị "${form.name}" (hồ sơ số ${dup.id}); mỗi đối tượng chỉ có một hồ sơ cho mỗi hình thức.`,
        );
      // The office proposes in the name of the issuer; a unit in its own name.
      const proposedByUnitId = scope.manages ? scope.issuer.id : row.u.id;
      const [created] = await tx
        .insert(nominations)
        .values({ planId, awardFormId: form.id, participantId: row.pa.id, proposedByUnitId, createdBy: actor.userId || null, createdAt: now, updatedAt: now })
        .returning();
      await writeAudit(tx, actor, {
        action: "nomination.create",
        entity: "nomination",
        entityId: created.id,
        unitId: row.u.id,
        summary: `Đề nghị "${form.name}" cho ${name} (phong trào "${scope.plan.title}")`,
        after: { planId, awardFormId: form.id, participantId: row.pa.id, proposedByUnitId },
      });
      return created.id;
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? raced() : e;
    });
  return getNomination(db, actor, id, now);
}
