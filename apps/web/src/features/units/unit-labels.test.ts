import { describe, expect, it } from 'vitest';
import { interpolate } from '../../lib/interpolate';
import { en } from '../../locales/en';
import { vi } from '../../locales/vi';
import { isValidOn, subkindLabel, validityText } from './unit-labels';

const tVi = (key: keyof typeof vi, params?: Record<string, string | number>) => interpolate(vi[key], params);
const tEn = (key: keyof typeof vi, params?: Record<string, string | number>) => interpolate(en[key], params);

describe('unit labels', () => {
  it('shows the last valid day, the day before the exclusive end', () => {
    expect(validityText(tVi, { validFrom: '2014-04-01', validTo: '2025-07-01' })).toBe(
      'Từ 01/04/2014 đến hết 30/06/2025',
    );
    expect(validityText(tVi, { validFrom: '2025-07-01', validTo: null })).toBe(
      'Từ 01/07/2025 (đang hiệu lực)',
    );
    expect(validityText(tEn, { validFrom: '2014-04-01', validTo: '2025-07-01' })).toBe(
      'From 01/04/2014 until 30/06/2025 inclusive',
    );
  });

  it('names the unit by its sub-kind, else by its level', () => {
    expect(subkindLabel(tVi, 'ward', 'phuong')).toBe('Phường');
    expect(subkindLabel(tVi, 'residential_group', 'thon')).toBe('Thôn');
    expect(subkindLabel(tVi, 'ward', null)).toBe('Phường/Xã/Đặc khu');
  });

  it('treats the end date as the first day no longer valid', () => {
    const unit = { validFrom: '2014-04-01', validTo: '2025-07-01' };
    expect(isValidOn(unit, '2025-06-30')).toBe(true);
    expect(isValidOn(unit, '2025-07-01')).toBe(false);
    expect(isValidOn(unit, '2014-03-31')).toBe(false);
  });
});
