CREATE TABLE "bank_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"booked_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text,
	"description" text NOT NULL,
	"counterparty" text,
	"status" text NOT NULL,
	"campaign_id" uuid,
	"decided_by" uuid,
	"decision_note" text,
	CONSTRAINT "bank_statement_lines_status_check" CHECK ("bank_statement_lines"."status" IN ('matched', 'unmatched', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_targets_campaign_id_unit_id_pk" PRIMARY KEY("campaign_id","unit_id"),
	CONSTRAINT "campaign_targets_amount_check" CHECK ("campaign_targets"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"receiving_ends_on" date NOT NULL,
	"distribution_ends_on" date NOT NULL,
	"legal_basis" text,
	"target_amount" bigint,
	"target_items" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_period_check" CHECK ("campaigns"."receiving_ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_distribution_check" CHECK ("campaigns"."distribution_ends_on" >= "campaigns"."receiving_ends_on")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid,
	"campaign_id" uuid,
	"program_id" uuid,
	"title" text NOT NULL,
	"decision_no" text,
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosures_subject_check" CHECK (num_nonnulls("disclosures"."fund_id", "disclosures"."campaign_id", "disclosures"."program_id") >= 1)
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"household_id" uuid,
	"person_id" uuid,
	"ward_unit_id" uuid NOT NULL,
	"repeat_no" smallint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"items" jsonb,
	"status" text NOT NULL,
	"entry_id" uuid,
	"paid_on" date,
	"confirmed_on" date,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_once_key" UNIQUE("program_id","household_id","repeat_no"),
	CONSTRAINT "distributions_status_check" CHECK ("distributions"."status" IN ('planned', 'paid', 'confirmed')),
	CONSTRAINT "distributions_amount_check" CHECK ("distributions"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "donation_items" (
	"donation_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"item" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "donation_items_donation_id_line_no_pk" PRIMARY KEY("donation_id","line_no"),
	CONSTRAINT "donation_items_quantity_check" CHECK ("donation_items"."quantity" > 0),
	CONSTRAINT "donation_items_value_check" CHECK ("donation_items"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"campaign_id" uuid,
	"entry_id" uuid NOT NULL,
	"receipt_year" smallint NOT NULL,
	"receipt_no" integer NOT NULL,
	"donor_kind" text NOT NULL,
	"donor_name" text,
	"household_id" uuid,
	"publish_name" boolean DEFAULT false NOT NULL,
	"method" text NOT NULL,
	"amount" bigint NOT NULL,
	"received_on" date NOT NULL,
	"pledge_id" uuid,
	"bank_line_id" uuid,
	"detail_salt" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_receipt_key" UNIQUE("fund_id","receipt_year","receipt_no"),
	CONSTRAINT "donations_donor_kind_check" CHECK ("donations"."donor_kind" IN ('person', 'household', 'organisation', 'company', 'anonymous')),
	CONSTRAINT "donations_method_check" CHECK ("donations"."method" IN ('cash', 'bank', 'in_kind')),
	CONSTRAINT "donations_amount_check" CHECK ("donations"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_bank_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"bank_bin" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "fund_board_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_kind_check" CHECK ("funds"."kind" IN ('poor', 'covid', 'vaccine', 'sea_islands', 'gratitude', 'disaster', 'study', 'other'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"entry_date" date NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" uuid,
	"memo" text NOT NULL,
	"reverses_id" uuid,
	"reason" text,
	"detail_digest" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_fund_seq_key" UNIQUE("fund_id","seq"),
	CONSTRAINT "ledger_entries_reverses_key" UNIQUE("reverses_id"),
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" IN ('donation', 'support', 'transfer', 'opening', 'reversal', 'adjustment')),
	CONSTRAINT "ledger_entries_seq_check" CHECK ("ledger_entries"."seq" > 0),
	CONSTRAINT "ledger_entries_reversal_check" CHECK (("ledger_entries"."kind" = 'reversal') = ("ledger_entries"."reverses_id" IS NOT NULL AND "ledger_entries"."reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "ledger_lines" (
	"entry_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"fund_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"campaign_id" uuid,
	"account" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ledger_lines_entry_id_line_no_pk" PRIMARY KEY("entry_id","line_no"),
	CONSTRAINT "ledger_lines_account_check" CHECK ("ledger_lines"."account" IN ('cash', 'bank', 'goods', 'donations', 'donations_in_kind', 'transfers_in', 'carried_forward', 'support', 'support_in_kind', 'transfers_out')),
	CONSTRAINT "ledger_lines_amount_check" CHECK ("ledger_lines"."amount" <> 0 AND abs("ledger_lines"."amount") < 1000000000000000)
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"campaign_id" uuid,
	"donor_kind" text NOT NULL,
	"donor_name" text,
	"household_id" uuid,
	"amount" bigint NOT NULL,
	"pledged_on" date NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_amount_check" CHECK ("pledges"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"fund_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "receipt_counters_fund_id_year_pk" PRIMARY KEY("fund_id","year")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"item" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"value" bigint NOT NULL,
	"moved_on" date NOT NULL,
	"donation_id" uuid,
	"distribution_id" uuid,
	"entry_id" uuid,
	CONSTRAINT "stock_movements_quantity_check" CHECK ("stock_movements"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "support_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"campaign_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"eligible_categories" jsonb NOT NULL,
	"eligible_on" date NOT NULL,
	"amount_per_household" bigint,
	"allow_repeat" boolean DEFAULT false NOT NULL,
	"decision_no" text,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_programs_kind_check" CHECK ("support_programs"."kind" IN ('tet_gift', 'solidarity_house', 'student_device', 'cash', 'health_insurance', 'other')),
	CONSTRAINT "support_programs_period_check" CHECK ("support_programs"."period_to" >= "support_programs"."period_from")
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_bank_account_id_fund_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "public"."fund_bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_bank_account_id_fund_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "public"."fund_bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_program_id_support_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."support_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_program_id_support_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."support_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_items" ADD CONSTRAINT "donation_items_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_bank_accounts" ADD CONSTRAINT "fund_bank_accounts_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_board_members" ADD CONSTRAINT "fund_board_members_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_counters" ADD CONSTRAINT "receipt_counters_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_programs" ADD CONSTRAINT "support_programs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_programs" ADD CONSTRAINT "support_programs_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_programs" ADD CONSTRAINT "support_programs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_lines_fingerprint_idx" ON "bank_statement_lines" USING btree ("bank_account_id","fingerprint");--> statement-breakpoint
CREATE INDEX "bank_statements_account_idx" ON "bank_statements" USING btree ("bank_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_code_idx" ON "campaigns" USING btree ("code");--> statement-breakpoint
CREATE INDEX "campaigns_fund_idx" ON "campaigns" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "disclosures_fund_idx" ON "disclosures" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "disclosures_campaign_idx" ON "disclosures" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "distributions_program_ward_idx" ON "distributions" USING btree ("program_id","ward_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_entry_idx" ON "donations" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_bank_line_idx" ON "donations" USING btree ("bank_line_id");--> statement-breakpoint
CREATE INDEX "donations_campaign_idx" ON "donations" USING btree ("campaign_id","received_on");--> statement-breakpoint
CREATE INDEX "donations_fund_date_idx" ON "donations" USING btree ("fund_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_bank_accounts_number_idx" ON "fund_bank_accounts" USING btree ("bank_bin","account_number");--> statement-breakpoint
CREATE INDEX "fund_board_members_fund_idx" ON "fund_board_members" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "funds_unit_idx" ON "funds" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_unit_name_idx" ON "funds" USING btree ("unit_id","search_name");--> statement-breakpoint
CREATE INDEX "ledger_entries_fund_date_idx" ON "ledger_entries" USING btree ("fund_id","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_entries_campaign_idx" ON "ledger_entries" USING btree ("campaign_id","entry_date");--> statement-breakpoint
CREATE INDEX "pledges_fund_idx" ON "pledges" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "stock_movements_campaign_idx" ON "stock_movements" USING btree ("campaign_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "support_programs_code_idx" ON "support_programs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "support_programs_unit_idx" ON "support_programs" USING btree ("unit_id");