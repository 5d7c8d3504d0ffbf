import { todayInVietnam } from '../format/date';
import { foldDiacritics } from '../format/text';
import {
  householdCategories as builtInCategories,
  type HouseholdCategory,
  povertyStandardOn,
  povertyStandardPeriods,
} from '../residents/categories';
import { checkCitizenId } from '../residents/citizen-id';
import type { ResidentMessageKey } from '../residents/messages';
import { normalizePersonName, type PersonNameParts, splitFullName } from '../residents/names';
import type { Relation } from '../residents/relations';
import type { Sex } from '../residents/sex';
import type { HouseholdApiMessageKey } from './messages';

/** A person as stored, in clear (sealing happens at the repository's door). */
export type PersonValues = PersonNameParts & {
  sex: Sex | null;
  birthDate: string | null;
  birthYear: number | null;
  relation: Relation;
  isHead: boolean;
  phone: string | null;
  citizenId: string | null;
  health: string | null;
  disability: string | null;
};

export type PersonIssue = { path: string; key: HouseholdApiMessageKey | ResidentMessageKey };

export const earliestBirthYear = 1890;

/**
 * Name parts from what a form sends: the parts when any is given, else the full name split
 * (họ = first word, tên = last word).
 */
export function resolvePersonName(input: {
  fullName?: string | null;
  ho?: string | null;
  tenDem?: string | null;
  ten?: string | null;
}): PersonNameParts {
  const hasParts = [input.ho, input.tenDem, input.ten].some((part) => part != null && part.trim() !== '');
  if (hasParts) {
    return {
      ho: normalizePersonName(input.ho ?? ''),
      tenDem: normalizePersonName(input.tenDem ?? ''),
      ten: normalizePersonName(input.ten ?? ''),
    };
  }
  return splitFullName(input.fullName ?? '');
}

/**
 * Checks a whole person: a name, a plausible birth date or year that agree, the head's relation,
 * and the citizen ID against sex and birth year (CCCD digit 4 and digits 5–6).
 */
export function personIssues(person: PersonValues, today: string = todayInVietnam()): PersonIssue[] {
  const issues: PersonIssue[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (person.ten === '') issues.push({ path: 'fullName', key: 'persons.name_required' });
  if (person.birthDate !== null) {
    if (Number(person.birthDate.slice(0, 4)) < earliestBirthYear) {
      issues.push({ path: 'birthDate', key: 'resident.birth_date.too_old' });
    } else if (person.birthDate > today) {
      issues.push({ path: 'birthDate', key: 'resident.birth_date.future' });
    }
  }
  if (person.birthYear !== null) {
    if (person.birthDate !== null) {
      if (Number(person.birthDate.slice(0, 4)) !== person.birthYear) {
        issues.push({ path: 'birthYear', key: 'persons.birth_year_mismatch' });
      }
    } else if (person.birthYear < earliestBirthYear || person.birthYear > thisYear) {
      issues.push({ path: 'birthYear', key: 'persons.birth_year_range' });
    }
  }
  if (person.isHead !== (person.relation === 'head')) {
    issues.push({ path: 'relation', key: 'persons.head_relation' });
  }
  if (person.citizenId !== null) {
    const birthYear = person.birthDate ? Number(person.birthDate.slice(0, 4)) : person.birthYear;
    const checked = checkCitizenId(person.citizenId, { sex: person.sex, birthYear, today });
    for (const key of checked.errors) issues.push({ path: 'citizenId', key });
  }
  return issues;
}

/** The birth year always stored with a birth date, so duplicates and ages work from either. */
export function birthYearOf(person: { birthDate: string | null; birthYear: number | null }): number | null {
  return person.birthDate ? Number(person.birthDate.slice(0, 4)) : person.birthYear;
}

/** What households.search_text holds: folded code, address and every member's name. */
export function householdSearchText(code: string, address: string | null, names: readonly string[]): string {
  return foldDiacritics([code, address ?? '', ...names].join(' '));
}

/** Categories whose records carry the poverty-standard period they were assessed under. */
export const povertyCategoryCodes: readonly string[] = ['poor', 'near_poor'];

export type CategoryRecordCheck =
  | { ok: true; standardPeriod: string | null }
  | { ok: false; issue: PersonIssue };

/**
 * A category record's poverty-standard period: poor and near-poor carry one, by default the
 * standard in force on the first day; other categories carry none.
 */
export function categoryStandardPeriod(
  category: string,
  validFrom: string,
  given: string | null | undefined,
): CategoryRecordCheck {
  if (!povertyCategoryCodes.includes(category)) {
    return given
      ? { ok: false, issue: { path: 'standardPeriod', key: 'households.standard_period_not_applicable' } }
      : { ok: true, standardPeriod: null };
  }
  if (given) {
    return povertyStandardPeriods.some((period) => period.code === given)
      ? { ok: true, standardPeriod: given }
      : { ok: false, issue: { path: 'standardPeriod', key: 'households.standard_period_unknown' } };
  }
  const period = povertyStandardOn(validFrom);
  return period
    ? { ok: true, standardPeriod: period.code }
    : { ok: false, issue: { path: 'standardPeriod', key: 'households.standard_period_missing' } };
}

export function isBuiltInCategory(
  code: string,
  categories: readonly HouseholdCategory[] = builtInCategories,
): boolean {
  return categories.some((category) => category.code === code);
}
