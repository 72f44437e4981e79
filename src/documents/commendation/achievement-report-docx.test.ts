// Builds the achievement report of an individual (Mẫu 03) and of a collective (Mẫu 02) and checks the
// sections of Decree 98/2023's templates, the data filled in, the dotted lines left for what the system
// does not know, and the confirmation and signature blocks.
import { beforeAll, describe, expect, it } from "vitest";
import { collectiveReport, individualReport } from "../../../tests/support/commendation-documents.js";
import { type Docx, expectDecree30Portrait, flatText, inOrder, openDocx, paragraphXml, rowWith, tableRows } from "../../../tests/support/read-docx.js";
import { type AchievementReportInput, buildAchievementReportDocx } from "./achievement-report-docx.js";

describe("buildAchievementReportDocx — an individual (Mẫu 03)", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildAchievementReportDocx(individualReport));
  });

  it("has the Decree 30 layout, the template's name and no number line", () => {
    expectDecree30Portrait(d);
    expect(d.paragraphs[0]).toBe("Mẫu số 03");
    expect(d.paragraphs.some((p) => p.startsWith("Số:"))).toBe(false);
    expect(d.paragraphs).toContain("TP. Vĩnh Long, ngày     tháng     năm 2024");
  });

  it("has the title and the award proposed", () => {
    expect(paragraphXml(d, "BÁO CÁO THÀNH TÍCH")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(d.paragraphs).toContain("Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố");
  });

  it("fills in what the system knows and leaves dotted lines for the rest", () => {
    const p = d.paragraphs;
    expect(p).toContain("- Họ và tên: Phạm Thị Ngọc Hân");
    expect(p).toContain("- Sinh ngày, tháng, năm: 07/03/1989\tGiới tính: Nữ");
    expect(p).toContain("- Đơn vị công tác: Phòng Nội vụ thành phố Vĩnh Long");
    expect(p).toContain("- Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên");
    for (const blank of ["- Dân tộc: \tTôn giáo: \t", "- Quê quán: \t", "- Trú quán: \t", "- Trình độ lý luận chính trị: \t"]) {
      expect(p).toContain(blank);
      expect(paragraphXml(d, blank)).toContain('w:leader="dot"');
    }
    // A known value has no dots after it.
    expect(paragraphXml(d, "- Họ và tên: Phạm Thị Ngọc Hân")).not.toContain('w:leader="dot"');
  });

  it("has the three sections of Mẫu 03 with the movement's results", () => {
    expect(
      inOrder(d, [
        "I. SƠ LƯỢC LÝ LỊCH",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận",
        "2. Thành tích đạt được",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "1. Danh hiệu thi đua",
        "2. Hình thức khen thưởng",
      ]),
    ).toBe(true);
    const p = d.paragraphs;
    expect(p).toContain("Kết quả trong phong trào thi đua thực hiện cải cách hành chính năm 2024:");
    expect(p).toContain("- Tổng điểm đạt được: 96,5/100 điểm;");
    expect(p).toContain("- Xếp hạng: thứ 1/24 (công chức các phòng chuyên môn);");
    expect(p).toContain("- Xếp loại: Xuất sắc;");
    expect(p).toContain("- Cải cách thủ tục hành chính: 28,5/30 điểm;");
    expect(p).toContain("- Không để xảy ra hồ sơ trễ hạn: đạt.");
    expect(p).toContain("- Giải pháp số hóa hồ sơ thi đua, khen thưởng (Quyết định số 45/QĐ-UBND ngày 20/11/2024 của UBND thành phố).");
    // No duties known: dotted lines under II.1.
    const i = p.indexOf("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận");
    expect(p.slice(i + 1, i + 4)).toEqual(["\t", "\t", "\t"]);
  });

  it("tabulates earlier awards, with empty rows when none are known", () => {
    expect(rowWith(d, "2023")).toEqual([
      "2023",
      "Giấy khen của Chủ tịch UBND thành phố",
      "Quyết định số 30/QĐ-UBND ngày 29/12/2023 của Chủ tịch UBND thành phố",
    ]);
    const titles = tableRows(d).findIndex((r) => r[1] === "Danh hiệu thi đua");
    expect(tableRows(d).slice(titles + 1, titles + 3)).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
  });

  it("closes with the superior's confirmation beside the reporter's signature", () => {
    const row = tableRows(d).find((r) => r.some((c) => c.includes("NGƯỜI BÁO CÁO THÀNH TÍCH")))!;
    expect(row[0].replace(/\n/g, " ")).toBe("XÁC NHẬN CỦA CẤP TRÌNH KHEN (Ký, đóng dấu) ");
    expect(row[1]).toBe("NGƯỜI BÁO CÁO THÀNH TÍCH\n(Ký, ghi rõ họ và tên)\nPhạm Thị Ngọc Hân");
  });
});

describe("buildAchievementReportDocx — a collective (Mẫu 02)", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildAchievementReportDocx(collectiveReport));
  });

  it("has the Decree 30 layout with the unit's letterhead but no number", () => {
    expectDecree30Portrait(d);
    expect(d.paragraphs[0]).toBe("Mẫu số 02");
    expect(d.paragraphs.join("\n")).toContain("ỦY BAN NHÂN DÂN\nPHƯỜNG 2");
    expect(d.paragraphs.some((p) => p.startsWith("Số:"))).toBe(false);
    expect(d.paragraphs).toContain("Phường 2, ngày 10 tháng 12 năm 2024");
    expect(d.paragraphs).toContain("Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố");
  });

  it("has the sections of Mẫu 02, the unit's data and its results", () => {
    expect(
      inOrder(d, [
        "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
        "1. Đặc điểm, tình hình",
        "2. Chức năng, nhiệm vụ",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
      ]),
    ).toBe(true);
    const p = d.paragraphs;
    expect(p).toContain("- Tên đơn vị: Ủy ban nhân dân phường 2");
    expect(p).toContain("- Địa chỉ trụ sở: Số 12, đường Lê Lợi, phường 2, thành phố Vĩnh Long");
    expect(p).toContain("- Điện thoại: \t");
    expect(p).toContain("Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính cho tổ chức, cá nhân trên địa bàn phường.");
    expect(p).toContain("- Tổng điểm đạt được: 97,5/100 điểm;");
    expect(p).toContain("- Tỷ lệ hồ sơ giải quyết đúng hạn: 20/20 điểm (đạt 100%).");
    expect(p).toContain("- Tỷ lệ hài lòng của người dân đạt 98,7%.");
  });

  it("closes with the superior's confirmation and the head of the unit", () => {
    const row = tableRows(d).find((r) => r.some((c) => c.startsWith("TM. ỦY BAN NHÂN DÂN")))!;
    expect(row[0]).toMatch(/^XÁC NHẬN CỦA/);
    expect(row[1]).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký, đóng dấu)\nNguyễn Văn Toàn");
    expect(flatText(d)).not.toMatch(/Tân Hòa/);
  });

  it("refuses a report without a name", async () => {
    const bad: AchievementReportInput = { ...individualReport, kind: "individual", person: { fullName: " " } };
    await expect(buildAchievementReportDocx(bad)).rejects.toThrow(/cần tên/);
  });
});
