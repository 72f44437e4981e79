// A generated movement of 5,000 collective and 50,000 individual participants with 20 criteria each:
// time a full recompute after a rule change, and the ranking endpoint's p95 latency.
// Run on PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/movement.ts [collectives] [perUnit]
import { eq } from "drizzle-orm";
import { loadConfig } from "../src/config.js";
import { assessments, participants, people, plans, units, users } from "../src/db/schema.js";
import { depthOf, unitPath } from "../src/domain/org.js";
import { type Criterion, type Plan, planSchema } from "../src/domain/plan/schema.js";
import { personSortKey, vietnameseSortKey } from "../src/domain/vietnamese-sort.js";
import { SYSTEM_ACTOR } from "../src/modules/actor.js";
import { computeRanking } from "../src/modules/movement/ranking.js";
import { buildApp } from "../src/server.js";
import { openTestDatabase } from "../tests/support/test-db.js";

const COLLECTIVES = Number(process.argv[2] ?? 5000);
const PER_UNIT = Number(process.argv[3] ?? 10);

function criteria(prefix: string): Criterion[] {
  // 20 leaves of 5 points in 4 areas: deductions, bands, fixed conditions and linear ratios.
  const areas: Criterion[] = [];
  for (let a = 0; a < 4; a++) {
    const children: Criterion[] = [];
    for (let k = 0; k < 5; k++) {
      const key = `${prefix}_${a}_${k}`;
      const rule =
        a === 0
          ? { kind: "per_occurrence" as const, input: key, base: 5, each: -1, floor: 0 }
          : a === 1
            ? {
                kind: "bands" as const,
                input: key,
                bands: [
                  { min: 90, points: 5, minInclusive: true, maxInclusive: false },
                  { min: 70, max: 90, points: 3, minInclusive: true, maxInclusive: false },
                  { max: 70, points: 0, minInclusive: true, maxInclusive: false },
                ],
              }
            : a === 2
              ? { kind: "fixed" as const, cases: [{ when: { input: key, op: "true" as const }, points: 5 }], otherwise: 0 }
              : { kind: "linear" as const, input: key };
      const type = a === 0 ? "count" : a === 2 ? "boolean" : "percent";
      children.push({
        id: `${prefix}-${a}-${k}`,
        code: `${a + 1}.${k + 1}`,
        title: `Tiêu chí ${a + 1}.${k + 1}`,
        max: 5,
        inputs: [{ key, label: `Dữ kiện ${a + 1}.${k + 1}`, type, origin: "manual" }],
        rule,
      });
    }
    areas.push({ id: `${prefix}-${a}`, code: String(a + 1), title: `Lĩnh vực ${a + 1}`, max: 25, children });
  }
  return areas;
}

function facts(prefix: string, r: () => number) {
  const f: Record<string, number | boolean> = {};
  for (let a = 0; a < 4; a++)
    for (let k = 0; k < 5; k++) {
      const key = `${prefix}_${a}_${k}`;
      f[key] = a === 0 ? Math.floor(r() * 4) : a === 2 ? r() < 0.8 : Math.round(60 + r() * 40);
    }
  return f;
}

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const t0 = Date.now();
const database = await openTestDatabase();
const { db } = database;
const [root] = await db
  .insert(units)
  .values({ code: "BENCH", name: "Tỉnh Thử nghiệm", sortKey: vietnameseSortKey("Tỉnh Thử nghiệm"), kind: "province", path: "/", depth: 0 })
  .returning();
await db
  .update(units)
  .set({ path: unitPath(null, root.id) })
  .where(eq(units.id, root.id));
