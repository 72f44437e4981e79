// The data model at a glance. Every editable record carries `version` for optimistic locking.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigserial, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const stamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
};

/** Organisation tree: any depth; `path` is "/1/4/17/" (ancestor ids, self last) for subtree checks. */
export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    kind: text("kind").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    active: boolean("active").notNull().default(true),
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => units.id),
    ...stamps,
  },
  (t) => [uniqueIndex("units_code_uq").on(sql`lower(${t.code})`), index("units_parent_idx").on(t.parentId), index("units_path_idx").on(t.path)],
);

export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    code: text("code"),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    fullName: text("full_name").notNull(),
    sortKey: text("sort_key").notNull(),
    sex: text("sex").notNull(),
    birthDate: date("birth_date", { mode: "string" }),
    position: text("position"),
    category: text("category").notNull(),
    isHead: boolean("is_head").notNull().default(false),
    email: text("email"),
    phone: text("phone"),
    active: boolean("active").notNull().default(true),
    ...stamps,
  },
  (t) => [uniqueIndex("people_code_uq").on(t.code), index("people_unit_idx").on(t.unitId), index("people_sort_idx").on(t.sortKey)],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    personId: integer("person_id").references(() => people.id),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex("users_username_uq").on(sql`lower(${t.username})`)],
);

/** A role held over a unit subtree (unit null = whole system, admin only). */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    unitId: integer("unit_id").references(() => units.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("role_assignments_user_idx").on(t.userId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Append-only audit trail; each row's hash covers its content and the previous row's hash. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    unitId: integer("unit_id"),
    summary: text("summary").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at), index("audit_unit_idx").on(t.unitId)],
);

/** An uploaded import file, parsed and validated; committed all-or-nothing. */
export const imports = pgTable("imports", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  fileName: text("file_name").notNull(),
  createdBy: integer("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  status: text("status").notNull(),
  totalRows: integer("total_rows").notNull(),
  processedRows: integer("processed_rows").notNull().default(0),
  errors: jsonb("errors").notNull(),
  rows: jsonb("rows").notNull(),
  result: jsonb("result"),
});

/** An emulation plan (movement). `data` is the plan as data (see src/domain/plan/schema.ts). */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    year: integer("year").notNull(),
    issuerUnitId: integer("issuer_unit_id")
      .notNull()
      .references(() => units.id),
    parentPlanId: integer("parent_plan_id").references((): AnyPgColumn => plans.id),
    status: text("status").notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    data: jsonb("data").notNull(),
    createdBy: integer("created_by"),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [index("plans_issuer_idx").on(t.issuerUnitId), index("plans_parent_idx").on(t.parentPlanId), uniqueIndex("plans_code_uq").on(t.code)],
);

/** Every launched revision of a plan, frozen, with a readable diff from the one before. */
export const planRevisions = pgTable(
  "plan_revisions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    revision: integer("revision").notNull(),
    data: jsonb("data").notNull(),
    diff: jsonb("diff").notNull(),
    note: text("note"),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plan_revisions_uq").on(t.planId, t.revision)],
);
