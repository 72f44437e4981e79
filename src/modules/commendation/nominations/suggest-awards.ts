import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import { nominations } from "../../../db/schema.js";
import { quotaScopes, quotaStanding, suggest } from "../../../domain/commendation/quota.js";
import { LODGED } from "../../../domain/lifecycles/nomination.js";
import { forbidden, notFound } from "../../../http/errors.js";
import type { Actor } from "../../actor.js";
import { awardsOf, participantsPerGroup } from "../awards.js";
import { planScope } from "./load-nomination.js";
import { TARGET_LABEL } from "./nominee.js";
import { listedRows, type NominationView, viewsOf } from "./present-nomination.js";

/**
 * Per quota of an award form: the limit, what the movement's decisions already hold of it (issued and drafts), the
 * suggested list for the places left by rank, priority and the women-first tie rule, and warnings.
 */
export async function suggestions(db: Executor, actor: Actor, planId: number, formId: string, now: Date) {
  const scope = await planScope(db, actor, planId);
  if (!scope.manages) throw forbidden("Chỉ cơ quan thường trực của phong trào được xem danh sách gợi ý khen thưởng.");
  const form = scope.data.awardForms.find((f) => f.id === formId);
  if (!form) throw notFound(`hình thức khen thưởng "${formId}" trong kế hoạch này`);
  const views = await viewsOf(db, actor, scope, await listedRows(db, and(eq(nominations.planId, planId), eq(nominations.awardFormId, form.id))), now);
  const perGroup = await participantsPerGroup(db, planId);
  const awarded = await awardsOf(db, planId, form.id);
  const decidedIds = new Set(awarded.map((a) => a.nominationId));
  const brief = (v: NominationView) => ({
    nominationId: v.id,
    participantId: v.participantId,
    name: v.name,
    groupId: v.groupId,
    status: v.status,
    rank: v.ranking.rank,
    total: v.ranking.total,
    priority: v.eligibility.priority,
  });
  return {
    planId,
    awardFormId: form.id,
    awardFormName: form.name,
    rankingSource: views[0]?.ranking.source ?? (scope.plan.finalisedAt ? "results" : "provisional"),
    quotas: quotaScopes(scope.data, form).map((q) => {
      const { groups } = q;
      const standing = quotaStanding(q, perGroup, awarded);
      const { limit } = standing;
      const inQuota = views.filter((v) => v.target === q.target && groups.includes(v.groupId) && v.status !== "rejected");
      // Those already in a decision hold their place; the suggestion fills the places left.
      const open = inQuota.filter((v) => !decidedIds.has(v.id));
      const byId = new Map(inQuota.map((v) => [v.id, v]));
      const accepted = inQuota.filter((v) => v.status === "accepted").map((v) => v.id);
      const s = suggest(
        open.map((v) => ({
          id: v.id,
          name: v.name,
          eligible: v.eligibility.eligible,
          priority: v.eligibility.priority,
          rank: v.ranking.rank,
          total: v.ranking.total,
          isWoman: v.isWoman ?? undefined,
          womenShare: v.womenShare,
        })),
        standing.remaining,
        accepted.filter((id) => !decidedIds.has(id)),
      );
      const lodged = inQuota.filter((v) => LODGED.has(v.status)).length;
      const warnings = [...s.warnings];
      if (limit !== null && lodged > limit)
        warnings.unshift(`Có ${lodged} hồ sơ ${TARGET_LABEL[q.target]} đề nghị "${form.name}" trong khi chỉ tiêu là ${limit}: cần chọn theo danh sách gợi ý.`);
      if (limit !== null && standing.remaining === 0 && open.some((v) => v.status === "accepted"))
        warnings.push(`Các quyết định của phong trào (kể cả dự thảo) đã dùng hết chỉ tiêu ${limit} ${TARGET_LABEL[q.target]} của "${form.name}".`);
      const decided = awarded.filter((a) => a.target === q.target && groups.includes(a.groupId));
      return {
        target: q.target,
        targetLabel: TARGET_LABEL[q.target],
        groups,
        quota: q.quota,
        source: q.source,
        participants: standing.participants,
        limit,
        /** Recipients of issued decisions, of draft decisions, and the places left (null: no limit). */
        issued: standing.issued,
        drafted: standing.drafted,
        remaining: standing.remaining,
        nominated: inQuota.length,
        lodged,
        accepted: accepted.length,
        decided: decided.map((a) => ({
          nominationId: a.nominationId,
          participantId: a.participantId,
          name: byId.get(a.nominationId)?.name ?? a.name,
          decisionId: a.decisionId,
          decision: a.decision,
          status: a.status,
        })),
        selected: s.selected.map((x) => ({ ...brief(byId.get(x.id) as NominationView), why: x.why })),
        waiting: s.waiting.map((x) => ({ ...brief(byId.get(x.id) as NominationView), why: x.why })),
        excluded: open
          .filter((v) => v.eligibility.eligible === false)
          .map((v) => ({
            ...brief(v),
            why: v.eligibility.summary,
            reasons: v.eligibility.reasons.filter((r) => r.ok === false && r.kind !== "priority").map((r) => r.message),
          })),
        undecided: open.filter((v) => v.eligibility.eligible === null).map((v) => ({ ...brief(v), why: v.eligibility.summary })),
        warnings,
      };
    }),
  };
}
