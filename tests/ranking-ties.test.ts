// Issue 15 (part B): a group ranked by a count alone, its tie decided and minuted by the office; a pass/fail group
// is not ranked (no "0 điểm; thứ 1").
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, tieDecisions } from "../src/db/schema.js";
import { Factories, minimalPlanData } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let planId: number;
let cityId: number;
const ids: Record<string, number> = {};
const unitOf: Record<string, number> = {};

const countInput = { key: "so_mo_hinh", label: "Số mô hình mới", type: "count", origin: "manual" };
const passFail = (id: string) => ({
  id,
  title: "Hoàn thành nhiệm vụ được giao",
  inputs: [countInput],
  rule: { kind: "pass_fail", when: { input: "so_mo_hinh", op: "gte", value: 1 } },
});

beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  t.clock.set("2024-06-01T03:00:00Z");
  const make = await Factories.of(t);
  const city = await make.unit({ code: "TP", name: "Thành phố Thử", kind: "district" });
  cityId = city.id;
  const wards = [];
  for (const [code, name] of [
    ["TP-P1", "Phường Một"],
    ["TP-P2", "Phường Hai"],
    ["TP-P3", "Phường Ba"],
  ])
    wards.push(await make.unit({ code, name, kind: "ward", parent: city }));
  const commune = await make.unit({ code: "TP-X1", name: "Xã Một", kind: "commune", parent: city });
  office = (await make.account({ role: "office", unit: city })).client;
  const { plan, participants } = await make.launchedPlan(city, {
    as: office,
    edit: (data) => {
      const base = minimalPlanData(city);
      Object.assign(data, {
        targets: [
          // A city-wide figure, read once from the issuer's own indicators; and one judged on each ward's own value.
          { id: "dn-moi", label: "Thành lập mới từ 200 doanh nghiệp trở lên", metric: "new_enterprises", comparator: "gte", value: 200, level: "movement" },
          {
            id: "dn-phuong",
            label: "Mỗi phường thành lập mới từ 10 doanh nghiệp",
            metric: "new_enterprises",
            comparator: "gte",
            value: 10,
            groups: ["phuong"],
          },
        ],
        groups: [
          { ...base.groups[0], id: "phuong", name: "Các phường", criteria: [passFail("mo-hinh")], rankBy: ["input:so_mo_hinh", "decision"] },
          { ...base.groups[0], id: "xa", name: "Các xã", membership: { withinUnitCodes: ["TP"], unitKinds: ["commune"] }, criteria: [passFail("xa-mo-hinh")] },
        ],
      });
    },
  });
  planId = plan.id;
  for (const p of participants) {
    ids[p.name] = p.id;
    unitOf[p.name] = p.unitId;
  }
  // Each unit's focal point declares its count and submits: 3, 3 and 5 new models; the commune 2.
  const counts: [string, { id: number }, number][] = [
    ["Phường Một", wards[0], 3],
    ["Phường Hai", wards[1], 3],
    ["Phường Ba", wards[2], 5],
    ["Xã Một", commune, 2],
  ];
  for (const [name, unit, n] of counts) {
    const focal = (await make.account({ role: "focal", unit })).client;
    const a = (await focal.get(`/api/participants/${ids[name]}/assessment`)).body;
    const saved = await focal.request("PUT", `/api/participants/${ids[name]}/assessment`, { version: a.version, facts: { so_mo_hinh: n } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sub = await focal.post(`/api/participants/${ids[name]}/assessment/submit`, { version: saved.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  }
});
afterAll(() => t.close());

const ranking = async () => (await office.get(`/api/plans/${planId}/ranking`)).body.rows as Record<string, unknown>[];
const row = (rows: Record<string, unknown>[], name: string) => rows.find((r) => r.name === name) as Record<string, unknown>;

describe("ranking without points, ties decided by the office", () => {
  it("ranks the count-only group by the count; the tie is left open; the pass/fail group is not ranked", async () => {
    const rows = await ranking();
    expect(row(rows, "Phường Ba")).toMatchObject({ rank: 1, tied: false, total: null });
    expect(row(rows, "Phường Một")).toMatchObject({ rank: 2, tied: true, decision: null });
    expect(row(rows, "Phường Hai")).toMatchObject({ rank: 2, tied: true });
    expect(row(rows, "Xã Một")).toMatchObject({ rank: null, total: null, rankNote: "Nhóm đánh giá đạt/không đạt: không xếp hạng" });
  });

  it("refuses a decision on participants that are not tied, or without the minutes' reference", async () => {
    const notTied = await office.post(`/api/plans/${planId}/ranking/tie-decisions`, {
      groupId: "phuong",
      order: [ids["Phường Ba"], ids["Phường Một"]],
      reason: "Lý do",
      reference: "Biên bản số 1",
    });
    expect(notTied.status).toBe(409);
    expect(notTied.body.code).toBe("NOT_TIED");
    const noRef = await office.post(`/api/plans/${planId}/ranking/tie-decisions`, {
      groupId: "phuong",
      order: [ids["Phường Hai"], ids["Phường Một"]],
      reason: "Lý do",
      reference: " ",
    });
    expect(noRef.status).toBe(400);
    expect(noRef.body.message).toContain("biên bản");
  });

  it("records the office's decision with reason and minutes reference, audits it, and shows who was decided how", async () => {
    const res = await office.post(`/api/plans/${planId}/ranking/tie-decisions`, {
      groupId: "phuong",
      order: [ids["Phường Hai"], ids["Phường Một"]],
      reason: "Mô hình của Phường Hai nhân rộng được toàn thành phố",
      reference: "Biên bản họp Hội đồng số 12/BB-HĐTĐKT ngày 20/11/2024",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = await t.database.db.select().from(tieDecisions).where(eq(tieDecisions.planId, planId));
    expect(stored).toHaveLength(1);
    expect(stored[0].participantIds).toEqual([ids["Phường Hai"], ids["Phường Một"]]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "movement.tie_decision"));
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain("Biên bản họp Hội đồng số 12/BB-HĐTĐKT");
    const rows = await ranking();
    expect(row(rows, "Phường Hai")).toMatchObject({ rank: 2, tied: false, decidedBy: 'chỉ số "Số mô hình mới"' });
    expect(row(rows, "Phường Một")).toMatchObject({
      rank: 3,
      tied: false,
      decidedBy: "quyết định của cơ quan thường trực",
      decision: { reason: "Mô hình của Phường Hai nhân rộng được toàn thành phố", reference: "Biên bản họp Hội đồng số 12/BB-HĐTĐKT ngày 20/11/2024" },
    });
    expect(row(rows, "Xã Một").rank).toBeNull();
  });
});

describe("targets at the right level", () => {
  it("a movement-level target reads the issuer's own indicator; a participant's target reads the participant's", async () => {
    for (const [unitId, value] of [
      [cityId, 215],
      [unitOf["Phường Một"], 12],
    ]) {
      const res = await office.post("/api/indicators", { unitId, metric: "new_enterprises", period: "2024", value, source: "Báo cáo của Chi cục Thống kê" });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const ward = (await office.get(`/api/participants/${ids["Phường Một"]}`)).body.targets;
    expect(ward.find((x: { targetId: string }) => x.targetId === "dn-moi")).toMatchObject({
      met: true,
      actual: 215,
      explanation: "Thành lập mới từ 200 doanh nghiệp trở lên: 215 (cần ≥ 200) → đạt",
    });
    expect(ward.find((x: { targetId: string }) => x.targetId === "dn-phuong")).toMatchObject({ met: true, actual: 12 });
    const other = (await office.get(`/api/participants/${ids["Phường Hai"]}`)).body.targets;
    expect(other.find((x: { targetId: string }) => x.targetId === "dn-moi")).toMatchObject({ met: true, actual: 215 });
    expect(other.find((x: { targetId: string }) => x.targetId === "dn-phuong")).toMatchObject({ met: null, actual: null });
  });
});
