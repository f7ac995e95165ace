CREATE TABLE "demand_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"demand_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"created_by" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demand_responses" ADD CONSTRAINT "demand_responses_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_responses" ADD CONSTRAINT "demand_responses_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_responses" ADD CONSTRAINT "demand_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_responses" ADD CONSTRAINT "demand_responses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "demand_responses_demand_listing_idx" ON "demand_responses" USING btree ("demand_id","listing_id");--> statement-breakpoint
CREATE INDEX "demand_responses_org_idx" ON "demand_responses" USING btree ("organization_id");