-- A fund's balance as of a date and its totals by month add up its kept day totals; with the
-- account and amount in the index they are read from the index alone (a few pages), not from
-- one table page per day (measured in bench/ledger-read.bench.ts: 10 million entries).
CREATE INDEX "ledger_day_totals_fund_day_idx" ON "ledger_day_totals" ("fund_id", "day") INCLUDE ("account", "amount");
