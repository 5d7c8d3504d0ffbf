-- The ledger is append-only, whatever the client: a correction is a reversal entry.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON ledger_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- Double entry: at commit, every new entry has at least two lines and they add up to zero.
CREATE FUNCTION ledger_entry_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  line_count integer;
  total numeric;
BEGIN
  SELECT count(*), coalesce(sum(amount), 0) INTO line_count, total FROM ledger_lines WHERE entry_id = NEW.id;
  IF line_count < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'ledger entry % of fund % is not balanced (% lines, total %)', NEW.seq, NEW.fund_id, line_count, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_check_balanced();
--> statement-breakpoint
-- A line repeats its entry's fund, date and campaign (so that totals need no join): checked here.
CREATE FUNCTION ledger_line_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_lines l LEFT JOIN ledger_entries e ON e.id = l.entry_id
    WHERE e.id IS NULL OR e.fund_id <> l.fund_id OR e.entry_date <> l.entry_date
      OR e.campaign_id IS DISTINCT FROM l.campaign_id
  ) THEN
    RAISE EXCEPTION 'ledger lines must repeat the fund, date and campaign of their entry' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_match_entry AFTER INSERT ON ledger_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_line_check_entry();
--> statement-breakpoint
-- Totals per fund, campaign, day and account, kept in the transaction of each posting so that a
-- balance as of a date or a month's totals read a few rows, not millions of lines. Derived data:
-- ledger_day_totals_rebuild() recomputes it from the lines, and `doanket ledger verify` compares.
CREATE TABLE "ledger_day_totals" (
  "fund_id" uuid NOT NULL,
  "campaign_id" uuid,
  "day" date NOT NULL,
  "account" text NOT NULL,
  "amount" bigint NOT NULL,
  "lines" integer NOT NULL,
  CONSTRAINT "ledger_day_totals_key" UNIQUE NULLS NOT DISTINCT ("fund_id", "campaign_id", "day", "account")
);
--> statement-breakpoint
CREATE INDEX "ledger_day_totals_campaign_idx" ON "ledger_day_totals" ("campaign_id", "day");
--> statement-breakpoint
CREATE FUNCTION ledger_day_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_day_totals AS t (fund_id, campaign_id, day, account, amount, lines)
  SELECT fund_id, campaign_id, entry_date, account, sum(amount), count(*) FROM new_lines
  GROUP BY fund_id, campaign_id, entry_date, account
  ORDER BY fund_id, campaign_id, entry_date, account
  ON CONFLICT (fund_id, campaign_id, day, account)
  DO UPDATE SET amount = t.amount + excluded.amount, lines = t.lines + excluded.lines;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_totals AFTER INSERT ON ledger_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_totals_add();
--> statement-breakpoint
CREATE FUNCTION ledger_day_totals_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_day_totals;
  INSERT INTO ledger_day_totals (fund_id, campaign_id, day, account, amount, lines)
  SELECT fund_id, campaign_id, entry_date, account, sum(amount), count(*) FROM ledger_lines
  GROUP BY fund_id, campaign_id, entry_date, account;
END;
$$;
