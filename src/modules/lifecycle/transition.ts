// The one way a command moves an aggregate along its lifecycle: the move is checked against the lifecycle (domain),
// the caller's version against the row's, then the row is updated under that version, the audit entry written and
// the people concerned notified — all in the caller's transaction. Commands keep only what is theirs: the rules
// that may forbid the move, the columns it sets, and the words of the audit entry and the notice.
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { checkMove, type Lifecycle } from "../../domain/lifecycle.js";
import { conflict, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { type AuditInput, writeAudit } from "../audit/write-audit.js";
import { type Notice, notify } from "../notifications/notify.js";

/** A table whose rows follow a lifecycle: an id, a status, an optimistic version and a time of last change. */
export type LifecycleTable = PgTable & { id: AnyPgColumn; status: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/** Refuses a move the lifecycle does not allow from `from`, with the lifecycle's reason. */
export function assertMove<S extends string, M extends string>(lc: Lifecycle<S, M>, move: M, from: string, to?: S): S {
  const check = checkMove(lc, move, from, to);
  if (!check.ok) throw conflict(check.code, check.message);
  return check.to;
}

export interface Told {
  userIds: number[];
  notice: Notice;
}

export interface TransitionArgs<T extends LifecycleTable, S extends string, M extends string> {
  lifecycle: Lifecycle<S, M>;
  move: M;
  table: T;
  /** The row as loaded in this transaction. */
  row: { id: number; status: string; version: number };
  /** The version the caller saw; a different one means someone changed the row since. */
  version: number;
  /** For the version-conflict message: "Hồ sơ đề nghị của …". */
  what: string;
  /** The target, for a move with several (the current status stays when it keeps the status). */
  to?: S;
  /** Rules of the command that may still forbid the move, checked after the status and the version. */
  guard?: (to: S) => Promise<void> | void;
  /** Other columns the move sets. */
  set?: (to: S) => Record<string, unknown>;
  now: Date;
  /** The audit entry; it is about the row unless it names another entity (an assessment is logged under its participant). */
  audit: (to: S, row: T["$inferSelect"]) => Omit<AuditInput, "entity" | "entityId"> & Partial<Pick<AuditInput, "entity" | "entityId">>;
  /** Who to tell, and what (several notices for several audiences); nothing when it returns none. */
  notices?: (to: S, row: T["$inferSelect"]) => Promise<Told[]>;
}

/** Makes one lifecycle move and returns the updated row. */
export async function transition<T extends LifecycleTable, S extends string, M extends string>(
  tx: Executor,
  actor: Actor,
  args: TransitionArgs<T, S, M>,
): Promise<T["$inferSelect"]> {
  const { table, row, version, now } = args;
  const to = assertMove(args.lifecycle, args.move, row.status, args.to);
  if (row.version !== version) throw versionConflict(args.what);
  await args.guard?.(to);
  const values = { ...(args.set?.(to) ?? {}), status: to, updatedAt: now, version: version + 1 } as PgUpdateSetSource<T>;
  const [next] = (await tx
    .update(table)
    .set(values)
    .where(and(eq(table.id, row.id), eq(table.version, version)))
    .returning()) as T["$inferSelect"][];
  if (!next) throw versionConflict(args.what);
  const audit = args.audit(to, next);
  await writeAudit(tx, actor, { entity: args.lifecycle.entity, entityId: row.id, ...audit });
  for (const told of (await args.notices?.(to, next)) ?? []) await notify(tx, actor, told.userIds, told.notice, now);
  return next;
}
