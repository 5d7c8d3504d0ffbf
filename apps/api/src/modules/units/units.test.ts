import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAdmin,
  buildOfficer,
  buildReformedTree,
  buildResidentialGroup,
  buildStandingCommittee,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { findSubtreeAt, insertVersion } from './units.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: unknown, cookie: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

describe('health and validation', () => {
  it('answers the health check without a session', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('asks for a session on scoped routes', async () => {
    const response = await get('/api/units');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: 'Cần đăng nhập', messageEn: 'Login required' });
  });

  it('answers bad input with field errors in Vietnamese and English, never 500', async () => {
    const cookie = await login(t.app, await buildAdmin(t.db));
    const badDate = await get('/api/units?at=2024-13-01', cookie);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields).toEqual([
      {
        path: 'at',
        message: 'Ngày không hợp lệ, cần dạng YYYY-MM-DD',
        messageEn: 'Invalid date, expected YYYY-MM-DD',
      },
    ]);
    const badBody = await post(
      '/api/units',
      { parentCode: '', name: '  ', kind: 'ward', validFrom: 'x' },
      cookie,
    );
    expect(badBody.statusCode).toBe(400);
    expect(
      badBody
        .json()
        .fields.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['kind', 'name', 'parentCode', 'validFrom']);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"parentCode": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toBe('Yêu cầu không hợp lệ');
    const weird = await get(`/api/units/${encodeURIComponent("'; DROP TABLE units;--")}`, cookie);
    expect(weird.statusCode).toBe(400);
    // PostgreSQL text cannot hold NUL: it is refused as input, never a 500.
    const nulQuery = await get('/api/units/search?q=a%00b', cookie);
    expect(nulQuery.statusCode).toBe(400);
    expect(nulQuery.json().fields).toEqual([
      {
        path: 'q',
        message: 'Có ký tự điều khiển không hợp lệ (NUL)',
        messageEn: 'Contains an invalid control character (NUL)',
      },
    ]);
    const nulBody = await post(
      '/api/units',
      { parentCode: 'X1', name: 'Tổ\u0000', kind: 'residential_group', validFrom: '2024-01-01' },
      cookie,
    );
    expect(nulBody.statusCode).toBe(400);
    expect(nulBody.json().fields[0].path).toBe('name');
  });
});

describe('the tree as of a date', () => {
  it('shows the district and its wards before the reform and the new ward after it', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const before = await get(`/api/units?parent=${tree.province.code}&at=2024-01-01`, cookie);
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toEqual([
      expect.objectContaining({
        code: tree.district.code,
        kind: 'district',
        validFrom: '2014-04-01',
        validTo: '2025-07-01',
        hasChildren: true,
        parentCode: tree.province.code,
      }),
    ]);
    const wards = await get(`/api/units?parent=${tree.district.code}&at=2025-06-30`, cookie);
    expect(wards.json().items.map((unit: { code: string }) => unit.code)).toEqual([
      tree.wardA.code,
      tree.wardB.code,
    ]);
    const after = await get(`/api/units?parent=${tree.province.code}&at=2025-07-01`, cookie);
    expect(after.json().items.map((unit: { code: string }) => unit.code)).toEqual([tree.newWard.code]);
    const gone = await get(`/api/units?parent=${tree.district.code}&at=2025-07-01`, cookie);
    expect(gone.statusCode).toBe(404);
  });

  it('tells apart two units that used the same code at different times', async () => {
    const tree = await buildReformedTree(t.db);
    await buildWard(t.db, tree.province, {
      code: tree.wardB.code,
      name: 'Phường Mới Cùng Mã',
      validFrom: '2025-07-01',
      validTo: null,
    });
    const cookie = await login(t.app, await buildAdmin(t.db));
    const old = await get(`/api/units/${tree.wardB.code}?at=2024-05-01`, cookie);
    const now = await get(`/api/units/${tree.wardB.code}?at=2026-01-01`, cookie);
    expect(old.json()).toMatchObject({ name: tree.wardB.name, parentCode: tree.district.code });
    expect(now.json()).toMatchObject({ name: 'Phường Mới Cùng Mã', parentCode: tree.province.code });
    expect(now.json().path.map((step: { code: string }) => step.code)).toEqual([
      tree.province.code,
      tree.wardB.code,
    ]);
  });

  it('gives predecessors and successors with their type and date', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const lineage = await get(`/api/units/${tree.newWard.code}/lineage?at=2026-01-01`, cookie);
    expect(lineage.statusCode).toBe(200);
    expect(lineage.json()).toEqual({
      predecessors: [
        expect.objectContaining({
          code: tree.wardA.code,
          name: tree.wardA.name,
          type: 'full',
          date: '2025-07-01',
        }),
        expect.objectContaining({
          code: tree.wardB.code,
          name: tree.wardB.name,
          type: 'partial',
          date: '2025-07-01',
        }),
      ].sort(() => 0),
      successors: [],
    });
    const forward = await get(`/api/units/${tree.wardA.code}/lineage?at=2024-01-01`, cookie);
    expect(forward.json().successors).toEqual([
      expect.objectContaining({ code: tree.newWard.code, type: 'full', date: '2025-07-01' }),
    ]);
  });

  it('finds units without diacritics', async () => {
    const tree = await buildReformedTree(t.db);
    const ward = await buildWard(t.db, tree.district, { name: 'Phường Đông Ngạc Thử' });
    const cookie = await login(t.app, await buildAdmin(t.db));
    const response = await get('/api/units/search?q=dong%20ngac%20thu&at=2024-01-01', cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        code: ward.code,
        path: [
          { code: tree.province.code, name: tree.province.name },
          { code: tree.district.code, name: tree.district.name },
        ],
      }),
    ]);
  });
});

