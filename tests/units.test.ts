import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Factories } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

// Built here, not taken from the demo: two provinces, a city of one with nine wards (a person in Phường 8), and the
// city's office staff.
let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  const make = await Factories.of(t);
  const province = await make.unit({ code: "VL", name: "Tỉnh Vĩnh Long", kind: "province" });
  await make.unit({ code: "NT", name: "Tỉnh Ninh Thuận", kind: "province" });
  const city = await make.unit({ code: "VL-TPVL", name: "Thành phố Vĩnh Long", kind: "district", parent: province });
  for (const n of [9, 1, 2, 3, 4, 5, 6, 7, 8]) {
    const ward = await make.unit({ code: `VL-TPVL-P${n}`, name: `Phường ${n}`, parent: city });
    if (n === 8) await make.person(ward, { fullName: "Hồ Thị Tám" });
  }
  office = (await make.account({ role: "office", unit: city })).client;
});
afterAll(() => t.close());

describe("organisation tree", () => {
  it("lists only the units in the caller's scope, each parent's children in Vietnamese order", async () => {
    const res = await office.get("/api/units");
    expect(res.status).toBe(200);
    const codes = res.body.items.map((u: { code: string }) => u.code);
    expect(codes).toContain("VL-TPVL");
    expect(codes).toContain("VL-TPVL-P1");
    expect(codes.some((c: string) => c.startsWith("NT"))).toBe(false);
    expect(codes).not.toContain("VL");
    const city = res.body.items.find((u: { code: string }) => u.code === "VL-TPVL");
    const children = res.body.items.filter((u: { parentId: number }) => u.parentId === city.id).map((u: { name: string }) => u.name);
    expect(children).toEqual([...children].sort(new Intl.Collator("vi").compare));
  });

  it("creates a unit under one in scope; refuses a duplicate code and a unit outside scope", async () => {
    const parentId = await t.unitId("VL-TPVL");
    const res = await office.post("/api/units", { code: "VL-TPVL-PKHCN", name: "Phòng Khoa học và Công nghệ", kind: "office", parentId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId, depth: 2, kindLabel: "Phòng, ban, bộ phận chuyên môn", version: 1 });
    const dup = await office.post("/api/units", { code: "vl-tpvl-pkhcn", name: "Khác", kind: "office", parentId });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('Mã đơn vị "vl-tpvl-pkhcn" đã được dùng cho "Phòng Khoa học và Công nghệ"');
    const outside = await office.post("/api/units", { code: "NT-X", name: "Ngoài phạm vi", kind: "office", parentId: await t.unitId("NT") });
    expect(outside.status).toBe(404);
    const root = await office.post("/api/units", { code: "ROOT-X", name: "Gốc", kind: "province", parentId: null });
    expect(root.status).toBe(403);
  });

  it("renames with the current version and refuses a stale one with 409, keeping the first change", async () => {
    const id = await t.unitId("VL-TPVL-P9");
    const before = (await office.get(`/api/units/${id}`)).body;
    const first = await office.patch(`/api/units/${id}`, { version: before.version, name: "Phường 9 (mới)" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(before.version + 1);
    const stale = await office.patch(`/api/units/${id}`, { version: before.version, name: "Phường Chín" });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
    expect(stale.body.message).toContain("vừa được người khác cập nhật");
    expect((await office.get(`/api/units/${id}`)).body.name).toBe("Phường 9 (mới)");
    const history = await office.get(`/api/units/${id}/history`);
    expect(history.body.items[0]).toMatchObject({
      action: "unit.rename",
      summary: 'Đổi tên đơn vị "Phường 9" thành "Phường 9 (mới)"',
      before: { name: "Phường 9" },
      after: { name: "Phường 9 (mới)" },
    });
  });

  it("moves a subtree and rewrites descendants' paths; refuses moving a unit under its own descendant", async () => {
    const admin = await t.as("admin");
    const parent = (await admin.post("/api/units", { code: "T-A", name: "Khối A", kind: "other", parentId: await t.unitId("VL") })).body;
    const child = (await admin.post("/api/units", { code: "T-A1", name: "Tổ A1", kind: "other", parentId: parent.id })).body;
    const grandchild = (await admin.post("/api/units", { code: "T-A1a", name: "Nhóm A1a", kind: "other", parentId: child.id })).body;
    const newParent = await t.unitId("VL-TPVL");
    const moved = await admin.post(`/api/units/${parent.id}/move`, { version: parent.version, parentId: newParent });
    expect(moved.status).toBe(200);
    const g = (await admin.get(`/api/units/${grandchild.id}`)).body;
    expect(g.ancestors.map((a: { name: string }) => a.name)).toEqual(["Tỉnh Vĩnh Long", "Thành phố Vĩnh Long", "Khối A", "Tổ A1"]);
    expect(g.depth).toBe(4);
    const cycle = await admin.post(`/api/units/${parent.id}/move`, { version: moved.body.version, parentId: grandchild.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.message).toContain("đơn vị thuộc chính nó");
  });

  it("merges a ward into another: children and people move, the old ward stays inactive with its history", async () => {
    const sourceId = await t.unitId("VL-TPVL-P8");
    const targetId = await t.unitId("VL-TPVL-P5");
    const hamlet = (await office.post("/api/units", { code: "VL-P8-KP1", name: "Khóm 1", kind: "hamlet", parentId: sourceId })).body;
    const peopleBefore = (await office.get(`/api/people?unitId=${sourceId}&includeSubunits=false`)).body.total;
    expect(peopleBefore).toBeGreaterThan(0);
    const targetPeopleBefore = (await office.get(`/api/people?unitId=${targetId}&includeSubunits=false`)).body.total;
    const source = (await office.get(`/api/units/${sourceId}`)).body;
    const res = await office.post(`/api/units/${sourceId}/merge`, { version: source.version, targetId, movePeople: true });
    expect(res.status).toBe(200);
    const after = (await office.get(`/api/units/${sourceId}`)).body;
    expect(after).toMatchObject({ active: false, mergedIntoId: targetId });
    expect((await office.get(`/api/units/${hamlet.id}`)).body.parentId).toBe(targetId);
    expect((await office.get(`/api/people?unitId=${targetId}&includeSubunits=false`)).body.total).toBe(targetPeopleBefore + peopleBefore);
    expect((await office.get(`/api/units/${targetId}`)).body.mergedFrom).toEqual([{ id: sourceId, name: "Phường 8", code: "VL-TPVL-P8" }]);
    expect((await office.get("/api/units")).body.items.some((u: { id: number }) => u.id === sourceId)).toBe(false);
    expect((await office.get("/api/units?includeInactive=true")).body.items.some((u: { id: number }) => u.id === sourceId)).toBe(true);
    expect((await office.get(`/api/units/${sourceId}/history`)).body.items[0].action).toBe("unit.merge");
  });

  it("refuses to deactivate a unit with active children, then deactivates and reactivates a leaf", async () => {
    const city = (await office.get(`/api/units/${await t.unitId("VL-TPVL")}`)).body;
    const res = await office.post(`/api/units/${city.id}/deactivate`, { version: city.version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("HAS_ACTIVE_CHILDREN");
    const leaf = (await office.get(`/api/units/${await t.unitId("VL-TPVL-P4")}`)).body;
    const off = await office.post(`/api/units/${leaf.id}/deactivate`, { version: leaf.version });
    expect(off.body.active).toBe(false);
    const on = await office.post(`/api/units/${leaf.id}/reactivate`, { version: off.body.version });
    expect(on.body.active).toBe(true);
  });

  it("explains bad input in Vietnamese with the field", async () => {
    const res = await office.post("/api/units", { code: "có dấu cách", name: "", kind: "galaxy", parentId: "x" });
    expect(res.status).toBe(400);
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["code", "name", "kind", "parentId"]));
    expect(res.body.message).toMatch(/^Dữ liệu chưa hợp lệ – Mã: /);
  });
});
