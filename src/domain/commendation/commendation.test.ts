import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlanText } from "../plan/io.js";
import { tally } from "./ballot.js";
import { evaluateEligibility, type NomineeFacts } from "./eligibility.js";
import { quotaLimit, suggest } from "./quota.js";

const load = (file: string) => {
  const r = readPlanText(fs.readFileSync(new URL(`../../../templates/${file}`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};
const plan003 = load("003-vinh-long-2024.yaml");
const plan004 = load("004-ninh-thuan-2025.yaml");

const ward: NomineeFacts = {
  target: "collective",
  groupId: "tap-the",
  registered: true,
  assessmentSubmitted: true,
  dossierOnTime: true,
  dossierComplete: true,
  total: 92,
  rank: 1,
  classification: null,
  targets: {},
  criteria: { "tieu-chuan-xep-loai": true },
  facts: { sang_kien_duoc_cong_nhan: 3 },
};

describe("eligibility (seed 003)", () => {
  it("a registered unit with an on-time, complete dossier and all standards met is eligible, with priority for ≥ 3 initiatives", () => {
    const v = evaluateEligibility(plan003, "giay-khen-tp", ward);
    expect(v.eligible).toBe(true);
    expect(v.priority).toBe(true);
    expect(v.summary).toBe("Đủ điều kiện (thuộc diện ưu tiên)");
  });
  it.each([
    [{ registered: false }, "Chỉ xét khen thưởng đối với cơ quan, địa phương có đăng ký thi đua: không đăng ký thi đua"],
    [{ dossierOnTime: false }, "Hồ sơ gửi trễ thời gian quy định không được xem xét: hồ sơ nộp trễ hạn"],
    [{ dossierComplete: false }, "Hồ sơ không đầy đủ không được xem xét: hồ sơ chưa đầy đủ"],
    [{ criteria: { "tieu-chuan-xep-loai": false } }, "Đạt đầy đủ các tiêu chuẩn xếp loại tại mục III.1: không đạt tiêu chí"],
    [{ underDiscipline: true }, "Chưa xét khen thưởng vì đang bị xem xét kỷ luật (Điều 4 Nghị định 98/2023/NĐ-CP)"],
  ])("%j → not eligible, saying why", (change, reason) => {
    const v = evaluateEligibility(plan003, "giay-khen-tp", { ...ward, ...change });
    expect(v.eligible).toBe(false);
    expect(v.summary).toContain(reason);
  });
  it("an unknown dossier state leaves the verdict open rather than guessing", () => {
    const v = evaluateEligibility(plan003, "giay-khen-tp", { ...ward, dossierOnTime: null });
    expect(v.eligible).toBeNull();
    expect(v.summary).toMatch(/^Chưa đủ thông tin để kết luận/);
  });
});

describe("exclusions (seed 004)", () => {
  const dept: NomineeFacts = { ...ward, groupId: "ubnd-huyen", criteria: {}, facts: {} };
  it("excludes a district whose public investment disbursement is under 100 % for subjective reasons", () => {
    const rule = plan004.eligibility.find((r) => r.kind === "excluding" && /giải ngân/i.test(r.message));
    expect(rule).toBeDefined();
    const keys = rule!.check.type === "fact" ? rule!.check.inputs.map((i) => i.key) : [];
    const bad = Object.fromEntries(keys.map((k) => [k, /ly_do|chu_quan/.test(k) ? true : 95]));
    const v = evaluateEligibility(plan004, "bang-khen-tinh", { ...dept, facts: bad });
    const reason = v.reasons.find((r) => r.ruleId === rule!.id);
    expect(reason?.ok).toBe(false);
    expect(v.eligible).toBe(false);
  });
});

describe("quotas and suggestions", () => {
  it("computes count and share limits", () => {
    expect(quotaLimit({ kind: "count", max: 9 }, 120)).toBe(9);
    expect(quotaLimit({ kind: "share", percent: 15 }, 47)).toBe(7);
    expect(quotaLimit({ kind: "unlimited" }, 47)).toBeNull();
  });
  it("fills the quota by rank, then priority, then women on a tie, and warns at a tied cut", () => {
    const s = suggest(
      [
        { id: 1, name: "A", eligible: true, priority: false, rank: 2, total: 90 },
        { id: 2, name: "B", eligible: true, priority: false, rank: 1, total: 95 },
        { id: 3, name: "C", eligible: false, priority: true, rank: 1, total: 95 },
        { id: 4, name: "D", eligible: true, priority: true, rank: 2, total: 90 },
        { id: 5, name: "E", eligible: true, priority: false, rank: 2, total: 90, isWoman: true },
      ],
      2,
      [1, 2, 4],
    );
    expect(s.selected.map((x) => x.id)).toEqual([2, 4]);
    expect(s.waiting.map((x) => x.id)).toEqual([5, 1]);
    expect(s.warnings).toEqual([
      "Danh sách đề nghị có 3 người/đơn vị, vượt chỉ tiêu 2.",
      "Có đối tượng bằng hạng 2 ở ranh giới chỉ tiêu: Hội đồng cần bỏ phiếu hoặc quyết định.",
    ]);
  });
  it("never selects more than the quota nor an ineligible candidate", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ eligible: fc.constantFrom(true, false, null), priority: fc.boolean(), rank: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }),
          { maxLength: 30 },
        ),
        fc.option(fc.nat(10), { nil: null }),
        (xs, limit) => {
          const cands = xs.map((x, i) => ({ ...x, id: i + 1, name: `N${i}`, total: null }));
          const s = suggest(cands, limit);
          if (limit !== null) expect(s.selected.length).toBeLessThanOrEqual(limit);
          for (const sel of s.selected) expect(cands.find((c) => c.id === sel.id)?.eligible).toBe(true);
        },
      ),
    );
  });
});

