// The data model at a glance. Every editable record carries `version` for optimistic locking.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { type Lifecycle, statusesOf } from "../domain/lifecycle.js";
import { type AssessmentStatus, assessmentLifecycle } from "../domain/lifecycles/assessment.js";
import { type CouncilSessionStatus, councilSessionLifecycle } from "../domain/lifecycles/council-session.js";
import { type DecisionStatus, decisionLifecycle } from "../domain/lifecycles/decision.js";
import { type InitiativeStatus, initiativeLifecycle } from "../domain/lifecycles/initiative.js";
import { type NominationStatus, nominationLifecycle } from "../domain/lifecycles/nomination.js";
import { type PlanStatus, planLifecycle } from "../domain/lifecycles/plan.js";
import type { SuccessionNote } from "../domain/movement/succession.js";

const stamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
};

/** The database refuses a status its lifecycle (domain/lifecycles) does not know; migration 0014 adds the same checks. */
const statusCheck = <S extends string>(name: string, column: AnyPgColumn, lc: Lifecycle<S, string>) =>
  check(
    name,
    sql`${column} in (${sql.raw(
      statusesOf(lc)
        .map((x) => `'${x}'`)
        .join(", "),
    )})`,
  );

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
    /** Last request seen, refreshed at most once a minute; the session ends after SESSION_IDLE_MINUTES without one. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Wrong sign-in attempts counted per (account name, IP) and per IP; see src/domain/login-throttle.ts. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

/** A user's TOTP second factor; the secret is encrypted when SECRETS_KEY is set and never sent after enrolment. */
export const userTotp = pgTable("user_totp", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  /** Null while enrolment awaits its first code. */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code works once. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for the second factor, stored as SHA-256. */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);

