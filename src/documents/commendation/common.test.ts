// The small text rules shared by the commendation documents.
import { describe, expect, it } from "vitest";
import { countPhrase, decisionReference, longDate, moneyText, percentText, timeText, wholeAmount, whoPhrase } from "./common.js";

describe("money", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1.000"],
    [710_000, "710.000"],
    [1_410_000, "1.410.000"],
    [1_234_567_890, "1.234.567.890"],
  ])("wholeAmount(%d) = %s", (n, s) => {
    expect(wholeAmount(n)).toBe(s);
  });

  it.each([-1, 1.5, Number.NaN])("wholeAmount refuses %d", (n) => {
    expect(() => wholeAmount(n)).toThrow(RangeError);
  });

  it("writes figures and words together", () => {
    expect(moneyText(1_410_000)).toBe("1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng)");
    expect(moneyText(3_510_000)).toBe("3.510.000 đồng (Ba triệu năm trăm mười nghìn đồng)");
    expect(moneyText(1_005_000)).toBe("1.005.000 đồng (Một triệu không trăm lẻ năm nghìn đồng)");
  });
});

describe("counts, dates and times", () => {
  it("names collectives and individuals", () => {
    expect(countPhrase(3, 5)).toBe("03 tập thể và 05 cá nhân");
    expect(countPhrase(0, 12)).toBe("12 cá nhân");
    expect(countPhrase(1, 0)).toBe("01 tập thể");
    expect(whoPhrase(3, 5)).toBe("các tập thể, cá nhân");
    expect(whoPhrase(0, 1)).toBe("cá nhân");
    expect(whoPhrase(2, 0)).toBe("các tập thể");
  });

  it("pads days and months as Decree 30 does", () => {
    expect(longDate("2024-02-05")).toBe("ngày 05 tháng 02 năm 2024");
    expect(longDate("2024-12-24")).toBe("ngày 24 tháng 12 năm 2024");
    expect(longDate("2025-09-01")).toBe("ngày 01 tháng 9 năm 2025");
    expect(() => longDate("2025-02-30")).toThrow(RangeError);
  });

  it("writes times and percentages", () => {
    expect(timeText("8:05")).toBe("08 giờ 05 phút");
    expect(timeText("14:30")).toBe("14 giờ 30 phút");
    expect(() => timeText("24:00")).toThrow(RangeError);
    expect(percentText(77.7777)).toBe("77,78%");
    expect(percentText(100)).toBe("100%");
  });

  it("refers to a decision, with blanks while it has no number or date", () => {
    expect(decisionReference("15", "QĐ-UBND", "2024-12-30")).toBe("Quyết định số 15/QĐ-UBND ngày 30/12/2024");
    expect(decisionReference(null, "/QĐ-UBND", undefined, 2025)).toBe("Quyết định số      /QĐ-UBND ngày      /     /2025");
  });
});
