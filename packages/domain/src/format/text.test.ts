import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldDiacritics, matchesSearch, normalizeOfficialName } from './text';

describe('foldDiacritics', () => {
  it('strips tones, vowel marks and đ', () => {
    expect(foldDiacritics('Quận Bắc Từ Liêm')).toBe('quan bac tu liem');
    expect(foldDiacritics('  Đông   Ngạc ')).toBe('dong ngac');
  });
});

describe('matchesSearch', () => {
  it('matches without diacritics and in any word order', () => {
    expect(matchesSearch('Quận Bắc Từ Liêm', 'bac tu liem')).toBe(true);
    expect(matchesSearch('Quận Bắc Từ Liêm', 'liem BAC')).toBe(true);
    expect(matchesSearch('Quận Nam Từ Liêm', 'bac tu liem')).toBe(false);
  });
});

describe('normalizeOfficialName', () => {
  it('treats old and new tone placement and spacing as the same name', () => {
    expect(normalizeOfficialName('Xã Dương Hoà')).toBe(normalizeOfficialName('Xã Dương Hòa'));
    expect(normalizeOfficialName('Xã  Mỹ Lộc')).toBe(normalizeOfficialName('Xã Mỹ Lộc'));
    expect(normalizeOfficialName('Thị Trấn Mường Chà')).toBe(normalizeOfficialName('Thị trấn Mường Chà'));
    expect(normalizeOfficialName('Xã Nà Pó')).not.toBe(normalizeOfficialName('Xã Nà Bó'));
  });
});

describe('compareVietnamese', () => {
  it('orders by Vietnamese alphabet and numbers by value', () => {
    const names = ['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Đông Ngạc', 'Dịch Vọng', 'Ân'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'Ân',
      'Dịch Vọng',
      'Đông Ngạc',
      'Tổ dân phố số 2',
      'Tổ dân phố số 10',
    ]);
  });
});