/** A sign-in whose password was right, waiting for its second factor; the client holds a token, the table its SHA-256. */
export const loginChallenges = pgTable("login_challenges", {
  id: text("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  ip: text("ip"),
  userAgent: text("user_agent"),
  attempts: integer("attempts").notNull().default(0),
  /** The password was right but falls short of today's policy: the session that follows asks for a new one. */
  weakPassword: boolean("weak_password").notNull().default(false),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

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
    /** HMAC of id and hash under the audit key (kept outside the database); null only before the log is sealed. */
    mac: text("mac"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at), index("audit_unit_idx").on(t.unitId)],
);

/**
 * One row: which key signs the audit log (a fingerprint, never the key) and which entries existed before the MAC
 * (sealed with it at the first start after the upgrade; before that only the hash chain protected them).
 */
export const auditAnchor = pgTable(
  "audit_anchor",
  {
    id: smallint("id").primaryKey().default(1),
    keyId: text("key_id").notNull(),
    legacyThrough: bigint("legacy_through", { mode: "number" }).notNull(),
    legacyCount: integer("legacy_count").notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("audit_anchor_single", sql`${t.id} = 1`)],
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
    /** The plan this one was reissued from for another year (year-over-year comparison). */
    predecessorPlanId: integer("predecessor_plan_id").references((): AnyPgColumn => plans.id),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    data: jsonb("data").notNull(),
    createdBy: integer("created_by"),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    /** Participants may explain (giải trình) appraisal findings until the end of this day. */
    explanationUntil: date("explanation_until", { mode: "string" }),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    index("plans_issuer_idx").on(t.issuerUnitId),
    index("plans_parent_idx").on(t.parentPlanId),
    index("plans_predecessor_idx").on(t.predecessorPlanId),
    uniqueIndex("plans_code_uq").on(t.code),
    statusCheck("plans_status_ck", t.status, planLifecycle),
  ],
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

// ---- Running a movement -------------------------------------------------------------------------------

/** A stored file: content-checked type, SHA-256, kept in the configured storage under `storageKey`. */
export const files = pgTable("files", {
  id: text("id").primaryKey(),
  sha256: text("sha256").notNull(),
  size: integer("size").notNull(),
  mime: text("mime").notNull(),
  originalName: text("original_name").notNull(),
  storageKey: text("storage_key").notNull(),
  unitId: integer("unit_id").references(() => units.id),
  uploadedBy: integer("uploaded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A unit or a person taking part in a launched plan, in one of its groups. */
export const participants = pgTable(
  "participants",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    groupId: text("group_id").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    personId: integer("person_id").references(() => people.id),
    registeredAt: timestamp("registered_at", { withTimezone: true }),
    registration: jsonb("registration"),
    /** The office may reopen registration for this participant until the end of this day. */
    reopenedUntil: date("reopened_until", { mode: "string" }),
    /** Units merged into this participant's unit mid-movement and what was taken over from them (SuccessionNote[]). */
    succession: jsonb("succession").$type<SuccessionNote[]>().notNull().default([]),
    ...stamps,
  },
  (t) => [
    index("participants_plan_idx").on(t.planId),
    index("participants_unit_idx").on(t.unitId),
    uniqueIndex("participants_uq").on(t.planId, t.groupId, t.unitId, sql`coalesce(${t.personId}, 0)`),
  ],
);

/** A periodic report sent for a report milestone. */
export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: serial("id").primaryKey(),
    participantId: integer("participant_id")
      .notNull()
      .references(() => participants.id),
    milestoneId: text("milestone_id").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: integer("submitted_by"),
  },
  (t) => [uniqueIndex("report_submissions_uq").on(t.participantId, t.milestoneId)],
);

/** An initiative (sáng kiến, mô hình, giải pháp) and its recognition. */
export const initiatives = pgTable(
  "initiatives",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    participantId: integer("participant_id")
      .notNull()
      .references(() => participants.id),
    title: text("title").notNull(),
    description: text("description"),
    fileIds: jsonb("file_ids").notNull().default([]),
    status: text("status").$type<InitiativeStatus>().notNull().default("submitted"),
    level: text("level"),
    recognisedOn: date("recognised_on", { mode: "string" }),
    decisionNo: text("decision_no"),
    appliedEffectively: boolean("applied_effectively").notNull().default(false),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [index("initiatives_participant_idx").on(t.participantId), statusCheck("initiatives_status_ck", t.status, initiativeLifecycle)],
);

/** A value of an indicator (on-time rate, PAR INDEX…) for a unit and period; rows are never overwritten. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    metric: text("metric").notNull(),
    period: text("period").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    enteredBy: integer("entered_by"),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicator_values_key_idx").on(t.unitId, t.metric, t.period)],
);

/** A complaint or feedback (phản ánh, kiến nghị) about a unit; `substantiated` null while being verified. */
export const complaints = pgTable(
  "complaints",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    planId: integer("plan_id").references(() => plans.id),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    content: text("content").notNull(),
    channel: text("channel"),
    substantiated: boolean("substantiated"),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [index("complaints_unit_idx").on(t.unitId)],
);

/** A participant's self-assessment: facts, evidence and notes per criterion. */
export const assessments = pgTable(
  "assessments",
  {
    id: serial("id").primaryKey(),
    participantId: integer("participant_id")
      .notNull()
      .unique()
      .references(() => participants.id),
    facts: jsonb("facts").notNull().default({}),
    evidence: jsonb("evidence").notNull().default({}),
    notes: jsonb("notes").notNull().default({}),
    status: text("status").$type<AssessmentStatus>().notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: integer("confirmed_by"),
    ...stamps,
  },
  (t) => [statusCheck("assessments_status_ck", t.status, assessmentLifecycle)],
);

/** Who appraises what: a whole participant, one criterion for everyone, or one criterion of one participant. */
export const appraisalAssignments = pgTable(
  "appraisal_assignments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    participantId: integer("participant_id").references(() => participants.id),
    criterionId: text("criterion_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appraisal_assignments_plan_idx").on(t.planId, t.userId)],
);

