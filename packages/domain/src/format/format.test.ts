import { describe, expect, it } from 'vitest';
import { formatDate, formatDocumentDate, isIsoDate, previousDay, todayInVietnam } from './date';
import { formatMoney, formatNumber } from './number';

describe('Vietnamese numbers and money', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatMoney(1234567)).toBe('1.234.567 đồng');
    expect(formatMoney(4_100_000_000n)).toBe('4.100.000.000 đồng');
  });
  it('refuses fractional đồng', () => {
    expect(() => formatMoney(10.5)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('checks calendar dates', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('01/07/2025')).toBe(false);
  });
  it('formats dd/mm/yyyy and the document date line', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDocumentDate('2022-01-10')).toBe('ngày 10 tháng 01 năm 2022');
    expect(formatDocumentDate('2024-03-05')).toBe('ngày 05 tháng 3 năm 2024');
    expect(formatDocumentDate('2024-11-20')).toBe('ngày 20 tháng 11 năm 2024');
  });
  it('computes the day in Vietnam and the day before', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
    expect(previousDay('2025-07-01')).toBe('2025-06-30');
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
  });
});
