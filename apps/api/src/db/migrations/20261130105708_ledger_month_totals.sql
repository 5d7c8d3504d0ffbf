-- Totals per fund, campaign, month (its first day) and account, kept beside the day totals in the
-- transaction of each posting: a sum over a year of a city's campaigns reads one row per fund and
-- month instead of one per day. Derived data like ledger_day_totals: ledger_month_totals_rebuild()
-- recomputes it from the lines, and `doanket ledger verify` compares.
CREATE TABLE "ledger_month_totals" (
  "fund_id" uuid NOT NULL,
  "campaign_id" uuid,
  "month" date NOT NULL,
  "account" text NOT NULL,
  "amount" bigint NOT NULL,
  "lines" integer NOT NULL,
  CONSTRAINT "ledger_month_totals_key" UNIQUE NULLS NOT DISTINCT ("fund_id", "campaign_id", "month", "account"),
  CONSTRAINT "ledger_month_totals_first_day" CHECK (extract(day FROM "month") = 1)
);
--> statement-breakpoint
-- "These campaigns in these funds up to a month", read from the index alone.
CREATE INDEX "ledger_month_totals_campaign_fund_idx" ON "ledger_month_totals" ("campaign_id", "fund_id", "month")
  INCLUDE ("account", "amount");
--> statement-breakpoint
CREATE FUNCTION ledger_month_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_month_totals AS t (fund_id, campaign_id, month, account, amount, lines)
  SELECT fund_id, campaign_id, date_trunc('month', entry_date)::date, account, sum(amount), count(*) FROM new_lines
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (fund_id, campaign_id, month, account)
  DO UPDATE SET amount = t.amount + excluded.amount, lines = t.lines + excluded.lines;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_month_totals AFTER INSERT ON ledger_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_totals_add();
--> statement-breakpoint
CREATE FUNCTION ledger_month_totals_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_month_totals;
  INSERT INTO ledger_month_totals (fund_id, campaign_id, month, account, amount, lines)
  SELECT fund_id, campaign_id, date_trunc('month', entry_date)::date, account, sum(amount), count(*) FROM ledger_lines
  GROUP BY 1, 2, 3, 4;
END;
$$;
--> statement-breakpoint
SELECT ledger_month_totals_rebuild();
