import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inForce, type LegalTables, numberInWords, rewardAmount } from "./money.js";

const tables: LegalTables = JSON.parse(fs.readFileSync(new URL("../../../legal/rewards.json", import.meta.url), "utf8"));

describe("reward money", () => {
  it.each([
    ["giay_khen", "individual", "2024-11-25", 710_000, "Bảy trăm mười nghìn đồng"],
    ["giay_khen", "collective", "2024-11-25", 1_410_000, "Một triệu bốn trăm mười nghìn đồng"],
    ["bang_khen_tinh", "individual", "2024-12-20", 2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"],
    ["bang_khen_tinh", "individual", "2025-12-20", 3_510_000, "Ba triệu năm trăm mười nghìn đồng"],
    ["bang_khen_tinh", "collective", "2025-12-20", 7_020_000, "Bảy triệu không trăm hai mươi nghìn đồng"],
    ["giay_khen", "individual", "2024-05-01", 540_000, "Năm trăm bốn mươi nghìn đồng"],
    ["tap_the_lao_dong_xuat_sac", "collective", "2024-12-01", 3_510_000, "Ba triệu năm trăm mười nghìn đồng"],
    // Decree 91/2017, before Decree 98/2023 took over on 01/01/2024 (seed 001's movement of 2023).
    ["giay_khen", "individual", "2023-12-25", 540_000, "Năm trăm bốn mươi nghìn đồng"],
    ["giay_khen", "collective", "2023-12-25", 1_080_000, "Một triệu không trăm tám mươi nghìn đồng"],
    ["giay_khen", "individual", "2023-06-30", 450_000, "Bốn trăm năm mươi nghìn đồng"],
    ["bang_khen_tinh", "individual", "2023-12-25", 1_800_000, "Một triệu tám trăm nghìn đồng"],
  ] as const)("%s %s decided %s → %d", (key, target, date, amount, words) => {
    expect(rewardAmount(tables, key, target, date)).toMatchObject({ amount, words });
  });

  it.each([
    ["2023-12-31", "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003", "Nghị định số 91/2017/NĐ-CP"],
    ["2024-01-01", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 98/2023/NĐ-CP"],
    ["2025-06-30", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 98/2023/NĐ-CP"],
    ["2025-07-01", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 152/2025/NĐ-CP"],
  ])("a decision of %s rests on the law and decree then in force", (date, law, decree) => {
    const [lawLine, decreeLine] = inForce(tables.legalBases, date)?.lines ?? [];
    expect(lawLine).toContain(law);
    expect(decreeLine).toContain(decree);
  });

  it("uses the base salary in force on the decision date and explains the sum", () => {
    const r = rewardAmount(tables, "giay_khen", "individual", "2024-11-25");
    expect(r.explanation).toBe("Giấy khen: hệ số 0,3 × lương cơ sở 2.340.000 đồng = 702.000 đồng, làm tròn lên 710.000 đồng");
    expect(r.sources).toEqual(["Nghị định 98/2023/NĐ-CP", "Nghị định 73/2024/NĐ-CP"]);
    expect(rewardAmount(tables, "giay_khen", "individual", "2026-08-01").explanation).toContain("chưa được xác nhận");
    // Decree 152/2025's "collectives twice" is known only from secondary sources: the collective amount says so.
    expect(rewardAmount(tables, "bang_khen_tinh", "collective", "2025-12-29").explanation).toBe(
      "Bằng khen của Chủ tịch UBND cấp tỉnh: hệ số 1,5 × 2 (tập thể) × lương cơ sở 2.340.000 đồng = 7.020.000 đồng, làm tròn lên 7.020.000 đồng (có số liệu chưa được xác nhận từ văn bản gốc)",
    );
    expect(rewardAmount(tables, "bang_khen_tinh", "individual", "2025-12-29").explanation).not.toContain("chưa được xác nhận");
    expect(rewardAmount(tables, "khong_co", "individual", "2024-11-25").amount).toBeNull();
  });

  it("always rounds up to a multiple of 10,000, never by 10,000 or more", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tables.coefficients.map((c) => c.key)),
        fc.constantFrom("individual" as const, "collective" as const),
        fc.date({ min: new Date("2024-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }),
        (key, target, d) => {
          const r = rewardAmount(tables, key, target, d.toISOString().slice(0, 10));
          if (r.amount === null) return;
          expect(r.amount % 10_000).toBe(0);
          const salary = inForce(tables.baseSalary, d.toISOString().slice(0, 10))?.amount ?? 0;
          expect(r.amount).toBeGreaterThan(0);
          expect(r.amount).toBeLessThan(salary * 10);
        },
      ),
    );
  });
});

describe("numbers in words", () => {
  it.each([
    [0, "Không"],
    [5, "Năm"],
    [15, "Mười lăm"],
    [21, "Hai mươi mốt"],
    [24, "Hai mươi tư"],
    [105, "Một trăm lẻ năm"],
    [1_000_005, "Một triệu không trăm lẻ năm"],
    [2_530_000, "Hai triệu năm trăm ba mươi nghìn"],
    [1_000_000_000, "Một tỷ"],
    [10_050_000, "Mười triệu không trăm năm mươi nghìn"],
  ])("%d → %s", (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });
});
