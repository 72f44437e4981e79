// Seed 003 (Vĩnh Long 2024) from a finalised ranking to nominations: dossiers, deadline, return and resubmission,
// eligibility with reasons, quotas and the suggested list, the office's appraisal, and forwarding to the province.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiatives } from "../src/db/schema.js";
import { upload } from "./support/commendation.js";
import { SEED_003_FACTS, SEED_003_SCORED_LEAVES, VINH_LONG_PROVINCE_PLAN } from "./support/seed-003.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let focal1: Client;
let focal2: Client;
let admin: Client;
let planId: number;
/** Participant ids by short name. */
const pid: Record<string, number> = {};
/** Nomination ids by short name. */
const nid: Record<string, number> = {};
const fileOf: Record<string, string> = {};

const WARDS = {
  p1: "Phường 1",
  p2: "Phường 2",
  p3: "Phường 3",
  p4: "Phường 4",
  p5: "Phường 5",
  p8: "Phường 8",
  p9: "Phường 9",
  tn: "Phường Tân Ngãi",
  thoa: "Phường Tân Hòa",
  thoi: "Phường Tân Hội",
} as const;
type Ward = keyof typeof WARDS;
/** Unfinished CCHC tasks per ward: each costs a point, so the ranks follow this order. Phường 3 does not register. */
const UNFINISHED: Partial<Record<Ward, number>> = { p1: 0, p2: 1, p4: 2, p5: 3, p8: 4, p9: 5, tn: 6, thoa: 7, thoi: 8 };
const COMPONENTS = ["van-ban-de-nghi", "bien-ban", "bang-tu-cham", "bao-cao-thanh-tich"];
const GK = "giay-khen-tp";
const BK = "bang-khen-tinh";

const unitOf = (w: Ward) =>
  t.unitId(w === "tn" ? "VL-TPVL-P-TANNGAI" : w === "thoa" ? "VL-TPVL-P-TANHOA" : w === "thoi" ? "VL-TPVL-P-TANHOI" : `VL-TPVL-${w.toUpperCase()}`);

async function attach(c: Client, nominationId: number, components: string[], fileId: string) {
  let last: { status: number; body: any } = { status: 0, body: null };
  for (const comp of components) {
    last = await c.request("PUT", `/api/nominations/${nominationId}/dossier/${comp}`, { fileId });
    expect(last.status).toBe(200);
  }
  return last.body;
}

async function submit(c: Client, nominationId: number) {
  const n = (await c.get(`/api/nominations/${nominationId}`)).body;
  return c.post(`/api/nominations/${nominationId}/submit`, { version: n.version });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-03-01T02:00:00Z");
  office = await t.as("noivu.vinhlong");
  focal1 = await t.as("daumoi.phuong1");
  focal2 = await t.as("daumoi.phuong2");
  admin = await t.as("admin");
  // Seed 003 leaves the dossier deadline to a later notice; the office sets it before launching.
  const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  const data = {
    ...draft.data,
    milestones: [
      ...draft.data.milestones,
      { id: "ho-so-khen-thuong", kind: "dossier", label: "Gửi hồ sơ đề nghị khen thưởng về Phòng Nội vụ", due: "2025-01-10" },
    ],
  };
  const saved = await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data });
  expect(saved.status).toBe(200);
  expect((await office.post(`/api/plans/${draft.id}/launch`, { version: saved.body.version })).status).toBe(200);
  planId = draft.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  const collectives = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  for (const [key, name] of Object.entries(WARDS)) pid[key] = collectives.find((p: { name: string }) => p.name === name).id;

  // Registration (Phường 3 does not register).
  t.clock.set("2024-04-20T03:00:00Z");
  for (const w of Object.keys(UNFINISHED) as Ward[]) {
    const p = (await office.get(`/api/participants/${pid[w]}`)).body;
    const reg = await office.request("PUT", `/api/participants/${pid[w]}/registration`, {
      version: p.version,
      registeredPoints: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, 5])),
    });
    expect(reg.status).toBe(200);
  }
  // Recognised initiatives: one each (a standard of III.1), three for Phường 1 (priority).
  for (const w of Object.keys(UNFINISHED) as Ward[]) {
    for (let i = 0; i < (w === "p1" ? 3 : 1); i++) {
      await t.database.db.insert(initiatives).values({
        planId,
        participantId: pid[w],
        title: `Sáng kiến ${i + 1} của ${WARDS[w]}`,
        status: "recognised",
        level: "Thành phố",
        recognisedOn: "2024-10-01",
        decisionNo: "123/QĐ-UBND",
      });
    }
  }
  // Self-assessment in December.
  t.clock.set("2024-12-15T03:00:00Z");
  for (const [w, unfinished] of Object.entries(UNFINISHED) as [Ward, number][]) {
    const a = (await office.get(`/api/participants/${pid[w]}/assessment`)).body;
    const saved = await office.request("PUT", `/api/participants/${pid[w]}/assessment`, {
      version: a.version,
      facts: { ...SEED_003_FACTS, nhiem_vu_khong_hoan_thanh: unfinished },
      notes: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, "Có văn bản lưu tại đơn vị"])),
    });
    expect(saved.status).toBe(200);
    expect((await office.post(`/api/participants/${pid[w]}/assessment/submit`, { version: saved.body.version })).status).toBe(200);
  }
});
afterAll(() => t.close());

