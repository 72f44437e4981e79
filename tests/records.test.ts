// Initiatives, indicator values and complaints of seed 003's movement (Vĩnh Long 2024), through the HTTP API.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/modules/actor.js";
import { storeFile } from "../src/modules/files/service.js";
import { listParticipants, loadParticipant, syncParticipants } from "../src/modules/movement/participants.js";
import { loadRecords } from "../src/modules/movement/records.js";
import { LocalFileStore } from "../src/storage/file-store.js";
import { multipart, readXlsx, xlsx } from "./support/files.js";
import { PDF } from "./support/sample-files.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

const INDICATOR_HEADER = ["Mã đơn vị", "Chỉ số", "Kỳ", "Giá trị", "Nguồn"];

let t: TestApp;
let office: Client;
let focal1: Client;
let focal2: Client;
let appraiser: Client;
let admin: Client;
let planId: number;
let p1: number; // participant: Phường 1 (collective group)
let p2: number; // participant: Phường 2
const unit: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as("noivu.vinhlong");
  focal1 = await t.as("daumoi.phuong1");
  focal2 = await t.as("daumoi.phuong2");
  appraiser = await t.as("thamdinh.vinhlong");
  admin = await t.as("admin");
  for (const code of ["VL-TPVL", "VL-TPVL-P1", "VL-TPVL-P2", "VL-TPVL-P3", "VL-TPVL-P4", "VL-TPVL-P5", "VL-SNV"]) unit[code] = await t.unitId(code);
  const plan = (await office.post("/api/plans", { issuerUnitId: unit["VL-TPVL"], template: "003-vinh-long-2024.yaml" })).body;
  const launched = await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version });
  expect(launched.status).toBe(200);
  planId = plan.id;
  await syncParticipants(t.database.db, SYSTEM_ACTOR, planId);
  const collectives = await listParticipants(t.database.db, SYSTEM_ACTOR, planId, { groupId: "tap-the" });
  p1 = collectives.find((p) => p.unitId === unit["VL-TPVL-P1"])?.id as number;
  p2 = collectives.find((p) => p.unitId === unit["VL-TPVL-P2"])?.id as number;
  expect(p1 && p2).toBeTruthy();
});
afterAll(() => t.close());

/** What the system's own records say about a participant (the facts scoring reads). */
async function known(participantId: number) {
  const ctx = await loadParticipant(t.database.db, SYSTEM_ACTOR, participantId, "read");
  return (await loadRecords(t.database.db, ctx.plan.id, ctx.data, [participantId])).known(participantId, new Date());
}

function evidence(unitCode: string, name: string) {
  return storeFile(t.database.db, new LocalFileStore(t.config.files.dir), SYSTEM_ACTOR, {
    unitId: unit[unitCode],
    name,
    data: PDF,
    maxBytes: 1_000_000,
  });
}

async function auditActions(entity: string, entityId: number) {
  const res = await admin.get(`/api/audit?entity=${entity}&entityId=${entityId}`);
  return (res.body.items as { action: string; summary: string }[]).map((a) => a.action).sort();
}

