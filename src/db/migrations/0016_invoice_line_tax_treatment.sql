-- Every invoice line says whether it was priced as VAT-exempt or at the standard rate (财税〔2016〕36号 附件3 第一条
-- (二十六): exempt only for a registered technology contract). Lines issued before this column existed were priced
-- by the old rule, which exempted the technology kinds unconditionally: those at 0% are recorded as issued, exempt;
-- every other line is standard. Their figures are not touched: an issued invoice is never rewritten.
ALTER TABLE "invoice_lines" ADD COLUMN "tax_treatment" text NOT NULL DEFAULT 'standard';--> statement-breakpoint
UPDATE "invoice_lines" SET "tax_treatment" = 'exempt'
  WHERE "kind" IN ('license_fee', 'transfer_fee', 'development_fee', 'royalty', 'milestone') AND "tax_rate_bp" = 0;--> statement-breakpoint
ALTER TABLE "invoice_lines" ALTER COLUMN "tax_treatment" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_exempt_ck" CHECK ("invoice_lines"."tax_treatment" <> 'exempt' or ("invoice_lines"."tax_rate_bp" = 0 and "invoice_lines"."tax_amount" = 0));
