import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { assessments, participants, people, plans, results, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { isLate } from "../../domain/calendar.js";
import { dmy, participantDisplayName } from "../../domain/format.js";
import { type Rankable, rank, tieBreakLabel } from "../../domain/movement/ranking.js";
import { type AwardBasis, awardBasis, eligibilitySystemInputs, scoreParticipant } from "../../domain/movement/score-participant.js";
import type { Plan } from "../../domain/plan/schema.js";
import { vietnameseCollator } from "../../domain/vietnamese-sort.js";
import { conflict, forbidden } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { writeSheet } from "../imports/read-sheet.js";
import { scoresOf } from "./assessment.js";
import { loadMovement, loadParticipant } from "./participants.js";
import { RankingCache } from "./ranking-cache.js";
import { loadRecords } from "./records.js";

export interface RankingRow {
  participantId: number;
  name: string;
  unitName: string;
  unitKind: string;
  groupId: string;
  assessmentStatus: string;
  registered: boolean;
  selfTotal: number | null;
  total: number | null;
  gap: number | null;
  max: number;
  rank: number | null;
  tied: boolean;
  decidedBy: string | null;
  classification: string | null;
  classificationExplanation: string;
  previousTotal: number | null;
  previousRank: number | null;
  areas: { id: string; title: string; points: number | null; max: number | null }[];
}

/** One participant scored for the movement: its ranking row (not yet ranked) and what awards are judged on. */
export interface ScoredParticipant {
  row: RankingRow;
  award: AwardBasis;
  /** Whether each target that applies to the participant is met (null: no value yet). */
  targets: Record<string, boolean | null>;
}

export type ScoredMovement = Map<number, ScoredParticipant>;

/**
 * A movement's participants scored once, served again — to the ranking screens and to eligibility alike — while
 * nothing the records loader reads has changed (see ranking-cache.ts).
 */
const provisional = new RankingCache<ScoredMovement>();

/** The whole movement scored from its records, cached per fingerprint unless `fresh`. */
export async function provisionalScores(db: Executor, plan: typeof plans.$inferSelect, now: Date, opts: { fresh?: boolean } = {}): Promise<ScoredMovement> {
  const compute = () => scoreMovement(db, plan, now);
  return opts.fresh ? compute() : provisional.get(db, plan.id, "scores", now, compute);
}

/** Totals, ranks (with the plan's tie-break chain), classification and last year's result for each participant. */

export async function computeRanking(
  db: Executor,
  actor: Actor,
  planId: number,
  now: Date,
  filter: { groupId?: string; unitKind?: string } = {},
  opts: { fresh?: boolean } = {},
): Promise<{ rows: RankingRow[]; finalised: boolean }> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  const movement = await loadMovement(db, actor, planId, "plans.read");
  const manages = can(actor.grants, "movement.manage", movement.issuer.path);
  const data = plan.data as Plan;
  // Results are published to everyone in the movement once finalised; before that only the office sees them all.
  if (!manages && !plan.finalisedAt) throw forbidden("Kết quả xếp hạng chỉ công bố sau khi cơ quan thường trực chốt kết quả.");
  if (plan.finalisedAt) {
    // Published results are what was finalised, not a recomputation.
    const stored = (await db.select({ detail: results.detail }).from(results).where(eq(results.planId, planId))).map((r) => r.detail as RankingRow);
    const rows = stored.filter((r) => (!filter.groupId || r.groupId === filter.groupId) && (!filter.unitKind || r.unitKind === filter.unitKind));
    rows.sort(
      (a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || vietnameseCollator.compare(a.name, b.name),
    );
    return { rows, finalised: true };
  }
  const scored = await provisionalScores(db, plan, now, opts);
  return { rows: rankScored(scored.values(), data, filter), finalised: false };
}

/**
 * Every participant (or those of `only`) scored from the movement's records: one load, one `scoreParticipant` each.
 * A draft self-assessment is not scored here: it is not declared yet, so it neither ranks nor counts for awards.
 */
export async function scoreMovement(db: Executor, plan: typeof plans.$inferSelect, now: Date, only?: number[]): Promise<ScoredMovement> {
  const data = plan.data as Plan;
  const records = await loadRecords(db, plan.id, data, only);
  const previous = await previousResults(db, plan, data);
  const extraInputs = eligibilitySystemInputs(data);
  const out: ScoredMovement = new Map();
  for (const { participant: pa, unit, person } of records.participants) {
    const group = data.groups.find((g) => g.id === pa.groupId);
    if (!group) continue;
    const loaded = records.of(pa.id, group, now);
    const scores =
      loaded.assessment && loaded.assessment.status !== "draft"
        ? scoreParticipant(group, data.classification, { personId: pa.personId, isHead: person?.isHead ?? false }, loaded)
        : null;
    const personName = person?.fullName ?? null;
    const prev = previous.get(`${unit.code}|${personName ?? ""}`);
    const row: RankingRow = {
      participantId: pa.id,
      name: participantDisplayName(unit.name, personName),
      unitName: unit.name,
      unitKind: unit.kind,
      groupId: pa.groupId,
      assessmentStatus: loaded.assessment?.status ?? "draft",
      registered: pa.registeredAt !== null,
      selfTotal: scores?.self.total ?? null,
      total: scores?.final.total ?? null,
      gap: scores && scores.self.total !== null && scores.final.total !== null ? Math.round((scores.final.total - scores.self.total) * 100) / 100 : null,
      max: scores?.final.max ?? 0,
      rank: null,
      tied: false,
      decidedBy: null,
      classification: scores?.final.classification.label ?? null,
      classificationExplanation: scores?.final.classification.explanation ?? "Chưa gửi bản tự chấm điểm",
      previousTotal: prev?.total ?? null,
      previousRank: prev?.rank ?? null,
      areas: (scores?.final.criteria ?? []).filter((c) => c.max !== null).map((c) => ({ id: c.id, title: c.title, points: c.points, max: c.max })),
    };
    const extra = extraInputs.length ? records.systemFacts(pa.id, group, now, extraInputs) : [];
    out.set(pa.id, {
      row,
      award: awardBasis(scores, loaded.system, extra),
      targets: Object.fromEntries(records.targets(pa.id, group).map((t) => [t.targetId, t.met])),
    });
  }
  return out;
}

/** Ranks scored participants, each group on its own (fresh rows: the scored ones are shared through the cache). */
export function rankScored(
  scored: Iterable<ScoredParticipant>,
  data: Plan,
  filter: { groupId?: string; groupIds?: string[]; unitKind?: string } = {},
): RankingRow[] {
  const rows: RankingRow[] = [];
  for (const { row } of scored) {
    if (filter.groupId && row.groupId !== filter.groupId) continue;
    if (filter.groupIds && !filter.groupIds.includes(row.groupId)) continue;
    if (filter.unitKind && row.unitKind !== filter.unitKind) continue;
    rows.push({ ...row });
  }
  // Each group is ranked on its own: collectives are not compared with individuals.
  for (const groupId of new Set(rows.map((r) => r.groupId))) {
    const inGroup = rows.filter((r) => r.groupId === groupId);
    const items: Rankable[] = inGroup.map((r) => ({
      id: r.participantId,
      total: r.total,
      keys: Object.fromEntries([...r.areas.map((a) => [`criterion:${a.id}`, a.points ?? 0]), ["priority", 0]]),
    }));
    const byId = new Map(inGroup.map((r) => [r.participantId, r]));
    for (const rk of rank(items, data.classification.tieBreak)) {
      const row = byId.get(rk.id) as RankingRow;
      row.rank = rk.rank;
      row.tied = rk.tied;
      row.decidedBy = rk.decidedBy ? tieBreakLabel(rk.decidedBy) : null;
    }
  }
  rows.sort(
    (a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || vietnameseCollator.compare(a.name, b.name),
  );
  return rows;
}

/** The same issuer's movement of the previous year, matched by unit code (and person name for individuals). */
async function previousResults(db: Executor, plan: typeof plans.$inferSelect, data: Plan) {
  const out = new Map<string, { total: number | null; rank: number | null }>();
  const [prev] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.issuerUnitId, plan.issuerUnitId), eq(plans.year, data.year - 1)));
  if (!prev) return out;
  const rows = await db
    .select({ r: results, code: units.code, personName: people.fullName })
    .from(results)
    .innerJoin(participants, eq(participants.id, results.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(results.planId, prev.id));
  for (const r of rows) out.set(`${r.code}|${r.personName ?? ""}`, { total: r.r.total, rank: r.r.rank });
  return out;
}

