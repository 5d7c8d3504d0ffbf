import {
  type DuplicateItem,
  fullName,
  type HouseholdMember,
  householdCategories,
  type Relation,
  relationLabel,
  type Sex,
} from '@doanket/domain';
import type {
  CategoryKindRow,
  CategoryRecordRow,
  ConsentRow,
  CulturalFamilyRow,
  DuplicateRow,
  PersonRow,
} from './households.repository';

export type CategoryLabel = { code: string; vi: string; en: string; group: string | null; builtIn: boolean };

/** The built-in categories followed by those a committee added. */
export function categoryLabels(kinds: readonly CategoryKindRow[]): CategoryLabel[] {
  return [
    ...householdCategories.map((category) => ({
      code: category.code,
      vi: category.vi,
      en: category.en,
      group: category.group ?? null,
      builtIn: true,
    })),
    ...kinds.map((kind) => ({
      code: kind.code,
      vi: kind.nameVi,
      en: kind.nameEn,
      group: kind.groupCode,
      builtIn: false,
    })),
  ];
}

export const personFullName = (row: Pick<PersonRow, 'ho' | 'tenDem' | 'ten'>) =>
  fullName({ ho: row.ho, tenDem: row.tenDem, ten: row.ten });

/** A member as lists and the household page show it: the citizen ID masked, sensitive notes as flags. */
type PersonFields = Pick<
  PersonRow,
  | 'id'
  | 'ho'
  | 'tenDem'
  | 'ten'
  | 'sex'
  | 'birthDate'
  | 'birthYear'
  | 'relation'
  | 'isHead'
  | 'phone'
  | 'citizenIdMask'
>;

/** What every list of persons shows of one: never a clear citizen ID, only its mask. */
export function presentPersonFields(row: PersonFields): Omit<HouseholdMember, 'hasHealth' | 'hasDisability'> {
  return {
    id: row.id,
    ho: row.ho,
    tenDem: row.tenDem,
    ten: row.ten,
    fullName: personFullName(row),
    sex: row.sex as Sex | null,
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    relation: row.relation as Relation,
    relationLabel: relationLabel(row.relation as Relation),
    isHead: row.isHead,
    phone: row.phone,
    citizenIdMasked: row.citizenIdMask,
  };
}

export function presentMember(row: PersonRow): HouseholdMember {
  return {
    ...presentPersonFields(row),
    hasHealth: row.healthSealed !== null,
    hasDisability: row.disabilitySealed !== null,
  };
}

export function presentCategoryRecord(row: CategoryRecordRow, labels: ReadonlyMap<string, CategoryLabel>) {
  const label = labels.get(row.category);
  return {
    id: row.id,
    category: row.category,
    vi: label?.vi ?? row.category,
    en: label?.en ?? row.category,
    standardPeriod: row.standardPeriod,
    validFrom: row.validFrom,
    validTo: row.validTo,
    hasDetail: row.detailSealed !== null,
  };
}

/**
 * A flag seen from one side (`mine`): the other person is named only when the reader may see
 * the unit their household answers to.
 */
export function presentDuplicate(row: DuplicateRow, mine: 0 | 1, otherVisible: boolean): DuplicateItem {
  const own = row.sides[mine];
  const other = row.sides[mine === 0 ? 1 : 0];
  return {
    id: row.id,
    personId: own.personId,
    personName: own.name,
    otherPersonId: other.personId,
    otherName: otherVisible ? other.name : null,
    otherHouseholdId: otherVisible ? other.householdId : null,
    otherHouseholdCode: otherVisible ? other.householdCode : null,
    reason: row.reason,
    status: row.status,
  };
}

export function presentCulturalFamily({ year, registered, recognized, reason }: CulturalFamilyRow) {
  return { year, registered, recognized, reason };
}

export function presentConsent({ id, givenBy, purpose, givenOn, withdrawnOn, note }: ConsentRow) {
  return { id, givenBy, purpose, givenOn, withdrawnOn, note };
}
