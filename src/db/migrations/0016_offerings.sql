CREATE TABLE "offering_bids" (
	"id" text PRIMARY KEY NOT NULL,
	"offering_id" text NOT NULL,
	"seq" integer NOT NULL,
	"registration_id" text NOT NULL,
	"user_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"offering_id" text NOT NULL,
	"buyer_org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"bidder_no" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"deposit_reference" text,
	"deposit_received_at" timestamp with time zone,
	"deposit_recorded_by" text,
	"refund_due" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" text PRIMARY KEY NOT NULL,
	"listing_id" text NOT NULL,
	"seller_org_id" text NOT NULL,
	"created_by" text NOT NULL,
	"form" text NOT NULL,
	"terms" jsonb NOT NULL,
	"base_price" bigint NOT NULL,
	"basis_kind" text NOT NULL,
	"basis_reference" text NOT NULL,
	"listing_days" integer NOT NULL,
	"deposit" bigint NOT NULL,
	"increment" bigint NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"round_starts_at" timestamp with time zone,
	"round_ends_at" timestamp with time zone,
	"round_extensions" integer DEFAULT 0 NOT NULL,
	"best_bid" bigint,
	"relisted_from" text,
	"machine_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"result_outcome" text,
	"result_price" bigint,
	"buyer_org_id" text,
	"result_at" timestamp with time zone,
	"result_reason" text,
	"deal_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offering_bids" ADD CONSTRAINT "offering_bids_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_bids" ADD CONSTRAINT "offering_bids_registration_id_offering_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."offering_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_bids" ADD CONSTRAINT "offering_bids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_registrations" ADD CONSTRAINT "offering_registrations_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_registrations" ADD CONSTRAINT "offering_registrations_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_registrations" ADD CONSTRAINT "offering_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_registrations" ADD CONSTRAINT "offering_registrations_deposit_recorded_by_users_id_fk" FOREIGN KEY ("deposit_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "offering_bids_seq_uq" ON "offering_bids" USING btree ("offering_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "offering_registrations_org_uq" ON "offering_registrations" USING btree ("offering_id","buyer_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offering_registrations_no_uq" ON "offering_registrations" USING btree ("offering_id","bidder_no");--> statement-breakpoint
CREATE INDEX "offerings_board_idx" ON "offerings" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "offerings_listing_idx" ON "offerings" USING btree ("listing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offerings_deal_uq" ON "offerings" USING btree ("deal_id") WHERE "offerings"."deal_id" is not null;