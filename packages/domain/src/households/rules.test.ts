import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/errors';
import { CreateHouseholdRequest, PersonInput } from './contracts';
import {
  categoryStandardPeriod,
  householdSearchText,
  type PersonValues,
  personIssues,
  resolvePersonName,
} from './rules';

const person = (overrides: Partial<PersonValues> = {}): PersonValues => ({
  ho: 'Nguyễn',
  tenDem: 'Văn',
  ten: 'An',
  sex: 'male',
  birthDate: '1985-03-02',
  birthYear: 1985,
  relation: 'head',
  isHead: true,
  phone: null,
  citizenId: '001085012345',
  health: null,
  disability: null,
  ...overrides,
});

describe('resolvePersonName', () => {
  it('splits a full name when no part is given, and keeps given parts as they are', () => {
    expect(resolvePersonName({ fullName: '  Lê   Thị Thu Hà ' })).toEqual({
      ho: 'Lê',
      tenDem: 'Thị Thu',
      ten: 'Hà',
    });
    expect(resolvePersonName({ fullName: 'ignored', ho: 'Tôn Nữ', ten: 'Hoa' })).toEqual({
      ho: 'Tôn Nữ',
      tenDem: '',
      ten: 'Hoa',
    });
  });
});

describe('personIssues', () => {
  it('accepts a consistent person', () => {
    expect(personIssues(person(), '2025-01-01')).toEqual([]);
  });

  it('checks the citizen ID against sex and birth year, reading the year from the date', () => {
    expect(personIssues(person({ sex: 'female' }), '2025-01-01')).toEqual([
      { path: 'citizenId', key: 'resident.citizen_id.sex_mismatch' },
    ]);
    expect(personIssues(person({ birthDate: '1986-01-01', birthYear: 1986 }), '2025-01-01')).toEqual([
      { path: 'citizenId', key: 'resident.citizen_id.birth_year_mismatch' },
    ]);
    // Born in 2005, a woman: century digit 3.
    expect(
      personIssues(
        person({ sex: 'female', birthDate: null, birthYear: 2005, citizenId: '001305000001' }),
        '2025-01-01',
      ),
    ).toEqual([]);
  });

  it('refuses a missing name, a future or too old birth, a year that contradicts the date, a head without the relation', () => {
    const keys = (p: PersonValues) =>
      personIssues(p, '2025-01-01').map((issue) => `${issue.path}:${issue.key}`);
    expect(keys(person({ ten: '' }))).toEqual(['fullName:persons.name_required']);
    expect(keys(person({ birthDate: '2025-01-02', birthYear: 2025, citizenId: null }))).toEqual([
      'birthDate:resident.birth_date.future',
    ]);
    expect(keys(person({ birthDate: '1850-01-01', birthYear: null, citizenId: null }))).toEqual([
      'birthDate:resident.birth_date.too_old',
    ]);
    expect(keys(person({ birthYear: 1984 }))).toEqual(['birthYear:persons.birth_year_mismatch']);
    expect(keys(person({ birthDate: null, birthYear: 2026, citizenId: null }))).toEqual([
      'birthYear:persons.birth_year_range',
    ]);
    expect(keys(person({ relation: 'wife' }))).toEqual(['relation:persons.head_relation']);
  });
});

describe('categoryStandardPeriod', () => {
  it('gives poor and near-poor the standard in force on the first day, and no other category one', () => {
    expect(categoryStandardPeriod('poor', '2023-05-01', undefined)).toEqual({
      ok: true,
      standardPeriod: '2022-2026',
    });
    expect(categoryStandardPeriod('near_poor', '2027-01-01', null)).toEqual({
      ok: true,
      standardPeriod: '2027-2030',
    });
    expect(categoryStandardPeriod('near_poor', '2023-01-01', '2027-2030')).toEqual({
      ok: true,
      standardPeriod: '2027-2030',
    });
    expect(categoryStandardPeriod('near_poor', '2021-06-30', undefined)).toEqual({
      ok: true,
      standardPeriod: '2016-2020',
    });
    expect(categoryStandardPeriod('poor', '2015-01-01', undefined)).toMatchObject({
      ok: false,
      issue: { key: 'households.standard_period_missing' },
    });
    expect(categoryStandardPeriod('poor', '2023-01-01', '2011-2015')).toMatchObject({
      ok: false,
      issue: { key: 'households.standard_period_unknown' },
    });
    expect(categoryStandardPeriod('agent_orange', '2023-01-01', undefined)).toEqual({
      ok: true,
      standardPeriod: null,
    });
    expect(categoryStandardPeriod('agent_orange', '2023-01-01', '2022-2026')).toMatchObject({ ok: false });
  });
});

describe('householdSearchText', () => {
  it('folds code, address and names for a diacritic-free search', () => {
    expect(householdSearchText('HK01', 'Số 5 ngõ Đình', ['lê thị hà'])).toBe('hk01 so 5 ngo dinh le thi ha');
  });
});

describe('PersonInput and CreateHouseholdRequest', () => {
  const errors = (result: { success: boolean; error?: { issues: unknown[] } }) =>
    result.success ? [] : toFieldErrors(result.error!.issues as never).map((field) => field.path);

  it('stores the parts, the birth year with the date, the phone and citizen ID in canonical form', () => {
    const parsed = PersonInput.parse({
      fullName: 'Trần  Văn Bình',
      relation: 'head',
      sex: 'male',
      birthDate: '1990-07-15',
      phone: '+84 912.345.678',
      citizenId: '001 090 001234',
    });
    expect(parsed).toMatchObject({
      ho: 'Trần',
      tenDem: 'Văn',
      ten: 'Bình',
      birthYear: 1990,
      isHead: true,
      phone: '0912345678',
      citizenId: '001090001234',
    });
  });

  it('answers each wrong field by its path', () => {
    expect(
      errors(PersonInput.safeParse({ fullName: 'A', relation: 'boss', phone: '12', citizenId: 'abc' })),
    ).toEqual(['relation', 'phone', 'citizenId']);
    expect(errors(PersonInput.safeParse({ relation: 'child' }))).toEqual(['fullName']);
    expect(
      errors(
        CreateHouseholdRequest.safeParse({
          groupCode: 'X.001',
          code: 'HK1',
          members: [
            { fullName: 'Nguyễn An', relation: 'head' },
            { fullName: 'Nguyễn Bình', relation: 'head' },
          ],
        }),
      ),
    ).toEqual(['members']);
    expect(
      errors(
        CreateHouseholdRequest.safeParse({
          groupCode: 'X.001',
          code: 'a\nb',
          members: [{ fullName: 'Nguyễn An', relation: 'head' }],
        }),
      ),
    ).toEqual(['code']);
  });
});
