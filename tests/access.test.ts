// One "unauthorised" check per endpoint group: scope is enforced on the server, whatever the UI shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, Factories } from "./support/factories.js";
import { Client, createTestApp, type TestApp } from "./support/test-app.js";

// Built here, not taken from the demo: two cities; two wards of the first with a person each, their focal persons,
// the city's appraiser; the other city's office.
let t: TestApp;
let make: Factories;
let focal1: Client;
let focal2: Account;
let appraiser: Client;
let otherOffice: Client;
let ward2Person: { id: number; version: number; fullName: string };
let ward2: number;
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  make = await Factories.of(t);
  const city = await make.unit({ code: "VL-TPVL", name: "Thành phố Vĩnh Long" });
  const ward1 = await make.unit({ code: "VL-TPVL-P1", name: "Phường 1", parent: city });
  const w2 = await make.unit({ code: "VL-TPVL-P2", name: "Phường 2", parent: city });
  ward2 = w2.id;
  await make.person(ward1, { fullName: "Nguyễn Thị Một" });
  ward2Person = await make.person(w2, { fullName: "Trần Văn Hai" });
  focal1 = (await make.account({ role: "focal", unit: ward1 })).client;
  focal2 = await make.account({ role: "focal", unit: w2 });
  appraiser = (await make.account({ role: "appraiser", unit: city })).client;
  otherOffice = (await make.account({ role: "office", unit: await make.unit({ code: "QN-MC", name: "Thành phố Móng Cái" }) })).client;
});
afterAll(() => t.close());

describe("without a session", () => {
  it.each([
    ["GET", "/api/units"],
    ["GET", "/api/people"],
    ["GET", "/api/users"],
    ["GET", "/api/audit"],
    ["GET", "/api/export/people"],
    ["POST", "/api/units"],
    ["POST", "/api/imports"],
    ["GET", "/api/auth/me"],
  ])("%s %s → 401 in Vietnamese", async (method, url) => {
    const res = await new Client(t.app).request(method as "GET", url, method === "POST" ? {} : undefined);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain("chưa đăng nhập");
  });
});

describe("a ward's focal person and another ward", () => {
  it("cannot read another ward's people", async () => {
    expect((await focal1.get(`/api/people?unitId=${ward2}`)).status).toBe(404);
    expect((await focal1.get(`/api/people/${ward2Person.id}`)).status).toBe(404);
    const all = await focal1.get("/api/people?pageSize=500");
    expect(all.body.items.every((p: { unitName: string }) => p.unitName === "Phường 1")).toBe(true);
    expect((await focal1.get(`/api/export/people?unitId=${ward2}`)).status).toBe(404);
  });

  it("cannot change another ward's people, nor move own people there", async () => {
    const res = await focal1.patch(`/api/people/${ward2Person.id}`, { version: ward2Person.version, fullName: "Bị sửa trái phép" });
    // Another ward's people do not exist for this ward: 404, naming no one.
    expect(res.status).toBe(404);
    expect(res.body.message).toContain("Không tìm thấy");
    expect(res.body.message).not.toContain(ward2Person.fullName);
    expect((await focal1.post(`/api/people/${ward2Person.id}/deactivate`, { version: ward2Person.version })).status).toBe(404);
    expect((await focal1.post("/api/people", { unitId: ward2, fullName: "Người lạ", sex: "nam", category: "cong_chuc" })).status).toBe(404);
    const own = (await focal1.get("/api/people")).body.items[0];
    expect((await focal1.patch(`/api/people/${own.id}`, { version: own.version, unitId: ward2 })).status).toBe(404);
    expect((await make.admin.get(`/api/people/${ward2Person.id}`)).body.fullName).toBe(ward2Person.fullName);
  });

  it("cannot see or change units outside its ward, nor edit its own ward's structure", async () => {
    const units = (await focal1.get("/api/units")).body.items;
    expect(units.map((u: { code: string }) => u.code)).toEqual(["VL-TPVL-P1"]);
    expect((await focal1.get(`/api/units/${ward2}`)).status).toBe(404);
    const own = units[0];
    expect((await focal1.patch(`/api/units/${own.id}`, { version: own.version, name: "Đổi tên" })).status).toBe(403);
    expect((await focal1.post("/api/units", { code: "P1-X", name: "Tổ mới", kind: "hamlet", parentId: own.id })).status).toBe(403);
  });

  it("cannot manage accounts, read the audit log or import units", async () => {
    expect((await focal1.get("/api/users")).status).toBe(403);
    expect((await focal1.post("/api/users", { username: "hacker", fullName: "X", password: "Abcdefg123" })).status).toBe(403);
    expect((await focal1.get("/api/audit")).status).toBe(403);
    expect((await focal1.get("/api/audit/verify")).status).toBe(403);
    const form = new FormData();
    form.append("kind", "units");
    form.append("file", new Blob(["Mã đơn vị,Tên đơn vị,Loại đơn vị\nX,Y,office\n"]), "u.csv");
    const req = new Request("http://x/", { method: "POST", body: form });
    const res = await focal1.request("POST", "/api/imports", Buffer.from(await req.arrayBuffer()), {
      headers: { "content-type": req.headers.get("content-type") as string },
    });
    expect(res.status).toBe(403);
  });
});

describe("other roles", () => {
  it("an appraiser reads the city's people but cannot change them", async () => {
    expect((await appraiser.get(`/api/people?unitId=${ward2}`)).status).toBe(200);
    expect((await appraiser.patch(`/api/people/${ward2Person.id}`, { version: ward2Person.version, fullName: "X" })).status).toBe(403);
  });

  it("a city office cannot touch another city's units", async () => {
    const res = await otherOffice.post(`/api/units/${ward2}/deactivate`, { version: 1 });
    // Another city's ward does not exist for it, and is not named.
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("Phường 2");
  });

  it("the admin role is system-wide only", async () => {
    const res = await make.admin.post(`/api/users/${focal2.id}/roles`, { role: "admin", unitId: ward2 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("ADMIN_IS_GLOBAL");
  });
});
