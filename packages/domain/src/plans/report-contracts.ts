// Contracts of the year-end report (GET /api/reports/annual) and its editable narrative.
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common/schemas';
import { todayInVietnam } from '../format/date';

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

/** One line of the document (number, signatory): no line breaks. */
const singleLine = /^[^\r\n\t]*$/;

export const SaveNarrativeRequest = z
  .object({
    unitCode: UnitCode,
    year: z.number(yearError).int(yearError).min(2000, yearError).max(2100, yearError),
    number: z
      .string()
      .trim()
      .max(60)
      .regex(singleLine, { error: 'reports.text.single_line' })
      .nullish()
      .meta({ description: 'Number and symbol, e.g. "Số: 15/BC-MTTQ"' }),
    date: IsoDate.nullish().meta({
      description: 'Date of the date line: in the report’s year or the next, not after next year',
    }),
    signatoryName: z
      .string()
      .trim()
      .max(120)
      .regex(singleLine, { error: 'reports.text.single_line' })
      .nullish(),
    sections: z
      .partialRecord(
        z.enum(reportSectionKeys, { error: 'reports.section.unknown' }),
        z.array(Paragraph).max(50),
      )
      .default({}),
  })
  .superRefine((value, ctx) => {
    const latestYear = Number(todayInVietnam().slice(0, 4)) + 1;
    if (value.year > latestYear) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'reports.year.future' });
    }
    if (value.date) {
      const dateYear = Number(value.date.slice(0, 4));
      if (dateYear < value.year || dateYear > Math.min(value.year + 1, latestYear)) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'reports.date.out_of_range' });
      }
    }
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
  savedSections: z.array(z.string()).meta({
    description:
      'Sections holding saved text; the others are the default sentences, written from the figures at each request',
  }),
  canEdit: z.boolean().meta({ description: 'Whether the caller may save the narrative' }),
  updatedAt: z.string().nullable(),
});
export type NarrativeResponse = z.infer<typeof NarrativeResponse>;
