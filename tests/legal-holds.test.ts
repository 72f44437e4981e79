// Decree 98/2023 art. 4 cases (discipline, investigation, complaint) recorded by the standing office, and what they do
// to the eligibility of nominations: a case on a person holds that individual, a case on a unit holds its collective.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

const GK = "giay-khen-tp";
const DISCIPLINE_REASON = "Chưa xét khen thưởng vì đang bị xem xét kỷ luật từ ngày 05/11/2024 (Quyết định số 12/QĐ-UBND) (Điều 4 Nghị định 98/2023/NĐ-CP)";
const INVESTIGATION_REASON =
  "Chưa xét khen thưởng vì đang bị điều tra, thanh tra, kiểm tra từ ngày 01/10/2024 (Kế hoạch thanh tra số 45/KH-TTr) (Điều 4 Nghị định 98/2023/NĐ-CP)";

let t: TestApp;
let office: Client;
let focal1: Client;
let mongcai: Client;
let admin: Client;
let planId: number;
const unit: Record<string, number> = {};
/** Nomination ids: the Phường 1 staff member, Phường 2 (collective), Phường 1 (collective), a Phường 2 staff member. */
const nid: Record<"person" | "p2" | "p1" | "p2person", number> = { person: 0, p2: 0, p1: 0, p2person: 0 };
let personId: number;
let personName: string;
let otherPersonId: number;
const hid: Record<"discipline" | "investigation", number> = { discipline: 0, investigation: 0 };

type Reason = { ruleId: string; kind: string; ok: boolean | null; message: string };
const legalOf = (n: { eligibility: { reasons: Reason[] } }) => n.eligibility.reasons.filter((r) => r.kind === "legal").map((r) => r.message);
const nomination = async (c: Client, id: number) => {
  const res = await c.get(`/api/nominations/${id}`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-12-20T03:00:00Z");
  office = await t.as("noivu.vinhlong");
  focal1 = await t.as("daumoi.phuong1");
  mongcai = await t.as("noivu.mongcai");
  admin = await t.as("admin");
  for (const code of ["VL-TPVL", "VL-TPVL-P1", "VL-TPVL-P2", "QN-MC"]) unit[code] = await t.unitId(code);
  const plan = (await office.post("/api/plans", { issuerUnitId: unit["VL-TPVL"], template: "003-vinh-long-2024.yaml" })).body;
  expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
  planId = plan.id;
  expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
  const collectives = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  const staff = (await office.get(`/api/plans/${planId}/participants?group=ca-nhan&pageSize=500`)).body.items;
  const ofWard = (name: string) => staff.filter((p: { unitName: string }) => p.unitName === name);
  const person = ofWard("Phường 1")[0];
  const p2person = ofWard("Phường 2")[0];
  personId = person.personId;
  personName = person.name.replace(/ \(.*\)$/, "");
  otherPersonId = p2person.personId;
  const propose = async (c: Client, participantId: number) => {
    const r = await c.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId });
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  nid.person = await propose(focal1, person.id);
  nid.p1 = await propose(focal1, collectives.find((p: { name: string }) => p.name === "Phường 1").id);
  nid.p2 = await propose(office, collectives.find((p: { name: string }) => p.name === "Phường 2").id);
  nid.p2person = await propose(office, p2person.id);
});
afterAll(() => t.close());

describe("recording cases", () => {
  it("the office records a disciplinary review of a person and an investigation of a ward", async () => {
    const discipline = await office.post("/api/legal-holds", {
      kind: "discipline",
      unitId: unit["VL-TPVL-P1"],
      personId,
      startedOn: "2024-11-05",
      reference: "Quyết định số 12/QĐ-UBND",
      note: "Xem xét kỷ luật do chậm giải quyết hồ sơ",
    });
    expect(discipline.status).toBe(201);
    expect(discipline.body).toMatchObject({
      kind: "discipline",
      kindLabel: "Xem xét kỷ luật",
      unitId: unit["VL-TPVL-P1"],
      unitName: "Phường 1",
      personId,
      personName,
      startedOn: "2024-11-05",
      endedOn: null,
      status: "open",
      statusLabel: "Đang xử lý",
      reference: "Quyết định số 12/QĐ-UBND",
      note: "Xem xét kỷ luật do chậm giải quyết hồ sơ",
      createdByName: "Lê Thị Ngọc Lan",
      version: 1,
    });
    hid.discipline = discipline.body.id;
    const investigation = await office.post("/api/legal-holds", {
      kind: "investigation",
      unitId: unit["VL-TPVL-P2"],
      startedOn: "2024-10-01",
      reference: "Kế hoạch thanh tra số 45/KH-TTr",
    });
    expect(investigation.status).toBe(201);
    expect(investigation.body).toMatchObject({ personId: null, personName: null, unitName: "Phường 2", note: null, status: "open" });
    hid.investigation = investigation.body.id;
  });

  it("lists cases by unit subtree, unit, person, kind and open state", async () => {
    const ids = async (query: string) => {
      const r = await office.get(`/api/legal-holds${query}`);
      expect(r.status).toBe(200);
      return r.body.items.map((h: { id: number }) => h.id);
    };
    expect(await ids("")).toEqual([hid.discipline, hid.investigation]);
    expect(await ids(`?unitId=${unit["VL-TPVL"]}`)).toEqual([hid.discipline, hid.investigation]);
    expect(await ids(`?unitId=${unit["VL-TPVL"]}&includeSubunits=false`)).toEqual([]);
    expect(await ids(`?unitId=${unit["VL-TPVL-P2"]}`)).toEqual([hid.investigation]);
    expect(await ids(`?personId=${personId}`)).toEqual([hid.discipline]);
    expect(await ids("?kind=investigation")).toEqual([hid.investigation]);
    expect(await ids("?open=true")).toEqual([hid.discipline, hid.investigation]);
    expect(await ids("?open=false")).toEqual([]);
    const one = await office.get(`/api/legal-holds/${hid.discipline}`);
    expect(one.status).toBe(200);
    expect(one.body.reference).toBe("Quyết định số 12/QĐ-UBND");
  });
});

