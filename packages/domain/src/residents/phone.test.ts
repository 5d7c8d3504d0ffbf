import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';

const ok = (value: string) => ({ ok: true, value });

describe('normalizePhone', () => {
  it('accepts mobiles with any separators', () => {
    expect(normalizePhone('0912345678')).toEqual(ok('0912345678'));
    expect(normalizePhone('0912 345 678')).toEqual(ok('0912345678'));
    expect(normalizePhone('0912.345.678')).toEqual(ok('0912345678'));
    expect(normalizePhone('(091) 234-5678')).toEqual(ok('0912345678'));
    for (const prefix of ['03', '05', '07', '08', '09']) {
      expect(normalizePhone(`${prefix}12345678`)).toEqual(ok(`${prefix}12345678`));
    }
  });
  it('converts the country code', () => {
    expect(normalizePhone('+84 912 345 678')).toEqual(ok('0912345678'));
    expect(normalizePhone('84912345678')).toEqual(ok('0912345678'));
    expect(normalizePhone('0084912345678')).toEqual(ok('0912345678'));
    expect(normalizePhone('+84 (0)912 345 678')).toEqual(ok('0912345678'));
    expect(normalizePhone('+84 24 3826 4321')).toEqual(ok('02438264321'));
  });
  it('puts back a leading zero Excel dropped', () => {
    expect(normalizePhone('912345678')).toEqual(ok('0912345678'));
    expect(normalizePhone("'0912345678")).toEqual(ok('0912345678'));
    expect(normalizePhone('2438264321')).toEqual(ok('02438264321'));
  });
  it('accepts landlines of 10 or 11 digits starting 02', () => {
    expect(normalizePhone('024 3826 4321')).toEqual(ok('02438264321'));
    expect(normalizePhone('0203 382 5555')).toEqual(ok('02033825555'));
    expect(normalizePhone('0243826432')).toEqual(ok('0243826432'));
  });
  it('refuses other numbers', () => {
    expect(normalizePhone('0612345678')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('0412345678')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('091234567')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('09123456789')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('024382643210')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('+1 202 555 0100')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('1900 1234')).toEqual({ ok: false, error: 'resident.phone.invalid' });
    expect(normalizePhone('0912 345 678 (nhà)')).toEqual({ ok: false, error: 'resident.phone.characters' });
    expect(normalizePhone('')).toEqual({ ok: false, error: 'resident.blank' });
  });
  it('names old 11-digit mobiles', () => {
    expect(normalizePhone('01662 345 678')).toEqual({ ok: false, error: 'resident.phone.old_mobile' });
  });
});

describe('formatPhone', () => {
  it('groups digits for reading', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('02438264321')).toBe('024 3826 4321');
    expect(formatPhone('02838264321')).toBe('028 3826 4321');
    expect(formatPhone('02033825555')).toBe('0203 382 5555');
    expect(formatPhone(' 12ab ')).toBe('12ab');
  });
});
