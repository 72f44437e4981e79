// In-app notifications for events that someone else must act on or should know of (a dossier returned, a vote
// opened, a decision waiting to be signed…), written in the same transaction as the change they report.
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { notifications, roleAssignments, units, users } from "../../db/schema.js";
import { isWithin } from "../../domain/org.js";
import type { Actor } from "../actor.js";

/** Kinds of event notifications; the reminder pass e-mails them (reminders and digests it mails as it makes them). */
export const EVENT_KINDS = ["nomination", "council", "decision"] as const;

export interface Notice {
  kind: (typeof EVENT_KINDS)[number];
  title: string;
  body: string;
  link: string | null;
}

/** Active accounts holding one of `roles` on `unitPath` or above it (a ward's focal person; a city's office; a signer). */
export async function holdersOf(db: Executor, roles: string[], unitPath: string): Promise<number[]> {
  const rows = await db
    .select({ userId: roleAssignments.userId, path: units.path })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.role, roles));
  return [...new Set(rows.filter((r) => isWithin(unitPath, r.path)).map((r) => r.userId))];
}

/** Notifies each user once, never the actor who caused the event. */
export async function notify(db: Executor, actor: Actor, userIds: number[], notice: Notice, now: Date): Promise<number> {
  const to = [...new Set(userIds)].filter((id) => id !== actor.userId);
  if (to.length === 0) return 0;
  await db.insert(notifications).values(to.map((userId) => ({ userId, ...notice, createdAt: now })));
  return to.length;
}
