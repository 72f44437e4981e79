// Sample inputs of two shapes for the commendation documents, made up for the tests:
// a city that rewards collectives and individuals after a secret ballot, and a commune (two-level local
// government, 2025) that rewards individuals only after an open vote. No seed's data.
import type { AchievementReportInput } from "../../src/documents/commendation/achievement-report-docx.js";
import type { CertificateInput } from "../../src/documents/commendation/certificate-docx.js";
import type { DecisionInput } from "../../src/documents/commendation/decision-docx.js";
import type { CouncilMinutesInput } from "../../src/documents/commendation/minutes-docx.js";
import type { ProposalMemoInput } from "../../src/documents/commendation/proposal-docx.js";

const cityMovement = "phong trào thi đua thực hiện cải cách hành chính năm 2024";
const communeMovement = "phong trào thi đua chuyển đổi số trong giải quyết thủ tục hành chính năm 2025";

export const cityDecision: DecisionInput = {
  issuer: { parent: "UBND tỉnh Vĩnh Long", name: "Ủy ban nhân dân thành phố Vĩnh Long" },
  number: "15",
  place: "TP. Vĩnh Long",
  date: "2024-12-30",
  decider: "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long",
  awardName: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố",
  awardShortName: "Giấy khen",
  achievement: `đã có thành tích xuất sắc trong ${cityMovement}`,
  legalBases: [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    "Xét đề nghị của Trưởng phòng Nội vụ thành phố tại Tờ trình số 112/TTr-PNV ngày 25 tháng 12 năm 2024",
  ],
  recipients: [
    { name: "Bộ phận Tiếp nhận và Trả kết quả phường 2", target: "collective", unitName: "Ủy ban nhân dân phường 2", amount: 1_410_000 },
    { name: "Phòng Tư pháp thành phố", target: "collective", unitName: "Phòng Tư pháp thành phố", amount: 1_410_000 },
    { name: "Văn phòng Ủy ban nhân dân phường 8", target: "collective", unitName: "Ủy ban nhân dân phường 8", amount: 1_410_000 },
    { name: "Phạm Thị Ngọc Hân", target: "individual", position: "Chuyên viên", unitName: "Phòng Nội vụ thành phố", amount: 710_000 },
    { name: "Võ Thành Đạt", target: "individual", position: "Công chức Văn phòng - Thống kê", unitName: "UBND phường 2", amount: 710_000 },
    { name: "Huỳnh Kim Phượng", target: "individual", position: "Công chức Tư pháp - Hộ tịch", unitName: "UBND phường 8", amount: 710_000 },
    { name: "Lâm Quốc Bảo", target: "individual", position: "Chuyên viên", unitName: "Văn phòng HĐND và UBND thành phố", amount: 710_000 },
    { name: "Đoàn Thị Mai Trâm", target: "individual", position: "Phó Trưởng phòng", unitName: "Phòng Văn hóa và Thông tin thành phố", amount: 710_000 },
  ],
  funding: "Kinh phí khen thưởng được trích từ Quỹ Thi đua, khen thưởng của thành phố năm 2024",
  executors: [
    "Chánh Văn phòng HĐND và UBND thành phố",
    "Trưởng phòng Nội vụ thành phố",
    "Trưởng phòng Tài chính - Kế hoạch thành phố",
    "Thủ trưởng các cơ quan, đơn vị có liên quan",
  ],
  signature: { title: "Chủ tịch", name: "Lê Minh Tuấn" },
  recipientsOfCopies: ["Như Điều 3", "Sở Nội vụ tỉnh Vĩnh Long", "TT. Thành ủy, TT. HĐND thành phố", "CT, các PCT UBND thành phố", "Lưu: VT, NV"],
};

export const communeDecision: DecisionInput = {
  issuer: { parent: "UBND tỉnh Đồng Tháp", name: "Ủy ban nhân dân xã Tân Hòa" },
  number: "08",
  symbol: "QĐ-UBND",
  place: "Tân Hòa",
  date: "2025-09-05",
  decider: "Chủ tịch Ủy ban nhân dân xã Tân Hòa",
  awardName: "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
  awardShortName: "Giấy khen",
  achievement: `đã có thành tích tiêu biểu trong ${communeMovement}`,
  legalBases: [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    "Theo đề nghị của Công chức Văn phòng - Thống kê xã",
  ],
  recipients: [
    { name: "Nguyễn Hoàng Phúc", target: "individual", position: "Công chức Văn phòng - Thống kê", unitName: "UBND xã Tân Hòa", amount: 710_000 },
    { name: "Trịnh Thị Bích Ngọc", target: "individual", position: "Công chức Tư pháp - Hộ tịch", unitName: "UBND xã Tân Hòa", amount: 710_000 },
    { name: "Lý Văn Hậu", target: "individual", position: "Trưởng ấp", unitName: "Ấp Hòa Long", amount: 710_000 },
    { name: "Châu Ngọc Diễm", target: "individual", position: "Đoàn viên", unitName: "Đoàn Thanh niên xã", amount: 710_000 },
  ],
  funding: "Kinh phí khen thưởng chi từ Quỹ Thi đua, khen thưởng của xã năm 2025",
  executors: ["Văn phòng HĐND và UBND xã", "Công chức Tài chính - Kế toán xã"],
  signature: { authority: ["KT. CHỦ TỊCH"], title: "Phó Chủ tịch", name: "Trần Thị Mỹ Linh" },
  recipientsOfCopies: ["Như Điều 3", "TT. Đảng ủy, TT. HĐND xã", "Lưu: VT"],
};

