// Builds proposal memos of two shapes (a city office proposing collectives and individuals with their
// points and rank; a commune proposing two individuals for different awards to two addressees) and checks
// the layout, "Kính gửi", the nominee table, the dossier list and the closing.
import { beforeAll, describe, expect, it } from "vitest";
import { cityProposal, communeProposal } from "../../../tests/support/commendation-documents.js";
import { type Docx, expectDecree30Portrait, flatText, inOrder, openDocx, paragraphXml, rowWith, tableRows } from "../../../tests/support/read-docx.js";
import { buildProposalMemoDocx } from "./proposal-docx.js";

describe("buildProposalMemoDocx — a city office", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildProposalMemoDocx(cityProposal));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("has the office's letterhead, number, date, title and addressee", () => {
    const p = d.paragraphs;
    expect(p).toContain("PHÒNG NỘI VỤ");
    expect(p).toContain("Số: 112/TTr-PNV");
    expect(p).toContain("TP. Vĩnh Long, ngày 25 tháng 12 năm 2024");
    expect(paragraphXml(d, "TỜ TRÌNH")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(flatText(d)).toContain(
      "TỜ TRÌNH Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua thực hiện cải cách hành chính năm 2024",
    );
    expect(paragraphXml(d, "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long.")).toContain('<w:jc w:val="center"/>');
    expect(paragraphXml(d, /^Căn cứ Kế hoạch số 20\/KH-UBND/)).toContain("<w:i/>");
  });

  it("proposes in a sentence, then lists the nominees with points and rank", () => {
    expect(d.paragraphs).toContain(
      "Phòng Nội vụ kính trình Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long xem xét, tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố cho 03 tập thể và 02 cá nhân có thành tích xuất sắc trong phong trào thi đua thực hiện cải cách hành chính năm 2024, cụ thể như sau:",
    );
    expect(rowWith(d, "STT")).toEqual(["STT", "Tên tập thể, cá nhân", "Đơn vị", "Hình thức đề nghị", "Tổng điểm", "Xếp hạng"]);
    // Section heads span the row.
    expect(rowWith(d, "TẬP THỂ")).toEqual(["I", "TẬP THỂ"]);
    expect(rowWith(d, "CÁ NHÂN")).toEqual(["II", "CÁ NHÂN"]);
    expect(rowWith(d, "Bộ phận Tiếp nhận và Trả kết quả phường 2")).toEqual([
      "1",
      "Bộ phận Tiếp nhận và Trả kết quả phường 2",
      "UBND phường 2",
      "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố",
      "97,5",
      "1/11",
    ]);
    expect(rowWith(d, "Phòng Tư pháp thành phố").slice(4)).toEqual(["94,25", "1/12"]);
    expect(rowWith(d, "Võ Thành Đạt")).toEqual(["2", "Võ Thành Đạt", "Công chức, UBND phường 2", "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố", "", ""]);
  });

  it("lists the dossier and closes with the request and the signature", () => {
    const p = d.paragraphs;
    const h = p.indexOf("Hồ sơ kèm theo gồm:");
    expect(p.slice(h + 1, h + 4)).toEqual([
      "- Biên bản họp Hội đồng Thi đua - Khen thưởng thành phố;",
      "- Bảng tổng hợp kết quả chấm điểm thi đua;",
      "- Báo cáo thành tích của các tập thể, cá nhân.",
    ]);
    expect(p).toContain("Phòng Nội vụ kính trình Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long xem xét, quyết định./.");
    expect(inOrder(d, ["TỜ TRÌNH", "Hồ sơ kèm theo gồm:", "Nơi nhận:", "TRƯỞNG PHÒNG", "Huỳnh Văn Sang"])).toBe(true);
    const n = p.indexOf("Nơi nhận:");
    expect(p.slice(n + 1, n + 3)).toEqual(["- Như trên;", "- Lưu: VT, PNV."]);
  });
});

describe("buildProposalMemoDocx — a commune, two addressees, awards differ", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildProposalMemoDocx(communeProposal));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("leaves blanks for the number and date; lists the addressees under 'Kính gửi'", () => {
    const p = d.paragraphs;
    expect(p).toContain("Số:      /TTr-UBND");
    expect(p).toContain("Tân Hòa, ngày     tháng     năm 2025");
    expect(p).toContain("Kính gửi:\t- Ủy ban nhân dân tỉnh Đồng Tháp;");
    expect(p).toContain("- Sở Nội vụ tỉnh Đồng Tháp.");
  });

  it("proposes 'khen thưởng' when the awards differ, without points or rank columns", () => {
    expect(flatText(d)).toContain("Về việc đề nghị khen thưởng cho các cá nhân có thành tích xuất sắc tiêu biểu");
    expect(
      d.paragraphs.find((x) =>
        x.startsWith("Ủy ban nhân dân xã Tân Hòa kính trình Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp xem xét, khen thưởng cho 02 cá nhân"),
      ),
    ).toBeTruthy();
    expect(rowWith(d, "STT")).toEqual(["STT", "Họ và tên", "Đơn vị", "Hình thức đề nghị"]);
    expect(rowWith(d, "Trịnh Thị Bích Ngọc")[3]).toBe("Giấy khen của Giám đốc Sở Nội vụ");
    expect(rowWith(d, "Nguyễn Hoàng Phúc")[3]).toBe("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh");
    expect(tableRows(d).some((r) => r.includes("CÁ NHÂN"))).toBe(false);
  });

  it("signs on behalf of the committee", () => {
    const p = d.paragraphs;
    const t = p.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(p.slice(t, t + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(p).toContain("Đỗ Văn Khánh");
    expect(flatText(d)).not.toMatch(/Vĩnh Long/);
  });

  it("refuses a memo without nominees", async () => {
    await expect(buildProposalMemoDocx({ ...communeProposal, nominees: [] })).rejects.toThrow(/ít nhất một/);
  });
});
