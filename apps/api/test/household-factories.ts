import { randomBytes } from 'node:crypto';
import type { PersonInput } from '@doanket/domain';
import { createSealer, type Sealer } from '../src/lib/crypto';
import { type BuiltUnit, buildDistrict, buildProvince, buildResidentialGroup, buildWard } from './factories';
import type { TestApp } from './harness';

/** Gives the app a data key of its own, as the server does at start. */
export function giveSealer(t: TestApp): Sealer {
  const sealer = createSealer(randomBytes(32));
  t.app.sealer = sealer;
  return sealer;
}

/** A province, a district with two wards, two residential groups in the first ward and one in the second. */
export async function buildHouseholdTree(t: TestApp) {
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province, { validTo: null });
  const wardA = await buildWard(t.db, district);
  const wardB = await buildWard(t.db, district);
  const groupA1 = await buildResidentialGroup(t.db, wardA, {
    code: `${wardA.code}.001`,
    name: 'Tổ dân phố số 1',
  });
  const groupA2 = await buildResidentialGroup(t.db, wardA, {
    code: `${wardA.code}.002`,
    name: 'Tổ dân phố số 2',
  });
  const groupB1 = await buildResidentialGroup(t.db, wardB, {
    code: `${wardB.code}.001`,
    name: 'Tổ dân phố số 1',
  });
  return { province, district, wardA, wardB, groupA1, groupA2, groupB1 };
}

let serial = 0;
/** A CCCD number that agrees with the sex and birth year (digit 4: century and sex; 5–6: year). */
export function citizenIdFor(sex: 'male' | 'female', birthYear: number, province = '001'): string {
  serial += 1;
  const century = Math.floor(birthYear / 100) * 100;
  const digit = (century - 1900) / 50 + (sex === 'female' ? 1 : 0);
  return `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export const head = (overrides: Partial<PersonInput> = {}): PersonInput => ({
  fullName: 'Nguyễn Văn An',
  relation: 'head',
  sex: 'male',
  birthDate: '1975-05-15',
  ...overrides,
});

export const member = (overrides: Partial<PersonInput> = {}): PersonInput => ({
  fullName: 'Trần Thị Bình',
  relation: 'wife',
  sex: 'female',
  birthDate: '1978-09-02',
  ...overrides,
});

export type HouseholdOptions = {
  group: BuiltUnit;
  code?: string;
  at?: string;
  address?: string | null;
  phone?: string | null;
  members?: PersonInput[];
};

let householdSerial = 0;
export const householdCode = () => {
  householdSerial += 1;
  return `HK${String(householdSerial).padStart(4, '0')}`;
};

/** Creates a household through the API and returns its id and the answer's duplicates. */
export async function createHousehold(t: TestApp, cookie: string, options: HouseholdOptions) {
  const response = await t.call('POST', '/api/households', {
    cookie,
    payload: {
      groupCode: options.group.code,
      at: options.at ?? '2024-01-01',
      code: options.code ?? householdCode(),
      address: options.address ?? 'Số 1 ngõ 2 phố Đông Ngạc',
      phone: options.phone ?? null,
      members: options.members ?? [head()],
    },
  });
  if (response.statusCode !== 201) {
    throw new Error(`household not created: ${response.statusCode} ${response.body}`);
  }
  return response.json() as { id: string; duplicates: Array<Record<string, unknown>> };
}
