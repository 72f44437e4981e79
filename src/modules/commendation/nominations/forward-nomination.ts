import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client.js";
import { nominations, participants, plans, units } from "../../../db/schema.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { isWithin } from "../../../domain/org.js";
import { personInGroup, unitInGroup } from "../../../domain/plan/membership.js";
import type { Plan } from "../../../domain/plan/schema.js";
import { badRequest, conflict, notFound } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { writeAudit } from "../../audit/write-audit.js";
import { assertMove } from "../../lifecycle/transition.js";
import type { PlanRow, UnitRow } from "../../movement/participants.js";
import { dossierItemsOf, matchComponents } from "../dossier.js";
import { putItem } from "./dossier-items.js";
import { isUniqueViolation, raced } from "./duplicate-nomination.js";
import { loadNomination, type NominationContext } from "./load-nomination.js";
import { type AwardForm, fits, TARGET_LABEL, type Target } from "./nominee.js";
import { getNomination } from "./present-nomination.js";

/** The nominee's participant in the upper plan: the existing one for the same unit/person, or a new one in a matching group. */
async function upperParticipant(tx: Executor, upper: { plan: PlanRow; issuer: UnitRow; data: Plan }, c: NominationContext) {
  const personId = c.participant.personId;
  const existing = await tx
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.planId, upper.plan.id),
        eq(participants.unitId, c.unit.id),
        personId ? eq(participants.personId, personId) : isNull(participants.personId),
      ),
    );
  const same = existing.find((p) => upper.data.groups.find((g) => g.id === p.groupId)?.type === c.group.type);
  if (same) return { participant: same, created: false };
  const groups = upper.data.groups.filter((g) => g.type === c.group.type);
  const codes = [...new Set(groups.flatMap((g) => g.membership.withinUnitCodes ?? []).map((x) => x.toLowerCase()))];
  const named = codes.length
    ? await tx
        .select({ code: units.code, path: units.path })
        .from(units)
        .where(inArray(sql`lower(${units.code})`, codes))
    : [];
  const pathOfCode = (code: string) => named.find((u) => u.code.toLowerCase() === code.toLowerCase())?.path;
  const inside = isWithin(c.unit.path, upper.issuer.path) && c.unit.id !== upper.issuer.id;
  const group = inside ? groups.find((g) => (c.person ? personInGroup(c.person, c.unit, g, pathOfCode) : unitInGroup(c.unit, g, pathOfCode))) : undefined;
  if (!group)
    throw conflict(
      "NO_MATCHING_GROUP",
      `"${c.name}" không thuộc nhóm đối tượng ${TARGET_LABEL[c.group.type]} nào của kế hoạch "${upper.plan.title}"; cơ quan cấp trên cần bổ sung nhóm đối tượng.`,
    );
  const [created] = await tx.insert(participants).values({ planId: upper.plan.id, groupId: group.id, unitId: c.unit.id, personId }).returning();
  return { participant: created, created: true };
}

/**
 * The lower level's office forwards an accepted nomination for an upper-level award (e.g. a city proposes a ward
 * for the province chairman's Bằng khen) to the upper level's launched plan, carrying its dossier files.
 * The new nomination starts as a draft in the upper plan, so the lower office checks it against the upper
 * checklist and lodges it by the upper deadline.
 */
