-- Each status column holds only the statuses of its lifecycle (src/domain/lifecycles; the schema's statusCheck).
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft', 'launched', 'closed'));
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_status_ck" CHECK ("assessments"."status" in ('draft', 'submitted', 'confirmed'));
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_status_ck" CHECK ("initiatives"."status" in ('submitted', 'recognised', 'rejected'));
--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_status_ck" CHECK ("nominations"."status" in ('draft', 'submitted', 'returned', 'accepted', 'rejected'));
--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_status_ck" CHECK ("council_sessions"."status" in ('draft', 'open', 'closed'));
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_status_ck" CHECK ("decisions"."status" in ('draft', 'issued', 'cancelled'));