export const cityMinutes: CouncilMinutesInput = {
  issuer: { parent: "UBND thành phố Vĩnh Long", name: "Hội đồng Thi đua - Khen thưởng" },
  number: "03",
  place: "TP. Vĩnh Long",
  date: "2024-12-24",
  councilName: "Hội đồng Thi đua - Khen thưởng thành phố Vĩnh Long",
  purpose: `xét khen thưởng ${cityMovement}`,
  startTime: "08:00",
  endTime: "10:30",
  venue: "Phòng họp số 2, Ủy ban nhân dân thành phố Vĩnh Long",
  chair: { name: "Lê Minh Tuấn", position: "Chủ tịch UBND thành phố, Chủ tịch Hội đồng" },
  secretary: { name: "Ngô Thị Thanh Thảo", position: "Chuyên viên Phòng Nội vụ, Thư ký Hội đồng" },
  members: { total: 9, present: 8 },
  absentees: [{ name: "Ông Trương Văn Lợi", reason: "đi công tác" }],
  content: [
    "Thư ký Hội đồng báo cáo kết quả chấm điểm, xếp hạng phong trào thi đua và danh sách đề nghị khen thưởng do Phòng Nội vụ tổng hợp.",
    "Các thành viên Hội đồng thảo luận, thống nhất đưa ra bỏ phiếu các tập thể, cá nhân có hồ sơ đầy đủ, đúng hạn.",
  ],
  rule: {
    ballot: "secret",
    quorumPercent: 67,
    denominator: "members",
    thresholdPercent: 70,
    source: "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng thành phố",
  },
  counters: [
    { name: "Phan Văn Nghĩa", position: "Trưởng ban" },
    { name: "Đặng Thị Kiều", position: "Thành viên" },
  ],
  groups: [
    {
      title: "Giấy khen của Chủ tịch UBND thành phố - tập thể",
      nominees: [
        { name: "Bộ phận Tiếp nhận và Trả kết quả phường 2", unitName: "UBND phường 2", votes: { approve: 8, reject: 0, abstain: 0 } },
        { name: "Phòng Tư pháp thành phố", votes: { approve: 7, reject: 1, abstain: 0 } },
        { name: "Văn phòng Ủy ban nhân dân phường 8", votes: { approve: 7, reject: 0, abstain: 1 } },
        { name: "Ủy ban nhân dân phường 4", votes: { approve: 5, reject: 2, abstain: 1 } },
      ],
    },
    {
      title: "Giấy khen của Chủ tịch UBND thành phố - cá nhân",
      nominees: [
        { name: "Phạm Thị Ngọc Hân", unitName: "Phòng Nội vụ thành phố", votes: { approve: 8, reject: 0, abstain: 0 } },
        { name: "Võ Thành Đạt", unitName: "UBND phường 2", votes: { approve: 7, reject: 0, abstain: 1 } },
      ],
    },
  ],
  conclusions: ["Hội đồng thống nhất trình Chủ tịch UBND thành phố tặng Giấy khen cho các tập thể, cá nhân được thông qua."],
};

