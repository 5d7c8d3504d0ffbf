import { formatDate, isIsoDate, previousDay, todayInVietnam } from '@doanket/domain';
import dayjs, { type Dayjs } from 'dayjs';

export const dateFormat = 'DD/MM/YYYY';
export { formatDate, previousDay, todayInVietnam };

export function toDayjs(isoDate: string): Dayjs {
  return dayjs(isoDate, 'YYYY-MM-DD');
}

export function fromDayjs(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function isValidIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && isIsoDate(value);
}

const vietnamTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO timestamp as "dd/mm/yyyy HH:mm" in Vietnam time, whatever the browser's zone. */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = Object.fromEntries(vietnamTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
