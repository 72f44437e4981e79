// A provisional ranking is served again while nothing it reads has changed, and never after something has: a new
// recognised initiative, a substantiated complaint, a deadline passing.

import { getTableName, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorValues, participants } from "../src/db/schema.js";
import { RankingCache, rankingFingerprint } from "../src/modules/movement/ranking-cache.js";
import { RECORD_SOURCES } from "../src/modules/movement/records.js";
import { upload } from "./support/commendation.js";
import { Factories } from "./support/factories.js";
import { SEED_003_FACTS, SEED_003_SCORED_LEAVES } from "./support/seed-003.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let planId: number;
let p1: number;

const totalOf = async () => {
  const rows = (await office.get(`/api/plans/${planId}/ranking?group=tap-the`)).body.rows as { participantId: number; total: number | null }[];
  return rows.find((r) => r.participantId === p1)?.total;
};

beforeAll(async () => {
  // Built here, not taken from the demo: the city of seed 003 with two wards, a civil servant in each, and its
  // office staff.
  t = await createTestApp({}, { demo: false });
  const make = await Factories.of(t);
  const city = await make.unit({ code: "VL-TPVL", name: "Thành phố Vĩnh Long" });
  for (const n of [1, 2]) await make.person(await make.unit({ code: `VL-TPVL-P${n}`, name: `Phường ${n}`, parent: city }));
  office = (await make.account({ role: "office", unit: city })).client;
  const { plan, participants } = await make.launchedPlan(city, { as: office, template: "003-vinh-long-2024.yaml" });
  planId = plan.id;
  p1 = (participants.find((p) => p.groupId === "tap-the" && p.name === "Phường 1") as { id: number }).id;
  t.clock.set("2024-04-20T03:00:00Z");
  const p = (await office.get(`/api/participants/${p1}`)).body;
  await office.request("PUT", `/api/participants/${p1}/registration`, { version: p.version, registeredPoints: {} });
  t.clock.set("2024-12-05T03:00:00Z");
  const a = (await office.get(`/api/participants/${p1}/assessment`)).body;
  const saved = await office.request("PUT", `/api/participants/${p1}/assessment`, {
    version: a.version,
    facts: SEED_003_FACTS,
    notes: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, "Có văn bản lưu tại đơn vị"])),
  });
  expect((await office.post(`/api/participants/${p1}/assessment/submit`, { version: saved.body.version })).status).toBe(200);
});
afterAll(() => t.close());

describe("provisional ranking cache", () => {
  it("computes once while the fingerprint holds, again once a record changes or the day turns", async () => {
    const cache = new RankingCache<number>();
    let computed = 0;
    const get = (at: string) => cache.get(t.database.db, planId, "tap-the", new Date(at), async () => ++computed);
    const before = await rankingFingerprint(t.database.db, planId);
    expect(await get("2024-12-05T03:00:00Z")).toBe(1);
    expect(await get("2024-12-05T09:00:00Z")).toBe(1);
    expect(await rankingFingerprint(t.database.db, planId)).toBe(before);
    await office.post(`/api/participants/${p1}/initiatives`, { title: "Số hóa hồ sơ một cửa" });
    expect(await rankingFingerprint(t.database.db, planId)).not.toBe(before);
    expect(await get("2024-12-05T09:00:00Z")).toBe(2);
    expect(await get("2024-12-05T17:30:00Z")).toBe(3); // 00:30 on 06/12 in Vietnam
  });

  it("follows a recognised initiative and a substantiated complaint", async () => {
    const start = await totalOf();
    expect(start).toBeTypeOf("number");
    expect(await totalOf()).toBe(start);
    const [init] = (await office.get(`/api/participants/${p1}/initiatives`)).body.items;
    const reviewed = await office.patch(`/api/initiatives/${init.id}/review`, {
      version: init.version,
      status: "recognised",
      level: "district",
      recognisedOn: "2024-11-20",
      decisionNo: "12/QĐ-HĐSK",
    });
    expect(reviewed.status).toBe(200);
    const withInitiative = await totalOf();
    expect(withInitiative).not.toBe(start);
    const complaint = await office.post("/api/complaints", {
      planId,
      unitId: await t.unitId("VL-TPVL-P1"),
      receivedOn: "2024-11-25",
      content: "Chậm trả kết quả hồ sơ đất đai",
    });
    expect(complaint.status).toBe(201);
    expect(await totalOf()).toBe(withInitiative); // still being verified: it counts for nothing yet
    const verified = await office.patch(`/api/complaints/${complaint.body.id}/verify`, { version: complaint.body.version, substantiated: true });
    expect(verified.status).toBe(200);
    const withComplaint = await totalOf();
    expect(withComplaint).toBeLessThan(withInitiative as number);
  });

  it("follows the calendar: a report not sent becomes missing once its deadline passes", async () => {
    // The quarterly and half-year reports went in on time; the annual one is due on 12/12.
    const file = await upload(office, await t.unitId("VL-TPVL-P1"), "bao-cao.pdf");
    for (const [milestone, on] of [
      ["bc-quy-1", "2024-03-05T03:00:00Z"],
      ["bc-6-thang", "2024-06-05T03:00:00Z"],
      ["bc-quy-3", "2024-09-05T03:00:00Z"],
    ]) {
      t.clock.set(on);
      expect((await office.post(`/api/participants/${p1}/reports/${milestone}`, { fileId: file })).status).toBe(200);
    }
    t.clock.set("2024-12-12T03:00:00Z");
    const onTheDay = await totalOf();
    t.clock.set("2024-12-13T03:00:00Z");
    expect(await totalOf()).toBeLessThan(onTheDay as number);
  });

  it("watches every table the records loader reads (its RECORD_SOURCES)", async () => {
    const db = t.database.db;
    const moved: string[] = [];
    for (const source of RECORD_SOURCES) {
      const name = getTableName(source.table);
      const before = await rankingFingerprint(db, planId);
      if (source.version) {
        // Any edit bumps the row's version. This database holds one plan; a person is one of its participants.
        const row =
          source.via === "person" ? sql`(select max(${participants.personId}) from ${participants})` : sql`(select max(${source.id}) from ${source.table})`;
        const res = (await db.execute(sql`update ${source.table} set version = version + 1 where ${source.id} = ${row}`)) as unknown as {
          rowCount?: number;
          affectedRows?: number;
        };
        if (!(res.rowCount ?? res.affectedRows)) continue; // no row of that table in this movement yet
      } else if (source.table === indicatorValues) {
        await db
          .insert(indicatorValues)
          .values({ unitId: await t.unitId("VL-TPVL-P1"), metric: "tthc_on_time", period: "2024", value: 97.5, source: "Kiểm thử" });
      } else continue; // report submissions: followed through the API in the calendar case above
      expect(await rankingFingerprint(db, planId), name).not.toBe(before);
      moved.push(name);
    }
    expect(moved).toEqual(expect.arrayContaining(["participants", "units", "people", "assessments", "initiatives", "complaints", "indicator_values"]));
  });
});
