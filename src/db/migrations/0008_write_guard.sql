-- A write made of several parts in one statement (platform/statements.ts runGuarded) that must happen only if
-- its guard matched one row (a deal's update at the version the event was computed from) ends with
-- `select expect_one_row(count)`: any other count raises SQLSTATE TT409 and the whole statement, every part of
-- it, is undone. Without a transaction around it, that statement is the transaction.
CREATE FUNCTION expect_one_row(matched bigint, what text) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  IF matched <> 1 THEN
    RAISE EXCEPTION '% matched % rows, not one', what, matched USING ERRCODE = 'TT409';
  END IF;
  RETURN 1;
END $$;
