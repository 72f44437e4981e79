// Reward money: coefficient × base salary in force on the decision date, collectives twice the individual
// amount, rounded UP to the nearest 10,000 VND. The numbers come from a dated legal table, never from code.
import { dmy, money, num } from "../format.js";

export interface Dated {
  from: string;
  source: string;
  confidence: "V" | "R";
}
export interface LegalTables {
  /** The "Căn cứ …" lines of a commendation decision: the law and the decree in force from each date. */
  legalBases: (Dated & { lines: string[] })[];
  baseSalary: (Dated & { amount: number })[];
  collectiveMultiplier: (Dated & { value: number })[];
  coefficients: (Dated & { key: string; label: string; individual?: number; collective?: number })[];
}

/** The entry in force on `date`: the latest whose `from` is on or before it. */
export function inForce<T extends { from: string }>(rows: T[], date: string): T | null {
  return rows.filter((r) => r.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0] ?? null;
}

export interface MoneyResult {
  amount: number | null;
  words: string | null;
  explanation: string;
  sources: string[];
}

/** The reward for one award form, to an individual or a collective, decided on `date` (YYYY-MM-DD). */
export function rewardAmount(tables: LegalTables, key: string, target: "individual" | "collective", date: string): MoneyResult {
  const coef = inForce(
    tables.coefficients.filter((c) => c.key === key),
    date,
  );
  const salary = inForce(tables.baseSalary, date);
  if (!coef) return { amount: null, words: null, explanation: `Chưa có hệ số tiền thưởng cho "${key}" áp dụng ngày ${dmy(date)}`, sources: [] };
  if (!salary) return { amount: null, words: null, explanation: `Chưa có mức lương cơ sở áp dụng ngày ${dmy(date)}`, sources: [] };
  const sources = [coef.source, salary.source];
  let factor: number;
  let how: string;
  let multiplier: Dated | null = null;
  if (target === "collective" && coef.collective !== undefined) {
    factor = coef.collective;
    how = `hệ số ${num(factor)}`;
  } else if (target === "collective") {
    const mult = inForce(tables.collectiveMultiplier, date);
    if (!mult || coef.individual === undefined)
      return { amount: null, words: null, explanation: `Chưa có quy định tiền thưởng tập thể cho "${coef.label}"`, sources };
    factor = coef.individual * mult.value;
    how = `hệ số ${num(coef.individual)} × ${num(mult.value)} (tập thể)`;
    sources.push(mult.source);
    multiplier = mult;
  } else {
    if (coef.individual === undefined) return { amount: null, words: null, explanation: `"${coef.label}" không áp dụng cho cá nhân`, sources };
    factor = coef.individual;
    how = `hệ số ${num(factor)}`;
  }
  // Work in whole đồng to avoid floating-point drift, then round up to the next 10,000.
  const exact = Math.round(factor * salary.amount * 100) / 100;
  const amount = Math.ceil(exact / 10_000) * 10_000;
  const unverified = [coef, salary, multiplier].some((x) => x?.confidence === "R") ? " (có số liệu chưa được xác nhận từ văn bản gốc)" : "";
  return {
    amount,
    words: moneyInWords(amount),
    explanation: `${coef.label}: ${how} × lương cơ sở ${money(salary.amount)} = ${money(exact)}, làm tròn lên ${money(amount)}${unverified}`,
    sources,
  };
}

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const GROUPS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];

function threeDigits(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const parts: string[] = [];
  if (h > 0 || full) parts.push(`${DIGITS[h]} trăm`);
  if (t > 1) {
    parts.push(`${DIGITS[t]} mươi`);
    if (u === 1) parts.push("mốt");
    else if (u === 4) parts.push("tư");
    else if (u === 5) parts.push("lăm");
    else if (u > 0) parts.push(DIGITS[u]);
  } else if (t === 1) {
    parts.push("mười");
    if (u === 5) parts.push("lăm");
    else if (u > 0) parts.push(DIGITS[u]);
  } else if (u > 0) {
    if (h > 0 || full) parts.push("lẻ");
    parts.push(DIGITS[u]);
  }
  return parts.join(" ");
}

/** A whole number in Vietnamese words, as written on decisions: "Một triệu năm trăm nghìn". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`numberInWords: ${n}`);
  if (n === 0) return "Không";
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    words.push(threeDigits(g, i < groups.length - 1));
    if (GROUPS[i]) words.push(GROUPS[i]);
  }
  const text = words.join(" ").replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function moneyInWords(amount: number): string {
  return `${numberInWords(amount)} đồng`;
}
