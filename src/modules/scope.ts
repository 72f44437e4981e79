import { like, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Capability, can, scopesFor } from "../domain/access.js";
import { forbidden } from "../http/errors.js";
import type { Actor } from "./actor.js";

/** SQL condition limiting `pathColumn` to the actor's subtrees for `capability` (undefined: no limit). */
export function scopeCondition(actor: Actor, capability: Capability, pathColumn: AnyPgColumn): SQL | undefined {
  const scopes = scopesFor(actor.grants, capability);
  if (scopes === null) return undefined;
  if (scopes.length === 0) return like(pathColumn, "/__none__/%");
  return or(...scopes.map((p) => like(pathColumn, `${p}%`)));
}

/** Throws 403 unless the actor holds `capability` over the unit at `unitPath`. */
export function assertCan(actor: Actor, capability: Capability, unitPath?: string, message?: string): void {
  if (!can(actor.grants, capability, unitPath)) throw forbidden(message);
}
