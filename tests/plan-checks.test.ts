// Issue 15 part C through the HTTP API: a bad expression is refused (save, check, launch) naming the criterion and the
// expression; "try it" classifies; a plan for 2026 is made from the 2024 seed template and from last year's plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

type Json = any;

function exprCriterion(criteria: Json[]): Json {
  for (const c of criteria) {
    if (c.rule?.kind === "pass_fail" && c.rule.when?.expr) return c;
    const inner = c.children && exprCriterion(c.children);
    if (inner) return inner;
  }
  return null;
}

describe("an expression that cannot be evaluated is never silent", () => {
  let plan: Json;
  let broken: Json;
  let where: string;

  it("saving a draft refuses a misspelt fact, naming the criterion and the expression", async () => {
    plan = (await office.post("/api/plans", { issuerUnitId: city, template: "004-ninh-thuan-2025.yaml" })).body;
    broken = structuredClone(plan.data);
    const c = exprCriterion(broken.groups[0].criteria);
    where = `Tiêu chí "${c.code ? `${c.code}. ` : ""}${c.title}"`;
    c.rule.when.expr = "diem_par_index > diem_par_index_nam_truco";
    const res = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data: broken });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("PLAN_EXPRESSION");
    expect(res.body.message).toContain(where);
    expect(res.body.message).toContain('biểu thức "diem_par_index > diem_par_index_nam_truco" dùng dữ kiện "diem_par_index_nam_truco" chưa được khai báo');
    const kept = await office.get(`/api/plans/${plan.id}`);
    expect(kept.body.version).toBe(plan.version);
  });

  it("a syntax error is refused on save and reported by the check instead of passing", async () => {
    const c = exprCriterion(broken.groups[0].criteria);
    c.rule.when.expr = "diem_par_index > ";
    const saved = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data: broken });
    expect(saved.status).toBe(400);
    expect(saved.body.message).toBe(`${where}: biểu thức "diem_par_index > " viết sai cú pháp, hãy kiểm tra dấu ngoặc, toán tử và tên hàm.`);
    const checked = await office.post("/api/plans/check", { data: broken });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.issues.map((i: Json) => i.message)).toContain(saved.body.message);
    // "Try it" on the unsaved data answers (the criterion fails with the reason), never 500.
    const tried = await office.post(`/api/plans/${plan.id}/try`, { groupId: broken.groups[0].id, facts: {}, data: broken });
    expect(tried.status).toBe(200);
  });

  it("a type mismatch is refused too", async () => {
    const c = exprCriterion(broken.groups[0].criteria);
    c.rule.when.expr = "diem_par_index and diem_par_index_nam_truoc";
    const saved = await office.request("PUT", `/api/plans/${plan.id}`, { version: plan.version, data: broken });
    expect(saved.status).toBe(400);
    expect(saved.body.message).toContain("sai kiểu giá trị: cần một giá trị đúng/sai");
  });

  it("launch refuses a plan imported with a bad expression", async () => {
    const imported = await office.post("/api/plans", { issuerUnitId: city, data: broken });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.issues.some((i: Json) => i.message.startsWith(where))).toBe(true);
    const launch = await office.post(`/api/plans/${imported.body.id}/launch`, { version: imported.body.version });
    expect(launch.status).toBe(400);
    expect(launch.body.code).toBe("PLAN_INVALID");
    expect(launch.body.message).toContain("diem_par_index and diem_par_index_nam_truoc");
  });
});

describe("try it classifies, ceilings included", () => {
  it("returns the classification band, lowered by a ceiling whose fact is typed", async () => {
    const plan = (await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml" })).body;
    const data = structuredClone(plan.data);
    data.classification = {
      bands: [
        { label: "Xuất sắc", min: 90 },
        { label: "Tốt", min: 70 },
      ],
      ceilings: [
        {
          when: { input: "bi_phe_binh", op: "true" },
          atMost: "Tốt",
          reason: "bị phê bình",
          inputs: [{ key: "bi_phe_binh", label: "Bị phê bình", type: "boolean" }],
        },
      ],
      tieBreak: ["total"],
    };
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
    const top = await office.post(`/api/plans/${plan.id}/try`, { groupId: "tap-the", facts: { ...facts, bi_phe_binh: false }, data });
    expect(top.status).toBe(200);
    expect(top.body.total).toBe(96);
    expect(top.body.classification.label).toBe("Xuất sắc");
    const capped = await office.post(`/api/plans/${plan.id}/try`, { groupId: "tap-the", facts: { ...facts, bi_phe_binh: true }, data });
    expect(capped.body.classification.label).toBe("Tốt");
    expect(capped.body.classification.explanation).toContain('tối đa "Tốt" vì bị phê bình');
  });
});

describe("next year's plan from this year's", () => {
  it("a plan for 2026 from the 2024 seed template has 2026 dates and titles, legal bases listed for review", async () => {
    const res = await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml", year: 2026 });
    expect(res.status).toBe(201);
    const d = res.body.data;
    expect(res.body.year).toBe(2026);
    expect(res.body.title).toBe("Phát động phong trào thi đua thực hiện cải cách hành chính năm 2026");
    expect(d.period).toEqual({ from: "2026-03-14", to: "2026-12-31" });
    expect(d.milestones.find((m: Json) => m.id === "kh-cchc").due).toBe("2026-02-28");
    expect(JSON.stringify(d)).not.toMatch(/"2024-\d\d-\d\d"/);
    expect(res.body.predecessorPlanId).toBeNull();
  });

  it("a plan for next year from last year's plan links to it and lists the legal bases to review; the year is required", async () => {
    const last = (await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml" })).body;
    const noYear = await office.post("/api/plans", { issuerUnitId: city, previousPlanId: last.id });
    expect(noYear.status).toBe(400);
    expect(noYear.body.code).toBe("PLAN_YEAR");
    const next = await office.post("/api/plans", { issuerUnitId: city, previousPlanId: last.id, year: 2025 });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ year: 2025, predecessorPlanId: last.id, title: "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2025" });
    expect(next.body.data.milestones.find((m: Json) => m.id === "kh-cchc").due).toBe("2025-02-28");
    expect(next.body.legalBasesToReview).toEqual(last.data.legalBases.map((b: Json) => b.text));
    expect(next.body.legalBasesToReview.length).toBeGreaterThan(0);
    // The seed's quarter I report is due before the plan is issued: a warning, not a refusal.
    expect(last.warnings.map((w: Json) => w.path)).toContain("milestones.bc-quy-1");
    expect(last.issues).toEqual([]);
  });
});