export async function forwardNomination(db: Db, actor: Actor, id: number, input: { upperPlanId: number; awardFormId?: string }, now: Date) {
  const result = await db
    .transaction(async (tx) => {
      const c = await loadNomination(tx, actor, id, "office");
      if (!c.form?.proposeToUpperLevel)
        throw badRequest(
          "NOT_UPPER_LEVEL_FORM",
          `"${c.form?.name ?? c.n.awardFormId}" do ${c.scope.issuer.name} quyết định, không phải hình thức đề nghị cấp trên khen thưởng.`,
        );
      assertMove(nominationLifecycle, "forward", c.n.status);
      const [row] = await tx
        .select({ p: plans, u: units })
        .from(plans)
        .innerJoin(units, eq(units.id, plans.issuerUnitId))
        .where(eq(plans.id, input.upperPlanId));
      if (!row) throw notFound(`kế hoạch có mã số ${input.upperPlanId}`);
      const upper = { plan: row.p, issuer: row.u, data: row.p.data as Plan };
      if (!isWithin(c.scope.issuer.path, upper.issuer.path) || upper.issuer.id === c.scope.issuer.id)
        throw badRequest("NOT_UPPER_LEVEL", `Kế hoạch "${upper.plan.title}" do ${upper.issuer.name} ban hành, không phải cấp trên của ${c.scope.issuer.name}.`);
      if (upper.plan.status !== "launched") throw conflict("NOT_LAUNCHED", `Kế hoạch "${upper.plan.title}" của cấp trên chưa phát động (hoặc đã kết thúc).`);
      const target = c.group.type;
      let form: AwardForm | undefined;
      if (input.awardFormId) {
        form = upper.data.awardForms.find((f) => f.id === input.awardFormId);
        if (!form) throw badRequest("NO_AWARD_FORM", `Kế hoạch cấp trên không có hình thức khen thưởng "${input.awardFormId}".`);
      } else {
        const fitting = upper.data.awardForms.filter((f) => fits(f, target));
        form = fitting.find((f) => f.id === c.n.awardFormId) ?? (fitting.length === 1 ? fitting[0] : undefined);
        if (!form)
          throw badRequest(
            "CHOOSE_AWARD_FORM",
            fitting.length
              ? `Kế hoạch cấp trên có ${fitting.length} hình thức khen thưởng cho ${TARGET_LABEL[target]}; hãy chọn một (awardFormId).`
              : `Kế hoạch cấp trên không có hình thức khen thưởng nào cho ${TARGET_LABEL[target]}.`,
          );
      }
      if (!fits(form, target)) throw badRequest("WRONG_TARGET", `"${form.name}" của cấp trên chỉ dành cho ${TARGET_LABEL[form.target as Target]}.`);
      const [already] = await tx.select({ id: nominations.id }).from(nominations).where(eq(nominations.forwardedFromId, id));
      if (already) throw conflict("ALREADY_FORWARDED", `Hồ sơ này đã được chuyển lên cấp trên (hồ sơ số ${already.id}).`);
      const { participant, created } = await upperParticipant(tx, upper, c);
      const [dup] = await tx
        .select({ id: nominations.id })
        .from(nominations)
        .where(and(eq(nominations.planId, upper.plan.id), eq(nominations.awardFormId, form.id), eq(nominations.participantId, participant.id)));
      if (dup) throw conflict("DUPLICATE_NOMINATION", `"${c.name}" đã có hồ sơ đề nghị "${form.name}" ở cấp trên (hồ sơ số ${dup.id}).`);
      const [next] = await tx
        .insert(nominations)
        .values({
          planId: upper.plan.id,
          awardFormId: form.id,
          participantId: participant.id,
          proposedByUnitId: c.scope.issuer.id,
          forwardedFromId: id,
          createdBy: actor.userId || null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const items = (await dossierItemsOf(tx, [id])).get(id) ?? [];
      const { carried, notCarried } = matchComponents(
        c.scope.data.dossier,
        upper.data.dossier,
        items.map((i) => i.componentId),
      );
      for (const m of carried) {
        const item = items.find((i) => i.componentId === m.from) as (typeof items)[number];
        await putItem(tx, next.id, m.to, item.file.id, item.generated, now);
      }
      await writeAudit(tx, actor, {
        action: "nomination.forward",
        entity: "nomination",
        entityId: next.id,
        unitId: c.unit.id,
        summary: `Chuyển hồ sơ đề nghị "${form.name}" của ${c.name} từ "${c.scope.plan.title}" lên "${upper.plan.title}" (${carried.length}/${items.length} thành phần hồ sơ)${
          created ? "; bổ sung vào danh sách đối tượng của cấp trên" : ""
        }`,
        after: { from: id, planId: upper.plan.id, awardFormId: form.id, participantId: participant.id, carried, notCarried },
      });
      return { id: next.id, notCarried };
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? raced() : e;
    });
  return { ...(await getNomination(db, actor, result.id, now)), notCarried: result.notCarried };
}
