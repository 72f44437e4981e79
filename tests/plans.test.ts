import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "./support/files.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let city: number;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as("noivu.vinhlong");
  city = await t.unitId("VL-TPVL");
});
afterAll(() => t.close());

const facts = {
  khong_co_nhiem_vu: false,
  nhiem_vu_khong_hoan_thanh: 0,
  ngay_ban_hanh_kh_cchc: "2024-02-05",
  kh_du_linh_vuc: true,
  kh_co_kinh_phi: true,
  ty_le_hoan_thanh_kh: 100,
  bao_cao_tre_hoac_khong_gui: 0,
  co_kh_tuyen_truyen: true,
  co_trien_khai_tuyen_truyen: true,
  hinh_thuc_tt_khong_thuc_hien: 0,
  co_kh_kiem_tra: true,
  co_thuc_hien_kiem_tra: true,
  ty_le_hoan_thanh_kiem_tra: 100,
  van_de_sai_chua_xu_ly: 0,
  pakn_to_kiem_tra: 2,
  truong_hop_van_hoa: 0,
  truong_hop_ky_luat: 0,
  sang_kien_duoc_cong_nhan: 2,
};

function findCriterion(criteria: any[], id: string): any {
  for (const c of criteria) {
    if (c.id === id) return c;
    const inner = c.children && findCriterion(c.children, id);
    if (inner) return inner;
  }
  return null;
}