describe("council ballots", () => {
  const rule = { ballot: "secret" as const, quorumPercent: 50, denominator: "members" as const, thresholdPercent: 90 };
  it.each([
    [10, 10, 9, 0, true, "9/10 phiếu đồng ý (90%, cần ≥ 90% tổng số thành viên) → được thông qua"],
    [10, 9, 8, 1, false, "8/10 phiếu đồng ý (80%, cần ≥ 90% tổng số thành viên) → không được thông qua"],
    [10, 4, 4, 0, false, "Không đủ số thành viên dự họp: 4/10 (cần ≥ 50%); chưa biểu quyết được"],
  ])("%d members, %d present, %d approve → %s", (members, present, approve, reject, passed, explanation) => {
    const ballots = [...Array(approve).fill("approve"), ...Array(reject).fill("reject")];
    expect(tally(rule, members, present, ballots)).toMatchObject({ passed, explanation });
  });
  it("with the 'present' denominator, 8 of 9 present at 80 % passes", () => {
    expect(tally({ ...rule, denominator: "present", thresholdPercent: 80 }, 10, 9, [...Array(8).fill("approve"), "reject"]).passed).toBe(true);
  });
});

describe("suggest: an unranked (pass/fail) group", () => {
  const c = (id: number, extra: Partial<Parameters<typeof suggest>[0][number]> = {}) =>
    ({ id, name: `N${id}`, eligible: true, rank: null, total: null, priority: false, isWoman: false, womenShare: null, ...extra }) as Parameters<
      typeof suggest
    >[0][number];
  it("warns when nothing separates the last selected from the first waiting", () => {
    expect(suggest([c(1), c(2), c(3)], 2).warnings).toContain(
      "Có đối tượng ngang nhau ở ranh giới chỉ tiêu (nhóm không xếp hạng): Hội đồng cần bỏ phiếu hoặc quyết định.",
    );
  });
  it("does not warn when priority or women first separates them", () => {
    expect(suggest([c(1, { priority: true }), c(2)], 1).warnings).toEqual([]);
    expect(suggest([c(1), c(2, { isWoman: true })], 1)).toMatchObject({ selected: [{ id: 2 }], warnings: [] });
  });
});