export const communeMinutes: CouncilMinutesInput = {
  issuer: { parent: "UBND xã Tân Hòa", name: "Hội đồng Thi đua - Khen thưởng" },
  place: "Tân Hòa",
  date: "2025-08-28",
  councilName: "Hội đồng Thi đua - Khen thưởng xã Tân Hòa",
  purpose: `xét khen thưởng ${communeMovement}`,
  startTime: "14:00",
  endTime: "15:15",
  venue: "Hội trường Ủy ban nhân dân xã Tân Hòa",
  chair: { name: "Trần Thị Mỹ Linh", position: "Phó Chủ tịch UBND xã, Chủ tịch Hội đồng" },
  secretary: { name: "Nguyễn Hoàng Phúc" },
  members: { total: 7, present: 5 },
  content: ["Hội đồng xem xét danh sách cá nhân đề nghị khen thưởng."],
  rule: { ballot: "open", quorumPercent: 50, denominator: "present", thresholdPercent: 50, source: "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng xã" },
  groups: [
    {
      nominees: [
        { name: "Nguyễn Hoàng Phúc", target: "individual", votes: { approve: 5, reject: 0, abstain: 0 } },
        { name: "Trịnh Thị Bích Ngọc", target: "individual", votes: { approve: 4, reject: 1, abstain: 0 } },
        { name: "Lý Văn Hậu", target: "individual", votes: { approve: 3, reject: 1, abstain: 1 } },
        { name: "Châu Ngọc Diễm", target: "individual", votes: { approve: 3, reject: 2, abstain: 0 } },
        { name: "Mai Văn Tài", target: "individual", votes: { approve: 2, reject: 3, abstain: 0 } },
      ],
    },
  ],
};

export const cityProposal: ProposalMemoInput = {
  issuer: { parent: "UBND thành phố Vĩnh Long", name: "Phòng Nội vụ" },
  number: "112",
  symbol: "TTr-PNV",
  place: "TP. Vĩnh Long",
  date: "2024-12-25",
  addressee: "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long",
  proposer: "Phòng Nội vụ",
  awardName: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố",
  achievement: `có thành tích xuất sắc trong ${cityMovement}`,
  legalBases: [
    "Căn cứ Kế hoạch số 20/KH-UBND ngày 14/3/2024 của Ủy ban nhân dân thành phố về phát động phong trào thi đua thực hiện cải cách hành chính năm 2024",
  ],
  reasons: [
    "Qua tổng hợp kết quả tự chấm điểm, thẩm định của Phòng Nội vụ và kết quả họp Hội đồng Thi đua - Khen thưởng thành phố ngày 24/12/2024, các tập thể, cá nhân dưới đây đã hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào thi đua.",
  ],
  nominees: [
    { name: "Bộ phận Tiếp nhận và Trả kết quả phường 2", target: "collective", unitName: "UBND phường 2", totalPoints: 97.5, rank: 1, rankOf: 11 },
    { name: "Văn phòng Ủy ban nhân dân phường 8", target: "collective", unitName: "UBND phường 8", totalPoints: 95, rank: 2, rankOf: 11 },
    { name: "Phòng Tư pháp thành phố", target: "collective", totalPoints: 94.25, rank: 1, rankOf: 12 },
    { name: "Phạm Thị Ngọc Hân", target: "individual", position: "Chuyên viên", unitName: "Phòng Nội vụ thành phố" },
    { name: "Võ Thành Đạt", target: "individual", position: "Công chức", unitName: "UBND phường 2" },
  ],
  dossier: ["Biên bản họp Hội đồng Thi đua - Khen thưởng thành phố", "Bảng tổng hợp kết quả chấm điểm thi đua", "Báo cáo thành tích của các tập thể, cá nhân"],
  signature: { title: "Trưởng phòng", name: "Huỳnh Văn Sang" },
  recipientsOfCopies: ["Như trên", "Lưu: VT, PNV"],
};

export const communeProposal: ProposalMemoInput = {
  issuer: { parent: "UBND tỉnh Đồng Tháp", name: "Ủy ban nhân dân xã Tân Hòa" },
  symbol: "TTr-UBND",
  place: "Tân Hòa",
  year: 2025,
  addressee: ["Ủy ban nhân dân tỉnh Đồng Tháp", "Sở Nội vụ tỉnh Đồng Tháp"],
  proposer: "Ủy ban nhân dân xã Tân Hòa",
  decider: "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp",
  awardName: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
  achievement: `có thành tích xuất sắc tiêu biểu trong ${communeMovement}`,
  reasons: ["Năm 2025, xã Tân Hòa dẫn đầu toàn tỉnh về tỷ lệ hồ sơ trực tuyến toàn trình."],
  nominees: [
    { name: "Nguyễn Hoàng Phúc", target: "individual", position: "Công chức Văn phòng - Thống kê", unitName: "UBND xã Tân Hòa" },
    {
      name: "Trịnh Thị Bích Ngọc",
      target: "individual",
      position: "Công chức Tư pháp - Hộ tịch",
      unitName: "UBND xã Tân Hòa",
      awardName: "Giấy khen của Giám đốc Sở Nội vụ",
    },
  ],
  dossier: ["Báo cáo thành tích của cá nhân (Mẫu số 03)", "Biên bản họp Hội đồng Thi đua - Khen thưởng xã"],
  signature: { authority: "TM. ỦY BAN NHÂN DÂN", title: "Chủ tịch", name: "Đỗ Văn Khánh" },
  recipientsOfCopies: ["Như trên", "Lưu: VT"],
};