describe("a plan from seed 003's template, edited, tried, launched and amended", () => {
  let plan: any;

  it("lists the templates and creates a draft from one", async () => {
    const templates = (await office.get("/api/plan-templates")).body.items;
    expect(templates.map((x: { file: string }) => x.file)).toContain("003-vinh-long-2024.yaml");
    const res = await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "draft", statusLabel: "Dự thảo", issuerName: "Thành phố Vĩnh Long", issues: [] });
    plan = res.body;
  });

  it("tries facts and gets points with explanations", async () => {
    const res = await office.post(`/api/plans/${plan.id}/try`, { groupId: "tap-the", facts });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(96);
    expect(findCriterion(res.body.criteria, "iii").explanation).toBe("2 PAKN: 10 trừ 2 × 2 → 6 điểm");
    const bad = await office.post(`/api/plans/${plan.id}/try`, { groupId: "tap-the", facts: { ...facts, ty_le_hoan_thanh_kh: 120 } });
    expect(bad.body.factIssues[0].message).toContain('"Tỷ lệ hoàn thành Kế hoạch CCHC" phải là tỷ lệ phần trăm từ 0 đến 100');
  });

  it("saves a changed deduction; the new rule scores differently", async () => {
    const data = structuredClone(plan.data);
    findCriterion(data.groups[0].criteria, "iii").rule.each = -3;
    const saved = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(plan.version + 1);
    const tried = await office.post(`/api/plans/${plan.id}/try`, { groupId: "tap-the", facts });
    expect(findCriterion(tried.body.criteria, "iii").points).toBe(4);
    const stale = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data });
    expect(stale.status).toBe(409);
    plan = saved.body;
  });

  it("keeps a draft with issues but refuses to launch it, listing the issues", async () => {
    const data = structuredClone(plan.data);
    findCriterion(data.groups[0].criteria, "i-1").max = 12;
    const saved = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data });
    expect(saved.status).toBe(200);
    expect(saved.body.issues.map((i: { message: string }) => i.message)).toContain(
      'Tiêu chí "I. Chương trình, Kế hoạch cải cách hành chính 2024": điểm chuẩn 40 nhưng các tiêu chí con cộng lại 42.',
    );
    const launch = await office.post(`/api/plans/${plan.id}/launch`, { version: saved.body.version });
    expect(launch.status).toBe(400);
    expect(launch.body.code).toBe("PLAN_INVALID");
    findCriterion(data.groups[0].criteria, "i-1").max = 10;
    plan = (await office.request("PUT", `/api/plans/${plan.id}`, { version: saved.body.version, data })).body;
    expect(plan.issues).toEqual([]);
  });

  it("refuses malformed plan data with a message naming the field", async () => {
    const res = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data: { ...plan.data, year: "hai nghìn" } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("year");
  });

  it("launches; the rules are then frozen; an amendment makes a new revision with a readable diff in the audit log", async () => {
    const launched = await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version });
    expect(launched.status).toBe(200);
    expect(launched.body.status).toBe("launched");
    const data = structuredClone(launched.body.data);
    findCriterion(data.groups[0].criteria, "iii").rule.each = -2;
    const frozen = await office.request("PUT", `/api/plans/${plan.id}`, { version: launched.body.version, data });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe("PLAN_FROZEN");
    const noNote = await office.post(`/api/plans/${plan.id}/amend`, { version: launched.body.version, data, note: " " });
    expect(noNote.status).toBe(400);
    const amended = await office.post(`/api/plans/${plan.id}/amend`, {
      version: launched.body.version,
      data,
      note: "Trở lại mức trừ 2 điểm theo kế hoạch gốc",
    });
    expect(amended.status).toBe(200);
    expect(amended.body.revision).toBe(2);
    const revisions = (await office.get(`/api/plans/${plan.id}/revisions`)).body.items;
    expect(revisions[0]).toMatchObject({ revision: 2, note: "Trở lại mức trừ 2 điểm theo kế hoạch gốc", createdBy: "Lê Thị Ngọc Lan" });
    expect(revisions[0].changes).toEqual([
      '"Tập thể (phòng ban chuyên môn, cơ quan ngành dọc, UBND các phường)" → "III. Tiếp nhận, xử lý các phản ánh, kiến nghị (PAKN) của Tổ kiểm tra công vụ" → quy tắc chấm → điểm mỗi lần: -3 → -2',
    ]);
    const admin = await t.as("admin");
    const audit = (await admin.get(`/api/audit?entity=plan&entityId=${plan.id}&action=plan.amend`)).body.items[0];
    expect(audit.after.changes).toEqual(revisions[0].changes);
    plan = amended.body;
  });

  it("exports as YAML and JSON that import back to the same plan", async () => {
    const yaml = await office.get(`/api/plans/${plan.id}/export?format=yaml`);
    expect(String(yaml.headers["content-disposition"])).toContain("vinh-long-2024.yaml");
    const imported = await office.post("/api/plans/import", { issuerUnitId: city, text: yaml.raw.toString("utf8") });
    expect(imported.status).toBe(201);
    expect({ ...imported.body.data, code: plan.data.code }).toEqual(plan.data);
    const broken = await office.post("/api/plans/import", { issuerUnitId: city, text: "code: x\ngroups: []\n" });
    expect(broken.status).toBe(400);
    expect(broken.body.details.length).toBeGreaterThan(0);
    const notYaml = await office.post("/api/plans/import", { issuerUnitId: city, text: "a: [b\n" });
    expect(notYaml.body.message).toContain("Tệp không đúng định dạng YAML/JSON");
    // A half-finished plan comes in as a draft with its issues listed.
    const half = structuredClone(plan.data);
    half.code = "nua-chung";
    findCriterion(half.groups[0].criteria, "i-1").max = 12;
    const draft = await office.post("/api/plans/import", { issuerUnitId: city, text: JSON.stringify(half) });
    expect(draft.status).toBe(201);
    expect(draft.body.issues.length).toBe(1);
    expect(draft.body).toMatchObject({ canEdit: true, canAmend: false });
    const checked = await office.post("/api/plans/check", { data: { ...half, groups: [{ ...half.groups[0], criteria: [{ id: "x", title: "" }] }] } });
    expect(checked.body.ok).toBe(false);
    expect(checked.body.issues[0].message).toContain('"Tập thể (phòng ban chuyên môn, cơ quan ngành dọc, UBND các phường)"');
    expect((await office.delete(`/api/plans/${draft.body.id}?version=${draft.body.version}`)).status).toBe(204);
    expect((await office.get(`/api/plans/${draft.body.id}`)).status).toBe(404);
    expect((await office.delete(`/api/plans/${plan.id}?version=${plan.version}`)).body.code).toBe("NOT_DRAFT");
  });
});

describe("plan documents", () => {
  it("downloads the plan as a Decree 30 Word file and the registration sheet as Excel and Word", async () => {
    const plan = (await office.get("/api/plans")).body.items.find((p: { code: string }) => p.code === "vinh-long-2024");
    const docx = await office.get(`/api/plans/${plan.id}/document`);
    expect(docx.status).toBe(200);
    expect(String(docx.headers["content-type"])).toContain("wordprocessingml");
    const xml = await (await JSZip.loadAsync(docx.raw)).file("word/document.xml")?.async("string");
    expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(xml).toContain("Số: 20/KH-UBND");
    const sheet = await office.get(`/api/plans/${plan.id}/scoring-sheet?group=tap-the&format=xlsx`);
    const rows = await readXlsx(sheet.raw);
    expect(rows.some((r) => r.includes("ĐIỂM ĐĂNG KÝ"))).toBe(true);
    expect(rows.some((r) => r.includes("Ban hành Kế hoạch") && r.includes("5"))).toBe(true);
    expect((await office.get(`/api/plans/${plan.id}/scoring-sheet?group=tap-the&format=docx`)).status).toBe(200);
    const qualitative = await office.get(`/api/plans/${plan.id}/scoring-sheet?group=ca-nhan`);
    expect(qualitative.status).toBe(400);
    expect(qualitative.body.message).toContain("không có bảng điểm");
  });
});

