-- Names sort by a key built in the domain package (Vietnamese alphabet order), compared byte-wise.
CREATE INDEX "persons_sort_key_idx" ON "persons" ("sort_key" COLLATE "C");
--> statement-breakpoint
CREATE INDEX "team_households_active_idx" ON "team_households" ("team_id") INCLUDE ("household_id", "valid_from", "valid_to");
