// Ranks participants by total and the plan's tie-break chain, or — for a group without points — by the chain
// alone; a tie the chain cannot break is settled by the office's recorded decision. Pure.

export interface Rankable {
  id: number;
  /** Null: not scored yet (no declared self-assessment), so not ranked. */
  total: number | null;
  /** Values for tie-break keys, e.g. "criterion:v" → points, "input:x" → a count, "priority" → 1/0, "women_share" → 0.72. */
  keys: Record<string, number>;
}

/** The office's decision on a tie: the order it set for participants the chain left equal, with why and where minuted. */
export interface TieDecision {
  order: number[];
  reason: string;
  reference: string;
}

export interface Ranked {
  id: number;
  rank: number | null;
  /** Another participant shares this exact rank after every tie-break: the council or a person must decide. */
  tied: boolean;
  /** The tie-break that separated this participant from the one above, when the totals were equal. */
  decidedBy: string | null;
}

/** Chain ends: a tie left after every key is decided by the council's vote or by the office; both are recorded decisions. */
export const TIE_DECIDERS = ["vote", "decision"] as const;
const FIXED_KEYS = ["total", "priority", "women_share"];

const TIE_LABELS: Record<string, string> = {
  total: "tổng điểm",
  priority: "diện ưu tiên",
  women_share: "tỷ lệ nữ",
  vote: "biểu quyết của Hội đồng",
  decision: "quyết định của cơ quan thường trực",
};
/** A key's name in Vietnamese; `inputLabels` names an input by its label rather than its code. */
export function tieBreakLabel(key: string, inputLabels: Record<string, string> = {}): string {
  if (TIE_LABELS[key]) return TIE_LABELS[key];
  if (key.startsWith("criterion:")) return `điểm tiêu chí ${key.slice(10)}`;
  if (key.startsWith("input:")) return inputLabels[key.slice(6)] ? `chỉ số "${inputLabels[key.slice(6)]}"` : `chỉ số ${key.slice(6)}`;
  return key;
}

/**
 * What is wrong with a tie-break chain, in Vietnamese (empty: nothing). Known keys: total, priority, women_share,
 * criterion:<id> of a criterion with points, input:<id> of a declared input; "vote" or "decision" only last.
 */
export function tieBreakIssues(chain: string[], known: { criteria: string[]; inputs: string[] }): string[] {
  const issues: string[] = [];
  chain.forEach((key, i) => {
    if ((TIE_DECIDERS as readonly string[]).includes(key)) {
      if (i !== chain.length - 1) issues.push(`"${key}" (${tieBreakLabel(key)}) chỉ được đặt cuối chuỗi tiêu chí phụ.`);
      return;
    }
    if (FIXED_KEYS.includes(key)) return;
    if (key.startsWith("criterion:")) {
      if (!known.criteria.includes(key.slice(10))) issues.push(`Tiêu chí phụ "${key}" nhắc tới tiêu chí "${key.slice(10)}" không có điểm trong nhóm.`);
      return;
    }
    if (key.startsWith("input:")) {
      if (!known.inputs.includes(key.slice(6))) issues.push(`Tiêu chí phụ "${key}" nhắc tới chỉ số "${key.slice(6)}" chưa được khai báo.`);
      return;
    }
    issues.push(
      `Tiêu chí phụ "${key}" không hợp lệ: dùng total, priority, women_share, criterion:<mã tiêu chí>, input:<mã chỉ số>, và cuối chuỗi là vote hoặc decision.`,
    );
  });
  if (new Set(chain).size !== chain.length) issues.push("Chuỗi tiêu chí phụ có khóa bị lặp.");
  return issues;
}

/**
 * Standard competition ranking (1, 2, 2, 4), higher first: on total (when `byTotal`), then each chain key, then —
 * for those the chain left equal — the order of a recorded decision naming them both. No total → no rank.
 */
export function rank(items: Rankable[], tieBreak: string[], opts: { byTotal?: boolean; decisions?: TieDecision[] } = {}): Ranked[] {
  const byTotal = opts.byTotal ?? true;
  const chain = tieBreak.filter((k) => k !== "total" && !(TIE_DECIDERS as readonly string[]).includes(k));
  const decider = tieBreak.find((k) => (TIE_DECIDERS as readonly string[]).includes(k)) ?? "decision";
  const decisions = opts.decisions ?? [];
  const scored = items.filter((i) => i.total !== null);
  const cmp = (a: Rankable, b: Rankable): { diff: number; by: string | null } => {
    if (byTotal && a.total !== b.total) return { diff: (b.total as number) - (a.total as number), by: null };
    for (const k of chain) {
      const d = (b.keys[k] ?? 0) - (a.keys[k] ?? 0);
      if (d !== 0) return { diff: d, by: k };
    }
    for (const dec of decisions) {
      const pa = dec.order.indexOf(a.id);
      const pb = dec.order.indexOf(b.id);
      if (pa >= 0 && pb >= 0 && pa !== pb) return { diff: pa - pb, by: decider };
    }
    return { diff: 0, by: null };
  };
  const sorted = [...scored].sort((a, b) => cmp(a, b).diff || a.id - b.id);
  const out: Ranked[] = [];
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const withPrev = prev ? cmp(prev, item) : null;
    const rankNo = withPrev && withPrev.diff === 0 ? (out[i - 1].rank as number) : i + 1;
    const sameTotal = !byTotal || prev?.total === item.total;
    out.push({ id: item.id, rank: rankNo, tied: false, decidedBy: withPrev && sameTotal && withPrev.by ? withPrev.by : null });
  });
  for (let i = 0; i < out.length; i++)
    if ((i > 0 && out[i - 1].rank === out[i].rank) || (i + 1 < out.length && out[i + 1].rank === out[i].rank)) out[i].tied = true;
  for (const i of items) if (i.total === null) out.push({ id: i.id, rank: null, tied: false, decidedBy: null });
  return out;
}
