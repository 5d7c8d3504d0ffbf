import { describe, expect, it } from 'vitest';
import { interpolate } from '../lib/interpolate';
import { en } from './en';
import { vi } from './vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((key) => !viKeys.includes(key)),
      'keys only in en.ts',
    ).toEqual([]);
    expect(
      viKeys.filter((key) => !enKeys.includes(key)),
      'keys only in vi.ts',
    ).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), `vi ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), `placeholders of ${key}`).toEqual(placeholders(vi[key]));
    }
  });

  it('fills placeholders', () => {
    expect(interpolate(vi['unit.validity.closed'], { from: '01/04/2014', to: '30/06/2025' })).toBe(
      'Từ 01/04/2014 đến hết 30/06/2025',
    );
  });
});