describe("cascade", () => {
  it("a ward's plan is made from the city's plan; the city office sees who has issued theirs and who is late", async () => {
    const parent = (await office.get("/api/plans")).body.items.find(
      (p: { status: string; code: string }) => p.status === "launched" && p.code === "vinh-long-2024",
    );
    const data = (await office.get(`/api/plans/${parent.id}`)).body.data;
    data.milestones.push({ id: "kh-cap-duoi", kind: "subordinate_plans", label: "Đơn vị gửi kế hoạch phát động của mình", due: "2024-04-15" });
    const amended = await office.post(`/api/plans/${parent.id}/amend`, { version: parent.version + 0, data, note: "Thêm hạn gửi kế hoạch cấp dưới" });
    const parentVersion = amended.status === 200 ? amended.body.version : (await office.get(`/api/plans/${parent.id}`)).body.version;
    expect(parentVersion).toBeGreaterThan(0);
    const ward1 = await t.unitId("VL-TPVL-P1");
    const child = await office.post("/api/plans", { issuerUnitId: ward1, parentPlanId: parent.id });
    expect(child.status).toBe(201);
    expect(child.body.parentPlanId).toBe(parent.id);
    expect(child.body.data.issuer).toMatchObject({ name: "PHƯỜNG 1", unitCode: "VL-TPVL-P1", parent: "THÀNH PHỐ VĨNH LONG" });
    expect(child.body.data.groups[0].criteria.length).toBe(data.groups[0].criteria.length);
    await office.post(`/api/plans/${child.body.id}/launch`, { version: child.body.version });
    const status = (await office.get(`/api/plans/${parent.id}/cascade`)).body;
    expect(status.due).toBe("2024-04-15");
    const p1 = status.items.find((i: { unitCode: string }) => i.unitCode === "VL-TPVL-P1");
    expect(p1).toMatchObject({ planId: child.body.id, state: "late" });
    const p2 = status.items.find((i: { unitCode: string }) => i.unitCode === "VL-TPVL-P2");
    expect(p2).toMatchObject({ planId: null, state: "overdue" });
    expect(status.items.some((i: { unitCode: string }) => i.unitCode === "VL-TPVL-PNV")).toBe(true);
    expect(status.issued).toBe(1);
    const outside = await office.post("/api/plans", { issuerUnitId: await t.unitId("QN-MC"), parentPlanId: parent.id });
    expect(outside.status).toBe(404);
  });
});

describe("who may do what with plans", () => {
  it("a ward's focal person reads the city's plan but cannot create, edit or launch plans", async () => {
    const focal = await t.as("daumoi.phuong1");
    const list = (await focal.get("/api/plans")).body.items;
    expect(list.some((p: { code: string }) => p.code === "vinh-long-2024")).toBe(true);
    const target = list.find((p: { code: string }) => p.code === "vinh-long-2024");
    expect((await focal.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL-P1"), template: "003-vinh-long-2024.yaml" })).status).toBe(403);
    const draft = (await office.post("/api/plans", { issuerUnitId: city })).body;
    expect((await focal.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data: draft.data })).status).toBe(403);
    expect((await focal.post(`/api/plans/${draft.id}/launch`, { version: draft.version })).status).toBe(403);
    expect((await focal.post(`/api/plans/${target.id}/amend`, { version: target.version, data: {}, note: "x" })).status).toBe(403);
  });

  it("sends with each plan what the caller may do with it, decided by the server's access policy", async () => {
    const draft = (await office.post("/api/plans", { issuerUnitId: city })).body;
    expect(draft.can).toEqual({ edit: true, amend: false, manageMovement: true });
    const focal = await t.as("daumoi.phuong1");
    expect((await focal.get(`/api/plans/${draft.id}`)).body.can).toEqual({ edit: false, amend: false, manageMovement: false });
    const admin = await t.as("admin");
    expect((await admin.get(`/api/plans/${draft.id}`)).body.can).toMatchObject({ manageMovement: true });
  });

  it("another city's office neither sees nor edits Vĩnh Long's plans", async () => {
    const mongcai = await t.as("noivu.mongcai");
    const list = (await mongcai.get("/api/plans")).body.items;
    expect(list.some((p: { issuerName: string }) => p.issuerName === "Thành phố Vĩnh Long")).toBe(false);
    const draft = (await office.post("/api/plans", { issuerUnitId: city })).body;
    // Another city's plan does not exist for it: 404, as for a plan that was never made.
    expect((await mongcai.get(`/api/plans/${draft.id}`)).body).toEqual({ code: "NOT_FOUND", message: `Không tìm thấy kế hoạch có mã số ${draft.id}.` });
    expect((await mongcai.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data: draft.data })).status).toBe(404);
  });
});
