// Contracts of the year-end report (GET /api/reports/annual) and its editable narrative.
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common/schemas';

export const reportFormats = ['docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The report's sections whose paragraphs people write; the figures are never saved. */
export const reportSectionKeys = ['self_governance', 'funds', 'campaigns', 'register', 'next_year'] as const;
export type ReportSectionKey = (typeof reportSectionKeys)[number];

const yearError = { error: 'reports.year.invalid' } as const;
const ReportYear = z.coerce
  .number(yearError)
  .int(yearError)
  .min(2000, yearError)
  .max(2100, yearError)
  .meta({ description: 'Calendar year; the tree is taken as of its last day', example: 2021 });

export const AnnualReportQuery = z.object({
  unit: UnitCode,
  year: ReportYear,
  format: z.enum(reportFormats, { error: 'reports.format.invalid' }).default('docx'),
});

export const NarrativeQuery = z.object({ unit: UnitCode, year: ReportYear });

const Paragraph = z.string().trim().min(1).max(5000);

export const SaveNarrativeRequest = z.object({
  unitCode: UnitCode,
  year: z.number(yearError).int(yearError).min(2000, yearError).max(2100, yearError),
  number: z
    .string()
    .trim()
    .max(60)
    .nullish()
    .meta({ description: 'Number and symbol, e.g. "Số: 15/BC-MTTQ"' }),
  date: IsoDate.nullish().meta({ description: 'Date of the date line' }),
  signatoryName: z.string().trim().max(120).nullish(),
  sections: z
    .partialRecord(
      z.enum(reportSectionKeys, { error: 'reports.section.unknown' }),
      z.array(Paragraph).max(50),
    )
    .default({}),
});
export type SaveNarrativeRequest = z.infer<typeof SaveNarrativeRequest>;

export const NarrativeResponse = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  saved: z.boolean().meta({ description: 'false: nothing saved yet, the defaults built from the figures' }),
  number: z.string(),
  date: z.string(),
  signatoryName: z.string(),
  sections: z.record(z.string(), z.array(z.string())),
  updatedAt: z.string().nullable(),
});
export type NarrativeResponse = z.infer<typeof NarrativeResponse>;
