// Seed 004 (Ninh Thuận 2025, province): four collective groups (departments, vertical agencies, districts, communes)
// and individuals; an exclusion rule (more than 10 % of staff breaking working hours) excludes one department with
// that reason; quotas of 9 collectives and 15 individuals; the chairman's Bằng khen decided after 01/07/2025 carries
// the reward of Decree 152/2025 (1.5 × base salary), not Decree 98/2023's 1.0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attach, createAccount, expectDecree30Decision, lodge, opinion, readDocx, selfAssess, upload } from "./support/commendation.js";
import { Client as Anonymous, type Client, createTestApp, type TestApp } from "./support/test-app.js";

const BK = "bang-khen-tinh";
const COMPONENTS = ["van-ban-de-nghi", "bien-ban", "bao-cao-thanh-tich"];
/** Criteria II.2.a, the same for the four collective groups; disbursement and initiatives come from the system. */
const COLLECTIVE_FACTS = {
  xep_loai_nhiem_vu: "Hoàn thành xuất sắc nhiệm vụ",
  thuc_hien_tot_kh_cchc: true,
  co_kh_tuyen_truyen: true,
  xep_loai_cchc_tot: true,
  hoan_thanh_chi_tieu_tthc_cds: true,
  trien_khai_tot_cds_de_an_06: true,
  khong_duoc_giao_von_dtc: false,
  du_an_dong_luc_dung_tien_do: true,
  tuyen_truyen_sap_xep_bo_may: true,
  sang_kien_sap_xep_bo_may: true,
  khong_co_tthc: false,
  ho_so_tre_hen: 0,
  ho_so_ton_dong: 0,
  khong_phu_trach_par_index: false,
  diem_par_index: 86.4,
  diem_par_index_nam_truoc: 83.9,
  khong_phu_trach_pci: true,
  khong_phu_trach_papi: true,
  khong_phu_trach_sipas: true,
  thuc_hien_nghiem_ky_luat: true,
  // The exclusion rules' facts (mục III.3), from the unit's report on discipline and on the province's directives.
  ty_le_vi_pham_gio_giac: 2.5,
  ty_le_don_vi_truc_thuoc_vi_pham: 0,
  van_ban_chi_dao_chua_dam_bao_thoi_han: 0,
};
const PERSON_FACTS = {
  xep_loai_ca_nhan: "Hoàn thành xuất sắc nhiệm vụ",
  thuc_hien_tot_kh_cchc: true,
  van_ban_chi_dao_dung_han: true,
  du_an_dong_luc_dung_tien_do: true,
  tuyen_truyen_sap_xep_bo_may: true,
  sang_kien_sap_xep_bo_may: true,
  thuc_hien_nghiem_ky_luat: true,
  khong_tham_muu_tthc: false,
  ho_so_tre_hen: 0,
  ho_so_ton_dong: 0,
};
const EXCLUDED =
  "Không xét khen thưởng cơ quan, đơn vị có trên 10% cán bộ, công chức, viên chức không chấp hành nghiêm giờ giấc làm việc: Tỷ lệ cán bộ, công chức, viên chức không chấp hành nghiêm giờ giấc làm việc trên tổng số biên chế: 12,5% (> 10%)";

let t: TestApp;
let office: Client;
let admin: Client;
let planId: number;
let province: number;
const uid: Record<string, number> = {};
/** Participants and nominations by short name. */
const pid: Record<string, number> = {};
const nid: Record<string, number> = {};
const unitOf: Record<string, number> = {};
let personName: string;
const COLLECTIVES = {
  stp: ["so-nganh", "Sở Tư pháp"],
  stc: ["so-nganh", "Sở Tài chính"],
  kbnn: ["nganh-doc", "Kho bạc Nhà nước tỉnh"],
  nh: ["ubnd-huyen", "Huyện Ninh Hải"],
  vh: ["ubnd-xa", "Xã Vĩnh Hải"],
} as const;
type Key = keyof typeof COLLECTIVES | "person";
const PASSED: Key[] = ["stp", "kbnn", "nh", "vh", "person"];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2025-03-20T02:00:00Z");
  office = await t.as("snv.ninhthuan");
  admin = await t.as("admin");
  province = await t.unitId("NT");
  const plan = (await office.post("/api/plans", { issuerUnitId: province, template: "004-ninh-thuan-2025.yaml" })).body;
  expect(plan.issues).toEqual([]);
  expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
  planId = plan.id;
  uid.member = await createAccount(admin, { username: "hoidong.ninhthuan", fullName: "Phạm Văn Hậu", role: "council_member", unitId: province });
  uid.secretary = await createAccount(admin, { username: "thuky.ninhthuan", fullName: "Đặng Thị Thanh Thủy", role: "council_secretary", unitId: province });
  uid.signer = await createAccount(admin, { username: "chutich.ninhthuan", fullName: "Trần Quốc Nam", role: "signer", unitId: province });
  uid.office = (await admin.get("/api/users")).body.items.find((u: { username: string }) => u.username === "snv.ninhthuan").id;
});
afterAll(() => t.close());

