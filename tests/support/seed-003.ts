// Facts of a ward that does everything seed 003 (Vĩnh Long 2024) asks, as a unit would declare them when it
// self-scores; tests override single facts to place wards in the ranking.
export const SEED_003_FACTS = {
  khong_co_nhiem_vu: false,
  nhiem_vu_khong_hoan_thanh: 0,
  ngay_ban_hanh_kh_cchc: "2024-02-20",
  kh_du_linh_vuc: true,
  kh_co_kinh_phi: true,
  ty_le_hoan_thanh_kh: 100,
  co_kh_tuyen_truyen: true,
  co_trien_khai_tuyen_truyen: true,
  hinh_thuc_tt_khong_thuc_hien: 0,
  co_kh_kiem_tra: true,
  co_thuc_hien_kiem_tra: true,
  ty_le_hoan_thanh_kiem_tra: 100,
  van_de_sai_chua_xu_ly: 0,
  truong_hop_van_hoa: 0,
  truong_hop_ky_luat: 0,
  chi_so_cchc_2023: 91,
  hang_chi_so_cchc: 2,
  ty_le_tthc_dung_han: 98,
  ho_so_qua_han: 0,
  co_kh_phat_dong: true,
  tham_gia_cuoc_thi: true,
};

/** The scored leaves of seed 003's collective table: each needs evidence or a note when self-scored. */
export const SEED_003_SCORED_LEAVES = ["i-1", "i-2-1", "i-2-2", "i-2-3", "i-3", "ii-1", "ii-2", "iii", "iv-1", "iv-2", "v"];

/** A plan of Vĩnh Long province to which the city forwards its Bằng khen nominations (the cascade of seed 003). */
export const VINH_LONG_PROVINCE_PLAN = {
  code: "vinh-long-tinh-2024",
  issuer: { name: "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", unitCode: "VL", level: "province" },
  title: "Phát động phong trào thi đua cải cách hành chính tỉnh Vĩnh Long năm 2024",
  year: 2024,
  period: { from: "2024-01-01", to: "2024-12-31" },
  groups: [
    {
      id: "tap-the-cap-huyen",
      name: "Tập thể thuộc các huyện, thành phố",
      type: "collective",
      membership: { withinUnitCodes: ["VL"], unitKinds: ["district", "office", "ward"] },
    },
  ],
  milestones: [{ id: "ho-so", kind: "dossier", label: "Gửi hồ sơ đề nghị Bằng khen về Sở Nội vụ", due: "2025-02-28" }],
  awardForms: [
    {
      id: "bang-khen-chu-tich-tinh",
      name: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      issuerLevel: "province",
      target: "collective",
      quotas: [{ target: "collective", quota: { kind: "count", max: 3 } }],
    },
  ],
  dossier: [
    { id: "van-ban-de-nghi", name: "Tờ trình đề nghị khen thưởng" },
    { id: "bien-ban", name: "Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, địa phương" },
    { id: "bao-cao", name: "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng" },
  ],
  eligibility: [
    { id: "dung-han", kind: "required", check: { type: "dossier_on_time" }, message: "Hồ sơ gửi đúng hạn" },
    { id: "day-du", kind: "required", check: { type: "dossier_complete" }, message: "Hồ sơ đầy đủ" },
  ],
};
