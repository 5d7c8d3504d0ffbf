import { describe, expect, it } from 'vitest';
import { parseSex, sexLabels } from './sex';

describe('parseSex', () => {
  it('reads Vietnamese and English words in any case, with or without diacritics', () => {
    for (const value of ['Nam', 'NAM', ' nam ', 'M', 'm', 'Male', 'Nam giới']) {
      expect(parseSex(value)).toEqual({ ok: true, value: 'male' });
    }
    for (const value of ['Nữ', 'nữ', 'NỮ', 'nu', 'Nu', 'F', 'Female', 'nữ giới', 'Nữ'.normalize('NFD')]) {
      expect(parseSex(value)).toEqual({ ok: true, value: 'female' });
    }
  });
  it('refuses numeric codes with their own error', () => {
    expect(parseSex('1')).toEqual({ ok: false, error: 'resident.sex.numeric_code' });
    expect(parseSex('0')).toEqual({ ok: false, error: 'resident.sex.numeric_code' });
  });
  it('refuses anything else', () => {
    expect(parseSex('N')).toEqual({ ok: false, error: 'resident.sex.unknown' });
    expect(parseSex('Khác')).toEqual({ ok: false, error: 'resident.sex.unknown' });
    expect(parseSex('')).toEqual({ ok: false, error: 'resident.blank' });
  });
  it('labels Vietnamese first', () => {
    expect(sexLabels.female.vi).toBe('Nữ');
  });
});