describe("seed 004: four collective groups and individuals", () => {
  it("puts departments, vertical agencies, districts and communes in four collective groups", async () => {
    const plan = (await office.get(`/api/plans/${planId}`)).body;
    expect(plan.data.groups.map((g: { id: string; type: string }) => [g.id, g.type])).toEqual([
      ["so-nganh", "collective"],
      ["nganh-doc", "collective"],
      ["ubnd-huyen", "collective"],
      ["ubnd-xa", "collective"],
      ["ca-nhan", "individual"],
    ]);
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const vertical = (await office.get(`/api/plans/${planId}/participants?group=nganh-doc`)).body.items.map((p: { name: string }) => p.name);
    expect(vertical.sort()).toEqual(["Bảo hiểm xã hội tỉnh", "Cục Thống kê tỉnh", "Cục Thuế tỉnh", "Công an tỉnh", "Kho bạc Nhà nước tỉnh"].sort());
    for (const [key, [group, name]] of Object.entries(COLLECTIVES)) {
      const list = (await office.get(`/api/plans/${planId}/participants?group=${group}`)).body.items;
      const p = list.find((x: { name: string }) => x.name === name);
      expect(p, `${name} in ${group}`).toBeDefined();
      pid[key] = p.id;
      unitOf[key] = p.unitId;
    }
    // A civil servant of the Department of Justice (not its head: the heads' extra criteria do not apply).
    const staff = (await office.get(`/api/plans/${planId}/participants?group=ca-nhan`)).body.items.filter(
      (p: { unitName: string }) => p.unitName === "Sở Tư pháp",
    );
    const people = (await office.get(`/api/people?unitId=${unitOf.stp}`)).body.items;
    const civilServant = staff.find((s: { personId: number }) => !people.find((p: { id: number }) => p.id === s.personId).isHead);
    pid.person = civilServant.id;
    unitOf.person = unitOf.stp;
    personName = civilServant.personName;
  });

  it("the system supplies disbursement (indicators) and recognised initiatives; each nominee's self-assessment passes its group's criteria", async () => {
    t.clock.set("2025-12-05T03:00:00Z");
    for (const key of Object.keys(COLLECTIVES) as Key[]) {
      const ind = await office.post("/api/indicators", {
        unitId: unitOf[key],
        metric: "disbursement_rate",
        period: "2025",
        value: 100,
        source: "Báo cáo của Sở Tài chính",
      });
      expect(ind.status).toBe(201);
    }
    for (const key of [...Object.keys(COLLECTIVES), "person"] as Key[]) {
      const created = await office.post(`/api/participants/${pid[key]}/initiatives`, { title: `Giải pháp số hóa hồ sơ một cửa (${key})` });
      expect(created.status).toBe(201);
      const reviewed = await office.patch(`/api/initiatives/${created.body.id}/review`, {
        version: created.body.version,
        status: "recognised",
        level: "province",
        recognisedOn: "2025-11-20",
        decisionNo: "215/QĐ-HĐSK",
      });
      expect(reviewed.status).toBe(200);
    }
    for (const [key, [group]] of Object.entries(COLLECTIVES)) {
      const facts = key === "stc" ? { ...COLLECTIVE_FACTS, ty_le_vi_pham_gio_giac: 12.5 } : COLLECTIVE_FACTS;
      const a = await selfAssess(office, pid[key], facts);
      const sys = Object.fromEntries(a.systemFacts.map((s: { key: string; value: unknown }) => [s.key, s.value]));
      expect(sys).toMatchObject({ ty_le_giai_ngan_von_dtc: 100, sang_kien_duoc_cong_nhan: 1 });
      const prefix = { "so-nganh": "sn", "nganh-doc": "nd", "ubnd-huyen": "hu", "ubnd-xa": "xa" }[group];
      expect(a.selfScore.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed])).toEqual([[`${prefix}-tieu-chi`, true]]);
    }
    const p = await selfAssess(office, pid.person, PERSON_FACTS);
    expect(p.selfScore.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed])).toEqual([["cn-tieu-chi", true]]);
  });
});

