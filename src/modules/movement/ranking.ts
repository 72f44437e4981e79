import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { assessments, participants, people, plans, results, tieDecisions, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { isLate } from "../../domain/calendar.js";
import { decide } from "../../domain/commendation/eligibility.js";
import { dmy, participantDisplayName } from "../../domain/format.js";
import { type Rankable, rank, TIE_DECIDERS, type TieDecision, tieBreakLabel } from "../../domain/movement/ranking.js";
import { type AwardBasis, awardBasis, eligibilitySystemInputs, scoreParticipant } from "../../domain/movement/score-participant.js";
import { inputsByKey } from "../../domain/plan/rule-inputs.js";
import type { Group, InputDef, Plan } from "../../domain/plan/schema.js";
import { groupHasPoints } from "../../domain/plan/validate.js";
import { vietnameseCollator } from "../../domain/vietnamese-sort.js";
import { badRequest, conflict, forbidden, notFound } from "../../http/errors.js";
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
  /** The office's recorded decision that set this participant's place in a tie, when one did. */
  decision: { reason: string; reference: string } | null;
  /** Why the participant has no rank although scored (a pass/fail group is not ranked). */
  rankNote: string | null;
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
  /** Values of the ranking chain's keys (criterion:, input:, priority, women_share of an individual); null: not scored. */
  keys: Record<string, number> | null;
  unitId: number;
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
  return { rows: rankScored(scored.values(), data, filter, await rankingContext(db, plan, scored)), finalised: false };
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
    // A pass/fail group has no total: showing "0 điểm" would read as a score (and rank 1 as a place).
    const pointed = groupHasPoints(group);
    const prev = previous.get(`${unit.code}|${personName ?? ""}`);
    const row: RankingRow = {
      participantId: pa.id,
      name: participantDisplayName(unit.name, personName),
      unitName: unit.name,
      unitKind: unit.kind,
      groupId: pa.groupId,
      assessmentStatus: loaded.assessment?.status ?? "draft",
      registered: pa.registeredAt !== null,
      selfTotal: pointed ? (scores?.self.total ?? null) : null,
      total: pointed ? (scores?.final.total ?? null) : null,
      gap:
        pointed && scores && scores.self.total !== null && scores.final.total !== null
          ? Math.round((scores.final.total - scores.self.total) * 100) / 100
          : null,
      max: pointed ? (scores?.final.max ?? 0) : 0,
      rank: null,
      tied: false,
      decidedBy: null,
      decision: null,
      rankNote: null,
      classification: scores?.final.classification.label ?? null,
      classificationExplanation: scores?.final.classification.explanation ?? "Chưa gửi bản tự chấm điểm",
      previousTotal: prev?.total ?? null,
      previousRank: prev?.rank ?? null,
      areas: (scores?.final.criteria ?? []).filter((c) => c.max !== null).map((c) => ({ id: c.id, title: c.title, points: c.points, max: c.max })),
    };
    const extra = extraInputs.length ? records.systemFacts(pa.id, group, now, extraInputs) : [];
    const award = awardBasis(scores, loaded.system, extra);
    out.set(pa.id, {
      row,
      award,
      targets: Object.fromEntries(records.targets(pa.id, group).map((t) => [t.targetId, t.met])),
      keys: scores ? rankingKeys(data, group, row, award.facts, person ? person.sex === "nu" : null) : null,
      unitId: unit.id,
    });
  }
  return out;
}

/**
 * The values a ranking chain may read for one scored participant: each criterion's points, each numeric or yes/no
 * input of the group (a count, an indicator), priority (1 when a "priority" eligibility rule on facts holds) and, for
 * an individual, women_share 1 for a woman; a collective's share of women comes from its staff (`rankingContext`).
 */
function rankingKeys(data: Plan, group: Group, row: RankingRow, facts: Record<string, unknown>, isWoman: boolean | null): Record<string, number> {
  const keys: Record<string, number> = {};
  for (const a of row.areas) keys[`criterion:${a.id}`] = a.points ?? 0;
  for (const key of Object.keys(inputsByKey(group.criteria))) {
    const v = facts[key];
    if (typeof v === "number") keys[`input:${key}`] = v;
    else if (typeof v === "boolean") keys[`input:${key}`] = v ? 1 : 0;
  }
  const priorityRules = data.eligibility.filter(
    (e) => e.kind === "priority" && e.check.type === "fact" && (!e.groups || e.groups.includes(group.id)) && (e.target === "both" || e.target === group.type),
  );
  keys.priority = priorityRules.some((e) => {
    const check = e.check as { when: Parameters<typeof decide>[0]; inputs: InputDef[] };
    return decide(check.when, facts as Parameters<typeof decide>[1], Object.fromEntries(check.inputs.map((i) => [i.key, i]))).truth === true;
  })
    ? 1
    : 0;
  if (isWoman !== null) keys.women_share = isWoman ? 1 : 0;
  return keys;
}

