import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
  buildAdmin,
  buildProvince,
  buildResidentialGroup,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { type BuiltHousehold, buildHousehold, moveHousehold } from '../../../test/team-factories';
import { queryRows } from '../../db/client';
import { householdCategories } from '../../db/schema/index';
import { systemContext } from '../../lib/context';
import { findSubtreeAt } from '../units/units.repository';
import { rebuildFigures } from './stats.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);
const noneDiffer = { teams: 0, households: 0, culturalFamilies: 0, tetGifts: 0 };

async function ok(response: Promise<Awaited<ReturnType<typeof call>>>, status = 200) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json();
}

/**
 * Two wards; group G2 moves from the first to the second on 2024-01-01. A team and a group on G1,
 * a group on G2, a ward-level team on W1 closed on 2024-03-01 and one on W2.
 */
async function buildCity() {
  const province = await buildProvince(t.db);
  const w1 = await buildWard(t.db, province);
  const w2 = await buildWard(t.db, province);
  const g1 = await buildResidentialGroup(t.db, w1);
  const g2 = await buildResidentialGroup(t.db, w1);
  const g3 = await buildResidentialGroup(t.db, w2);
  const admin = await login(t.app, await buildAdmin(t.db));
  const h: BuiltHousehold[] = [];
  for (const [ward, group] of [
    [w1, g1],
    [w1, g1],
    [w1, g1],
    [w1, g2],
    [w1, g2],
    [w2, g3],
  ] as const) {
    h.push(await buildHousehold(t.db, ward, group));
  }
  await t.db.insert(householdCategories).values([
    { householdId: h[0]!.id, category: 'poor', standardPeriod: '2022-2026', validFrom: '2023-01-01' },
    { householdId: h[3]!.id, category: 'near_poor', validFrom: '2023-01-01', validTo: '2024-06-30' },
    { householdId: h[5]!.id, category: 'policy_family', validFrom: '2023-01-01' },
    // Ended before the dates asked: never counted.
    { householdId: h[1]!.id, category: 'lone_elderly', validFrom: '2020-01-01', validTo: '2022-01-01' },
  ]);
  const team = async (unit: BuiltUnit, kind: 'team' | 'group', name: string) =>
    (
      await ok(
        call('POST', '/api/teams', {
          cookie: admin,
          payload: { kind, unitCode: unit.code, name, validFrom: '2023-01-01' },
        }),
        201,
      )
    ).id as string;
  const member = async (teamId: string, name: string, validFrom = '2023-01-01') =>
    (
      await ok(
        call('POST', `/api/teams/${teamId}/members`, { cookie: admin, payload: { name, validFrom } }),
        201,
      )
    ).id as string;
  const assign = (teamId: string, households: BuiltHousehold[], validFrom = '2023-06-01') =>
    ok(
      call('POST', `/api/teams/${teamId}/households`, {
        cookie: admin,
        payload: { householdIds: households.map((household) => household.id), validFrom },
      }),
    );
  const t1 = await team(g1, 'team', 'Tổ 1');
  const n1 = await team(g1, 'group', 'Nhóm 1');
  const n2 = await team(g2, 'group', 'Nhóm 2');
  const t2 = await team(w1, 'team', 'Tổ phường 1');
  const t3 = await team(w2, 'team', 'Tổ phường 2');
  await member(t1, 'Lê Văn Một');
  const leaving = await member(t1, 'Lê Văn Hai');
  await member(n1, 'Trần Thị Ba');
  await member(n2, 'Trần Thị Bốn');
  await member(n2, 'Trần Thị Năm');
  await member(t2, 'Phạm Văn Sáu');
  await member(t3, 'Phạm Văn Bảy');
  await assign(t1, [h[0]!, h[1]!, h[2]!]);
  await assign(n1, [h[0]!, h[1]!]);
  await assign(n2, [h[3]!, h[4]!]);
  await assign(t2, [h[3]!, h[4]!]);
  await assign(t3, [h[5]!]);
  // Membership and care ending exactly on 2024-06-30 do not count on that day.
  await ok(
    call('POST', `/api/team-members/${leaving}/end`, { cookie: admin, payload: { date: '2024-06-30' } }),
  );
  await ok(
    call('POST', `/api/teams/${t1}/households/${h[2]!.id}/end`, {
      cookie: admin,
      payload: { date: '2024-06-30' },
    }),
  );
  await ok(
    call('POST', `/api/units/${g2.code}/changes`, {
      cookie: admin,
      payload: { type: 'move', date: '2024-01-01', parentCode: w2.code },
    }),
  );
  await ok(call('POST', `/api/teams/${t2}/close`, { cookie: admin, payload: { date: '2024-03-01' } }));
  await assign(t3, [h[3]!], '2024-03-01');
  return { province, w1, w2, g1, g2, g3, admin, h, teams: { t1, n1, n2, t2, t3 } };
}

