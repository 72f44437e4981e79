-- A plan reissued for another year links to the plan it was made from, for year-over-year comparison.
ALTER TABLE "plans" ADD COLUMN "predecessor_plan_id" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_predecessor_plan_id_plans_id_fk" FOREIGN KEY ("predecessor_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_predecessor_idx" ON "plans" USING btree ("predecessor_plan_id");
