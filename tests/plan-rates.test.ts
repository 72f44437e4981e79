// Issue 15 part A through the HTTP API: a plan with a rate of two counts and a rescaled section is built, checked,
// launched; facts are entered and the totals match hand computations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Factories, minimalPlanData, type PlanData } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let make: Factories;
let city: Awaited<ReturnType<Factories["unit"]>>;

const criteria = [
  {
    id: "giai-quyet",
    code: "1",
    title: "Giải quyết hồ sơ đúng hạn",
    max: 10,
    inputs: [
      { key: "ho_so_dung_han", label: "Số hồ sơ giải quyết đúng hạn", type: "count", origin: "manual" },
      { key: "ho_so_tiep_nhan", label: "Số hồ sơ tiếp nhận", type: "count", origin: "manual" },
    ],
    rule: { kind: "linear", input: "ho_so_dung_han", per: "ho_so_tiep_nhan", whenNone: 100 },
  },
  {
    id: "khoi",
    code: "2",
    title: "Khối tiêu chí chấm theo thang 60",
    max: 20,
    rescale: true,
    children: [
      {
        id: "khoi-a",
        title: "Tiêu chí A",
        max: 40,
        inputs: [{ key: "diem_a", label: "Điểm A", type: "number", origin: "manual" }],
        rule: { kind: "manual", input: "diem_a" },
      },
      {
        id: "khoi-b",
        title: "Tiêu chí B",
        max: 20,
        inputs: [{ key: "diem_b", label: "Điểm B", type: "number", origin: "manual" }],
        rule: { kind: "manual", input: "diem_b" },
      },
    ],
  },
];

beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  t.clock.set("2024-06-01T03:00:00Z");
  make = await Factories.of(t);
  city = await make.unit({ code: "TP", name: "Thành phố Thử" });
  await make.unit({ code: "TP-P1", name: "Phường Một", kind: "ward", parent: city });
  await make.unit({ code: "TP-P2", name: "Phường Hai", kind: "ward", parent: city });
  office = (await make.account({ role: "office", unit: city })).client;
});
afterAll(() => t.close());

describe("a plan using a counts ratio and a rescaled section", () => {
  it("refuses to launch a rate that does not say what happens when nothing is in scope, naming the criterion", async () => {
    const data: PlanData = minimalPlanData(city);
    (data.groups[0] as { criteria: unknown[] }).criteria = structuredClone(criteria);
    delete (data.groups[0].criteria[0] as { rule: { whenNone?: number } }).rule.whenNone;
    const res = await office.post("/api/plans", { issuerUnitId: city.id, data });
    expect(res.status).toBe(201);
    const messages = JSON.stringify(res.body.issues);
    expect(messages).toContain('Tiêu chí \\"1. Giải quyết hồ sơ đúng hạn\\": chưa quy định tỷ lệ tính khi mẫu số (Số hồ sơ tiếp nhận) bằng 0');
    const launch = await office.post(`/api/plans/${res.body.id}/launch`, { version: res.body.version });
    expect(launch.status).toBeGreaterThanOrEqual(400);
    expect(launch.status).toBeLessThan(500);
  });

  it("scores entered facts as computed by hand", async () => {
    const { plan, participants } = await make.launchedPlan(city, {
      as: office,
      edit: (data) => {
        data.code = "ke-hoach-ty-le";
        (data.groups[0] as { criteria: unknown[] }).criteria = structuredClone(criteria);
      },
    });
    expect(plan.issues).toEqual([]);
    const p1 = participants.find((p) => p.name === "Phường Một") as { id: number };
    const p2 = participants.find((p) => p.name === "Phường Hai") as { id: number };
    const enter = async (id: number, facts: Record<string, number>) => {
      const a = (await office.get(`/api/participants/${id}/assessment`)).body;
      const saved = await office.request("PUT", `/api/participants/${id}/assessment`, { version: a.version, facts });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      return saved.body.selfScore;
    };
    // 45 of 50 on time: 90% of 10 = 9; section 30 + 12 = 42 of 60, converted to 20: 14; total 23 of 30.
    const s1 = await enter(p1.id, { ho_so_dung_han: 45, ho_so_tiep_nhan: 50, diem_a: 30, diem_b: 12 });
    expect(s1.max).toBe(30);
    expect(s1.total).toBe(23);
    expect(s1.criteria[0]).toMatchObject({ points: 9 });
    expect(s1.criteria[0].explanation).toContain("Số hồ sơ giải quyết đúng hạn 45 trên số hồ sơ tiếp nhận 50 → tỷ lệ 90%");
    expect(s1.criteria[1]).toMatchObject({ points: 14 });
    expect(s1.criteria[1].explanation).toContain("42 điểm/60, quy đổi về điểm chuẩn 20");
    // Nothing received: the plan says that counts as 100%: 10; section 40 + 20 = 60 of 60 → 20; total 30.
    const s2 = await enter(p2.id, { ho_so_dung_han: 0, ho_so_tiep_nhan: 0, diem_a: 40, diem_b: 20 });
    expect(s2.total).toBe(30);
    expect(s2.criteria[0].explanation).toContain("tỷ lệ tính là 100%");
  });
});