const figures = (cookie: string, unit: BuiltUnit, at: string) =>
  ok(call('GET', `/api/stats/self-governance?unit=${unit.code}&at=${at}`, { cookie }));

/** The same figures counted straight from the records, as their definition says. */
async function countFromRecords(unitId: string, at: string) {
  const subtree = (await findSubtreeAt(t.db, unitId, at)).map((unit) => unit.unitId);
  if (subtree.length === 0) return null;
  const [row] = await queryRows<Record<string, number>>(
    t.db,
    sql`WITH teams AS (
          SELECT id, kind FROM self_governing_teams
          WHERE unit_id IN ${subtree} AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at}))
        SELECT
          (SELECT count(*)::int FROM teams WHERE kind = 'team') AS "teams",
          (SELECT count(*)::int FROM team_members m JOIN teams ON teams.id = m.team_id
            WHERE teams.kind = 'team' AND m.valid_from <= ${at} AND (m.valid_to IS NULL OR m.valid_to > ${at})) AS "teamMembers",
          (SELECT count(*)::int FROM teams WHERE kind = 'group') AS "groups",
          (SELECT count(*)::int FROM team_members m JOIN teams ON teams.id = m.team_id
            WHERE teams.kind = 'group' AND m.valid_from <= ${at} AND (m.valid_to IS NULL OR m.valid_to > ${at})) AS "groupMembers",
          (SELECT count(DISTINCT a.household_id)::int FROM team_households a JOIN teams ON teams.id = a.team_id
            WHERE a.valid_from <= ${at} AND (a.valid_to IS NULL OR a.valid_to > ${at})) AS "householdsSupervised"`,
  );
  return row;
}

