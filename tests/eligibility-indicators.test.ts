// An eligibility rule may read an indicator that no criterion of the group reads (a plan adds "no commendation
// below 100 % disbursement" to seed 003): the nominee's verdict uses the unit's value from the indicator records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let planId: number;
const pid: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-12-20T03:00:00Z");
  office = await t.as("noivu.vinhlong");
  const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
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
  const saved = await office.request("PUT", `/api/plans/${draft.id}`, {
    version: draft.version,
    data: { ...draft.data, eligibility: [...draft.data.eligibility, rule] },
  });
  expect(saved.status).toBe(200);
  expect((await office.post(`/api/plans/${draft.id}/launch`, { version: saved.body.version })).status).toBe(200);
  planId = draft.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  for (const p of (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items as { id: number; name: string }[]) pid[p.name] = p.id;
});
afterAll(() => t.close());

describe("eligibility facts from indicators", () => {
  it("reads the indicator value of the nominee's unit, though no criterion reads it", async () => {
    const typed = await office.post("/api/indicators", { unitId: await t.unitId("VL-TPVL-P1"), metric: "disbursement_rate", period: "2024", value: 96.5 });
    expect(typed.status).toBe(201);
    await office.post("/api/indicators", { unitId: await t.unitId("VL-TPVL-P2"), metric: "disbursement_rate", period: "2024", value: 100 });
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
