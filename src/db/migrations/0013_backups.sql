CREATE TABLE IF NOT EXISTS "backups" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"trigger" text NOT NULL,
	"storage_key" text,
	"bytes" bigint,
	"sha256" text,
	"error" text
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "backups_at_idx" ON "backups" USING btree ("at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"host" text NOT NULL,
	"result" jsonb
);
