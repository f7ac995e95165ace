CREATE TABLE "notice_objections" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"objector_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"decision" text,
	"answer_reason" text,
	"answered_by" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"deal_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"listing_title" text NOT NULL,
	"registration_no" text,
	"form" text NOT NULL,
	"price" bigint NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"seller_org_id" text NOT NULL,
	"buyer_org_id" text NOT NULL,
	"related_party" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_objector_id_users_id_fk" FOREIGN KEY ("objector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("notice_id","at");--> statement-breakpoint
CREATE INDEX "notice_objections_objector_idx" ON "notice_objections" USING btree ("objector_id","at");--> statement-breakpoint
CREATE INDEX "public_notices_board_idx" ON "public_notices" USING btree ("status","starts_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_open_uq" ON "public_notices" USING btree ("deal_id") WHERE "public_notices"."status" = 'open';