describe("eligibility", () => {
  it("a nominee under a case is not eligible, and the reason names the case", async () => {
    const person = await nomination(office, nid.person);
    expect(person.eligibility.eligible).toBe(false);
    expect(legalOf(person)).toEqual([DISCIPLINE_REASON]);
    expect(person.eligibility.summary).toContain(DISCIPLINE_REASON);
    const list = (await office.get(`/api/plans/${planId}/nominations`)).body.items;
    const p2 = list.find((n: { id: number }) => n.id === nid.p2);
    expect(p2.eligibility.eligible).toBe(false);
    expect(legalOf(p2)).toEqual([INVESTIGATION_REASON]);
  });

  it("a case on a person does not hold their unit, nor a case on a unit its staff", async () => {
    const list = (await office.get(`/api/plans/${planId}/nominations`)).body.items;
    expect(legalOf(list.find((n: { id: number }) => n.id === nid.p1))).toEqual([]);
    expect(legalOf(list.find((n: { id: number }) => n.id === nid.p2person))).toEqual([]);
  });

  it("the unit sees that its nominee is held, but not the case's date or reference", async () => {
    const seen = await nomination(focal1, nid.person);
    expect(seen.eligibility.eligible).toBe(false);
    expect(legalOf(seen)).toEqual(["Chưa xét khen thưởng vì đang bị xem xét kỷ luật (Điều 4 Nghị định 98/2023/NĐ-CP)"]);
    expect(JSON.stringify(seen)).not.toContain("12/QĐ-UBND");
  });
});

describe("who may see and change cases", () => {
  it("a unit's focal person may not record, list, read, change or delete cases", async () => {
    const create = await focal1.post("/api/legal-holds", { kind: "discipline", unitId: unit["VL-TPVL-P1"], personId, startedOn: "2024-11-05" });
    expect(create.status).toBe(403);
    expect(create.body.message).toBe(
      'Chỉ cơ quan thường trực (Nội vụ) quản lý "Phường 1" được ghi nhận vụ việc kỷ luật, thanh tra, khiếu nại theo Điều 4 Nghị định 98/2023/NĐ-CP.',
    );
    const list = await focal1.get("/api/legal-holds");
    expect(list.status).toBe(403);
    expect(list.body.message).toBe("Chỉ cơ quan thường trực (Nội vụ) được xem vụ việc kỷ luật, thanh tra, khiếu nại theo Điều 4 Nghị định 98/2023/NĐ-CP.");
    expect((await focal1.get(`/api/legal-holds?unitId=${unit["VL-TPVL-P1"]}`)).status).toBe(403);
    // A case is not even acknowledged to its own unit: a 403 would tell the ward it is under review.
    expect((await focal1.get(`/api/legal-holds/${hid.discipline}`)).status).toBe(404);
    expect((await focal1.patch(`/api/legal-holds/${hid.discipline}`, { version: 1, endedOn: "2024-12-01" })).status).toBe(404);
    expect((await focal1.delete(`/api/legal-holds/${hid.discipline}?version=1`)).status).toBe(404);
    expect((await (await t.as()).get("/api/legal-holds")).status).toBe(401);
  });

  it("another city's office neither sees nor changes Vĩnh Long's cases", async () => {
    const list = await mongcai.get("/api/legal-holds");
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [], total: 0 });
    expect((await mongcai.get(`/api/legal-holds?unitId=${unit["VL-TPVL-P2"]}`)).status).toBe(404);
    const read = await mongcai.get(`/api/legal-holds/${hid.investigation}`);
    expect(read.body).toEqual({ code: "NOT_FOUND", message: `Không tìm thấy vụ việc có mã số ${hid.investigation}.` });
    expect(JSON.stringify(read.body)).not.toContain("45/KH-TTr");
    expect((await mongcai.patch(`/api/legal-holds/${hid.investigation}`, { version: 1, endedOn: "2024-12-01" })).status).toBe(404);
    expect((await mongcai.delete(`/api/legal-holds/${hid.investigation}?version=1`)).status).toBe(404);
    const elsewhere = await mongcai.post("/api/legal-holds", { kind: "complaint", unitId: unit["VL-TPVL-P2"], startedOn: "2024-12-01" });
    expect(elsewhere.status).toBe(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain("Phường 2");
    // Its own city is its own business.
    const own = await mongcai.post("/api/legal-holds", { kind: "complaint", unitId: unit["QN-MC"], startedOn: "2024-12-01" });
    expect(own.status).toBe(201);
    expect((await office.get(`/api/legal-holds/${own.body.id}`)).status).toBe(404);
    expect((await office.get("/api/legal-holds")).body.items.map((h: { id: number }) => h.id)).not.toContain(own.body.id);
  });
});

