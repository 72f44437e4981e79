-- Secret votes keep no row per ballot: a sealed urn while the vote is open, counts per nominee once it closes.
ALTER TABLE "council_sessions" ADD COLUMN "recusals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE TABLE "ballot_urns" (
	"session_id" integer PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL
);--> statement-breakpoint
ALTER TABLE "ballot_urns" ADD CONSTRAINT "ballot_urns_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "ballot_counts" (
	"session_id" integer NOT NULL,
	"nomination_id" integer NOT NULL,
	"approve" integer NOT NULL,
	"reject" integer NOT NULL,
	"abstain" integer NOT NULL
);--> statement-breakpoint
ALTER TABLE "ballot_counts" ADD CONSTRAINT "ballot_counts_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_counts" ADD CONSTRAINT "ballot_counts_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_counts_uq" ON "ballot_counts" USING btree ("session_id","nomination_id");--> statement-breakpoint
-- Ballots cast before this migration become counts (sessions still open keep them; the urn adds the rest at close).
INSERT INTO "ballot_counts" ("session_id", "nomination_id", "approve", "reject", "abstain")
SELECT "session_id", "nomination_id",
	count(*) FILTER (WHERE "choice" = 'approve'),
	count(*) FILTER (WHERE "choice" = 'reject'),
	count(*) FILTER (WHERE "choice" = 'abstain')
FROM "ballots" GROUP BY "session_id", "nomination_id";--> statement-breakpoint
DROP TABLE "ballots";
