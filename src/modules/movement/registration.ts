import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { participants, reportSubmissions } from "../../db/schema.js";
import { isLate } from "../../domain/calendar.js";
import { dmy } from "../../domain/format.js";
import type { Criterion } from "../../domain/plan/schema.js";
import { badRequest, conflict, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { filesOfUnit } from "../files/service.js";
import { reportMilestones } from "./known.js";
import { loadParticipant, milestoneOf, participantName } from "./participants.js";

export interface RegistrationInput {
  version: number;
  registeredPoints: Record<string, number>;
  commitments?: string;
  plannedInitiatives?: string[];
}

function scoredLeaves(criteria: Criterion[]): Criterion[] {
  return criteria.flatMap((c) => (c.children?.length ? scoredLeaves(c.children) : c.max !== undefined ? [c] : []));
}

/** Whether registration is open at `now`: before the registration milestone, or reopened by the office. */
export function registrationOpen(due: string | null, reopenedUntil: string | null, now: Date): boolean {
  if (reopenedUntil && !isLate(reopenedUntil, now)) return true;
  return !due || !isLate(due, now);
}

/** Registers (or updates the registration of) a participant, until the registration deadline. */
export async function saveRegistration(db: Db, actor: Actor, participantId: number, input: RegistrationInput, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    const due = milestoneOf(ctx.data, "registration")?.due ?? null;
    if (!registrationOpen(due, ctx.participant.reopenedUntil, now)) {
      throw conflict("REGISTRATION_CLOSED", `Đã hết hạn đăng ký thi đua (hạn ${dmy(due)}). Liên hệ cơ quan thường trực nếu cần mở lại.`);
    }
    if (ctx.participant.version !== input.version) throw versionConflict(`Bản đăng ký của ${participantName(ctx)}`);
    const leaves = new Map(scoredLeaves(ctx.group.criteria).map((c) => [c.id, c]));
    const problems: { path: string; message: string }[] = [];
    for (const [id, points] of Object.entries(input.registeredPoints)) {
      const c = leaves.get(id);
      if (!c) problems.push({ path: `registeredPoints.${id}`, message: `Không có tiêu chí chấm điểm "${id}" trong nhóm này.` });
      else if (points < 0 || points > (c.max ?? 0))
        problems.push({ path: `registeredPoints.${id}`, message: `Điểm đăng ký của tiêu chí ${c.code ?? ""} "${c.title}" phải từ 0 đến ${c.max}.` });
    }
    if (problems.length) throw badRequest("BAD_REGISTRATION", problems[0].message, problems);
    const registration = { registeredPoints: input.registeredPoints, commitments: input.commitments ?? "", plannedInitiatives: input.plannedInitiatives ?? [] };
    const first = ctx.participant.registeredAt === null;
    const [next] = await tx
      .update(participants)
      .set({ registration, registeredAt: ctx.participant.registeredAt ?? now, updatedAt: now, version: ctx.participant.version + 1 })
      .where(and(eq(participants.id, participantId), eq(participants.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Bản đăng ký của ${participantName(ctx)}`);
    const total = Object.values(input.registeredPoints).reduce((s, p) => s + p, 0);
    await writeAudit(tx, actor, {
      action: first ? "movement.register" : "movement.update_registration",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `${first ? "Đăng ký" : "Cập nhật đăng ký"} thi đua: ${participantName(ctx)} — tổng điểm đăng ký ${total}`,
      before: ctx.participant.registration,
      after: registration,
    });
    return next;
  });
}

/** The office reopens registration for one participant until the end of `until` (audited). */
export async function reopenRegistration(db: Db, actor: Actor, participantId: number, until: string, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "manage");
    if (isLate(until, now)) throw badRequest("PAST_DATE", "Ngày mở lại đăng ký phải từ hôm nay trở đi.");
    const [next] = await tx
      .update(participants)
      .set({ reopenedUntil: until, updatedAt: now, version: ctx.participant.version + 1 })
      .where(eq(participants.id, participantId))
      .returning();
    await writeAudit(tx, actor, {
      action: "movement.reopen_registration",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `Mở lại đăng ký thi đua cho ${participantName(ctx)} đến hết ngày ${dmy(until)}`,
    });
    return next;
  });
}

/** Records a periodic report for a report milestone; the first submission's time decides on time or late. */
export async function submitReport(db: Db, actor: Actor, participantId: number, milestoneId: string, fileId: string, now: Date) {
  return db.transaction(async (tx) => {
    const ctx = await loadParticipant(tx, actor, participantId, "participate");
    const milestone = reportMilestones(ctx.data).find((m) => m.id === milestoneId);
    if (!milestone) throw badRequest("NO_MILESTONE", `Kế hoạch không có kỳ báo cáo "${milestoneId}".`);
    await filesOfUnit(tx, [fileId], ctx.unit.id);
    const [existing] = await tx
      .select()
      .from(reportSubmissions)
      .where(and(eq(reportSubmissions.participantId, participantId), eq(reportSubmissions.milestoneId, milestoneId)));
    if (existing) {
      // A corrected file replaces the old one but keeps the first submission time.
      await tx.update(reportSubmissions).set({ fileId }).where(eq(reportSubmissions.id, existing.id));
    } else {
      await tx.insert(reportSubmissions).values({ participantId, milestoneId, fileId, submittedAt: now, submittedBy: actor.userId || null });
    }
    const late = isLate(milestone.due, existing?.submittedAt ?? now);
    await writeAudit(tx, actor, {
      action: existing ? "movement.replace_report" : "movement.submit_report",
      entity: "participant",
      entityId: participantId,
      unitId: ctx.unit.id,
      summary: `${existing ? "Thay tệp" : "Gửi"} ${milestone.label} của ${participantName(ctx)}${late ? " (trễ hạn)" : ""}`,
      after: { milestoneId, fileId },
    });
    return { milestoneId, late, submittedAt: (existing?.submittedAt ?? now).toISOString() };
  });
}
