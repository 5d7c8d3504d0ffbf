import { comparePersonNames, splitFullName } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfficer, buildStandingCommittee, buildViewer, login } from '../../../test/factories';
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

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  giveSealer(t);
});
afterAll(() => t.close());

type Member = { id: string; ho: string; tenDem: string; ten: string; relation: string; isHead: boolean };
const detail = async (id: string, cookie: string) =>
  (await t.call('GET', `/api/households/${id}`, { cookie })).json();

describe('persons of a household', () => {
  it('adds a person, refusing a second head', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const { id } = await createHousehold(t, cookie, { group: tree.groupA1 });
    const added = await t.call('POST', `/api/households/${id}/persons`, {
      cookie,
      payload: { fullName: 'Nguyễn Thị Mai Anh', relation: 'child', sex: 'female', birthDate: '2010-02-03' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ id: expect.any(String), duplicates: [] });
    const second = await t.call('POST', `/api/households/${id}/persons`, {
      cookie,
      payload: { fullName: 'Lê Văn Tám', relation: 'head' },
    });
    expect(second.statusCode).toBe(409);
    const members: Member[] = (await detail(id, cookie)).members;
    expect(members.map((m) => [m.ho, m.tenDem, m.ten, m.relation])).toEqual([
      ['Nguyễn', 'Văn', 'An', 'head'],
      ['Nguyễn', 'Thị Mai', 'Anh', 'child'],
    ]);
    const bad = await t.call('POST', `/api/households/${id}/persons`, {
      cookie,
      payload: { fullName: '   ', relation: 'cousin', birthYear: 1700, citizenId: '123456789' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['relation', 'citizenId']);
    expect(bad.json().fields[1].messageEn).toBe(
      'This is an old 9-digit identity card number; the 12-digit citizen ID is needed',
    );
  });

  it('changes a person checked again as a whole against what is stored', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const { id } = await createHousehold(t, cookie, {
      group: tree.groupA1,
      members: [head({ citizenId: citizenIdFor('male', 1975) }), member()],
    });
    const [headRow, wife] = (await detail(id, cookie)).members as Member[];
    const patch = (personId: string, payload: unknown) =>
      t.call('PATCH', `/api/persons/${personId}`, { cookie, payload });

    // The stored citizen ID says male, born 1975.
    const wrongSex = await patch(headRow!.id, { sex: 'female' });
    expect(wrongSex.statusCode).toBe(400);
    expect(wrongSex.json().fields).toEqual([
      {
        path: 'citizenId',
        message: 'Giới tính không khớp với số CCCD',
        messageEn: 'The sex does not match the citizen ID',
      },
    ]);
    expect((await patch(headRow!.id, { birthDate: '1976-01-01' })).statusCode).toBe(400);
    expect((await patch(headRow!.id, { birthDate: '1975-12-31' })).statusCode).toBe(200);

    const renamed = await patch(wife!.id, { fullName: 'Trần Thị Ngọc Bích', phone: '0912 000 111' });
    expect(renamed.statusCode).toBe(200);
    const afterRename = (await detail(id, cookie)).members as Array<Member & { phone: string }>;
    expect(afterRename[1]).toMatchObject({
      ho: 'Trần',
      tenDem: 'Thị Ngọc',
      ten: 'Bích',
      phone: '0912000111',
    });
    const search = await t.call(
      'GET',
      `/api/households?unit=${tree.wardA.code}&at=2024-06-01&q=ngoc%20bich`,
      {
        cookie,
      },
    );
    expect(search.json().items.map((item: { id: string }) => item.id)).toEqual([id]);

    // One head at a time: demote first, then promote.
    expect((await patch(wife!.id, { relation: 'head' })).statusCode).toBe(409);
    expect((await patch(headRow!.id, { relation: 'husband' })).statusCode).toBe(200);
    expect((await patch(wife!.id, { relation: 'head' })).statusCode).toBe(200);
    const heads = ((await detail(id, cookie)).members as Member[]).map((m) => [m.id, m.isHead]);
    expect(heads).toEqual([
      [wife!.id, true],
      [headRow!.id, false],
    ]);
    expect((await patch(wife!.id, { isHead: false })).statusCode).toBe(400);

    expect((await patch('00000000-0000-4000-8000-000000000000', { phone: null })).statusCode).toBe(404);
    expect((await patch('nope', { phone: null })).statusCode).toBe(400);
    const viewer = await login(t.app, await buildViewer(t.db, tree.wardA));
    expect(
      (await t.call('PATCH', `/api/persons/${wife!.id}`, { cookie: viewer, payload: { phone: null } }))
        .statusCode,
    ).toBe(403);
  });

  it('lists residents by tên, tên đệm, họ in Vietnamese order, searchable without diacritics', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    await createHousehold(t, cookie, {
      group: tree.groupA1,
      members: [
        head({ fullName: 'Nguyễn Văn Bình' }),
        member({ fullName: 'Trần Thị Ánh' }),
        member({ fullName: 'Lê Thị An', relation: 'mother', birthDate: '1950-01-01' }),
      ],
    });
    await createHousehold(t, cookie, {
      group: tree.groupA2,
      members: [
        head({ fullName: 'Đặng Văn Ân' }),
        member({ fullName: 'Phạm Đức Anh', relation: 'husband', sex: 'male' }),
        member({ fullName: 'Vũ Thị Anh' }),
        member({ fullName: 'Đỗ Ngọc Ăn', relation: 'child', sex: 'male', birthDate: '2010-01-01' }),
      ],
    });
    const response = await t.call('GET', `/api/persons?unit=${tree.wardA.code}&at=2024-06-01`, { cookie });
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((p: { fullName: string }) => p.fullName);
    expect(names).toEqual([
      'Lê Thị An',
      'Phạm Đức Anh',
      'Trần Thị Ánh',
      'Vũ Thị Anh',
      'Đỗ Ngọc Ăn',
      'Đặng Văn Ân',
      'Nguyễn Văn Bình',
    ]);
    // The database's byte order of the sort key is the domain's Vietnamese order.
    expect(
      [...names].sort((a: string, b: string) => comparePersonNames(splitFullName(a), splitFullName(b))),
    ).toEqual(names);
    expect(response.json().total).toBe(7);
    const search = await t.call('GET', `/api/persons?unit=${tree.wardA.code}&at=2024-06-01&q=thi%20anh`, {
      cookie,
    });
    expect(search.json().items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Trần Thị Ánh',
      'Vũ Thị Anh',
    ]);
    const page = await t.call('GET', `/api/persons?unit=${tree.wardA.code}&at=2024-06-01&page=2&pageSize=3`, {
      cookie,
    });
    expect(page.json().items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Vũ Thị Anh',
      'Đỗ Ngọc Ăn',
      'Đặng Văn Ân',
    ]);
    const other = await login(t.app, await buildOfficer(t.db, tree.wardB));
    expect((await t.call('GET', `/api/persons?unit=${tree.wardA.code}`, { cookie: other })).statusCode).toBe(
      404,
    );
  });
});

