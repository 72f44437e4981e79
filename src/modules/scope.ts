import { like, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Capability, can, knowsOf, mayReadPlan, scopesFor } from "../domain/access.js";
import { type AppError, forbidden, notFound } from "../http/errors.js";
import type { Actor } from "./actor.js";

/** SQL condition limiting `pathColumn` to the actor's subtrees for `capability` (undefined: no limit). */
export function scopeCondition(actor: Actor, capability: Capability, pathColumn: AnyPgColumn): SQL | undefined {
  const scopes = scopesFor(actor.grants, capability);
  if (scopes === null) return undefined;
  if (scopes.length === 0) return like(pathColumn, "/__none__/%");
  return or(...scopes.map((p) => like(pathColumn, `${p}%`)));
}

const OUT_OF_SCOPE = "dữ liệu này trong phạm vi của bạn; hãy kiểm tra lại đơn vị hoặc mã số đã chọn";

/**
 * The refusal about a record of the unit at `unitPath`: outside everything the caller knows of, a 404 that names
 * nothing (`what` as for a record that does not exist, e.g. "kế hoạch có mã số 7"); else 403 with `message`.
 */
export function refusal(actor: Actor, unitPath: string | undefined, message?: string, what = OUT_OF_SCOPE): AppError {
  return unitPath !== undefined && !knowsOf(actor.grants, unitPath) ? notFound(what) : forbidden(message);
}

/** Throws unless the actor holds `capability` over the unit at `unitPath`: 403, or 404 naming nothing for a unit outside the caller's scope. */
export function assertCan(actor: Actor, capability: Capability, unitPath?: string, message?: string): void {
  if (!can(actor.grants, capability, unitPath)) throw refusal(actor, unitPath, message);
}

/** A record the caller may not read does not exist for them: the same 404 as a missing one (`what` names the id they sent). */
export function assertReadable(readable: boolean, what: string): void {
  if (!readable) throw notFound(what);
}

/** 404 (as for a missing plan) unless the actor may read the plan issued by the unit at `issuerPath`. */
export function assertPlanReadable(actor: Actor, issuerPath: string, planId: number): void {
  assertReadable(mayReadPlan(actor.grants, issuerPath), `kế hoạch có mã số ${planId}`);
}
