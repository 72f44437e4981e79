import { describe, expect, it } from "vitest";
import { compareVi, formatDate, formatDateTime, formatNumber, formatPercent, includesVi, parseApiDate, toApiDate } from "./format";

describe("web display formats", () => {
  it("shows dates dd/mm/yyyy and keeps what it cannot read", () => {
    expect(formatDate("2024-05-01")).toBe("01/05/2024");
    expect(formatDate(null)).toBe("");
    expect(formatDate("2024-02-30")).toBe("2024-02-30");
    expect(formatDate("không phải ngày")).toBe("không phải ngày");
  });

  it("shows a timestamp in Vietnam's time whatever the machine's zone", () => {
    expect(formatDateTime("2024-12-31T18:05:00Z")).toBe("01/01/2025 01:05");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDateTime("sai")).toBe("sai");
  });

  it("writes numbers and percentages with Vietnamese separators", () => {
    expect(formatNumber(12345.6)).toBe("12.345,6");
    expect(formatNumber(0.1235)).toBe("0,124");
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
    expect(formatPercent(0.875)).toBe("87,5%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("round-trips DatePicker values through the API format", () => {
    expect(toApiDate(parseApiDate("2024-05-01"))).toBe("2024-05-01");
    expect(parseApiDate("2024-13-01")).toBeNull();
    expect(toApiDate(null)).toBeNull();
  });

  it("sorts and searches Vietnamese text as people expect", () => {
    expect(["Đông", "Bắc", "An"].sort(compareVi)).toEqual(["An", "Bắc", "Đông"]);
    expect(includesVi("Phường Tân Ngãi", "tan ngai")).toBe(true);
    expect(includesVi("Hà Nội", "ha noi ")).toBe(true);
    expect(includesVi("Hà Nội", "hai")).toBe(false);
  });
});