describe('possible duplicates', () => {
  it('flags the same citizen ID anywhere and the same name and birth in one ward, shows them, and never merges', async () => {
    const tree = await buildHouseholdTree(t);
    const committee = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const officerA = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const officerB = await login(t.app, await buildOfficer(t.db, tree.wardB));
    const shared = citizenIdFor('male', 1980);
    const first = await createHousehold(t, officerA, {
      group: tree.groupA1,
      members: [head({ fullName: 'Hoàng Văn Sơn', birthDate: '1980-04-04', citizenId: shared })],
    });
    expect(first.duplicates).toEqual([]);

    // The same name and birth date in the same ward, written without the same diacritics' case.
    const second = await createHousehold(t, officerA, {
      group: tree.groupA2,
      members: [head({ fullName: 'HOÀNG VĂN SƠN', birthDate: '1980-04-04' })],
    });
    expect(second.duplicates).toMatchObject([
      {
        personName: 'HOÀNG VĂN SƠN',
        otherName: 'Hoàng Văn Sơn',
        otherHouseholdId: first.id,
        reason: 'name_birth',
        status: 'open',
      },
    ]);

    // The same name and birth in another ward is not a duplicate; the same citizen ID is.
    const third = await createHousehold(t, officerB, {
      group: tree.groupB1,
      members: [head({ fullName: 'Hoàng Văn Sơn', birthDate: '1980-04-04', citizenId: shared })],
    });
    expect(third.duplicates).toHaveLength(1);
    // Officer B may not see who the other person in ward A is.
    expect(third.duplicates[0]).toMatchObject({
      reason: 'citizen_id',
      otherName: null,
      otherHouseholdId: null,
      otherHouseholdCode: null,
    });

    const firstDetail = await detail(first.id, officerA);
    expect(
      firstDetail.duplicates.map((d: { reason: string; otherName: string | null }) => [
        d.reason,
        d.otherName,
      ]),
    ).toEqual([
      ['name_birth', 'HOÀNG VĂN SƠN'],
      ['citizen_id', null],
    ]);

    const listA = await t.call('GET', `/api/duplicates?unit=${tree.wardA.code}`, { cookie: officerA });
    expect(listA.statusCode).toBe(200);
    expect(listA.json().items).toHaveLength(2);
    expect(listA.json().items.every((item: { wardCode: string }) => item.wardCode === tree.wardA.code)).toBe(
      true,
    );
    const listB = await t.call('GET', `/api/duplicates?unit=${tree.wardB.code}`, { cookie: officerB });
    expect(listB.json().items).toMatchObject([
      { reason: 'citizen_id', householdId: third.id, wardCode: tree.wardB.code, otherName: null },
    ]);
    const listDistrict = await t.call('GET', `/api/duplicates?unit=${tree.district.code}`, {
      cookie: committee,
    });
    expect(listDistrict.json().items).toHaveLength(2);
    expect(
      (await t.call('GET', `/api/duplicates?unit=${tree.wardA.code}`, { cookie: officerB })).statusCode,
    ).toBe(404);

    const flagId = second.duplicates[0]!.id as string;
    const resolve = (cookie: string, status: string) =>
      t.call('POST', `/api/duplicates/${flagId}/resolve`, { cookie, payload: { status } });
    expect((await resolve(officerB, 'not_duplicate')).statusCode).toBe(404);
    const viewer = await login(t.app, await buildViewer(t.db, tree.wardA));
    expect((await resolve(viewer, 'not_duplicate')).statusCode).toBe(403);
    expect((await resolve(officerA, 'merged')).statusCode).toBe(400);
    const resolved = await resolve(officerA, 'not_duplicate');
    expect(resolved.json()).toEqual({ id: flagId, status: 'not_duplicate' });
    const open = await t.call('GET', `/api/duplicates?unit=${tree.wardA.code}&status=open`, {
      cookie: officerA,
    });
    expect(open.json().items.map((item: { reason: string }) => item.reason)).toEqual(['citizen_id']);
    const closed = await t.call('GET', `/api/duplicates?unit=${tree.wardA.code}&status=not_duplicate`, {
      cookie: officerA,
    });
    expect(closed.json().items.map((item: { id: string }) => item.id)).toEqual([flagId]);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'duplicate_flag' AND entity_id = ${flagId}`,
    );
    expect(audit).toEqual([{ action: 'update' }]);
    // Never merged: all three persons still there.
    const persons = await queryRows<{ n: string | number }>(
      t.db,
      sql`SELECT count(*) AS n FROM persons WHERE household_id IN (${first.id}, ${second.id}, ${third.id})`,
    );
    expect(Number(persons[0]?.n)).toBe(3);
  });

  it('flags a person added or changed later', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const first = await createHousehold(t, cookie, {
      group: tree.groupA1,
      members: [head({ fullName: 'Bùi Thị Lan', sex: 'female', birthDate: null, birthYear: 1990 })],
    });
    const second = await createHousehold(t, cookie, { group: tree.groupA2 });
    const added = await t.call('POST', `/api/households/${second.id}/persons`, {
      cookie,
      payload: { fullName: 'Bùi Thị Lan', relation: 'wife', sex: 'female', birthDate: '1990-08-08' },
    });
    expect(added.json().duplicates).toMatchObject([{ reason: 'name_birth', otherHouseholdId: first.id }]);
    const lonely = await t.call('POST', `/api/households/${second.id}/persons`, {
      cookie,
      payload: { fullName: 'Bùi Văn Lâm', relation: 'child', sex: 'male', birthDate: '2012-08-08' },
    });
    expect(lonely.json().duplicates).toEqual([]);
    const citizenId = citizenIdFor('male', 2012);
    const third = await createHousehold(t, cookie, {
      group: tree.groupA2,
      members: [head({ fullName: 'Trịnh Văn Lâm', birthDate: '2012-01-01', citizenId })],
    });
    await t.call('PATCH', `/api/persons/${lonely.json().id}`, { cookie, payload: { citizenId } });
    const flags = (await detail(third.id, cookie)).duplicates;
    expect(flags).toMatchObject([{ reason: 'citizen_id', otherPersonId: lonely.json().id }]);
  });
});