/** What ranking reads beyond the cached scores: the office's tie decisions and collectives' shares of women. */
export interface RankingContext {
  decisions: (TieDecision & { groupId: string })[];
  womenShare: Map<number, number>;
}

/** Share of women among the active staff of each unit (for collectives; Decree 98/2023 art. 4 puts them first on a tie). */
export async function womenSharesOf(db: Executor, unitIds: number[]): Promise<Map<number, number>> {
  const shares = new Map<number, number>();
  if (unitIds.length === 0) return shares;
  const counts = await db
    .select({ unitId: people.unitId, women: sql<number>`count(*) filter (where ${people.sex} = 'nu')`, all: sql<number>`count(*)` })
    .from(people)
    .where(and(inArray(people.unitId, unitIds), eq(people.active, true)))
    .groupBy(people.unitId);
  for (const c of counts) if (Number(c.all) > 0) shares.set(c.unitId, Number(c.women) / Number(c.all));
  return shares;
}

export async function rankingContext(db: Executor, plan: typeof plans.$inferSelect, scored: ScoredMovement): Promise<RankingContext> {
  const data = plan.data as Plan;
  const decisions = (await db.select().from(tieDecisions).where(eq(tieDecisions.planId, plan.id))).map((d) => ({
    groupId: d.groupId,
    order: d.participantIds,
    reason: d.reason,
    reference: d.reference,
  }));
  const readsShare = [data.classification.tieBreak, ...data.groups.map((g) => g.rankBy ?? [])].some((c) => c.includes("women_share"));
  const collectives = readsShare ? [...scored.values()].filter((s) => s.keys && s.keys.women_share === undefined).map((s) => s.unitId) : [];
  return { decisions, womenShare: await womenSharesOf(db, [...new Set(collectives)]) };
}

/** Ranks scored participants, each group on its own (fresh rows: the scored ones are shared through the cache). */
export function rankScored(
  scored: Iterable<ScoredParticipant>,
  data: Plan,
  filter: { groupId?: string; groupIds?: string[]; unitKind?: string } = {},
  context: RankingContext = { decisions: [], womenShare: new Map() },
): RankingRow[] {
  const rows: RankingRow[] = [];
  const keysOf = new Map<number, Record<string, number> | null>();
  const unitOf = new Map<number, number>();
  for (const { row, keys, unitId } of scored) {
    if (filter.groupId && row.groupId !== filter.groupId) continue;
    if (filter.groupIds && !filter.groupIds.includes(row.groupId)) continue;
    if (filter.unitKind && row.unitKind !== filter.unitKind) continue;
    rows.push({ ...row });
    keysOf.set(row.participantId, keys);
    unitOf.set(row.participantId, unitId);
  }
  // Each group is ranked on its own: collectives are not compared with individuals.
  for (const groupId of new Set(rows.map((r) => r.groupId))) {
    const inGroup = rows.filter((r) => r.groupId === groupId);
    const group = data.groups.find((g) => g.id === groupId);
    const byTotal = group ? groupHasPoints(group) : true;
    if (group && !byTotal && !group.rankBy) {
      for (const r of inGroup) if (keysOf.get(r.participantId)) r.rankNote = "Nhóm đánh giá đạt/không đạt: không xếp hạng";
      continue;
    }
    const chain = group?.rankBy ?? data.classification.tieBreak;
    const items: Rankable[] = inGroup.map((r) => {
      const keys = keysOf.get(r.participantId) ?? null;
      const share = context.womenShare.get(unitOf.get(r.participantId) ?? -1);
      return {
        id: r.participantId,
        total: keys === null ? null : byTotal ? r.total : 0,
        keys: { ...keys, ...(keys && keys.women_share === undefined ? { women_share: share ?? 0 } : {}) },
      };
    });
    const decisions = context.decisions.filter((d) => d.groupId === groupId);
    const inputLabels = Object.fromEntries(Object.values(group ? inputsByKey(group.criteria) : {}).map((i) => [i.key, i.label]));
    const byId = new Map(inGroup.map((r) => [r.participantId, r]));
    for (const rk of rank(items, chain, { byTotal, decisions })) {
      const row = byId.get(rk.id) as RankingRow;
      row.rank = rk.rank;
      row.tied = rk.tied;
      row.decidedBy = rk.decidedBy ? tieBreakLabel(rk.decidedBy, inputLabels) : null;
      if (rk.decidedBy && (TIE_DECIDERS as readonly string[]).includes(rk.decidedBy)) {
        const d = decisions.find((x) => x.order.includes(rk.id));
        if (d) row.decision = { reason: d.reason, reference: d.reference };
      }
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
    rankingNote(r),
  ]);
  return writeSheet("Xếp hạng", headers, body);
}

