// Council votes: quorum, denominator (all members or those present) and threshold come from the plan. Pure.
import type { Plan } from "../plan/schema.js";

type VoteRule = NonNullable<Plan["vote"]>;

export interface Tally {
  members: number;
  present: number;
  approve: number;
  reject: number;
  abstain: number;
  quorumMet: boolean;
  denominator: number;
  percent: number;
  passed: boolean;
  explanation: string;
}

const pct = (x: number) => `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(x)}%`;

/** Counts one nominee's ballots under a vote rule. */
export function tally(rule: VoteRule, members: number, present: number, ballots: ("approve" | "reject" | "abstain")[]): Tally {
  const approve = ballots.filter((b) => b === "approve").length;
  const reject = ballots.filter((b) => b === "reject").length;
  const abstain = ballots.length - approve - reject;
  const quorumMet = members > 0 && (present * 100) / members >= rule.quorumPercent;
  const denominator = rule.denominator === "members" ? members : present;
  const percent = denominator ? (approve * 100) / denominator : 0;
  const passed = quorumMet && percent >= rule.thresholdPercent;
  const base = `${approve}/${denominator} phiếu đồng ý (${pct(percent)}, cần ≥ ${pct(rule.thresholdPercent)} ${rule.denominator === "members" ? "tổng số thành viên" : "số thành viên có mặt"})`;
  const explanation = !quorumMet
    ? `Không đủ số thành viên dự họp: ${present}/${members} (cần ≥ ${pct(rule.quorumPercent)}); chưa biểu quyết được`
    : `${base} → ${passed ? "được thông qua" : "không được thông qua"}`;
  return { members, present, approve, reject, abstain, quorumMet, denominator, percent, passed, explanation };
}