describe("proposing", () => {
  it("before results are published the office sees provisional ranks, the unit none", async () => {
    t.clock.set("2024-12-20T03:00:00Z");
    const created = await focal2.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid.p2 });
    expect(created.status).toBe(201);
    nid.p2 = created.body.id;
    expect(created.body).toMatchObject({
      status: "draft",
      proposedByUnitName: "Phường 2",
      target: "collective",
      awardFormName: "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố",
    });
    expect(created.body.ranking).toEqual({ total: null, rank: null, classification: null, source: "unpublished" });
    expect(created.body.eligibility.eligible).toBeNull();
    const seen = (await office.get(`/api/nominations/${nid.p2}`)).body;
    expect(seen.ranking).toMatchObject({ rank: 2, source: "provisional" });
    expect(seen.dossier).toMatchObject({ due: "2025-01-10", complete: false, onTime: null, late: false });
    expect(seen.dossier.components.map((c: { id: string }) => c.id)).toEqual(COMPONENTS);
    expect(seen.dossier.missing).toHaveLength(4);
  });

  it("publishes the ranking", async () => {
    t.clock.set("2025-01-02T03:00:00Z");
    expect((await office.post(`/api/plans/${planId}/finalise`)).status).toBe(200);
  });

  it("a unit proposes only within its scope, once per award form; the form must exist and fit the nominee", async () => {
    t.clock.set("2025-01-03T03:00:00Z");
    const mine = await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid.p1 });
    expect(mine.status).toBe(201);
    nid.p1 = mine.body.id;
    expect(mine.body.ranking).toMatchObject({ rank: 1, source: "results" });
    const other = await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid.p3 });
    // Another ward's participant does not exist for this ward, and is not named.
    expect(other.status).toBe(404);
    expect(other.body.message).toBe(`Không tìm thấy đối tượng thi đua có mã số ${pid.p3}.`);
    expect((await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid.p2 })).status).toBe(404);
    const twice = await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid.p1 });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: "DUPLICATE_NOMINATION" });
    expect(twice.body.message).toContain(`"Phường 1" đã được đề nghị "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" (hồ sơ số ${nid.p1})`);
    const noForm = await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: "chien-si-thi-dua", participantId: pid.p1 });
    expect(noForm.status).toBe(400);
    expect(noForm.body.message).toBe('Kế hoạch không có hình thức khen thưởng "chien-si-thi-dua".');
    expect((await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK })).status).toBe(400);
    expect((await (await t.as()).get(`/api/plans/${planId}/nominations`)).status).toBe(401);

    // The office proposes the others (and Phường 3, which did not register).
    for (const w of ["p3", "p4", "p5", "p8", "p9", "tn", "thoa", "thoi"] as Ward[]) {
      const r = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid[w] });
      expect(r.status).toBe(201);
      expect(r.body.proposedByUnitName).toBe("Thành phố Vĩnh Long");
      nid[w] = r.body.id;
    }
    const bk = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: BK, participantId: pid.p1 });
    expect(bk.status).toBe(201);
    nid.p1bk = bk.body.id;

    // An individual of Phường 1, proposed by the ward.
    const staff = (await office.get(`/api/plans/${planId}/participants?group=ca-nhan`)).body.items.filter(
      (p: { unitName: string }) => p.unitName === "Phường 1",
    );
    const people = (await office.get(`/api/people?unitId=${await t.unitId("VL-TPVL-P1")}`)).body.items;
    const woman = staff.find((s: { personId: number }) => people.find((p: { id: number; sex: string }) => p.id === s.personId)?.sex === "nu") ?? staff[0];
    const person = await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: woman.id });
    expect(person.status).toBe(201);
    expect(person.body.target).toBe("individual");
    expect(person.body.isWoman).toBe(people.find((p: { id: number }) => p.id === woman.personId).sex === "nu");
    nid.person = person.body.id;
  });
});

