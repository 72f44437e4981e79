import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlanText } from "../plan/io.js";
import { evaluateEligibility, type NomineeFacts } from "./eligibility.js";
import { HOLD_KINDS, holdKindValues, isUnderWay, type LegalHold } from "./legal-holds.js";

const read = readPlanText(fs.readFileSync(new URL("../../../templates/003-vinh-long-2024.yaml", import.meta.url), "utf8"));
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const plan = read.plan;

// Eligible on every rule of seed 003 (see commendation.test.ts), so only a hold can bar it.
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
const legalOf = (holds: LegalHold[], extra: Partial<NomineeFacts> = {}) =>
  evaluateEligibility(plan, "giay-khen-tp", { ...ward, ...extra, holds }).reasons.filter((r) => r.kind === "legal");

describe("a case under way names itself in the legal reason", () => {
  it.each([
    [
      [{ kind: "discipline", since: "2024-11-05", reference: "Quyết định số 12/QĐ-UBND" }],
      ["Chưa xét khen thưởng vì đang bị xem xét kỷ luật từ ngày 05/11/2024 (Quyết định số 12/QĐ-UBND) (Điều 4 Nghị định 98/2023/NĐ-CP)"],
    ],
    [
      [{ kind: "investigation", since: "2024-09-01", reference: null }],
      ["Chưa xét khen thưởng vì đang bị điều tra, thanh tra, kiểm tra từ ngày 01/09/2024 (Điều 4 Nghị định 98/2023/NĐ-CP)"],
    ],
    [
      [{ kind: "complaint", since: "2025-01-02", reference: "Công văn số 45/TTr" }],
      ["Chưa xét khen thưởng vì đang có đơn khiếu nại, tố cáo đang được xác minh từ ngày 02/01/2025 (Công văn số 45/TTr) (Điều 4 Nghị định 98/2023/NĐ-CP)"],
    ],
    [
      [
        { kind: "discipline", since: "2024-12-01", reference: "Quyết định số 30/QĐ-UBND" },
        { kind: "discipline", since: "2024-11-05", reference: "Quyết định số 12/QĐ-UBND" },
      ],
      [
        "Chưa xét khen thưởng vì đang bị xem xét kỷ luật từ ngày 05/11/2024 (Quyết định số 12/QĐ-UBND) và từ ngày 01/12/2024 (Quyết định số 30/QĐ-UBND) (Điều 4 Nghị định 98/2023/NĐ-CP)",
      ],
    ],
    [
      [
        { kind: "complaint", since: "2025-01-02" },
        { kind: "discipline", since: "2024-11-05" },
      ],
      [
        "Chưa xét khen thưởng vì đang bị xem xét kỷ luật từ ngày 05/11/2024 (Điều 4 Nghị định 98/2023/NĐ-CP)",
        "Chưa xét khen thưởng vì đang có đơn khiếu nại, tố cáo đang được xác minh từ ngày 02/01/2025 (Điều 4 Nghị định 98/2023/NĐ-CP)",
      ],
    ],
  ] as [LegalHold[], string[]][])("%j", (holds, messages) => {
    const legal = legalOf(holds);
    expect(legal.map((r) => r.message)).toEqual(messages);
    expect(legal.every((r) => r.ok === false)).toBe(true);
    expect(evaluateEligibility(plan, "giay-khen-tp", { ...ward, holds }).eligible).toBe(false);
  });

  it("a flag without case details keeps the plain reason; a flag and its case give one reason", () => {
    expect(legalOf([], { underInvestigation: true }).map((r) => r.message)).toEqual([
      "Chưa xét khen thưởng vì đang bị điều tra, thanh tra, kiểm tra (Điều 4 Nghị định 98/2023/NĐ-CP)",
    ]);
    const both = legalOf([{ kind: "investigation", since: "2024-09-01" }], { underInvestigation: true });
    expect(both).toHaveLength(1);
    expect(both[0].ruleId).toBe("nd98-dieu-4-underInvestigation");
  });

  it("no case, no flag: eligible, no legal reason", () => {
    expect(legalOf([])).toEqual([]);
    expect(evaluateEligibility(plan, "giay-khen-tp", { ...ward, holds: [] }).eligible).toBe(true);
  });
});

describe("isUnderWay", () => {
  it.each([
    ["2024-11-05", null, "2024-11-05", true],
    ["2024-11-05", null, "2024-11-04", false],
    ["2024-11-05", "2024-12-31", "2024-12-31", true],
    ["2024-11-05", "2024-12-31", "2025-01-01", false],
    ["2024-11-05", "2024-11-05", "2024-11-05", true],
  ] as const)("started %s, ended %s, on %s → %s", (startedOn, endedOn, day, expected) => {
    expect(isUnderWay({ startedOn, endedOn }, day)).toBe(expected);
  });
});

describe("properties", () => {
  const day = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const hold = fc.record({ kind: fc.constantFrom(...holdKindValues), since: day, reference: fc.option(fc.string({ maxLength: 40 }), { nil: null }) });
  const nominee = fc.record({
    target: fc.constantFrom("collective" as const, "individual" as const),
    registered: fc.boolean(),
    assessmentSubmitted: fc.boolean(),
    dossierOnTime: fc.constantFrom(true, false, null),
    dossierComplete: fc.constantFrom(true, false, null),
    total: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    rank: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    passed: fc.option(fc.boolean(), { nil: undefined }),
  });

  it("a nominee with any case under way is never eligible, and each kind held has its legal reason", () => {
    fc.assert(
      fc.property(nominee, fc.array(hold, { minLength: 1, maxLength: 5 }), fc.constantFrom(...plan.awardForms.map((f) => f.id)), (n, holds, form) => {
        const facts: NomineeFacts = {
          ...ward,
          ...n,
          groupId: n.target === "collective" ? "tap-the" : "ca-nhan",
          criteria: { "tieu-chuan-xep-loai": n.passed },
          holds,
        };
        const v = evaluateEligibility(plan, form, facts);
        expect(v.eligible).toBe(false);
        for (const k of HOLD_KINDS) {
          const held = holds.some((h) => h.kind === k.value);
          expect(v.reasons.some((r) => r.ruleId === `nd98-dieu-4-${k.fact}` && r.ok === false)).toBe(held);
        }
      }),
    );
  });

  it("a case is under way exactly between its start and its end, both days included", () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), day, (startedOn, endedOn, on) => {
        const inside = on >= startedOn && (endedOn === null || on <= endedOn);
        expect(isUnderWay({ startedOn, endedOn }, on)).toBe(inside);
      }),
    );
  });
});
