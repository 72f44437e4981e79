// An eligibility rule may read an indicator that no criterion of the group reads (a plan adds "no commendation
// below 100 % disbursement" to seed 003): the nominee's verdict uses the unit's value from the indicator records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Factories } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

// Built here, not taken from the demo: the city of seed 003 with three wards and its office staff.
let t: TestApp;
let office: Client;
let planId: number;
const pid: Record<string, number> = {};
const ward: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  t.clock.set("2024-12-20T03:00:00Z");
  const make = await Factories.of(t);
  const city = await make.unit({ code: "VL-TPVL", name: "Thành phố Vĩnh Long" });
  for (const n of [1, 2, 4]) ward[`Phường ${n}`] = (await make.unit({ code: `VL-TPVL-P${n}`, name: `Phường ${n}`, parent: city })).id;
  office = (await make.account({ role: "office", unit: city })).client;
  const rule = {
    id: "loai-giai-ngan",
    kind: "excluding",
    target: "collective",
    check: {
      type: "fact",
      when: { input: "ty_le_giai_ngan", op: "lt", value: 100 },
      inputs: [{ key: "ty_le_giai_ngan", label: "Tỷ lệ giải ngân vốn đầu tư công", type: "percent", origin: "indicator", metric: "disbursement_rate" }],
    },
    message: "Không khen thưởng khi giải ngân vốn đầu tư công dưới 100%",
  };
  const { plan, participants } = await make.launchedPlan(city, {
    as: office,
    template: "003-vinh-long-2024.yaml",
    edit: (data) => {
      (data as unknown as { eligibility: unknown[] }).eligibility.push(rule);
    },
  });
  planId = plan.id;
  for (const p of participants) if (p.groupId === "tap-the") pid[p.name] = p.id;
});
afterAll(() => t.close());

describe("eligibility facts from indicators", () => {
  it("reads the indicator value of the nominee's unit, though no criterion reads it", async () => {
    const typed = await office.post("/api/indicators", { unitId: ward["Phường 1"], metric: "disbursement_rate", period: "2024", value: 96.5 });
    expect(typed.status).toBe(201);
    await office.post("/api/indicators", { unitId: ward["Phường 2"], metric: "disbursement_rate", period: "2024", value: 100 });
    const verdict = async (name: string) => {
      const n = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: "giay-khen-tp", participantId: pid[name] });
      expect(n.status).toBe(201);
      return n.body.eligibility.reasons.find((r: { ruleId: string }) => r.ruleId === "loai-giai-ngan");
    };
    expect(await verdict("Phường 1")).toMatchObject({
      ok: false,
      message: "Không khen thưởng khi giải ngân vốn đầu tư công dưới 100%: Tỷ lệ giải ngân vốn đầu tư công: 96,5% (< 100%)",
    });
    expect(await verdict("Phường 2")).toMatchObject({ ok: true });
    // No value recorded: not yet a verdict.
    expect((await verdict("Phường 4")).ok).toBeNull();
  });
});