describe("bad input", () => {
  const base = () => ({ kind: "complaint", unitId: unit["VL-TPVL-P1"], startedOn: "2024-12-01" });
  it.each([
    [
      "ended before started",
      { endedOn: "2024-11-30" },
      "ENDED_BEFORE_STARTED",
      "Ngày kết thúc (30/11/2024) không được trước ngày bắt đầu (01/12/2024); hãy sửa lại một trong hai ngày.",
    ],
    ["started in the future", { startedOn: "2024-12-21" }, "FUTURE_DATE", "Ngày bắt đầu (21/12/2024) không được sau ngày hôm nay (20/12/2024)."],
    ["unknown kind", { kind: "audit" }, "VALIDATION", "Dữ liệu chưa hợp lệ – Loại vụ việc: Vui lòng chọn loại vụ việc:"],
    [
      "date as dd/mm/yyyy",
      { startedOn: "05/11/2024" },
      "VALIDATION",
      "Dữ liệu chưa hợp lệ – Ngày bắt đầu: Ngày bắt đầu phải có dạng năm-tháng-ngày (YYYY-MM-DD).",
    ],
    [
      "a day that does not exist",
      { startedOn: "2024-02-30" },
      "VALIDATION",
      "Dữ liệu chưa hợp lệ – Ngày bắt đầu: Ngày 30/02/2024 không có trên lịch (tháng 2 chỉ có 28 ngày, 29 ngày vào năm nhuận).",
    ],
    ["no start date", { startedOn: undefined }, "VALIDATION", "Dữ liệu chưa hợp lệ – Ngày bắt đầu: Vui lòng nhập ngày bắt đầu"],
    ["no unit", { unitId: undefined }, "VALIDATION", "Dữ liệu chưa hợp lệ – Đơn vị: Vui lòng chọn đơn vị có vụ việc."],
    ["person not a number", { personId: "ai đó" }, "VALIDATION", "Dữ liệu chưa hợp lệ – Cán bộ: Cán bộ không hợp lệ"],
    ["reference too long", { reference: "x".repeat(301) }, "VALIDATION", "Dữ liệu chưa hợp lệ – Văn bản: Số, ký hiệu văn bản dài quá 300 ký tự."],
  ] as [string, Record<string, unknown>, string, string][])("%s → 400", async (_label, change, code, message) => {
    const res = await office.post("/api/legal-holds", { ...base(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(message);
  });

  it("a person must be of the unit; unknown ids are named", async () => {
    const notHere = await office.post("/api/legal-holds", { ...base(), personId: otherPersonId });
    expect(notHere.status).toBe(400);
    expect(notHere.body.code).toBe("PERSON_NOT_IN_UNIT");
    expect(notHere.body.message).toMatch(/ không thuộc "Phường 1"; hãy chọn cán bộ của đơn vị này, hoặc để trống nếu vụ việc liên quan đến tập thể đơn vị\.$/);
    const noPerson = await office.post("/api/legal-holds", { ...base(), personId: 999_999 });
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.message).toBe("Không tìm thấy cán bộ có mã số 999999; hãy chọn lại cán bộ.");
    const noUnit = await office.post("/api/legal-holds", { ...base(), unitId: 999_999 });
    expect(noUnit.status).toBe(404);
    expect(noUnit.body.message).toBe("Không tìm thấy đơn vị có mã số 999999.");
    expect((await office.get("/api/legal-holds/abc")).status).toBe(400);
    expect((await office.get("/api/legal-holds/999999")).status).toBe(404);
    expect((await office.get("/api/legal-holds?open=maybe")).status).toBe(400);
    expect((await office.get("/api/legal-holds?pageSize=1000")).status).toBe(400);
  });

  it("an update is checked like a new case, and against the version read", async () => {
    const early = await office.patch(`/api/legal-holds/${hid.discipline}`, { version: 1, endedOn: "2024-11-04" });
    expect(early.status).toBe(400);
    expect(early.body.message).toBe("Ngày kết thúc (04/11/2024) không được trước ngày bắt đầu (05/11/2024); hãy sửa lại một trong hai ngày.");
    const future = await office.patch(`/api/legal-holds/${hid.discipline}`, { version: 1, endedOn: "2025-01-31" });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain("chỉ ghi ngày kết thúc khi vụ việc đã kết thúc");
    const moved = await office.patch(`/api/legal-holds/${hid.discipline}`, { version: 1, unitId: unit["VL-TPVL-P2"] });
    expect(moved.status).toBe(400);
    expect(moved.body.code).toBe("PERSON_NOT_IN_UNIT");
    expect((await office.patch(`/api/legal-holds/${hid.discipline}`, { endedOn: "2024-12-01" })).status).toBe(400);
    const stale = await office.patch(`/api/legal-holds/${hid.discipline}`, { version: 7, note: "x" });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
    expect((await office.get(`/api/legal-holds/${hid.discipline}`)).body).toMatchObject({
      version: 1,
      endedOn: null,
      note: "Xem xét kỷ luật do chậm giải quyết hồ sơ",
    });
  });
});

describe("closing", () => {
  it("after the office closes a case with an end date in the past, the nominee is no longer held", async () => {
    const closed = await office.patch(`/api/legal-holds/${hid.discipline}`, { version: 1, endedOn: "2024-12-10" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      endedOn: "2024-12-10",
      status: "closed",
      statusLabel: "Đã kết thúc",
      version: 2,
      reference: "Quyết định số 12/QĐ-UBND",
    });
    expect(legalOf(await nomination(office, nid.person))).toEqual([]);
    expect(legalOf(await nomination(focal1, nid.person))).toEqual([]);
    expect((await office.get("/api/legal-holds?open=false")).body.items.map((h: { id: number }) => h.id)).toEqual([hid.discipline]);
  });

  it("a case ending today still holds until the end of the day in Vietnam", async () => {
    const closed = await office.patch(`/api/legal-holds/${hid.investigation}`, { version: 1, endedOn: "2024-12-20" });
    expect(closed.body).toMatchObject({ status: "open", statusLabel: "Đang xử lý" });
    expect(legalOf(await nomination(office, nid.p2))).toEqual([INVESTIGATION_REASON]);
    t.clock.set("2024-12-20T17:30:00Z"); // 00:30 on 21/12 in Vietnam
    expect(legalOf(await nomination(office, nid.p2))).toEqual([]);
    expect((await office.get(`/api/legal-holds/${hid.investigation}`)).body.status).toBe("closed");
  });

  it("reopening (no end date) holds again; deleting a case recorded by mistake frees the nominee", async () => {
    const reopened = await office.patch(`/api/legal-holds/${hid.investigation}`, { version: 2, endedOn: null });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ endedOn: null, status: "open", version: 3 });
    expect(legalOf(await nomination(office, nid.p2))).toEqual([INVESTIGATION_REASON]);
    expect((await office.delete(`/api/legal-holds/${hid.investigation}?version=2`)).status).toBe(409);
    expect((await office.delete(`/api/legal-holds/${hid.investigation}?version=3`)).status).toBe(204);
    expect((await office.get(`/api/legal-holds/${hid.investigation}`)).status).toBe(404);
    expect(legalOf(await nomination(office, nid.p2))).toEqual([]);
  });

  it("every change is in the audit log", async () => {
    const actions = async (id: number) =>
      (await admin.get(`/api/audit?entity=legal_hold&entityId=${id}`)).body.items.map((a: { action: string; summary: string }) => a.action).sort();
    expect(await actions(hid.discipline)).toEqual(["legal_hold.close", "legal_hold.create"]);
    expect(await actions(hid.investigation)).toEqual(["legal_hold.close", "legal_hold.create", "legal_hold.delete", "legal_hold.reopen"]);
    const entries = (await admin.get(`/api/audit?entity=legal_hold&entityId=${hid.discipline}`)).body.items;
    expect(entries.map((a: { summary: string }) => a.summary)).toEqual(
      expect.arrayContaining([
        `Ghi nhận vụ việc "Xem xét kỷ luật" đối với ${personName} (Phường 1) từ ngày 05/11/2024 (Quyết định số 12/QĐ-UBND)`,
        `Kết thúc vụ việc "Xem xét kỷ luật" đối với ${personName} (Phường 1) ngày 10/12/2024`,
      ]),
    );
  });
});
