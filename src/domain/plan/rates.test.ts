// New rule kinds of issue 15 part A: rate of two counts (linear and bands), rescaled sections, "unless" exceptions,
// and seed 003's individual standards (III.2). Table-driven cases computed by hand, then properties.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlanText } from "./io.js";
import type { Criterion, InputDef, Plan } from "./schema.js";
import { applyRule, scoreCriteria } from "./scoring.js";
import { validatePlan } from "./validate.js";

const defs: Record<string, InputDef> = {
  done: { key: "done", label: "Số hồ sơ giải quyết đúng hạn", type: "count", origin: "manual" },
  total: { key: "total", label: "Số hồ sơ tiếp nhận", type: "count", origin: "manual" },
};
const inputs = Object.values(defs);

describe("rate of two counts", () => {
  it.each([
    // done, total, whenNone, max, points, words in the explanation
    [45, 50, 100, 10, 9, "Số hồ sơ giải quyết đúng hạn 45 trên số hồ sơ tiếp nhận 50 → tỷ lệ 90%"],
    [50, 50, 100, 10, 10, "tỷ lệ 100%"],
    [60, 50, 100, 10, 10, "(tính tối đa 100%)"],
    [0, 0, 100, 10, 10, "không có trường hợp nào thuộc phạm vi, tỷ lệ tính là 100%"],
    [0, 0, 0, 10, 0, "tỷ lệ tính là 0%"],
    [1, 3, 100, 6, 2, "tỷ lệ 33,33%"],
  ])("linear: %i of %i (none → %i%%), max %i → %f", (done, total, whenNone, max, points, words) => {
    const out = applyRule({ kind: "linear", input: "done", per: "total", whenNone }, { done, total }, defs, undefined, max);
    expect(out.points).toBe(points);
    expect(out.explanation).toContain(words);
    expect(out.missing).toEqual([]);
  });

  it.each([
    [19, 20, 5, "tỷ lệ 95%"],
    [17, 20, 3, "tỷ lệ 85%"],
    [10, 20, 0, "tỷ lệ 50%"],
    [0, 0, 5, "tỷ lệ tính là 100%"],
  ])("bands: %i of %i → %i points", (done, total, points, words) => {
    const rule = {
      kind: "bands" as const,
      input: "done",
      per: "total",
      whenNone: 100,
      bands: [
        { min: 95, minInclusive: true, maxInclusive: true, points: 5 },
        { min: 80, max: 95, minInclusive: true, maxInclusive: false, points: 3 },
        { max: 80, minInclusive: true, maxInclusive: false, points: 0 },
      ],
    };
    const out = applyRule(rule, { done, total }, defs);
    expect(out.points).toBe(points);
    expect(out.explanation).toContain(words);
    expect(out.explanation).toContain(`${done}`);
  });

  it("waits for both counts", () => {
    const out = applyRule({ kind: "linear", input: "done", per: "total", whenNone: 100 }, { done: 3 }, defs, undefined, 10);
    expect(out.missing).toEqual(["total"]);
    expect(out.explanation).toContain("Số hồ sơ tiếp nhận");
  });

  it("property: points are the capped rate times the max, and both counts are told", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 50 }), (done, total, max) => {
        const out = applyRule({ kind: "linear", input: "done", per: "total", whenNone: 100 }, { done, total }, defs, undefined, max);
        const rate = total === 0 ? 1 : Math.min(1, done / total);
        expect(out.points).toBeCloseTo(rate * max, 1);
        expect(out.points).toBeGreaterThanOrEqual(0);
        expect(out.points).toBeLessThanOrEqual(max);
        expect(out.explanation).toContain(`trên số hồ sơ tiếp nhận ${total.toLocaleString("vi-VN")}`);
      }),
    );
  });

  it("property: bands over a rate never pay more for fewer cases done", () => {
    const rule = {
      kind: "bands" as const,
      input: "done",
      per: "total",
      whenNone: 0,
      bands: [
        { min: 90, minInclusive: true, maxInclusive: true, points: 4 },
        { min: 50, max: 90, minInclusive: true, maxInclusive: false, points: 2 },
        { max: 50, minInclusive: true, maxInclusive: false, points: 0 },
      ],
    };
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 200 }), (a, b, total) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(applyRule(rule, { done: lo, total }, defs).points).toBeLessThanOrEqual(applyRule(rule, { done: hi, total }, defs).points);
      }),
    );
  });
});

