// Ranks participants by total and the plan's tie-break chain. Pure.

export interface Rankable {
  id: number;
  total: number | null;
  /** Values for tie-break keys, e.g. "criterion:v" → points, "priority" → 1/0, "women_share" → 0.72. */
  keys: Record<string, number>;
}

export interface Ranked {
  id: number;
  rank: number | null;
  /** Another participant shares this exact rank after every tie-break: the council or a person must decide. */
  tied: boolean;
  /** The tie-break that separated this participant from the one above, when the totals were equal. */
  decidedBy: string | null;
}

const TIE_LABELS: Record<string, string> = { total: "tổng điểm", priority: "diện ưu tiên", women_share: "tỷ lệ nữ" };
export function tieBreakLabel(key: string): string {
  if (TIE_LABELS[key]) return TIE_LABELS[key];
  if (key.startsWith("criterion:")) return `điểm tiêu chí ${key.slice(10)}`;
  return key;
}

/** Standard competition ranking (1, 2, 2, 4) on total then each tie-break key, higher first; no total → no rank. */
export function rank(items: Rankable[], tieBreak: string[]): Ranked[] {
  const chain = tieBreak.filter((k) => k !== "total");
  const scored = items.filter((i) => i.total !== null);
  const cmp = (a: Rankable, b: Rankable): { diff: number; by: string | null } => {
    if (a.total !== b.total) return { diff: (b.total as number) - (a.total as number), by: null };
    for (const k of chain) {
      const d = (b.keys[k] ?? 0) - (a.keys[k] ?? 0);
      if (d !== 0) return { diff: d, by: k };
    }
    return { diff: 0, by: null };
  };
  const sorted = [...scored].sort((a, b) => cmp(a, b).diff || a.id - b.id);
  const out: Ranked[] = [];
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const withPrev = prev ? cmp(prev, item) : null;
    const rankNo = withPrev && withPrev.diff === 0 ? (out[i - 1].rank as number) : i + 1;
    out.push({ id: item.id, rank: rankNo, tied: false, decidedBy: withPrev && prev.total === item.total && withPrev.by ? withPrev.by : null });
  });
  for (let i = 0; i < out.length; i++)
    if ((i > 0 && out[i - 1].rank === out[i].rank) || (i + 1 < out.length && out[i + 1].rank === out[i].rank)) out[i].tied = true;
  for (const i of items) if (i.total === null) out.push({ id: i.id, rank: null, tied: false, decidedBy: null });
  return out;
}
