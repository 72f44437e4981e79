// Seed 001 (Tam Phước 2023, commune): individuals only, at most 5 Giấy khen of the commune chairman. Six lodged
// nominations get a warning and a suggested list of five; the council votes openly; the five are decided, with the
// reward money of the date of signing, printed and put on the honour roll.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attach, createAccount, expectDecree30Decision, lodge, opinion, readDocx, selfAssess, upload } from "./support/commendation.js";
import { Client as Anonymous, type Client, createTestApp, type TestApp } from "./support/test-app.js";

const GK = "giay-khen-xa";
const COMPONENTS = ["to-trinh", "bien-ban", "bao-cao-thanh-tich"];
/** Every target of khoản 4 Mục II met, and the standards of khoản 2 Mục III. */
const FACTS = {
  ty_le_menh_lenh_dung_han: 97.5,
  menh_lenh_dam_bao_chat_luong: true,
  ty_le_van_ban_phoi_hop_dung_han: 100,
  thuc_hien_hieu_qua_chi_so: true,
  co_giai_phap_sang_kien: true,
  khong_co_vbqppl: false,
  ty_le_vbqppl_dung_quy_dinh: 100,
  ty_le_tthc_dung_han: 99.6,
  ty_le_rut_ngan_thoi_gian: 38,
  mot_cua_day_du: true,
  sap_xep_bo_may_dung_quy_dinh: true,
  ty_le_chap_hanh_noi_quy: 100,
  so_cbcc_bi_ky_luat: 0,
  ty_le_dvc_truc_tuyen: 86,
  thuc_hien_tot_nhiem_vu_cchc: true,
  co_sang_kien_dam_nghi_dam_lam: true,
};

let t: TestApp;
let office: Client;
let admin: Client;
let planId: number;
let commune: number;
const uid: Record<string, number> = {};
/** The six nominees (participants of group ca-nhan) and their nominations, in the order proposed. */
const nominees: { participantId: number; name: string; nominationId: number }[] = [];
let selected: number[] = [];
let waiting: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2023-04-20T02:00:00Z");
  office = await t.as("vanphong.tamphuoc");
  admin = await t.as("admin");
  commune = await t.unitId("BRVT-LD-TAMPHUOC");
  const plan = (await office.post("/api/plans", { issuerUnitId: commune, template: "001-tam-phuoc-2023.yaml" })).body;
  expect(plan.issues).toEqual([]);
  expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
  planId = plan.id;
  // The commune's emulation-commendation council and its chairman's deputy, who signs (seed 001's signer).
  uid.member = await createAccount(admin, { username: "hoidong.tamphuoc", fullName: "Lê Văn Thành", role: "council_member", unitId: commune });
  uid.secretary = await createAccount(admin, { username: "thuky.tamphuoc", fullName: "Nguyễn Thị Hồng", role: "council_secretary", unitId: commune });
  uid.signer = await createAccount(admin, { username: "chutich.tamphuoc", fullName: "Bùi Ngọc Nhân", role: "signer", unitId: commune });
});
afterAll(() => t.close());

describe("seed 001: individuals only", () => {
  it("lists only individuals of the commune: heads, civil servants and non-professional staff", async () => {
    const plan = (await office.get(`/api/plans/${planId}`)).body;
    expect(plan.data.groups.map((g: { type: string }) => g.type)).toEqual(["individual"]);
    expect(plan.data.awardForms.find((f: { id: string }) => f.id === GK).quotas[0].quota).toEqual({ kind: "count", max: 5 });
    const sync = await office.post(`/api/plans/${planId}/participants/sync`);
    expect(sync.status).toBe(200);
    const all = (await office.get(`/api/plans/${planId}/participants`)).body.items;
    expect(all.length).toBe(sync.body.total);
    expect(all.every((p: { personId: number | null; groupId: string }) => p.personId !== null && p.groupId === "ca-nhan")).toBe(true);
    const people = (await office.get(`/api/people?unitId=${commune}&includeSubunits=true&pageSize=200`)).body.items;
    const categories = new Set(all.map((p: { personId: number }) => people.find((x: { id: number }) => x.id === p.personId).category));
    expect([...categories].sort()).toEqual(["can_bo", "cong_chuc", "khong_chuyen_trach"]);
    // Residents of the hamlets (người dân) are not participants of this plan.
    expect(people.some((x: { category: string }) => x.category === "nguoi_dan")).toBe(true);
    // The Giấy khen is for heads ("cá nhân người đứng đầu"): six heads are proposed.
    const heads = all.filter((p: { personId: number }) => people.find((x: { id: number }) => x.id === p.personId).isHead).slice(0, 6);
    expect(heads).toHaveLength(6);
    for (const h of heads) nominees.push({ participantId: h.id, name: h.name, nominationId: 0 });
  });

  it("a collective cannot be proposed for the commune's Giấy khen: the form is for individuals", async () => {
    const plan = (await office.get(`/api/plans/${planId}`)).body;
    expect(plan.data.awardForms.map((f: { id: string; target: string }) => [f.id, f.target])).toEqual([
      [GK, "individual"],
      ["de-xuat-huyen", "individual"],
    ]);
  });
});

