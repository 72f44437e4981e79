// Council votes: quorum, denominator (all members or those present) and threshold come from the plan; members with a
// conflict of interest on a nominee are recused from it and left out of its quorum and threshold. Pure.

import { percent as percentText } from "../format.js";
import type { Plan } from "../plan/schema.js";

type VoteRule = NonNullable<Plan["vote"]>;

export type Choice = "approve" | "reject" | "abstain";

export interface Counts {
  approve: number;
  reject: number;
  abstain: number;
}

/** Members recused from one nominee: all of them, and how many of those are present. */
export interface Recused {
  total: number;
  present: number;
}

export interface Tally {
  members: number;
  present: number;
  /** Recused from this nominee (already taken out of `members` and `present`). */
  recused: number;
  approve: number;
  reject: number;
  abstain: number;
  quorumMet: boolean;
  denominator: number;
  percent: number;
  passed: boolean;
  explanation: string;
}

const pct = (x: number) => percentText(x);

/** Counts one nominee's ballots under a vote rule. */
export function tally(rule: VoteRule, members: number, present: number, ballots: Choice[], recused: Recused = { total: 0, present: 0 }): Tally {
  const approve = ballots.filter((b) => b === "approve").length;
  const reject = ballots.filter((b) => b === "reject").length;
  return tallyCounts(rule, members, present, { approve, reject, abstain: ballots.length - approve - reject }, recused);
}

/**
 * Counts one nominee's votes under a vote rule. Recused members neither vote nor count: the quorum and the
 * threshold are taken over the members (and those present) who are not recused from this nominee.
 */
export function tallyCounts(rule: VoteRule, allMembers: number, allPresent: number, counts: Counts, recused: Recused = { total: 0, present: 0 }): Tally {
  const members = allMembers - recused.total;
  const present = allPresent - recused.present;
  const { approve, reject, abstain } = counts;
  const quorumMet = members > 0 && (present * 100) / members >= rule.quorumPercent;
  const denominator = rule.denominator === "members" ? members : present;
  const percent = denominator ? (approve * 100) / denominator : 0;
  const passed = quorumMet && percent >= rule.thresholdPercent;
  const base = `${approve}/${denominator} phiếu đồng ý (${pct(percent)}, cần ≥ ${pct(rule.thresholdPercent)} ${rule.denominator === "members" ? "tổng số thành viên" : "số thành viên có mặt"}${recused.total ? ` không kể ${recused.total} thành viên không biểu quyết do xung đột lợi ích` : ""})`;
  const explanation = !quorumMet
    ? `Không đủ số thành viên dự họp: ${present}/${members}${recused.total ? ` (không kể ${recused.total} thành viên không biểu quyết do xung đột lợi ích)` : ""} (cần ≥ ${pct(rule.quorumPercent)}); chưa biểu quyết được`
    : `${base} → ${passed ? "được thông qua" : "không được thông qua"}`;
  return { members, present, recused: recused.total, approve, reject, abstain, quorumMet, denominator, percent, passed, explanation };
}

/** A council member as the conflict rule sees them: their person (if the account has one) and their units. */
export interface CouncilMemberTies {
  userId: number;
  /** The person the account belongs to. */
  personId: number | null;
  /** Path ("/1/4/17/") of the unit the member's person works in. */
  unitPath: string | null;
  /** Paths of the units the member heads (the person is the head of their unit, or holds the head role there). */
  headsPaths: string[];
}

export interface AgendaNominee {
  nominationId: number;
  /** The nominated person; null for a collective. */
  personId: number | null;
  unitId: number;
  unitName: string;
  /** Path of the nominee's unit. */
  unitPath: string;
}

export interface Recusal {
  userId: number;
  nominationId: number;
  reason: string;
}

/**
 * Who must not vote on whom, a conflict of interest: a member who is the nominee, or who heads or belongs to the
 * nominated collective (or a unit within it). A member who is the head of an individual nominee's unit still votes.
 */
export function recusals(members: CouncilMemberTies[], agenda: AgendaNominee[]): Recusal[] {
  const out: Recusal[] = [];
  for (const n of agenda)
    for (const m of members) {
      const reason =
        n.personId !== null
          ? m.personId === n.personId
            ? "là người được đề nghị khen thưởng"
            : null
          : m.headsPaths.includes(n.unitPath)
            ? `là thủ trưởng của ${n.unitName}`
            : m.unitPath?.startsWith(n.unitPath) || m.headsPaths.some((p) => p.startsWith(n.unitPath))
              ? `thuộc ${n.unitName}`
              : null;
      if (reason) out.push({ userId: m.userId, nominationId: n.nominationId, reason });
    }
  return out;
}

/** How many members are recused from a nominee, and how many of those are present. */
export function recusedOn(all: Recusal[], nominationId: number, present: number[]): Recused {
  const users = new Set(all.filter((r) => r.nominationId === nominationId).map((r) => r.userId));
  return { total: users.size, present: [...users].filter((u) => present.includes(u)).length };
}

/** Ids that occur more than once, in order of first repeat. */
export function duplicates(ids: number[]): number[] {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/**
 * The sealed urn's plain content: per agenda nominee (by id), the counts so far. Fixed width (10 bytes a nominee)
 * so the sealed length never changes as votes come in.
 */
export function encodeUrn(counts: Map<number, Counts>): Buffer {
  const ids = [...counts.keys()].sort((a, b) => a - b);
  const buf = Buffer.alloc(ids.length * 10);
  ids.forEach((id, i) => {
    const c = counts.get(id) as Counts;
    buf.writeUInt32BE(id, i * 10);
    buf.writeUInt16BE(c.approve, i * 10 + 4);
    buf.writeUInt16BE(c.reject, i * 10 + 6);
    buf.writeUInt16BE(c.abstain, i * 10 + 8);
  });
  return buf;
}

export function decodeUrn(buf: Buffer): Map<number, Counts> {
  const out = new Map<number, Counts>();
  for (let o = 0; o + 10 <= buf.length; o += 10)
    out.set(buf.readUInt32BE(o), { approve: buf.readUInt16BE(o + 4), reject: buf.readUInt16BE(o + 6), abstain: buf.readUInt16BE(o + 8) });
  return out;
}

/** Adds one member's choices to the urn's counts (a new map; nominees not on the urn are an error). */
export function addToUrn(counts: Map<number, Counts>, choices: { nominationId: number; choice: Choice }[]): Map<number, Counts> {
  const next = new Map([...counts].map(([k, v]) => [k, { ...v }]));
  for (const c of choices) {
    const row = next.get(c.nominationId);
    if (!row) throw new RangeError(`Hồ sơ #${c.nominationId} không có trong hòm phiếu.`);
    row[c.choice] += 1;
  }
  return next;
}