const rootPath = unitPath(null, root.id);
const unitIds: number[] = [];
for (let i = 0; i < COLLECTIVES; i += 1000) {
  const batch = Array.from({ length: Math.min(1000, COLLECTIVES - i) }, (_, j) => {
    const name = `Xã số ${i + j + 1}`;
    return { code: `B-${i + j + 1}`, name, sortKey: vietnameseSortKey(name), kind: "commune", parentId: root.id, path: "/", depth: 1 };
  });
  const rows = await db.insert(units).values(batch).returning({ id: units.id });
  for (const r of rows) {
    unitIds.push(r.id);
    await db
      .update(units)
      .set({ path: unitPath(rootPath, r.id), depth: depthOf(unitPath(rootPath, r.id)) })
      .where(eq(units.id, r.id));
  }
}
const personRows: { id: number; unitId: number }[] = [];
const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Quốc Em"];
for (let i = 0; i < unitIds.length; i += 200) {
  const batch = unitIds.slice(i, i + 200).flatMap((unitId) =>
    Array.from({ length: PER_UNIT }, (_, k) => ({
      unitId,
      fullName: names[k % 5],
      sortKey: personSortKey(names[k % 5]),
      sex: k % 2 ? "nu" : "nam",
      category: "cong_chuc",
    })),
  );
  personRows.push(...(await db.insert(people).values(batch).returning({ id: people.id, unitId: people.unitId })));
}
const plan: Plan = planSchema.parse({
  code: "bench",
  issuer: { name: "TỈNH THỬ NGHIỆM", unitCode: "BENCH", level: "province" },
  title: "Phong trào thử tải",
  year: 2026,
  period: { to: "2026-12-31" },
  groups: [
    { id: "tap-the", name: "Tập thể", type: "collective", membership: { unitKinds: ["commune"] }, criteria: criteria("t") },
    { id: "ca-nhan", name: "Cá nhân", type: "individual", membership: { categories: ["cong_chuc"] }, criteria: criteria("c") },
  ],
  awardForms: [{ id: "giay-khen", name: "Giấy khen", issuerLevel: "province", target: "both" }],
  classification: {
    bands: [
      { label: "Xuất sắc", min: 90 },
      { label: "Tốt", min: 75 },
      { label: "Khá", min: 60 },
    ],
    tieBreak: ["total"],
  },
});
const [p] = await db.insert(plans).values({ code: "bench", title: plan.title, year: 2026, issuerUnitId: root.id, status: "launched", data: plan }).returning();
const parts: { groupId: string; unitId: number; personId: number | null }[] = [
  ...unitIds.map((u) => ({ groupId: "tap-the", unitId: u, personId: null })),
  ...personRows.map((x) => ({ groupId: "ca-nhan", unitId: x.unitId, personId: x.id })),
];
for (let i = 0; i < parts.length; i += 2000) {
  const rows = await db
    .insert(participants)
    .values(parts.slice(i, i + 2000).map((x) => ({ ...x, planId: p.id, registeredAt: new Date() })))
    .returning({ id: participants.id, groupId: participants.groupId });
  await db
    .insert(assessments)
    .values(rows.map((r) => ({ participantId: r.id, facts: facts(r.groupId === "tap-the" ? "t" : "c", rnd), status: "submitted" as const })));
}
const [admin] = await db.insert(users).values({ username: "bench", fullName: "Bench", passwordHash: "x" }).returning();
void admin;
console.error(`generated ${unitIds.length} collectives, ${personRows.length} individuals in ${Math.round((Date.now() - t0) / 1000)} s`);

// A rule change: each deduction now costs 2 points; then recompute everything.
const changed = structuredClone(plan);
for (const g of changed.groups) for (const leaf of g.criteria[0].children ?? []) if (leaf.rule?.kind === "per_occurrence") leaf.rule.each = -2;
await db.update(plans).set({ data: changed }).where(eq(plans.id, p.id));
const actor = { ...SYSTEM_ACTOR };
const r0 = Date.now();
const collective = await computeRanking(db, actor, p.id, new Date(), { groupId: "tap-the" });
const r1 = Date.now();
const individual = await computeRanking(db, actor, p.id, new Date(), { groupId: "ca-nhan" });
const r2 = Date.now();

// The ranking endpoint, through HTTP handling (inject), as the office would call it.
const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: "silent" }) });
const token = "bench-session";
const { createHash } = await import("node:crypto");
const { sessions, roleAssignments } = await import("../src/db/schema.js");
const [u] = await db.select().from(users).where(eq(users.username, "bench"));
await db.insert(roleAssignments).values({ userId: u.id, role: "admin", unitId: null });
await db
  .insert(sessions)
  .values({ id: createHash("sha256").update(token).digest("hex"), userId: u.id, csrfToken: "x", expiresAt: new Date(Date.now() + 3_600_000) });
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  const s = Date.now();
  const res = await app.inject({ method: "GET", url: `/api/plans/${p.id}/ranking?group=tap-the`, cookies: { td_session: token } });
  if (res.statusCode !== 200) throw new Error(res.body);
  times.push(Date.now() - s);
}
times.sort((a, b) => a - b);
// One nomination of an individual, opened by the office before results are finalised (its rank is provisional).
const { nominations } = await import("../src/db/schema.js");
const [someone] = await db.select({ id: participants.id }).from(participants).where(eq(participants.groupId, "ca-nhan")).limit(1);
const [nom] = await db.insert(nominations).values({ planId: p.id, awardFormId: "giay-khen", participantId: someone.id, proposedByUnitId: root.id }).returning();
const nominationTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const s = Date.now();
  const res = await app.inject({ method: "GET", url: `/api/nominations/${nom.id}`, cookies: { td_session: token } });
  if (res.statusCode !== 200) throw new Error(res.body);
  nominationTimes.push(Date.now() - s);
}
nominationTimes.sort((a, b) => a - b);
await app.close();
await database.close();
console.log(
  JSON.stringify(
    {
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
      collectives: collective.rows.length,
      individuals: individual.rows.length,
      criteriaPerParticipant: 20,
      recomputeCollectivesMs: r1 - r0,
      recomputeIndividualsMs: r2 - r1,
      fullRecomputeMs: r2 - r0,
      rankingEndpointCollectivesP95Ms: times[Math.ceil(times.length * 0.95) - 1],
      rankingEndpointCollectivesMedianMs: times[Math.floor(times.length / 2)],
      nominationOfIndividualFirstMs: nominationTimes[nominationTimes.length - 1],
      nominationOfIndividualMedianMs: nominationTimes[Math.floor(nominationTimes.length / 2)],
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
    },
    null,
    2,
  ),
);