describe("dossiers", () => {
  it("takes files of the nominee's unit, generates the self-scoring sheet, and refuses an incomplete dossier naming what is missing", async () => {
    t.clock.set("2025-01-06T03:00:00Z");
    const ward1 = await t.unitId("VL-TPVL-P1");
    fileOf.p1 = await upload(focal1, ward1, "to-trinh-phuong-1.pdf");
    const first = await focal1.request("PUT", `/api/nominations/${nid.p1}/dossier/van-ban-de-nghi`, { fileId: fileOf.p1 });
    expect(first.status).toBe(200);
    expect(first.body.dossier.components[0]).toMatchObject({ id: "van-ban-de-nghi", generated: false, file: { name: "to-trinh-phuong-1.pdf", kind: "PDF" } });
    expect(first.body.dossier.complete).toBe(false);

    const foreign = await upload(office, await t.unitId("VL-TPVL-P2"), "cua-phuong-2.pdf");
    const wrongFile = await focal1.request("PUT", `/api/nominations/${nid.p1}/dossier/bien-ban`, { fileId: foreign });
    expect(wrongFile.status).toBe(403);
    expect(wrongFile.body.message).toContain("Tệp đã chọn thuộc đơn vị khác");
    expect(wrongFile.body.message).not.toContain("cua-phuong-2.pdf");
    expect((await focal2.request("PUT", `/api/nominations/${nid.p1}/dossier/bien-ban`, { fileId: foreign })).status).toBe(404);
    expect((await focal2.get(`/api/nominations/${nid.p1}`)).status).toBe(404);
    const noComponent = await focal1.request("PUT", `/api/nominations/${nid.p1}/dossier/giay-chung-nhan`, { fileId: fileOf.p1 });
    expect(noComponent.status).toBe(400);
    expect(noComponent.body.message).toBe('Kế hoạch không có thành phần hồ sơ "giay-chung-nhan".');

    const generated = await focal1.post(`/api/nominations/${nid.p1}/dossier/bang-tu-cham/generate`);
    expect(generated.status).toBe(200);
    const sheet = generated.body.dossier.components.find((c: { id: string }) => c.id === "bang-tu-cham");
    expect(sheet).toMatchObject({ generated: true, file: { kind: "Word (.docx)" } });
    const docx = await office.get(`/api/files/${sheet.file.id}`);
    expect(docx.status).toBe(200);
    expect(docx.raw.subarray(0, 2).toString()).toBe("PK");
    const notGenerated = await focal1.post(`/api/nominations/${nid.p1}/dossier/bien-ban/generate`);
    expect(notGenerated.status).toBe(400);

    await attach(focal1, nid.p1, ["bien-ban"], fileOf.p1);
    const refused = await submit(focal1, nid.p1);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: "DOSSIER_INCOMPLETE" });
    expect(refused.body.message).toBe("Hồ sơ của Phường 1 chưa đủ, còn thiếu: Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng.");
    expect(refused.body.details).toEqual([
      { path: "dossier.bao-cao-thanh-tich", message: 'Thiếu "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng".' },
    ]);
    const complete = await attach(focal1, nid.p1, ["bao-cao-thanh-tich"], fileOf.p1);
    expect(complete.dossier).toMatchObject({ complete: true, missing: [] });
    const ok = await submit(focal1, nid.p1);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "submitted", dossier: { late: false, onTime: true } });
    const locked = await focal1.request("PUT", `/api/nominations/${nid.p1}/dossier/bien-ban`, { fileId: fileOf.p1 });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe("DOSSIER_LOCKED");
  });

  it("the other wards lodge their dossiers; Tân Hội's lacks the achievement report and stays unlodged", async () => {
    t.clock.set("2025-01-08T03:00:00Z");
    for (const w of ["p2", "p3", "p4", "p5", "p8", "p9", "tn", "thoa", "thoi"] as Ward[]) {
      fileOf[w] = await upload(office, await unitOf(w), `ho-so-${w}.pdf`);
      await attach(office, nid[w], w === "thoi" ? COMPONENTS.slice(0, 3) : COMPONENTS, fileOf[w]);
      if (w === "thoa") continue; // lodged late, below
      const r = await submit(office, nid[w]);
      if (w === "thoi") {
        expect(r.status).toBe(400);
        expect(r.body.message).toContain("còn thiếu: Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng");
      } else expect(r.status).toBe(200);
    }
    await attach(office, nid.p1bk, COMPONENTS, fileOf.p1);
    expect((await submit(office, nid.p1bk)).status).toBe(200);
    await attach(focal1, nid.person, COMPONENTS, fileOf.p1);
    expect((await submit(focal1, nid.person)).status).toBe(200);
  });

  it("the office returns a dossier with its reason before the deadline; the ward fixes it and lodges it again", async () => {
    t.clock.set("2025-01-09T03:00:00Z");
    const n = (await office.get(`/api/nominations/${nid.p1}`)).body;
    expect((await focal1.post(`/api/nominations/${nid.p1}/return`, { version: n.version, reason: "x" })).status).toBe(403);
    expect((await office.post(`/api/nominations/${nid.p1}/return`, { version: n.version, reason: "  " })).status).toBe(400);
    const returned = await office.post(`/api/nominations/${nid.p1}/return`, {
      version: n.version,
      reason: "Biên bản họp Hội đồng chưa có chữ ký của Chủ tịch Hội đồng",
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: "returned",
      statusLabel: "Bị trả lại để bổ sung",
      returnedReason: "Biên bản họp Hội đồng chưa có chữ ký của Chủ tịch Hội đồng",
    });
    expect((await office.post(`/api/nominations/${nid.p1}/return`, { version: n.version, reason: "x" })).status).toBe(409);

    t.clock.set("2025-01-10T16:00:00Z"); // 23:00 on 10/01 in Vietnam: still on time
    const signed = await upload(focal1, await t.unitId("VL-TPVL-P1"), "bien-ban-da-ky.pdf");
    const fixed = await attach(focal1, nid.p1, ["bien-ban"], signed);
    expect(fixed.dossier.components[1].file.name).toBe("bien-ban-da-ky.pdf");
    const again = await submit(focal1, nid.p1);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "submitted", dossier: { late: false, onTime: true } });
    expect(again.body.submittedAt).toBe("2025-01-10T16:00:00.000Z");
    const audit = (await admin.get(`/api/audit?entity=nomination&entityId=${nid.p1}`)).body.items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining([
        "nomination.create",
        "nomination.dossier_set",
        "nomination.dossier_generate",
        "nomination.submit",
        "nomination.return",
        "nomination.resubmit",
      ]),
    );
    // The ward learnt of the return with its reason; the office of each lodging.
    const wardInbox = (await focal1.get("/api/notifications")).body.items;
    expect(wardInbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "nomination",
          title: "Hồ sơ đề nghị khen thưởng bị trả lại: Phường 1",
          link: `/phong-trao/${planId}?tab=de-nghi`,
        }),
      ]),
    );
    expect(wardInbox.find((n: { title: string }) => n.title.endsWith("bị trả lại: Phường 1")).body).toContain("Hạn nộp: hết ngày 10/01/2025.");
    expect((await focal2.get("/api/notifications")).body.items.some((n: { title: string }) => n.title.includes("Phường 1"))).toBe(false);
    const officeInbox = (await office.get("/api/notifications")).body.items.filter(
      (n: { title: string }) => n.title === "Hồ sơ đề nghị khen thưởng mới: Phường 1",
    );
    expect(officeInbox.map((n: { body: string }) => n.body.split(" hồ sơ")[0])).toEqual(expect.arrayContaining(["Phường 1 nộp", "Phường 1 nộp lại"]));
  });

  it("a dossier lodged after the deadline is received, marked late and not considered; it can no longer be returned", async () => {
    t.clock.set("2025-01-10T17:30:00Z"); // 00:30 on 11/01 in Vietnam
    const late = await submit(office, nid.thoa);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: "submitted", dossier: { late: true, onTime: false } });
    expect(late.body.dossier.note).toBe("Nộp ngày 11/01/2025, sau hạn 10/01/2025: hồ sơ trễ hạn.");
    expect(late.body.eligibility.eligible).toBe(false);
    expect(late.body.eligibility.summary).toContain("Hồ sơ gửi trễ thời gian quy định không được xem xét: hồ sơ nộp trễ hạn");
    const tooLate = await office.post(`/api/nominations/${nid.thoa}/return`, { version: late.body.version, reason: "Bổ sung" });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.message).toContain("Đã hết hạn nộp hồ sơ (hết ngày 10/01/2025)");
    const audit = (await admin.get(`/api/audit?entity=nomination&entityId=${nid.thoa}&action=nomination.submit`)).body.items;
    expect(audit[0].summary).toBe(
      'Nộp hồ sơ đề nghị "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" của Phường Tân Hòa — trễ hạn (hạn hết ngày 10/01/2025)',
    );
  });
});