describe('residential groups', () => {
  it('adds a group under a ward with a new code, and audits it in the same request', async () => {
    const tree = await buildReformedTree(t.db);
    const officer = await buildOfficer(t.db, tree.wardA);
    const cookie = await login(t.app, officer);
    const response = await post(
      '/api/units',
      {
        parentCode: tree.wardA.code,
        name: 'Tổ dân phố số 1',
        kind: 'residential_group',
        validFrom: '2024-03-01',
      },
      cookie,
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      code: `${tree.wardA.code}.001`,
      kind: 'residential_group',
      subkind: 'to_dan_pho',
      parentCode: tree.wardA.code,
      validFrom: '2024-03-01',
      validTo: '2025-07-01',
    });
    const second = await post(
      '/api/units',
      {
        parentCode: tree.wardA.code,
        name: 'Tổ dân phố số 2',
        kind: 'residential_group',
        validFrom: '2024-03-01',
      },
      cookie,
    );
    expect(second.json().code).toBe(`${tree.wardA.code}.002`);
    const children = await get(`/api/units?parent=${tree.wardA.code}&at=2024-06-01`, cookie);
    expect(children.json().items.map((unit: { name: string }) => unit.name)).toEqual([
      'Tổ dân phố số 1',
      'Tổ dân phố số 2',
    ]);

    const audit = await get(`/api/audit?unit=${tree.wardA.code}&at=2024-06-01`, cookie);
    expect(audit.statusCode).toBe(200);
    const events = audit.json().items;
    expect(events[0]).toMatchObject({
      actorUsername: officer.username,
      action: 'create',
      entityType: 'unit',
      entityId: `${tree.wardA.code}.002`,
      before: null,
      after: expect.objectContaining({ name: 'Tổ dân phố số 2' }),
      requestId: second.headers['x-request-id'],
    });
    expect(events[1]).toMatchObject({ entityId: `${tree.wardA.code}.001` });
  });

  it('gives distinct codes to groups added at the same moment, and one name only once', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const add = (name: string) =>
      post(
        '/api/units',
        { parentCode: tree.wardA.code, name, kind: 'residential_group', validFrom: '2024-01-01' },
        cookie,
      );
    const distinct = await Promise.all(Array.from({ length: 6 }, (_, i) => add(`Tổ song song ${i + 1}`)));
    expect(distinct.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(distinct.map((response) => response.json().code)).size).toBe(6);
    const same = await Promise.all([add('Tổ trùng tên'), add('Tổ trùng tên'), add('Tổ trùng tên')]);
    expect(same.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('refuses two groups of one name in a ward, and a parent that is not a ward', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const body = {
      parentCode: tree.wardA.code,
      name: 'Tổ dân phố số 9',
      kind: 'residential_group',
      validFrom: '2024-03-01',
    };
    expect((await post('/api/units', body, cookie)).statusCode).toBe(201);
    const duplicate = await post('/api/units', { ...body, name: 'tổ dân phố  số 9' }, cookie);
    expect(duplicate.statusCode).toBe(409);
    const underDistrict = await post('/api/units', { ...body, parentCode: tree.district.code }, cookie);
    expect(underDistrict.statusCode).toBe(400);
    const beforeWard = await post('/api/units', { ...body, name: 'Tổ mới', validFrom: '2010-01-01' }, cookie);
    expect(beforeWard.statusCode).toBe(404);
  });

  it('renames, moves and closes a group by dated changes, so it rolls up under the right ward on every date', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, { name: 'Tổ dân phố số 5' });
    const committee = await buildStandingCommittee(t.db, tree.district);
    const cookie = await login(t.app, committee);
    const moved = await post(
      `/api/units/${group.code}/changes`,
      { type: 'move', date: '2020-01-01', parentCode: tree.wardB.code },
      cookie,
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentCode: tree.wardB.code,
      validFrom: '2020-01-01',
      validTo: '2025-07-01',
    });
    const renamed = await post(
      `/api/units/${group.code}/changes`,
      { type: 'rename', date: '2022-01-01', name: 'Tổ dân phố Hoa Sen' },
      cookie,
    );
    expect(renamed.statusCode).toBe(200);
    const childrenOf = async (ward: string, at: string) =>
      (await get(`/api/units?parent=${ward}&at=${at}`, cookie))
        .json()
        .items.map((unit: { name: string }) => unit.name);
    expect(await childrenOf(tree.wardA.code, '2019-06-01')).toEqual(['Tổ dân phố số 5']);
    expect(await childrenOf(tree.wardB.code, '2019-06-01')).toEqual([]);
    expect(await childrenOf(tree.wardB.code, '2021-06-01')).toEqual(['Tổ dân phố số 5']);
    expect(await childrenOf(tree.wardB.code, '2023-06-01')).toEqual(['Tổ dân phố Hoa Sen']);
    const closed = await post(
      `/api/units/${group.code}/changes`,
      { type: 'close', date: '2024-01-01' },
      cookie,
    );
    expect(closed.statusCode).toBe(200);
    expect(await childrenOf(tree.wardB.code, '2024-06-01')).toEqual([]);
    const detail = await get(`/api/units/${group.code}?at=2023-01-01`, cookie);
    expect(
      detail
        .json()
        .versions.map((v: { name: string; parentCode: string; validFrom: string; validTo: string }) => [
          v.name,
          v.parentCode,
          v.validFrom,
          v.validTo,
        ]),
    ).toEqual([
      ['Tổ dân phố số 5', tree.wardA.code, '2014-04-01', '2020-01-01'],
      ['Tổ dân phố số 5', tree.wardB.code, '2020-01-01', '2022-01-01'],
      ['Tổ dân phố Hoa Sen', tree.wardB.code, '2022-01-01', '2024-01-01'],
    ]);
    const history = await get(`/api/audit?unit=${tree.wardB.code}&at=2023-01-01&entityType=unit`, cookie);
    expect(history.json().items.map((event: { action: string }) => event.action)).toEqual([
      'delete',
      'update',
      'update',
    ]);
  });

  it('rolls a group up under the ward it belonged to on each date, across the reform', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, { name: 'Tổ dân phố số 3' });
    const cookie = await login(t.app, await buildAdmin(t.db));
    await post(
      `/api/units/${group.code}/changes`,
      { type: 'move', date: '2021-01-01', parentCode: tree.wardB.code },
      cookie,
    );
    // The groups go on after the reform under the new ward, as the demo seed re-parents them.
    await insertVersion(t.db, {
      unitId: group.unitId,
      code: group.code,
      name: 'Tổ dân phố số 3',
      kind: 'residential_group',
      subkind: 'to_dan_pho',
      parentUnitId: tree.newWard.unitId,
      validFrom: '2025-07-01',
      validTo: null,
      resolution: null,
    });
    const groupsUnder = async (unitId: string, at: string) =>
      (await findSubtreeAt(t.db, unitId, at)).filter((unit) => unit.unitId === group.unitId).length;
    expect(await groupsUnder(tree.wardA.unitId, '2020-06-01')).toBe(1);
    expect(await groupsUnder(tree.wardB.unitId, '2020-06-01')).toBe(0);
    expect(await groupsUnder(tree.wardB.unitId, '2022-06-01')).toBe(1);
    expect(await groupsUnder(tree.district.unitId, '2022-06-01')).toBe(1);
    expect(await groupsUnder(tree.district.unitId, '2025-07-01')).toBe(0);
    expect(await groupsUnder(tree.newWard.unitId, '2026-01-01')).toBe(1);
    expect(await groupsUnder(tree.province.unitId, '2026-01-01')).toBe(1);
    expect(await groupsUnder(tree.province.unitId, '2020-06-01')).toBe(1);
  });

  it('refuses a change dated before the group existed, and a change of an official unit', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, { validFrom: '2020-01-01' });
    const cookie = await login(t.app, await buildAdmin(t.db));
    const early = await post(
      `/api/units/${group.code}/changes`,
      { type: 'rename', date: '2019-12-31', name: 'Tên mới' },
      cookie,
    );
    expect(early.statusCode).toBe(404);
    expect(early.json().message).toBe('Không tìm thấy đơn vị có mã này vào ngày đã chọn');
    const official = await post(
      `/api/units/${tree.wardA.code}/changes`,
      { type: 'rename', date: '2021-01-01', name: 'X' },
      cookie,
    );
    expect(official.statusCode).toBe(400);
  });

  it('corrects a version in place when a rename or move is dated its first day', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, {
      name: 'Tổ dân phố số 8',
      validFrom: '2020-01-01',
    });
    const cookie = await login(t.app, await buildAdmin(t.db));
    const renamed = await post(
      `/api/units/${group.code}/changes`,
      { type: 'rename', date: '2020-01-01', name: 'Tổ dân phố số 08' },
      cookie,
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Tổ dân phố số 08',
      validFrom: '2020-01-01',
      validTo: '2025-07-01',
    });
    const moved = await post(
      `/api/units/${group.code}/changes`,
      { type: 'move', date: '2020-01-01', parentCode: tree.wardB.code },
      cookie,
    );
    expect(moved.statusCode).toBe(200);
    const detail = await get(`/api/units/${group.code}?at=2021-01-01`, cookie);
    expect(
      detail.json().versions.map((v: { name: string; parentCode: string }) => [v.name, v.parentCode]),
    ).toEqual([['Tổ dân phố số 08', tree.wardB.code]]);
    const closeOnFirstDay = await post(
      `/api/units/${group.code}/changes`,
      { type: 'close', date: '2020-01-01' },
      cookie,
    );
    expect(closeOnFirstDay.statusCode).toBe(400);
  });

  it('closes a group for good: versions planned after the date go, and the audit keeps them', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, { validFrom: '2020-01-01' });
    const cookie = await login(t.app, await buildAdmin(t.db));
    await post(
      `/api/units/${group.code}/changes`,
      { type: 'rename', date: '2023-01-01', name: 'Tên mới' },
      cookie,
    );
    const close = await post(
      `/api/units/${group.code}/changes`,
      { type: 'close', date: '2021-01-01' },
      cookie,
    );
    expect(close.statusCode).toBe(200);
    expect(close.json()).toMatchObject({ validTo: '2021-01-01' });
    expect((await get(`/api/units/${group.code}?at=2023-06-01`, cookie)).statusCode).toBe(404);
    const detail = await get(`/api/units/${group.code}?at=2020-06-01`, cookie);
    expect(detail.json().versions).toHaveLength(1);
    const audit = await get(`/api/audit?unit=${tree.wardA.code}&at=2020-06-01&action=delete`, cookie);
    expect(audit.json().items[0].before.laterVersions).toEqual([
      expect.objectContaining({ name: 'Tên mới', validFrom: '2023-01-01' }),
    ]);
  });

  it('carries a group whose ward ended into a new ward by a move dated the day the ward ended', async () => {
    const tree = await buildReformedTree(t.db);
    const officer = await buildStandingCommittee(t.db, tree.province);
    const cookie = await login(t.app, officer);
    const created = await post(
      '/api/units',
      {
        parentCode: tree.wardA.code,
        name: 'Tổ dân phố mới',
        kind: 'residential_group',
        validFrom: '2024-06-01',
      },
      cookie,
    );
    expect(created.json()).toMatchObject({ validTo: '2025-07-01' });
    const code = created.json().code;
    const tooLate = await post(
      `/api/units/${code}/changes`,
      { type: 'move', date: '2025-08-01', parentCode: tree.newWard.code },
      cookie,
    );
    expect(tooLate.statusCode).toBe(404);
    const moved = await post(
      `/api/units/${code}/changes`,
      { type: 'move', date: '2025-07-01', parentCode: tree.newWard.code },
      cookie,
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      code,
      parentCode: tree.newWard.code,
      validFrom: '2025-07-01',
      validTo: null,
    });
    const children = await get(`/api/units?parent=${tree.newWard.code}&at=2026-01-01`, cookie);
    expect(children.json().items.map((unit: { code: string }) => unit.code)).toEqual([code]);
    const history = await get(`/api/units/${code}?at=2026-01-01`, cookie);
    expect(history.json().versions.map((v: { parentCode: string }) => v.parentCode)).toEqual([
      tree.wardA.code,
      tree.newWard.code,
    ]);
  });
});