/** An appraiser's finding on one criterion of one participant, and the participant's explanation (giải trình). */
export const appraisals = pgTable(
  "appraisals",
  {
    id: serial("id").primaryKey(),
    participantId: integer("participant_id")
      .notNull()
      .references(() => participants.id),
    criterionId: text("criterion_id").notNull(),
    facts: jsonb("facts").notNull().default({}),
    points: doublePrecision("points"),
    reason: text("reason").notNull(),
    appraiserId: integer("appraiser_id"),
    explanation: text("explanation"),
    explainedAt: timestamp("explained_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex("appraisals_uq").on(t.participantId, t.criterionId)],
);

/** Final, published results of a movement (snapshot taken when the office finalises). */
export const results = pgTable(
  "results",
  {
    id: serial("id").primaryKey(),
    participantId: integer("participant_id")
      .notNull()
      .unique()
      .references(() => participants.id),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    total: doublePrecision("total"),
    rank: integer("rank"),
    classification: text("classification"),
    detail: jsonb("detail").notNull(),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("results_plan_idx").on(t.planId)],
);

/**
 * The office's decision on a tie the ranking chain could not break (domain/movement/ranking.ts): the order it set for
 * the tied participants of one group, why, and the minutes' reference. A later decision on any of them replaces it.
 */
export const tieDecisions = pgTable(
  "tie_decisions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    groupId: text("group_id").notNull(),
    participantIds: jsonb("participant_ids").$type<number[]>().notNull(),
    reason: text("reason").notNull(),
    reference: text("reference").notNull(),
    decidedBy: integer("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tie_decisions_plan_idx").on(t.planId)],
);

/** In-app notifications. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    /** Makes a reminder fire once, even with several app servers: one row per key. */
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** An event notification (a dossier returned, a vote opened…) taken by a reminder pass to be e-mailed; reminders are mailed as they are made. */
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId), uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey)],
);

// ---- Commendation -------------------------------------------------------------------------------------

/** A proposal to commend a participant with an award form of the plan, and its dossier's life. */
export const nominations = pgTable(
  "nominations",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    awardFormId: text("award_form_id").notNull(),
    participantId: integer("participant_id")
      .notNull()
      .references(() => participants.id),
    proposedByUnitId: integer("proposed_by_unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status").$type<NominationStatus>().notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    returnedReason: text("returned_reason"),
    officeOpinion: text("office_opinion"),
    /** Facts the standing office found while appraising (e.g. "disbursement short for subjective reasons"); they prevail over the nominee's. */
    officeFacts: jsonb("office_facts").notNull().default({}),
    /** A lower level's nomination forwarded to this (upper) plan. */
    forwardedFromId: integer("forwarded_from_id").references((): AnyPgColumn => nominations.id),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [
    index("nominations_plan_idx").on(t.planId),
    uniqueIndex("nominations_uq").on(t.planId, t.awardFormId, t.participantId),
    statusCheck("nominations_status_ck", t.status, nominationLifecycle),
  ],
);

/** One component of a nomination dossier (proposal memo, minutes, achievement report…): an uploaded or generated file. */
export const dossierItems = pgTable(
  "dossier_items",
  {
    id: serial("id").primaryKey(),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    componentId: text("component_id").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    generated: boolean("generated").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dossier_items_uq").on(t.nominationId, t.componentId)],
);

/** A meeting of the emulation-commendation council. */
export const councilSessions = pgTable(
  "council_sessions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    title: text("title").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    ballot: text("ballot").notNull(),
    chairUserId: integer("chair_user_id").references(() => users.id),
    secretaryUserId: integer("secretary_user_id").references(() => users.id),
    members: jsonb("members").notNull().default([]),
    present: jsonb("present").notNull().default([]),
    status: text("status").$type<CouncilSessionStatus>().notNull().default("draft"),
    /** Members recused from a nominee (conflict of interest), fixed when voting opens: {userId, nominationId, reason}. */
    recusals: jsonb("recusals").notNull().default([]),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [statusCheck("council_sessions_status_ck", t.status, councilSessionLifecycle)],
);

export const councilAgenda = pgTable(
  "council_agenda",
  {
    id: serial("id").primaryKey(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => councilSessions.id, { onDelete: "cascade" }),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id),
  },
  (t) => [uniqueIndex("council_agenda_uq").on(t.sessionId, t.nominationId)],
);

