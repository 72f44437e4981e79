// The small text rules of Decree 30/2020 layout, as tables.
import { describe, expect, it } from "vitest";
import {
  balancedLines,
  ddmmyyyy,
  documentNumberLine,
  mmToTwip,
  PAGE,
  placeDateLine,
  punctuateList,
  quantityText,
  recipientLines,
  romanNumeral,
  signatureAuthorityLines,
  TEXT_WIDTH,
  upperVi,
} from "./decree30.js";

describe("placeDateLine", () => {
  it.each([
    ["TP. Vĩnh Long", "2024-03-14", undefined, "TP. Vĩnh Long, ngày 14 tháng 3 năm 2024"],
    ["Hà Nội", "2024-02-05", undefined, "Hà Nội, ngày 05 tháng 02 năm 2024"],
    ["Hà Nội", "2024-01-31", undefined, "Hà Nội, ngày 31 tháng 01 năm 2024"],
    ["Cần Thơ", "2025-12-09", undefined, "Cần Thơ, ngày 09 tháng 12 năm 2025"],
    ["Cần Thơ", "2025-10-10", undefined, "Cần Thơ, ngày 10 tháng 10 năm 2025"],
    ["Huế", "2024-09-01", undefined, "Huế, ngày 01 tháng 9 năm 2024"],
    ["TP. Vĩnh Long", undefined, 2024, "TP. Vĩnh Long, ngày     tháng     năm 2024"],
    ["  Xã Tân Phú ", "2025-07-15", undefined, "Xã Tân Phú, ngày 15 tháng 7 năm 2025"],
    [undefined, "2024-03-14", undefined, "……, ngày 14 tháng 3 năm 2024"],
  ])("%s %s → %s", (place, date, year, expected) => {
    expect(placeDateLine(place, date, year)).toBe(expected);
  });

  it.each(["2024-02-30", "14/03/2024", "2024-3-14"])("rejects %s", (bad) => {
    expect(() => placeDateLine("Hà Nội", bad)).toThrow(RangeError);
  });
});

describe("documentNumberLine", () => {
  it.each([
    ["20", "KH-UBND", "Số: 20/KH-UBND"],
    [20, "KH-UBND", "Số: 20/KH-UBND"],
    [" 125 ", "QĐ-UBND", "Số: 125/QĐ-UBND"],
    [undefined, "KH-UBND", "Số:      /KH-UBND"],
    ["", "TTr-UBND", "Số:      /TTr-UBND"],
    ["7", "/BC-PNV", "Số: 7/BC-PNV"],
  ] as const)("%s + %s → %s", (n, sym, expected) => {
    expect(documentNumberLine(n, sym)).toBe(expected);
  });
});

describe("numbers and dates", () => {
  it.each([
    [1, "01"],
    [5, "05"],
    [9, "09"],
    [10, "10"],
    [0, "0"],
    [120, "120"],
    [2.5, "2.5"],
  ])("quantityText(%s) = %s", (n, s) => expect(quantityText(n)).toBe(s));

  it.each([
    ["2024-04-26", "26/04/2024"],
    ["2024-12-01", "01/12/2024"],
    ["2024-02-29", "29/02/2024"],
  ])("ddmmyyyy(%s) = %s", (iso, s) => expect(ddmmyyyy(iso)).toBe(s));

  it.each([
    [1, "I"],
    [4, "IV"],
    [9, "IX"],
    [14, "XIV"],
    [40, "XL"],
  ])("romanNumeral(%s) = %s", (n, s) => expect(romanNumeral(n)).toBe(s));

  it("converts millimetres to twips as Word stores them, and the page is A4 with the plan's margins", () => {
    expect([mmToTwip(20), mmToTwip(30), mmToTwip(15), mmToTwip(10)]).toEqual([1134, 1701, 850, 567]);
    expect([PAGE.width, PAGE.height]).toEqual([11906, 16838]);
    expect(TEXT_WIDTH).toBe(11906 - 1701 - 850);
  });
});

describe("lists", () => {
  it("ends legal bases with ';' and the last with '.', whatever they ended with", () => {
    expect(punctuateList(["Căn cứ Luật A;", "Căn cứ Nghị định B.", "  Căn cứ Kế hoạch C ", ""])).toEqual([
      "Căn cứ Luật A;",
      "Căn cứ Nghị định B;",
      "Căn cứ Kế hoạch C.",
    ]);
    expect(punctuateList([])).toEqual([]);
  });

  it.each([
    [
      ["TT Thành ủy", "Lưu: V/T, 4.06"],
      ["- TT Thành ủy;", "- Lưu: V/T, 4.06."],
    ],
    [
      ["Lưu: VT, PNV.", "UBND tỉnh;", "- Sở Nội vụ"],
      ["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, PNV."],
    ],
    [["Như trên"], ["- Như trên;", "- Lưu: VT."]],
    [[], ["- Lưu: VT."]],
  ])("recipientLines(%j)", (input, expected) => {
    expect(recipientLines(input)).toEqual(expected);
  });

  it("splits and upper-cases signature authority lines", () => {
    expect(signatureAuthorityLines("tm. ủy ban nhân dân\nkt. chủ tịch")).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
    expect(signatureAuthorityLines(["TM. ỦY BAN NHÂN DÂN", " "])).toEqual(["TM. ỦY BAN NHÂN DÂN"]);
    expect(signatureAuthorityLines(undefined)).toEqual([]);
  });
});

describe("letterhead lines", () => {
  it("upper-cases Vietnamese", () => {
    expect(upperVi("Ủy ban nhân dân thành phố Vĩnh Long")).toBe("ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH LONG");
  });

  it("splits a long issuing body where the longer line is shortest, keeps short ones and given breaks", () => {
    const width = Math.round(TEXT_WIDTH * 0.4) - 114;
    expect(balancedLines("ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH LONG", 13, width)).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ VĨNH LONG"]);
    expect(balancedLines("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", 13, width)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"]);
    expect(balancedLines("UBND THÀNH PHỐ VĨNH LONG", 13, width)).toEqual(["UBND", "THÀNH PHỐ VĨNH LONG"]);
    expect(balancedLines("SỞ NỘI VỤ TỈNH VĨNH LONG", 13, width)).toEqual(["SỞ NỘI VỤ", "TỈNH VĨNH LONG"]);
    // "XÃ HỘI" is not a commune: no break before it; too long for a level break, so split evenly.
    expect(balancedLines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 13, width)).toEqual(["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]);
    expect(balancedLines("ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM", 13, width)).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ PHAN RANG -", "THÁP CHÀM"]);
    expect(balancedLines("PHÒNG NỘI VỤ", 13, width)).toEqual(["PHÒNG NỘI VỤ"]);
    expect(balancedLines("SUPERCALIFRAGILISTICEXPIALIDOCIOUSLY-LONG-WORD X", 13, 1000)).toEqual(["SUPERCALIFRAGILISTICEXPIALIDOCIOUSLY-LONG-WORD X"]);
    expect(balancedLines("SỞ NỘI VỤ\nTỈNH VĨNH LONG", 13, width)).toEqual(["SỞ NỘI VỤ", "TỈNH VĨNH LONG"]);
  });
});
