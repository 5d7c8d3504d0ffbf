import { isIsoDate, todayInVietnam } from '../format/date';
import type { ResidentParseResult } from './messages';

export type BirthDate = {
  /** YYYY-MM-DD, or null when only the year is known. */
  date: string | null;
  year: number;
  precision: 'day' | 'year';
};

export type BirthDateOptions = {
  /** YYYY-MM-DD; dates after it are refused and two-digit years are read against it. */
  today?: string;
};

const earliestYear = 1890;
const dayMonthYear = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const isoWithTime = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const excelSerial = /^\d{1,5}(?:\.\d+)?$/;

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and 60 is the 29/02/1900 that never was. */
function fromExcelSerial(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return null;
  // Serials after the fake leap day are one ahead, hence the 1899-12-30 epoch for them.
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

function checked(date: string, today: string): ResidentParseResult<BirthDate> {
  if (!isIsoDate(date)) return { ok: false, error: 'resident.birth_date.impossible' };
  const year = Number(date.slice(0, 4));
  if (year < earliestYear) return { ok: false, error: 'resident.birth_date.too_old' };
  if (date > today) return { ok: false, error: 'resident.birth_date.future' };
  return { ok: true, value: { date, year, precision: 'day' } };
}

/**
 * Reads a birth date as found in registers and spreadsheets: dd/mm/yyyy (also with - or .),
 * d/m/yy, yyyy-mm-dd, a year alone, or an Excel serial number (a cell formatted as a date).
 * A year from 1890 to this year is a year; any other whole number is an Excel serial.
 */
export function parseBirthDate(
  value: string | number,
  options: BirthDateOptions = {},
): ResidentParseResult<BirthDate> {
  const today = options.today ?? todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const text = typeof value === 'number' ? String(value) : value.normalize('NFKC').trim();
  if (text === '') return { ok: false, error: 'resident.blank' };

  if (/^\d{4}$/.test(text) && Number(text) >= earliestYear && Number(text) <= thisYear) {
    return { ok: true, value: { date: null, year: Number(text), precision: 'year' } };
  }
  if (/^\d{4}$/.test(text) && Number(text) > thisYear)
    return { ok: false, error: 'resident.birth_date.future' };

  const dmy = dayMonthYear.exec(text);
  if (dmy) {
    const day = Number(dmy[1]);
    const month = Number(dmy[3]);
    const yearText = dmy[4]!;
    if (yearText.length === 4) return checked(iso(Number(yearText), month, day), today);
    // Two-digit year: this century unless that puts the birth in the future.
    const recent = iso(2000 + Number(yearText), month, day);
    const century = recent <= today ? 2000 : 1900;
    return checked(iso(century + Number(yearText), month, day), today);
  }

  const isoMatch = isoWithTime.exec(text);
  if (isoMatch) return checked(iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])), today);

  if (excelSerial.test(text)) {
    const date = fromExcelSerial(Number(text));
    return date ? checked(date, today) : { ok: false, error: 'resident.birth_date.impossible' };
  }
  return { ok: false, error: 'resident.birth_date.format' };
}
