CREATE TABLE "cultural_family_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"registered" boolean DEFAULT true NOT NULL,
	"recognized" boolean,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ward_unit_id" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"category" text NOT NULL,
	"standard_period" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"detail_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_categories_period_check" CHECK ("household_categories"."valid_to" IS NULL OR "household_categories"."valid_to" > "household_categories"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "household_category_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"group_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"given_by" text NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"withdrawn_on" date,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"group_unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "household_placements_period_check" CHECK ("household_placements"."valid_to" IS NULL OR "household_placements"."valid_to" > "household_placements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"address" text,
	"phone" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"file_name" text,
	"mode" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"households_imported" integer DEFAULT 0 NOT NULL,
	"duplicates_flagged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"ho" text NOT NULL,
	"ten_dem" text DEFAULT '' NOT NULL,
	"ten" text NOT NULL,
	"search_name" text NOT NULL,
	"sort_key" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"birth_year" smallint,
	"relation" text NOT NULL,
	"is_head" boolean DEFAULT false NOT NULL,
	"phone" text,
	"citizen_id_sealed" text,
	"citizen_id_hash" text,
	"citizen_id_mask" text,
	"health_sealed" text,
	"disability_sealed" text,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_sex_check" CHECK ("persons"."sex" IS NULL OR "persons"."sex" IN ('male', 'female'))
);
--> statement-breakpoint
CREATE TABLE "self_governing_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_governing_teams_kind_check" CHECK ("self_governing_teams"."kind" IN ('team', 'group')),
	CONSTRAINT "self_governing_teams_period_check" CHECK ("self_governing_teams"."valid_to" IS NULL OR "self_governing_teams"."valid_to" > "self_governing_teams"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "team_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"notes" text,
	"photo" "bytea",
	"photo_type" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_activity_households" (
	"activity_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "team_activity_households_activity_id_household_id_pk" PRIMARY KEY("activity_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "team_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"team_kind" text NOT NULL,
	"household_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "team_households_period_check" CHECK ("team_households"."valid_to" IS NULL OR "team_households"."valid_to" > "team_households"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"role" text DEFAULT 'member' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "team_members_role_check" CHECK ("team_members"."role" IN ('leader', 'deputy', 'member')),
	CONSTRAINT "team_members_period_check" CHECK ("team_members"."valid_to" IS NULL OR "team_members"."valid_to" > "team_members"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "cultural_family_records" ADD CONSTRAINT "cultural_family_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_other_person_id_persons_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_categories" ADD CONSTRAINT "household_categories_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_consents" ADD CONSTRAINT "household_consents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_consents" ADD CONSTRAINT "household_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_placements" ADD CONSTRAINT "household_placements_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_placements" ADD CONSTRAINT "household_placements_group_unit_id_units_id_fk" FOREIGN KEY ("group_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_governing_teams" ADD CONSTRAINT "self_governing_teams_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activities" ADD CONSTRAINT "team_activities_team_id_self_governing_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."self_governing_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activities" ADD CONSTRAINT "team_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activity_households" ADD CONSTRAINT "team_activity_households_activity_id_team_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."team_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activity_households" ADD CONSTRAINT "team_activity_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_households" ADD CONSTRAINT "team_households_team_id_self_governing_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."self_governing_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_households" ADD CONSTRAINT "team_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_self_governing_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."self_governing_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cultural_family_household_year_idx" ON "cultural_family_records" USING btree ("household_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_flags_pair_idx" ON "duplicate_flags" USING btree ("person_id","other_person_id","reason");--> statement-breakpoint
CREATE INDEX "duplicate_flags_other_idx" ON "duplicate_flags" USING btree ("other_person_id");--> statement-breakpoint
CREATE INDEX "duplicate_flags_ward_idx" ON "duplicate_flags" USING btree ("ward_unit_id","status");--> statement-breakpoint
CREATE INDEX "household_categories_household_idx" ON "household_categories" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_categories_category_idx" ON "household_categories" USING btree ("category","valid_from");--> statement-breakpoint
CREATE INDEX "household_consents_household_idx" ON "household_consents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_placements_household_idx" ON "household_placements" USING btree ("household_id","valid_from");--> statement-breakpoint
CREATE INDEX "household_placements_group_idx" ON "household_placements" USING btree ("group_unit_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "households_ward_code_idx" ON "households" USING btree ("ward_unit_id","code");--> statement-breakpoint
CREATE INDEX "import_jobs_unit_idx" ON "import_jobs" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id","position");--> statement-breakpoint
CREATE INDEX "persons_citizen_id_hash_idx" ON "persons" USING btree ("citizen_id_hash");--> statement-breakpoint
CREATE INDEX "persons_name_birth_idx" ON "persons" USING btree ("search_name","birth_year");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_one_head_idx" ON "persons" USING btree ("household_id") WHERE "persons"."is_head";--> statement-breakpoint
CREATE INDEX "self_governing_teams_unit_idx" ON "self_governing_teams" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "team_activities_team_idx" ON "team_activities" USING btree ("team_id","occurred_on");--> statement-breakpoint
CREATE INDEX "team_activity_households_household_idx" ON "team_activity_households" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "team_households_team_idx" ON "team_households" USING btree ("team_id","valid_from");--> statement-breakpoint
CREATE INDEX "team_households_household_idx" ON "team_households" USING btree ("household_id","team_kind","valid_from");--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id","valid_from");