import { describe, expect, it } from 'vitest';
import { parseBirthDate } from './dates';

const today = '2025-08-15';
const day = (date: string) => ({
  ok: true,
  value: { date, year: Number(date.slice(0, 4)), precision: 'day' },
});
const fail = (error: string) => ({ ok: false, error });

describe('parseBirthDate', () => {
  it('reads day/month/year in its usual spellings', () => {
    expect(parseBirthDate('05/03/1985', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('5/3/1985', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('05-03-1985', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('05.03.1985', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate(' 31/12/1999 ', { today })).toEqual(day('1999-12-31'));
  });
  it('does not mix separators', () => {
    expect(parseBirthDate('05/03-1985', { today })).toEqual(fail('resident.birth_date.format'));
  });
  it('reads ISO dates, with or without a time', () => {
    expect(parseBirthDate('1985-03-05', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('1985-03-05 00:00:00', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('1985-03-05T00:00:00.000Z', { today })).toEqual(day('1985-03-05'));
  });
  it('picks the century of two-digit years so the date is not in the future', () => {
    expect(parseBirthDate('5/3/85', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('5/3/05', { today })).toEqual(day('2005-03-05'));
    expect(parseBirthDate('15/08/25', { today })).toEqual(day('2025-08-15'));
    expect(parseBirthDate('16/08/25', { today })).toEqual(day('1925-08-16'));
    expect(parseBirthDate('1/1/30', { today })).toEqual(day('1930-01-01'));
  });
  it('keeps a year alone as a year', () => {
    expect(parseBirthDate('1985', { today })).toEqual({
      ok: true,
      value: { date: null, year: 1985, precision: 'year' },
    });
    expect(parseBirthDate(1950, { today })).toMatchObject({
      ok: true,
      value: { year: 1950, precision: 'year' },
    });
    expect(parseBirthDate('2026', { today })).toEqual(fail('resident.birth_date.future'));
  });
  it('reads Excel serial numbers of the 1900 date system', () => {
    expect(parseBirthDate('31111', { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate(31111, { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate(31111.5, { today })).toEqual(day('1985-03-05'));
    expect(parseBirthDate('1', { today })).toEqual(day('1900-01-01'));
    expect(parseBirthDate('59', { today })).toEqual(day('1900-02-28'));
    expect(parseBirthDate('61', { today })).toEqual(day('1900-03-01'));
    expect(parseBirthDate('45884', { today })).toEqual(day('2025-08-15'));
  });
  it('refuses the 29/02/1900 Excel invented', () => {
    expect(parseBirthDate('60', { today })).toEqual(fail('resident.birth_date.impossible'));
    expect(parseBirthDate('0', { today })).toEqual(fail('resident.birth_date.impossible'));
  });
  it('refuses impossible, future and too old dates', () => {
    expect(parseBirthDate('31/02/2020', { today })).toEqual(fail('resident.birth_date.impossible'));
    expect(parseBirthDate('29/02/2023', { today })).toEqual(fail('resident.birth_date.impossible'));
    expect(parseBirthDate('29/02/2024', { today })).toEqual(day('2024-02-29'));
    expect(parseBirthDate('13/13/1990', { today })).toEqual(fail('resident.birth_date.impossible'));
    expect(parseBirthDate('2020-02-30', { today })).toEqual(fail('resident.birth_date.impossible'));
    expect(parseBirthDate('16/08/2025', { today })).toEqual(fail('resident.birth_date.future'));
    expect(parseBirthDate('45885', { today })).toEqual(fail('resident.birth_date.future'));
    expect(parseBirthDate('31/12/1889', { today })).toEqual(fail('resident.birth_date.too_old'));
    expect(parseBirthDate('01/01/1890', { today })).toEqual(day('1890-01-01'));
  });
  it('refuses what it cannot read', () => {
    expect(parseBirthDate('tháng 3 năm 1985', { today })).toEqual(fail('resident.birth_date.format'));
    expect(parseBirthDate('1985/03/05', { today })).toEqual(fail('resident.birth_date.format'));
    expect(parseBirthDate('', { today })).toEqual(fail('resident.blank'));
  });
});