/**
 * The sealed urn of an open secret vote: the counts so far per nominee, encrypted under a key that is not in the
 * database, one row per session rewritten as a whole at each vote and deleted when the vote closes. No row per voter.
 */
export const ballotUrns = pgTable("ballot_urns", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => councilSessions.id, { onDelete: "cascade" }),
  sealed: text("sealed").notNull(),
});

/**
 * A secret vote's counts per nominee, written all at once when the vote closes (from the urn). Counts only: nothing
 * here says who chose what. Who has voted is in `ballotReceipts`, which says nothing of the choice.
 */
export const ballotCounts = pgTable(
  "ballot_counts",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => councilSessions.id),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id),
    approve: integer("approve").notNull(),
    reject: integer("reject").notNull(),
    abstain: integer("abstain").notNull(),
  },
  (t) => [uniqueIndex("ballot_counts_uq").on(t.sessionId, t.nominationId)],
);

export const ballotReceipts = pgTable(
  "ballot_receipts",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => councilSessions.id),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("ballot_receipts_uq").on(t.sessionId, t.nominationId, t.userId)],
);

/** An open (show of hands) vote, recorded by the secretary. */
export const openVotes = pgTable(
  "open_votes",
  {
    id: serial("id").primaryKey(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => councilSessions.id),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id),
    approve: integer("approve").notNull(),
    reject: integer("reject").notNull(),
    abstain: integer("abstain").notNull(),
  },
  (t) => [uniqueIndex("open_votes_uq").on(t.sessionId, t.nominationId)],
);

/**
 * A case that bars commendation while under way (Decree 98/2023 art. 4): disciplinary review, investigation or
 * inspection, or a complaint or denunciation being verified. About a person of the unit, or (person null) the
 * collective itself. Under way from `startedOn` to `endedOn` inclusive; `endedOn` null while it lasts.
 */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    personId: integer("person_id").references(() => people.id),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    reference: text("reference"),
    note: text("note"),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [
    index("legal_holds_unit_idx").on(t.unitId),
    index("legal_holds_person_idx").on(t.personId),
    check("legal_holds_kind_ck", sql`${t.kind} in ('discipline', 'investigation', 'complaint')`),
    check("legal_holds_dates_ck", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A commendation decision and its recipients (the honour roll once issued). */
export const decisions = pgTable(
  "decisions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    awardFormId: text("award_form_id").notNull(),
    number: text("number"),
    symbol: text("symbol").notNull().default("QĐ-UBND"),
    signedOn: date("signed_on", { mode: "string" }),
    signerTitle: text("signer_title"),
    signerName: text("signer_name"),
    status: text("status").$type<DecisionStatus>().notNull().default("draft"),
    signedScanFileId: text("signed_scan_file_id").references(() => files.id),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [statusCheck("decisions_status_ck", t.status, decisionLifecycle)],
);

export const decisionRecipients = pgTable(
  "decision_recipients",
  {
    id: serial("id").primaryKey(),
    decisionId: integer("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id),
    participantId: integer("participant_id")
      .notNull()
      .references(() => participants.id),
    name: text("name").notNull(),
    unitName: text("unit_name").notNull(),
    target: text("target").notNull(),
    amount: integer("amount"),
    amountWords: text("amount_words"),
    amountExplanation: text("amount_explanation"),
  },
  (t) => [uniqueIndex("decision_recipients_uq").on(t.decisionId, t.nominationId)],
);

// ---- Operations ----------------------------------------------------------------------------------------

/** A backup archive taken by the schedule or by an administrator, kept in the file store under `storageKey`. */
export const backups = pgTable(
  "backups",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    trigger: text("trigger").notNull().$type<"scheduled" | "manual">(),
    /** Null when the attempt failed (then `error` says why). */
    storageKey: text("storage_key"),
    bytes: bigint("bytes", { mode: "number" }),
    sha256: text("sha256"),
    error: text("error"),
  },
  (t) => [index("backups_at_idx").on(t.at)],
);

/** The last pass of each background job (whichever server ran it), for /api/health. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  host: text("host").notNull(),
  result: jsonb("result"),
});
