// The factories themselves: what they build is what a test asks for, and nothing of the demo is there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Factories } from "./support/factories.js";
import { createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let make: Factories;
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  make = await Factories.of(t);
});
afterAll(() => t.close());

describe("test factories", () => {
  it("start from an empty organisation with one administrator", async () => {
    expect((await make.admin.get("/api/units")).body.items).toEqual([]);
    expect((await make.admin.get("/api/users")).body.items.map((u: { username: string }) => u.username)).toEqual(["admin"]);
  });

  it("build a minimal plan that launches with the issuer's wards as participants", async () => {
    const city = await make.unit({ name: "Thành phố Thử" });
    const [w1, w2] = [await make.unit({ parent: city }), await make.unit({ parent: city })];
    await make.unit({ parent: city, kind: "office", name: "Phòng Nội vụ" });
    const elsewhere = await make.unit();
    await make.unit({ parent: elsewhere });
    const { plan, participants } = await make.launchedPlan(city);
    expect(plan.status).toBe("launched");
    expect(participants.map((p) => p.unitId).sort()).toEqual([w1.id, w2.id].sort());
  });

  it("give an account its roles, signed in and held to its scope", async () => {
    const city = await make.unit();
    const ward = await make.unit({ parent: city });
    const other = await make.unit({ parent: await make.unit() });
    const head = await make.person(ward, { isHead: true, fullName: "Lê Văn Trưởng" });
    const focal = await make.account({ role: "focal", unit: ward });
    const mine = (await focal.client.get("/api/people")).body.items.map((p: { id: number }) => p.id);
    expect(mine).toEqual([head.id]);
    expect((await focal.client.get(`/api/units/${other.id}`)).status).toBe(404);
  });
});
