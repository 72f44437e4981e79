// Builds the council's minutes for a city (secret ballot over all members) and a commune (open vote over
// those present), and checks the layout, attendance counts, the rule with its source, the counts and
// results per nominee, and the two signatures side by side.
import { beforeAll, describe, expect, it } from "vitest";
import { cityMinutes, communeMinutes } from "../../../tests/support/commendation-documents.js";
import { type Docx, expectDecree30Portrait, flatText, inOrder, openDocx, paragraphXml, rowWith, tableRows } from "../../../tests/support/read-docx.js";
import { buildCouncilMinutesDocx, type CouncilMinutesInput, nomineeTally, ruleSentences } from "./minutes-docx.js";

describe("buildCouncilMinutesDocx — a city council, secret ballot", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildCouncilMinutesDocx(cityMinutes));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("has the council's letterhead, number, date and title", () => {
    const p = d.paragraphs;
    expect(p.join("\n")).toContain("HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG");
    expect(p).toContain("Số: 03/BB-HĐTĐKT");
    expect(p).toContain("TP. Vĩnh Long, ngày 24 tháng 12 năm 2024");
    expect(paragraphXml(d, "BIÊN BẢN")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(flatText(d)).toContain(
      "BIÊN BẢN Họp Hội đồng Thi đua - Khen thưởng thành phố Vĩnh Long xét khen thưởng phong trào thi đua thực hiện cải cách hành chính năm 2024",
    );
  });

  it("gives the time, place, chair, secretary and attendance as counts", () => {
    const p = d.paragraphs;
    expect(p).toContain("- Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 24 tháng 12 năm 2024.");
    expect(p).toContain("- Địa điểm: Phòng họp số 2, Ủy ban nhân dân thành phố Vĩnh Long.");
    expect(p).toContain("- Chủ trì: Lê Minh Tuấn - Chủ tịch UBND thành phố, Chủ tịch Hội đồng;");
    expect(p).toContain("- Thư ký: Ngô Thị Thanh Thảo - Chuyên viên Phòng Nội vụ, Thư ký Hội đồng;");
    expect(p).toContain("- Thành viên Hội đồng: có mặt 08/09 thành viên; vắng 01 thành viên: Ông Trương Văn Lợi (đi công tác).");
    expect(inOrder(d, ["I. THỜI GIAN, ĐỊA ĐIỂM", "II. THÀNH PHẦN THAM DỰ", "III. NỘI DUNG CUỘC HỌP", "IV. KẾT QUẢ BIỂU QUYẾT", "V. KẾT LUẬN"])).toBe(true);
  });

  it("states the ballot kind, the rule with its source, and the quorum", () => {
    const p = d.paragraphs;
    expect(p).toContain("Hình thức biểu quyết: bỏ phiếu kín.");
    expect(p).toContain(
      "Nguyên tắc: cuộc họp hợp lệ khi có từ 67% tổng số thành viên Hội đồng tham dự; tập thể, cá nhân được thông qua khi có số phiếu đồng ý đạt từ 70% trở lên so với tổng số thành viên Hội đồng (theo Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng thành phố).",
    );
    expect(p).toContain("Cuộc họp có 08/09 thành viên tham dự (88,89%), đủ điều kiện tiến hành biểu quyết.");
    expect(p).toContain("Ban kiểm phiếu gồm:");
    expect(p).toContain("- Phan Văn Nghĩa - Trưởng ban;");
  });

  it("tabulates each nominee: counts, share of all members and result", () => {
    expect(rowWith(d, "STT")).toEqual(["STT", "Tên tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Không biểu quyết", "Tỷ lệ đồng ý", "Kết quả"]);
    expect(rowWith(d, "Phòng Tư pháp thành phố")).toEqual(["2", "Phòng Tư pháp thành phố", "7", "1", "0", "77,78%", "Thông qua"]);
    expect(rowWith(d, "Bộ phận Tiếp nhận và Trả kết quả phường 2\n(UBND phường 2)")).toEqual([
      "1",
      "Bộ phận Tiếp nhận và Trả kết quả phường 2\n(UBND phường 2)",
      "8",
      "0",
      "0",
      "88,89%",
      "Thông qua",
    ]);
    // 5 of 9 members is 55.56 %, under the 70 % threshold.
    expect(rowWith(d, "Ủy ban nhân dân phường 4")).toEqual(["4", "Ủy ban nhân dân phường 4", "5", "2", "1", "55,56%", "Không thông qua"]);
    expect(d.paragraphs).toContain("1. Giấy khen của Chủ tịch UBND thành phố - tập thể");
    expect(d.paragraphs).toContain("2. Giấy khen của Chủ tịch UBND thành phố - cá nhân");
    expect(d.paragraphs).toContain("Tổng hợp: 05/06 tập thể, cá nhân được thông qua.");
  });

  it("ends the meeting and has the secretary and the chair sign side by side", () => {
    expect(d.paragraphs).toContain(
      "Cuộc họp kết thúc lúc 10 giờ 30 phút cùng ngày. Biên bản đã được thông qua trước Hội đồng, các thành viên dự họp thống nhất với nội dung Biên bản./.",
    );
    const signatures = tableRows(d).find((r) => r.some((c) => c.startsWith("THƯ KÝ")))!;
    expect(signatures).toEqual(["THƯ KÝ\nNgô Thị Thanh Thảo", "CHỦ TỊCH HỘI ĐỒNG\nLê Minh Tuấn"]);
    expect(paragraphXml(d, "Ngô Thị Thanh Thảo")).toContain("<w:b/>");
  });

  it("never links a member to a choice: members appear only as chair, secretary, absentee or counter", () => {
    const text = flatText(d);
    expect(text).not.toMatch(/bỏ phiếu (đồng ý|không đồng ý) cho/);
    // The vote rows hold counts only.
    for (const r of tableRows(d).filter((row) => row.length === 7 && row[0] !== "STT")) expect(r.slice(2, 5).every((c) => /^\d+$/.test(c))).toBe(true);
  });
});

