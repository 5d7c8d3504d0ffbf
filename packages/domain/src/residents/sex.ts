import { foldDiacritics } from '../format/text';
import type { ResidentParseResult } from './messages';

export type Sex = 'male' | 'female';

export const sexLabels: Readonly<Record<Sex, { vi: string; en: string }>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

const words: Readonly<Record<string, Sex>> = {
  nam: 'male',
  'nam gioi': 'male',
  m: 'male',
  male: 'male',
  trai: 'male',
  nu: 'female',
  'nu gioi': 'female',
  f: 'female',
  female: 'female',
  gai: 'female',
};

/**
 * "Nam", "NỮ", "nu", "M", "Female" → male/female. Numbers are refused: some lists use 1/0, some
 * 1/2 and some 0 for women, so the import asks what they mean instead of guessing.
 */
export function parseSex(value: string): ResidentParseResult<Sex> {
  const folded = foldDiacritics(value).replace(/[.:]$/, '');
  if (folded === '') return { ok: false, error: 'resident.blank' };
  if (/^\d+$/.test(folded)) return { ok: false, error: 'resident.sex.numeric_code' };
  const sex = words[folded];
  return sex ? { ok: true, value: sex } : { ok: false, error: 'resident.sex.unknown' };
}
