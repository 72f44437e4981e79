import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietnamDate } from "../src/domain/calendar.js";
import { Factories } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

// Built here, not taken from the demo: a province, a city with one ward, and the city's office staff member.
let t: TestApp;
let make: Factories;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  make = await Factories.of(t);
  admin = make.admin;
  await make.unit({ code: "NT", name: "Tỉnh Ninh Thuận", kind: "province" });
  const city = await make.unit({ code: "QN-MC", name: "Thành phố Móng Cái" });
  await make.unit({ code: "QN-MC-P-KALONG", name: "Phường Ka Long", parent: city });
  await make.account({ role: "office", unit: city }, { username: "noivu.mongcai", fullName: "Phạm Quốc Bảo" });
});
afterAll(() => t.close());

async function auditIds(app: TestApp): Promise<number[]> {
  const res = (await app.database.db.execute(sql`select id from audit_log order by id`)) as unknown as { rows: { id: unknown }[] };
  return res.rows.map((r) => Number(r.id));
}

const today = () => vietnamDate(new Date());

describe("audit log", () => {
  it("records who changed what, with before and after, and filters by entity, actor and day", async () => {
    const office = await t.as("noivu.mongcai");
    const id = await t.unitId("QN-MC-P-KALONG");
    const u = (await office.get(`/api/units/${id}`)).body;
    await office.patch(`/api/units/${id}`, { version: u.version, name: "Phường Ka Long (thử)" });
    const res = await admin.get(`/api/audit?entity=unit&entityId=${id}&actor=Phạm Quốc&from=${today()}&to=${today()}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      actorName: "Phạm Quốc Bảo",
      action: "unit.rename",
      unitId: id,
      before: expect.objectContaining({ name: "Phường Ka Long" }),
      after: expect.objectContaining({ name: "Phường Ka Long (thử)" }),
    });
    const yesterday = vietnamDate(new Date(Date.now() - 86_400_000));
    expect((await admin.get(`/api/audit?entity=unit&entityId=${id}&to=${yesterday}`)).body.total).toBe(0);
  });

  it("writes nothing when the change itself fails", async () => {
    const before = (await admin.get("/api/audit?pageSize=1")).body.total;
    const city = (await admin.get(`/api/units/${await t.unitId("QN-MC")}`)).body;
    expect((await admin.post(`/api/units/${city.id}/deactivate`, { version: city.version })).status).toBe(409);
    expect((await admin.post(`/api/units/${city.id}/move`, { version: city.version + 5, parentId: await t.unitId("NT") })).status).toBe(409);
    expect((await admin.get("/api/audit?pageSize=1")).body.total).toBe(before);
  });

  it("verifies the hash chain, and detects an edited row and a deleted row", async () => {
    const ok = await admin.get("/api/audit/verify");
    expect(ok.body).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.body.checked).toBeGreaterThan(1);
    const ids = await auditIds(t);
    const victim = ids[1];
    await t.database.db.execute(sql`update audit_log set summary = 'sửa lén' where id = ${victim}`);
    const edited = await admin.get("/api/audit/verify");
    expect(edited.body).toMatchObject({ ok: false, brokenAt: victim });
    expect(edited.body.reason).toContain("đã bị sửa");
  });
});

describe("audit tampering by deletion", () => {
  it("detects a row removed from the middle of the chain", async () => {
    const other = await createTestApp({}, { demo: false });
    try {
      const a = await other.as("admin");
      const parentId = (await a.post("/api/units", { code: "NT", name: "Tỉnh Ninh Thuận", kind: "province", parentId: null })).body.id;
      for (const name of ["Một", "Hai", "Ba"]) {
        await a.post("/api/units", { code: `DEL-${name}`, name: `Đơn vị ${name}`, kind: "other", parentId });
      }
      const ids = await auditIds(other);
      await other.database.db.execute(sql`delete from audit_log where id = ${ids[2]}`);
      const res = await a.get("/api/audit/verify");
      expect(res.body).toMatchObject({ ok: false, brokenAt: ids[3] });
      expect(res.body.reason).toContain("có mục bị xóa hoặc chèn");
    } finally {
      await other.close();
    }
    // A second database made inside the test: allow for a busy machine.
  }, 90_000);
});
