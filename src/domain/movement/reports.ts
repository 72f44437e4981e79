// Periodic reports: on time, late or missing against whole-day deadlines in Vietnam. Pure.
import { isLate } from "../calendar.js";

export type ReportState = "on_time" | "late" | "missing" | "pending";

export interface ReportMilestone {
  id: string;
  label: string;
  due: string;
}

export interface ReportStatus {
  milestoneId: string;
  label: string;
  due: string;
  state: ReportState;
  submittedAt: string | null;
}

/** The state of each report milestone for one participant at instant `now`. */
export function reportStatuses(milestones: ReportMilestone[], submissions: { milestoneId: string; submittedAt: Date }[], now: Date): ReportStatus[] {
  return milestones.map((m) => {
    const s = submissions.find((x) => x.milestoneId === m.id);
    let state: ReportState;
    if (s) state = isLate(m.due, s.submittedAt) ? "late" : "on_time";
    else state = isLate(m.due, now) ? "missing" : "pending";
    return { milestoneId: m.id, label: m.label, due: m.due, state, submittedAt: s?.submittedAt.toISOString() ?? null };
  });
}

/** Reports sent late and reports not sent after their deadline, as counted by rules like "1 báo cáo trễ → −5". */
export function countLateOrMissing(statuses: ReportStatus[]): { late: number; missing: number } {
  return { late: statuses.filter((s) => s.state === "late").length, missing: statuses.filter((s) => s.state === "missing").length };
}
