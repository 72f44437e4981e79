import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart, readXlsx, xlsx } from "./support/files.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp({ import: { maxBytes: 200_000, maxRows: 50 } });
  office = await t.as("noivu.vinhlong");
});
afterAll(() => t.close());

const PEOPLE_HEADER = ["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Giới tính", "Ngày sinh", "Chức vụ", "Đối tượng", "Người đứng đầu", "Email", "Điện thoại"];

async function upload(c: Client, kind: string, name: string, data: Buffer | string) {
  const { body, contentType } = await multipart(kind, name, data);
  return c.request("POST", "/api/imports", body, { headers: { "content-type": contentType } });
}

async function waitDone(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await c.get(`/api/imports/${id}`);
    if (res.body.status === "done" || res.body.status === "failed") return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

describe("importing people from Excel", () => {
  it("reports each bad row in Vietnamese and saves nothing; the fixed file imports all rows", async () => {
    const rows = [
      PEOPLE_HEADER,
      ["NK001", "Phan Thị Mỹ Lệ", "VL-TPVL-P3", "Nữ", "12/05/1988", "Công chức Tư pháp - Hộ tịch", "Công chức", "Không", "le@example.vn", "0909123456"],
      ["NK002", "", "VL-TPVL-P3", "Nam", "01/01/1980", "", "Công chức", "", "", ""],
      ["NK003", "Lâm Văn Tài", "NT-PRTC", "nam", "31/02/1979", "", "viên chức", "Có", "", ""],
      ["NK004", "Kiều Thị Oanh", "VL-TPVL-P3", "Nữ", new Date(Date.UTC(1992, 6, 15)), "", "Người lao động", "x", "", ""],
    ];
    const first = await upload(office, "people", "can-bo.xlsx", await xlsx(rows));
    expect(first.status).toBe(201);
    expect(first.body.status).toBe("preview");
    expect(first.body.totalRows).toBe(4);
    expect(first.body.errors.map((e: { message: string }) => e.message)).toEqual([
      "Dòng 3: thiếu họ và tên",
      'Dòng 4: không tìm thấy đơn vị có mã "NT-PRTC" trong phạm vi bạn được quản lý',
      'Dòng 4: ngày sinh "31/02/1979" không hợp lệ, ghi theo dạng ngày/tháng/năm, ví dụ 05/09/1985',
    ]);
    const refused = await office.post(`/api/imports/${first.body.id}/commit`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("IMPORT_HAS_ERRORS");
    expect((await office.get("/api/people?q=Mỹ Lệ")).body.total).toBe(0);

    rows[2][1] = "Tạ Văn Minh";
    rows[3][2] = "VL-TPVL-P3";
    rows[3][4] = "28/02/1979";
    const second = await upload(office, "people", "can-bo.xlsx", await xlsx(rows));
    expect(second.body.errors).toEqual([]);
    expect(second.body.preview[3]).toMatchObject({ fullName: "Kiều Thị Oanh", birthDate: "1992-07-15", isHead: true, category: "nguoi_lao_dong", sex: "nu" });
    const started = await office.post(`/api/imports/${second.body.id}/commit`);
    expect(started.status).toBe(202);
    const done = await waitDone(office, second.body.id);
    expect(done).toMatchObject({ status: "done", processedRows: 4, result: { created: 4, updated: 0 } });
    const le = (await office.get("/api/people?q=Mỹ Lệ")).body.items[0];
    expect(le).toMatchObject({ code: "NK001", unitName: "Phường 3", birthDate: "1988-05-12", phone: "0909123456" });
    const again = await office.post(`/api/imports/${second.body.id}/commit`);
    expect(again.status).toBe(409);
  });

  it("updates people whose code already exists, from a semicolon CSV saved by Excel", async () => {
    const csv =
      "\uFEFFMã cán bộ;Họ và tên;Mã đơn vị;Giới tính;Ngày sinh;Chức vụ;Đối tượng;Người đứng đầu\nNK001;Phan Thị Mỹ Lệ;VL-TPVL-P3;Nữ;12/05/1988;Phó Chủ tịch UBND phường;Cán bộ;Không\n";
    const res = await upload(office, "people", "cap-nhat.csv", csv);
    expect(res.body.errors).toEqual([]);
    await office.post(`/api/imports/${res.body.id}/commit`);
    const done = await waitDone(office, res.body.id);
    expect(done.result).toEqual({ created: 0, updated: 1 });
    expect((await office.get("/api/people?q=Mỹ Lệ")).body.items[0]).toMatchObject({ position: "Phó Chủ tịch UBND phường", category: "can_bo", version: 2 });
  });

  it("refuses files that are not spreadsheets, empty, too large, too long, or missing columns", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const cases: [string, Buffer | string, number, string][] = [
      ["anh.xlsx", png, 400, "không phải Excel"],
      ["rong.csv", "", 400, "đang trống"],
      ["lon.csv", `${PEOPLE_HEADER.join(",")}\n${"a,".repeat(120_000)}`, 413, "vượt quá giới hạn 0,2 MB"],
      ["dai.csv", `${PEOPLE_HEADER.join(",")}\n${"X,Y,Z,Nam,,,Công chức,,,\n".repeat(51)}`, 400, "quá 50 dòng"],
      ["thieu-cot.csv", "Họ và tên,Mã đơn vị\nA,B\n", 400, "Tệp thiếu cột: Giới tính, Đối tượng"],
      ["loi-ma.csv", Buffer.from([0x48, 0xe0, 0x4e, 0xe9, 0x69, 0x0a]), 400, "UTF-8"],
    ];
    for (const [name, data, status, text] of cases) {
      const res = await upload(office, "people", name, data);
      expect(res.status, name).toBe(status);
      expect(res.body.message, name).toContain(text);
    }
  });
});

describe("import progress", () => {
  it("answers a running import's progress from memory, to the session that started it only", async () => {
    const rows = [
      PEOPLE_HEADER,
      ...Array.from({ length: 40 }, (_, i) => [`PR${i}`, `Người Thứ ${i}`, "VL-TPVL-P4", "Nam", "", "", "Công chức", "Không", "", ""]),
    ];
    const res = await upload(office, "people", "tien-do.xlsx", await xlsx(rows));
    const { commitImport, runningImportView } = await import("../src/modules/imports/service.js");
    const { resolveSession, sessionHash } = await import("../src/modules/auth/service.js");
    const session = await resolveSession(t.database.db, office.cookies.td_session);
    const mine = sessionHash(office.cookies.td_session);
    await commitImport(t.database.db, session!.actor, res.body.id, mine);
    // Right after the commit starts, before the job has had a chance to finish:
    expect(runningImportView(res.body.id, mine)).toMatchObject({ id: res.body.id, status: "running", totalRows: 40 });
    expect(runningImportView(res.body.id, sessionHash("another-session"))).toBeNull();
    expect((await waitDone(office, res.body.id)).result).toEqual({ created: 40, updated: 0 });
    expect(runningImportView(res.body.id, mine)).toBeNull();
  });
});

describe("importing units", () => {
  it("creates a subtree in one go, parents defined later in the file included, within scope only", async () => {
    const rows = [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
      ["VL-P3-K2", "Khóm 2", "Thôn, ấp, khu phố, tổ dân phố", "VL-P3-CUM"],
      ["VL-P3-CUM", "Cụm dân cư Phường 3", "khac", "VL-TPVL-P3"],
      ["VL-P3-K3", "Khóm 3", "hamlet", "NT"],
    ];
    const bad = await upload(office, "units", "don-vi.xlsx", await xlsx(rows));
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual(['Dòng 4: đơn vị cấp trên "NT" nằm ngoài phạm vi bạn được quản lý']);
    rows[3][3] = "VL-P3-CUM";
    const good = await upload(office, "units", "don-vi.xlsx", await xlsx(rows));
    expect(good.body.errors).toEqual([]);
    await office.post(`/api/imports/${good.body.id}/commit`);
    expect((await waitDone(office, good.body.id)).result).toEqual({ created: 3, updated: 0 });
    const units = (await office.get("/api/units")).body.items;
    const cum = units.find((u: { code: string }) => u.code === "VL-P3-CUM");
    expect(units.filter((u: { parentId: number }) => u.parentId === cum.id).map((u: { name: string }) => u.name)).toEqual(["Khóm 2", "Khóm 3"]);
  });
});

describe("export and templates", () => {
  it("exports people as .xlsx with the import headers, so the file can be edited and imported back", async () => {
    const res = await office.get(`/api/export/people?unitId=${await t.unitId("VL-TPVL-P3")}`);
    expect(res.status).toBe(200);
    expect(String(res.headers["content-disposition"])).toContain(".xlsx");
    const sheet = await readXlsx(res.raw);
    expect(sheet[0]).toEqual(PEOPLE_HEADER);
    expect(sheet.find((r) => r[1] === "Phan Thị Mỹ Lệ")).toEqual([
      "NK001",
      "Phan Thị Mỹ Lệ",
      "VL-TPVL-P3",
      "Nữ",
      "12/05/1988",
      "Phó Chủ tịch UBND phường",
      "Cán bộ",
      "Không",
      "",
      "",
    ]);
    const back = await upload(office, "people", "xuat.xlsx", res.raw);
    expect(back.body.errors).toEqual([]);
  });

  it("exports units as CSV with a BOM and offers empty templates", async () => {
    const res = await office.get("/api/export/units?format=csv");
    expect(res.raw.subarray(0, 3).toString("hex")).toBe("efbbbf");
    expect(res.raw.toString("utf8")).toContain("VL-TPVL-P1,Phường 1,Phường,VL-TPVL");
    const tpl = await office.get("/api/import/template/people");
    expect((await readXlsx(tpl.raw))[0]).toEqual(PEOPLE_HEADER);
  });
});
