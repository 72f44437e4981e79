// Seed 000 (Phan Rang - Tháp Chàm 2024, city): citizens, businesspeople and enterprises take part alongside offices
// and wards; dossiers are due on 20/11/2024 (a whole day in Vietnam) and one lodged on 21/11 is late and not
// considered; the council votes by secret ballot; the deputy chairman signs the Giấy khen decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attach, createAccount, expectDecree30Decision, lodge, opinion, readDocx, selfAssess, upload } from "./support/commendation.js";
import { Client as Anonymous, type Client, createTestApp, type TestApp } from "./support/test-app.js";

const GK = "khen-thuong-tp";
const COMPONENTS = ["van-ban-de-nghi", "bien-ban", "bao-cao-thanh-tich"];
const WARD_FACTS = {
  co_kh_cchc: true,
  co_kh_phat_dong: true,
  hoan_thanh_tot_cchc: true,
  co_dang_ky_mo_hinh: true,
  mo_hinh_hop_phap_hieu_qua: true,
  chinh_quyen_xep_loai_kha_tro_len: true,
};
/** Criteria II.3.c, the same for enterprises and for citizens and businesspeople. */
const PUBLIC_FACTS = { hop_tac_xa_hoi_hoa: true, su_dung_dvc_truc_tuyen: true, danh_gia_hai_long: true, phan_anh_kien_nghi: false, hien_ke_giai_phap: true };
const LATE_REASON = "Hồ sơ đề nghị xét khen thưởng gửi về Ủy ban nhân dân thành phố (qua Phòng Nội vụ) chậm nhất là ngày 20/11/2024: hồ sơ nộp trễ hạn";

let t: TestApp;
let office: Client;
let admin: Client;
let planId: number;
let city: number;
const uid: Record<string, number> = {};
/** Participant ids by short name. */
const pid: Record<string, number> = {};
/** Nomination ids by short name. */
const nid: Record<string, number> = {};
let citizenName: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-03-20T02:00:00Z");
  office = await t.as("noivu.prtc");
  admin = await t.as("admin");
  city = await t.unitId("NT-PRTC");
  // A resident of Phường Bảo An who proposed a way to cut queues at the one-stop desk (people are data, entered by the office).
  const citizen = await office.post("/api/people", {
    unitId: await t.unitId("NT-PRTC-P-BAOAN"),
    fullName: "Phan Thị Mỹ Lệ",
    sex: "nu",
    birthDate: "1979-05-12",
    position: "Người dân khu phố 3",
    category: "nguoi_dan",
  });
  expect(citizen.status).toBe(201);
  citizenName = citizen.body.fullName;
  const plan = (await office.post("/api/plans", { issuerUnitId: city, template: "000-phan-rang-thap-cham-2024.yaml" })).body;
  expect(plan.issues).toEqual([]);
  expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
  planId = plan.id;
  uid.member = await createAccount(admin, { username: "hoidong.prtc", fullName: "Nguyễn Văn Tùng", role: "council_member", unitId: city });
  uid.secretary = await createAccount(admin, { username: "thuky.prtc", fullName: "Lê Thị Bích Vân", role: "council_secretary", unitId: city });
  uid.signer = await createAccount(admin, { username: "chutich.prtc", fullName: "Trần Ngọc Quang", role: "signer", unitId: city });
  uid.office = (await admin.get("/api/users")).body.items.find((u: { username: string }) => u.username === "noivu.prtc").id;
});
afterAll(() => t.close());

