// A unit merged into another mid-movement hands its movement records to its successor (seed 004: units that
// "chấm dứt hoạt động" hand their tasks over). What the successor's participant took over is kept on it as notes,
// so the view and the score's explanation can say "tiếp nhận từ <tên cũ>". Pure, no I/O.
import { dmy } from "../format.js";
import type { Facts } from "../plan/conditions.js";

/** A fact both units had: the successor's value counts, the merged unit's is kept for the record. */
export interface FactConflict {
  input: string;
  kept: unknown;
  other: unknown;
}

export interface SuccessionNote {
  fromUnitId: number;
  fromUnitName: string;
  /** The merged unit's own participant when it was folded into the successor's; null when it simply passed over. */
  fromParticipantId: number | null;
  /** Vietnam date of the merge, YYYY-MM-DD. */
  on: string;
  /** What was taken over. */
  reports: number;
  initiatives: number;
  nominations: number;
  facts: number;
  /** Facts both had (successor's kept). */
  conflicts: FactConflict[];
  /** Reports for a period the successor had already reported: the merged unit's file is kept here. */
  otherReports: { milestoneId: string; fileId: string }[];
  /** Appraisal findings on a criterion the successor was already appraised on. */
  otherAppraisals: { criterionId: string; points: number | null; reason: string }[];
}

/** Joins a merged unit's facts into its successor's: the union; where both have a value the successor's counts. */
export function joinFacts(successor: Facts, merged: Facts): { facts: Facts; taken: number; conflicts: FactConflict[] } {
  const facts: Facts = { ...successor };
  const conflicts: FactConflict[] = [];
  let taken = 0;
  for (const [input, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    const mine = successor[input];
    if (mine === undefined || mine === null || mine === "") {
      facts[input] = value;
      taken++;
    } else if (JSON.stringify(mine) !== JSON.stringify(value)) conflicts.push({ input, kept: mine, other: value });
  }
  return { facts, taken, conflicts };
}

/** Evidence per criterion: both units' files, the successor's first. */
export function joinEvidence(successor: Record<string, string[]>, merged: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...successor };
  for (const [k, ids] of Object.entries(merged)) out[k] = [...new Set([...(out[k] ?? []), ...ids])];
  return out;
}

/** Notes per criterion: the successor's, then the merged unit's marked with its name. */
export function joinNotes(successor: Record<string, string>, merged: Record<string, string>, fromName: string): Record<string, string> {
  const out: Record<string, string> = { ...successor };
  for (const [k, text] of Object.entries(merged)) {
    if (!text) continue;
    const tagged = `[Tiếp nhận từ ${fromName}] ${text}`;
    out[k] = out[k] ? `${out[k]}\n${tagged}` : tagged;
  }
  return out;
}

const shown = (v: unknown) => (typeof v === "boolean" ? (v ? "có" : "không") : typeof v === "number" ? String(v).replace(".", ",") : String(v));

/** One line per merge, in Vietnamese, for the participant's view and the score's explanation. */
export function successionText(n: SuccessionNote, label: (input: string) => string = (i) => i): string {
  const parts: string[] = [];
  if (n.reports) parts.push(`${n.reports} báo cáo`);
  if (n.initiatives) parts.push(`${n.initiatives} sáng kiến`);
  if (n.facts) parts.push(`${n.facts} số liệu tự đánh giá`);
  if (n.nominations) parts.push(`${n.nominations} hồ sơ đề nghị khen thưởng`);
  let s = `Tiếp nhận từ ${n.fromUnitName} (sáp nhập ngày ${dmy(n.on)})`;
  s += parts.length ? `: ${parts.join(", ")}.` : ".";
  if (n.conflicts.length)
    s += ` Số liệu cả hai cùng có, giữ của đơn vị tiếp nhận: ${n.conflicts.map((c) => `${label(c.input)} = ${shown(c.kept)} (${n.fromUnitName}: ${shown(c.other)})`).join("; ")}.`;
  if (n.otherReports.length) s += ` ${n.otherReports.length} báo cáo cùng kỳ của ${n.fromUnitName} được lưu kèm.`;
  if (n.otherAppraisals.length) s += ` ${n.otherAppraisals.length} kết quả thẩm định của ${n.fromUnitName} được lưu kèm.`;
  return s;
}