/** Households placed on the date below the unit, and of each category, counted from the records. */
async function householdsFromRecords(unitId: string, at: string) {
  const subtree = (await findSubtreeAt(t.db, unitId, at)).map((unit) => unit.unitId);
  const placed = sql`SELECT DISTINCT household_id FROM household_placements
    WHERE group_unit_id IN ${subtree} AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})`;
  const [total] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM (${placed}) p`);
  const categories = await queryRows<{ category: string; n: number }>(
    t.db,
    sql`SELECT category, count(DISTINCT household_id)::int AS n FROM household_categories
        WHERE household_id IN (${placed}) AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
        GROUP BY category`,
  );
  return {
    households: total!.n,
    byCategory: Object.fromEntries(categories.map((row) => [row.category, row.n])),
  };
}

describe('self-governance figures as of a date', () => {
  it('rolls up over the tree of each date: a moved group counts under the ward it was in then', async () => {
    const city = await buildCity();
    const viewer = await login(t.app, await buildViewer(t.db, city.province));
    expect(await figures(viewer, city.w1, '2023-12-31')).toEqual({
      teams: 2,
      teamMembers: 3,
      groups: 2,
      groupMembers: 3,
      householdsSupervised: 5,
    });
    expect(await figures(viewer, city.w2, '2023-12-31')).toEqual({
      teams: 1,
      teamMembers: 1,
      groups: 0,
      groupMembers: 0,
      householdsSupervised: 1,
    });
    expect(await figures(viewer, city.province, '2023-12-31')).toEqual({
      teams: 3,
      teamMembers: 4,
      groups: 2,
      groupMembers: 3,
      householdsSupervised: 6,
    });
    // After the move, with the ward team closed and a member and a household ending that very day.
    expect(await figures(viewer, city.w1, '2024-06-30')).toEqual({
      teams: 1,
      teamMembers: 1,
      groups: 1,
      groupMembers: 1,
      householdsSupervised: 2,
    });
    expect(await figures(viewer, city.w2, '2024-06-30')).toEqual({
      teams: 1,
      teamMembers: 1,
      groups: 1,
      groupMembers: 2,
      householdsSupervised: 3,
    });
    expect(await figures(viewer, city.province, '2024-06-30')).toEqual({
      teams: 2,
      teamMembers: 2,
      groups: 2,
      groupMembers: 3,
      householdsSupervised: 5,
    });
    // The day before, the member and the household still count.
    expect(await figures(viewer, city.g1, '2024-06-29')).toEqual({
      teams: 1,
      teamMembers: 2,
      groups: 1,
      groupMembers: 1,
      householdsSupervised: 3,
    });
    expect(await figures(viewer, city.province, '2022-12-31')).toEqual({
      teams: 0,
      teamMembers: 0,
      groups: 0,
      groupMembers: 0,
      householdsSupervised: 0,
    });
  });

  it('answers exactly the five figures, checks its input and hides units out of scope', async () => {
    const city = await buildCity();
    const response = await call('GET', `/api/stats/self-governance?unit=${city.w1.code}&at=2024-01-15`, {
      cookie: city.admin,
    });
    expect(Object.keys(response.json()).sort()).toEqual(
      ['groupMembers', 'groups', 'householdsSupervised', 'teamMembers', 'teams'].sort(),
    );
    const outsider = await login(t.app, await buildViewer(t.db, city.w2));
    const hidden = await call('GET', `/api/stats/self-governance?unit=${city.w1.code}&at=2024-06-30`, {
      cookie: outsider,
    });
    expect(hidden.statusCode).toBe(404);
    expect(
      (await call('GET', `/api/stats/self-governance/breakdown?unit=${city.w1.code}`, { cookie: outsider }))
        .statusCode,
    ).toBe(404);
    const badDate = await call('GET', `/api/stats/self-governance?unit=${city.w1.code}&at=2024-02-30`, {
      cookie: city.admin,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('at');
    expect((await call('GET', '/api/stats/self-governance', { cookie: city.admin })).statusCode).toBe(400);
    expect(
      (await call('GET', '/api/stats/self-governance?unit=NOPE1&at=2024-01-01', { cookie: city.admin }))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/stats/self-governance?unit=${city.w1.code}`)).statusCode).toBe(401);
  });

  it('breaks the figures down by the units below on the date, with households and their categories', async () => {
    const city = await buildCity();
    const before = await ok(
      call('GET', `/api/stats/self-governance/breakdown?unit=${city.w1.code}&at=2023-12-31`, {
        cookie: city.admin,
      }),
    );
    expect(before).toEqual({
      unitCode: city.w1.code,
      unitName: city.w1.name,
      at: '2023-12-31',
      total: {
        teams: 2,
        teamMembers: 3,
        groups: 2,
        groupMembers: 3,
        householdsSupervised: 5,
        households: 5,
        byCategory: { poor: 1, near_poor: 1 },
      },
      children: [
        {
          unitCode: city.g1.code,
          unitName: city.g1.name,
          kind: 'residential_group',
          teams: 1,
          teamMembers: 2,
          groups: 1,
          groupMembers: 1,
          householdsSupervised: 3,
          households: 3,
          byCategory: { poor: 1 },
        },
        {
          unitCode: city.g2.code,
          unitName: city.g2.name,
          kind: 'residential_group',
          teams: 0,
          teamMembers: 0,
          groups: 1,
          groupMembers: 2,
          householdsSupervised: 2,
          households: 2,
          byCategory: { near_poor: 1 },
        },
      ],
    });
    const after = await ok(
      call('GET', `/api/stats/self-governance/breakdown?unit=${city.w2.code}&at=2024-06-30`, {
        cookie: city.admin,
      }),
    );
    expect(after.total).toEqual({
      teams: 1,
      teamMembers: 1,
      groups: 1,
      groupMembers: 2,
      householdsSupervised: 3,
      households: 3,
      byCategory: { policy_family: 1 },
    });
    // By code: G2, which came over from the first ward, then G3.
    expect(after.children).toEqual([
      expect.objectContaining({
        unitCode: city.g2.code,
        groups: 1,
        householdsSupervised: 2,
        households: 2,
        byCategory: {},
      }),
      // The ward's own team is in the total only.
      expect.objectContaining({
        unitCode: city.g3.code,
        teams: 0,
        householdsSupervised: 0,
        households: 1,
        byCategory: { policy_family: 1 },
      }),
    ]);
    const wards = await ok(
      call('GET', `/api/stats/self-governance/breakdown?unit=${city.province.code}&at=2024-06-30`, {
        cookie: city.admin,
      }),
    );
    expect(
      wards.children.map((child: { unitCode: string; households: number; householdsSupervised: number }) => [
        child.unitCode,
        child.households,
        child.householdsSupervised,
      ]),
    ).toEqual([
      [city.w1.code, 3, 2],
      [city.w2.code, 3, 3],
    ]);
  });

  it('agrees with a count from the records after many dated changes', async () => {
    const city = await buildCity();
    const { admin, h, teams } = city;
    // A fixed pseudo-random sequence: the test reads the same every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const days = [
      '2023-02-01',
      '2023-07-15',
      '2023-11-30',
      '2024-01-01',
      '2024-02-29',
      '2024-04-10',
      '2024-08-01',
    ];
    const teamIds = Object.values(teams);
    const groups = [city.g1, city.g2, city.g3];
    let applied = 0;
    const count = (response: Awaited<ReturnType<typeof call>>) => {
      if (response.statusCode < 300) applied += 1;
    };
    for (let step = 0; step < 70; step += 1) {
      const team = teamIds[next(teamIds.length)]!;
      const household = h[next(h.length)]!;
      const day = days[next(days.length)]!;
      switch (next(7)) {
        case 0:
          count(
            await call('POST', `/api/teams/${team}/households`, {
              cookie: admin,
              payload: { householdIds: [household.id], validFrom: day },
            }),
          );
          break;
        case 1:
          count(
            await call('POST', `/api/teams/${team}/households/${household.id}/end`, {
              cookie: admin,
              payload: { date: day },
            }),
          );
          break;
        case 2:
          count(
            await call('POST', `/api/teams/${team}/members`, {
              cookie: admin,
              payload: { name: `Thành viên ${step}`, validFrom: day },
            }),
          );
          break;
        case 3: {
          // A move to another residential group, after the household's current placement began.
          const [current] = await queryRows<{ from: string }>(
            t.db,
            sql`SELECT valid_from::text AS "from" FROM household_placements
                WHERE household_id = ${household.id} AND valid_to IS NULL`,
          );
          if (current && current.from < day) {
            await moveHousehold(t.db, household.id, groups[next(groups.length)]!, day);
            applied += 1;
          }
          break;
        }
        case 4: {
          // A category from a date, unless the household holds it then (the register refuses overlaps).
          const category = ['poor', 'near_poor', 'disability'][next(3)]!;
          const [overlap] = await queryRows<{ n: number }>(
            t.db,
            sql`SELECT count(*)::int AS n FROM household_categories
                WHERE household_id = ${household.id} AND category = ${category} AND (valid_to IS NULL OR valid_to > ${day})`,
          );
          if (overlap!.n === 0) {
            await t.db
              .insert(householdCategories)
              .values({ householdId: household.id, category, validFrom: day });
            applied += 1;
          }
          break;
        }
        case 5:
          await t.db.execute(
            sql`UPDATE household_categories SET valid_to = ${day}
                WHERE household_id = ${household.id} AND valid_from < ${day} AND (valid_to IS NULL OR valid_to > ${day})`,
          );
          break;
        default: {
          const detail = await ok(call('GET', `/api/teams/${team}?at=2023-01-01`, { cookie: admin }));
          const member = detail.members[next(Math.max(detail.members.length, 1))];
          if (member) {
            await call('POST', `/api/team-members/${member.id}/end`, {
              cookie: admin,
              payload: { date: day },
            });
          }
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
    // A household deleted on request takes its placements, categories and care with it.
    await t.db.execute(sql`DELETE FROM households WHERE id = ${h[4]!.id}`);
    let compared = 0;
    for (const unit of [city.province, city.w1, city.w2, city.g1, city.g2, city.g3]) {
      for (const day of [...days, '2024-06-30', '2025-01-01']) {
        const expected = await countFromRecords(unit.unitId, day);
        if (!expected) continue;
        expect(await figures(admin, unit, day), `${unit.code} on ${day}`).toEqual(expected);
        const breakdown = await ok(
          call('GET', `/api/stats/self-governance/breakdown?unit=${unit.code}&at=${day}`, { cookie: admin }),
        );
        const { households, byCategory } = breakdown.total;
        expect({ households, byCategory }, `households of ${unit.code} on ${day}`).toEqual(
          await householdsFromRecords(unit.unitId, day),
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // What the triggers kept is what a recomputation from the records gives.
    expect(await rebuildFigures({ db: t.db, ctx: systemContext(), apply: false })).toEqual(noneDiffer);
  });

  it('tells when the kept figures differ from the records, and recomputes them', async () => {
    const city = await buildCity();
    const check = () => rebuildFigures({ db: t.db, ctx: systemContext(), apply: false });
    expect(await check()).toEqual(noneDiffer);
    const right = await figures(city.admin, city.w1, '2024-06-30');
    // A change made behind the application's back.
    await t.db.execute(sql`UPDATE team_figure_deltas SET delta = delta + 5
      WHERE unit_id = ${city.g1.unitId} AND measure = 'members'`);
    expect((await figures(city.admin, city.w1, '2024-06-30')).teamMembers).not.toBe(right.teamMembers);
    expect((await check()).teams).toBeGreaterThan(0);
    // Checking wrote nothing.
    expect((await check()).teams).toBeGreaterThan(0);
    const rebuilt = await rebuildFigures({ db: t.db, ctx: systemContext(), apply: true });
    expect(rebuilt.teams).toBeGreaterThan(0);
    expect(await figures(city.admin, city.w1, '2024-06-30')).toEqual(right);
    expect(await check()).toEqual(noneDiffer);
    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'self_governance_figures'`,
    );
    expect(audit!.n).toBe(1);
  });
});
