// Next year's plan from this year's, and the date contradictions the plan checks warn about.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlanText } from "./io.js";
import { planForYear, shiftIsoDate } from "./next-year.js";
import type { Plan } from "./schema.js";
import { planWarnings, validatePlan } from "./validate.js";

function template(file: string): Plan {
  const r = readPlanText(fs.readFileSync(new URL(`../../../templates/${file}`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(`${file} does not parse`);
  return r.plan;
}

describe("shiftIsoDate", () => {
  it("moves by whole years; 29/02 becomes 28/02 in a common year and stays in a leap year", () => {
    expect(shiftIsoDate("2024-02-29", 2)).toBe("2026-02-28");
    expect(shiftIsoDate("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftIsoDate("2024-03-14", 2)).toBe("2026-03-14");
    expect(shiftIsoDate("2024-12-31", -1)).toBe("2023-12-31");
  });

  it("keeps day and month (but 29/02) and is a real date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), fc.integer({ min: -5, max: 5 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        const out = shiftIsoDate(iso, n);
        expect(Number(out.slice(0, 4))).toBe(Number(iso.slice(0, 4)) + n);
        expect(new Date(`${out}T00:00:00Z`).toISOString().slice(0, 10)).toBe(out);
        if (iso.slice(5) !== "02-29") expect(out.slice(5)).toBe(iso.slice(5));
      }),
    );
  });
});

describe("planForYear", () => {
  const seed = template("003-vinh-long-2024.yaml");
  const { plan, legalBasesToReview } = planForYear(seed, 2026);

  it("moves every date and updates the year in titles and labels, not in identifiers", () => {
    expect(plan.year).toBe(2026);
    expect(plan.period).toEqual({ from: "2026-03-14", to: "2026-12-31" });
    expect(plan.title).toBe("Phát động phong trào thi đua thực hiện cải cách hành chính năm 2026");
    expect(plan.code).toBe("vinh-long-2026");
    const kh = plan.milestones.find((m) => m.id === "kh-cchc");
    expect(kh).toMatchObject({ due: "2026-02-28", label: "Ban hành Kế hoạch CCHC năm 2026 của cơ quan, địa phương" });
    expect(JSON.stringify(plan.groups)).not.toMatch(/"2024-\d\d-\d\d"/);
    expect(JSON.stringify(plan.groups)).toContain('"due":"2026-02-28"');
    // Last year's index is named after the year before: it follows too, while the fact keys stay.
    expect(JSON.stringify(plan.groups)).toContain("Chỉ số CCHC năm 2025");
    expect(JSON.stringify(plan.groups)).toContain("chi_so_cchc_2023");
  });

  it("leaves legal bases, the parent plan and verbatim source quotes as written, listing the bases for review", () => {
    expect(plan.legalBases).toEqual(seed.legalBases);
    expect(plan.parentPlan).toEqual(seed.parentPlan);
    expect(plan.milestones.map((m) => m.source)).toEqual(seed.milestones.map((m) => m.source));
    expect(legalBasesToReview).toEqual(seed.legalBases.map((b) => b.text));
    expect(plan.number).toBeUndefined();
    expect(plan.issuedOn).toBeUndefined();
  });

  it("keeps the plan sound and its scoring unchanged in structure", () => {
    expect(validatePlan(plan)).toEqual(validatePlan(seed));
  });
});

describe("planWarnings: dates that contradict each other", () => {
  it("warns of a report due before the plan is issued (seed 003: quarter I report due 10/03, plan issued 14/03)", () => {
    const seed = template("003-vinh-long-2024.yaml");
    expect(planWarnings(seed)).toEqual([
      { path: "milestones.bc-quy-1", message: 'Mốc "Báo cáo CCHC quý I": hạn 10/03/2024 trước ngày ban hành kế hoạch 14/03/2024.' },
    ]);
  });

  it("warns of a self-assessment window that ends after the dossier deadline", () => {
    const plan = structuredClone(template("003-vinh-long-2024.yaml"));
    plan.milestones = plan.milestones.filter((m) => m.id !== "bc-quy-1");
    expect(planWarnings(plan)).toEqual([]);
    plan.milestones.push({ id: "ho-so", kind: "dossier", label: "Nộp hồ sơ", due: "2024-12-20" });
    expect(planWarnings(plan)).toEqual([
      {
        path: "milestones.tu-cham",
        message: 'Mốc "Tự chấm điểm thi đua CCHC năm 2024": thời gian tự chấm điểm (01/12/2024 – 31/12/2024) kết thúc sau hạn nộp hồ sơ 20/12/2024.',
      },
    ]);
  });
});
