import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { assessments, participants, people, plans, results, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { type Rankable, rank, tieBreakLabel } from "../../domain/movement/ranking.js";
import type { Plan } from "../../domain/plan/schema.js";
import { vietnameseCollator } from "../../domain/vietnamese-sort.js";
import { conflict, forbidden } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { writeSheet } from "../imports/read-sheet.js";
import { computeScores, scoresOf } from "./assessment.js";
import { loadMovementRecords } from "./bulk-records.js";
import { loadMovement, loadParticipant } from "./participants.js";
import { RankingCache } from "./ranking-cache.js";

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

/** Totals, ranks (with the plan's tie-break chain), classification and last year's result for each participant. */
/** Provisional rankings already computed, served again while nothing they read has changed (see ranking-cache.ts). */
const provisional = new RankingCache<RankingRow[]>();

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
  const compute = () => provisionalRanking(db, plan, data, now, filter);
  const rows = opts.fresh ? await compute() : await provisional.get(db, planId, `${filter.groupId ?? ""}|${filter.unitKind ?? ""}`, now, compute);
  return { rows, finalised: false };
}

/** Totals, ranks and classification recomputed from the movement's records (before the office finalises). */
async function provisionalRanking(
  db: Executor,
  plan: typeof plans.$inferSelect,
  data: Plan,
  now: Date,
  filter: { groupId?: string; unitKind?: string },
): Promise<RankingRow[]> {
  const planId = plan.id;
  const list = await db
    .select({ pa: participants, unit: units, personName: people.fullName, isHead: people.isHead, status: assessments.status })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .leftJoin(assessments, eq(assessments.participantId, participants.id))
    .where(and(eq(participants.planId, planId), filter.groupId ? eq(participants.groupId, filter.groupId) : undefined));
  const previous = await previousResults(db, plan, data);
  const records = await loadMovementRecords(db, planId, data);
  const rows: RankingRow[] = [];
  for (const r of list) {
    if (filter.unitKind && r.unit.kind !== filter.unitKind) continue;
    const group = data.groups.find((g) => g.id === r.pa.groupId);
    if (!group) continue;
    const row = records.assessment.get(r.pa.id);
    const submitted = row && row.status !== "draft";
    const scores = submitted
      ? computeScores(
          { group, data, participant: r.pa, isHead: r.isHead ?? false },
          row,
          records.systemFacts(group, r.pa.id, r.unit.id, now),
          records.appraisals.get(r.pa.id) ?? [],
        )
      : null;
    const prev = previous.get(`${r.unit.code}|${r.personName ?? ""}`);
    rows.push({
      participantId: r.pa.id,
      name: r.personName ? `${r.personName} (${r.unit.name})` : r.unit.name,
      unitName: r.unit.name,
      unitKind: r.unit.kind,
      groupId: r.pa.groupId,
      assessmentStatus: r.status ?? "draft",
      registered: r.pa.registeredAt !== null,
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
    });
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
    if (plan.explanationUntil && !(now.getTime() > Date.parse(`${plan.explanationUntil}T23:59:59.999+07:00`))) {
      throw conflict(
        "EXPLANATION_OPEN",
        `Vòng giải trình còn mở đến hết ngày ${plan.explanationUntil.split("-").reverse().join("/")}; chờ hết hạn rồi chốt kết quả.`,
      );
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
