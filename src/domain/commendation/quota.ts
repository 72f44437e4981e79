// Quotas per award form and a suggested list: eligible nominees by rank, priority and the tie-break chain. Pure.
import type { Plan } from "../plan/schema.js";

type Quota = Plan["awardForms"][number]["quotas"][number]["quota"];

/** The most nominees a quota allows among `participants` (a share rounds down); null: no limit. */
export function quotaLimit(q: Quota, participants: number): number | null {
  if (q.kind === "count") return q.max;
  if (q.kind === "share") return Math.floor((q.percent * participants) / 100);
  return null;
}

export interface Candidate {
  id: number;
  name: string;
  eligible: boolean | null;
  priority: boolean;
  rank: number | null;
  total: number | null;
  isWoman?: boolean;
  womenShare?: number | null;
}

export interface Suggestion {
  selected: { id: number; why: string }[];
  waiting: { id: number; why: string }[];
  warnings: string[];
}

/**
 * Orders eligible candidates (rank first, then priority, then — on a tie — women and collectives with ≥ 70 % women,
 * per Decree 98/2023 art. 4) and fills the quota; the rest wait with the reason.
 */
export function suggest(candidates: Candidate[], limit: number | null, nominated: number[] = []): Suggestion {
  const eligible = candidates.filter((c) => c.eligible === true);
  const womenFirst = (c: Candidate) => (c.isWoman || (c.womenShare ?? 0) >= 0.7 ? 1 : 0);
  const ordered = [...eligible].sort(
    (a, b) =>
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      Number(b.priority) - Number(a.priority) ||
      womenFirst(b) - womenFirst(a) ||
      (b.total ?? 0) - (a.total ?? 0) ||
      a.id - b.id,
  );
  const cap = limit ?? ordered.length;
  const selected = ordered.slice(0, cap).map((c, i) => ({
    id: c.id,
    why: `Thứ ${i + 1} trong danh sách đủ điều kiện${c.rank ? ` (hạng ${c.rank})` : ""}${c.priority ? ", diện ưu tiên" : ""}`,
  }));
  const waiting = ordered.slice(cap).map((c) => ({ id: c.id, why: `Ngoài chỉ tiêu ${cap}${c.rank ? ` (hạng ${c.rank})` : ""}` }));
  const warnings: string[] = [];
  if (limit !== null && nominated.length > limit) warnings.push(`Danh sách đề nghị có ${nominated.length} người/đơn vị, vượt chỉ tiêu ${limit}.`);
  const last = limit !== null ? ordered[cap - 1] : undefined;
  const next = limit !== null ? ordered[cap] : undefined;
  if (last && next && last.rank !== null && last.rank === next.rank) {
    warnings.push(`Có đối tượng bằng hạng ${next.rank} ở ranh giới chỉ tiêu: Hội đồng cần bỏ phiếu hoặc quyết định.`);
  } else if (last && next && last.rank === null && next.rank === null && last.priority === next.priority && womenFirst(last) === womenFirst(next)) {
    // An unranked (pass/fail) group: nothing but the order of lodging separates them at the cut.
    warnings.push("Có đối tượng ngang nhau ở ranh giới chỉ tiêu (nhóm không xếp hạng): Hội đồng cần bỏ phiếu hoặc quyết định.");
  }
  return { selected, waiting, warnings };
}

type AwardForm = Plan["awardForms"][number];
type Target = "collective" | "individual";

/** One quota of an award form with the participant groups it covers. */
export interface QuotaScope {
  target: Target;
  groups: string[];
  quota: Quota;
  source: string | null;
}

/** The quotas of an award form over its groups; a form without quotas is unlimited for each of its targets. */
export function quotaScopes(plan: Plan, form: AwardForm): QuotaScope[] {
  const targets: Target[] = form.target === "both" ? ["collective", "individual"] : [form.target];
  const quotas = form.quotas.length
    ? form.quotas
    : targets.map((target) => ({ target, quota: { kind: "unlimited" as const }, groups: undefined, source: undefined }));
  return quotas.map((q) => ({
    target: q.target,
    groups: q.groups ?? plan.groups.filter((g) => g.type === q.target).map((g) => g.id),
    quota: q.quota,
    source: q.source ?? null,
  }));
}

/** A recipient as quotas count it: in a decision (draft or issued) or proposed for one. */
export interface CountedAward {
  target: Target;
  groupId: string;
  status: "draft" | "issued";
}

const counts = (scope: QuotaScope, a: CountedAward) => a.target === scope.target && scope.groups.includes(a.groupId);

/** How many participants a quota's groups hold, from the count per group. */
export function participantsIn(scope: QuotaScope, perGroup: Record<string, number>): number {
  return scope.groups.reduce((s, g) => s + (perGroup[g] ?? 0), 0);
}

export interface QuotaStanding {
  participants: number;
  limit: number | null;
  issued: number;
  drafted: number;
  /** Places left for new decisions (null: no limit; never below 0). */
  remaining: number | null;
}

/** What a quota allows and what the movement's decisions of the form (drafts included) already use of it. */
export function quotaStanding(scope: QuotaScope, perGroup: Record<string, number>, awards: readonly CountedAward[]): QuotaStanding {
  const participants = participantsIn(scope, perGroup);
  const limit = quotaLimit(scope.quota, participants);
  const mine = awards.filter((a) => counts(scope, a));
  const issued = mine.filter((a) => a.status === "issued").length;
  const drafted = mine.length - issued;
  return { participants, limit, issued, drafted, remaining: limit === null ? null : Math.max(0, limit - mine.length) };
}

export interface QuotaBreach {
  target: Target;
  limit: number;
  already: number;
  adding: number;
  message: string;
}

const TARGET_WORD: Record<Target, string> = { collective: "tập thể", individual: "cá nhân" };

/**
 * The quotas that `adding` would break on top of `existing` (all decisions of the movement for the form, drafts
 * included): count and share alike. One function for the suggested list and every decision.
 */
export function quotaBreaches(
  scopes: readonly QuotaScope[],
  perGroup: Record<string, number>,
  existing: readonly CountedAward[],
  adding: readonly CountedAward[],
  formName: string,
): QuotaBreach[] {
  const out: QuotaBreach[] = [];
  for (const scope of scopes) {
    const { limit } = quotaStanding(scope, perGroup, existing);
    if (limit === null) continue;
    const already = existing.filter((a) => counts(scope, a)).length;
    const more = adding.filter((a) => counts(scope, a)).length;
    if (more === 0 || already + more <= limit) continue;
    const quota = scope.quota.kind === "share" ? `${limit} (${scope.quota.percent}% của ${participantsIn(scope, perGroup)} đối tượng)` : String(limit);
    out.push({
      target: scope.target,
      limit,
      already,
      adding: more,
      message: `Vượt chỉ tiêu ${TARGET_WORD[scope.target]} của "${formName}": chỉ tiêu ${quota}, các quyết định của phong trào (kể cả dự thảo) đã có ${already}, quyết định này thêm ${more}${
        limit - already > 0 ? `; chỉ còn ${limit - already} chỗ` : "; đã hết chỉ tiêu"
      }.`,
    });
  }
  return out;
}
