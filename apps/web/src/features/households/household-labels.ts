import { householdCategories, matchesSearch, relations } from '@doanket/domain';
import type { Lang } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { HouseholdCategoryKind } from './households.api';

/** A category's name from the list the API serves, else the built-in list, else its code. */
export function categoryLabel(
  code: string,
  lang: Lang,
  kinds: readonly Pick<HouseholdCategoryKind, 'code' | 'vi' | 'en'>[] | undefined,
): string {
  const kind =
    kinds?.find((item) => item.code === code) ?? householdCategories.find((item) => item.code === code);
  if (!kind) return code;
  return lang === 'en' ? kind.en : kind.vi;
}

const categoryColors: Record<string, string> = {
  poor: 'red',
  near_poor: 'orange',
  agent_orange: 'purple',
  disability: 'blue',
  lone_elderly: 'cyan',
  child_in_difficulty: 'magenta',
};

export function categoryColor(code: string, group?: string | null): string {
  if (categoryColors[code]) return categoryColors[code];
  return group === 'policy_family' || code.startsWith('policy_') ? 'gold' : 'default';
}

export function relationText(code: string, lang: Lang): string {
  const relation = relations.find((item) => item.code === code);
  if (!relation) return code;
  return lang === 'en' ? relation.en : relation.vi;
}

export function relationOptions(lang: Lang) {
  return relations.map((relation) => ({
    value: relation.code,
    label: lang === 'en' ? relation.en : relation.vi,
  }));
}

export function sexText(t: Translate, sex: 'male' | 'female' | null | undefined): string {
  if (sex === 'male') return t('person.sex.male');
  if (sex === 'female') return t('person.sex.female');
  return '—';
}

/** The full date of birth when known, else the year alone. */
export function birthText(person: { birthDate?: string | null; birthYear?: number | null }): string {
  if (person.birthDate) return formatDate(person.birthDate);
  if (person.birthYear) return String(person.birthYear);
  return '—';
}

/** Select search that matches labels without diacritics: "can ngheo" finds "Hộ cận nghèo". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    matchesSearch(String(option?.label ?? ''), input),
};
