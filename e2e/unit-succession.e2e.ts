// Issue 15 (part D): a ward merged into another mid-movement; the successor's participant page says what it took
// over, from whom and when, and which of the merged ward's facts were not kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalPlanData } from "../tests/support/factories.js";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

describe.skipIf(!canRunBrowser)("a ward merged mid-movement", () => {
  let j: Journey;
  let planId = 0;
  let p1 = 0;

  beforeAll(async () => {
    j = await startJourney();
    j.t.clock.set("2024-06-01T03:00:00Z");
    const office = await j.t.as("noivu.vinhlong");
    const data = minimalPlanData({ code: "VL-TPVL", name: "Ủy ban nhân dân thành phố Vĩnh Long" });
    data.title = `${data.title} (sáp nhập phường)`;
    const created = await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), data });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    planId = created.body.id;
    expect((await office.post(`/api/plans/${planId}/launch`, { version: created.body.version })).status).toBe(200);
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const list = (await office.get(`/api/plans/${planId}/participants`)).body.items as { id: number; name: string }[];
    const idOf = (name: string) => list.find((p) => p.name === name)?.id as number;
    p1 = idOf("Phường 1");
    for (const [id, n] of [
      [p1, 80],
      [idOf("Phường 2"), 70],
    ]) {
      const a = (await office.get(`/api/participants/${id}/assessment`)).body;
      expect((await office.request("PUT", `/api/participants/${id}/assessment`, { version: a.version, facts: { diem_ket_qua: n } })).status).toBe(200);
    }
    const admin = await j.t.as("admin");
    const source = (await admin.get(`/api/units/${await j.t.unitId("VL-TPVL-P2")}`)).body;
    const merged = await admin.post(`/api/units/${source.id}/merge`, { version: source.version, targetId: await j.t.unitId("VL-TPVL-P1"), movePeople: true });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
  });
  afterAll(async () => {
    await j?.close();
  });

  it("the successor's page notes what it took over from the merged ward", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await page.goto(`${j.baseUrl}/phong-trao/${planId}/ho-so/${p1}`);
    const note = page.getByTestId("participant-succession");
    await note.getByText("Tiếp nhận từ Phường 2 (sáp nhập ngày 01/06/2024)", { exact: false }).waitFor();
    expect(await note.textContent()).toContain("Điểm kết quả = 80 (Phường 2: 70)");
  });
});
