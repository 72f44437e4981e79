CREATE TABLE "legal_holds" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"person_id" integer,
	"started_on" date NOT NULL,
	"ended_on" date,
	"reference" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "legal_holds_kind_ck" CHECK ("legal_holds"."kind" in ('discipline', 'investigation', 'complaint')),
	CONSTRAINT "legal_holds_dates_ck" CHECK ("legal_holds"."ended_on" is null or "legal_holds"."ended_on" >= "legal_holds"."started_on")
);
--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_holds_unit_idx" ON "legal_holds" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "legal_holds_person_idx" ON "legal_holds" USING btree ("person_id");