describe("eligibility, quotas and the office's appraisal", () => {
  it("lists each nomination with its checklist and verdict; a unit sees only its own", async () => {
    t.clock.set("2025-01-12T03:00:00Z");
    const all = (await office.get(`/api/plans/${planId}/nominations?awardFormId=${GK}`)).body.items;
    expect(all).toHaveLength(11);
    const by = (id: number) => all.find((n: { id: number }) => n.id === id);
    expect(by(nid.p1).eligibility).toMatchObject({ eligible: true, priority: true, summary: "Đủ điều kiện (thuộc diện ưu tiên)" });
    expect(by(nid.p2).eligibility).toMatchObject({ eligible: true, priority: false });
    const p3 = by(nid.p3).eligibility;
    expect(p3.eligible).toBe(false);
    expect(p3.summary).toContain("Chỉ xét khen thưởng đối với cơ quan, địa phương có đăng ký thi đua: không đăng ký thi đua");
    const thoi = by(nid.thoi);
    expect(thoi).toMatchObject({
      status: "draft",
      dossier: { complete: false, missing: ["Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng"], onTime: false },
    });
    expect(thoi.eligibility.summary).toContain("Hồ sơ không đầy đủ không được xem xét: hồ sơ chưa đầy đủ");
    expect(thoi.dossier.note).toBe("Chưa nộp khi đã hết hạn 10/01/2025.");

    const mine = (await focal1.get(`/api/plans/${planId}/nominations`)).body.items;
    expect(mine.map((n: { id: number }) => n.id).sort()).toEqual([nid.p1, nid.p1bk, nid.person].sort());
    expect(mine.find((n: { id: number }) => n.id === nid.p1).ranking).toMatchObject({ rank: 1, source: "results" });
    expect((await focal2.get(`/api/plans/${planId}/nominations?awardFormId=${GK}`)).body.items.map((n: { id: number }) => n.id)).toEqual([nid.p2]);
  });

  it("suggests 5 collectives by rank and priority, lists who is excluded and why, and warns when nominations exceed the quota", async () => {
    expect((await focal1.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).status).toBe(403);
    expect((await office.get(`/api/plans/${planId}/award-forms/khong-co/suggestions`)).status).toBe(404);
    const s = (await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).body;
    expect(s.rankingSource).toBe("results");
    const coll = s.quotas.find((q: { target: string }) => q.target === "collective");
    expect(coll).toMatchObject({ limit: 5, nominated: 10, lodged: 9 });
    expect(coll.selected.map((x: { nominationId: number }) => x.nominationId)).toEqual([nid.p1, nid.p2, nid.p4, nid.p5, nid.p8]);
    expect(coll.selected[0].why).toBe("Thứ 1 trong danh sách đủ điều kiện (hạng 1), diện ưu tiên");
    expect(coll.waiting.map((x: { nominationId: number }) => x.nominationId)).toEqual([nid.p9, nid.tn]);
    expect(coll.waiting[0].why).toBe("Ngoài chỉ tiêu 5 (hạng 6)");
    const excluded = Object.fromEntries(coll.excluded.map((x: { nominationId: number; reasons: string[] }) => [x.nominationId, x.reasons]));
    expect(Object.keys(excluded).map(Number).sort()).toEqual([nid.p3, nid.thoa, nid.thoi].sort());
    expect(excluded[nid.p3]).toContain("Chỉ xét khen thưởng đối với cơ quan, địa phương có đăng ký thi đua: không đăng ký thi đua");
    expect(excluded[nid.thoa]).toEqual(["Hồ sơ gửi trễ thời gian quy định không được xem xét: hồ sơ nộp trễ hạn"]);
    expect(coll.warnings[0]).toBe(
      'Có 9 hồ sơ tập thể đề nghị "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" trong khi chỉ tiêu là 5: cần chọn theo danh sách gợi ý.',
    );
    const ind = s.quotas.find((q: { target: string }) => q.target === "individual");
    expect(ind).toMatchObject({ limit: 10, nominated: 1, warnings: [] });
    // Seed 003 requires the individual standards of III.2; nobody has assessed hers yet, so she is not suggested.
    expect(ind.selected).toEqual([]);
    expect(ind.undecided).toEqual([
      expect.objectContaining({ nominationId: nid.person, why: expect.stringContaining("Cá nhân đạt đầy đủ các tiêu chuẩn tại mục III.2") }),
    ]);
  });

  it("records the office's opinion; an ineligible nominee cannot be accepted; only the office may appraise", async () => {
    const n = (await office.get(`/api/nominations/${nid.p1}`)).body;
    expect((await focal1.request("PUT", `/api/nominations/${nid.p1}/opinion`, { version: n.version, opinion: "Tốt", status: "accepted" })).status).toBe(403);
    const ok = await office.request("PUT", `/api/nominations/${nid.p1}/opinion`, {
      version: n.version,
      opinion: "Hồ sơ đầy đủ, đúng hạn; đạt các tiêu chuẩn tại mục III.1; có 3 sáng kiến được công nhận.",
      status: "accepted",
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: "accepted",
      officeOpinion: "Hồ sơ đầy đủ, đúng hạn; đạt các tiêu chuẩn tại mục III.1; có 3 sáng kiến được công nhận.",
    });
    const stale = await office.request("PUT", `/api/nominations/${nid.p1}/opinion`, { version: n.version, opinion: "x" });
    expect(stale.body.code).toBe("VERSION_CONFLICT");

    const late = (await office.get(`/api/nominations/${nid.thoa}`)).body;
    const refused = await office.request("PUT", `/api/nominations/${nid.thoa}/opinion`, { version: late.version, opinion: "Đủ", status: "accepted" });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("hồ sơ nộp trễ hạn");
    const rejected = await office.request("PUT", `/api/nominations/${nid.thoa}/opinion`, {
      version: late.version,
      opinion: "Hồ sơ gửi trễ hạn (00 giờ 30 ngày 11/01/2025); không xem xét theo Kế hoạch 20/KH-UBND.",
      status: "rejected",
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.statusLabel).toBe("Đã thẩm định: không đề nghị khen thưởng");
    const draft = (await office.get(`/api/nominations/${nid.thoi}`)).body;
    expect((await office.request("PUT", `/api/nominations/${nid.thoi}/opinion`, { version: draft.version, opinion: "x" })).status).toBe(409);
    const bad = await office.request("PUT", `/api/nominations/${nid.p2}/opinion`, { version: 1, opinion: "x", status: "maybe" });
    expect(bad.status).toBe(400);

    const after = (await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).body.quotas[0];
    expect(after.accepted).toBe(1);
    expect(after.excluded.map((x: { nominationId: number }) => x.nominationId)).not.toContain(nid.thoa);
  });
});

describe("cascade to the province", () => {
  let upperId: number;

  it("forwards an accepted Bằng khen nomination to the province's plan, carrying its dossier", async () => {
    const vl = await t.unitId("VL");
    const upper = await admin.post("/api/plans", { issuerUnitId: vl, data: VINH_LONG_PROVINCE_PLAN });
    expect(upper.status).toBe(201);
    expect(upper.body.issues).toEqual([]);
    expect((await admin.post(`/api/plans/${upper.body.id}/launch`, { version: upper.body.version })).status).toBe(200);
    upperId = upper.body.id;

    // Accept the Bằng khen nomination first.
    const bk = (await office.get(`/api/nominations/${nid.p1bk}`)).body;
    expect((await office.post(`/api/nominations/${nid.p1bk}/forward`, { upperPlanId: upperId })).body.code).toBe("NOT_ACCEPTED");
    const accepted = await office.request("PUT", `/api/nominations/${nid.p1bk}/opinion`, {
      version: bk.version,
      opinion: "Xuất sắc nhất năm 2024",
      status: "accepted",
    });
    expect(accepted.status).toBe(200);

    expect((await focal1.post(`/api/nominations/${nid.p1bk}/forward`, { upperPlanId: upperId })).status).toBe(403);
    const ownForm = await office.post(`/api/nominations/${nid.p1}/forward`, { upperPlanId: upperId });
    expect(ownForm.status).toBe(400);
    expect(ownForm.body.message).toBe(
      '"Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" do Thành phố Vĩnh Long quyết định, không phải hình thức đề nghị cấp trên khen thưởng.',
    );
    const notUpper = await office.post(`/api/nominations/${nid.p1bk}/forward`, { upperPlanId: planId });
    expect(notUpper.status).toBe(400);
    expect(notUpper.body.code).toBe("NOT_UPPER_LEVEL");

    const fwd = await office.post(`/api/nominations/${nid.p1bk}/forward`, { upperPlanId: upperId });
    expect(fwd.status).toBe(201);
    expect(fwd.body).toMatchObject({
      planId: upperId,
      awardFormId: "bang-khen-chu-tich-tinh",
      forwardedFromId: nid.p1bk,
      name: "Phường 1",
      groupId: "tap-the-cap-huyen",
      proposedByUnitName: "Thành phố Vĩnh Long",
      status: "draft",
      dossier: { complete: true, missing: [], due: "2025-02-28" },
      notCarried: ["Bảng tự chấm điểm của cơ quan, địa phương"],
    });
    expect(fwd.body.dossier.components.map((c: { file: { id: string } }) => c.file.id)).toEqual([fileOf.p1, fileOf.p1, fileOf.p1]);
    nid.upper = fwd.body.id;

    expect((await office.post(`/api/nominations/${nid.p1bk}/forward`, { upperPlanId: upperId })).body.code).toBe("ALREADY_FORWARDED");
    const lower = (await office.get(`/api/nominations/${nid.p1bk}`)).body;
    expect(lower.forwardedTo).toEqual({ id: nid.upper, planId: upperId, status: "draft" });
    const change = await office.request("PUT", `/api/nominations/${nid.p1bk}/opinion`, { version: lower.version, opinion: "Đổi ý", status: "rejected" });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe("FORWARDED");
  });

  it("the city lodges it with the province; the province's office sees and appraises it, a ward cannot touch it", async () => {
    const lodged = await submit(office, nid.upper);
    expect(lodged.status).toBe(200);
    expect(lodged.body).toMatchObject({ status: "submitted", dossier: { onTime: true } });
    expect(lodged.body.eligibility).toMatchObject({ eligible: true });
    expect((await focal1.get(`/api/nominations/${nid.upper}`)).status).toBe(404);
    const province = (await admin.get(`/api/plans/${upperId}/nominations`)).body.items;
    expect(province.map((n: { id: number }) => n.id)).toEqual([nid.upper]);
    expect(
      (await office.request("PUT", `/api/nominations/${nid.upper}/opinion`, { version: lodged.body.version, opinion: "x", status: "accepted" })).status,
    ).toBe(403);
    const s = (await admin.get(`/api/plans/${upperId}/award-forms/bang-khen-chu-tich-tinh/suggestions`)).body;
    expect(s.quotas[0]).toMatchObject({ limit: 3, participants: 1 });
    expect(s.quotas[0].selected.map((x: { nominationId: number }) => x.nominationId)).toEqual([nid.upper]);
    const audit = (await admin.get(`/api/audit?entity=nomination&entityId=${nid.upper}&action=nomination.forward`)).body.items;
    expect(audit[0].summary).toContain('Chuyển hồ sơ đề nghị "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" của Phường 1');
  });

  it("a unit withdraws a draft it no longer wants to propose", async () => {
    const person = (await focal1.post(`/api/plans/${planId}/nominations`, { awardFormId: BK, participantId: pid.p1 })).body;
    expect(person.code).toBe("DUPLICATE_NOMINATION");
    const extra = await focal2.post(`/api/plans/${planId}/nominations`, { awardFormId: BK, participantId: pid.p2 });
    expect(extra.status).toBe(201);
    // Another ward's nomination does not exist for this ward (the scope rule: 404, naming nothing).
    expect((await focal1.delete(`/api/nominations/${extra.body.id}?version=${extra.body.version}`)).status).toBe(404);
    expect((await focal2.delete(`/api/nominations/${extra.body.id}?version=${extra.body.version}`)).status).toBe(204);
    expect((await office.get(`/api/nominations/${extra.body.id}`)).status).toBe(404);
  });
});