describe("self-assessment and nominations", () => {
  it("each nominee declares the targets of khoản 4 Mục II in the year; one exceeds them (priority)", async () => {
    t.clock.set("2023-12-20T03:00:00Z");
    for (const [i, n] of nominees.entries()) {
      const a = await selfAssess(office, n.participantId, { ...FACTS, vuot_chi_tieu_duoc_giao: i === 5 });
      expect(a.status).toBe("submitted");
      const top = a.selfScore.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed]);
      expect(top).toEqual([
        ["chi-tieu", true],
        ["tieu-chuan", true],
      ]);
    }
  });

  it("the office proposes the six; each dossier has the plan's three components, the report pre-filled as the plan's Mẫu số 07", async () => {
    t.clock.set("2023-12-26T03:00:00Z");
    for (const n of nominees) {
      const r = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: GK, participantId: n.participantId });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ target: "individual", awardFormName: "Giấy khen của Chủ tịch UBND xã", proposedByUnitName: "Xã Tam Phước" });
      expect(r.body.dossier).toMatchObject({ due: null, complete: false });
      expect(r.body.dossier.components.map((c: { id: string }) => c.id)).toEqual(COMPONENTS);
      n.nominationId = r.body.id;
    }
    const memoAndMinutes = await upload(office, commune, "to-trinh-va-bien-ban-hoi-dong-xa.pdf");
    // The first nominee's achievement report is drawn up by the system (Word), the others are scans.
    const report = await office.get(`/api/nominations/${nominees[0].nominationId}/achievement-report`);
    expect(report.status).toBe(200);
    const doc = await readDocx(report.raw);
    expect(doc.paragraphs).toContain("Mẫu số 07");
    expect(doc.paragraphs).toContain("BÁO CÁO THÀNH TÍCH");
    expect(doc.text).toContain(nominees[0].name.split(" (")[0]);
    const generated = await upload(office, commune, "bao-cao-thanh-tich-mau-07.docx", report.raw);
    const scanned = await upload(office, commune, "bao-cao-thanh-tich-co-xac-nhan.pdf");
    for (const n of nominees) {
      await attach(office, n.nominationId, ["to-trinh", "bien-ban"], memoAndMinutes);
      const done = await attach(office, n.nominationId, ["bao-cao-thanh-tich"], n === nominees[0] ? generated : scanned);
      expect(done.dossier).toMatchObject({ complete: true, missing: [] });
      const lodged = await lodge(office, n.nominationId);
      expect(lodged.status).toBe(200);
      // No deadline in the plan: the dossier is on time whenever it is lodged.
      expect(lodged.body.dossier).toMatchObject({ late: false, onTime: true, note: "Đã nộp; kế hoạch không quy định hạn nộp hồ sơ." });
      expect(lodged.body.eligibility.eligible).toBe(true);
    }
  });
});