describe("seed 000: participants include enterprises, businesspeople and citizens", () => {
  it("lists the plan's five groups, enterprises and people outside the civil service among them", async () => {
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const of = async (g: string) => (await office.get(`/api/plans/${planId}/participants?group=${g}`)).body.items;
    const enterprises = await of("to-chuc-doanh-nghiep");
    expect(enterprises.map((p: { name: string }) => p.name).sort()).toEqual([
      "Công ty Cổ phần Nông sản Nắng Gió Phan Rang",
      "Công ty TNHH Thương mại - Dịch vụ Tháp Chàm Xanh",
    ]);
    const public_ = await of("nguoi-dan-doanh-nhan");
    const citizen = public_.find((p: { personName: string }) => p.personName === citizenName);
    expect(citizen).toMatchObject({ unitName: "Phường Bảo An" });
    // The directors of the two enterprises are businesspeople (doanh nhân).
    expect(public_.filter((p: { unitName: string }) => p.unitName.startsWith("Công ty"))).toHaveLength(2);
    expect(public_).toHaveLength(3);
    const wards = await of("phuong-xa");
    expect(wards.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["Phường Bảo An", "Phường Đài Sơn", "Xã Thành Hải"]));
    const staff = await of("can-bo");
    expect(staff.some((p: { personName: string }) => p.personName === citizenName)).toBe(false);
    expect((await of("co-quan-don-vi")).map((p: { name: string }) => p.name)).toContain("Phòng Nội vụ");
    pid.baoAn = wards.find((p: { name: string }) => p.name === "Phường Bảo An").id;
    pid.daiSon = wards.find((p: { name: string }) => p.name === "Phường Đài Sơn").id;
    pid.nangGio = enterprises.find((p: { name: string }) => p.name.includes("Nắng Gió")).id;
    pid.citizen = citizen.id;
  });

  it("each assesses itself against the criteria of its group (II.3.a for wards, II.3.c for enterprises and citizens)", async () => {
    t.clock.set("2024-11-05T03:00:00Z");
    for (const [k, facts, top] of [
      ["baoAn", WARD_FACTS, "px-tieu-chi"],
      ["daiSon", WARD_FACTS, "px-tieu-chi"],
      ["nangGio", PUBLIC_FACTS, "dn-tieu-chi"],
      ["citizen", PUBLIC_FACTS, "nd-tieu-chi"],
    ] as const) {
      const a = await selfAssess(office, pid[k], facts);
      expect(a.selfScore.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed])).toEqual([[top, true]]);
    }
  });
});

describe("dossiers due on 20/11/2024", () => {
  it("the office proposes the two wards, the enterprise and the citizen for the city's Giấy khen", async () => {
    t.clock.set("2024-11-12T03:00:00Z");
    for (const k of ["baoAn", "daiSon", "nangGio", "citizen"]) {
      const r = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: pid[k] });
      expect(r.status).toBe(201);
      nid[k] = r.body.id;
      expect(r.body.dossier).toMatchObject({ due: "2024-11-20", note: "Hạn nộp hồ sơ: hết ngày 20/11/2024." });
      expect(r.body.dossier.components.map((c: { id: string }) => c.id)).toEqual(COMPONENTS);
    }
    expect((await office.get(`/api/nominations/${nid.nangGio}`)).body).toMatchObject({ target: "collective", groupId: "to-chuc-doanh-nghiep" });
    expect((await office.get(`/api/nominations/${nid.citizen}`)).body).toMatchObject({ target: "individual", groupId: "nguoi-dan-doanh-nhan", isWoman: true });
  });

  it("three dossiers lodged by 23:30 on 20/11 are on time; the eligibility verdict then holds", async () => {
    const file = await upload(office, city, "ho-so-de-nghi-khen-thuong.pdf");
    for (const k of ["baoAn", "daiSon", "nangGio", "citizen"]) await attach(office, nid[k], COMPONENTS, file);
    t.clock.set("2024-11-20T16:30:00Z"); // 23:30 on 20/11 in Vietnam
    for (const k of ["baoAn", "nangGio", "citizen"]) {
      const r = await lodge(office, nid[k]);
      expect(r.status).toBe(200);
      expect(r.body.dossier).toMatchObject({ late: false, onTime: true, note: "Nộp ngày 20/11/2024, trong hạn (hết ngày 20/11/2024)." });
      expect(r.body.eligibility).toMatchObject({ eligible: true, summary: "Đủ điều kiện" });
    }
  });

  it("one lodged at 00:30 on 21/11 is received, marked late and ineligible with the plan's reason", async () => {
    t.clock.set("2024-11-20T17:30:00Z"); // 00:30 on 21/11 in Vietnam
    const r = await lodge(office, nid.daiSon);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "submitted", submittedAt: "2024-11-20T17:30:00.000Z" });
    expect(r.body.dossier).toMatchObject({ late: true, onTime: false, note: "Nộp ngày 21/11/2024, sau hạn 20/11/2024: hồ sơ trễ hạn." });
    expect(r.body.eligibility.eligible).toBe(false);
    expect(r.body.eligibility.summary).toBe(`Không đủ điều kiện: ${LATE_REASON}`);
    expect(r.body.eligibility.reasons).toContainEqual({ ruleId: "ho-so-dung-han", kind: "required", ok: false, message: LATE_REASON });
    // Its own criteria were met: lateness alone excludes it.
    expect(r.body.eligibility.reasons.find((x: { ruleId: string }) => x.ruleId === "px-dat-tieu-chi").ok).toBe(true);
  });

  it("the suggested list keeps the three and lists the late ward as excluded, with why", async () => {
    const s = (await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).body;
    const coll = s.quotas.find((q: { target: string }) => q.target === "collective");
    expect(coll).toMatchObject({ limit: null, nominated: 3, lodged: 3, warnings: [] });
    expect(coll.selected.map((x: { nominationId: number }) => x.nominationId).sort()).toEqual([nid.baoAn, nid.nangGio].sort());
    expect(coll.excluded).toEqual([expect.objectContaining({ nominationId: nid.daiSon, name: "Phường Đài Sơn", reasons: [LATE_REASON] })]);
    const ind = s.quotas.find((q: { target: string }) => q.target === "individual");
    expect(ind.selected.map((x: { nominationId: number }) => x.nominationId)).toEqual([nid.citizen]);
  });
});