describe("buildCouncilMinutesDocx — a commune council, open vote over those present", () => {
  let d: Docx;
  beforeAll(async () => {
    d = await openDocx(await buildCouncilMinutesDocx(communeMinutes));
  });

  it("has the Decree 30 layout", () => expectDecree30Portrait(d));

  it("leaves the number blank, and states the open vote over members present", () => {
    const p = d.paragraphs;
    expect(p).toContain("Số:      /BB-HĐTĐKT");
    expect(p).toContain("Tân Hòa, ngày 28 tháng 8 năm 2025");
    expect(p).toContain("Hình thức biểu quyết: biểu quyết công khai.");
    expect(p.find((x) => x.startsWith("Nguyên tắc:"))).toContain("đạt từ 50% trở lên so với số thành viên Hội đồng có mặt");
    expect(p).toContain("- Thành viên Hội đồng: có mặt 05/07 thành viên; vắng 02 thành viên.");
    expect(p).toContain("Kết quả biểu quyết như sau:");
    expect(p).not.toContain("Ban kiểm phiếu gồm:");
  });

  it("counts against those present, names individuals as such", () => {
    expect(rowWith(d, "STT")[1]).toBe("Họ và tên");
    expect(rowWith(d, "Lý Văn Hậu")).toEqual(["3", "Lý Văn Hậu", "3", "1", "1", "60%", "Thông qua"]);
    expect(rowWith(d, "Mai Văn Tài")).toEqual(["5", "Mai Văn Tài", "2", "3", "0", "40%", "Không thông qua"]);
    expect(d.paragraphs).toContain("Tổng hợp: 04/05 cá nhân được thông qua.");
    expect(flatText(d)).not.toMatch(/Vĩnh Long/);
  });
});

describe("minutes — the rule", () => {
  const rule = communeMinutes.rule;

  it("says when the quorum is not met, and passes no one", async () => {
    const input: CouncilMinutesInput = {
      ...communeMinutes,
      members: { total: 7, present: 3 },
      groups: [{ nominees: [{ name: "Nguyễn Hoàng Phúc", target: "individual", votes: { approve: 3, reject: 0, abstain: 0 } }] }],
    };
    const d = await openDocx(await buildCouncilMinutesDocx(input));
    expect(d.paragraphs).toContain("Cuộc họp chỉ có 03/07 thành viên tham dự (42,86%), không đủ điều kiện tiến hành biểu quyết.");
    expect(rowWith(d, "Nguyễn Hoàng Phúc")[6]).toBe("Không đủ điều kiện biểu quyết");
    expect(d.paragraphs).toContain("Tổng hợp: 0/01 cá nhân được thông qua.");
  });

  it("tallies counts exactly as ballot.ts does", () => {
    const t = nomineeTally({ ...rule, denominator: "members", thresholdPercent: 70, quorumPercent: 67 }, 9, 8, { approve: 7, reject: 1, abstain: 0 });
    expect(t).toMatchObject({ approve: 7, reject: 1, abstain: 0, denominator: 9, passed: true });
    expect(t.percent).toBeCloseTo(77.78, 2);
    expect(ruleSentences(rule, 7, 5)[0]).toBe("Hình thức biểu quyết: biểu quyết công khai.");
  });

  it("names members recused for a conflict of interest and counts that nominee without them", async () => {
    const input: CouncilMinutesInput = {
      ...communeMinutes,
      groups: [
        {
          nominees: [
            {
              name: "Nguyễn Hoàng Phúc",
              target: "individual",
              votes: { approve: 2, reject: 2, abstain: 0 },
              recused: [{ name: "Trần Thị Lan", reason: "là người được đề nghị khen thưởng", present: true }],
            },
          ],
        },
      ],
    };
    const d = await openDocx(await buildCouncilMinutesDocx(input));
    // 2 of the 4 present who may vote: 50 %, passes over those present.
    expect(rowWith(d, "Nguyễn Hoàng Phúc")).toEqual(["1", "Nguyễn Hoàng Phúc", "2", "2", "0", "50%", "Thông qua"]);
    expect(d.paragraphs).toContain(
      "Thành viên không tham gia biểu quyết do có xung đột lợi ích (không tính vào số thành viên khi xác định tỷ lệ đối với hồ sơ đó):",
    );
    expect(d.paragraphs).toContain("- Trần Thị Lan (là người được đề nghị khen thưởng): không biểu quyết đối với Nguyễn Hoàng Phúc.");
    const tooMany = { ...input, groups: [{ nominees: [{ ...input.groups[0].nominees[0], votes: { approve: 3, reject: 2, abstain: 0 } }] }] };
    await expect(buildCouncilMinutesDocx(tooMany)).rejects.toThrow(/vượt số thành viên có mặt được biểu quyết \(4\)/);
  });

  it("refuses more votes than members present, or more present than members", async () => {
    const tooMany: CouncilMinutesInput = { ...communeMinutes, groups: [{ nominees: [{ name: "X", votes: { approve: 5, reject: 1, abstain: 0 } }] }] };
    await expect(buildCouncilMinutesDocx(tooMany)).rejects.toThrow(/vượt số thành viên có mặt/);
    await expect(buildCouncilMinutesDocx({ ...communeMinutes, members: { total: 5, present: 7 } })).rejects.toThrow(RangeError);
    await expect(buildCouncilMinutesDocx({ ...communeMinutes, startTime: "25:00" })).rejects.toThrow(RangeError);
  });
});