describe("nominations, the exclusion rule and quotas", () => {
  it("the office proposes one nominee of each collective group, the department with 12,5 % indiscipline, and a civil servant", async () => {
    t.clock.set("2025-12-15T03:00:00Z");
    const file = await upload(office, province, "ho-so-de-nghi-bang-khen.pdf");
    for (const key of [...Object.keys(COLLECTIVES), "person"] as Key[]) {
      const r = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: BK, participantId: pid[key] });
      expect(r.status).toBe(201);
      nid[key] = r.body.id;
      await attach(office, nid[key], COMPONENTS, file);
      const lodged = await lodge(office, nid[key]);
      expect(lodged.status).toBe(200);
      expect(lodged.body.dossier).toMatchObject({ complete: true, onTime: true, due: null });
    }
  });

  it("every nominee of the four groups is judged on its own group's criteria and the exclusion rules", async () => {
    for (const key of PASSED) {
      const n = (await office.get(`/api/nominations/${nid[key]}`)).body;
      expect(n.eligibility, key).toMatchObject({ eligible: true, summary: "Đủ điều kiện" });
    }
    const kbnn = (await office.get(`/api/nominations/${nid.kbnn}`)).body.eligibility.reasons;
    expect(kbnn.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      "nd-dat-tieu-chi",
      "loai-giai-ngan",
      "loai-gio-giac",
      "loai-don-vi-truc-thuoc",
      "loai-van-ban-chi-dao",
    ]);
    // Disbursed 100 %: whether a shortfall was for subjective reasons need not be asked.
    expect(kbnn.find((r: { ruleId: string }) => r.ruleId === "loai-giai-ngan")).toMatchObject({ ok: true });
  });

  it("excludes the department where more than 10 % of staff broke working hours, with that reason in Vietnamese", async () => {
    const n = (await office.get(`/api/nominations/${nid.stc}`)).body;
    expect(n.eligibility.eligible).toBe(false);
    expect(n.eligibility.summary).toBe(`Không đủ điều kiện: ${EXCLUDED}`);
    expect(n.eligibility.reasons).toContainEqual({ ruleId: "loai-gio-giac", kind: "excluding", ok: false, message: EXCLUDED });
    // Its criteria were met: the exclusion alone keeps it out.
    expect(n.eligibility.reasons.find((r: { ruleId: string }) => r.ruleId === "sn-dat-tieu-chi").ok).toBe(true);
    const refused = await opinion(office, nid.stc, "Đạt tiêu chí", "accepted");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(`Không đề nghị khen thưởng được. Không đủ điều kiện: ${EXCLUDED}.`);
  });

  it("the office records what its appraisal found; it prevails over what the unit declared, and can be withdrawn", async () => {
    const before = (await office.get(`/api/nominations/${nid.kbnn}`)).body;
    expect(before.appraisableFacts.find((f: { key: string }) => f.key === "ty_le_vi_pham_gio_giac")).toMatchObject({ value: 2.5, source: "nominee" });
    expect(before.appraisableFacts.map((f: { key: string }) => f.key)).not.toContain("ty_le_giai_ngan_von_dtc");
    const put = (c: Client, version: number, facts: object) => c.request("PUT", `/api/nominations/${nid.kbnn}/eligibility-facts`, { version, facts });
    const bad = await put(office, before.version, { ty_le_vi_pham_gio_giac: 130, khong_co: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(["facts.ty_le_vi_pham_gio_giac", "facts.khong_co"]);
    // A nomination of a unit outside the city's subtree does not exist for the city's office.
    expect((await put(await t.as("noivu.prtc"), before.version, { ty_le_vi_pham_gio_giac: 11 })).status).toBe(404);
    const found = await put(office, before.version, { ty_le_vi_pham_gio_giac: 11 });
    expect(found.status).toBe(200);
    expect(found.body.appraisableFacts.find((f: { key: string }) => f.key === "ty_le_vi_pham_gio_giac")).toMatchObject({ value: 11, source: "office" });
    expect(found.body.eligibility.eligible).toBe(false);
    expect(found.body.eligibility.reasons.find((r: { ruleId: string }) => r.ruleId === "loai-gio-giac")).toMatchObject({ ok: false });
    expect((await put(office, before.version, { ty_le_vi_pham_gio_giac: null })).status).toBe(409);
    const withdrawn = await put(office, found.body.version, { ty_le_vi_pham_gio_giac: null });
    expect(withdrawn.body.eligibility).toMatchObject({ eligible: true });
    expect(withdrawn.body.appraisableFacts.find((f: { key: string }) => f.key === "ty_le_vi_pham_gio_giac")).toMatchObject({ value: 2.5, source: "nominee" });
    const audit = (await (await t.as("admin")).get(`/api/audit?entity=nomination&entityId=${nid.kbnn}&action=nomination.facts`)).body.items;
    expect(audit.map((a: { summary: string }) => a.summary)).toEqual([
      "Ghi nhận dữ kiện xét khen thưởng cho hồ sơ của Kho bạc Nhà nước tỉnh: Tỷ lệ cán bộ, công chức, viên chức không chấp hành nghiêm giờ giấc làm việc trên tổng số biên chế: bỏ ghi nhận của cơ quan thường trực",
      "Ghi nhận dữ kiện xét khen thưởng cho hồ sơ của Kho bạc Nhà nước tỉnh: Tỷ lệ cán bộ, công chức, viên chức không chấp hành nghiêm giờ giấc làm việc trên tổng số biên chế: 11%",
    ]);
  });

  it("quotas: at most 9 collectives and 15 individuals; the excluded department is listed with its reason", async () => {
    const s = (await office.get(`/api/plans/${planId}/award-forms/${BK}/suggestions`)).body;
    const coll = s.quotas.find((q: { target: string }) => q.target === "collective");
    const ind = s.quotas.find((q: { target: string }) => q.target === "individual");
    expect(coll).toMatchObject({ limit: 9, nominated: 5, lodged: 5, source: "tối đa đối với 09 tập thể và 15 cá nhân tiêu biểu xuất sắc", warnings: [] });
    expect(coll.groups).toEqual(["so-nganh", "nganh-doc", "ubnd-huyen", "ubnd-xa"]);
    expect(coll.selected.map((x: { nominationId: number }) => x.nominationId).sort()).toEqual([nid.stp, nid.kbnn, nid.nh, nid.vh].sort());
    expect(coll.excluded).toEqual([expect.objectContaining({ nominationId: nid.stc, name: "Sở Tài chính", reasons: [EXCLUDED] })]);
    expect(ind).toMatchObject({ limit: 15, nominated: 1, warnings: [] });
    expect(ind.selected.map((x: { nominationId: number }) => x.nominationId)).toEqual([nid.person]);
  });
});

