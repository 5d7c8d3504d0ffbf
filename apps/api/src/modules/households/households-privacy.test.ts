import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOfficer,
  buildStandingCommittee,
  buildTreasurer,
  buildUser,
  buildViewer,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import {
  buildHouseholdTree,
  citizenIdFor,
  createHousehold,
  giveSealer,
  head,
  member,
} from '../../../test/household-factories';
import { queryRows } from '../../db/client';
import type { Sealer } from '../../lib/crypto';

let t: TestApp;
let sealer: Sealer;
beforeAll(async () => {
  t = await createTestApp();
  sealer = giveSealer(t);
});
afterAll(() => t.close());

const allAuditText = async () =>
  (
    await queryRows<{ text: string | null }>(
      t.db,
      sql`SELECT string_agg(coalesce(before::text, '') || ' ' || coalesce(after::text, ''), ' ') AS text FROM audit_events`,
    )
  )[0]?.text ?? '';

const auditOf = (entityId: string) =>
  queryRows<{ action: string; actor_username: string | null; before: unknown; after: unknown }>(
    t.db,
    sql`SELECT action, actor_username, before, after FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`,
  );

async function householdWithSecrets() {
  const tree = await buildHouseholdTree(t);
  const officer = await login(t.app, await buildOfficer(t.db, tree.wardA));
  const citizenId = citizenIdFor('female', 1982);
  const { id } = await createHousehold(t, officer, {
    group: tree.groupA1,
    members: [
      head({
        fullName: 'Quách Thị Hạnh',
        sex: 'female',
        birthDate: '1982-06-06',
        citizenId,
        health: 'Tiểu đường',
      }),
      member({ fullName: 'Lò Văn Páo', relation: 'husband', sex: 'male', disability: 'Khiếm thị' }),
    ],
  });
  const detail = (await t.call('GET', `/api/households/${id}`, { cookie: officer })).json();
  return { tree, officer, citizenId, householdId: id, headId: detail.members[0].id as string, detail };
}

describe('sensitive data at rest and in lists', () => {
  it('seals the citizen ID, health and disability, and shows only the mask', async () => {
    const { tree, officer, citizenId, headId, detail } = await householdWithSecrets();
    expect(detail.members[0]).toMatchObject({
      citizenIdMasked: `${citizenId.slice(0, 3)}*******${citizenId.slice(-2)}`,
      hasHealth: true,
      hasDisability: false,
    });
    expect(detail.members[1]).toMatchObject({ citizenIdMasked: null, hasHealth: false, hasDisability: true });
    expect(JSON.stringify(detail)).not.toContain(citizenId);
    expect(JSON.stringify(detail)).not.toContain('Tiểu đường');

    const row = await queryRows<{ text: string; citizen_id_sealed: string }>(
      t.db,
      sql`SELECT row_to_json(p)::text AS text, citizen_id_sealed FROM persons p WHERE id = ${headId}`,
    );
    expect(row[0]?.text).not.toContain(citizenId);
    expect(row[0]?.text).not.toContain('Tiểu đường');
    // Bound to its row: it opens here and nowhere else.
    expect(sealer.open(row[0]!.citizen_id_sealed, `person:${headId}:citizen_id`)).toBe(citizenId);
    expect(() =>
      sealer.open(row[0]!.citizen_id_sealed, 'person:00000000-0000-4000-8000-000000000000:citizen_id'),
    ).toThrow();

    const list = await t.call('GET', `/api/persons?unit=${tree.wardA.code}&at=2024-06-01`, {
      cookie: officer,
    });
    expect(JSON.stringify(list.json())).not.toContain(citizenId);
    expect(list.json().items.map((p: { citizenIdMasked: string | null }) => p.citizenIdMasked)).toContain(
      detail.members[0].citizenIdMasked,
    );
    const audit = await allAuditText();
    expect(audit).not.toContain(citizenId);
    expect(audit).not.toContain('Tiểu đường');
    expect(audit).not.toContain('Khiếm thị');
  });
});