const section = (rescale: boolean): Criterion => ({
  id: "khoi",
  title: "Khối chấm theo thang 60",
  max: 20,
  rescale,
  children: [
    { id: "a", title: "Tiêu chí A", max: 40, inputs: [{ key: "a", label: "Điểm A", type: "number", origin: "manual" }], rule: { kind: "manual", input: "a" } },
    { id: "b", title: "Tiêu chí B", max: 20, inputs: [{ key: "b", label: "Điểm B", type: "number", origin: "manual" }], rule: { kind: "manual", input: "b" } },
  ],
});

describe("rescaled section", () => {
  it.each([
    [30, 12, 14],
    [40, 20, 20],
    [0, 0, 0],
    [10, 5, 5],
  ])("A %i + B %i on a 60 scale → %f of 20", (a, b, points) => {
    const r = scoreCriteria([section(true)], { a, b });
    expect(r.criteria[0].points).toBe(points);
    expect(r.total).toBe(points);
    expect(r.max).toBe(20);
    expect(r.criteria[0].explanation).toContain(`${a + b} điểm/60`);
    expect(r.criteria[0].explanation).toContain("quy đổi về điểm chuẩn 20");
  });

  it("property: the converted points are the own-scale sum × max ÷ scale, within 0..max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 }), (a, b) => {
        const p = scoreCriteria([section(true)], { a, b }).criteria[0].points ?? -1;
        expect(p).toBeCloseTo(((a + b) * 20) / 60, 1);
        expect(p).toBeLessThanOrEqual(20);
      }),
    );
  });

  it("validation accepts children that add up to another scale only when rescaled, and asks for a max", () => {
    const plan = (c: Criterion) =>
      ({
        groups: [{ id: "g", name: "G", type: "collective", membership: {}, criteria: [c] }],
        milestones: [],
        awardForms: [],
        targets: [],
        eligibility: [],
        period: { to: "2025-12-31" },
        classification: { bands: [], ceilings: [], tieBreak: ["total"] },
      }) as unknown as Plan;
    expect(validatePlan(plan(section(false))).map((i) => i.message)).toEqual([expect.stringContaining("điểm chuẩn 20 nhưng các tiêu chí con cộng lại 60")]);
    expect(validatePlan(plan(section(true)))).toEqual([]);
    expect(validatePlan(plan({ ...section(true), max: undefined })).map((i) => i.message)).toEqual([
      expect.stringContaining('Tiêu chí "Khối chấm theo thang 60": quy đổi thang điểm cần điểm chuẩn'),
    ]);
  });
});

describe("rate validation", () => {
  const plan = (rule: Criterion["rule"], ins: InputDef[] = inputs) =>
    ({
      groups: [
        { id: "g", name: "G", type: "collective", membership: {}, criteria: [{ id: "c", code: "1", title: "Giải quyết hồ sơ", max: 10, inputs: ins, rule }] },
      ],
      milestones: [],
      awardForms: [],
      targets: [],
      eligibility: [],
      period: { to: "2025-12-31" },
      classification: { bands: [], ceilings: [], tieBreak: ["total"] },
    }) as unknown as Plan;
  it.each([
    [{ kind: "linear", input: "done", per: "total" }, 'Tiêu chí "1. Giải quyết hồ sơ": chưa quy định tỷ lệ tính khi mẫu số (Số hồ sơ tiếp nhận) bằng 0'],
    [{ kind: "linear", input: "done", per: "done", whenNone: 100 }, "tử số và mẫu số là hai dữ kiện khác nhau"],
    [{ kind: "linear", input: "done", whenNone: 100 }, "chưa chọn dữ kiện mẫu số"],
    [{ kind: "linear", input: "done", per: "khac", whenNone: 100 }, 'quy tắc dùng dữ kiện "khac"'],
  ])("%j is refused", (rule, words) => {
    expect(
      validatePlan(plan(rule as Criterion["rule"]))
        .map((i) => i.message)
        .join("\n"),
    ).toContain(words);
  });
  it("a percent input is not a count", () => {
    const ins: InputDef[] = [{ ...defs.done, type: "percent" }, defs.total];
    expect(validatePlan(plan({ kind: "linear", input: "done", per: "total", whenNone: 100 }, ins))[0].message).toContain("không phải kiểu số");
  });
  it("a sound rate passes", () => expect(validatePlan(plan({ kind: "linear", input: "done", per: "total", whenNone: 100 }))).toEqual([]));
});

