import { describe, expect, it } from 'vitest';
import {
  householdCategories,
  isPolicyFamily,
  parseHouseholdCategories,
  povertyStandardOn,
  povertyStandardPeriods,
} from './categories';

describe('parseHouseholdCategories', () => {
  it('reads categories separated by semicolons or commas, in any case and without diacritics', () => {
    expect(parseHouseholdCategories('Hộ nghèo; Thương binh')).toEqual({
      codes: ['poor', 'policy_war_invalid'],
      unrecognized: [],
    });
    expect(parseHouseholdCategories('ho can ngheo, NGƯỜI KHUYẾT TẬT ,nạn nhân chất độc da cam')).toEqual({
      codes: ['near_poor', 'disability', 'agent_orange'],
      unrecognized: [],
    });
    expect(
      parseHouseholdCategories('Gia đình liệt sỹ;Người cao tuổi cô đơn;Trẻ em có hoàn cảnh khó khăn'),
    ).toEqual({
      codes: ['policy_martyr', 'lone_elderly', 'child_in_difficulty'],
      unrecognized: [],
    });
  });
  it('tells poor from near-poor', () => {
    expect(parseHouseholdCategories('Cận nghèo').codes).toEqual(['near_poor']);
    expect(parseHouseholdCategories('Nghèo').codes).toEqual(['poor']);
  });
  it('returns unknown parts as typed and drops repeats and empty parts', () => {
    expect(parseHouseholdCategories('Hộ nghèo;; hộ nghèo ; Hộ  khá giả ;')).toEqual({
      codes: ['poor'],
      unrecognized: ['Hộ khá giả'],
    });
    expect(parseHouseholdCategories('')).toEqual({ codes: [], unrecognized: [] });
  });
  it('takes an extended list', () => {
    const extended = [
      ...householdCategories,
      { code: 'flood', vi: 'Hộ bị lũ lụt', en: 'Flooded', aliases: [] },
    ];
    expect(parseHouseholdCategories('Hộ bị lũ lụt; hộ nghèo', extended).codes).toEqual(['flood', 'poor']);
    expect(parseHouseholdCategories('Hộ bị lũ lụt').unrecognized).toEqual(['Hộ bị lũ lụt']);
  });
  it('has unique codes and no alias shared by two codes', () => {
    const codes = householdCategories.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of householdCategories) {
      for (const alias of [category.vi, ...category.aliases]) {
        expect(parseHouseholdCategories(alias).codes).toEqual([category.code]);
      }
    }
  });
});

describe('isPolicyFamily', () => {
  it('covers every kind of policy family and nothing else', () => {
    expect(isPolicyFamily('policy_family')).toBe(true);
    expect(isPolicyFamily('policy_war_invalid')).toBe(true);
    expect(isPolicyFamily('policy_martyr')).toBe(true);
    expect(isPolicyFamily('poor')).toBe(false);
    expect(isPolicyFamily('agent_orange')).toBe(false);
  });
});

describe('povertyStandardOn', () => {
  it('finds the standard in force on a date, half-open', () => {
    expect(povertyStandardOn('2024-10-17')?.code).toBe('2022-2026');
    expect(povertyStandardOn('2026-12-31')?.code).toBe('2022-2026');
    expect(povertyStandardOn('2027-01-01')?.incomeUrban).toBe(2_800_000);
    expect(povertyStandardOn('2021-12-31')?.code).toBe('2016-2020');
    expect(povertyStandardOn('2015-12-31')).toBeNull();
    expect(povertyStandardOn('2031-01-01')).toBeNull();
  });
  it('keeps the periods contiguous', () => {
    for (let i = 1; i < povertyStandardPeriods.length; i++) {
      expect(povertyStandardPeriods[i]!.validFrom).toBe(povertyStandardPeriods[i - 1]!.validTo);
    }
  });
});
