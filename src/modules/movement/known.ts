import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { reportSubmissions } from "../../db/schema.js";
import { type ReportStatus, reportStatuses } from "../../domain/movement/reports.js";
import type { TargetVerdict } from "../../domain/movement/targets.js";
import type { ParticipantContext } from "./participants.js";
import { loadRecords, reportMilestones } from "./records.js";

export { reportMilestones };

/** A participant's report milestones with their state and the file sent (the reports view). */
export async function reportStatusOf(db: Executor, ctx: ParticipantContext, now: Date): Promise<(ReportStatus & { fileId: string | null })[]> {
  const subs = await db.select().from(reportSubmissions).where(eq(reportSubmissions.participantId, ctx.participant.id));
  return reportStatuses(reportMilestones(ctx.data), subs, now).map((r) => ({
    ...r,
    fileId: subs.find((s) => s.milestoneId === r.milestoneId)?.fileId ?? null,
  }));
}

/** The plan's targets that apply to a participant, judged against its unit's indicator values (the records loader, filtered). */
export async function targetsOf(db: Executor, ctx: ParticipantContext): Promise<TargetVerdict[]> {
  return (await loadRecords(db, ctx.plan.id, ctx.data, [ctx.participant.id])).targets(ctx.participant.id, ctx.group);
}