describe("unless: an exception inside a requirement", () => {
  const rule = {
    kind: "pass_fail" as const,
    when: { input: "rate", op: "gte" as const, value: 100 },
    unless: { input: "subjective", op: "false" as const },
    unlessLabel: "chưa đạt vì lý do khách quan",
  };
  const d: Record<string, InputDef> = {
    rate: { key: "rate", label: "Tỷ lệ giải ngân", type: "percent", origin: "manual" },
    subjective: { key: "subjective", label: "Chưa đạt vì lý do chủ quan", type: "boolean", origin: "manual" },
  };
  it.each([
    [{ rate: 100 }, true, "Đạt: Tỷ lệ giải ngân: 100%"],
    [{ rate: 80, subjective: false }, true, "thuộc trường hợp ngoại lệ (chưa đạt vì lý do khách quan)"],
    [{ rate: 80, subjective: true }, false, "không thuộc trường hợp ngoại lệ (chưa đạt vì lý do khách quan: Chưa đạt vì lý do chủ quan: có)"],
    [{ rate: 80 }, undefined, "chưa nhập: Chưa đạt vì lý do chủ quan"],
  ])("%j → passed %s", (facts, passed, words) => {
    const out = applyRule(rule, facts, d);
    expect(out.passed).toBe(passed);
    expect(out.explanation).toContain(words);
  });
  it("property: passes exactly when the requirement or the exception holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.boolean(), (rate, subjective) => {
        expect(applyRule(rule, { rate, subjective }, d).passed).toBe(rate >= 100 || !subjective);
      }),
    );
  });
});

const load = (file: string) => {
  const r = readPlanText(fs.readFileSync(new URL(`../../../templates/${file}`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

describe("seed 004: the disbursement criterion honours the objective-reason exception", () => {
  const plan = load("004-ninh-thuan-2025.yaml");
  const find = (cs: Criterion[], id: string): Criterion | undefined => {
    for (const c of cs) {
      if (c.id === id) return c;
      const k = find(c.children ?? [], id);
      if (k) return k;
    }
  };
  const criterion = plan.groups.map((g) => find(g.criteria, "sn-giai-ngan")).find(Boolean) as Criterion;
  it("below 100% for objective reasons still passes; for subjective reasons fails", () => {
    const ok = scoreCriteria([criterion], { khong_duoc_giao_von_dtc: false, ty_le_giai_ngan_von_dtc: 92, giai_ngan_cham_do_chu_quan: false });
    expect(ok.criteria[0].passed).toBe(true);
    const ko = scoreCriteria([criterion], { khong_duoc_giao_von_dtc: false, ty_le_giai_ngan_von_dtc: 92, giai_ngan_cham_do_chu_quan: true });
    expect(ko.criteria[0].passed).toBe(false);
  });
});

describe("seed 003: individual standards (III.2) are checked", () => {
  const plan = load("003-vinh-long-2024.yaml");
  const group = plan.groups.find((g) => g.type === "individual");
  const standards = group?.criteria ?? [];
  const good = { tich_cuc_cchc: true, sang_kien_ca_nhan: 1, hoan_thanh_xuat_sac_nv: true, ty_le_diem_linh_vuc: 85, ty_le_diem_linh_vuc_nam_truoc: 91 };
  it("an individual meeting every standard passes (90% reached the year before counts)", () => {
    expect(scoreCriteria(standards, good, { isHead: false }).criteria[0].passed).toBe(true);
  });
  it.each([
    [{ sang_kien_ca_nhan: 0 }, "Có sáng kiến CCHC"],
    [{ hoan_thanh_xuat_sac_nv: false }, "Hoàn thành xuất sắc nhiệm vụ"],
    [{ ty_le_diem_linh_vuc: 80, ty_le_diem_linh_vuc_nam_truoc: 89 }, "Lĩnh vực CCHC"],
  ])("%j fails and says which standard", (change, words) => {
    const r = scoreCriteria(standards, { ...good, ...change }, { isHead: false }).criteria[0];
    expect(r.passed).toBe(false);
    expect(r.explanation).toContain(words);
  });
  it("an award needs the standards: an eligibility rule requires them for the individual group", () => {
    const rule = plan.eligibility.find((e) => e.check.type === "criterion_passed" && e.check.criterion === standards[0].id);
    expect(rule?.kind).toBe("required");
    expect(rule?.groups).toEqual([group?.id]);
  });
});
