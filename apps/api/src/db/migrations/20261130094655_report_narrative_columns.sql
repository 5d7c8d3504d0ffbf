ALTER TABLE "report_narratives" ADD COLUMN "document_date" date;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD COLUMN "signatory_name" text;--> statement-breakpoint
-- The date line and the signatory were kept in the sections under "@date" and "@signatory"
-- (one-element arrays); they move to their columns and leave the sections.
UPDATE "report_narratives"
SET
  "document_date" = CASE
    WHEN "sections"->'@date'->>0 ~ '^\d{4}-\d{2}-\d{2}$' THEN ("sections"->'@date'->>0)::date
  END,
  "signatory_name" = NULLIF(btrim("sections"->'@signatory'->>0), ''),
  "sections" = "sections" - '@date' - '@signatory'
WHERE "sections" ? '@date' OR "sections" ? '@signatory';
