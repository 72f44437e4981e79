// Lifecycles as data: an aggregate's statuses with their Vietnamese names, and the moves between them. A command
// asks its lifecycle whether a move is allowed from the current status (and why not), so the rule lives in one
// place; modules/lifecycle/transition.ts applies the move (version check, update, audit, notification).
import type { AuditEntity } from "./audit-actions.js";

export interface Refusal {
  code: string;
  message: string;
}

/** One move: the statuses it may start from, where it leads, and the refusal when it may not be made. */
export interface Move<S extends string> {
  from: readonly S[];
  /** Where it leads; a list when the command chooses (e.g. the office's conclusion), empty when the status stays. */
  to: readonly S[];
  /** The error code and the Vietnamese reason given when the current status is not in `from`. */
  refusal: Refusal | ((from: S) => Refusal);
}

export interface Lifecycle<S extends string, M extends string> {
  /** What the audit log calls the aggregate. */
  entity: AuditEntity;
  initial: S;
  labels: Record<S, string>;
  moves: Record<M, Move<S>>;
}

/** Declares a lifecycle, keeping its statuses and move names as literal types. */
export function defineLifecycle<const S extends string, const M extends string>(def: Lifecycle<S, M>): Lifecycle<S, M> {
  return def;
}

export type StatusOf<L> = L extends Lifecycle<infer S, string> ? S : never;
export type MoveOf<L> = L extends Lifecycle<string, infer M> ? M : never;

/** Every status of a lifecycle, in the order of its labels (the database's check constraint lists the same). */
export function statusesOf<S extends string>(lc: { labels: Record<S, string> }): S[] {
  return Object.keys(lc.labels) as S[];
}

export function isStatus<S extends string>(lc: { labels: Record<S, string> }, value: string): value is S {
  return Object.hasOwn(lc.labels, value);
}

/** The Vietnamese name of a status (the code itself for one this version does not know). */
export function statusLabel<S extends string>(lc: { labels: Record<S, string> }, status: string): string {
  return (lc.labels as Record<string, string>)[status] ?? status;
}

export type MoveCheck<S extends string> = { ok: true; to: S } | { ok: false; code: string; message: string };

/**
 * Whether `move` may be made from `from`, and to which status: `to` picks among the move's targets (the first when
 * omitted; the current status when the move keeps it).
 */
export function checkMove<S extends string, M extends string>(lc: Lifecycle<S, M>, move: M, from: string, to?: S): MoveCheck<S> {
  const m = lc.moves[move];
  if (!isStatus(lc, from) || !m.from.includes(from)) {
    const refusal = typeof m.refusal === "function" ? m.refusal(from as S) : m.refusal;
    return { ok: false, ...refusal };
  }
  if (m.to.length === 0) return { ok: true, to: from };
  const target = to ?? m.to[0];
  if (!m.to.includes(target) && target !== from)
    return { ok: false, code: "BAD_STATUS", message: `Không chuyển sang trạng thái "${statusLabel(lc, target)}" được.` };
  return { ok: true, to: target };
}
