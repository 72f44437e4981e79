// Types of the HTTP API. Those the server declares are generated from its OpenAPI document (./contract.ts); the rest
// are still written by hand until their routes declare a response schema.
import type { ResponseOf } from "./contract";

/** Record ids are positive integers; URL parameters are parsed back with parseId(). */
export type Id = number;

export function parseId(value: string | null | undefined): Id | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export type Capability = Me["capabilities"][number];

export type RoleAssignment = Me["roles"][number];

export type Me = ResponseOf<"getMe">;

export interface Option {
  value: string;
  label: string;
}

export type Catalog = ResponseOf<"getCatalog">;

export type Unit = ResponseOf<"listUnits">["items"][number];

export type UnitDetail = ResponseOf<"getUnit">;

export type Person = ResponseOf<"getPerson">;

export type User = ResponseOf<"listUsers">["items"][number];

export type ImportRowError = ImportJob["errors"][number];

export type ImportKind = "units" | "people";

export type ImportJob = ResponseOf<"getImport">;

export type AuditEntry = ResponseOf<"listAuditEntries">["items"][number];

export type AuditVerifyResult = ResponseOf<"verifyAuditLog">;

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ItemList<T> {
  items: T[];
}