describe("quota: no more than 5 individuals", () => {
  it("warns that six dossiers were lodged for five places and suggests five, the one exceeding the targets first", async () => {
    const s = await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`);
    expect(s.status).toBe(200);
    expect(s.body.quotas).toHaveLength(1);
    const q = s.body.quotas[0];
    expect(q).toMatchObject({ target: "individual", limit: 5, nominated: 6, lodged: 6, source: "Số lượng khen thưởng: Không quá 05 cá nhân." });
    // A pass/fail plan ranks nobody: the suggestion orders by priority and women first, and says so only where
    // nothing separates the last selected from the first waiting (then the council settles it).
    expect(q.warnings).toEqual([
      'Có 6 hồ sơ cá nhân đề nghị "Giấy khen của Chủ tịch UBND xã" trong khi chỉ tiêu là 5: cần chọn theo danh sách gợi ý.',
      "Có đối tượng ngang nhau ở ranh giới chỉ tiêu (nhóm không xếp hạng): Hội đồng cần bỏ phiếu hoặc quyết định.",
    ]);
    expect(q.selected.every((x: { rank: number | null }) => x.rank === null)).toBe(true);
    expect(q.selected).toHaveLength(5);
    expect(q.waiting).toHaveLength(1);
    expect(q.excluded).toEqual([]);
    expect(q.selected[0]).toMatchObject({ nominationId: nominees[5].nominationId, priority: true });
    expect(q.selected[0].why).toContain("diện ưu tiên");
    expect(q.waiting[0].why).toBe("Ngoài chỉ tiêu 5");
    // On a tie women come first (Decree 98/2023 art. 4): the one left waiting is not a woman unless all are.
    const list = (await office.get(`/api/plans/${planId}/nominations?awardFormId=${GK}`)).body.items;
    const isWoman = (id: number) => list.find((n: { id: number }) => n.id === id).isWoman;
    if (list.some((n: { isWoman: boolean }) => !n.isWoman)) expect(isWoman(q.waiting[0].nominationId)).toBe(false);
    selected = q.selected.map((x: { nominationId: number }) => x.nominationId);
    waiting = q.waiting.map((x: { nominationId: number }) => x.nominationId);
    expect(new Set([...selected, ...waiting])).toEqual(new Set(nominees.map((n) => n.nominationId)));
  });

  it("the office accepts the five suggested and does not propose the sixth", async () => {
    for (const id of selected) expect((await opinion(office, id, "Đạt chỉ tiêu khoản 4 Mục II và tiêu chuẩn khoản 2 Mục III.", "accepted")).status).toBe(200);
    const out = await opinion(office, waiting[0], "Đủ tiêu chuẩn nhưng ngoài số lượng 05 cá nhân theo Kế hoạch.", "rejected");
    expect(out.status).toBe(200);
    expect(out.body.statusLabel).toBe("Đã thẩm định: không đề nghị khen thưởng");
    const after = (await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).body.quotas[0];
    expect(after).toMatchObject({ nominated: 5, accepted: 5, warnings: [] });
  });
});

describe("council (open vote) and decision", () => {
  let sessionId: number;
  let decisionId: number;

  it("the commune council votes openly with a quorum; all five pass", async () => {
    t.clock.set("2023-12-27T02:00:00Z");
    const secretary = await t.as("thuky.tamphuoc");
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Họp Hội đồng Thi đua - Khen thưởng xã xét khen thưởng phong trào CCHC năm 2023",
      heldOn: "2023-12-27",
      ballot: "open",
      chairUserId: uid.signer,
      secretaryUserId: uid.secretary,
      memberUserIds: [uid.member],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ballot: "open", status: "draft" });
    sessionId = created.body.id;
    const s = (await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: selected })).body;
    expect(s.agenda).toHaveLength(5);
    const refused = await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: [...selected, waiting[0]] });
    expect(refused.status).toBe(400);
    const noQuorum = await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: [uid.secretary] });
    expect(noQuorum.body.code).toBe("NO_QUORUM");
    const opened = await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: [uid.secretary, uid.member, uid.signer] });
    expect(opened.status).toBe(200);
    for (const id of selected) {
      const v = await secretary.post(`/api/council-sessions/${sessionId}/open-votes`, { nominationId: id, approve: 3, reject: 0, abstain: 0 });
      expect(v.status).toBe(204);
    }
    expect((await secretary.post(`/api/council-sessions/${sessionId}/close`)).body.status).toBe("closed");
    const results = (await secretary.get(`/api/council-sessions/${sessionId}/results`)).body.items;
    expect(results).toHaveLength(5);
    for (const r of results)
      expect(r).toMatchObject({ approve: 3, passed: true, explanation: "3/3 phiếu đồng ý (100%, cần ≥ 50% tổng số thành viên) → được thông qua" });
  });

  it("drafts the decision for the five with the money of the signing date; the sixth, not proposed, is refused", async () => {
    const body = { awardFormId: GK, signedOn: "2023-12-28", signerTitle: "PHÓ CHỦ TỊCH", signerName: "Bùi Ngọc Nhân", nominationIds: selected };
    const six = await office.post(`/api/plans/${planId}/decisions`, { ...body, nominationIds: [...selected, waiting[0]] });
    expect(six.status).toBe(409);
    expect(six.body.code).toBe("NOT_ACCEPTED");
    expect(six.body.message).toBe(
      `Hồ sơ của ${nominees.find((n) => n.nominationId === waiting[0])?.name.split(" (")[0]} chưa được cơ quan thường trực chấp nhận.`,
    );
    const res = await office.post(`/api/plans/${planId}/decisions`, body);
    expect(res.status).toBe(201);
    // 28/12/2023: Decree 91/2017 (Decree 98/2023 applies from 01/01/2024), Giấy khen 0.3 × base salary 1,800,000 (Decree 24/2023, from 01/07/2023)
    // = 540,000 đồng, already a multiple of 10,000; five individuals: 2,700,000 đồng.
    expect(res.body.recipients).toHaveLength(5);
    for (const r of res.body.recipients) {
      expect(r).toMatchObject({ target: "individual", amount: 540_000, amountWords: "Năm trăm bốn mươi nghìn đồng" });
      expect(r.amountExplanation).toBe("Giấy khen: hệ số 0,3 × lương cơ sở 1.800.000 đồng = 540.000 đồng, làm tròn lên 540.000 đồng");
    }
    expect(res.body.totalAmount).toBe(2_700_000);
    decisionId = res.body.id;
  });

  it("the deputy chairman issues it; the Word file follows Decree 30 with the five names and amounts; the honour roll lists them", async () => {
    const d = (await office.get(`/api/decisions/${decisionId}`)).body;
    expect((await office.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "05" })).status).toBe(403);
    const signer = await t.as("chutich.tamphuoc");
    const issued = await signer.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "05" });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: "issued", numberLine: "Số: 05/QĐ-UBND" });

    const doc = await readDocx((await office.get(`/api/decisions/${decisionId}/document`)).raw);
    expectDecree30Decision(doc, "Số: 05/QĐ-UBND", "Tam Phước, ngày 28 tháng 12 năm 2023");
    expect(doc.paragraphs.slice(0, 3)).toEqual(["UBND HUYỆN LONG ĐIỀN", "ỦY BAN NHÂN DÂN", "XÃ TAM PHƯỚC"]);
    expect(doc.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TAM PHƯỚC");
    // Decided in 2023: the law of 2003 (amended 2013) and Decree 91/2017, not the law of 2022 in force from 2024.
    expect(doc.paragraphs).toContain(
      "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;",
    );
    expect(doc.paragraphs).toContain(
      "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    );
    expect(doc.text).not.toContain("ngày 15 tháng 6 năm 2022");
    expect(doc.paragraphs).toContain(
      "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng cơ quan thường trực về thi đua, khen thưởng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    );
    expect(doc.paragraphs).toContain("KT. CHỦ TỊCH");
    expect(doc.paragraphs).toContain("PHÓ CHỦ TỊCH");
    expect(doc.paragraphs).toContain("Bùi Ngọc Nhân");
    expect(doc.text).toContain("Mỗi cá nhân được tặng Giấy khen của Chủ tịch UBND xã kèm theo tiền thưởng 540.000 đồng (Năm trăm bốn mươi nghìn đồng).");
    expect(doc.text).toContain("Tổng số tiền thưởng: 2.700.000 đồng (Hai triệu bảy trăm nghìn đồng).");
    for (const r of issued.body.recipients) expect(doc.text).toContain(r.name);
    expect(doc.paragraphs).toContain("- Như Điều 3;");
    expect(doc.paragraphs).toContain("(Kèm theo Quyết định số 05/QĐ-UBND ngày 28/12/2023 của Chủ tịch Ủy ban nhân dân xã Tam Phước)");
    expect(doc.paragraphs).toContain("Tổng số: 05 cá nhân. Tổng số tiền thưởng: 2.700.000 đồng.");

    const roll = (await new Anonymous(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body;
    expect(roll.items).toHaveLength(5);
    const names = nominees.filter((n) => selected.includes(n.nominationId)).map((n) => n.name.split(" (")[0]);
    expect(roll.items.map((i: { name: string }) => i.name).sort()).toEqual(names.sort());
    for (const i of roll.items)
      expect(i).toMatchObject({ target: "individual", awardForm: "Giấy khen của Chủ tịch UBND xã", decision: "05/QĐ-UBND", signedOn: "2023-12-28" });
  });
});
