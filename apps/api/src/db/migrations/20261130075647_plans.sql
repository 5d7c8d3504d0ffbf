CREATE TABLE "indicator_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"comparison" text NOT NULL,
	"default_value" numeric NOT NULL,
	"default_max" numeric,
	"source_type" text NOT NULL,
	"computed_key" text,
	"is_library" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_definitions_kind_check" CHECK ("indicator_definitions"."kind" IN ('percentage', 'count', 'amount', 'rating_share')),
	CONSTRAINT "indicator_definitions_comparison_check" CHECK ("indicator_definitions"."comparison" IN ('gte', 'lte', 'eq', 'range')),
	CONSTRAINT "indicator_definitions_source_check" CHECK (("indicator_definitions"."source_type" = 'computed' AND "indicator_definitions"."computed_key" IS NOT NULL) OR ("indicator_definitions"."source_type" = 'manual' AND "indicator_definitions"."computed_key" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	"evidence_name" text,
	"evidence_type" text,
	"evidence" "bytea",
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_period_check" CHECK ("indicator_values"."period" IN ('year', 'q1', 'q2', 'q3', 'q4'))
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"target_no" smallint NOT NULL,
	"comparison" text NOT NULL,
	"target_value" numeric NOT NULL,
	"target_max" numeric,
	"quarter_targets" jsonb,
	CONSTRAINT "plan_indicators_comparison_check" CHECK ("plan_indicators"."comparison" IN ('gte', 'lte', 'eq', 'range'))
);
--> statement-breakpoint
CREATE TABLE "plan_unit_targets" (
	"plan_indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"comparison" text NOT NULL,
	"target_value" numeric NOT NULL,
	"target_max" numeric,
	CONSTRAINT "plan_unit_targets_plan_indicator_id_unit_id_pk" PRIMARY KEY("plan_indicator_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"decision_no" text,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_year_check" CHECK ("plans"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"number" text,
	"sections" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_plan_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("plan_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicator_definitions_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_unit_targets" ADD CONSTRAINT "plan_unit_targets_plan_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("plan_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_unit_targets" ADD CONSTRAINT "plan_unit_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definitions_key_idx" ON "indicator_definitions" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_once_idx" ON "indicator_values" USING btree ("plan_indicator_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_plan_indicator_idx" ON "plan_indicators" USING btree ("plan_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_unit_year_idx" ON "plans" USING btree ("unit_id","year");