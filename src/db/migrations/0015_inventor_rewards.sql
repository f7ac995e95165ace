CREATE TABLE "inventor_rewards" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"deal_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"position" integer NOT NULL,
	"inventor_name" text NOT NULL,
	"share_bp" integer NOT NULL,
	"income" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount" bigint NOT NULL,
	"public_from" timestamp with time zone NOT NULL,
	"public_until" timestamp with time zone NOT NULL,
	"paid_on" text,
	"paid_reference" text,
	"paid_by" text,
	"paid_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventor_rewards_amount_ck" CHECK ("inventor_rewards"."amount" >= 0 and "inventor_rewards"."income" > 0)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "reward_rate_bp" integer DEFAULT 5000 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventor_rewards" ADD CONSTRAINT "inventor_rewards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventor_rewards" ADD CONSTRAINT "inventor_rewards_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventor_rewards" ADD CONSTRAINT "inventor_rewards_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventor_rewards" ADD CONSTRAINT "inventor_rewards_payment_id_invoice_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."invoice_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventor_rewards" ADD CONSTRAINT "inventor_rewards_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inventor_rewards_payment_uq" ON "inventor_rewards" USING btree ("payment_id","position");--> statement-breakpoint
CREATE INDEX "inventor_rewards_deal_idx" ON "inventor_rewards" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "inventor_rewards_org_idx" ON "inventor_rewards" USING btree ("organization_id","created_at");