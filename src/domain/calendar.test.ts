import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, endOfVietnamDay, isLate, isoDate, startOfVietnamDay, vietnamDate } from "./calendar.js";

describe("Vietnam deadlines", () => {
  it.each([
    ["2024-11-20T16:59:59.999Z", false],
    ["2024-11-20T17:00:00.000Z", true],
    ["2024-11-20T00:00:00.000Z", false],
    ["2024-11-19T23:00:00.000Z", false],
  ])("due 20/11/2024, submitted at %s → late %s", (at, late) => {
    expect(isLate("2024-11-20", new Date(at))).toBe(late);
  });

  it("maps instants to Vietnam's calendar day", () => {
    expect(vietnamDate(new Date("2024-11-20T16:59:59Z"))).toBe("2024-11-20");
    expect(vietnamDate(new Date("2024-11-20T17:00:00Z"))).toBe("2024-11-21");
  });

  it("a deadline day is exactly the instants whose Vietnam date is on or before it", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        (dueDay, at) => {
          const due = dueDay.toISOString().slice(0, 10);
          expect(isLate(due, at)).toBe(vietnamDate(at) > due);
        },
      ),
    );
  });

  it("counts whole days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(endOfVietnamDay("2024-12-31").toISOString()).toBe("2024-12-31T16:59:59.999Z");
  });

  it("builds a date from its parts, padded", () => {
    expect(isoDate(2024, 2, 5)).toBe("2024-02-05");
    expect(isoDate(2024, 12, 31)).toBe("2024-12-31");
  });

  it("starts a Vietnamese day at midnight +07:00, the previous evening in UTC", () => {
    expect(startOfVietnamDay("2025-01-01").toISOString()).toBe("2024-12-31T17:00:00.000Z");
    expect(vietnamDate(startOfVietnamDay("2025-01-01"))).toBe("2025-01-01");
    expect(vietnamDate(new Date(startOfVietnamDay("2025-01-01").getTime() - 1))).toBe("2024-12-31");
  });
});
