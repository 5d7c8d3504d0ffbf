// Rules of funds and campaigns: decree 93/2021 periods, disclosure due dates, receipt numbers.
import { addDays, daysBetween } from '../format/date';

/** Decree 93/2021: receiving at most 90 days from launch, distribution done within 20 days after. */
export const RECEIVING_DAYS_MAX = 90;
export const DISTRIBUTION_DAYS_MAX = 20;

export type CampaignPeriod = {
  startsOn: string;
  receivingEndsOn: string;
  distributionEndsOn: string;
  legalBasis?: string | null;
};

export type Decree93Warning =
  | 'campaigns.decree93.receiving_too_long'
  | 'campaigns.decree93.distribution_too_long';

/** The decree 93 limits a campaign goes beyond, unless a legal basis for longer is recorded. */
export function decree93Warnings(period: CampaignPeriod): Decree93Warning[] {
  if (period.legalBasis?.trim()) return [];
  const warnings: Decree93Warning[] = [];
  // Day one of receiving is the launch day: 90 days end on startsOn + 89.
  if (daysBetween(period.startsOn, period.receivingEndsOn) + 1 > RECEIVING_DAYS_MAX) {
    warnings.push('campaigns.decree93.receiving_too_long');
  }
  if (daysBetween(period.receivingEndsOn, period.distributionEndsOn) > DISTRIBUTION_DAYS_MAX) {
    warnings.push('campaigns.decree93.distribution_too_long');
  }
  return warnings;
}

/** Public holidays on fixed solar dates (labour code 2019, art. 112; 2 September with the day before or after). */
const fixedHolidays = new Set(['01-01', '04-30', '05-01', '09-02']);

const isWorkingDay = (iso: string, extraHolidays: ReadonlySet<string>) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !fixedHolidays.has(iso.slice(5)) && !extraHolidays.has(iso);
};

/**
 * The day a disclosure is due: `days` working days after the decision (weekends and the fixed
 * public holidays skipped; lunar holidays such as Tết are passed in `extraHolidays`).
 */
export function addWorkingDays(
  from: string,
  days: number,
  extraHolidays: ReadonlySet<string> = new Set(),
): string {
  let date = from;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, extraHolidays)) left -= 1;
  }
  return date;
}

export const DISCLOSURE_WORKING_DAYS = 10;

/** A disclosure is late when published after its due date, or still unpublished after it. */
export const isDisclosureLate = (dueOn: string, publishedOn: string | null, today: string) =>
  publishedOn === null ? today > dueOn : publishedOn > dueOn;

/** Receipt "số 000123/2021": numbered per fund and year. */
export const formatReceiptNumber = (year: number, no: number) => `${String(no).padStart(6, '0')}/${year}`;