describe("council and the chairman's decision under Decree 152/2025", () => {
  let decisionId: number;

  it("the office accepts the five; the council passes them by secret ballot with a quorum", async () => {
    t.clock.set("2025-12-22T02:00:00Z");
    for (const key of PASSED)
      expect((await opinion(office, nid[key], "Đạt các tiêu chí tại mục II.2; không thuộc trường hợp loại trừ.", "accepted")).status).toBe(200);
    expect((await opinion(office, nid.stc, "Có 12,5% công chức không chấp hành nghiêm giờ giấc làm việc: không xét khen thưởng.", "rejected")).status).toBe(
      200,
    );
    const secretary = await t.as("thuky.ninhthuan");
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Họp Hội đồng Thi đua - Khen thưởng tỉnh xét tặng Bằng khen phong trào thi đua CCHC năm 2025",
      heldOn: "2025-12-22",
      chairUserId: uid.signer,
      secretaryUserId: uid.secretary,
      memberUserIds: [uid.member, uid.office],
    });
    expect(created.status).toBe(201);
    const agenda = PASSED.map((k) => nid[k]);
    const s = (await secretary.request("PUT", `/api/council-sessions/${created.body.id}/agenda`, { nominationIds: agenda })).body;
    const present = [uid.signer, uid.secretary, uid.member, uid.office];
    expect((await secretary.post(`/api/council-sessions/${created.body.id}/open`, { version: s.version, present })).status).toBe(200);
    for (const who of ["chutich.ninhthuan", "thuky.ninhthuan", "hoidong.ninhthuan"]) {
      const vote = await (await t.as(who)).post(`/api/council-sessions/${created.body.id}/ballots`, {
        choices: agenda.map((nominationId) => ({ nominationId, choice: "approve" })),
      });
      expect(vote.status).toBe(204);
    }
    const last = await office.post(`/api/council-sessions/${created.body.id}/ballots`, {
      choices: agenda.map((nominationId) => ({ nominationId, choice: nominationId === nid.person ? "abstain" : "approve" })),
    });
    expect(last.status).toBe(204);
    expect((await secretary.post(`/api/council-sessions/${created.body.id}/close`)).body.status).toBe("closed");
    const results = (await secretary.get(`/api/council-sessions/${created.body.id}/results`)).body.items;
    expect(results).toHaveLength(5);
    for (const r of results) expect(r).toMatchObject({ passed: true, quorumMet: true, members: 4, present: 4 });
    expect(results.find((r: { nominationId: number }) => r.nominationId === nid.person)).toMatchObject({ approve: 3, abstain: 1, percent: 75 });
  });

  it("signed on 30/06/2025 the Bằng khen would carry Decree 98/2023's amounts (1.0 × base salary)", async () => {
    const before = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: BK,
      signedOn: "2025-06-30",
      signerTitle: "CHỦ TỊCH",
      signerName: "Trần Quốc Nam",
      nominationIds: [nid.stp, nid.person],
    });
    expect(before.status).toBe(201);
    // 1.0 × 2,340,000 = 2,340,000 for a person; twice that, 4,680,000, for a collective.
    expect(before.body.recipients.map((r: { amount: number }) => r.amount)).toEqual([4_680_000, 2_340_000]);
    expect(before.body.recipients[1].amountExplanation).toBe(
      "Bằng khen của Chủ tịch UBND cấp tỉnh: hệ số 1 × lương cơ sở 2.340.000 đồng = 2.340.000 đồng, làm tròn lên 2.340.000 đồng",
    );
    // A draft holds its recipients: the department cannot enter a second decision until this one is cancelled.
    const twice = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: BK,
      signedOn: "2025-12-29",
      signerTitle: "CHỦ TỊCH",
      signerName: "Trần Quốc Nam",
      nominationIds: [nid.stp],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("ALREADY_AWARDED");
    const cancelled = await office.post(`/api/decisions/${before.body.id}/cancel`, { version: before.body.version, reason: "Lập lại theo ngày ký 29/12/2025" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", statusLabel: "Đã hủy" });
  });

  it("signed on 29/12/2025 it carries Decree 152/2025's: 1.5 × base salary, collectives twice", async () => {
    const res = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: BK,
      signedOn: "2025-12-29",
      signerTitle: "CHỦ TỊCH",
      signerName: "Trần Quốc Nam",
      nominationIds: PASSED.map((k) => nid[k]),
    });
    expect(res.status).toBe(201);
    // 29/12/2025: Decree 152/2025 (from 01/07/2025), Bằng khen of the provincial chairman 1.5; base salary 2,340,000.
    // Individual: 1.5 × 2,340,000 = 3,510,000 (a multiple of 10,000). Collective: 1.5 × 2 × 2,340,000 = 7,020,000.
    // Total: 4 × 7,020,000 + 3,510,000 = 31,590,000.
    const by = (name: string) => res.body.recipients.find((r: { name: string }) => r.name === name);
    for (const name of ["Sở Tư pháp", "Kho bạc Nhà nước tỉnh", "Huyện Ninh Hải", "Xã Vĩnh Hải"])
      expect(by(name)).toMatchObject({ target: "collective", amount: 7_020_000, amountWords: "Bảy triệu không trăm hai mươi nghìn đồng" });
    expect(by(personName)).toMatchObject({ target: "individual", unitName: "Sở Tư pháp", amount: 3_510_000, amountWords: "Ba triệu năm trăm mười nghìn đồng" });
    expect(by(personName).amountExplanation).toBe(
      "Bằng khen của Chủ tịch UBND cấp tỉnh: hệ số 1,5 × lương cơ sở 2.340.000 đồng = 3.510.000 đồng, làm tròn lên 3.510.000 đồng",
    );
    expect(by("Sở Tư pháp").amountExplanation).toBe(
      "Bằng khen của Chủ tịch UBND cấp tỉnh: hệ số 1,5 × 2 (tập thể) × lương cơ sở 2.340.000 đồng = 7.020.000 đồng, làm tròn lên 7.020.000 đồng (có số liệu chưa được xác nhận từ văn bản gốc)",
    );
    expect(res.body.totalAmount).toBe(31_590_000);
    const excluded = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: BK,
      signedOn: "2025-12-29",
      signerTitle: "CHỦ TỊCH",
      signerName: "Trần Quốc Nam",
      nominationIds: [nid.stc],
    });
    expect(excluded.status).toBe(409);
    expect(excluded.body.message).toBe(`Hồ sơ của Sở Tài chính chưa được cơ quan thường trực chấp nhận. Sở Tài chính: Không đủ điều kiện: ${EXCLUDED}.`);
    decisionId = res.body.id;
  });

  it("the chairman issues it; the Word file cites Decree 152/2025 and follows Decree 30; the honour roll lists the five", async () => {
    const d = (await office.get(`/api/decisions/${decisionId}`)).body;
    const issued = await (await t.as("chutich.ninhthuan")).post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "1850" });
    expect(issued.status).toBe(200);
    const doc = await readDocx((await office.get(`/api/decisions/${decisionId}/document`)).raw);
    expectDecree30Decision(doc, "Số: 1850/QĐ-UBND", "Ninh Thuận, ngày 29 tháng 12 năm 2025");
    expect(doc.paragraphs.slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"]);
    expect(doc.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN");
    expect(doc.paragraphs).toContain("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;");
    expect(doc.text).not.toContain("98/2023");
    expect(doc.paragraphs).toContain(
      "Điều 2. Mỗi tập thể được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh kèm theo tiền thưởng 7.020.000 đồng (Bảy triệu không trăm hai mươi nghìn đồng); mỗi cá nhân kèm theo tiền thưởng 3.510.000 đồng (Ba triệu năm trăm mười nghìn đồng).",
    );
    expect(doc.paragraphs).toContain("Tổng số tiền thưởng: 31.590.000 đồng (Ba mươi mốt triệu năm trăm chín mươi nghìn đồng).");
    const signature = doc.paragraphs.lastIndexOf("CHỦ TỊCH");
    expect(doc.paragraphs.slice(signature, signature + 2)).toEqual(["CHỦ TỊCH", "Trần Quốc Nam"]);
    expect(doc.paragraphs).not.toContain("KT. CHỦ TỊCH");
    for (const name of ["Sở Tư pháp", "Kho bạc Nhà nước tỉnh", "Huyện Ninh Hải", "Xã Vĩnh Hải", personName]) expect(doc.paragraphs).toContain(name);
    expect(doc.paragraphs).not.toContain("Sở Tài chính");
    expect(doc.paragraphs).toContain("Tổng số: 04 tập thể và 01 cá nhân. Tổng số tiền thưởng: 31.590.000 đồng.");

    const roll = (await new Anonymous(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body;
    expect(roll.items.map((i: { name: string }) => i.name).sort()).toEqual(
      ["Huyện Ninh Hải", "Kho bạc Nhà nước tỉnh", "Sở Tư pháp", "Xã Vĩnh Hải", personName].sort(),
    );
    for (const i of roll.items)
      expect(i).toMatchObject({ decision: "1850/QĐ-UBND", signedOn: "2025-12-29", awardForm: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" });
    // The department's history holds its own Bằng khen and its civil servant's, each named (the person by id).
    const history = (await office.get(`/api/units/${unitOf.stp}/commendations`)).body.items;
    const personId = (await office.get(`/api/participants/${pid.person}`)).body.personId;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Sở Tư pháp", personId: null, target: "collective", amount: 7_020_000 }),
        expect.objectContaining({ name: personName, personId, target: "individual", amount: 3_510_000 }),
      ]),
    );
  });
});
