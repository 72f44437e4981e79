-- Each audit entry gets a MAC under a key kept outside the database. Entries written before this migration keep
-- mac = null until the first start with a key seals them (src/modules/audit/prepare-audit-trail.ts), which also
-- fills audit_anchor with the key's fingerprint and the range of those legacy entries.
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
CREATE TABLE "audit_anchor" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"key_id" text NOT NULL,
	"legacy_through" bigint NOT NULL,
	"legacy_count" integer NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_anchor_single" CHECK ("audit_anchor"."id" = 1)
);