describe("appraisal, council and decision", () => {
  let sessionId: number;
  let decisionId: number;

  it("the office appraises by 24/11: accepts the three, cannot accept the late one and records why it is not proposed", async () => {
    t.clock.set("2024-11-22T03:00:00Z");
    for (const k of ["baoAn", "nangGio", "citizen"])
      expect((await opinion(office, nid[k], "Hồ sơ đầy đủ, đúng hạn; đạt các tiêu chí tại mục II.3.", "accepted")).status).toBe(200);
    const refused = await opinion(office, nid.daiSon, "Đạt tiêu chí", "accepted");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("NOT_ELIGIBLE");
    expect(refused.body.message).toBe(`Không đề nghị khen thưởng được. Không đủ điều kiện: ${LATE_REASON}.`);
    const returnTooLate = await office.post(`/api/nominations/${nid.daiSon}/return`, { version: 1, reason: "Bổ sung" });
    expect(returnTooLate.status).toBe(409);
    expect((await opinion(office, nid.daiSon, "Hồ sơ gửi ngày 21/11/2024, sau hạn 20/11/2024: không xem xét.", "rejected")).status).toBe(200);
  });

  it("the council meets with a quorum and votes by secret ballot; results open after closing", async () => {
    t.clock.set("2024-11-24T02:00:00Z");
    const secretary = await t.as("thuky.prtc");
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Họp Hội đồng Thi đua - Khen thưởng thành phố xét khen thưởng phong trào thi đua CCHC năm 2024",
      heldOn: "2024-11-24",
      chairUserId: uid.signer,
      secretaryUserId: uid.secretary,
      memberUserIds: [uid.member, uid.office],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ballot: "secret", members: expect.any(Array) });
    expect(created.body.members).toHaveLength(4);
    sessionId = created.body.id;
    const agenda = [nid.baoAn, nid.nangGio, nid.citizen];
    expect((await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: [...agenda, nid.daiSon] })).status).toBe(400);
    const s = (await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: agenda })).body;
    const noQuorum = await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: [uid.secretary] });
    expect(noQuorum.body.message).toBe("Không đủ số thành viên dự họp: 1/4 (cần ≥ 50%); chưa biểu quyết được");
    const present = [uid.signer, uid.secretary, uid.member];
    expect((await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present })).status).toBe(200);
    const ballot = (choice: "approve" | "reject") => ({ choices: agenda.map((nominationId, i) => ({ nominationId, choice: i === 2 ? choice : "approve" })) });
    expect((await (await t.as("chutich.prtc")).post(`/api/council-sessions/${sessionId}/ballots`, ballot("approve"))).status).toBe(204);
    expect((await secretary.post(`/api/council-sessions/${sessionId}/ballots`, ballot("approve"))).status).toBe(204);
    expect((await (await t.as("hoidong.prtc")).post(`/api/council-sessions/${sessionId}/ballots`, ballot("reject"))).status).toBe(204);
    expect((await office.post(`/api/council-sessions/${sessionId}/ballots`, ballot("approve"))).status).toBe(403); // absent
    expect((await secretary.get(`/api/council-sessions/${sessionId}/results`)).status).toBe(409);
    expect((await secretary.post(`/api/council-sessions/${sessionId}/close`)).body.status).toBe("closed");
    const results = (await secretary.get(`/api/council-sessions/${sessionId}/results`)).body.items;
    const r = (id: number) => results.find((x: { nominationId: number }) => x.nominationId === id);
    expect(r(nid.baoAn)).toMatchObject({ approve: 3, passed: true, explanation: "3/4 phiếu đồng ý (75%, cần ≥ 50% tổng số thành viên) → được thông qua" });
    expect(r(nid.nangGio)).toMatchObject({ approve: 3, passed: true });
    expect(r(nid.citizen)).toMatchObject({
      approve: 2,
      reject: 1,
      passed: true,
      explanation: "2/4 phiếu đồng ý (50%, cần ≥ 50% tổng số thành viên) → được thông qua",
    });
  });

  it("drafts the decision for the three passed, collectives twice the individual amount", async () => {
    const body = {
      awardFormId: GK,
      signedOn: "2024-11-28",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "Trần Ngọc Quang",
      nominationIds: [nid.baoAn, nid.nangGio, nid.citizen],
    };
    // The late ward is refused for both reasons: not proposed by the office, and not eligible (late dossier).
    const late = await office.post(`/api/plans/${planId}/decisions`, { ...body, nominationIds: [nid.daiSon] });
    expect(late.status).toBe(409);
    expect(late.body.details.map((d: { code: string }) => d.code)).toEqual(["NOT_ACCEPTED", "NOT_ELIGIBLE"]);
    const upper = await office.post(`/api/plans/${planId}/decisions`, { ...body, awardFormId: "de-nghi-cap-tren" });
    expect(upper.body.code).toBe("UPPER_LEVEL");
    const res = await office.post(`/api/plans/${planId}/decisions`, body);
    expect(res.status).toBe(201);
    // 28/11/2024: base salary 2,340,000 (Decree 73/2024, from 01/07/2024); Giấy khen 0.3 (Decree 98/2023).
    // Individual: 0.3 × 2,340,000 = 702,000 → rounded up to 710,000. Collective: 0.3 × 2 × 2,340,000 = 1,404,000 → 1,410,000.
    // Total: 1,410,000 + 1,410,000 + 710,000 = 3,530,000.
    const by = (name: string) => res.body.recipients.find((x: { name: string }) => x.name === name);
    expect(by("Phường Bảo An")).toMatchObject({ target: "collective", amount: 1_410_000, amountWords: "Một triệu bốn trăm mười nghìn đồng" });
    expect(by("Công ty Cổ phần Nông sản Nắng Gió Phan Rang")).toMatchObject({ target: "collective", amount: 1_410_000 });
    expect(by(citizenName)).toMatchObject({ target: "individual", unitName: "Phường Bảo An", amount: 710_000, amountWords: "Bảy trăm mười nghìn đồng" });
    expect(by(citizenName).amountExplanation).toBe("Giấy khen: hệ số 0,3 × lương cơ sở 2.340.000 đồng = 702.000 đồng, làm tròn lên 710.000 đồng");
    expect(res.body.totalAmount).toBe(3_530_000);
    decisionId = res.body.id;
  });

  it("the deputy chairman issues it; the Word file follows Decree 30; the honour roll lists the three", async () => {
    const d = (await office.get(`/api/decisions/${decisionId}`)).body;
    expect((await office.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "312" })).status).toBe(403);
    const issued = await (await t.as("chutich.prtc")).post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "312" });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: "issued", numberLine: "Số: 312/QĐ-UBND" });

    const doc = await readDocx((await office.get(`/api/decisions/${decisionId}/document`)).raw);
    expectDecree30Decision(doc, "Số: 312/QĐ-UBND", "Phan Rang - Tháp Chàm, ngày 28 tháng 11 năm 2024");
    expect(doc.paragraphs[0]).toBe("UBND TỈNH NINH THUẬN");
    expect(doc.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM");
    expect(doc.paragraphs).toContain(
      "Điều 2. Mỗi tập thể được tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố kèm theo tiền thưởng 1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng); mỗi cá nhân kèm theo tiền thưởng 710.000 đồng (Bảy trăm mười nghìn đồng).",
    );
    expect(doc.paragraphs).toContain("Tổng số tiền thưởng: 3.530.000 đồng (Ba triệu năm trăm ba mươi nghìn đồng).");
    const signature = doc.paragraphs.indexOf("KT. CHỦ TỊCH");
    expect(doc.paragraphs.slice(signature, signature + 3)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Ngọc Quang"]);
    for (const name of ["Phường Bảo An", "Công ty Cổ phần Nông sản Nắng Gió Phan Rang", citizenName]) expect(doc.paragraphs).toContain(name);
    expect(doc.paragraphs).not.toContain("Phường Đài Sơn");
    expect(doc.paragraphs).toContain("Tổng số: 02 tập thể và 01 cá nhân. Tổng số tiền thưởng: 3.530.000 đồng.");

    const roll = (await new Anonymous(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body;
    expect(roll.items.map((i: { name: string; target: string }) => [i.name, i.target]).sort()).toEqual([
      ["Công ty Cổ phần Nông sản Nắng Gió Phan Rang", "collective"],
      ["Phan Thị Mỹ Lệ", "individual"],
      ["Phường Bảo An", "collective"],
    ]);
    for (const i of roll.items)
      expect(i).toMatchObject({ decision: "312/QĐ-UBND", signedOn: "2024-11-28", awardForm: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố" });
  });
});
