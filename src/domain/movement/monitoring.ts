// Who has done what a milestone asks (register, send a report, submit the self-assessment), against whole-day
// deadlines in Vietnam, and when a reminder is due. Pure.
import { daysBetween, isLate, vietnamDate } from "../calendar.js";
import { type ReportState, reportStatuses } from "./reports.js";

/** on_time / late: done (before or after the deadline); missing: not done and the deadline has passed; pending: not done yet. */
export type StepState = ReportState;

/** Milestone kinds whose completion the system records for each participant. */
export const TRACKED_KINDS = ["registration", "report", "self_assessment"] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];

export interface MilestoneLike {
  id: string;
  kind: string;
  label: string;
  due?: string;
  from?: string;
}

/** What the system knows a participant has done. */
export interface ParticipantRecord {
  id: number;
  registeredAt: Date | null;
  reports: { milestoneId: string; submittedAt: Date }[];
  /** When the self-assessment was submitted (status submitted or confirmed); null while a draft or absent. */
  assessmentSubmittedAt: Date | null;
}

export interface StepRow {
  participantId: number;
  state: StepState;
  /** When it was done (ISO instant), null when not done. */
  at: string | null;
  /** Whole days past the deadline (late: when done; missing: as of today); null otherwise. */
  daysLate: number | null;
}

export interface StepCounts {
  total: number;
  done: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

export interface MilestoneProgress {
  milestoneId: string;
  kind: TrackedKind;
  label: string;
  due: string | null;
  from: string | null;
  /** Whole days from today (Vietnam) to the deadline: negative once it has passed; null without a deadline. */
  daysLeft: number | null;
  counts: StepCounts;
  rows: StepRow[];
}

export function isTracked<M extends MilestoneLike>(m: M): m is M & { kind: TrackedKind } {
  return (TRACKED_KINDS as readonly string[]).includes(m.kind);
}

/** When the participant did what the milestone asks, or null. */
export function doneAt(m: MilestoneLike & { kind: TrackedKind }, p: ParticipantRecord): Date | null {
  switch (m.kind) {
    case "registration":
      return p.registeredAt;
    case "report":
      return p.reports.find((r) => r.milestoneId === m.id)?.submittedAt ?? null;
    case "self_assessment":
      return p.assessmentSubmittedAt;
  }
}

/** State of one step against an optional whole-day deadline. */
export function stepState(due: string | undefined | null, at: Date | null, now: Date): StepState {
  if (at) return due && isLate(due, at) ? "late" : "on_time";
  return due && isLate(due, now) ? "missing" : "pending";
}

function rowOf(m: MilestoneLike & { kind: TrackedKind }, p: ParticipantRecord, now: Date): StepRow {
  const at = doneAt(m, p);
  // Reports keep the one definition of on time / late / missing used for scoring.
  const state = m.kind === "report" && m.due ? reportStatuses([{ id: m.id, label: m.label, due: m.due }], p.reports, now)[0].state : stepState(m.due, at, now);
  const daysLate = m.due && (state === "late" || state === "missing") ? daysBetween(m.due, vietnamDate(at ?? now)) : null;
  return { participantId: p.id, state, at: at?.toISOString() ?? null, daysLate };
}

export function countStates(rows: StepRow[]): StepCounts {
  const n = (s: StepState) => rows.filter((r) => r.state === s).length;
  const onTime = n("on_time");
  const late = n("late");
  return { total: rows.length, done: onTime + late, onTime, late, missing: n("missing"), pending: n("pending") };
}

/** Progress of every participant on one tracked milestone at instant `now`. */
export function milestoneProgress(m: MilestoneLike & { kind: TrackedKind }, participants: ParticipantRecord[], now: Date): MilestoneProgress {
  const rows = participants.map((p) => rowOf(m, p, now));
  return {
    milestoneId: m.id,
    kind: m.kind,
    label: m.label,
    due: m.due ?? null,
    from: m.from ?? null,
    daysLeft: m.due ? daysBetween(vietnamDate(now), m.due) : null,
    counts: countStates(rows),
    rows,
  };
}

/**
 * Which reminder is due today for a deadline, as its offset in days before the deadline (0: the day itself,
 * negative: days after, i.e. overdue), or null. An offset whose day a pass missed (server down) still fires up to
 * `catchUpDays` later unless a later offset has taken over, so at most one reminder per offset and none stale.
 */
export function reminderOffset(due: string, today: string, offsets: readonly number[], catchUpDays = 2): number | null {
  const left = daysBetween(today, due);
  const live = offsets.filter((d) => left <= d && left >= d - catchUpDays);
  return live.length ? Math.min(...live) : null;
}

/** "còn 3 ngày", "hôm nay là hạn chót", "đã quá hạn 2 ngày". */
export function daysLeftPhrase(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return "hôm nay là hạn chót";
  return `đã quá hạn ${-daysLeft} ngày`;
}

/** "3,1,-1" → [3, 1, -1]: days before a deadline to remind (0: on the day, negative: after it). Invalid parts are dropped. */
export function parseReminderDays(text: string | undefined, fallback: readonly number[] = [3, 1, -1]): number[] {
  if (text === undefined || text.trim() === "") return [...fallback];
  const days = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && Math.abs(n) <= 366);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** The hour (0–23) in Vietnam at instant `now`. */
export function vietnamHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
}
