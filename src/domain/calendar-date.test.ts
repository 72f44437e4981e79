import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate, isCalendarDate } from "./calendar-date.js";
import { readPlanText } from "./plan/io.js";
import type { InputDef } from "./plan/schema.js";
import { checkFact } from "./plan/scoring.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

describe("calendar dates", () => {
  it("refuses days that do not exist", () => {
    for (const bad of ["2026-02-29", "2026-02-30", "2025-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "05/01/2026", ""]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(calendarDate.safeParse(bad).success).toBe(false);
    }
    expect(calendarDate.safeParse("2026-02-30").error?.issues[0].message).toContain("không có trên lịch");
  });
  it("accepts every real day, leap days included", () => {
    for (const ok of ["2024-02-29", "2000-02-29", "2026-12-31", "2026-02-28"]) expect(isCalendarDate(ok), ok).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T00:00:00Z"), noInvalidDate: true }), (d) =>
        isCalendarDate(d.toISOString().slice(0, 10)),
      ),
    );
  });
  it("is the date schema of plans: a template with 30 February is refused at validation", () => {
    const text = fs.readFileSync(path.join(root, "templates/003-vinh-long-2024.yaml"), "utf8");
    expect(readPlanText(text).ok).toBe(true);
    for (const [from, to] of [
      ['issuedOn: "2024-03-14"', 'issuedOn: "2026-02-30"'],
      ['due: "2024-04-26"', 'due: "2026-02-29"'],
      ['to: "2024-12-31"', 'to: "2024-11-31"'],
    ]) {
      const result = readPlanText(text.replace(from, to));
      expect(result.ok, to).toBe(false);
      expect(result.issues.map((i) => i.message).join(" "), to).toContain("không có trên lịch");
    }
  });
  it("is the date check of a date fact a participant enters", () => {
    const def = { key: "ngay_ban_hanh", label: "Ngày ban hành kế hoạch", type: "date" } as InputDef;
    expect(checkFact(def, "2024-02-29")).toBeNull();
    expect(checkFact(def, "2026-02-30")).toContain("có trên lịch");
  });
});
