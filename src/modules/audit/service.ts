import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { startOfVietnamDay } from "../../domain/calendar.js";
import { forbidden } from "../../http/errors.js";
import type { Actor } from "../actor.js";

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function presentAudit(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    unitId: row.unitId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

export async function listAudit(db: Executor, actor: Actor, q: AuditQuery) {
  if (!can(actor.grants, "audit.read", "/")) throw forbidden("Chỉ quản trị hệ thống được xem nhật ký.");
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(ilike(auditLog.actorName, `%${q.actor}%`));
  if (q.from) where.push(gte(auditLog.at, startOfVietnamDay(q.from)));
  if (q.to) where.push(lt(auditLog.at, new Date(startOfVietnamDay(q.to).getTime() + 86_400_000)));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select()
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(cond);
  return { items: rows.map(presentAudit), total };
}

export async function entityHistory(db: Executor, entity: string, entityId: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(500);
  return rows.map(presentAudit);
}
