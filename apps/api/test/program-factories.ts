import { randomUUID } from 'node:crypto';
import { foldDiacritics, personSortKey, splitFullName } from '@doanket/domain';
import type { Db } from '../src/db/client';
import { householdCategories, householdPlacements, households, persons } from '../src/db/schema/index';
import { systemContext } from '../src/lib/context';
import { recordDonation } from '../src/modules/funds/donations.posting';
import { findCampaign } from '../src/modules/funds/funds.repository';
import { findFund } from '../src/modules/funds/ledger.repository';
import {
  type BuiltUnit,
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildResidentialGroup,
  buildStandingCommittee,
  buildTreasurer,
  buildWard,
  login,
} from './factories';
import { buildCampaign, buildFund } from './fund-factories';
import type { TestApp } from './harness';

let serial = 0;

/**
 * A district with two wards (two residential groups in the first, one in the second), the district's
 * Fund for the Poor with a campaign, a ward fund, and signed-in users: treasurers and a standing
 * committee of the district, a ward treasurer and a ward officer.
 */
export async function buildProgramPlace(t: TestApp) {
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
  const fund = await buildFund(t.db, district);
  const wardFund = await buildFund(t.db, wardA);
  const campaign = await buildCampaign(t.db, fund);
  return {
    province,
    district,
    wardA,
    wardB,
    groupA1,
    groupA2,
    groupB1,
    fund,
    wardFund,
    campaign,
    treasurer: await login(t.app, await buildTreasurer(t.db, district)),
    committee: await login(t.app, await buildStandingCommittee(t.db, district)),
    wardTreasurer: await login(t.app, await buildTreasurer(t.db, wardA)),
    wardOfficer: await login(t.app, await buildOfficer(t.db, wardA)),
  };
}

export type ProgramPlace = Awaited<ReturnType<typeof buildProgramPlace>>;

export type CategorySpell = { category: string; from: string; to?: string | null };

/**
 * A household of the register written straight to the tables: placed in a group from a date (and,
 * with `moves`, in other groups later), with a head and dated categories.
 */
export async function buildHousehold(
  db: Db,
  options: {
    group: BuiltUnit;
    ward: BuiltUnit;
    placedFrom?: string;
    placedTo?: string | null;
    moves?: Array<{ group: BuiltUnit; from: string }>;
    categories?: CategorySpell[];
    head?: string;
    code?: string;
    address?: string;
  },
): Promise<{ id: string; code: string; headId: string; headName: string }> {
  serial += 1;
  const id = randomUUID();
  const code = options.code ?? `HP${String(serial).padStart(5, '0')}`;
  await db.insert(households).values({
    id,
    wardUnitId: options.ward.unitId,
    code,
    address: options.address ?? `Số ${serial} ngõ ${serial % 7} phố Phú Diễn`,
  });
  const placements = [
    { group: options.group, from: options.placedFrom ?? '2015-01-01' },
    ...(options.moves ?? []),
  ];
  for (const [index, placement] of placements.entries()) {
    const next = placements[index + 1];
    await db.insert(householdPlacements).values({
      householdId: id,
      groupUnitId: placement.group.unitId,
      validFrom: placement.from,
      validTo: next ? next.from : (options.placedTo ?? null),
    });
  }
  const headName = options.head ?? `Nguyễn Văn Hộ${serial}`;
  const parts = splitFullName(headName);
  const headId = randomUUID();
  await db.insert(persons).values({
    id: headId,
    householdId: id,
    ho: parts.ho,
    tenDem: parts.tenDem,
    ten: parts.ten,
    searchName: foldDiacritics(headName),
    sortKey: personSortKey(parts),
    relation: 'head',
    isHead: true,
  });
  for (const spell of options.categories ?? []) {
    await db.insert(householdCategories).values({
      householdId: id,
      category: spell.category,
      standardPeriod: spell.category === 'poor' || spell.category === 'near_poor' ? '2016-2020' : null,
      validFrom: spell.from,
      validTo: spell.to ?? null,
    });
  }
  return { id, code, headId, headName };
}

/** A member of a household besides its head (a student, for devices). */
export async function buildMember(
  db: Db,
  householdId: string,
  name = 'Nguyễn Thị Học Sinh',
): Promise<string> {
  const parts = splitFullName(name);
  const id = randomUUID();
  await db.insert(persons).values({
    id,
    householdId,
    ho: parts.ho,
    tenDem: parts.tenDem,
    ten: parts.ten,
    searchName: foldDiacritics(name),
    sortKey: personSortKey(parts),
    relation: 'child',
    isHead: false,
    position: 1,
  });
  return id;
}

/** Items donated in kind to the campaign through the fund (a donation with its receipt and stock). */
export async function receiveItems(
  db: Db,
  fundId: string,
  campaignId: string,
  items: Array<{ item: string; name: string; quantity: number; value: number }>,
  receivedOn = '2021-02-01',
) {
  const fund = await findFund(db, fundId);
  const campaign = await findCampaign(db, campaignId);
  if (!fund || !campaign) throw new Error('fund or campaign missing');
  return db.transaction((tx) =>
    recordDonation(tx, systemContext(), {
      fund,
      campaign,
      donor: { kind: 'company', name: 'Công ty Thử nghiệm', publishName: true },
      method: 'in_kind',
      amount: items.reduce((sum, item) => sum + item.value, 0),
      items,
      receivedOn,
    }),
  );
}

let programSerial = 0;
/** A programme through the API; the district's committee by default. */
export async function createProgram(
  t: TestApp,
  cookie: string,
  place: ProgramPlace,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  programSerial += 1;
  const response = await t.call('POST', '/api/programs', {
    cookie,
    payload: {
      unitCode: place.district.code,
      fundId: place.fund.id,
      code: `CT${String(Date.now() % 1e6)}-${programSerial}`,
      name: `Quà Tết ${programSerial}`,
      kind: 'tet_gift',
      periodFrom: '2021-01-20',
      periodTo: '2021-02-28',
      eligibleCategories: ['near_poor', 'policy_martyr'],
      eligibleOn: '2021-01-15',
      amountPerHousehold: 500_000,
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`programme not created: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
