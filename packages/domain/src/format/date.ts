const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** "2025-07-01" → "01/07/2025". */
export function formatDate(isoDate: string): string {
  const match = isoDatePattern.exec(isoDate.slice(0, 10));
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** "2022-01-10" → "ngày 10 tháng 01 năm 2022" (decree 30/2020: day < 10 and months 1–2 zero-padded). */
export function formatDocumentDate(isoDate: string): string {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const month = Number(match[2]);
  const monthText = month <= 2 ? match[2] : String(month);
  return `ngày ${match[3]} tháng ${monthText} năm ${match[1]}`;
}

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The day before an ISO date: the last day of a half-open period ending on it. */
export function previousDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** An ISO date moved by a number of days (negative: back). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The later of two ISO dates. */
export const laterDate = (a: string, b: string): string => (a >= b ? a : b);