describe('revealing', () => {
  it('opens the fields only for roles with the reveal permission on the unit, each time audited', async () => {
    const { tree, officer, citizenId, headId } = await householdWithSecrets();
    const reveal = (cookie: string, fields: unknown) =>
      t.call('POST', `/api/persons/${headId}/reveal`, { cookie, payload: { fields } });

    const opened = await reveal(officer, ['citizenId', 'health', 'disability']);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toEqual({ citizenId, health: 'Tiểu đường', disability: null });
    const events = (await auditOf(headId)).filter((event) => event.action === 'reveal');
    expect(events).toEqual([
      {
        action: 'reveal',
        actor_username: expect.any(String),
        before: null,
        after: { fields: ['citizenId', 'health', 'disability'] },
      },
    ]);

    const groupHead = await login(
      t.app,
      await buildUser(t.db, [{ role: 'residential_group_head', unit: tree.groupA1 }]),
    );
    expect((await reveal(groupHead, ['citizenId'])).json()).toEqual({ citizenId });
    const committee = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    expect((await reveal(committee, ['health'])).json()).toEqual({ health: 'Tiểu đường' });
    expect((await auditOf(headId)).filter((event) => event.action === 'reveal')).toHaveLength(3);

    const viewer = await login(t.app, await buildViewer(t.db, tree.wardA));
    const treasurer = await login(t.app, await buildTreasurer(t.db, tree.wardA));
    const otherOfficer = await login(t.app, await buildOfficer(t.db, tree.wardB));
    const otherGroupHead = await login(
      t.app,
      await buildUser(t.db, [{ role: 'residential_group_head', unit: tree.groupA2 }]),
    );
    expect((await reveal(viewer, ['citizenId'])).statusCode).toBe(403);
    expect((await reveal(treasurer, ['citizenId'])).statusCode).toBe(403);
    expect((await reveal(otherOfficer, ['citizenId'])).statusCode).toBe(404);
    expect((await reveal(otherGroupHead, ['citizenId'])).statusCode).toBe(404);
    expect((await reveal(officer, [])).statusCode).toBe(400);
    expect((await reveal(officer, ['religion'])).statusCode).toBe(400);
    expect((await auditOf(headId)).filter((event) => event.action === 'reveal')).toHaveLength(3);
  });

  it('exports everything held on a person, audited, only for those who may reveal', async () => {
    const { tree, officer, citizenId, householdId, headId } = await householdWithSecrets();
    await t.call('POST', `/api/households/${householdId}/categories`, {
      cookie: officer,
      payload: { category: 'near_poor', validFrom: '2023-01-01', detail: 'Thiếu hụt nhà ở' },
    });
    await t.call('POST', `/api/households/${householdId}/consents`, {
      cookie: officer,
      payload: { givenBy: 'Quách Thị Hạnh', purpose: 'Sổ hộ', givenOn: '2024-01-01' },
    });
    const response = await t.call('GET', `/api/persons/${headId}/export`, { cookie: officer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data.person).toMatchObject({
      id: headId,
      fullName: 'Quách Thị Hạnh',
      citizenId,
      health: 'Tiểu đường',
      disability: null,
      relationLabel: 'Chủ hộ',
    });
    expect(data.household).toMatchObject({
      id: householdId,
      placements: [{ groupCode: tree.groupA1.code, validFrom: '2024-01-01', validTo: null }],
      categories: [{ category: 'near_poor', standardPeriod: '2022-2026', detail: 'Thiếu hụt nhà ở' }],
      consents: [{ givenBy: 'Quách Thị Hạnh', purpose: 'Sổ hộ' }],
    });
    expect((await auditOf(headId)).at(-1)).toMatchObject({
      action: 'reveal',
      after: { export: true, fields: ['citizenId', 'health'] },
    });
    const viewer = await login(t.app, await buildViewer(t.db, tree.wardA));
    expect((await t.call('GET', `/api/persons/${headId}/export`, { cookie: viewer })).statusCode).toBe(403);
    expect(await allAuditText()).not.toContain('Thiếu hụt');
  });
});

describe('deletion on request', () => {
  it('erases a person, and the audit trail keeps that it happened, not the data', async () => {
    const { officer, citizenId, householdId, headId, tree } = await householdWithSecrets();
    // A possible duplicate of the person, which must go with the person.
    const other = await createHousehold(t, officer, {
      group: tree.groupA2,
      members: [head({ fullName: 'Quách Thị Hạnh', sex: 'female', birthDate: '1982-06-06', citizenId })],
    });
    expect(other.duplicates.length).toBeGreaterThan(0);
    await t.call('PATCH', `/api/persons/${headId}`, { cookie: officer, payload: { phone: '0912345678' } });

    expect((await t.call('DELETE', `/api/persons/${headId}`, { cookie: officer })).statusCode).toBe(400);
    expect(
      (await t.call('DELETE', `/api/persons/${headId}?reason=%20`, { cookie: officer })).statusCode,
    ).toBe(400);
    const viewer = await login(t.app, await buildViewer(t.db, tree.wardA));
    expect(
      (
        await t.call('DELETE', `/api/persons/${headId}?reason=Theo%20y%C3%AAu%20c%E1%BA%A7u`, {
          cookie: viewer,
        })
      ).statusCode,
    ).toBe(403);
    const erased = await t.call('DELETE', `/api/persons/${headId}?reason=Theo%20y%C3%AAu%20c%E1%BA%A7u`, {
      cookie: officer,
    });
    expect(erased.statusCode).toBe(204);

    expect(await queryRows(t.db, sql`SELECT 1 FROM persons WHERE id = ${headId}`)).toEqual([]);
    expect(
      await queryRows(
        t.db,
        sql`SELECT 1 FROM duplicate_flags WHERE person_id = ${headId} OR other_person_id = ${headId}`,
      ),
    ).toEqual([]);
    const detail = (await t.call('GET', `/api/households/${householdId}`, { cookie: officer })).json();
    expect(detail.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Lò Văn Páo']);
    const search = await t.call('GET', `/api/households?unit=${tree.groupA1.code}&at=2024-06-01&q=quach`, {
      cookie: officer,
    });
    expect(search.json().total).toBe(0);

    const events = await auditOf(headId);
    expect(events.map((event) => event.action)).toEqual(['update', 'delete']);
    expect(events.at(-1)?.after).toEqual({ householdId, erasedOnRequest: true, reason: 'Theo yêu cầu' });
    const text = JSON.stringify(events);
    for (const personal of [citizenId, 'Quách', 'Hạnh', 'Tiểu đường', '0912345678', '1982-06-06']) {
      expect(text).not.toContain(personal);
    }
    expect(await allAuditText()).not.toContain('Quách');
    expect((await t.call('DELETE', `/api/persons/${headId}?reason=x`, { cookie: officer })).statusCode).toBe(
      404,
    );
  });

  it('erases a person who serves on a team and whose household is in its care', async () => {
    const { officer, householdId, headId, tree } = await householdWithSecrets();
    const team = await t.call('POST', '/api/teams', {
      cookie: officer,
      payload: {
        kind: 'team',
        unitCode: tree.groupA1.code,
        name: 'Tổ tự quản số 1',
        validFrom: '2024-01-01',
      },
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id as string;
    const joined = await t.call('POST', `/api/teams/${teamId}/members`, {
      cookie: officer,
      payload: { personId: headId, role: 'leader', validFrom: '2024-01-01' },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const cared = await t.call('POST', `/api/teams/${teamId}/households`, {
      cookie: officer,
      payload: { householdIds: [householdId], validFrom: '2024-01-01' },
    });
    expect(cared.statusCode, cared.body).toBe(200);

    const erased = await t.call('DELETE', `/api/persons/${headId}?reason=Theo%20y%C3%AAu%20c%E1%BA%A7u`, {
      cookie: officer,
    });
    expect(erased.statusCode, erased.body).toBe(204);
    // The team keeps a member on that date, but no longer the person's name or phone.
    const members = await queryRows<{ name: string; person_id: string | null; phone: string | null }>(
      t.db,
      sql`SELECT name, person_id, phone FROM team_members WHERE team_id = ${teamId}`,
    );
    expect(members).toHaveLength(1);
    expect(members[0]?.person_id).toBeNull();
    expect(members[0]?.name).not.toContain('Quách');
    expect(members[0]?.phone).toBeNull();

    const gone = await t.call(
      'DELETE',
      `/api/households/${householdId}?reason=Theo%20y%C3%AAu%20c%E1%BA%A7u`,
      {
        cookie: officer,
      },
    );
    expect(gone.statusCode, gone.body).toBe(204);
    const stats = await t.call('GET', `/api/stats/self-governance?unit=${tree.groupA1.code}&at=2024-06-01`, {
      cookie: officer,
    });
    expect(stats.json()).toMatchObject({ teams: 1, teamMembers: 1, householdsSupervised: 0 });
  });

  it('erases a whole household with everything held on it', async () => {
    const { officer, householdId, detail, tree } = await householdWithSecrets();
    await t.call('POST', `/api/households/${householdId}/categories`, {
      cookie: officer,
      payload: { category: 'disability', validFrom: '2023-01-01', detail: 'Khiếm thị nặng' },
    });
    await t.call('POST', `/api/households/${householdId}/consents`, {
      cookie: officer,
      payload: { givenBy: 'Quách Thị Hạnh', purpose: 'Sổ hộ', givenOn: '2024-01-01' },
    });
    const other = await login(t.app, await buildOfficer(t.db, tree.wardB));
    expect(
      (await t.call('DELETE', `/api/households/${householdId}?reason=x`, { cookie: other })).statusCode,
    ).toBe(403);
    const erased = await t.call('DELETE', `/api/households/${householdId}?reason=Chuy%E1%BB%83n%20%C4%91i`, {
      cookie: officer,
    });
    expect(erased.statusCode).toBe(204);
    for (const table of [
      'households',
      'persons',
      'household_placements',
      'household_categories',
      'household_consents',
    ]) {
      const column = table === 'households' ? 'id' : 'household_id';
      const rows = await queryRows(
        t.db,
        sql`SELECT 1 FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${householdId}`,
      );
      expect(rows, table).toEqual([]);
    }
    expect((await t.call('GET', `/api/households/${householdId}`, { cookie: officer })).statusCode).toBe(404);
    const events = await auditOf(householdId);
    expect(events.at(-1)).toMatchObject({
      action: 'delete',
      after: { erasedOnRequest: true, reason: 'Chuyển đi', memberCount: 2 },
    });
    const text = await allAuditText();
    for (const personal of ['Quách', 'Páo', 'Số 1 ngõ 2', 'Khiếm thị']) expect(text).not.toContain(personal);
    expect(detail.members).toHaveLength(2);
  });
});

describe('without a data key', () => {
  it('refuses to store or open sensitive data, and still stores the rest', async () => {
    const { tree, officer, headId, householdId } = await householdWithSecrets();
    t.app.sealer = null;
    try {
      const refused = await t.call('POST', '/api/households', {
        cookie: officer,
        payload: {
          groupCode: tree.groupA1.code,
          at: '2024-01-01',
          code: 'NO-KEY-1',
          members: [head({ citizenId: citizenIdFor('male', 1975) })],
        },
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({
        code: 'unavailable',
        messageEn:
          'No data key is configured (DOANKET_DATA_KEY): sensitive personal data cannot be stored or read',
      });
      expect(await queryRows(t.db, sql`SELECT 1 FROM households WHERE code = 'NO-KEY-1'`)).toEqual([]);
      const plain = await t.call('POST', '/api/households', {
        cookie: officer,
        payload: { groupCode: tree.groupA1.code, at: '2024-01-01', code: 'NO-KEY-2', members: [head()] },
      });
      expect(plain.statusCode).toBe(201);
      const reveal = await t.call('POST', `/api/persons/${headId}/reveal`, {
        cookie: officer,
        payload: { fields: ['citizenId'] },
      });
      expect(reveal.statusCode).toBe(503);
      const patch = await t.call('PATCH', `/api/persons/${headId}`, {
        cookie: officer,
        payload: { health: 'Cao huyết áp' },
      });
      expect(patch.statusCode).toBe(503);
      const category = await t.call('POST', `/api/households/${householdId}/categories`, {
        cookie: officer,
        payload: { category: 'poor', validFrom: '2024-01-01', detail: 'x' },
      });
      expect(category.statusCode).toBe(503);
      expect((await t.call('GET', `/api/households/${householdId}`, { cookie: officer })).statusCode).toBe(
        200,
      );
    } finally {
      t.app.sealer = sealer;
    }
  });
});
