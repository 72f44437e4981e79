import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  indicatorValueProblem,
  isPercentMetric,
  parentsFirst,
  parseDmy,
  parseNumberCell,
  type RawRow,
  validateIndicatorRows,
  validatePeopleRows,
  validateUnitRows,
} from "./import-rows.js";

const row = (n: number, v: Record<string, unknown>) => ({ __row: n, ...v }) as RawRow;

describe("parseDmy", () => {
  it.each([
    ["05/09/1985", "1985-09-05"],
    ["5/9/1985", "1985-09-05"],
    ["29/02/2024", "2024-02-29"],
    ["29/02/2023", null],
    ["31/04/2020", null],
    ["1985-09-05", null],
    ["", null],
    [new Date(Date.UTC(1992, 6, 15)), "1992-07-15"],
  ])("%s → %s", (input, expected) => {
    expect(parseDmy(input)).toBe(expected);
  });

  it("round-trips every real calendar date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(parseDmy(`${day}/${m}/${y}`)).toBe(iso);
      }),
    );
  });
});

describe("validatePeopleRows", () => {
  const units = new Set(["p1"]);
  it("names each problem with its row number, in Vietnamese", () => {
    const { errors } = validatePeopleRows(
      [
        row(2, { "Họ và tên": "Nguyễn Văn A", "Mã đơn vị": "P1", "Giới tính": "Nam", "Đối tượng": "Công chức" }),
        row(12, { "Họ và tên": "", "Mã đơn vị": "P1", "Giới tính": "Nữ", "Đối tượng": "cong chuc" }),
        row(13, { "Họ và tên": "B", "Mã đơn vị": "P9", "Giới tính": "", "Đối tượng": "Nông dân", "Người đứng đầu": "có lẽ", Email: "x@" }),
      ],
      units,
    );
    expect(errors.map((e) => e.message)).toEqual([
      "Dòng 12: thiếu họ và tên",
      'Dòng 13: không tìm thấy đơn vị có mã "P9" trong phạm vi bạn được quản lý',
      "Dòng 13: thiếu giới tính (Nam hoặc Nữ)",
      'Dòng 13: đối tượng "Nông dân" không có trong danh mục (xem trang Hướng dẫn của tệp mẫu)',
      'Dòng 13: cột "Người đứng đầu" ghi Có hoặc Không, không ghi "có lẽ"',
      'Dòng 13: email "x@" không hợp lệ',
    ]);
  });

  it("accepts labels without accents or in other case", () => {
    const { rows, errors } = validatePeopleRows(
      [row(2, { "Họ và tên": "C", "Mã đơn vị": "p1", "Giới tính": "nu", "Đối tượng": "nguoi hoat dong khong chuyen trach", "Người đứng đầu": "x" })],
      units,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ sex: "nu", category: "khong_chuyen_trach", isHead: true });
  });
});

describe("validateUnitRows and parentsFirst", () => {
  it("reports duplicates, unknown parents and cycles", () => {
    const { errors } = validateUnitRows(
      [
        row(2, { "Mã đơn vị": "A", "Tên đơn vị": "Đơn vị A", "Loại đơn vị": "Phường", "Mã đơn vị cấp trên": "B" }),
        row(3, { "Mã đơn vị": "B", "Tên đơn vị": "Đơn vị B", "Loại đơn vị": "xa", "Mã đơn vị cấp trên": "A" }),
        row(4, { "Mã đơn vị": "a", "Tên đơn vị": "Trùng", "Loại đơn vị": "ward", "Mã đơn vị cấp trên": "ZZ" }),
      ],
      new Set(),
    );
    expect(errors.map((e) => e.message)).toEqual([
      "Dòng 2: quan hệ cấp trên tạo thành vòng lặp",
      "Dòng 3: quan hệ cấp trên tạo thành vòng lặp",
      'Dòng 4: mã đơn vị "a" trùng với dòng 2',
      'Dòng 4: không tìm thấy đơn vị cấp trên có mã "ZZ"',
    ]);
  });

  it("always orders a parent before its children, whatever the file order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (parents, shuffle) => {
        // Unit i's parent is some unit before it in creation order (or none), which yields a forest.
        const rows = parents.map((p, i) => ({
          row: i + 2,
          code: `U${i}`,
          name: `U${i}`,
          kind: "other",
          parentCode: i === 0 || p % 3 === 0 ? null : `U${p % i}`,
        }));
        const it = shuffle[Symbol.iterator]();
        const mixed = [...rows].sort(() => (it.next().value as number) - 0.5);
        const ordered = parentsFirst(mixed);
        expect(ordered).toHaveLength(rows.length);
        const pos = new Map(ordered.map((r, i) => [r.code, i]));
        for (const r of ordered) if (r.parentCode) expect(pos.get(r.parentCode) as number).toBeLessThan(pos.get(r.code) as number);
      }),
    );
  });
});

describe("indicator rows", () => {
  it.each([
    [98.5, 98.5],
    ["98,5", 98.5],
    ["98.5", 98.5],
    [" 100 % ", 100],
    ["-3", -3],
    ["1.234,5", null],
    ["abc", null],
    ["", null],
    [new Date(Date.UTC(2024, 0, 1)), null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseNumberCell(input)).toBe(expected);
  });

  it("treats metrics ending in _rate or _on_time as percentages", () => {
    expect(isPercentMetric("tthc_on_time")).toBe(true);
    expect(isPercentMetric("sipas_rate")).toBe(true);
    expect(isPercentMetric("par_index")).toBe(false);
    expect(indicatorValueProblem("sipas_rate", 100.5)).toBe('chỉ số "sipas_rate" là tỷ lệ phần trăm nên giá trị phải từ 0 đến 100, không phải 100,5');
    expect(indicatorValueProblem("par_index", 100.5)).toBeNull();
  });

  it("accepts any number in 0–100 for a percentage and refuses anything outside", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (v) => {
        expect(indicatorValueProblem("x_rate", v) === null).toBe(v >= 0 && v <= 100);
      }),
    );
  });

  it("names each problem with its row number, normalises metric and period, and fills the default source", () => {
    const { rows, errors } = validateIndicatorRows(
      [
        row(2, { "Mã đơn vị": "p1", "Chỉ số": "TTHC_On_Time", Kỳ: "2024-q1", "Giá trị": "99,5", Nguồn: "" }),
        row(3, { "Mã đơn vị": "P9", "Chỉ số": "tthc_on_time", Kỳ: 2024, "Giá trị": "abc" }),
        row(4, { "Mã đơn vị": "P1", "Chỉ số": "tthc_on_time", Kỳ: "2024-Q1", "Giá trị": 50, Nguồn: "Cổng DVC" }),
      ],
      new Set(["p1"]),
      'Nhập từ tệp "a.xlsx"',
    );
    expect(rows[0]).toEqual({ row: 2, unitCode: "p1", metric: "tthc_on_time", period: "2024-Q1", value: 99.5, source: 'Nhập từ tệp "a.xlsx"' });
    expect(errors.map((e) => e.message)).toEqual([
      'Dòng 3: không tìm thấy đơn vị có mã "P9" trong phạm vi bạn được nhập số liệu',
      'Dòng 3: giá trị "abc" không phải số',
      'Dòng 4: đơn vị "P1", chỉ số "tthc_on_time", kỳ 2024-Q1 trùng với dòng 2',
    ]);
  });
});
