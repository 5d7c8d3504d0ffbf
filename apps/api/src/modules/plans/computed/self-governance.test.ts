import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAdmin, login } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { buildReformedPlace, type ReformedPlace, teamsApi } from '../../../../test/plan-factories';
import { buildHousehold } from '../../../../test/program-factories';
import { queryRows } from '../../../db/client';
import { householdsSupervised } from './households-supervised';
import { selfGoverningGroups } from './self-governing-groups';
import { selfGoverningTeams } from './self-governing-teams';
import type { ComputedIndicator } from './types';

let t: TestApp;
let place: ReformedPlace;

beforeAll(async () => {
  t = await createTestApp();
  place = await buildReformedPlace(t.db);
  const { wardA, wardB, wardC, newWard, a1, b1, c1 } = place;
  const api = teamsApi(t, await login(t.app, await buildAdmin(t.db)));
  const h1 = await buildHousehold(t.db, { group: a1, ward: wardA });
  const h2 = await buildHousehold(t.db, { group: a1, ward: wardA });
  await buildHousehold(t.db, { group: b1, ward: wardB });
  const h4 = await buildHousehold(t.db, { group: c1, ward: wardC });

  const t1 = await api.create(a1, 'team', '2020-01-01');
  await api.addMembers(t1, 2, '2020-01-01');
  await api.assign(t1, [h1.id, h2.id], '2020-06-01');
  const g1 = await api.create(a1, 'group', '2020-01-01');
  await api.addMembers(g1, 1, '2020-01-01');
  await api.assign(g1, [h1.id], '2020-06-01');
  // A team of the ward that ended in 2021: it stops counting with its ward.
  const t2 = await api.create(wardC, 'team', '2020-01-01');
  await api.addMembers(t2, 1, '2020-01-01');
  await api.assign(t2, [h4.id], '2020-06-01');
  // A group of the residential group that went on under ward B.
  const g2 = await api.create(c1, 'group', '2020-01-01');
  await api.addMembers(g2, 3, '2020-01-01');
  await api.assign(g2, [h4.id], '2020-06-01');
  const t3 = await api.create(wardB, 'team', '2020-01-01');
  await api.addMembers(t3, 1, '2020-01-01');
  const t4 = await api.create(newWard, 'team', '2025-07-01');
  await api.addMembers(t4, 2, '2025-07-01');
}, 120_000);
afterAll(() => t.close());

/** The five figures of a unit on a date counted from the teams, members and assignments themselves. */
async function fromRecords(unitId: string, at: string) {
  const [row] = await queryRows<
    Record<'teams' | 'teamMembers' | 'groups' | 'groupMembers' | 'households', number>
  >(
    t.db,
    sql`WITH RECURSIVE down(unit_id) AS (
        SELECT unit_id FROM unit_versions
        WHERE unit_id = ${unitId} AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
        UNION
        SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
        WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
      ), active AS (
        SELECT s.* FROM self_governing_teams s JOIN down ON down.unit_id = s.unit_id
        WHERE s.valid_from <= ${at}::date AND (s.valid_to IS NULL OR s.valid_to > ${at}::date)
      ), members AS (
        SELECT a.kind FROM team_members m JOIN active a ON a.id = m.team_id
        WHERE m.valid_from <= ${at}::date AND (m.valid_to IS NULL OR m.valid_to > ${at}::date)
      )
      SELECT (SELECT count(*) FROM active WHERE kind = 'team')::int AS "teams",
        (SELECT count(*) FROM members WHERE kind = 'team')::int AS "teamMembers",
        (SELECT count(*) FROM active WHERE kind = 'group')::int AS "groups",
        (SELECT count(*) FROM members WHERE kind = 'group')::int AS "groupMembers",
        (SELECT count(DISTINCT h.household_id) FROM team_households h JOIN active a ON a.id = h.team_id
          WHERE h.valid_from <= ${at}::date AND (h.valid_to IS NULL OR h.valid_to > ${at}::date))::int AS "households"`,
  );
  return row!;
}

const indicators: Array<[ComputedIndicator, (f: Awaited<ReturnType<typeof fromRecords>>) => number]> = [
  [selfGoverningTeams, (f) => f.teams],
  [selfGoverningGroups, (f) => f.groups],
  [householdsSupervised, (f) => f.households],
];

