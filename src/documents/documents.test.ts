// Generates the plan document and the scoring sheets from seed 003 and from a hand-made plan of another
// shape, then opens the files (a .docx is a zip of XML) and checks what an official document must show.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { readPlanText } from "../domain/plan/io.js";
import { type Plan, planSchema } from "../domain/plan/schema.js";
import { validatePlan } from "../domain/plan/validate.js";
import { hasScoredCriteria } from "./criteria-table.js";
import { buildPlanDocx, milestoneLine, milestoneWhen, quotaText, targetText } from "./plan-docx.js";
import { buildScoringSheetDocx, buildScoringSheetXlsx, scoringSheetRows } from "./scoring-sheet.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

function loadSeed003(): Plan {
  const parsed = readPlanText(fs.readFileSync(path.join(root, "templates/003-vinh-long-2024.yaml"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.plan;
}

/** A commune's plan: no number or date yet, a deputy signs, criteria without codes, a bonus section. */
const handMade: Plan = planSchema.parse({
  code: "tan-phu-2025",
  issuer: { parent: "UBND huyện Châu Thành", name: "Ủy ban nhân dân xã Tân Phú", level: "commune" },
  symbol: "KH-UBND",
  place: "Xã Tân Phú",
  title: "Thi đua chuyển đổi số và cải cách thủ tục hành chính năm 2025",
  year: 2025,
  period: { to: "2025-11-30" },
  legalBases: [
    { text: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022." },
    { text: "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;" },
  ],
  purposes: ["Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính."],
  contents: [{ id: "nd-1", area: "Chuyển đổi số", text: "Thi đua tiếp nhận hồ sơ trực tuyến toàn trình." }],
  groups: [
    {
      id: "ap",
      name: "Các ấp",
      type: "collective",
      membership: { description: "Ban nhân dân 07 ấp trên địa bàn xã." },
      criteria: [
        {
          id: "chi-dao",
          title: "Công tác chỉ đạo, điều hành",
          max: 30,
          children: [
            {
              id: "ban-hanh",
              title: "Ban hành kế hoạch thực hiện",
              max: 10,
              inputs: [{ key: "co_kh", label: "Có kế hoạch", type: "boolean" }],
              rule: { kind: "manual", input: "co_kh" },
            },
            {
              id: "to-chuc",
              title: "Tổ chức thực hiện",
              max: 20,
              children: [
                {
                  id: "trien-khai",
                  title: "Triển khai đến hộ dân",
                  max: 12,
                  inputs: [{ key: "tk", label: "Điểm triển khai", type: "number" }],
                  rule: { kind: "manual", input: "tk" },
                },
                {
                  id: "kiem-tra",
                  title: "Tự kiểm tra",
                  max: 8,
                  inputs: [{ key: "kt", label: "Điểm kiểm tra", type: "number" }],
                  rule: { kind: "manual", input: "kt" },
                },
              ],
            },
          ],
        },
        {
          id: "tthc",
          title: "Hồ sơ trực tuyến toàn trình",
          max: 70,
          inputs: [{ key: "tt", label: "Điểm hồ sơ", type: "number" }],
          rule: { kind: "manual", input: "tt" },
        },
        {
          id: "thuong",
          title: "Điểm thưởng mô hình hay",
          max: 5,
          section: "bonus",
          inputs: [{ key: "mh", label: "Điểm thưởng", type: "number" }],
          rule: { kind: "manual", input: "mh" },
        },
        {
          id: "chuan",
          title: "Tiêu chuẩn chung",
          children: [
            {
              id: "doan-ket",
              title: "Nội bộ đoàn kết",
              inputs: [{ key: "dk", label: "Đoàn kết", type: "boolean" }],
              rule: { kind: "pass_fail", when: { input: "dk", op: "true" } },
            },
            {
              id: "khong-vi-pham",
              title: "Không có cán bộ vi phạm kỷ luật",
              inputs: [{ key: "vp", label: "Vi phạm", type: "count" }],
              rule: { kind: "pass_fail", when: { input: "vp", op: "eq", value: 0 } },
            },
          ],
        },
      ],
    },
    {
      id: "can-bo",
      name: "Cán bộ, công chức xã",
      type: "individual",
      criteria: [
        {
          id: "tich-cuc",
          title: "Tích cực hướng dẫn người dân nộp hồ sơ trực tuyến",
          inputs: [{ key: "tc", label: "Tích cực", type: "boolean" }],
          rule: { kind: "pass_fail", when: { input: "tc", op: "true" } },
        },
      ],
    },
  ],
  targets: [{ id: "ty-le-truc-tuyen", label: "Tỷ lệ hồ sơ trực tuyến toàn trình", metric: "online_rate", comparator: "gte", value: 80, unit: "%" }],
  milestones: [
    { id: "tong-ket", kind: "movement_end", label: "Tổng kết phong trào", due: "2025-11-30" },
    { id: "dang-ky", kind: "registration", label: "Đăng ký thi đua", due: "2025-03-05" },
  ],
  awardForms: [
    {
      id: "giay-khen-xa",
      name: "Giấy khen của Chủ tịch UBND xã",
      issuerLevel: "commune",
      target: "both",
      quotas: [
        { target: "collective", quota: { kind: "share", percent: 30 } },
        { target: "individual", quota: { kind: "unlimited" } },
      ],
    },
  ],
  dossier: [
    { id: "to-trinh", name: "Tờ trình đề nghị khen thưởng" },
    { id: "minh-chung", name: "Tài liệu minh chứng", required: false },
  ],
  eligibility: [{ id: "dang-ky", kind: "required", check: { type: "registered" }, message: "Có đăng ký thi đua" }],
  vote: { ballot: "secret", quorumPercent: 67, denominator: "members", thresholdPercent: 70 },
  signer: { authority: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", title: "Phó Chủ tịch", name: "Nguyễn Thị Hoa" },
  recipients: ["UBND huyện Châu Thành", "Ban nhân dân các ấp"],
});

// ---------------------------------------------------------------------------------------------------
// Reading a .docx
// ---------------------------------------------------------------------------------------------------

interface Docx {
  document: string;
  styles: string;
  theme: string;
  parts: Record<string, string>;
  /** The text of each paragraph, in order. */
  paragraphs: string[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    unescapeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => t[1] ?? "\n").join("")),
  );
}

async function openDocx(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) parts[name] = await zip.file(name)!.async("string");
  return {
    document: parts["word/document.xml"],
    styles: parts["word/styles.xml"],
    theme: parts["word/theme/theme1.xml"],
    parts,
    paragraphs: paragraphTexts(parts["word/document.xml"]),
  };
}

/** The fonts named anywhere in the document's parts (run fonts and theme typefaces). */
function fontsNamed(d: Docx): Set<string> {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(d.parts)) {
    if (name === "word/fontTable.xml") continue;
    for (const m of xml.matchAll(/<w:rFonts ([^>]*)\/>/g)) for (const a of m[1].matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)) names.add(a[1]);
    if (name === "word/theme/theme1.xml") for (const m of xml.matchAll(/<a:(?:latin|ea|cs) typeface="([^"]*)"/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

function expectOfficialLayout(d: Docx) {
  // Times New Roman as the default font for every script, and no other font anywhere.
  expect(d.styles).toMatch(
    /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
  );
  expect([...fontsNamed(d)]).toEqual(["Times New Roman"]);
  // Black text, 14 pt by default; body style justified, first-line indent 1.27 cm, 6 pt after, 1.2 lines.
  expect(d.styles).toMatch(/<w:rPrDefault><w:rPr>.*?<w:color w:val="000000"\/><w:sz w:val="28"\/>/);
  const body = /<w:style w:type="paragraph" w:styleId="Decree30Body">[\s\S]*?<\/w:style>/.exec(d.styles)?.[0] ?? "";
  expect(body).toContain('<w:jc w:val="both"/>');
  expect(body).toMatch(/<w:ind w:firstLine="720"\/>/);
  expect(body).toMatch(/<w:spacing w:after="120" w:before="0" w:line="288" w:lineRule="auto"\/>|<w:spacing [^>]*w:after="120"[^>]*w:line="288"/);
  expect([...d.styles.matchAll(/<w:color w:val="([^"]*)"/g)].map((m) => m[1]).filter((c) => c !== "000000")).toEqual([]);
  // A4 portrait, margins 20/20/30/15 mm.
  expect(d.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  expect(d.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"\/>/);
  // Page numbers from page 2: a different (empty) first-page header and a PAGE field in the default header.
  expect(d.document).toContain("<w:titlePg/>");
  expect(d.document).toMatch(/<w:headerReference w:type="first"/);
  expect(d.document).toMatch(/<w:headerReference w:type="default"/);
  const headers = Object.entries(d.parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
  expect(headers.some(([, x]) => /PAGE/.test(x) && /<w:jc w:val="center"\/>/.test(x))).toBe(true);
  // The national title and motto.
  expect(d.paragraphs).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(d.paragraphs).toContain("Độc lập - Tự do - Hạnh phúc");
}

/** The runs (with their properties) of the first paragraph whose text is `text`. */
function paragraphXml(d: Docx, text: string): string {
  const found = [...d.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p)[0] === text);
  if (!found) throw new Error(`No paragraph "${text}"`);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Plan document
// ---------------------------------------------------------------------------------------------------

describe("buildPlanDocx — seed 003", () => {
  let d: Docx;
  const plan = loadSeed003();
  beforeAll(async () => {
    d = await openDocx(await buildPlanDocx(plan));
  });

  it("has the Decree 30 layout", () => expectOfficialLayout(d));

  it("has the letterhead from the plan", () => {
    expect(d.paragraphs).toContain("UBND TỈNH VĨNH LONG");
    expect(d.paragraphs.join("\n")).toContain("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VĨNH LONG");
    expect(d.paragraphs).toContain("Số: 20/KH-UBND");
    expect(d.paragraphs).toContain("TP. Vĩnh Long, ngày 14 tháng 3 năm 2024");
    expect(paragraphXml(d, "TP. Vĩnh Long, ngày 14 tháng 3 năm 2024")).toContain("<w:i/>");
    expect(paragraphXml(d, "ỦY BAN NHÂN DÂN")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraphXml(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraphXml(d, "Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
  });

  it("has the title, legal basis and sections in order", () => {
    const p = d.paragraphs;
    const at = (s: string) => p.indexOf(s);
    expect(paragraphXml(d, "KẾ HOẠCH")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(at("Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024")).toBe(at("KẾ HOẠCH") + 1);
    const basis = `${plan.legalBases[0].text}.`;
    expect(paragraphXml(d, basis)).toContain("<w:i/>");
    const order = [
      "KẾ HOẠCH",
      basis,
      "I. MỤC ĐÍCH, YÊU CẦU",
      "II. ĐỐI TƯỢNG, NỘI DUNG, TIÊU CHÍ THI ĐUA",
      "III. KHEN THƯỞNG",
      "IV. TIẾN ĐỘ THỰC HIỆN",
      "Nơi nhận:",
    ];
    const positions = order.map(at);
    expect(positions.every((x) => x >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("has the criteria table with points, qualitative criteria as lines, and the total", () => {
    const p = d.paragraphs;
    expect(p).toContain("STT");
    expect(p).toContain("Tiêu chí");
    expect(p).toContain("Điểm chuẩn");
    const i = p.indexOf("Chương trình, Kế hoạch cải cách hành chính 2024");
    expect(p.slice(i - 1, i + 2)).toEqual(["I", "Chương trình, Kế hoạch cải cách hành chính 2024", "40"]);
    const k = p.indexOf("Ban hành Kế hoạch");
    expect(p.slice(k - 1, k + 2)).toEqual(["2.1", "Ban hành Kế hoạch", "5"]);
    const t = p.indexOf("Tổng cộng (I+II+III+IV+V)");
    expect(p[t + 1]).toBe("100");
    expect(p).toContain("- Hoàn thành 100% nhiệm vụ theo kế hoạch CCHC hàng năm;");
    expect(p).toContain("- Tham gia đầy đủ các cuộc thi tuyên truyền CCHC.");
    // Qualitative criteria are not rows of the points table.
    expect(p).not.toContain("Hoàn thành 100% nhiệm vụ theo kế hoạch CCHC hàng năm");
  });

  it("has awards with quotas in words, dossier, conditions and dated milestones", () => {
    const p = d.paragraphs;
    expect(p).toContain("- Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố: tối đa 05 tập thể và 10 cá nhân.");
    expect(p).toContain("- Đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân Tỉnh: tối đa 01 tập thể và 01 cá nhân.");
    expect(p).toContain("- Bảng tự chấm điểm của cơ quan, địa phương;");
    expect(p).toContain("- Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng.");
    expect(p).toContain("- Chỉ xét khen thưởng đối với cơ quan, địa phương có đăng ký thi đua.");
    expect(p).toContain("- Gửi Bảng đăng ký thi đua CCHC năm 2024 về Phòng Nội vụ: chậm nhất ngày 26/04/2024.");
    expect(p).toContain("- Tự chấm điểm thi đua CCHC năm 2024: từ ngày 01/12/2024 đến ngày 31/12/2024.");
    expect(p).toContain("Thời gian thực hiện: từ ngày 14/03/2024 đến ngày 31/12/2024.");
    expect(p).toContain("Trên đây là Kế hoạch phát động phong trào thi đua thực hiện cải cách hành chính năm 2024./.");
  });

  it("closes with 'Nơi nhận' and the signature block", () => {
    const p = d.paragraphs;
    expect(paragraphXml(d, "Nơi nhận:")).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    const n = p.indexOf("Nơi nhận:");
    expect(p.slice(n + 1, n + 9)).toEqual([
      "- TT Thành ủy VL;",
      "- TT HĐND TPVL;",
      "- TT UBND TPVL;",
      "- Các phòng chuyên môn TPVL;",
      "- UBND 11 phường;",
      "- CT, các PCT UBND TPVL;",
      "- Lãnh đạo VP;",
      "- Lưu: V/T, 4.06.",
    ]);
    expect(paragraphXml(d, "- Lãnh đạo VP;")).toContain('<w:sz w:val="22"/>');
    expect(p).toContain("CHỦ TỊCH");
    expect(p).toContain("Đặng Văn Lượng");
    expect(paragraphXml(d, "Đặng Văn Lượng")).toContain("<w:b/>");
  });
});

describe("buildPlanDocx — a hand-made commune plan", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildPlanDocx(handMade));
  });

  it("is a valid plan to begin with", () => {
    expect(validatePlan(handMade)).toEqual([]);
  });

  it("has the Decree 30 layout", () => expectOfficialLayout(d));

  it("leaves blanks for the number and date, and upper-cases the bodies", () => {
    const p = d.paragraphs;
    expect(p).toContain("UBND HUYỆN CHÂU THÀNH");
    expect(p.join("\n")).toContain("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ");
    expect(p).toContain("Số:      /KH-UBND");
    expect(p).toContain("Xã Tân Phú, ngày     tháng     năm 2025");
    expect(p).toContain("Thi đua chuyển đổi số và cải cách thủ tục hành chính năm 2025");
  });

  it("punctuates legal bases ';' then '.'", () => {
    const p = d.paragraphs;
    expect(p).toContain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    expect(p).toContain("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ.");
  });

  it("numbers criteria without codes, shows the bonus, and lists pass/fail criteria", () => {
    const p = d.paragraphs;
    const row = (title: string) => {
      const i = p.indexOf(title);
      return [p[i - 1], p[i], p[i + 1]];
    };
    expect(row("Công tác chỉ đạo, điều hành")).toEqual(["I", "Công tác chỉ đạo, điều hành", "30"]);
    expect(row("Ban hành kế hoạch thực hiện")).toEqual(["1", "Ban hành kế hoạch thực hiện", "10"]);
    expect(row("Triển khai đến hộ dân")).toEqual(["2.1", "Triển khai đến hộ dân", "12"]);
    expect(row("Hồ sơ trực tuyến toàn trình")).toEqual(["II", "Hồ sơ trực tuyến toàn trình", "70"]);
    expect(row("Điểm thưởng mô hình hay")).toEqual(["III", "Điểm thưởng mô hình hay", "5"]);
    expect(row("Tổng cộng (I+II+III)")[2]).toBe("100");
    expect(p).toContain("- Nội bộ đoàn kết;");
    expect(p).toContain("- Không có cán bộ vi phạm kỷ luật.");
    expect(p).toContain("Đối với cán bộ, công chức xã");
    expect(p).toContain("- Tích cực hướng dẫn người dân nộp hồ sơ trực tuyến");
    expect(p).toContain("- Tỷ lệ hồ sơ trực tuyến toàn trình: đạt từ 80% trở lên");
  });

  it("words quotas, optional dossier items, the vote and milestones in date order", () => {
    const p = d.paragraphs;
    expect(p).toContain("- Giấy khen của Chủ tịch UBND xã: tối đa 30% số tập thể; không giới hạn số lượng cá nhân.");
    expect(p).toContain("- Tài liệu minh chứng (nếu có).");
    expect(p.some((x) => x.includes("bỏ phiếu kín") && x.includes("67%") && x.includes("70%"))).toBe(true);
    const reg = p.indexOf("- Đăng ký thi đua: chậm nhất ngày 05/03/2025.");
    const end = p.indexOf("- Tổng kết phong trào: ngày 30/11/2025.");
    expect(reg).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(reg);
    expect(p).toContain("Thời gian thực hiện: đến ngày 30/11/2025.");
  });

  it("signs on behalf of the committee for the chair, and archives last", () => {
    const p = d.paragraphs;
    const t = p.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(p.slice(t, t + 3)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(p).toContain("Nguyễn Thị Hoa");
    const n = p.indexOf("Nơi nhận:");
    expect(p.slice(n + 1, n + 4)).toEqual(["- UBND huyện Châu Thành;", "- Ban nhân dân các ấp;", "- Lưu: VT."]);
  });
});

describe("buildPlanDocx — long place name and title", () => {
  it("widens the date cell rather than wrapping the date line, and breaks the title before the locality", async () => {
    const plan: Plan = {
      ...handMade,
      place: "Phan Rang - Tháp Chàm",
      issuedOn: "2024-01-05",
      number: "408",
      title: "Phát động phong trào thi đua chuyên đề cải cách hành chính thành phố Phan Rang - Tháp Chàm năm 2024",
    };
    const d = await openDocx(await buildPlanDocx(plan));
    expect(d.paragraphs).toContain("Số: 408/KH-UBND");
    expect(d.paragraphs).toContain("Phan Rang - Tháp Chàm, ngày 05 tháng 01 năm 2024");
    const letterhead = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d.document)![0];
    expect(letterhead).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(d.paragraphs).toContain("Phát động phong trào thi đua chuyên đề cải cách hành chính\nthành phố Phan Rang - Tháp Chàm năm 2024");
    expect(d.paragraphs).toContain(
      "Trên đây là Kế hoạch phát động phong trào thi đua chuyên đề cải cách hành chính thành phố Phan Rang - Tháp Chàm năm 2024./.",
    );
  });
});

describe("plan text pieces", () => {
  it.each([
    [
      [
        { target: "collective", quota: { kind: "count", max: 5 } },
        { target: "individual", quota: { kind: "count", max: 10 } },
      ],
      "tối đa 05 tập thể và 10 cá nhân",
    ],
    [[{ target: "individual", quota: { kind: "share", percent: 15 } }], "tối đa 15% số cá nhân"],
    [[{ target: "collective", quota: { kind: "count", max: 0 } }], "không xét tập thể"],
    [[{ target: "collective", quota: { kind: "count", max: 2 }, groups: ["ap"] }], "tối đa 02 tập thể (Các ấp)"],
    [[], ""],
  ] as const)("quotaText %#", (quotas, expected) => {
    expect(quotaText(quotas as never, (id) => (id === "ap" ? "Các ấp" : id))).toBe(expected);
  });

  it.each([
    [{ from: "2024-12-01", due: "2024-12-31", kind: "self_assessment" }, "từ ngày 01/12/2024 đến ngày 31/12/2024"],
    [{ due: "2024-04-26", kind: "registration" }, "chậm nhất ngày 26/04/2024"],
    [{ due: "2024-12-31", kind: "movement_end" }, "ngày 31/12/2024"],
    [{ from: "2024-05-01", kind: "other" }, "từ ngày 01/05/2024"],
    [{ kind: "other" }, ""],
  ] as const)("milestoneWhen %#", (m, expected) => {
    expect(milestoneWhen(m)).toBe(expected);
  });

  it.each([
    [{ label: "Gửi hồ sơ", due: "2024-11-20", kind: "dossier" }, "Gửi hồ sơ: chậm nhất ngày 20/11/2024."],
    [
      { label: "Gửi hồ sơ về Phòng Nội vụ, chậm nhất ngày 20/11/2024.", due: "2024-11-20", kind: "dossier" },
      "Gửi hồ sơ về Phòng Nội vụ, chậm nhất ngày 20/11/2024.",
    ],
    [{ label: "Đăng ký trước 5/3/2025", due: "2025-03-05", kind: "registration" }, "Đăng ký trước 5/3/2025."],
    [{ label: "Kết thúc (trước ngày 30/11/2024)", due: "2024-11-29", kind: "movement_end" }, "Kết thúc (trước ngày 30/11/2024): ngày 29/11/2024."],
    [{ label: "Sơ kết", kind: "other" }, "Sơ kết."],
  ] as const)("milestoneLine %#", (m, expected) => {
    expect(milestoneLine(m)).toBe(expected);
  });

  it.each([
    [{ comparator: "gte", value: 90, unit: "%" }, "X: đạt từ 90% trở lên"],
    [{ comparator: "lt", value: 3, unit: "hồ sơ" }, "X: dưới 3 hồ sơ"],
    [{ comparator: "between", value: 80, value2: 90, unit: "điểm" }, "X: từ 80 đến 90 điểm"],
    [{ comparator: "up_on_previous" }, "X: tăng so với năm trước"],
    [{ comparator: "at_least_rank", value: 3 }, "X: xếp hạng trong nhóm 03 đơn vị dẫn đầu"],
  ] as const)("targetText %#", (t, expected) => {
    expect(targetText({ id: "x", label: "X", metric: "m", ...t } as never)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// Scoring sheets
// ---------------------------------------------------------------------------------------------------

async function openXlsx(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb.worksheets[0];
}

function rowsOf(ws: ExcelJS.Worksheet): { number: number; values: unknown[] }[] {
  const out: { number: number; values: unknown[] }[] = [];
  ws.eachRow((r, n) => out.push({ number: n, values: (r.values as unknown[]).slice(1) }));
  return out;
}

const cellResult = (v: unknown) => (v && typeof v === "object" && "formula" in v ? (v as { result?: unknown }).result : v);

describe("scoring sheet — seed 003", () => {
  const plan = loadSeed003();

  it("xlsx: title, bold header, criterion rows with max points, total 100, Times New Roman", async () => {
    const ws = await openXlsx(await buildScoringSheetXlsx(plan, "tap-the", undefined, "Phòng Nội vụ"));
    const rows = rowsOf(ws);
    expect(rows[0].values[0]).toBe("BẢNG ĐĂNG KÝ THI ĐUA");
    const header = rows.find((r) => r.values[0] === "STT")!;
    expect(header.values).toEqual(["STT", "TIÊU CHÍ THI ĐUA", "ĐIỂM CHUẨN", "ĐIỂM ĐĂNG KÝ"]);
    expect(ws.getRow(header.number).getCell(2).font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getRow(header.number).getCell(2).border?.top?.style).toBe("thin");
    const row = rows.find((r) => r.values[1] === "Chương trình, Kế hoạch cải cách hành chính 2024")!;
    expect(row.values.slice(0, 3)).toEqual(["I", "Chương trình, Kế hoạch cải cách hành chính 2024", 40]);
    expect(ws.getRow(row.number).getCell(2).font?.bold).toBe(true);
    expect(rows.find((r) => r.values[1] === "Ban hành Kế hoạch")!.values.slice(0, 3)).toEqual(["2.1", "Ban hành Kế hoạch", 5]);
    const total = rows.find((r) => r.values[1] === "Tổng cộng (I+II+III+IV+V)")!;
    expect(total.values[2]).toBe(100);
    // The registered column sums the top-level rows by formula, to be filled in Excel.
    expect((total.values[3] as { formula: string }).formula).toMatch(/^D\d+\+D\d+\+D\d+\+D\d+\+D\d+$/);
    expect(rows.some((r) => r.values.includes("Đơn vị: Phòng Nội vụ"))).toBe(true);
    expect(rows.some((r) => String(r.values[1] ?? "").startsWith("Hoàn thành 100% nhiệm vụ"))).toBe(false);
    expect(ws.getColumn(2).width).toBeGreaterThan(50);
    expect(ws.getRow(row.number).getCell(2).alignment?.wrapText).toBe(true);
  });

  it("xlsx: with self-scores, adds the column and totals the values", async () => {
    const ws = await openXlsx(await buildScoringSheetXlsx(plan, "tap-the", { registered: { "i-1": 10, "i-2-1": 5, v: 10 }, self: { "i-1": 9, iii: 8 } }));
    const rows = rowsOf(ws);
    expect(rows[0].values[0]).toBe("BẢNG TỰ CHẤM ĐIỂM");
    expect(rows.find((r) => r.values[0] === "STT")!.values).toEqual(["STT", "TIÊU CHÍ THI ĐUA", "ĐIỂM CHUẨN", "ĐIỂM ĐĂNG KÝ", "ĐIỂM TỰ CHẤM"]);
    const group = rows.find((r) => r.values[1] === "Chương trình, Kế hoạch cải cách hành chính 2024")!;
    expect(cellResult(group.values[3])).toBe(15);
    expect(cellResult(group.values[4])).toBe(9);
    const total = rows.find((r) => String(r.values[1]).startsWith("Tổng cộng"))!;
    expect(cellResult(total.values[3])).toBe(25);
    expect(cellResult(total.values[4])).toBe(17);
  });

  it("docx: a Decree 30 document with the same table", async () => {
    const d = await openDocx(
      await buildScoringSheetDocx(plan, "tap-the", { registered: { "i-1": 10 } }, "Phòng Nội vụ", { unitParent: "UBND thành phố Vĩnh Long" }),
    );
    expectOfficialLayout(d);
    const p = d.paragraphs;
    expect(p).toContain("BẢNG ĐĂNG KÝ THI ĐUA");
    expect(p).toContain("PHÒNG NỘI VỤ");
    expect(p).toContain("(Kèm theo Kế hoạch số 20/KH-UBND ngày 14/03/2024)");
    expect(p).toContain("TP. Vĩnh Long, ngày     tháng     năm 2024");
    expect(p.filter((x) => x.startsWith("Số:"))).toEqual([]);
    for (const h of ["STT", "TIÊU CHÍ THI ĐUA", "ĐIỂM CHUẨN", "ĐIỂM ĐĂNG KÝ"]) expect(p).toContain(h);
    expect(p).not.toContain("ĐIỂM TỰ CHẤM");
    const i = p.indexOf("Chương trình, Kế hoạch cải cách hành chính 2024");
    expect(p.slice(i - 1, i + 3)).toEqual(["I", "Chương trình, Kế hoạch cải cách hành chính 2024", "40", "10"]);
    const t = p.indexOf("Tổng cộng (I+II+III+IV+V)");
    expect(p.slice(t + 1, t + 3)).toEqual(["100", "10"]);
    expect(p).toContain("THỦ TRƯỞNG ĐƠN VỊ");
  });

  it("docx: self-scoring title and column; the plan's issuer heads the sheet without a unit", async () => {
    const d = await openDocx(await buildScoringSheetDocx(plan, "tap-the", { self: { iii: 10 } }));
    expect(d.paragraphs).toContain("BẢNG TỰ CHẤM ĐIỂM");
    expect(d.paragraphs).toContain("ĐIỂM TỰ CHẤM");
    expect(d.paragraphs).toContain("UBND TỈNH VĨNH LONG");
  });

  it("refuses a group without scored criteria, or an unknown group", async () => {
    await expect(buildScoringSheetXlsx(plan, "ca-nhan")).rejects.toThrow(/không có tiêu chí chấm điểm/);
    await expect(buildScoringSheetDocx(plan, "khong-co")).rejects.toThrow(/không có nhóm đối tượng/);
  });
});

describe("scoring sheet — hand-made plan", () => {
  it("numbers rows without codes, keeps the bonus out of the full mark, and adds it to the score", async () => {
    const values = { registered: { "ban-hanh": 10, "trien-khai": 12, "kiem-tra": 6, tthc: 70, thuong: 5 } };
    const { rows } = scoringSheetRows(handMade, "ap", values);
    expect(rows.map((r) => r.cells)).toEqual([
      ["I", "Công tác chỉ đạo, điều hành", "30", "28"],
      ["1", "Ban hành kế hoạch thực hiện", "10", "10"],
      ["2", "Tổ chức thực hiện", "20", "18"],
      ["2.1", "Triển khai đến hộ dân", "12", "12"],
      ["2.2", "Tự kiểm tra", "8", "6"],
      ["II", "Hồ sơ trực tuyến toàn trình", "70", "70"],
      ["III", "Điểm thưởng mô hình hay", "5", "5"],
      ["", "Tổng cộng (I+II+III)", "100", "103"],
    ]);
    const ws = await openXlsx(await buildScoringSheetXlsx(handMade, "ap", values, "Ấp Tân Lợi"));
    const all = rowsOf(ws);
    expect(all.find((r) => r.values[1] === "Tổ chức thực hiện")!.values.slice(0, 3)).toEqual(["2", "Tổ chức thực hiện", 20]);
    const total = all.find((r) => r.values[1] === "Tổng cộng (I+II+III)")!;
    expect(total.values[2]).toBe(100);
    expect(cellResult(total.values[3])).toBe(103);

    const d = await openDocx(await buildScoringSheetDocx(handMade, "ap", values, "Ấp Tân Lợi"));
    expectOfficialLayout(d);
    expect(d.paragraphs).toContain("ẤP TÂN LỢI");
    expect(d.paragraphs).toContain("Xã Tân Phú, ngày     tháng     năm 2025");
    expect(d.paragraphs).toContain("(Kèm theo Kế hoạch)");
  });
});

describe("every template in templates/", () => {
  const files = fs.readdirSync(path.join(root, "templates")).filter((f) => /\.(ya?ml|json)$/.test(f));
  it.each(files)("%s builds a Decree 30 plan and a sheet for each scored group", async (file) => {
    const parsed = readPlanText(fs.readFileSync(path.join(root, "templates", file), "utf8"));
    if (!parsed.ok) return; // validity is templates.test.ts's concern
    const plan = parsed.plan;
    const d = await openDocx(await buildPlanDocx(plan));
    expectOfficialLayout(d);
    expect(d.paragraphs).toContain("KẾ HOẠCH");
    if (plan.signer) expect(d.paragraphs).toContain(plan.signer.name);
    for (const g of plan.groups.filter((x) => hasScoredCriteria(x.criteria))) {
      const ws = await openXlsx(await buildScoringSheetXlsx(plan, g.id));
      expect(rowsOf(ws).some((r) => String(r.values[1] ?? "").startsWith("Tổng cộng"))).toBe(true);
      expectOfficialLayout(await openDocx(await buildScoringSheetDocx(plan, g.id)));
    }
  });
});
