// Scores seed 003's 100-point table for N participants twice: with the interpreted rules engine and with a
// hand-written function computing the same table, checks both agree, and reports both times and the ratio.
// Run: npx tsx bench/scoring.ts [N]   (default 100000)
import fs from "node:fs";
import type { Facts } from "../src/domain/plan/conditions.js";
import { readPlanText } from "../src/domain/plan/io.js";
import { scoreCriteria } from "../src/domain/plan/scoring.js";

const N = Number(process.argv[2] ?? 100_000);
const parsed = readPlanText(fs.readFileSync(new URL("../templates/003-vinh-long-2024.yaml", import.meta.url), "utf8"));
if (!parsed.ok) throw new Error("template 003 invalid");
const criteria = parsed.plan.groups[0].criteria;

function rnd(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r = rnd(42);
const int = (n: number) => Math.floor(r() * (n + 1));
const participants: Facts[] = Array.from({ length: N }, () => ({
  khong_co_nhiem_vu: r() < 0.1,
  nhiem_vu_khong_hoan_thanh: int(4),
  ngay_ban_hanh_kh_cchc: r() < 0.1 ? null : `2024-0${1 + int(4)}-${String(1 + int(27)).padStart(2, "0")}`,
  kh_du_linh_vuc: r() < 0.9,
  kh_co_kinh_phi: r() < 0.9,
  ty_le_hoan_thanh_kh: 70 + int(30),
  bao_cao_tre_hoac_khong_gui: int(3),
  co_kh_tuyen_truyen: r() < 0.95,
  co_trien_khai_tuyen_truyen: r() < 0.95,
  hinh_thuc_tt_khong_thuc_hien: int(3),
  co_kh_kiem_tra: r() < 0.9,
  co_thuc_hien_kiem_tra: r() < 0.9,
  ty_le_hoan_thanh_kiem_tra: 80 + int(20),
  van_de_sai_chua_xu_ly: int(2),
  pakn_to_kiem_tra: int(3),
  truong_hop_van_hoa: int(2),
  truong_hop_ky_luat: int(2),
  sang_kien_duoc_cong_nhan: int(4),
  chi_so_cchc_2023: 70 + int(30),
  hang_chi_so_cchc: 1 + int(10),
  ty_le_tthc_dung_han: 85 + int(15),
  ho_so_qua_han: int(2),
  co_kh_phat_dong: r() < 0.9,
  tham_gia_cuoc_thi: r() < 0.9,
}));

/** Seed 003's table written by hand, as a developer would without the engine. */
function handWritten(f: Facts): number {
  const n = (k: string) => Number(f[k]);
  const b = (k: string) => f[k] === true;
  const i1 = b("khong_co_nhiem_vu") ? 3 : Math.max(0, 10 - n("nhiem_vu_khong_hoan_thanh"));
  let i21 = 0;
  const d = f.ngay_ban_hanh_kh_cchc as string | null;
  if (d) {
    const [y, m] = d.split("-").map(Number);
    const late = d <= "2024-02-29" ? 0 : Math.max(1, (y - 2024) * 12 + (m - 2));
    i21 = Math.max(0, 5 - 2 * late);
  }
  const i22 = b("kh_du_linh_vuc") && b("kh_co_kinh_phi") ? 5 : 0;
  const p = n("ty_le_hoan_thanh_kh");
  const i23 = p >= 100 ? 10 : p >= 90 ? 8 : p >= 80 ? 5 : 0;
  const late = n("bao_cao_tre_hoac_khong_gui");
  const i3 = late === 0 ? 10 : late === 1 ? 5 : 0;
  const ii1 = !b("co_kh_tuyen_truyen") || !b("co_trien_khai_tuyen_truyen") ? 0 : Math.min(10, 2 + Math.max(0, 8 - 2 * n("hinh_thuc_tt_khong_thuc_hien")));
  const ii2 =
    !b("co_kh_kiem_tra") || !b("co_thuc_hien_kiem_tra")
      ? 0
      : Math.min(10, 2 + (n("ty_le_hoan_thanh_kiem_tra") >= 100 ? 4 : 0) + Math.max(0, 4 - 2 * n("van_de_sai_chua_xu_ly")));
  const iii = Math.max(0, 10 - 2 * n("pakn_to_kiem_tra"));
  const iv1 = Math.max(0, 10 - 5 * n("truong_hop_van_hoa"));
  const iv2 = Math.max(0, 10 - 5 * n("truong_hop_ky_luat"));
  const v = Math.min(10, 5 * Math.min(2, n("sang_kien_duoc_cong_nhan")));
  return i1 + i21 + i22 + i23 + i3 + ii1 + ii2 + iii + iv1 + iv2 + v;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

// Warm up both paths so the JIT has compiled them.
for (let i = 0; i < 2000; i++) {
  scoreCriteria(criteria, participants[i % N]);
  handWritten(participants[i % N]);
}
const [engineTotals, engineMs] = time(() => participants.map((f) => scoreCriteria(criteria, f).total));
const [handTotals, handMs] = time(() => participants.map(handWritten));
const mismatches = engineTotals.filter((t, i) => t !== handTotals[i]).length;
console.log(
  JSON.stringify(
    {
      participants: N,
      engineMs: Math.round(engineMs),
      handWrittenMs: Math.round(handMs),
      ratio: Math.round((engineMs / handMs) * 10) / 10,
      enginePerParticipantUs: Math.round((engineMs / N) * 1000 * 10) / 10,
      mismatches,
      memoryMb: Math.round(process.memoryUsage().rss / 1048576),
    },
    null,
    2,
  ),
);
if (mismatches) process.exit(1);