/** The office finalises: results are frozen into the results table and published. */
export async function finalise(db: Db, actor: Actor, planId: number, now: Date) {
  return db.transaction(async (tx) => {
    const { plan, issuer } = await loadMovement(tx, actor, planId);
    if (plan.finalisedAt) throw conflict("FINALISED", "Kết quả đã được chốt trước đó.");
    if (plan.explanationUntil && !isLate(plan.explanationUntil, now)) {
      throw conflict("EXPLANATION_OPEN", `Vòng giải trình còn mở đến hết ngày ${dmy(plan.explanationUntil)}; chờ hết hạn rồi chốt kết quả.`);
    }
    // What is published is computed afresh inside the transaction that stores it.
    const { rows } = await computeRanking(tx, actor, planId, now, {}, { fresh: true });
    for (const r of rows) {
      await tx
        .insert(results)
        .values({ participantId: r.participantId, planId, total: r.total, rank: r.rank, classification: r.classification, detail: r, finalisedAt: now })
        .onConflictDoUpdate({
          target: results.participantId,
          set: { total: r.total, rank: r.rank, classification: r.classification, detail: r, finalisedAt: now },
        });
    }
    await tx.update(plans).set({ finalisedAt: now, updatedAt: now }).where(eq(plans.id, planId));
    await writeAudit(tx, actor, {
      action: "movement.finalise",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Chốt và công bố kết quả "${plan.title}": ${rows.filter((r) => r.rank !== null).length} đối tượng được xếp hạng`,
    });
    return { ranked: rows.filter((r) => r.rank !== null).length, total: rows.length };
  });
}

export async function rankingXlsx(db: Executor, actor: Actor, planId: number, now: Date, filter: { groupId?: string; unitKind?: string }) {
  const { rows } = await computeRanking(db, actor, planId, now, filter);
  const headers = ["Hạng", "Đối tượng", "Đơn vị", "Tự chấm", "Sau thẩm định", "Chênh lệch", "Xếp loại", "Năm trước", "Hạng năm trước", "Ghi chú"];
  const body = rows.map((r) => [
    r.rank ?? "",
    r.name,
    r.unitName,
    r.selfTotal ?? "",
    r.total ?? "",
    r.gap ?? "",
    r.classification ?? "",
    r.previousTotal ?? "",
    r.previousRank ?? "",
    r.tied ? "Bằng điểm sau mọi tiêu chí phụ: Hội đồng quyết định" : r.decidedBy ? `Xếp trên nhờ ${r.decidedBy}` : "",
  ]);
  return writeSheet("Xếp hạng", headers, body);
}

export async function participantScore(db: Executor, actor: Actor, participantId: number, now: Date) {
  const ctx = await loadParticipant(db, actor, participantId, "read");
  const [row] = await db.select().from(assessments).where(eq(assessments.participantId, participantId));
  if (!row) return null;
  return scoresOf(db, ctx, row, now);
}