describe('scope', () => {
  it('lets an officer write its own ward only: 403 on another ward, 404 on reading it', async () => {
    const tree = await buildReformedTree(t.db);
    const officer = await buildOfficer(t.db, tree.wardA);
    const groupB = await buildResidentialGroup(t.db, tree.wardB);
    const cookie = await login(t.app, officer);
    const body = {
      parentCode: tree.wardB.code,
      name: 'Tổ lạ',
      kind: 'residential_group',
      validFrom: '2024-01-01',
    };
    const write = await post('/api/units', body, cookie);
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toBe('Bạn không có quyền thực hiện thao tác này trên đơn vị này');
    expect((await get(`/api/units?parent=${tree.wardB.code}&at=2024-01-01`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/units/${groupB.code}?at=2024-01-01`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/units/${tree.wardB.code}/lineage?at=2024-01-01`, cookie)).statusCode).toBe(404);
    const rename = await post(
      `/api/units/${groupB.code}/changes`,
      { type: 'rename', date: '2024-01-01', name: 'X' },
      cookie,
    );
    expect(rename.statusCode).toBe(403);
    const audit = await get(`/api/audit?unit=${tree.wardB.code}&at=2024-01-01`, cookie);
    expect(audit.statusCode).toBe(404);
    const moveOut = await post(
      `/api/units/${(await buildResidentialGroup(t.db, tree.wardA)).code}/changes`,
      { type: 'move', date: '2024-01-01', parentCode: tree.wardB.code },
      cookie,
    );
    expect(moveOut.statusCode).toBe(403);
    const count = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM unit_versions WHERE name = 'Tổ lạ'`,
    );
    expect(count[0]?.n).toBe(0);
  });

  it('shows a scoped user the way down to its unit and nothing beside it', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const roots = await get('/api/units?at=2024-01-01', cookie);
    expect(roots.json().items.map((unit: { code: string }) => unit.code)).toEqual([tree.province.code]);
    const wards = await get(`/api/units?parent=${tree.district.code}&at=2024-01-01`, cookie);
    expect(wards.json().items.map((unit: { code: string }) => unit.code)).toEqual([tree.wardA.code]);
    const search = await get(
      `/api/units/search?q=${encodeURIComponent(tree.wardB.name)}&at=2024-01-01`,
      cookie,
    );
    expect(search.json().items).toEqual([]);
  });

  it('lets a viewer read its subtree but write nothing', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildViewer(t.db, tree.district));
    expect((await get(`/api/units?parent=${tree.wardB.code}&at=2024-01-01`, cookie)).statusCode).toBe(200);
    const write = await post(
      '/api/units',
      { parentCode: tree.wardB.code, name: 'Tổ mới', kind: 'residential_group', validFrom: '2024-01-01' },
      cookie,
    );
    expect(write.statusCode).toBe(403);
  });
});

describe('audit trail', () => {
  it('is append-only in the database itself', async () => {
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildAdmin(t.db));
    await post(
      '/api/units',
      { parentCode: tree.wardA.code, name: 'Tổ A', kind: 'residential_group', validFrom: '2024-01-01' },
      cookie,
    );
    const refusal = (error: unknown) =>
      /append-only/.test(String((error as Error & { cause?: Error }).cause?.message));
    await expect(t.db.execute(sql`UPDATE audit_events SET action = 'x'`)).rejects.toSatisfy(refusal);
    await expect(t.db.execute(sql`DELETE FROM audit_events`)).rejects.toSatisfy(refusal);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'x'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
