CREATE INDEX "distributions_household_idx" ON "distributions" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "distributions_entry_idx" ON "distributions" USING btree ("entry_id");