// In-app notifications: each user sees and marks only their own.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { notifications } from "../../db/schema.js";
import { notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";

type NotificationRow = typeof notifications.$inferSelect;

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    read: n.readAt !== null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The actor's notifications, newest first, with how many are unread. */
export async function listNotifications(db: Executor, actor: Actor, query: { unreadOnly?: boolean; page: number; pageSize: number }) {
  const mine = eq(notifications.userId, actor.userId);
  const where = query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const items = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(notifications).where(where);
  const [{ unread }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items: items.map(presentNotification), total, unread };
}

/** Marks one of the actor's notifications read (again: no change). Someone else's is "not found", never revealed. */
export async function markRead(db: Executor, actor: Actor, id: number, now: Date) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
  if (!row) throw notFound(`thông báo có mã số ${id}`);
  if (row.readAt) return presentNotification(row);
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
    .returning();
  return presentNotification(updated);
}

/** Marks every unread notification of the actor read. */
export async function markAllRead(db: Executor, actor: Actor, now: Date) {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: updated.length, unread: 0 };
}
