// Builds certificates for a city (three recipients, framed) and a commune (two recipients, a deputy signs,
// no frame) and checks the landscape A4 page, one page per recipient, the large award and name, the
// decision reference, the place and date, and the signature.
import { beforeAll, describe, expect, it } from "vitest";
import { cityCertificates, communeCertificates } from "../../../tests/support/commendation-documents.js";
import {
  type Docx,
  expectNationalMotto,
  expectTimesNewRomanBlack,
  flatText,
  openDocx,
  paragraphXml,
  paragraphXmls,
  textOf,
} from "../../../tests/support/read-docx.js";
import { buildCertificateDocx, LANDSCAPE_TEXT_WIDTH } from "./certificate-docx.js";

function expectLandscapeA4(d: Docx) {
  expectTimesNewRomanBlack(d);
  expect(d.document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  expect(d.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"\/>/);
  expectNationalMotto(d);
}

/** The page each paragraph is on (a page starts at a paragraph with pageBreakBefore). */
function pages(d: Docx): string[][] {
  const out: string[][] = [];
  for (const p of paragraphXmls(d.document)) {
    if (!out.length || p.includes("<w:pageBreakBefore/>")) out.push([]);
    out[out.length - 1].push(textOf(p));
  }
  return out;
}

describe("buildCertificateDocx — a city's Giấy khen", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildCertificateDocx(cityCertificates));
  });

  it("is A4 landscape in Times New Roman with Decree 30 margins", () => {
    expectLandscapeA4(d);
    expect(LANDSCAPE_TEXT_WIDTH).toBe(16838 - 1701 - 850);
  });

  it("has one page per recipient, each with the whole certificate", () => {
    const ps = pages(d);
    expect(ps).toHaveLength(3);
    for (const page of ps) {
      expect(page[0]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(page).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH LONG");
      expect(page).toContain("TẶNG");
      expect(page).toContain("GIẤY KHEN");
      expect(page).toContain("Quyết định số 15/QĐ-UBND ngày 30/12/2024.");
      expect(page).toContain("TP. Vĩnh Long, ngày 30 tháng 12 năm 2024");
      expect(page).toContain("CHỦ TỊCH");
      expect(page).toContain("Lê Minh Tuấn");
    }
    expect(ps[0]).toContain("Bộ phận Tiếp nhận và Trả kết quả phường 2");
    expect(ps[0]).toContain("Ủy ban nhân dân phường 2");
    expect(ps[0]).toContain("Số sổ vàng: 124");
    expect(ps[1]).toContain("Bà Phạm Thị Ngọc Hân");
    expect(ps[1]).toContain("Chuyên viên, Phòng Nội vụ thành phố");
    expect(ps[2]).toContain("Ông Võ Thành Đạt");
    expect(ps[2].some((x) => x.startsWith("Số sổ vàng"))).toBe(false);
  });

  it("sets the award and the name large and bold, the achievement in italics", () => {
    expect(paragraphXml(d, "GIẤY KHEN")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="88"\/>/);
    const name = paragraphXml(d, "Bà Phạm Thị Ngọc Hân");
    expect(name).toContain("<w:b/>");
    expect(Number(/<w:sz w:val="(\d+)"\/>/.exec(name)![1])).toBeGreaterThanOrEqual(48);
    expect(paragraphXml(d, "TẶNG")).toContain("<w:b/>");
    const achievement = paragraphXmls(d.document).find((p) => textOf(p).startsWith("Đã có thành tích xuất sắc"))!;
    expect(textOf(achievement).replace(/\n/g, " ")).toBe("Đã có thành tích xuất sắc trong phong trào thi đua thực hiện cải cách hành chính năm 2024");
    expect(achievement).toContain("<w:i/>");
  });

  it("frames the page", () => {
    expect(d.document).toMatch(/<w:pgBorders w:offsetFrom="page">[\s\S]*<w:top w:val="double"/);
  });
});

describe("buildCertificateDocx — a commune's Giấy khen, signed by a deputy, unframed", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildCertificateDocx(communeCertificates));
  });

  it("is A4 landscape, a page per recipient, without a frame", () => {
    expectLandscapeA4(d);
    expect(pages(d)).toHaveLength(2);
    expect(d.document).not.toContain("<w:pgBorders");
  });

  it("has the commune's authority, the deputy's signature and the decision", () => {
    const p = d.paragraphs;
    expect(p).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA");
    const t = p.indexOf("KT. CHỦ TỊCH");
    expect(p.slice(t, t + 3)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Mỹ Linh"]);
    expect(p).toContain("Quyết định số 08/QĐ-UBND ngày 05/09/2025.");
    expect(p).toContain("Tân Hòa, ngày 05 tháng 9 năm 2025");
    // The achievement's first letter is capitalised on the certificate.
    expect(flatText(d)).toContain("Đã có thành tích tiêu biểu trong phong trào thi đua chuyển đổi số");
    expect(p).toContain("Nguyễn Hoàng Phúc");
    expect(p).toContain("Đoàn Thanh niên xã Tân Hòa");
    expect(flatText(d)).not.toMatch(/Vĩnh Long/);
  });

  it("refuses an empty list", async () => {
    await expect(buildCertificateDocx({ ...communeCertificates, recipients: [] })).rejects.toThrow(RangeError);
  });
});