export async function participantScore(db: Executor, actor: Actor, participantId: number, now: Date) {
  const ctx = await loadParticipant(db, actor, participantId, "read");
  const [row] = await db.select().from(assessments).where(eq(assessments.participantId, participantId));
  if (!row) return null;
  return scoresOf(db, ctx, row, now);
}

/** The ranking's note on a row, as the screen and the spreadsheet show it. */
export function rankingNote(r: RankingRow): string {
  if (r.rankNote) return r.rankNote;
  if (r.tied) return "Bằng nhau sau mọi tiêu chí phụ: chờ Hội đồng biểu quyết hoặc cơ quan thường trực quyết định";
  if (r.decision) return `Do cơ quan thường trực quyết định: ${r.decision.reason} (${r.decision.reference})`;
  return r.decidedBy ? `Xếp trên nhờ ${r.decidedBy}` : "";
}

/**
 * The office decides the order of participants the ranking chain left tied: they must be exactly those sharing one
 * rank in their group now (without any earlier decision on them); the decision replaces earlier ones naming them.
 */
export async function decideTie(
  db: Db,
  actor: Actor,
  planId: number,
  input: { groupId: string; order: number[]; reason: string; reference: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { plan, issuer, data } = await loadMovement(tx, actor, planId);
    if (plan.finalisedAt) throw conflict("FINALISED", "Kết quả đã được chốt; không thể quyết định lại thứ hạng.");
    const group = data.groups.find((g) => g.id === input.groupId);
    if (!group) throw notFound(`nhóm đối tượng "${input.groupId}" trong kế hoạch`);
    if (new Set(input.order).size !== input.order.length) throw badRequest("DUPLICATE", "Mỗi đối tượng chỉ được nêu một lần trong thứ tự quyết định.");
    const scored = await provisionalScores(tx, plan, now, { fresh: true });
    const context = await rankingContext(tx, plan, scored);
    context.decisions = context.decisions.filter((d) => !d.order.some((id) => input.order.includes(id)));
    const rows = rankScored(scored.values(), data, { groupId: group.id }, context);
    const named = input.order.map((id) => rows.find((r) => r.participantId === id));
    if (named.some((r) => !r)) throw badRequest("NOT_IN_GROUP", `Có đối tượng không thuộc nhóm "${group.name}" của phong trào này.`);
    const first = named[0] as RankingRow;
    const block = rows.filter((r) => r.tied && r.rank === first.rank);
    if (!first.tied || block.length !== input.order.length || named.some((r) => r?.rank !== first.rank))
      throw conflict(
        "NOT_TIED",
        first.tied
          ? `Thứ hạng ${first.rank} đang bằng nhau giữa ${block.length} đối tượng (${block.map((r) => r.name).join(", ")}); hãy sắp xếp đủ tất cả.`
          : "Các đối tượng này không bằng nhau sau chuỗi tiêu chí phụ nên không cần quyết định.",
      );
    const existing = (
      await tx
        .select()
        .from(tieDecisions)
        .where(and(eq(tieDecisions.planId, planId), eq(tieDecisions.groupId, group.id)))
    ).filter((d) => d.participantIds.some((id) => input.order.includes(id)));
    if (existing.length)
      await tx.delete(tieDecisions).where(
        inArray(
          tieDecisions.id,
          existing.map((d) => d.id),
        ),
      );
    const [saved] = await tx
      .insert(tieDecisions)
      .values({
        planId,
        groupId: group.id,
        participantIds: input.order,
        reason: input.reason,
        reference: input.reference,
        decidedBy: actor.userId,
        decidedAt: now,
      })
      .returning();
    const names = input.order.map((id) => rows.find((r) => r.participantId === id)?.name).join(" → ");
    await writeAudit(tx, actor, {
      action: "movement.tie_decision",
      entity: "plan",
      entityId: planId,
      unitId: issuer.id,
      summary: `Quyết định thứ hạng bằng nhau (hạng ${first.rank}, nhóm "${group.name}"): ${names}. Lý do: ${input.reason} (${input.reference})`,
      before: existing.length ? existing : undefined,
      after: saved,
    });
    return { id: saved.id, groupId: group.id, order: input.order, reason: input.reason, reference: input.reference, decidedAt: saved.decidedAt.toISOString() };
  });
}
