// Deterministic fictional people for the demo organisations. Pure: same units in, same people out.
import { isoDate } from "../domain/calendar.js";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trịnh", "Đinh"];
const MIDDLE = { nam: ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"], nu: ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Thị Thu", "Bích"] };
const GIVEN = {
  nam: [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thắng",
    "Tuấn",
    "Việt",
    "Lộc",
    "Trí",
    "Đạt",
    "Khoa",
  ],
  nu: [
    "Anh",
    "Chi",
    "Dung",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Phương",
    "Thảo",
    "Trang",
    "Yến",
    "Vân",
    "Uyên",
    "Loan",
    "Ánh",
  ],
};

type Kind = string;
interface Staffing {
  head: string;
  headCategory: string;
  staff: [position: string, category: string][];
}

const STAFFING: Record<Kind, Staffing> = {
  province: { head: "Chủ tịch UBND", headCategory: "can_bo", staff: [["Phó Chủ tịch UBND", "can_bo"]] },
  district: { head: "Chủ tịch UBND", headCategory: "can_bo", staff: [["Phó Chủ tịch UBND", "can_bo"]] },
  department: {
    head: "Giám đốc",
    headCategory: "cong_chuc",
    staff: [
      ["Phó Giám đốc", "cong_chuc"],
      ["Chuyên viên", "cong_chuc"],
      ["Chuyên viên", "cong_chuc"],
    ],
  },
  office: {
    head: "Trưởng phòng",
    headCategory: "cong_chuc",
    staff: [
      ["Phó Trưởng phòng", "cong_chuc"],
      ["Chuyên viên", "cong_chuc"],
      ["Nhân viên hợp đồng", "nguoi_lao_dong"],
    ],
  },
  ward: {
    head: "Chủ tịch UBND phường",
    headCategory: "can_bo",
    staff: [
      ["Phó Chủ tịch UBND phường", "can_bo"],
      ["Công chức Văn phòng - Thống kê", "cong_chuc"],
      ["Công chức Tư pháp - Hộ tịch", "cong_chuc"],
      ["Người hoạt động không chuyên trách", "khong_chuyen_trach"],
    ],
  },
  commune: {
    head: "Chủ tịch UBND xã",
    headCategory: "can_bo",
    staff: [
      ["Phó Chủ tịch UBND xã", "can_bo"],
      ["Công chức Văn phòng - Thống kê", "cong_chuc"],
      ["Công chức Địa chính - Xây dựng", "cong_chuc"],
      ["Người hoạt động không chuyên trách", "khong_chuyen_trach"],
    ],
  },
  special_zone: { head: "Chủ tịch UBND đặc khu", headCategory: "can_bo", staff: [["Công chức", "cong_chuc"]] },
  vertical_agency: {
    head: "Thủ trưởng cơ quan",
    headCategory: "cong_chuc",
    staff: [
      ["Phó Thủ trưởng", "cong_chuc"],
      ["Chuyên viên", "cong_chuc"],
    ],
  },
  party_body: { head: "Trưởng ban", headCategory: "can_bo", staff: [["Chuyên viên", "cong_chuc"]] },
  front_org: { head: "Chủ tịch", headCategory: "can_bo", staff: [["Phó Chủ tịch", "can_bo"]] },
  press: {
    head: "Tổng biên tập",
    headCategory: "vien_chuc",
    staff: [
      ["Phóng viên", "phong_vien"],
      ["Phóng viên", "phong_vien"],
      ["Biên tập viên", "vien_chuc"],
    ],
  },
  public_service: {
    head: "Giám đốc",
    headCategory: "vien_chuc",
    staff: [
      ["Viên chức", "vien_chuc"],
      ["Viên chức", "vien_chuc"],
      ["Nhân viên", "nguoi_lao_dong"],
    ],
  },
  enterprise: {
    head: "Giám đốc",
    headCategory: "doanh_nhan",
    staff: [
      ["Người lao động", "nguoi_lao_dong"],
      ["Người lao động", "nguoi_lao_dong"],
    ],
  },
  hamlet: {
    head: "Trưởng ấp",
    headCategory: "khong_chuyen_trach",
    staff: [
      ["Người dân", "nguoi_dan"],
      ["Người dân", "nguoi_dan"],
    ],
  },
  other: { head: "Thủ trưởng", headCategory: "nguoi_lao_dong", staff: [["Nhân viên", "nguoi_lao_dong"]] },
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  code: string;
  unitCode: string;
  fullName: string;
  sex: "nam" | "nu";
  birthDate: string;
  position: string;
  category: string;
  isHead: boolean;
}

/** People for each unit: its head and a few staff, with Vietnamese names, sexes and birth dates. */
export function demoPeople(units: { code: string; kind: string }[], seed = 2024): DemoPerson[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: DemoPerson[] = [];
  let n = 0;
  for (const u of units) {
    const s = STAFFING[u.kind] ?? STAFFING.other;
    const roles: [string, string, boolean][] = [[s.head, s.headCategory, true], ...s.staff.map(([p, c]) => [p, c, false] as [string, string, boolean])];
    for (const [position, category, isHead] of roles) {
      const sex = rnd() < 0.5 ? "nam" : "nu";
      const year = 1965 + Math.floor(rnd() * 35);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      n++;
      out.push({
        code: `CB${String(n).padStart(5, "0")}`,
        unitCode: u.code,
        fullName: `${pick(FAMILY)} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`,
        sex,
        birthDate: isoDate(year, month, day),
        position,
        category,
        isHead,
      });
    }
  }
  return out;
}
