import { type ReportFormat, type ReportSectionKey, reportSectionKeys } from '@doanket/domain';

/** A section's paragraphs as one text to edit: paragraphs apart by an empty line. */
export const paragraphsToText = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');

/**
 * The paragraphs of an edited text: split at empty lines, the line breaks inside a paragraph read
 * as spaces (a report paragraph is one block), blank ones dropped.
 */
export function textToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

export type NarrativeValues = {
  number: string;
  date: string | null;
  signatoryName: string;
  sections: Record<ReportSectionKey, string>;
};

/** The form's values from the narrative the API answers (the saved one or its defaults). */
export function toFormValues(narrative: {
  number: string;
  date: string;
  signatoryName: string;
  sections: Record<string, string[]>;
}): NarrativeValues {
  const sections = Object.fromEntries(
    reportSectionKeys.map((key) => [key, paragraphsToText(narrative.sections[key] ?? [])]),
  ) as Record<ReportSectionKey, string>;
  return {
    number: narrative.number,
    date: narrative.date || null,
    signatoryName: narrative.signatoryName,
    sections,
  };
}

/**
 * The body of PUT /api/reports/annual/narrative from the form, blank fields as null. A section goes
 * in only when it holds saved text or the person changed it: the others stay the default sentences,
 * which the API writes from the figures of the day, so saving the number or one section does not
 * freeze the figures written in the rest. A section emptied goes back to its default.
 */
export function toSaveRequest(
  unitCode: string,
  year: number,
  values: NarrativeValues,
  before: { values: NarrativeValues; savedSections: readonly string[] },
) {
  const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const sections: Partial<Record<ReportSectionKey, string[]>> = {};
  for (const key of reportSectionKeys) {
    const paragraphs = textToParagraphs(values.sections[key] ?? '');
    const changed = paragraphs.join('\n') !== textToParagraphs(before.values.sections[key] ?? '').join('\n');
    if (paragraphs.length > 0 && (changed || before.savedSections.includes(key))) sections[key] = paragraphs;
  }
  return {
    unitCode,
    year,
    number: blankToNull(values.number),
    date: values.date,
    signatoryName: blankToNull(values.signatoryName),
    sections,
  };
}

/**
 * The report's year from the URL: `?year=` when valid, else the latest year whose last day is on or
 * before the viewing date (a year-end report is written once the year is over).
 */
export function reportYearOf(raw: string | null, at: string): number {
  const year = Number(raw);
  if (raw && Number.isInteger(year) && year >= 2000 && year <= 2100) return year;
  const atYear = Number(at.slice(0, 4));
  return at.slice(5) === '12-31' ? atYear : atYear - 1;
}

/** The report page of a unit and a year, viewed on the year's last day so the unit is the one of that year. */
export function annualReportHref(unitCode: string, year: number): string {
  const query = new URLSearchParams({ unit: unitCode, year: String(year), at: `${year}-12-31` });
  return `/reports/annual?${query.toString()}`;
}

/** A name for a downloaded report when the server names none. */
export const fallbackFileName = (unitCode: string, year: number, format: ReportFormat) =>
  `bao-cao-tong-ket-${unitCode}-${year}.${format}`;
