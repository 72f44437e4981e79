import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dmy, fileSize, money, num, participantDisplayName, percent, vietnamDateTime, vietnamTime, wholeAmount } from "./format.js";

describe("Vietnamese display formats", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1234, "1.234"],
    [1234567.5, "1.234.567,5"],
    [-1234.25, "-1.234,25"],
    [92.125, "92,13"],
  ])("num(%d) = %s", (n, s) => {
    expect(num(n)).toBe(s);
  });

  it("keeps as many decimals as asked", () => {
    expect(num(0.123456789, 6)).toBe("0,123457");
    expect(num(1.5, 0)).toBe("2");
  });

  it("agrees with Intl for every number (the small-integer shortcut changes nothing)", () => {
    const intl = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)),
        (n) => num(n) === intl.format(n),
      ),
    );
  });

  it("writes money as Vietnamese do", () => {
    expect(money(1234000)).toBe("1.234.000 đồng");
    expect(money(2_340_000.5)).toBe("2.340.000,5 đồng");
    expect(wholeAmount(1_410_000)).toBe("1.410.000");
    expect(() => wholeAmount(1.5)).toThrow(RangeError);
    expect(() => wholeAmount(-1)).toThrow(RangeError);
  });

  it("writes file sizes as people read them", () => {
    expect(fileSize(512)).toBe("512 B");
    expect(fileSize(12_345)).toBe("13 KB");
    expect(fileSize(1_572_864)).toBe("1,5 MB");
    expect(fileSize(52_428_800)).toBe("50 MB");
  });

  it("writes percentages with a decimal comma", () => {
    expect(percent(87.5)).toBe("87,5%");
    expect(percent(66.6666)).toBe("66,67%");
    expect(percent(66.6666, 1)).toBe("66,7%");
  });

  it("writes dates dd/mm/yyyy and nothing for none", () => {
    expect(dmy("2024-05-01")).toBe("01/05/2024");
    expect(dmy("2024-12-31T18:00:00.000Z")).toBe("31/12/2024");
    expect(dmy(null)).toBe("");
    expect(dmy(undefined)).toBe("");
  });

  it("tells the time in Vietnam, whatever the server's zone", () => {
    const at = new Date("2024-12-31T18:05:00Z"); // 01:05 on 1 January in Vietnam
    expect(vietnamTime(at)).toBe("01:05");
    expect(vietnamDateTime(at)).toBe("01/01/2025 01:05");
    expect(vietnamDateTime("2024-05-01T01:30:00Z")).toBe("01/05/2024 08:30");
    expect(vietnamTime(at)).toBe(at.toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false }));
  });

  it("names a participant by person and unit, or the unit alone", () => {
    expect(participantDisplayName("Phường 1", "Nguyễn Văn A")).toBe("Nguyễn Văn A (Phường 1)");
    expect(participantDisplayName("Phường 1", null)).toBe("Phường 1");
  });
});
