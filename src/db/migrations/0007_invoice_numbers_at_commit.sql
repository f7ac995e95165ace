ALTER TABLE "invoices" ALTER COLUMN "number" SET DEFAULT 'pending:' || gen_random_uuid()::text;--> statement-breakpoint
-- Invoice numbers are gapless per China-time year (UTC+8, no daylight saving): INV-YYYY-NNNNNN from the counter
-- row `invoice:YYYY`. Taking the number locks that row until the transaction ends, so it is taken as late as it
-- can be: at commit, by a deferred constraint trigger. A transaction that must show the number before it
-- commits (an invoice issued by hand) calls assign_invoice_number itself; the trigger then finds nothing to do.
-- A rolled-back transaction rolls its counter increment back with it: no gaps.
CREATE FUNCTION assign_invoice_number(invoice_id text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  y integer;
  serial bigint;
  current_number text;
BEGIN
  SELECT extract(year FROM (issued_at AT TIME ZONE 'UTC') + interval '8 hours')::integer, number
    INTO y, current_number FROM invoices WHERE id = invoice_id;
  IF current_number IS NULL OR current_number NOT LIKE 'pending:%' THEN
    RETURN current_number;
  END IF;
  INSERT INTO counters (name, value) VALUES ('invoice:' || y, 1)
    ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
    RETURNING value INTO serial;
  current_number := 'INV-' || y || '-' || lpad(serial::text, greatest(6, length(serial::text)), '0');
  UPDATE invoices SET number = current_number WHERE id = invoice_id;
  RETURN current_number;
END $$;
--> statement-breakpoint
CREATE FUNCTION invoices_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM assign_invoice_number(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER invoices_number_at_commit AFTER INSERT ON invoices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION invoices_number_at_commit();