describe("initiatives", () => {
  let initiative: any;

  it("a ward submits and edits an initiative with its own evidence; the office recognises it and it becomes a fact", async () => {
    const file = await evidence("VL-TPVL-P1", "mo-hinh-mot-cua.pdf");
    expect((await known(p1)).recognisedInitiatives).toBe(0);

    const sent = await focal1.post(`/api/participants/${p1}/initiatives`, {
      title: "Mô hình “Một cửa thân thiện”",
      description: "Bố trí ghế chờ, nước uống, hướng dẫn viên tại Bộ phận Một cửa phường.",
      fileIds: [file.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ planId, participantId: p1, unitName: "Phường 1", status: "submitted", statusLabel: "Chờ xem xét", version: 1 });
    expect(sent.body.files).toEqual([expect.objectContaining({ id: file.id, name: "mo-hinh-mot-cua.pdf", mime: "application/pdf" })]);

    const edited = await focal1.patch(`/api/initiatives/${sent.body.id}`, { version: 1, title: "Mô hình “Một cửa thân thiện, không giấy tờ”" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "Mô hình “Một cửa thân thiện, không giấy tờ”", version: 2, description: sent.body.description });
    expect(edited.body.files).toHaveLength(1);

    expect((await focal1.get(`/api/participants/${p1}/initiatives`)).body.items.map((i: { id: number }) => i.id)).toEqual([sent.body.id]);
    expect((await office.get(`/api/plans/${planId}/initiatives`)).body.items.map((i: { id: number }) => i.id)).toContain(sent.body.id);
    expect((await focal2.get(`/api/plans/${planId}/initiatives`)).body.items).toEqual([]);
    expect((await focal1.get(`/api/plans/${planId}/initiatives`)).body.items).toHaveLength(1);

    const incomplete = await office.patch(`/api/initiatives/${sent.body.id}/review`, { version: 2, status: "recognised" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toBe("Để công nhận sáng kiến, vui lòng nhập ngày công nhận (recognisedOn) và số quyết định công nhận (decisionNo).");
    const noNumber = await office.patch(`/api/initiatives/${sent.body.id}/review`, { version: 2, status: "recognised", recognisedOn: "2024-10-15" });
    expect(noNumber.body.message).toBe("Để công nhận sáng kiến, vui lòng nhập số quyết định công nhận (decisionNo).");

    const recognised = await office.patch(`/api/initiatives/${sent.body.id}/review`, {
      version: 2,
      status: "recognised",
      level: "district",
      recognisedOn: "2024-10-15",
      decisionNo: "125/QĐ-UBND",
      appliedEffectively: true,
    });
    expect(recognised.status).toBe(200);
    expect(recognised.body).toMatchObject({
      status: "recognised",
      statusLabel: "Đã công nhận",
      level: "district",
      levelLabel: "Cấp huyện, thành phố",
      recognisedOn: "2024-10-15",
      decisionNo: "125/QĐ-UBND",
      appliedEffectively: true,
      version: 3,
    });
    expect((await known(p1)).recognisedInitiatives).toBe(1);
    expect((await known(p2)).recognisedInitiatives).toBe(0);

    const late = await focal1.patch(`/api/initiatives/${sent.body.id}`, { version: 3, title: "Sửa sau khi công nhận" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("INITIATIVE_REVIEWED");
    expect(late.body.message).toContain("đã được xem xét (Đã công nhận)");
    const stale = await office.patch(`/api/initiatives/${sent.body.id}/review`, { version: 2, status: "rejected" });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");

    expect(await auditActions("initiative", sent.body.id)).toEqual(["initiative.recognise", "initiative.submit", "initiative.update"]);
    initiative = recognised.body;
  });

  it("a rejected initiative does not count; lists filter by status", async () => {
    const sent = await focal1.post(`/api/participants/${p1}/initiatives`, { title: "Giải pháp nhắn tin kết quả hồ sơ qua Zalo" });
    expect(sent.status).toBe(201);
    expect(sent.body.files).toEqual([]);
    const rejected = await office.patch(`/api/initiatives/${sent.body.id}/review`, { version: 1, status: "rejected", decisionNo: "bỏ qua" });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", statusLabel: "Không công nhận", decisionNo: null, recognisedOn: null });
    expect((await known(p1)).recognisedInitiatives).toBe(1);
    const onlyRecognised = (await office.get(`/api/plans/${planId}/initiatives?status=recognised`)).body.items;
    expect(onlyRecognised.map((i: { id: number }) => i.id)).toEqual([initiative.id]);
    expect(await auditActions("initiative", sent.body.id)).toEqual(["initiative.reject", "initiative.submit"]);
  });

  it("refuses bad input with Vietnamese messages, never a 500", async () => {
    const noTitle = await focal1.post(`/api/participants/${p1}/initiatives`, { title: "  " });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toContain("Vui lòng nhập tên sáng kiến.");
    const badFile = await focal1.post(`/api/participants/${p1}/initiatives`, { title: "A", fileIds: ["abc"] });
    expect(badFile.status).toBe(400);
    expect(badFile.body.message).toContain("Mã tệp minh chứng không hợp lệ");
    const goneFile = await focal1.post(`/api/participants/${p1}/initiatives`, { title: "A", fileIds: [randomUUID()] });
    expect(goneFile.status).toBe(400);
    expect(goneFile.body.message).toBe("Một tệp minh chứng không còn tồn tại; hãy tải lên lại.");
    const other = await evidence("VL-TPVL-P2", "cua-phuong-2.pdf");
    const foreign = await focal1.post(`/api/participants/${p1}/initiatives`, { title: "A", fileIds: [other.id] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe("Một tệp đã chọn thuộc đơn vị khác, không dùng làm minh chứng ở đây được; hãy tải tệp của đơn vị lên.");
    const nobody = await focal1.post("/api/participants/999999/initiatives", { title: "A" });
    expect(nobody.status).toBe(404);
    expect(nobody.body.message).toBe("Không tìm thấy đối tượng thi đua có mã số 999999.");
    const noInitiative = await office.patch("/api/initiatives/999999/review", { version: 1, status: "rejected" });
    expect(noInitiative.status).toBe(404);
    expect(noInitiative.body.message).toBe("Không tìm thấy sáng kiến có mã số 999999.");

    const pending = (await focal1.post(`/api/participants/${p1}/initiatives`, { title: "Sổ tay TTHC điện tử" })).body;
    const badStatus = await office.patch(`/api/initiatives/${pending.id}/review`, { version: 1, status: "approved" });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toContain('"recognised" (công nhận) hoặc "rejected" (không công nhận)');
    const badDate = await office.patch(`/api/initiatives/${pending.id}/review`, {
      version: 1,
      status: "recognised",
      recognisedOn: "2024-02-30",
      decisionNo: "1",
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toContain("không có trên lịch");
    const badLevel = await office.patch(`/api/initiatives/${pending.id}/review`, { version: 1, status: "recognised", level: "huyện" });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.message).toContain("Cấp công nhận không có trong danh mục.");
    t.clock.set("2024-10-01T03:00:00Z");
    try {
      const future = await office.patch(`/api/initiatives/${pending.id}/review`, {
        version: 1,
        status: "recognised",
        recognisedOn: "2024-10-15",
        decisionNo: "9/QĐ",
      });
      expect(future.status).toBe(400);
      expect(future.body.message).toBe("Ngày công nhận sáng kiến không được sau ngày hôm nay.");
    } finally {
      t.clock.reset();
    }
    const noVersion = await focal1.patch(`/api/initiatives/${pending.id}`, { title: "B" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.message).toContain("Thiếu phiên bản dữ liệu");
  });

  it("is refused to people outside the participant's unit or the office", async () => {
    const forP2 = await focal1.post(`/api/participants/${p2}/initiatives`, { title: "Sáng kiến hộ Phường 2" });
    // Another ward's participant does not exist for this ward (its name is not told either).
    expect(forP2.status).toBe(404);
    expect(forP2.body.message).toBe(`Không tìm thấy đối tượng thi đua có mã số ${p2}.`);
    const pending = (await focal1.post(`/api/participants/${p1}/initiatives`, { title: "Bản đồ số TTHC phường" })).body;
    const selfRecognise = await focal1.patch(`/api/initiatives/${pending.id}/review`, {
      version: 1,
      status: "recognised",
      recognisedOn: "2024-10-15",
      decisionNo: "1/QĐ",
    });
    expect(selfRecognise.status).toBe(403);
    expect(selfRecognise.body.message).toBe("Chỉ cơ quan thường trực của phong trào được thực hiện thao tác này.");
    expect((await focal2.patch(`/api/initiatives/${pending.id}`, { version: 1, title: "Đổi tên" })).status).toBe(404);
    expect((await focal1.get(`/api/participants/${p2}/initiatives`)).status).toBe(404);
    expect((await (await t.as()).get(`/api/plans/${planId}/initiatives`)).status).toBe(401);
    expect((await known(p1)).recognisedInitiatives).toBe(1);
  });
});

describe("indicator values", () => {
  it("keeps every typed value; the latest is current and is the fact plans read", async () => {
    const first = await focal1.post("/api/indicators", {
      unitId: unit["VL-TPVL-P1"],
      metric: "tthc_on_time",
      period: "2024",
      value: 97.5,
      source: "Hệ thống thông tin giải quyết TTHC tỉnh",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      unitName: "Phường 1",
      metric: "tthc_on_time",
      period: "2024",
      value: 97.5,
      current: true,
      enteredByName: "Huỳnh Thanh Tâm",
    });
    const second = await office.post("/api/indicators", { unitId: unit["VL-TPVL-P1"], metric: " TTHC_ON_TIME ", period: "2024", value: 98.2 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ metric: "tthc_on_time", value: 98.2, source: "Nhập trực tiếp trên hệ thống", enteredByName: "Lê Thị Ngọc Lan" });
    await office.post("/api/indicators", {
      unitId: unit["VL-TPVL-P1"],
      metric: "par_index_prev",
      period: "2024",
      value: 91.35,
      source: "QĐ công bố chỉ số CCHC 2023",
    });

    const history = await focal1.get(`/api/indicators?unitId=${unit["VL-TPVL-P1"]}&metric=tthc_on_time&period=2024`);
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((i: { value: number; current: boolean }) => [i.value, i.current])).toEqual([
      [98.2, true],
      [97.5, false],
    ]);
    const current = await office.get(`/api/indicators?unitId=${unit["VL-TPVL-P1"]}&current=true`);
    expect(current.body.items.map((i: { metric: string; value: number }) => [i.metric, i.value]).sort()).toEqual([
      ["par_index_prev", 91.35],
      ["tthc_on_time", 98.2],
    ]);
    expect((await known(p1)).indicators).toEqual({ tthc_on_time: 98.2, par_index_prev: 91.35 });
    expect((await known(p2)).indicators).toEqual({});

    const audit = (await admin.get(`/api/audit?entity=indicator&entityId=${second.body.id}`)).body.items[0];
    expect(audit.summary).toBe("Nhập chỉ số tthc_on_time kỳ 2024 của Phường 1: 98,2 (trước đó 97,5) – nguồn: Nhập trực tiếp trên hệ thống");
    expect(audit.before).toMatchObject({ value: 97.5 });
  });

  it("refuses bad input with Vietnamese messages", async () => {
    const base = { unitId: unit["VL-TPVL-P1"], metric: "tthc_on_time", period: "2024", value: 90 };
    const percent = await focal1.post("/api/indicators", { ...base, value: 120 });
    expect(percent.status).toBe(400);
    expect(percent.body.message).toBe('Giá trị không hợp lệ: chỉ số "tthc_on_time" là tỷ lệ phần trăm nên giá trị phải từ 0 đến 100, không phải 120.');
    expect((await focal1.post("/api/indicators", { ...base, metric: "sipas_rate", value: -1 })).status).toBe(400);
    expect((await focal1.post("/api/indicators", { ...base, metric: "par_index_prev", value: 120 })).status).toBe(201);
    const notNumber = await focal1.post("/api/indicators", { ...base, value: "abc" });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.message).toContain("Giá trị chỉ số phải là một số.");
    const badMetric = await focal1.post("/api/indicators", { ...base, metric: "Tỷ lệ đúng hạn" });
    expect(badMetric.status).toBe(400);
    expect(badMetric.body.message).toContain("Mã chỉ số chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới");
    const badPeriod = await focal1.post("/api/indicators", { ...base, period: "năm 2024" });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.message).toContain("Kỳ số liệu: ghi năm (2024), quý (2024-Q1)");
    expect((await focal1.post("/api/indicators", { ...base, period: "2024-q3" })).body.period).toBe("2024-Q3");
    const noUnit = await office.post("/api/indicators", { ...base, unitId: 999999 });
    expect(noUnit.status).toBe(404);
    expect(noUnit.body.message).toBe("Không tìm thấy đơn vị có mã số 999999.");
    const badQuery = await office.get("/api/indicators?current=maybe");
    expect(badQuery.status).toBe(400);
  });

  it("is refused for another ward's values", async () => {
    const other = await focal1.post("/api/indicators", { unitId: unit["VL-TPVL-P2"], metric: "tthc_on_time", period: "2024", value: 99 });
    expect(other.status).toBe(404);
    expect(other.body.message).not.toContain("Phường 2");
    expect((await focal1.get(`/api/indicators?unitId=${unit["VL-TPVL-P2"]}`)).status).toBe(404);
    expect((await appraiser.post("/api/indicators", { unitId: unit["VL-TPVL-P1"], metric: "tthc_on_time", period: "2024", value: 99 })).status).toBe(403);
    // A focal person's list holds only their own unit's values.
    await office.post("/api/indicators", { unitId: unit["VL-TPVL-P2"], metric: "tthc_on_time", period: "2024", value: 96 });
    const mine = (await focal1.get("/api/indicators?pageSize=500")).body.items as { unitName: string }[];
    expect(new Set(mine.map((i) => i.unitName))).toEqual(new Set(["Phường 1"]));
    expect((await known(p2)).indicators).toEqual({ tthc_on_time: 96 });
  });
});

describe("importing indicator values", () => {
  async function upload(c: Client, name: string, data: Buffer | string) {
    const { body, contentType } = await multipart("indicators", name, data);
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

  it("offers a template with the columns and a help sheet", async () => {
    const res = await focal1.get("/api/import/template/indicators");
    expect(res.status).toBe(200);
    expect(String(res.headers["content-disposition"])).toContain("mau-nhap-chi-so");
    expect((await readXlsx(res.raw))[0]).toEqual(INDICATOR_HEADER);
  });

  it("reports each bad row in Vietnamese and saves nothing; the fixed file saves every row", async () => {
    const rows: unknown[][] = [
      INDICATOR_HEADER,
      ["VL-TPVL-P3", "tthc_on_time", 2024, 99.1, ""],
      ["VL-TPVL-P4", "tthc_on_time", "2024", "abc", ""],
      ["NT-PRTC", "tthc_on_time", "2024", 95, ""],
      ["VL-TPVL-P5", "tthc_on_time", "2024", 101, ""],
      ["VL-TPVL-P3", "tthc_on_time", "2024", 98, ""],
      ["VL-TPVL-P4", "Tỷ lệ", "năm 2024", "", ""],
    ];
    const first = await upload(office, "chi-so.xlsx", await xlsx(rows));
    expect(first.status).toBe(201);
    expect(first.body.kind).toBe("indicators");
    expect(first.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Dòng 3: giá trị "abc" không phải số',
      'Dòng 4: không tìm thấy đơn vị có mã "NT-PRTC" trong phạm vi bạn được nhập số liệu',
      'Dòng 5: chỉ số "tthc_on_time" là tỷ lệ phần trăm nên giá trị phải từ 0 đến 100, không phải 101',
      'Dòng 6: đơn vị "VL-TPVL-P3", chỉ số "tthc_on_time", kỳ 2024 trùng với dòng 2',
      'Dòng 7: chỉ số "Tỷ lệ" không hợp lệ (chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ tthc_on_time)',
      'Dòng 7: kỳ "năm 2024" không hợp lệ, ghi năm (2024), quý (2024-Q1), 6 tháng (2024-H1) hoặc tháng (2024-06)',
      "Dòng 7: thiếu giá trị",
    ]);
    const refused = await office.post(`/api/imports/${first.body.id}/commit`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("IMPORT_HAS_ERRORS");
    expect((await office.get(`/api/indicators?unitId=${unit["VL-TPVL-P3"]}`)).body.total).toBe(0);

    const fixed: unknown[][] = [
      INDICATOR_HEADER,
      ["VL-TPVL-P3", "tthc_on_time", 2024, 99.1, ""],
      ["VL-TPVL-P4", "TTHC_ON_TIME", "2024", "97,25", "Báo cáo số 12/BC-UBND"],
      ["VL-TPVL-P5", "tthc_on_time", "2024", "100%", ""],
      ["VL-TPVL-P3", "par_index_prev", "2024", 88.4, ""],
    ];
    const second = await upload(office, "chi-so.xlsx", await xlsx(fixed));
    expect(second.body.errors).toEqual([]);
    expect(second.body.preview[1]).toEqual({
      row: 3,
      unitCode: "VL-TPVL-P4",
      metric: "tthc_on_time",
      period: "2024",
      value: 97.25,
      source: "Báo cáo số 12/BC-UBND",
    });
    expect(second.body.preview[0].source).toBe('Nhập từ tệp "chi-so.xlsx"');
    expect((await office.post(`/api/imports/${second.body.id}/commit`)).status).toBe(202);
    const done = await waitDone(office, second.body.id);
    expect(done).toMatchObject({ status: "done", result: { created: 4, updated: 0 } });
    const p3 = (await office.get(`/api/indicators?unitId=${unit["VL-TPVL-P3"]}&metric=tthc_on_time`)).body.items[0];
    expect(p3).toMatchObject({ value: 99.1, source: 'Nhập từ tệp "chi-so.xlsx"', current: true, enteredByName: "Lê Thị Ngọc Lan" });
    const p5 = (await office.get(`/api/indicators?unitId=${unit["VL-TPVL-P5"]}`)).body.items[0];
    expect(p5.value).toBe(100);
    const audit = (await admin.get("/api/audit?entity=indicator&action=indicator.record&pageSize=200")).body.items as { unitId: number }[];
    expect(audit.filter((a) => a.unitId === unit["VL-TPVL-P3"])).toHaveLength(2);
  });

  it("checks each row against the importer's scope; a semicolon CSV with decimal commas works", async () => {
    const csv = "\uFEFFMã đơn vị;Chỉ số;Kỳ;Giá trị\nVL-TPVL-P1;tthc_on_time;2024;99,5\nVL-TPVL-P2;tthc_on_time;2024;99\n";
    const mixed = await upload(focal1, "p1.csv", csv);
    expect(mixed.status).toBe(201);
    expect(mixed.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Dòng 3: không tìm thấy đơn vị có mã "VL-TPVL-P2" trong phạm vi bạn được nhập số liệu',
    ]);
    const own = await upload(focal1, "p1.csv", csv.split("\n").slice(0, 2).join("\n"));
    expect(own.body.errors).toEqual([]);
    await focal1.post(`/api/imports/${own.body.id}/commit`);
    expect((await waitDone(focal1, own.body.id)).status).toBe("done");
    expect((await known(p1)).indicators.tthc_on_time).toBe(99.5);

    const refused = await upload(appraiser, "p1.csv", csv);
    expect(refused.status).toBe(403);
    const missing = await upload(office, "thieu.csv", "Mã đơn vị,Giá trị\nVL-TPVL-P1,5\n");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe("Tệp thiếu cột: Chỉ số, Kỳ. Dòng 1 phải có đúng tên các cột như tệp mẫu.");
  });
});

describe("complaints (PAKN)", () => {
  it("the office records and verifies a complaint; a substantiated one tied to the plan becomes a fact", async () => {
    expect((await known(p1)).substantiatedComplaints).toBe(0);
    const recorded = await office.post("/api/complaints", {
      unitId: unit["VL-TPVL-P1"],
      planId,
      receivedOn: "2024-09-12",
      content: "Người dân phản ánh cán bộ Bộ phận Một cửa yêu cầu bổ sung giấy tờ ngoài quy định.",
      channel: "Tổ kiểm tra công vụ",
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ unitName: "Phường 1", planId, substantiated: null, statusLabel: "Đang xác minh", version: 1 });
    const unrelated = await office.post("/api/complaints", {
      unitId: unit["VL-TPVL-P1"],
      receivedOn: "2024-09-20",
      content: "Phản ánh không gắn với phong trào",
    });
    expect(unrelated.status).toBe(201);
    expect(unrelated.body.planId).toBeNull();

    expect((await focal1.get("/api/complaints")).body.total).toBe(2);
    expect((await focal2.get("/api/complaints")).body.total).toBe(0);
    expect((await office.get(`/api/complaints?planId=${planId}`)).body.items.map((c: { id: number }) => c.id)).toEqual([recorded.body.id]);

    const verified = await office.patch(`/api/complaints/${recorded.body.id}/verify`, { version: 1, substantiated: true });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ substantiated: true, statusLabel: "Có căn cứ (đúng)", version: 2 });
    await office.patch(`/api/complaints/${unrelated.body.id}/verify`, { version: 1, substantiated: true });
    expect((await known(p1)).substantiatedComplaints).toBe(1);
    expect((await known(p2)).substantiatedComplaints).toBe(0);
    expect((await office.get(`/api/complaints?unitId=${unit["VL-TPVL-P1"]}&status=substantiated`)).body.total).toBe(2);
    expect((await office.get("/api/complaints?status=pending")).body.total).toBe(0);

    const stale = await office.patch(`/api/complaints/${recorded.body.id}/verify`, { version: 1, substantiated: false });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
    expect(await auditActions("complaint", recorded.body.id)).toEqual(["complaint.create", "complaint.verify"]);
  });

  it("refuses bad input with Vietnamese messages", async () => {
    const base = { unitId: unit["VL-TPVL-P2"], planId, receivedOn: "2024-09-12", content: "Chậm trả kết quả hồ sơ đất đai" };
    const noContent = await office.post("/api/complaints", { ...base, content: " " });
    expect(noContent.status).toBe(400);
    expect(noContent.body.message).toContain("Vui lòng nhập nội dung phản ánh, kiến nghị.");
    const badDate = await office.post("/api/complaints", { ...base, receivedOn: "12/09/2024" });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toContain("Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD).");
    const noDate = await office.post("/api/complaints", { ...base, receivedOn: undefined });
    expect(noDate.body.message).toContain("Vui lòng nhập ngày tiếp nhận.");
    t.clock.set("2024-09-01T03:00:00Z");
    try {
      const future = await office.post("/api/complaints", base);
      expect(future.status).toBe(400);
      expect(future.body.message).toBe("Ngày tiếp nhận phản ánh không được sau ngày hôm nay.");
    } finally {
      t.clock.reset();
    }
    const itself = await office.post("/api/complaints", { ...base, unitId: unit["VL-TPVL"] });
    expect(itself.status).toBe(400);
    expect(itself.body.message).toBe(
      '"Thành phố Vĩnh Long" không thuộc phạm vi phong trào "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024".',
    );
    const outside = await admin.post("/api/complaints", { ...base, unitId: unit["VL-SNV"] });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe("UNIT_NOT_IN_PLAN");
    const noPlan = await office.post("/api/complaints", { ...base, planId: 99999 });
    expect(noPlan.status).toBe(404);
    expect(noPlan.body.message).toBe("Không tìm thấy kế hoạch có mã số 99999.");
    const ok = (await office.post("/api/complaints", base)).body;
    const badVerdict = await office.patch(`/api/complaints/${ok.id}/verify`, { version: 1, substantiated: "có" });
    expect(badVerdict.status).toBe(400);
    expect(badVerdict.body.message).toContain("Kết quả xác minh phải là true (có căn cứ) hoặc false (không có căn cứ).");
    const gone = await office.patch("/api/complaints/999999/verify", { version: 1, substantiated: true });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe("Không tìm thấy phản ánh, kiến nghị có mã số 999999.");
  });

  it("is refused to focal people, who only see their own unit's complaints", async () => {
    const byFocal = await focal1.post("/api/complaints", { unitId: unit["VL-TPVL-P1"], planId, receivedOn: "2024-09-12", content: "Tự ghi" });
    expect(byFocal.status).toBe(403);
    expect(byFocal.body.message).toBe(
      'Chỉ cơ quan thường trực của phong trào "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024" được ghi nhận phản ánh, kiến nghị.',
    );
    const noPlan = await focal1.post("/api/complaints", { unitId: unit["VL-TPVL-P1"], receivedOn: "2024-09-12", content: "Tự ghi" });
    expect(noPlan.status).toBe(403);
    const mine = (await focal1.get("/api/complaints")).body.items[0];
    const verify = await focal1.patch(`/api/complaints/${mine.id}/verify`, { version: mine.version, substantiated: false });
    expect(verify.status).toBe(403);
    expect((await focal1.get(`/api/complaints?unitId=${unit["VL-TPVL-P2"]}`)).status).toBe(404);
    expect((await focal2.get("/api/complaints")).body.items.every((c: { unitName: string }) => c.unitName === "Phường 2")).toBe(true);
    expect((await known(p1)).substantiatedComplaints).toBe(1);
  });
});
