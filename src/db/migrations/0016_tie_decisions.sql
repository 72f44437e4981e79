-- The office's decision on a tie the ranking chain could not break: the order it set, why, and the minutes' reference.
CREATE TABLE "tie_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"group_id" text NOT NULL,
	"participant_ids" jsonb NOT NULL,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tie_decisions" ADD CONSTRAINT "tie_decisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "tie_decisions_plan_idx" ON "tie_decisions" USING btree ("plan_id");
