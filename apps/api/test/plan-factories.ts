import type { Db } from '../src/db/client';
import { culturalFamilyRecords } from '../src/db/schema/index';
import { insertUnit, insertVersion } from '../src/modules/units/units.repository';
import {
  type BuiltUnit,
  buildDistrict,
  buildLineage,
  buildProvince,
  buildWard,
  uniqueCode,
} from './factories';
import type { TestApp } from './harness';

const REFORM = '2025-07-01';

/** A residential group that belonged to several parents in turn: [parent, from] spans, the last open. */
export async function buildMovingGroup(
  db: Db,
  spans: ReadonlyArray<{ parent: BuiltUnit; from: string }>,
): Promise<BuiltUnit> {
  const unitId = await insertUnit(db, 'residential_group');
  const code = `${spans[0]!.parent.code}.${uniqueCode()}`;
  for (const [index, span] of spans.entries()) {
    await insertVersion(db, {
      unitId,
      code,
      name: `Tổ dân phố ${code}`,
      kind: 'residential_group',
      subkind: 'to_dan_pho',
      parentUnitId: span.parent.unitId,
      validFrom: span.from,
      validTo: spans[index + 1]?.from ?? span.parent.validTo ?? null,
      resolution: null,
    });
  }
  return { unitId, code, name: `Tổ dân phố ${code}`, validFrom: spans[0]!.from, validTo: null };
}

/**
 * A province whose district has wards A and B until the 2025 reform and ward C that ended on
 * 1 July 2021 (its group went on under B); after the reform every group lies in the new ward N.
 * Groups: a1, a2 (in A), b1 (in B), c1 (in C, then B).
 */
export async function buildReformedPlace(db: Db) {
  const province = await buildProvince(db);
  const district = await buildDistrict(db, province);
  const wardA = await buildWard(db, district);
  const wardB = await buildWard(db, district);
  const wardC = await buildWard(db, district, { validTo: '2021-07-01' });
  const newWard = await buildWard(db, province, { validFrom: REFORM, validTo: null });
  await buildLineage(db, wardA, newWard, 'full');
  await buildLineage(db, wardB, newWard, 'full');
  const from = district.validFrom;
  const a1 = await buildMovingGroup(db, [
    { parent: wardA, from },
    { parent: newWard, from: REFORM },
  ]);
  const a2 = await buildMovingGroup(db, [
    { parent: wardA, from },
    { parent: newWard, from: REFORM },
  ]);
  const b1 = await buildMovingGroup(db, [
    { parent: wardB, from },
    { parent: newWard, from: REFORM },
  ]);
  const c1 = await buildMovingGroup(db, [
    { parent: wardC, from },
    { parent: wardB, from: '2021-07-01' },
    { parent: newWard, from: REFORM },
  ]);
  return { province, district, wardA, wardB, wardC, newWard, a1, a2, b1, c1 };
}

export type ReformedPlace = Awaited<ReturnType<typeof buildReformedPlace>>;

/** A household's cultural-family record of a year. */
export async function recordCulturalFamily(
  db: Db,
  householdId: string,
  year: number,
  options: { registered?: boolean; recognized?: boolean | null } = {},
) {
  await db.insert(culturalFamilyRecords).values({
    householdId,
    year,
    registered: options.registered ?? true,
    recognized: options.recognized ?? null,
  });
}

/** Teams, members and households in care through the teams API, as an administrator. */
export function teamsApi(t: TestApp, cookie: string) {
  const ok = async (response: Promise<Awaited<ReturnType<TestApp['call']>>>, status: number) => {
    const answer = await response;
    if (answer.statusCode !== status) throw new Error(`teams API: ${answer.statusCode} ${answer.body}`);
    return answer.json();
  };
  return {
    create: async (unit: BuiltUnit, kind: 'team' | 'group', validFrom: string) =>
      (
        await ok(
          t.call('POST', '/api/teams', {
            cookie,
            payload: { kind, unitCode: unit.code, name: `${kind} ${uniqueCode()}`, validFrom },
          }),
          201,
        )
      ).id as string,
    addMembers: async (teamId: string, count: number, validFrom: string) => {
      for (let n = 0; n < count; n += 1) {
        await ok(
          t.call('POST', `/api/teams/${teamId}/members`, {
            cookie,
            payload: { name: `Thành Viên ${uniqueCode()}`, validFrom },
          }),
          201,
        );
      }
    },
    assign: (teamId: string, householdIds: string[], validFrom: string) =>
      ok(
        t.call('POST', `/api/teams/${teamId}/households`, { cookie, payload: { householdIds, validFrom } }),
        200,
      ),
  };
}
