// The reminder pass: before and after each deadline of every launched plan, remind the focal persons and heads of
// participants who have not done the step yet, and give the plan's standing office a daily digest of what is
// overdue. Safe with several app servers: one pass at a time through a PostgreSQL advisory lock, and every
// notification once through the unique (user_id, dedupe_key) index with INSERT … ON CONFLICT DO NOTHING.
import { and, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client.js";
import { notifications, people, plans, roleAssignments, units, users } from "../db/schema.js";
import { isLate, vietnamDate } from "../domain/calendar.js";
import { dmy } from "../domain/format.js";
import {
  daysLeftPhrase,
  isTracked,
  type MilestoneLike,
  milestoneProgress,
  reminderOffset,
  type TrackedKind,
  vietnamHour,
} from "../domain/movement/monitoring.js";
import { isWithin } from "../domain/org.js";
import type { Plan } from "../domain/plan/schema.js";
import { loadMovementParticipants, type MovementParticipant } from "../modules/movement/monitoring.js";
import type { AppLogger, Mailer } from "../modules/notifications/mailer.js";
import { EVENT_KINDS } from "../modules/notifications/notify.js";

/** Arbitrary constant naming the lock only one reminder pass at a time may hold (across every app server). */
export const REMINDER_LOCK = 72_410_002;

export interface ReminderOptions {
  /** Days before a deadline to remind; 0 the day itself, negative after it (overdue). */
  days: readonly number[];
  /** No pass before this hour, Vietnam time, so reminders and e-mails arrive in the working day. */
  fromHour: number;
  /** How many days late a reminder missed by a pass that did not run may still go out. */
  catchUpDays: number;
  /** Base URL of the web app for links in e-mails; null: paths only. */
  appUrl: string | null;
  logger: AppLogger;
}

export interface PassResult {
  ran: boolean;
  /** Why nothing was done: another server holds the lock, or it is before the working day. */
  skipped: "locked" | "before_hours" | null;
  plans: number;
  reminders: number;
  digests: number;
  /** Event notifications (dossiers, votes, decisions) taken for e-mail by this pass. */
  events: number;
  emails: number;
  mailFailures: number;
}

type NewNotification = typeof notifications.$inferInsert;
type Created = { id: number; userId: number; kind: string; title: string; body: string; link: string | null };
/** The columns of a notification an e-mail needs, as returned by the insert or claim that made it ours. */
const CREATED = {
  id: notifications.id,
  userId: notifications.userId,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
};
type Milestone = MilestoneLike & { kind: TrackedKind; due: string };

const silent: AppLogger = { info() {}, warn() {}, error() {} };
export const DEFAULT_REMINDER_OPTIONS: ReminderOptions = { days: [3, 1, -1], fromHour: 7, catchUpDays: 2, appUrl: null, logger: silent };

const WHAT: Record<TrackedKind, (m: Milestone) => string> = {
  registration: () => "chưa đăng ký thi đua",
  report: (m) => `chưa gửi "${m.label}"`,
  self_assessment: (m) => `chưa gửi bản tự chấm điểm ("${m.label}")`,
};
const NOT_DONE: Record<TrackedKind, string> = {
  registration: "chưa đăng ký",
  report: "chưa gửi báo cáo",
  self_assessment: "chưa gửi bản tự chấm điểm",
};

/** One reminder pass at instant `now`. Never throws because of e-mail: failures are logged and counted. */
export async function runReminderPass(db: Db, now: Date, mailer: Mailer, options: Partial<ReminderOptions> = {}): Promise<PassResult> {
  const opts: ReminderOptions = { ...DEFAULT_REMINDER_OPTIONS, ...options };
  const result: PassResult = { ran: false, skipped: null, plans: 0, reminders: 0, digests: 0, events: 0, emails: 0, mailFailures: 0 };
  if (vietnamHour(now) < opts.fromHour) return { ...result, skipped: "before_hours" };
  // A transaction-level lock: released at commit or rollback on the very connection that took it (a session lock
  // taken from a pool could be left held on another connection), and by PostgreSQL if the server dies mid-pass.
  const created = await db.transaction(async (tx) => {
    const res = (await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as locked`)) as unknown as { rows: { locked: boolean }[] };
    if (!res.rows[0]?.locked) return null;
    const made = await createNotifications(tx, now, opts, result);
    return { made, events: await claimEvents(tx, now, opts) };
  });
  if (!created) return { ...result, skipped: "locked" };
  result.ran = true;
  result.reminders = created.made.filter((c) => c.kind === "reminder").length;
  result.digests = created.made.filter((c) => c.kind === "overdue_digest").length;
  result.events = created.events.length;
  // Mail goes out after commit, and only for rows this pass inserted or claimed: each is mailed at most once.
  await mailCreated(db, mailer, [...created.made, ...created.events], opts, result);
  if (created.made.length > 0 || created.events.length > 0 || result.mailFailures > 0) opts.logger.info({ reminderPass: result }, "Đã chạy lượt nhắc việc");
  return result;
}

/**
 * Event notifications written since the last pass (a dossier returned, a vote opened, a decision to sign…), claimed
 * for e-mail under the pass's lock so that each goes out once; older than the catch-up window they stay in-app only.
 */
async function claimEvents(tx: Executor, now: Date, opts: ReminderOptions): Promise<Created[]> {
  const since = new Date(now.getTime() - opts.catchUpDays * 86_400_000);
  return tx
    .update(notifications)
    .set({ mailedAt: now })
    .where(and(isNull(notifications.mailedAt), inArray(notifications.kind, [...EVENT_KINDS]), gte(notifications.createdAt, since)))
    .returning(CREATED);
}

async function createNotifications(tx: Executor, now: Date, opts: ReminderOptions, result: PassResult): Promise<Created[]> {
  const today = vietnamDate(now);
  const launched = await tx
    .select({ id: plans.id, title: plans.title, data: plans.data, issuerPath: units.path })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .where(eq(plans.status, "launched"))
    .orderBy(plans.id);
  const grants = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, path: units.path })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.role, ["focal", "head", "office"]));
  // A role on a unit covers its subtree; a role without a unit covers everything.
  const holders = (roles: string[], unitPath: string) => [
    ...new Set(grants.filter((g) => roles.includes(g.role) && (g.path === null || isWithin(unitPath, g.path))).map((g) => g.userId)),
  ];

  const values: NewNotification[] = [];
  for (const plan of launched) {
    const data = plan.data as Plan;
    const milestones = data.milestones.filter((m): m is Milestone => isTracked(m) && Boolean(m.due));
    const due = milestones.map((m) => ({ m, offset: reminderOffset(m.due, today, opts.days, opts.catchUpDays) }));
    const digestKey = `digest:${plan.id}:${today}`;
    const officeStaff = holders(["office"], plan.issuerPath);
    // The digest is due while a deadline has passed, until every office holder has today's.
    let digestDue = officeStaff.length > 0 && milestones.some((m) => isLate(m.due, now));
    if (digestDue) {
      const had = await tx
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(and(eq(notifications.dedupeKey, digestKey), inArray(notifications.userId, officeStaff)));
      digestDue = had.length < officeStaff.length;
    }
    if (!due.some((d) => d.offset !== null) && !digestDue) continue;
    const list = await loadMovementParticipants(tx, plan.id);
    if (list.length === 0) continue;
    result.plans++;
    const byId = new Map(list.map((p) => [p.id, p]));
    const records = list.map((p) => p.record);
    const link = `/phong-trao/${plan.id}`;

    for (const { m, offset } of due) {
      if (offset === null) continue;
      const progress = milestoneProgress(m, records, now);
      const left = progress.daysLeft as number;
      const title = `${left < 0 ? "Quá hạn" : "Nhắc hạn"}: ${m.label}`;
      const deadline = `Hạn chót: hết ngày ${dmy(m.due)} (${daysLeftPhrase(left)}).`;
      // Individuals of one unit are summed up in one reminder, so a focal person of a ward with a hundred staff
      // gets one message, not a hundred.
      const individualsByUnit = new Map<number, MovementParticipant[]>();
      for (const row of progress.rows) {
        if (row.state !== "pending" && row.state !== "missing") continue;
        const p = byId.get(row.participantId);
        if (!p) continue;
        if (p.personId !== null) {
          individualsByUnit.set(p.unitId, [...(individualsByUnit.get(p.unitId) ?? []), p]);
          continue;
        }
        const body = `${p.name} ${WHAT[m.kind](m)} trong phong trào "${plan.title}". ${deadline}`;
        for (const userId of holders(["focal", "head"], p.unitPath)) {
          values.push({ userId, kind: "reminder", title, body, link, dedupeKey: `reminder:${plan.id}:${m.id}:${p.id}:${offset}`, createdAt: now });
        }
      }
      for (const [unitId, pending] of individualsByUnit) {
        const names = pending
          .slice(0, 5)
          .map((p) => p.personName)
          .join(", ");
        const more = pending.length > 5 ? ` và ${pending.length - 5} người khác` : "";
        const body = `${pending.length} cá nhân của ${pending[0].unitName} (${names}${more}) ${WHAT[m.kind](m)} trong phong trào "${plan.title}". ${deadline}`;
        for (const userId of holders(["focal", "head"], pending[0].unitPath)) {
          values.push({ userId, kind: "reminder", title, body, link, dedupeKey: `reminder:${plan.id}:${m.id}:unit-${unitId}:${offset}`, createdAt: now });
        }
      }
    }

    if (digestDue) {
      const lines: string[] = [];
      let overdue = 0;
      for (const m of milestones) {
        if (!isLate(m.due, now)) continue;
        const c = milestoneProgress(m, records, now).counts;
        if (c.missing === 0) continue;
        overdue += c.missing;
        lines.push(`• ${m.label} (hạn ${dmy(m.due)}): ${c.missing}/${c.total} ${NOT_DONE[m.kind]}${c.late ? `; ${c.late} thực hiện trễ hạn` : ""}.`);
      }
      if (overdue > 0) {
        const title = `Tổng hợp quá hạn ngày ${dmy(today)}: ${plan.title}`;
        const body = [`Phong trào "${plan.title}" có ${overdue} việc quá hạn chưa thực hiện:`, ...lines].join("\n");
        for (const userId of officeStaff) {
          values.push({ userId, kind: "overdue_digest", title, body, link, dedupeKey: digestKey, createdAt: now });
        }
      }
    }
  }

  const created: Created[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await tx
      .insert(notifications)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning(CREATED);
    created.push(...rows);
  }
  return created;
}

/** One e-mail per user per pass with everything new for them, to users whose linked person has an address. */
async function mailCreated(db: Db, mailer: Mailer, created: Created[], opts: ReminderOptions, result: PassResult) {
  if (created.length === 0) return;
  let recipients: { id: number; fullName: string; email: string | null }[];
  try {
    recipients = await db
      .select({ id: users.id, fullName: users.fullName, email: people.email })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .where(and(inArray(users.id, [...new Set(created.map((c) => c.userId))]), eq(users.active, true), isNotNull(people.email)));
  } catch (err) {
    opts.logger.error({ err }, "Không đọc được địa chỉ e-mail để gửi nhắc việc");
    result.mailFailures += created.length;
    return;
  }
  for (const r of recipients) {
    const email = r.email?.trim();
    if (!email) continue;
    const mine = created.filter((c) => c.userId === r.id);
    const allReminders = mine.every((c) => c.kind === "reminder" || c.kind === "overdue_digest");
    const subject = mine.length === 1 ? `[Thi Đua] ${mine[0].title}` : `[Thi Đua] ${mine.length} ${allReminders ? "nhắc việc" : "thông báo"} mới`;
    const blocks = mine.map((c) => [c.title, c.body, c.link ? `Xem: ${opts.appUrl ?? ""}${c.link}` : null].filter(Boolean).join("\n"));
    const text = [`Kính gửi ${r.fullName},`, "", blocks.join("\n\n"), "", "—", "Thư do hệ thống Thi Đua gửi tự động; vui lòng không trả lời thư này."].join(
      "\n",
    );
    try {
      await mailer.send({ to: email, subject, text });
      result.emails++;
    } catch (err) {
      result.mailFailures++;
      opts.logger.warn({ err, userId: r.id, to: email }, "Không gửi được e-mail nhắc việc; thông báo trong ứng dụng vẫn đã được tạo");
    }
  }
}
