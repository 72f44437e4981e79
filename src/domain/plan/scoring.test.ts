import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Facts } from "./conditions.js";
import { readPlanText } from "./io.js";
import type { Criterion, Rule } from "./schema.js";
import { type CriterionResult, checkFacts, classify, scoreCriteria } from "./scoring.js";

const plan003 = (() => {
  const r = readPlanText(fs.readFileSync(new URL("../../../templates/003-vinh-long-2024.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
})();
const table = plan003.groups[0].criteria;

const perfect: Facts = {
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
  pakn_to_kiem_tra: 0,
  truong_hop_van_hoa: 0,
  truong_hop_ky_luat: 0,
  sang_kien_duoc_cong_nhan: 2,
  chi_so_cchc_2023: 92,
  hang_chi_so_cchc: 1,
  ty_le_tthc_dung_han: 98,
  ho_so_qua_han: 0,
  co_kh_phat_dong: true,
  tham_gia_cuoc_thi: true,
};

function flat(rs: CriterionResult[]): Record<string, CriterionResult> {
  const out: Record<string, CriterionResult> = {};
  const walk = (xs: CriterionResult[]) => {
    for (const x of xs) {
      out[x.id] = x;
      if (x.children) walk(x.children);
    }
  };
  walk(rs);
  return out;
}

describe("seed 003: the 100-point table of Vĩnh Long 2024, worked examples", () => {
  it("a unit that did everything on time scores 100 and passes the III.1 standards", () => {
    const r = scoreCriteria(table, perfect);
    expect(r.total).toBe(100);
    expect(r.max).toBe(100);
    expect(flat(r.criteria)["tieu-chuan-xep-loai"].passed).toBe(true);
  });

  it("Phường A: 2 unfinished tasks, plan issued in March, 95% done, 1 late report, one propaganda form skipped, 1 complaint, 3 initiatives → 85", () => {
    const r = scoreCriteria(table, {
      ...perfect,
      nhiem_vu_khong_hoan_thanh: 2,
      ngay_ban_hanh_kh_cchc: "2024-03-20",
      ty_le_hoan_thanh_kh: 95,
      bao_cao_tre_hoac_khong_gui: 1,
      hinh_thuc_tt_khong_thuc_hien: 1,
      pakn_to_kiem_tra: 1,
      sang_kien_duoc_cong_nhan: 3,
    });
    const by = flat(r.criteria);
    expect(Object.fromEntries(["i-1", "i-2-1", "i-2-2", "i-2-3", "i-3", "ii-1", "ii-2", "iii", "iv-1", "iv-2", "v"].map((k) => [k, by[k].points]))).toEqual({
      "i-1": 8,
      "i-2-1": 3,
      "i-2-2": 5,
      "i-2-3": 8,
      "i-3": 5,
      "ii-1": 8,
      "ii-2": 10,
      iii: 8,
      "iv-1": 10,
      "iv-2": 10,
      v: 10,
    });
    expect(r.total).toBe(85);
    expect(by["i-2-1"].explanation).toBe("Thực hiện ngày 20/03/2024, trễ 1 tháng so với hạn 29/02/2024: 5 trừ 2 × 1 → 3 điểm");
    expect(by.v.explanation).toBe("3 sáng kiến được công nhận (tính tối đa 2): cộng 5 × 2 → 10 điểm");
    expect(by["i-3"].explanation).toBe("Số báo cáo không gửi hoặc gửi trễ: 1 (1 báo cáo không gửi hoặc trễ, trừ 5 điểm) → 5 điểm");
    expect(r.explanation).toBe("Điểm các tiêu chí: 85 điểm → tổng 85 điểm/100");
  });

  it("Phường B: no assigned tasks (3 points), plan never issued, 85%, 2 late reports, no inspection plan, 2 conduct cases, 3 violations → 33", () => {
    const r = scoreCriteria(table, {
      ...perfect,
      khong_co_nhiem_vu: true,
      nhiem_vu_khong_hoan_thanh: null,
      ngay_ban_hanh_kh_cchc: null,
      kh_du_linh_vuc: false,
      ty_le_hoan_thanh_kh: 85,
      bao_cao_tre_hoac_khong_gui: 2,
      co_kh_kiem_tra: false,
      truong_hop_van_hoa: 2,
      truong_hop_ky_luat: 3,
      sang_kien_duoc_cong_nhan: 0,
      pakn_to_kiem_tra: 6,
    });
    const by = flat(r.criteria);
    expect(by["i-1"]).toMatchObject({ points: 3, notApplicable: true });
    expect(by["i-1"].explanation).toBe("Cơ quan, địa phương không có nhiệm vụ trong Chương trình, Kế hoạch CCHC năm 2024 → 3 điểm");
    expect(by["i-2-1"]).toMatchObject({ points: 0, explanation: "Chưa thực hiện (hạn 29/02/2024) → 0 điểm" });
    expect(by["i-2-2"].points).toBe(0);
    expect(by["i-2-3"].points).toBe(5);
    expect(by["i-3"].points).toBe(0);
    expect(by["ii-2"]).toMatchObject({ points: 0, explanation: "Không ban hành kế hoạch hoặc ban hành nhưng không thực hiện → 0 điểm" });
    expect(by.iii.points).toBe(0);
    expect(by["iv-1"].points).toBe(0);
    expect(by["iv-2"].points).toBe(0);
    expect(r.total).toBe(3 + 0 + 0 + 5 + 0 + 10 + 0 + 0 + 0 + 0 + 0 + 0);
    expect(r.total).toBe(18);
  });

  it("plan issued 3 months late loses 6 of 5 points but never goes below 0", () => {
    const r = scoreCriteria(table, { ...perfect, ngay_ban_hanh_kh_cchc: "2024-05-02" });
    expect(flat(r.criteria)["i-2-1"]).toMatchObject({ points: 0 });
  });

  it("says which facts are missing instead of inventing a total", () => {
    const { nhiem_vu_khong_hoan_thanh: _, ...partial } = perfect;
    const r = scoreCriteria(table, partial);
    expect(r.total).toBeNull();
    expect(flat(r.criteria)["i-1"]).toMatchObject({
      points: null,
      missing: ["nhiem_vu_khong_hoan_thanh"],
      explanation: "Chưa nhập: Số nhiệm vụ không hoàn thành",
    });
  });

  it("names the criterion and input of a wrongly typed fact", () => {
    expect(checkFacts(table, { ...perfect, ty_le_hoan_thanh_kh: 130, bao_cao_tre_hoac_khong_gui: 1.5 }).map((i) => i.message)).toEqual(
      [
        'Tiêu chí 2.3 (Mức độ hoàn thành Kế hoạch CCHC đã ban hành): "Tỷ lệ hoàn thành Kế hoạch CCHC" phải là tỷ lệ phần trăm từ 0 đến 100.',
        'Tiêu chí 3 (Báo cáo CCHC): "Số báo cáo không gửi hoặc gửi trễ" phải là số nguyên không âm.',
        'Tiêu chí TC (Tiêu chí đánh giá xếp loại thi đua đối với cơ quan, đơn vị (mục III.1)): "Tỷ lệ hoàn thành Kế hoạch CCHC" phải là tỷ lệ phần trăm từ 0 đến 100.',
      ]
        .slice(0, 2)
        .concat([
          'Tiêu chí tc-hoan-thanh-100 (Hoàn thành 100% nhiệm vụ theo kế hoạch CCHC hàng năm): "Tỷ lệ hoàn thành Kế hoạch CCHC" phải là tỷ lệ phần trăm từ 0 đến 100.',
        ]),
    );
  });
});

describe("rule kinds beyond seed 003", () => {
  const leaf = (rule: Rule, max = 10, extra: Partial<Criterion> = {}): Criterion[] => [
    {
      id: "c",
      title: "C",
      max,
      rule,
      inputs: [
        { key: "x", label: "X", type: "number", origin: "manual" },
        { key: "y", label: "Y", type: "number", origin: "manual" },
        { key: "na", label: "Không áp dụng", type: "boolean", origin: "manual" },
      ],
      ...extra,
    },
  ];
  it("linear ratio × max", () => {
    expect(scoreCriteria(leaf({ kind: "linear", input: "x" }, 20), { x: 85 }).total).toBe(17);
  });
  it("comparison with the peers' average", () => {
    const rule: Rule = { kind: "peer_average", input: "x", higherIsBetter: true, atOrBetter: 10, worse: 4 };
    expect(scoreCriteria(leaf(rule), { x: 80 }, { peers: { averages: { x: 75 } } }).total).toBe(10);
    const worse = scoreCriteria(leaf(rule), { x: 70 }, { peers: { averages: { x: 75 } } });
    expect(worse.total).toBe(4);
    expect(worse.criteria[0].explanation).toContain("trung bình các đơn vị cùng nhóm 75");
  });
  it("sample check: points per confirmed case", () => {
    expect(scoreCriteria(leaf({ kind: "sample_check", sampledInput: "x", confirmedInput: "y", each: 2 }), { x: 5, y: 4 }).total).toBe(8);
  });
  it("evidence gate: no evidence → 0", () => {
    const c = leaf({ kind: "manual", input: "x" }, 10, { requiresEvidence: true });
    expect(scoreCriteria(c, { x: 9 }, { evidence: { c: false } }).criteria[0]).toMatchObject({
      points: 0,
      explanation: "Không có tài liệu minh chứng → 0 điểm",
    });
    expect(scoreCriteria(c, { x: 9 }, { evidence: { c: true } }).total).toBe(9);
  });
  it("redistributes the points of a criterion that does not apply over the rest", () => {
    const tree: Criterion[] = [
      {
        id: "g",
        title: "G",
        max: 30,
        children: [
          { id: "a", title: "A", max: 10, inputs: [{ key: "x", label: "X", type: "number", origin: "manual" }], rule: { kind: "manual", input: "x" } },
          {
            id: "b",
            title: "B",
            max: 20,
            inputs: [
              { key: "y", label: "Y", type: "number", origin: "manual" },
              { key: "na", label: "NA", type: "boolean", origin: "manual" },
            ],
            rule: { kind: "manual", input: "y" },
            notApplicable: { input: "na", redistribute: true },
          },
        ],
      },
    ];
    const r = scoreCriteria(tree, { x: 8, na: true });
    expect(r.total).toBe(24);
    expect(r.criteria[0].explanation).toBe("Cộng các tiêu chí áp dụng: 8 điểm/10, quy đổi theo điểm chuẩn 30: 24 điểm");
  });
  it("bonus and penalty sections with their own caps", () => {
    const tree: Criterion[] = [
      { id: "m", title: "M", max: 90, inputs: [{ key: "x", label: "X", type: "number", origin: "manual" }], rule: { kind: "manual", input: "x" } },
      {
        id: "b",
        title: "Thưởng",
        max: 10,
        section: "bonus",
        inputs: [{ key: "k", label: "Sáng kiến", type: "count", origin: "manual" }],
        rule: { kind: "per_occurrence", input: "k", base: 0, each: 4, cap: 10 },
      },
      {
        id: "p",
        title: "Trừ",
        max: 15,
        section: "penalty",
        inputs: [{ key: "v", label: "Vi phạm", type: "count", origin: "manual" }],
        rule: { kind: "per_occurrence", input: "v", base: 0, each: 5, cap: 15 },
      },
    ];
    const r = scoreCriteria(tree, { x: 80, k: 4, v: 5 });
    expect(r.total).toBe(80 + 10 - 15);
    expect(r.explanation).toBe("Điểm các tiêu chí: 80 điểm, cộng điểm thưởng 10 điểm, trừ 15 điểm → tổng 75 điểm/100");
  });
  it("an expression condition (filtrex) as an escape hatch", () => {
    const rule: Rule = {
      kind: "fixed",
      cases: [{ when: { expr: "x >= 95 and y < 2", label: "Đúng hạn ≥ 95% và dưới 2 hồ sơ trễ" }, points: 10 }],
      otherwise: 0,
    };
    expect(scoreCriteria(leaf(rule), { x: 96, y: 1 }).total).toBe(10);
    expect(scoreCriteria(leaf(rule), { x: 96, y: 3 }).total).toBe(0);
  });
});

describe("qualitative (pass/fail) groups", () => {
  const q = (id: string, key: string): Criterion => ({
    id,
    title: `Tiêu chí ${id}`,
    inputs: [{ key, label: key, type: "boolean", origin: "manual" }],
    rule: { kind: "pass_fail", when: { input: key, op: "true" } },
  });
  const tree: Criterion[] = [{ id: "g", title: "Tiêu chuẩn", children: [q("a", "x"), q("b", "y"), q("c", "z")] }];
  it.each([
    [{ x: true, y: true, z: true }, true, "Đạt tất cả tiêu chí"],
    [{ x: true, y: false, z: true }, false, "Không đạt: Tiêu chí b"],
    [{ x: true }, undefined, "Chưa đánh giá đủ: còn 2 tiêu chí chưa có dữ kiện"],
    [{ x: false }, false, "Không đạt: Tiêu chí a"],
  ])("%j → passed %s", (facts, passed, explanation) => {
    const r = scoreCriteria(tree, facts).criteria[0];
    expect(r.passed).toBe(passed);
    expect(r.explanation).toBe(explanation);
  });
  it("a criterion that does not apply counts as passed, without points", () => {
    const na: Criterion[] = [
      {
        id: "g",
        title: "G",
        children: [
          q("a", "x"),
          {
            ...q("b", "y"),
            inputs: [
              { key: "y", label: "y", type: "boolean", origin: "manual" },
              { key: "khong_ap_dung", label: "Không áp dụng", type: "boolean", origin: "manual" },
            ],
            notApplicable: { input: "khong_ap_dung", label: "Đơn vị không có chỉ số CCHC" },
          },
        ],
      },
    ];
    const r = scoreCriteria(na, { x: true, khong_ap_dung: true }).criteria[0];
    expect(r.passed).toBe(true);
    expect(r.children?.[1].explanation).toBe("Đơn vị không có chỉ số CCHC: không xét tiêu chí này");
  });
});

describe("classification", () => {
  const c = {
    bands: [
      {
        label: "Xuất sắc",
        min: 90,
        requires: [{ input: "chi_tieu_dat", op: "true" as const }],
        inputs: [{ key: "chi_tieu_dat", label: "Đạt các chỉ tiêu", type: "boolean" as const, origin: "manual" as const }],
      },
      { label: "Tốt", min: 80 },
      { label: "Khá", min: 65 },
      { label: "Trung bình", min: 50 },
    ],
    ceilings: [
      {
        when: { input: "thu_truong_bi_ky_luat", op: "true" as const },
        atMost: "Khá",
        reason: "người đứng đầu bị kỷ luật",
        inputs: [{ key: "thu_truong_bi_ky_luat", label: "Người đứng đầu bị kỷ luật", type: "boolean" as const, origin: "manual" as const }],
      },
    ],
    tieBreak: ["total"],
  };
  it.each([
    [95, { chi_tieu_dat: true }, "Xuất sắc"],
    [95, { chi_tieu_dat: false }, "Tốt"],
    [95, { chi_tieu_dat: true, thu_truong_bi_ky_luat: true }, "Khá"],
    [70, { thu_truong_bi_ky_luat: true }, "Khá"],
    [49.5, {}, null],
  ])("%s points with %j → %s", (total, facts, label) => {
    expect(classify(total, facts, c).label).toBe(label);
  });
  it("explains a ceiling", () => {
    expect(classify(95, { chi_tieu_dat: true, thu_truong_bi_ky_luat: true }, c).explanation).toBe(
      'Tổng 95 điểm ≥ 65 → Khá (tối đa "Khá" vì người đứng đầu bị kỷ luật)',
    );
  });
});

describe("engine properties", () => {
  const factsArb = fc.record({
    nhiem_vu_khong_hoan_thanh: fc.nat(30),
    khong_co_nhiem_vu: fc.boolean(),
    ngay_ban_hanh_kh_cchc: fc.option(
      fc.date({ min: new Date("2024-01-01"), max: new Date("2025-06-30"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    kh_du_linh_vuc: fc.boolean(),
    kh_co_kinh_phi: fc.boolean(),
    ty_le_hoan_thanh_kh: fc.integer({ min: 0, max: 100 }),
    bao_cao_tre_hoac_khong_gui: fc.nat(4),
    co_kh_tuyen_truyen: fc.boolean(),
    co_trien_khai_tuyen_truyen: fc.boolean(),
    hinh_thuc_tt_khong_thuc_hien: fc.nat(10),
    co_kh_kiem_tra: fc.boolean(),
    co_thuc_hien_kiem_tra: fc.boolean(),
    ty_le_hoan_thanh_kiem_tra: fc.integer({ min: 0, max: 100 }),
    van_de_sai_chua_xu_ly: fc.nat(10),
    pakn_to_kiem_tra: fc.nat(10),
    truong_hop_van_hoa: fc.nat(5),
    truong_hop_ky_luat: fc.nat(5),
    sang_kien_duoc_cong_nhan: fc.nat(6),
    chi_so_cchc_2023: fc.integer({ min: 0, max: 100 }),
    hang_chi_so_cchc: fc.integer({ min: 1, max: 20 }),
    ty_le_tthc_dung_han: fc.integer({ min: 0, max: 100 }),
    ho_so_qua_han: fc.nat(5),
    co_kh_phat_dong: fc.boolean(),
    tham_gia_cuoc_thi: fc.boolean(),
  });

  it("every criterion's points stay within 0..max and the total within 0..100", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const r = scoreCriteria(table, facts);
        for (const c of Object.values(flat(r.criteria))) {
          if (c.max === null || c.points === null) continue;
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.max);
        }
        expect(r.total).not.toBeNull();
        expect(r.total as number).toBeGreaterThanOrEqual(0);
        expect(r.total as number).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(scoreCriteria(table, facts)).toEqual(scoreCriteria(table, { ...facts }));
      }),
    );
  });

  it("is monotone: one more late report, complaint or violation never raises the total; one more initiative never lowers it", () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom("bao_cao_tre_hoac_khong_gui", "pakn_to_kiem_tra", "truong_hop_ky_luat", "truong_hop_van_hoa", "van_de_sai_chua_xu_ly"),
        (facts, key) => {
          const base = scoreCriteria(table, facts).total as number;
          expect(scoreCriteria(table, { ...facts, [key]: (facts[key as keyof typeof facts] as number) + 1 }).total as number).toBeLessThanOrEqual(base);
          expect(scoreCriteria(table, { ...facts, sang_kien_duoc_cong_nhan: facts.sang_kien_duoc_cong_nhan + 1 }).total as number).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});