describe('self-governance indicators', () => {
  it('count what the records hold on the period’s end, over the tree of that day', async () => {
    const { province, district, wardA, wardB, wardC, newWard } = place;
    const cases = [
      { unit: district, year: 2021, periodEnd: '2021-12-31' },
      { unit: district, year: 2021, periodEnd: '2021-06-30' },
      { unit: wardA, year: 2021, periodEnd: '2021-12-31' },
      { unit: wardB, year: 2021, periodEnd: '2021-12-31' },
      { unit: wardC, year: 2021, periodEnd: '2021-06-30' },
      { unit: province, year: 2026, periodEnd: '2026-12-31' },
      { unit: newWard, year: 2026, periodEnd: '2026-03-31' },
    ];
    for (const { unit, year, periodEnd } of cases) {
      const records = await fromRecords(unit.unitId, periodEnd);
      for (const [indicator, pick] of indicators) {
        const computed = await indicator.compute(t.db, { unitId: unit.unitId, year, periodEnd });
        expect(computed.value, `${indicator.key} ${unit.code} ${periodEnd}`).toBe(pick(records));
        expect(computed.numerator).toBe(pick(records));
        expect(computed.denominator).toBeNull();
      }
    }
    // The district at the end of 2021: T1 and T3 (the team of ward C ended with it), G1 and G2, and
    // households h1, h2 (T1; h1 also in G1's care) and h4 (G2's care, under ward B since July).
    const scope = { unitId: district.unitId, year: 2021, periodEnd: '2021-12-31' };
    expect(await selfGoverningTeams.compute(t.db, scope)).toEqual({
      value: 2,
      numerator: 2,
      denominator: null,
      drill: `/teams?unit=${district.code}&at=2021-12-31&kind=team`,
      detail: { members: 3 },
    });
    expect(await selfGoverningGroups.compute(t.db, scope)).toMatchObject({
      value: 2,
      detail: { members: 4 },
    });
    expect((await householdsSupervised.compute(t.db, scope)).value).toBe(3);
    expect((await selfGoverningTeams.compute(t.db, { ...scope, periodEnd: '2021-06-30' })).value).toBe(3);
    expect(await fromRecords(wardC.unitId, '2021-06-30')).toMatchObject({
      teams: 1,
      groups: 1,
      households: 1,
    });
    expect(await fromRecords(wardB.unitId, '2021-12-31')).toMatchObject({
      teams: 1,
      groups: 1,
      households: 1,
    });
  });

  it('give nothing for a unit not in force on the period’s end', async () => {
    for (const [indicator] of indicators) {
      expect(
        await indicator.compute(t.db, { unitId: place.wardC.unitId, year: 2021, periodEnd: '2021-12-31' }),
      ).toEqual({ value: null, numerator: 0, denominator: null, drill: null });
      expect(
        await indicator.compute(t.db, { unitId: place.district.unitId, year: 2026, periodEnd: '2026-12-31' }),
      ).toMatchObject({ value: null });
    }
  });

  it('per child equal the value of each child, over the old wards in 2021 and the new ward in 2026', async () => {
    const { province, district, wardA, wardB, wardC, newWard } = place;
    const cases = [
      { unit: district, year: 2021, periodEnd: '2021-12-31', children: [wardA, wardB] },
      { unit: district, year: 2021, periodEnd: '2021-06-30', children: [wardA, wardB, wardC] },
      { unit: province, year: 2021, periodEnd: '2021-12-31', children: [district] },
      { unit: province, year: 2026, periodEnd: '2026-12-31', children: [newWard] },
    ];
    for (const { unit, year, periodEnd, children } of cases) {
      for (const [indicator] of indicators) {
        const byChild = await indicator.computeByChild(t.db, { unitId: unit.unitId, year, periodEnd });
        const scope = { unitId: unit.unitId, year, periodEnd };
        expect(await indicator.computeWithChildren(t.db, scope)).toEqual({
          total: await indicator.compute(t.db, scope),
          children: byChild,
        });
        expect([...byChild.keys()].sort()).toEqual(children.map((child) => child.unitId).sort());
        for (const child of children) {
          expect(byChild.get(child.unitId), `${indicator.key} ${child.code} ${periodEnd}`).toEqual(
            await indicator.compute(t.db, { unitId: child.unitId, year, periodEnd }),
          );
        }
      }
    }
    const teams2026 = await selfGoverningTeams.computeByChild(t.db, {
      unitId: province.unitId,
      year: 2026,
      periodEnd: '2026-12-31',
    });
    // T1 (on a group that moved into the new ward) and the new ward’s own team; not T3, of ward B.
    expect(teams2026.get(newWard.unitId)).toMatchObject({ value: 2, detail: { members: 4 } });
  });
});
