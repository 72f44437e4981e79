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
  const tiedAtCut = limit !== null && ordered[cap - 1] && ordered[cap] && ordered[cap - 1].rank !== null && ordered[cap - 1].rank === ordered[cap].rank;
  if (tiedAtCut) warnings.push(`Có đối tượng bằng hạng ${ordered[cap].rank} ở ranh giới chỉ tiêu: Hội đồng cần bỏ phiếu hoặc quyết định.`);
  return { selected, waiting, warnings };
}
