CREATE TABLE "half_year_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"year" integer NOT NULL,
	"half" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "half_year_reports_half_ck" CHECK ("half_year_reports"."half" in (1, 2)),
	CONSTRAINT "half_year_reports_submitted_ck" CHECK (("half_year_reports"."status" = 'submitted') = ("half_year_reports"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "half_year_reports" ADD CONSTRAINT "half_year_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "half_year_reports" ADD CONSTRAINT "half_year_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "half_year_reports_org_period_uq" ON "half_year_reports" USING btree ("organization_id","year","half");--> statement-breakpoint
CREATE INDEX "half_year_reports_period_idx" ON "half_year_reports" USING btree ("year","half","status");