import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Factories } from "./support/factories.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

// Built here, not taken from the demo: a city with one ward, its people, and the ward's focal person.
let t: TestApp;
let make: Factories;
let focal: Client;
let ward1: number;
const NAMES = ["Trần Văn Bình", "Lê Thị Ánh", "Nguyễn Văn An", "Phạm Thị Bích", "Đỗ Văn Đức", "Nguyễn Thị Ánh", "Võ Văn Ân"];
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  make = await Factories.of(t);
  const city = await make.unit({ name: "Thành phố Vĩnh Long" });
  const ward = await make.unit({ name: "Phường 1", parent: city });
  const other = await make.unit({ name: "Phường 2", parent: city });
  for (const [i, fullName] of NAMES.entries()) await make.person(i % 2 ? other : ward, { fullName });
  focal = (await make.account({ role: "focal", unit: ward })).client;
  ward1 = ward.id;
});
afterAll(() => t.close());

const collator = new Intl.Collator("vi");
const given = (name: string) => name.split(" ").at(-1) as string;

describe("people", () => {
  it("lists people sorted the Vietnamese way: by given name, then full name", async () => {
    const res = await make.admin.get("/api/people?pageSize=500");
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(NAMES.length);
    const names: string[] = res.body.items.map((p: { fullName: string }) => p.fullName);
    // Given names first (a, then â: "Ân" after "Ánh"), then the full name.
    expect(names).toEqual(["Nguyễn Văn An", "Lê Thị Ánh", "Nguyễn Thị Ánh", "Võ Văn Ân", "Phạm Thị Bích", "Trần Văn Bình", "Đỗ Văn Đức"]);
    for (let i = 1; i < names.length; i++) {
      const byGiven = collator.compare(given(names[i - 1]), given(names[i]));
      expect(byGiven < 0 || (byGiven === 0 && collator.compare(names[i - 1], names[i]) <= 0), `${names[i - 1]} before ${names[i]}`).toBe(true);
    }
  });

  it("a focal person adds, edits and deactivates people of their own ward", async () => {
    const created = await focal.post("/api/people", {
      unitId: ward1,
      fullName: "Trương Thị Ánh Tuyết",
      sex: "nu",
      birthDate: "1990-02-28",
      position: "Công chức Văn hóa - Xã hội",
      category: "cong_chuc",
      isHead: false,
      email: "tuyet@example.vn",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitName: "Phường 1", categoryLabel: "Công chức", sexLabel: "Nữ", birthDate: "1990-02-28", version: 1 });
    const edited = await focal.patch(`/api/people/${created.body.id}`, { version: 1, position: "Phó Chủ tịch UBND phường" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ position: "Phó Chủ tịch UBND phường", version: 2, fullName: "Trương Thị Ánh Tuyết" });
    const stale = await focal.patch(`/api/people/${created.body.id}`, { version: 1, position: "Khác" });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain("Hồ sơ của Trương Thị Ánh Tuyết vừa được người khác cập nhật");
    const found = await focal.get(`/api/people?unitId=${ward1}&q=ánh tuyết`);
    expect(found.body.items.map((p: { id: number }) => p.id)).toEqual([created.body.id]);
    const off = await focal.post(`/api/people/${created.body.id}/deactivate`, { version: 2 });
    expect(off.body.active).toBe(false);
    expect((await focal.get(`/api/people?unitId=${ward1}&q=ánh tuyết`)).body.total).toBe(0);
  });

  it("refuses bad people data with Vietnamese messages per field and saves nothing", async () => {
    const before = (await focal.get(`/api/people?unitId=${ward1}`)).body.total;
    const res = await focal.post("/api/people", { unitId: ward1, fullName: " ", sex: "x", birthDate: "1990-02-30", category: "alien", email: "not-an-email" });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath.fullName).toBe("Vui lòng nhập họ và tên.");
    expect(byPath.sex).toBe("Vui lòng chọn giới tính (Nam hoặc Nữ).");
    expect(byPath.birthDate).toBe("Ngày 30/02/1990 không có trên lịch (tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận).");
    expect(byPath.email).toBe("Email không hợp lệ.");
    expect((await focal.get(`/api/people?unitId=${ward1}`)).body.total).toBe(before);
  });
});
