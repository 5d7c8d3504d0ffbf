import { foldDiacritics, personSortKey } from '@doanket/domain';
import type { Db } from '../src/db/client';
import { households, persons } from '../src/db/schema/index';
import * as fundsRepo from '../src/modules/funds/funds.repository';
import {
  type BuiltUnit,
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildStandingCommittee,
  buildTreasurer,
  buildViewer,
  buildWard,
  login,
} from './factories';
import type { BuiltFund } from './fund-factories';
import type { TestApp } from './harness';

/** A district with two wards and, in the first ward, a treasurer and the other roles that may not post. */
export async function buildDonationPlace(t: TestApp) {
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province, { validTo: null });
  const ward = await buildWard(t.db, district);
  const otherWard = await buildWard(t.db, district);
  return {
    province,
    district,
    ward,
    otherWard,
    treasurer: await login(t.app, await buildTreasurer(t.db, ward)),
    otherTreasurer: await login(t.app, await buildTreasurer(t.db, otherWard)),
    districtTreasurer: await login(t.app, await buildTreasurer(t.db, district)),
    officer: await login(t.app, await buildOfficer(t.db, ward)),
    viewer: await login(t.app, await buildViewer(t.db, ward)),
    standingCommittee: await login(t.app, await buildStandingCommittee(t.db, ward)),
  };
}

let sequence = 0;

/** A campaign held to its decree 93 receiving period (no legal basis recorded). */
export async function buildStrictCampaign(
  db: Db,
  fund: BuiltFund,
  options: { startsOn: string; receivingEndsOn: string },
) {
  sequence += 1;
  const code = `ST${String(Date.now() % 1e6)}${sequence}`;
  const id = await fundsRepo.insertCampaign(db, {
    fundId: fund.id,
    unitId: fund.unitId,
    code,
    name: `Cuộc vận động ${code}`,
    startsOn: options.startsOn,
    receivingEndsOn: options.receivingEndsOn,
    distributionEndsOn: options.receivingEndsOn,
    legalBasis: null,
    targetAmount: null,
    targetItems: [],
  });
  return { id, code };
}

/** A household of the ward's register with a head (no residential group: it answers to the ward). */
export async function buildHouseholdWithHead(
  db: Db,
  ward: BuiltUnit,
  head: { ho: string; tenDem: string; ten: string } = { ho: 'Lê', tenDem: 'Thị', ten: 'Hoa' },
) {
  sequence += 1;
  const code = `DH${String(sequence).padStart(4, '0')}`;
  const [household] = await db
    .insert(households)
    .values({ wardUnitId: ward.unitId, code, searchText: foldDiacritics(code) })
    .returning({ id: households.id });
  if (!household) throw new Error('household not inserted');
  const name = `${head.ho} ${head.tenDem} ${head.ten}`;
  await db.insert(persons).values({
    householdId: household.id,
    ...head,
    searchName: foldDiacritics(name),
    sortKey: personSortKey(head),
    relation: 'head',
    isHead: true,
  });
  return { id: household.id, code, headName: name };
}

/** A donation body in cash with sensible defaults. */
export const cashDonation = (fundId: string, overrides: Record<string, unknown> = {}) => ({
  fundId,
  donor: { kind: 'person', name: 'Nguyễn Văn An', publishName: true },
  method: 'cash',
  amount: 1_000_000,
  receivedOn: '2021-03-05',
  ...overrides,
});
