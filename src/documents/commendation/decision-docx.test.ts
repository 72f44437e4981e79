// Builds commendation decisions of two shapes (a city: collectives and individuals; a commune: individuals
// only, a deputy signs) and reads the .docx back to check the Decree 30 layout, the articles, the money in
// figures and words, the closing and the annex.
import { beforeAll, describe, expect, it } from "vitest";
import { cityDecision, communeDecision } from "../../../tests/support/commendation-documents.js";
import { type Docx, expectDecree30Portrait, flatText, inOrder, openDocx, paragraphXml, rowWith, tableRows } from "../../../tests/support/read-docx.js";
import { buildDecisionDocx, type DecisionInput, moneyLines, totalAmount } from "./decision-docx.js";

describe("buildDecisionDocx — a city rewards collectives and individuals", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildDecisionDocx(cityDecision));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("has the letterhead, number and date line", () => {
    const p = d.paragraphs;
    expect(p).toContain("UBND TỈNH VĨNH LONG");
    expect(p.join("\n")).toContain("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VĨNH LONG");
    expect(p).toContain("Số: 15/QĐ-UBND");
    expect(p).toContain("TP. Vĩnh Long, ngày 30 tháng 12 năm 2024");
    expect(paragraphXml(d, "TP. Vĩnh Long, ngày 30 tháng 12 năm 2024")).toContain("<w:i/>");
  });

  it("has the title, the summary, the deciding authority and the legal bases in italics", () => {
    expect(paragraphXml(d, "QUYẾT ĐỊNH")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(flatText(d)).toContain(
      "QUYẾT ĐỊNH Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua thực hiện cải cách hành chính năm 2024",
    );
    expect(paragraphXml(d, "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH LONG")).toContain("<w:b/>");
    const law = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;";
    expect(paragraphXml(d, law)).toContain("<w:i/>");
    expect(d.paragraphs).toContain("Xét đề nghị của Trưởng phòng Nội vụ thành phố tại Tờ trình số 112/TTr-PNV ngày 25 tháng 12 năm 2024.");
    expect(paragraphXml(d, "QUYẾT ĐỊNH:")).toContain("<w:b/>");
  });

  it("awards in Article 1 and pays in Article 2, in figures and in words", () => {
    const p = d.paragraphs;
    expect(p).toContain(
      "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân thành phố cho 03 tập thể và 05 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào thi đua thực hiện cải cách hành chính năm 2024.",
    );
    expect(paragraphXml(d, /^Điều 1\. /)).toMatch(/<w:b\/>[\s\S]*Điều 1\. /);
    expect(p).toContain(
      "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng 1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng); mỗi cá nhân kèm theo tiền thưởng 710.000 đồng (Bảy trăm mười nghìn đồng).",
    );
    expect(p).toContain("Tổng số tiền thưởng: 7.780.000 đồng (Bảy triệu bảy trăm tám mươi nghìn đồng).");
    expect(p).toContain("Kinh phí khen thưởng được trích từ Quỹ Thi đua, khen thưởng của thành phố năm 2024.");
    expect(p).toContain(
      "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND thành phố, Trưởng phòng Nội vụ thành phố, Trưởng phòng Tài chính - Kế hoạch thành phố, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    );
    // The last article stays on the page of the signature.
    expect(paragraphXml(d, /^Điều 3\. /)).toContain("<w:keepNext/>");
  });

  it("closes with 'Nơi nhận' beside the signature", () => {
    const p = d.paragraphs;
    const n = p.indexOf("Nơi nhận:");
    expect(p.slice(n + 1, n + 6)).toEqual([
      "- Như Điều 3;",
      "- Sở Nội vụ tỉnh Vĩnh Long;",
      "- TT. Thành ủy, TT. HĐND thành phố;",
      "- CT, các PCT UBND thành phố;",
      "- Lưu: VT, NV.",
    ]);
    const closing = tableRows(d).find((r) => r.some((c) => c.startsWith("Nơi nhận:")))!;
    expect(closing[1]).toMatch(/^CHỦ TỊCH\n\s*Lê Minh Tuấn$/);
    expect(paragraphXml(d, "Lê Minh Tuấn")).toContain("<w:b/>");
    expect(inOrder(d, ["QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "Nơi nhận:", "DANH SÁCH"])).toBe(true);
  });

  it("lists collectives and individuals in separate sections of the annex, on a new page, with the total", () => {
    expect(paragraphXml(d, "DANH SÁCH")).toContain("<w:pageBreakBefore/>");
    expect(flatText(d)).toContain("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ");
    const note = "(Kèm theo Quyết định số 15/QĐ-UBND ngày 30/12/2024 của Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long)";
    expect(paragraphXml(d, note)).toContain("<w:i/>");
    expect(rowWith(d, "STT")).toEqual(["STT", "Họ và tên / Tên tập thể", "Đơn vị", "Số tiền (đồng)"]);
    expect(rowWith(d, "TẬP THỂ")).toEqual(["I", "TẬP THỂ", "", "4.230.000"]);
    expect(rowWith(d, "Bộ phận Tiếp nhận và Trả kết quả phường 2")).toEqual([
      "1",
      "Bộ phận Tiếp nhận và Trả kết quả phường 2",
      "Ủy ban nhân dân phường 2",
      "1.410.000",
    ]);
    // A collective that is its own unit leaves the unit empty.
    expect(rowWith(d, "Phòng Tư pháp thành phố")).toEqual(["2", "Phòng Tư pháp thành phố", "", "1.410.000"]);
    expect(rowWith(d, "CÁ NHÂN")).toEqual(["II", "CÁ NHÂN", "", "3.550.000"]);
    expect(rowWith(d, "Phạm Thị Ngọc Hân")).toEqual(["1", "Phạm Thị Ngọc Hân", "Chuyên viên, Phòng Nội vụ thành phố", "710.000"]);
    expect(rowWith(d, "Đoàn Thị Mai Trâm")[0]).toBe("5");
    expect(rowWith(d, "Tổng cộng")).toEqual(["", "Tổng cộng", "", "7.780.000"]);
    expect(d.paragraphs).toContain("Tổng số: 03 tập thể và 05 cá nhân. Tổng số tiền thưởng: 7.780.000 đồng.");
    expect(d.paragraphs).toContain("(Bằng chữ: Bảy triệu bảy trăm tám mươi nghìn đồng)");
  });

  it("writes nothing of the other sample", () => {
    expect(flatText(d)).not.toMatch(/Tân Hòa|Đồng Tháp/);
  });
});

describe("buildDecisionDocx — a commune rewards individuals only", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildDecisionDocx(communeDecision));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("has the commune's letterhead, number and date", () => {
    const p = d.paragraphs;
    expect(p).toContain("UBND TỈNH ĐỒNG THÁP");
    expect(p.join("\n")).toContain("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA");
    expect(p).toContain("Số: 08/QĐ-UBND");
    expect(p).toContain("Tân Hòa, ngày 05 tháng 9 năm 2025");
    expect(p).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA");
    expect(p).toContain("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;");
    expect(p).toContain("Theo đề nghị của Công chức Văn phòng - Thống kê xã.");
  });

  it("names individuals only, with the individual amount and the total in words", () => {
    const p = d.paragraphs;
    expect(flatText(d)).toContain("Về việc tặng Giấy khen cho các cá nhân đã có thành tích tiêu biểu");
    expect(p.find((x) => x.startsWith("Điều 1."))).toContain("cho 04 cá nhân (có danh sách kèm theo)");
    expect(p).toContain("Điều 2. Mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng 710.000 đồng (Bảy trăm mười nghìn đồng).");
    expect(p).toContain("Tổng số tiền thưởng: 2.840.000 đồng (Hai triệu tám trăm bốn mươi nghìn đồng).");
    expect(p.find((x) => x.startsWith("Điều 3."))).toContain("và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
  });

  it("signs for the chair, and lists the individuals without sections", () => {
    const p = d.paragraphs;
    const t = p.indexOf("KT. CHỦ TỊCH");
    expect(p.slice(t, t + 2)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(p).toContain("Trần Thị Mỹ Linh");
    expect(flatText(d)).toContain("DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ");
    expect(p).toContain("(Kèm theo Quyết định số 08/QĐ-UBND ngày 05/09/2025 của Chủ tịch Ủy ban nhân dân xã Tân Hòa)");
    expect(rowWith(d, "STT")).toEqual(["STT", "Họ và tên", "Đơn vị", "Số tiền (đồng)"]);
    expect(tableRows(d).some((r) => r.includes("TẬP THỂ") || r.includes("CÁ NHÂN"))).toBe(false);
    expect(rowWith(d, "Lý Văn Hậu")).toEqual(["3", "Lý Văn Hậu", "Trưởng ấp, Ấp Hòa Long", "710.000"]);
    expect(rowWith(d, "Tổng cộng")).toEqual(["", "Tổng cộng", "", "2.840.000"]);
    expect(p).toContain("(Bằng chữ: Hai triệu tám trăm bốn mươi nghìn đồng)");
  });

  it("writes nothing of the other sample", () => {
    expect(flatText(d)).not.toMatch(/Vĩnh Long|Lê Minh Tuấn/);
  });
});

describe("buildDecisionDocx — other shapes", () => {
  it("leaves blanks for a draft's number and date, and drops the money article when there is none", async () => {
    const draft: DecisionInput = {
      ...communeDecision,
      number: undefined,
      date: undefined,
      year: 2025,
      recipients: communeDecision.recipients.map((r) => ({ ...r, amount: null })),
      funding: undefined,
    };
    const d = await openDocx(await buildDecisionDocx(draft));
    const p = d.paragraphs;
    expect(p).toContain("Số:      /QĐ-UBND");
    expect(p).toContain("Tân Hòa, ngày     tháng     năm 2025");
    expect(p).toContain("(Kèm theo Quyết định số      /QĐ-UBND ngày      /     /2025 của Chủ tịch Ủy ban nhân dân xã Tân Hòa)");
    expect(p.some((x) => x.startsWith("Điều 2. Quyết định này có hiệu lực"))).toBe(true);
    expect(p.some((x) => x.startsWith("Điều 3."))).toBe(false);
    expect(p.some((x) => x.includes("tiền thưởng"))).toBe(false);
    expect(rowWith(d, "STT")).toEqual(["STT", "Họ và tên", "Đơn vị"]);
    expect(p).toContain("Tổng số: 04 cá nhân./.");
  });

  it("gives each recipient's amount when they differ", async () => {
    const mixed: DecisionInput = {
      ...cityDecision,
      recipients: [
        { name: "Tổ Một cửa", target: "collective", amount: 1_410_000 },
        { name: "Nguyễn Văn A", target: "individual", amount: 710_000 },
        { name: "Trần Thị B", target: "individual", amount: 3_510_000 },
      ],
    };
    const d = await openDocx(await buildDecisionDocx(mixed));
    const p = d.paragraphs;
    expect(p).toContain("Điều 2. Tiền thưởng kèm theo Giấy khen của từng tập thể, cá nhân như sau:");
    expect(p).toContain("- Tổ Một cửa: 1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng);");
    expect(p).toContain("- Trần Thị B: 3.510.000 đồng (Ba triệu năm trăm mười nghìn đồng).");
    expect(p).toContain("Tổng số tiền thưởng: 5.630.000 đồng (Năm triệu sáu trăm ba mươi nghìn đồng).");
  });

  it("refuses a decision without recipients or with a bad amount", async () => {
    await expect(buildDecisionDocx({ ...cityDecision, recipients: [] })).rejects.toThrow(/ít nhất một/);
    await expect(buildDecisionDocx({ ...cityDecision, recipients: [{ name: "X", target: "individual", amount: -5 }] })).rejects.toThrow(RangeError);
  });

  it("moneyLines and totalAmount", () => {
    expect(moneyLines(communeDecision.recipients, "Giấy khen")).toEqual([
      "Mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng 710.000 đồng (Bảy trăm mười nghìn đồng).",
    ]);
    expect(moneyLines([{ name: "X", target: "individual" }], "Giấy khen")).toEqual([]);
    expect(totalAmount(cityDecision.recipients)).toBe(7_780_000);
  });
});