export const individualReport: AchievementReportInput = {
  kind: "individual",
  awardName: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố",
  template: "Mẫu số 03",
  place: "TP. Vĩnh Long",
  year: 2024,
  person: {
    fullName: "Phạm Thị Ngọc Hân",
    birthDate: "1989-03-07",
    sex: "female",
    unitName: "Phòng Nội vụ thành phố Vĩnh Long",
    position: "Chuyên viên",
  },
  achievements: {
    movement: cityMovement,
    total: { points: 96.5, max: 100 },
    rank: { position: 1, of: 24, group: "công chức các phòng chuyên môn" },
    classification: "Xuất sắc",
    criteria: [
      { title: "Công tác chỉ đạo, điều hành cải cách hành chính", points: 19, max: 20 },
      { title: "Cải cách thủ tục hành chính", points: 28.5, max: 30 },
      { title: "Không để xảy ra hồ sơ trễ hạn", passed: true },
    ],
    initiatives: [{ title: "Giải pháp số hóa hồ sơ thi đua, khen thưởng", recognition: "Quyết định số 45/QĐ-UBND ngày 20/11/2024 của UBND thành phố" }],
  },
  previousAwards: [
    { year: 2023, name: "Giấy khen của Chủ tịch UBND thành phố", decision: "Quyết định số 30/QĐ-UBND ngày 29/12/2023 của Chủ tịch UBND thành phố" },
  ],
};

export const collectiveReport: AchievementReportInput = {
  kind: "collective",
  awardName: "Giấy khen của Chủ tịch Ủy ban nhân dân thành phố",
  template: "Mẫu số 02",
  place: "Phường 2",
  date: "2024-12-10",
  unit: { parent: "UBND thành phố Vĩnh Long", name: "Ủy ban nhân dân phường 2", address: "Số 12, đường Lê Lợi, phường 2, thành phố Vĩnh Long" },
  functions: ["Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính cho tổ chức, cá nhân trên địa bàn phường."],
  achievements: {
    movement: cityMovement,
    total: { points: 97.5, max: 100 },
    rank: { position: 1, of: 11, group: "khối phường" },
    criteria: [{ title: "Tỷ lệ hồ sơ giải quyết đúng hạn", points: 20, max: 20, note: "đạt 100%" }],
    other: ["Tỷ lệ hài lòng của người dân đạt 98,7%"],
  },
  head: { authority: "TM. ỦY BAN NHÂN DÂN", title: "Chủ tịch", name: "Nguyễn Văn Toàn" },
};

export const cityCertificates: CertificateInput = {
  authority: "Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long",
  awardTitle: "Giấy khen",
  achievement: `Đã có thành tích xuất sắc trong ${cityMovement}`,
  decision: { number: "15", symbol: "QĐ-UBND", date: "2024-12-30" },
  place: "TP. Vĩnh Long",
  signature: { title: "Chủ tịch", name: "Lê Minh Tuấn" },
  recipients: [
    { name: "Bộ phận Tiếp nhận và Trả kết quả phường 2", target: "collective", unitName: "Ủy ban nhân dân phường 2", registerNumber: "124" },
    { name: "Phạm Thị Ngọc Hân", target: "individual", honorific: "Bà", position: "Chuyên viên", unitName: "Phòng Nội vụ thành phố", registerNumber: "125" },
    { name: "Võ Thành Đạt", target: "individual", honorific: "Ông", position: "Công chức Văn phòng - Thống kê", unitName: "Ủy ban nhân dân phường 2" },
  ],
};

export const communeCertificates: CertificateInput = {
  authority: "Chủ tịch Ủy ban nhân dân xã Tân Hòa",
  awardTitle: "Giấy khen",
  achievement: `đã có thành tích tiêu biểu trong ${communeMovement}`,
  decision: { number: "08", symbol: "QĐ-UBND", date: "2025-09-05" },
  place: "Tân Hòa",
  signature: { authority: "KT. CHỦ TỊCH", title: "Phó Chủ tịch", name: "Trần Thị Mỹ Linh" },
  frame: false,
  recipients: [
    { name: "Nguyễn Hoàng Phúc", target: "individual", position: "Công chức Văn phòng - Thống kê", unitName: "UBND xã Tân Hòa" },
    { name: "Châu Ngọc Diễm", target: "individual", unitName: "Đoàn Thanh niên xã Tân Hòa" },
  ],
};
