// Types mirroring docs/api.md. Keep in step with the backend contract.

/** Record ids are positive integers; URL parameters are parsed back with parseId(). */
export type Id = number;

export function parseId(value: string | null | undefined): Id | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export type Capability = "units.read" | "units.write" | "people.read" | "people.write" | "users.manage" | "audit.read" | "import.units" | "import.people";

export interface RoleAssignment {
  id: Id;
  role: string;
  roleLabel: string;
  unitId: Id | null;
  unitName: string | null;
}

export interface Me {
  id: Id;
  username: string;
  fullName: string;
  roles: RoleAssignment[];
  capabilities: string[];
  /** The TOTP second factor: offered to administrators and office staff; recovery codes left when enabled. */
  secondFactor: { offered: boolean; enabled: boolean; recoveryCodesLeft: number };
  csrfToken: string;
}

export interface Option {
  value: string;
  label: string;
}

export interface Catalog {
  unitKinds: Option[];
  personCategories: Option[];
  sexes: Option[];
  roles: (Option & { description?: string })[];
}

export interface Unit {
  id: Id;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  parentId: Id | null;
  path: string;
  depth: number;
  active: boolean;
  mergedIntoId: Id | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UnitDetail extends Unit {
  ancestors: { id: Id; name: string }[];
  childrenCount: number;
  peopleCount: number;
  mergedFrom: { id: Id; name: string; code: string }[];
}

export interface Person {
  id: Id;
  code: string | null;
  unitId: Id;
  unitName: string;
  fullName: string;
  sex: string;
  sexLabel?: string;
  birthDate: string | null;
  position: string | null;
  category: string;
  categoryLabel: string;
  isHead: boolean;
  email: string | null;
  phone: string | null;
  active: boolean;
  version: number;
}

export interface User {
  id: Id;
  username: string;
  fullName: string;
  personId: Id | null;
  active: boolean;
  secondFactor: boolean;
  /** Until when sign-in attempts for this account must wait from some address (after wrong passwords), or null. */
  signInWaitUntil: string | null;
  version: number;
  roles: RoleAssignment[];
}

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export type ImportKind = "units" | "people";

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: "preview" | "running" | "done" | "failed";
  totalRows: number;
  processedRows: number;
  errors: ImportRowError[];
  preview: Record<string, unknown>[];
  result: { created: number; updated: number } | null;
}

export interface AuditEntry {
  id: Id;
  at: string;
  actorId: Id | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  unitId: Id | null;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** The entry at fault; null for a problem with the key or the checkpoint file (then `reason` says which). */
  brokenAt: Id | string | null;
  reason: string | null;
  /** The newest checkpoint of the chain's head (kept outside the database) that the log was compared with. */
  checkpoint: { id: Id; count: number; at: string } | null;
  /** What limits the proof (entries sealed at the upgrade, entries newer than the checkpoint). */
  notes: string[];
  /** The server's key is not the one that signed the log: nothing could be checked. */
  wrongKey: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ItemList<T> {
  items: T[];
}
