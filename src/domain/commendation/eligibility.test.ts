// Exclusion rules over facts some of which are missing (seed 004): settled by the known facts, or left open.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanText } from "../plan/io.js";
import { appraisableInputs, checkAppraisedFacts, decide, evaluateEligibility, type NomineeFacts } from "./eligibility.js";

const plan004 = (() => {
  const r = readPlanText(fs.readFileSync(new URL("../../../templates/004-ninh-thuan-2025.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("template 004 does not parse");
  return r.plan;
})();

/** A district (group c) that passed its criteria and declared every exclusion fact but the subjective reason. */
const district: NomineeFacts = {
  target: "collective",
  groupId: "ubnd-huyen",
  registered: true,
  assessmentSubmitted: true,
  dossierOnTime: true,
  dossierComplete: true,
  total: null,
  rank: null,
  classification: null,
  targets: {},
  criteria: { "hu-tieu-chi": true },
  facts: { ty_le_giai_ngan_von_dtc: 100, ty_le_vi_pham_gio_giac: 4, ty_le_don_vi_truc_thuoc_vi_pham: 0, van_ban_chi_dao_chua_dam_bao_thoi_han: 0 },
};
const reason = (facts: NomineeFacts["facts"], ruleId: string) =>
  evaluateEligibility(plan004, "bang-khen-tinh", { ...district, facts: { ...district.facts, ...facts } }).reasons.find((r) => r.ruleId === ruleId);

describe("three-valued conditions", () => {
  it("all: one known false part settles it; otherwise a missing part leaves it open", () => {
    const cond = {
      all: [
        { input: "a", op: "lt" as const, value: 100 },
        { input: "b", op: "true" as const },
      ],
    };
    expect(decide(cond, { a: 100 }).truth).toBe(false);
    expect(decide(cond, { a: 100 }).reason).toBe("a: 100 (không < 100)");
    expect(decide(cond, { a: 96 }).truth).toBeNull();
    expect(decide(cond, { a: 96, b: true }).truth).toBe(true);
    expect(decide(cond, { b: false }).truth).toBe(false);
  });
  it("any: one known true part settles it; not: negates an open value to open", () => {
    const cond = {
      any: [
        { input: "a", op: "true" as const },
        { input: "b", op: "gte" as const, value: 1 },
      ],
    };
    expect(decide(cond, { b: 2 }).truth).toBe(true);
    expect(decide(cond, { a: false }).truth).toBeNull();
    expect(decide(cond, { a: false, b: 0 }).truth).toBe(false);
    expect(decide({ not: cond }, { a: false }).truth).toBeNull();
    expect(decide({ input: "x", op: "absent" }, {}).truth).toBe(true);
  });
});

describe("seed 004 exclusions", () => {
  it("a district that disbursed 100 % is not asked whether a shortfall was subjective", () => {
    expect(reason({}, "loai-giai-ngan")).toMatchObject({ kind: "excluding", ok: true });
    expect(evaluateEligibility(plan004, "bang-khen-tinh", district)).toMatchObject({ eligible: true, summary: "Đủ điều kiện" });
  });
  it("one that disbursed less stays open until the reason is known, and is excluded when it was subjective", () => {
    expect(reason({ ty_le_giai_ngan_von_dtc: 96.5 }, "loai-giai-ngan")?.ok).toBeNull();
    expect(reason({ ty_le_giai_ngan_von_dtc: 96.5, giai_ngan_cham_do_chu_quan: false }, "loai-giai-ngan")?.ok).toBe(true);
    expect(reason({ ty_le_giai_ngan_von_dtc: 96.5, giai_ngan_cham_do_chu_quan: true }, "loai-giai-ngan")).toMatchObject({
      ok: false,
      message:
        "Không xét khen thưởng địa phương giải ngân vốn đầu tư công chưa đạt 100% vì lý do chủ quan: Tỷ lệ giải ngân vốn đầu tư công được giao năm 2025: 96,5% (< 100%); Giải ngân vốn đầu tư công chưa đạt 100% vì lý do chủ quan: có",
    });
  });
  it("a staff-discipline rate not yet declared leaves the verdict open", () => {
    const v = evaluateEligibility(plan004, "bang-khen-tinh", { ...district, facts: { ...district.facts, ty_le_vi_pham_gio_giac: undefined } });
    expect(v.eligible).toBeNull();
    expect(v.summary).toContain("chưa có dữ kiện");
  });
});

describe("facts the office records on a nomination", () => {
  it("lists the manual inputs of the rules that judge this nominee, not those the system reads", () => {
    const inputs = appraisableInputs(plan004, "bang-khen-tinh", { target: "collective", groupId: "ubnd-huyen" });
    const keys = inputs.map((i) => i.input.key);
    expect(keys).toContain("giai_ngan_cham_do_chu_quan");
    expect(keys).toContain("ty_le_vi_pham_gio_giac");
    expect(keys).not.toContain("ty_le_giai_ngan_von_dtc"); // an indicator: the system knows it
    expect(inputs.find((i) => i.input.key === "giai_ngan_cham_do_chu_quan")?.rules).toHaveLength(1);
  });
  it.each([
    [{ giai_ngan_cham_do_chu_quan: true }, []],
    [{ ty_le_vi_pham_gio_giac: 12.5 }, []],
    [
      { ty_le_vi_pham_gio_giac: 130 },
      ['"Tỷ lệ cán bộ, công chức, viên chức không chấp hành nghiêm giờ giấc làm việc trên tổng số biên chế" phải là tỷ lệ phần trăm từ 0 đến 100.'],
    ],
    [{ giai_ngan_cham_do_chu_quan: "có" }, ['"Giải ngân vốn đầu tư công chưa đạt 100% vì lý do chủ quan" phải là có/không (true/false).']],
    [{ ty_le_giai_ngan_von_dtc: 90 }, ['Dữ kiện "ty_le_giai_ngan_von_dtc" không được điều kiện khen thưởng nào của hồ sơ này sử dụng.']],
  ])("checks %o", (facts, messages) => {
    const inputs = appraisableInputs(plan004, "bang-khen-tinh", { target: "collective", groupId: "ubnd-huyen" });
    expect(checkAppraisedFacts(inputs, facts).map((p) => p.message)).toEqual(messages);
  });
  it("a finding of the office settles an exclusion the nominee left open", () => {
    const open = reason({ ty_le_giai_ngan_von_dtc: 96 }, "loai-giai-ngan");
    expect(open?.ok).toBeNull();
    expect(reason({ ty_le_giai_ngan_von_dtc: 96, giai_ngan_cham_do_chu_quan: true }, "loai-giai-ngan")?.ok).toBe(false);
    expect(reason({ ty_le_giai_ngan_von_dtc: 96, giai_ngan_cham_do_chu_quan: false }, "loai-giai-ngan")?.ok).toBe(true);
  });
});
