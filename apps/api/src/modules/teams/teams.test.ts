import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
  buildAdmin,
  buildOfficer,
  buildProvince,
  buildResidentialGroup,
  buildUser,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { buildHousehold, buildPerson } from '../../../test/team-factories';
import { queryRows } from '../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);

type Place = {
  ward: BuiltUnit;
  group: BuiltUnit;
  otherGroup: BuiltUnit;
  officer: string;
  leader: string;
  viewer: string;
};

/** A ward with two residential groups, its officer, a team leader of the first group and a viewer. */
async function buildPlace(province?: BuiltUnit): Promise<Place> {
  const root = province ?? (await buildProvince(t.db));
  const ward = await buildWard(t.db, root);
  const group = await buildResidentialGroup(t.db, ward);
  const otherGroup = await buildResidentialGroup(t.db, ward);
  return {
    ward,
    group,
    otherGroup,
    officer: await login(t.app, await buildOfficer(t.db, ward)),
    leader: await login(t.app, await buildUser(t.db, [{ role: 'team_leader', unit: group }])),
    viewer: await login(t.app, await buildViewer(t.db, ward)),
  };
}

async function createTeam(
  cookie: string,
  unit: BuiltUnit,
  options: { kind?: 'team' | 'group'; name?: string; validFrom?: string } = {},
): Promise<string> {
  const response = await call('POST', '/api/teams', {
    cookie,
    payload: {
      kind: options.kind ?? 'team',
      unitCode: unit.code,
      name: options.name ?? `Tổ tự quản ${unit.code}`,
      validFrom: options.validFrom ?? '2024-01-01',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const detail = async (cookie: string, id: string, at = '2024-06-30') => {
  const response = await call('GET', `/api/teams/${id}?at=${at}`, { cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const auditOf = (entityId: string) =>
  queryRows<{ action: string; entity_type: string; before: unknown; after: Record<string, unknown> }>(
    t.db,
    sql`SELECT action, entity_type, before, after FROM audit_events WHERE entity_id = ${entityId} ORDER BY at, id`,
  );

const jpegBytes = (size: number) => {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).copy(bytes);
  return bytes;
};
const pngBytes = (size: number) => {
  const bytes = Buffer.alloc(size, 1);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('teams and groups', () => {
  it('creates a team on a residential group and a group on a ward, and lists them by unit and date', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group, { name: 'Tổ tự quản số 1' });
    const group = await createTeam(place.officer, place.ward, {
      kind: 'group',
      name: 'Nhóm tự quản Đoàn Kết',
      validFrom: '2024-03-01',
    });
    const list = await call('GET', `/api/teams?unit=${place.ward.code}&at=2024-06-30`, {
      cookie: place.viewer,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: group,
        kind: 'group',
        name: 'Nhóm tự quản Đoàn Kết',
        unitCode: place.ward.code,
        unitName: place.ward.name,
        wardCode: place.ward.code,
        wardName: place.ward.name,
        leaderName: null,
        leaderPhone: null,
        memberCount: 0,
        householdCount: 0,
        validFrom: '2024-03-01',
        validTo: null,
      },
      expect.objectContaining({
        id: team,
        kind: 'team',
        unitCode: place.group.code,
        unitName: place.group.name,
        wardName: place.ward.name,
      }),
    ]);
    const before = await call('GET', `/api/teams?unit=${place.ward.code}&at=2024-02-01`, {
      cookie: place.viewer,
    });
    expect(before.json().items.map((item: { id: string }) => item.id)).toEqual([team]);
    const groupsOnly = await call('GET', `/api/teams?unit=${place.ward.code}&at=2024-06-30&kind=group`, {
      cookie: place.viewer,
    });
    expect(groupsOnly.json().items.map((item: { id: string }) => item.id)).toEqual([group]);
    const search = await call('GET', `/api/teams?unit=${place.ward.code}&at=2024-06-30&q=doan%20ket`, {
      cookie: place.viewer,
    });
    expect(search.json().items.map((item: { id: string }) => item.id)).toEqual([group]);
    const underGroup = await call('GET', `/api/teams?unit=${place.group.code}&at=2024-06-30`, {
      cookie: place.viewer,
    });
    expect(underGroup.json().items.map((item: { id: string }) => item.id)).toEqual([team]);
    const [created] = await auditOf(team);
    expect(created).toMatchObject({
      action: 'create',
      entity_type: 'self_governing_team',
      after: { kind: 'team', name: 'Tổ tự quản số 1', unitCode: place.group.code },
    });
  });

  it('refuses a team on a province, an unknown unit and bad input', async () => {
    const province = await buildProvince(t.db);
    const place = await buildPlace(province);
    const admin = await login(t.app, await buildAdmin(t.db));
    const onProvince = await call('POST', '/api/teams', {
      cookie: admin,
      payload: { kind: 'team', unitCode: province.code, name: 'Tổ', validFrom: '2024-01-01' },
    });
    expect(onProvince.statusCode).toBe(400);
    expect(onProvince.json()).toMatchObject({ code: 'bad_request', fields: [{ path: 'unitCode' }] });
    const unknown = await call('POST', '/api/teams', {
      cookie: admin,
      payload: { kind: 'team', unitCode: 'NOPE99', name: 'Tổ', validFrom: '2024-01-01' },
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await call('POST', '/api/teams', {
      cookie: place.officer,
      payload: { kind: 'club', unitCode: place.group.code, name: ' ', validFrom: '2024-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['kind', 'name', 'validFrom']);
    expect((await call('GET', '/api/teams/not-a-uuid', { cookie: place.officer })).statusCode).toBe(400);
    const missing = await call('GET', '/api/teams/00000000-0000-4000-8000-000000000000', {
      cookie: place.officer,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('Không tìm thấy tổ tự quản hoặc nhóm tự quản');
  });

  it('renames a team, with an audit event', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.leader, place.group, { name: 'Tổ cũ' });
    const renamed = await call('PATCH', `/api/teams/${team}`, {
      cookie: place.leader,
      payload: { name: 'Tổ mới' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: team, name: 'Tổ mới' });
    expect((await auditOf(team)).at(-1)).toMatchObject({
      action: 'update',
      before: { name: 'Tổ cũ' },
      after: { name: 'Tổ mới' },
    });
    expect(
      (await call('PATCH', `/api/teams/${team}`, { cookie: place.viewer, payload: { name: 'X' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('API document', () => {
  it('describes the teams and figures endpoints', async () => {
    const response = await call('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/api/teams',
      '/api/teams/mine',
      '/api/teams/{id}/activities',
      '/api/team-activities/{id}/photo',
      '/api/stats/self-governance',
      '/api/stats/self-governance/breakdown',
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe('members', () => {
  it('keeps one leader at a time, named when another is refused', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group);
    const add = (payload: object) =>
      call('POST', `/api/teams/${team}/members`, { cookie: place.leader, payload });
    const first = await add({
      name: 'Trần Thị Hoa',
      phone: '0912 345 678',
      role: 'leader',
      validFrom: '2024-01-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await add({ name: 'Lê Văn Nam', role: 'leader', validFrom: '2024-05-01' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('Trần Thị Hoa');
    expect(second.json().messageEn).toContain('Trần Thị Hoa');
    const ended = await call('POST', `/api/team-members/${first.json().id}/end`, {
      cookie: place.leader,
      payload: { date: '2024-05-01' },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ id: first.json().id, validTo: '2024-05-01' });
    const next = await add({ name: 'Lê Văn Nam', role: 'leader', validFrom: '2024-05-01' });
    expect(next.statusCode, next.body).toBe(201);
    // Before May the first leader still leads; from May the second.
    const april = await call('GET', `/api/teams?unit=${place.group.code}&at=2024-04-30`, {
      cookie: place.leader,
    });
    expect(april.json().items[0]).toMatchObject({
      leaderName: 'Trần Thị Hoa',
      leaderPhone: '0912345678',
      memberCount: 1,
    });
    const june = await detail(place.leader, team);
    expect(june.members).toEqual([
      {
        id: next.json().id,
        personId: null,
        name: 'Lê Văn Nam',
        phone: null,
        role: 'leader',
        validFrom: '2024-05-01',
        validTo: null,
      },
    ]);
  });

  it('takes a resident of the register by id, and refuses one the user may not see', async () => {
    const province = await buildProvince(t.db);
    const place = await buildPlace(province);
    const elsewhere = await buildPlace(province);
    const household = await buildHousehold(t.db, place.ward, place.group);
    const resident = await buildPerson(t.db, household.id, 'Phạm Thu Hà', { phone: '0987654321' });
    const stranger = await buildHousehold(t.db, elsewhere.ward, elsewhere.group);
    const team = await createTeam(place.officer, place.group);
    const added = await call('POST', `/api/teams/${team}/members`, {
      cookie: place.leader,
      payload: { personId: resident, role: 'deputy', validFrom: '2024-02-01' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await detail(place.leader, team)).members).toEqual([
      expect.objectContaining({
        personId: resident,
        name: 'Phạm Thu Hà',
        phone: '0987654321',
        role: 'deputy',
      }),
    ]);
    const refused = await call('POST', `/api/teams/${team}/members`, {
      cookie: place.leader,
      payload: { personId: stranger.headId, validFrom: '2024-02-01' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([expect.objectContaining({ path: 'personId' })]);
  });

  it('checks names, phones and dates, and ends a membership once', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group, { validFrom: '2024-01-01' });
    const add = (payload: object) =>
      call('POST', `/api/teams/${team}/members`, { cookie: place.leader, payload });
    const noName = await add({ validFrom: '2024-01-01' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().fields[0]).toMatchObject({
      path: 'name',
      message: 'Chọn một nhân khẩu trong sổ hoặc nhập họ tên',
    });
    const badPhone = await add({ name: 'A', phone: '0123', validFrom: '2024-01-01' });
    expect(badPhone.json().fields[0].path).toBe('phone');
    const early = await add({ name: 'A', validFrom: '2023-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('validFrom');
    const member = (await add({ name: 'Đỗ Văn Bình', validFrom: '2024-02-01' })).json().id;
    const end = (date: string) =>
      call('POST', `/api/team-members/${member}/end`, { cookie: place.leader, payload: { date } });
    expect((await end('2024-02-01')).statusCode).toBe(400);
    expect((await end('2024-03-01')).statusCode).toBe(200);
    expect((await end('2024-04-01')).statusCode).toBe(409);
    expect((await detail(place.leader, team, '2024-02-15')).members).toHaveLength(1);
    expect((await detail(place.leader, team, '2024-03-01')).members).toHaveLength(0);
    expect(
      (
        await call('POST', '/api/team-members/00000000-0000-4000-8000-000000000000/end', {
          cookie: place.leader,
          payload: { date: '2024-04-01' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('households in care', () => {
  it('assigns households of the team’s area, once, and ends an assignment on a date', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group);
    const a = await buildHousehold(t.db, place.ward, place.group, {
      headName: 'Nguyễn Văn An',
      address: 'Số 1',
    });
    const b = await buildHousehold(t.db, place.ward, place.group);
    const assign = (householdIds: string[], validFrom = '2024-02-01') =>
      call('POST', `/api/teams/${team}/households`, {
        cookie: place.leader,
        payload: { householdIds, validFrom },
      });
    const first = await assign([a.id, b.id, a.id]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ assigned: 2 });
    expect((await assign([a.id])).json()).toEqual({ assigned: 0 });
    const shown = await detail(place.leader, team);
    // By household code: a was registered first.
    expect(shown.households).toEqual([
      {
        householdId: a.id,
        code: a.code,
        headName: 'Nguyễn Văn An',
        address: 'Số 1',
        validFrom: '2024-02-01',
        validTo: null,
      },
      expect.objectContaining({ householdId: b.id, headName: b.headName }),
    ]);
    const ended = await call('POST', `/api/teams/${team}/households/${a.id}/end`, {
      cookie: place.leader,
      payload: { date: '2024-06-01' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ householdId: a.id, validTo: '2024-06-01' });
    const june = await detail(place.leader, team, '2024-06-01');
    expect(june.households.map((row: { householdId: string }) => row.householdId)).toEqual([b.id]);
    const again = await call('POST', `/api/teams/${team}/households/${a.id}/end`, {
      cookie: place.leader,
      payload: { date: '2024-07-01' },
    });
    expect(again.statusCode).toBe(404);
    const audit = await auditOf(team);
    expect(audit.map((event) => event.entity_type)).toEqual([
      'self_governing_team',
      'team_households',
      'team_households',
    ]);
  });

  it('refuses households outside the area and households that do not exist', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group);
    const inside = await buildHousehold(t.db, place.ward, place.group);
    const outside = await buildHousehold(t.db, place.ward, place.otherGroup, { code: 'NGOAI-1' });
    const response = await call('POST', `/api/teams/${team}/households`, {
      cookie: place.officer,
      payload: { householdIds: [inside.id, outside.id], validFrom: '2024-02-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('NGOAI-1');
    expect(response.json().fields).toEqual([expect.objectContaining({ path: 'householdIds.1' })]);
    const unknown = await call('POST', `/api/teams/${team}/households`, {
      cookie: place.officer,
      payload: { householdIds: ['00000000-0000-4000-8000-000000000000'], validFrom: '2024-02-01' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('householdIds.0');
    // Nothing was half written.
    expect((await detail(place.officer, team)).households).toEqual([]);
  });

  it('gives a household at most one team of each kind at a time, naming the other team', async () => {
    const place = await buildPlace();
    const first = await createTeam(place.officer, place.group, { name: 'Tổ tự quản số 1' });
    const second = await createTeam(place.officer, place.ward, { name: 'Tổ tự quản số 2' });
    const group = await createTeam(place.officer, place.group, { kind: 'group', name: 'Nhóm số 1' });
    const household = await buildHousehold(t.db, place.ward, place.group, { code: 'HO-77' });
    const assign = (team: string, validFrom: string) =>
      call('POST', `/api/teams/${team}/households`, {
        cookie: place.officer,
        payload: { householdIds: [household.id], validFrom },
      });
    expect((await assign(first, '2024-02-01')).statusCode).toBe(200);
    const taken = await assign(second, '2024-03-01');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe(
      'Hộ HO-77 đã do tổ tự quản “Tổ tự quản số 1” phụ trách trong thời gian này',
    );
    expect(taken.json().messageEn).toContain('“Tổ tự quản số 1”');
    // A group is another kind: the household may have one too.
    expect((await assign(group, '2024-03-01')).statusCode).toBe(200);
    await call('POST', `/api/teams/${first}/households/${household.id}/end`, {
      cookie: place.officer,
      payload: { date: '2024-06-01' },
    });
    expect((await assign(second, '2024-05-01')).statusCode).toBe(409);
    expect((await assign(second, '2024-06-01')).statusCode).toBe(200);
  });

  it('holds the rule when two requests assign the same household at once', async () => {
    const place = await buildPlace();
    const teams = [
      await createTeam(place.officer, place.group, { name: 'Tổ A' }),
      await createTeam(place.officer, place.group, { name: 'Tổ B' }),
      await createTeam(place.officer, place.ward, { name: 'Tổ C' }),
    ];
    const households = [
      await buildHousehold(t.db, place.ward, place.group),
      await buildHousehold(t.db, place.ward, place.group),
    ];
    const responses = await Promise.all(
      teams.map((team) =>
        call('POST', `/api/teams/${team}/households`, {
          cookie: place.officer,
          payload: { householdIds: households.map((household) => household.id), validFrom: '2024-02-01' },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409, 409]);
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM team_households WHERE household_id IN (${households[0]!.id}, ${households[1]!.id})`,
    );
    expect(row!.n).toBe(2);
  });
});

describe('activities', () => {
  async function teamWithHousehold() {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group);
    const household = await buildHousehold(t.db, place.ward, place.group, { code: 'HD-1' });
    const late = await buildHousehold(t.db, place.ward, place.group, { code: 'HD-2' });
    await call('POST', `/api/teams/${team}/households`, {
      cookie: place.officer,
      payload: { householdIds: [household.id], validFrom: '2024-02-01' },
    });
    await call('POST', `/api/teams/${team}/households`, {
      cookie: place.officer,
      payload: { householdIds: [late.id], validFrom: '2024-05-01' },
    });
    return { place, team, household, late };
  }

  const log = (cookie: string, team: string, payload: object) =>
    call('POST', `/api/teams/${team}/activities`, { cookie, payload });

  it('logs a visit of households in care with a photo, served to those who may read the team', async () => {
    const { place, team, household } = await teamWithHousehold();
    const photo = jpegBytes(1_500_000);
    const logged = await log(place.leader, team, {
      occurredOn: '2024-03-10',
      kind: 'visit',
      householdIds: [household.id],
      notes: 'Thăm hỏi, tặng quà',
      photo: dataUrl('image/jpeg', photo),
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const id = logged.json().id;
    const list = await call('GET', `/api/teams/${team}/activities`, { cookie: place.viewer });
    expect(list.json().items).toEqual([
      {
        id,
        occurredOn: '2024-03-10',
        kind: 'visit',
        notes: 'Thăm hỏi, tặng quà',
        householdCount: 1,
        householdIds: [household.id],
        hasPhoto: true,
        createdBy: expect.stringContaining('Người dùng'),
      },
    ]);
    const served = await call('GET', `/api/team-activities/${id}/photo`, { cookie: place.viewer });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(photo)).toBe(true);
    const outsider = await login(t.app, await buildViewer(t.db, (await buildPlace()).ward));
    expect((await call('GET', `/api/team-activities/${id}/photo`, { cookie: outsider })).statusCode).toBe(
      404,
    );
    // The audit trail records the activity, not the photo.
    const [event] = await auditOf(id);
    expect(event!.after).toMatchObject({ kind: 'visit', photo: { type: 'image/jpeg', bytes: 1_500_000 } });
    expect(JSON.stringify(event!.after).length).toBeLessThan(1000);
  });

  it('refuses households not in care on the day, future days, and a photo that is not what it says', async () => {
    const { place, team, household, late } = await teamWithHousehold();
    const notYet = await log(place.leader, team, {
      occurredOn: '2024-04-01',
      kind: 'epidemic_watch',
      householdIds: [household.id, late.id],
    });
    expect(notYet.statusCode).toBe(400);
    expect(notYet.json().message).toContain('HD-2');
    expect(notYet.json().fields).toEqual([expect.objectContaining({ path: 'householdIds.1' })]);
    const future = await log(place.leader, team, { occurredOn: '2999-01-01', kind: 'security' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('occurredOn');
    const lying = await log(place.leader, team, {
      occurredOn: '2024-05-02',
      kind: 'visit',
      photo: dataUrl('image/jpeg', pngBytes(2000)),
    });
    expect(lying.statusCode).toBe(400);
    expect(lying.json().fields[0]).toMatchObject({
      path: 'photo',
      message: 'Ảnh phải là tệp JPEG, PNG hoặc WebP',
    });
    const tooBig = await log(place.leader, team, {
      occurredOn: '2024-05-02',
      kind: 'visit',
      photo: dataUrl('image/png', pngBytes(2 * 1024 * 1024 + 1)),
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().fields[0]).toMatchObject({
      path: 'photo',
      messageEn: 'The photo may be at most 2 MB',
    });
    const huge = await log(place.leader, team, {
      occurredOn: '2024-05-02',
      kind: 'visit',
      photo: dataUrl('image/png', pngBytes(4 * 1024 * 1024)),
    });
    expect(huge.statusCode).toBe(413);
    // Only the activity route takes large bodies.
    const bigMember = await call('POST', `/api/teams/${team}/members`, {
      cookie: place.leader,
      payload: { name: 'A', validFrom: '2024-02-01', note: 'x'.repeat(1_200_000) },
    });
    expect(bigMember.statusCode).toBe(413);
    const plain = await log(place.leader, team, { occurredOn: '2024-05-02', kind: 'propaganda' });
    expect(plain.statusCode).toBe(201);
    const photo = await call('GET', `/api/team-activities/${plain.json().id}/photo`, {
      cookie: place.leader,
    });
    expect(photo.statusCode).toBe(404);
    const range = await call('GET', `/api/teams/${team}/activities?from=2024-05-01&to=2024-05-31`, {
      cookie: place.leader,
    });
    expect(range.json().items.map((item: { id: string }) => item.id)).toEqual([plain.json().id]);
    const badRange = await call('GET', `/api/teams/${team}/activities?from=2024-06-01&to=2024-05-31`, {
      cookie: place.leader,
    });
    expect(badRange.statusCode).toBe(400);
  });
});

describe('authorization', () => {
  it('lets a team leader write the teams of the group, and neither read nor log for another ward', async () => {
    const province = await buildProvince(t.db);
    const mine = await buildPlace(province);
    const theirs = await buildPlace(province);
    const team = await createTeam(mine.officer, mine.group);
    const wardTeam = await createTeam(mine.officer, mine.ward, { kind: 'group' });
    const otherGroupTeam = await createTeam(mine.officer, mine.otherGroup);
    const foreign = await createTeam(theirs.officer, theirs.group);
    // The leader of the other ward's group.
    const logForeign = await call('POST', `/api/teams/${team}/activities`, {
      cookie: theirs.leader,
      payload: { occurredOn: '2024-03-01', kind: 'visit' },
    });
    expect(logForeign.statusCode).toBe(403);
    expect(logForeign.json().message).toBe('Bạn không có quyền thực hiện thao tác này trên đơn vị này');
    expect((await call('GET', `/api/teams/${team}`, { cookie: theirs.leader })).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/teams?unit=${mine.ward.code}`, { cookie: theirs.leader })).statusCode,
    ).toBe(404);
    // Within the ward: the leader sees and writes the teams of the group only; the ward sees all.
    expect((await detail(mine.leader, team)).canWrite).toBe(true);
    expect((await call('GET', `/api/teams/${otherGroupTeam}`, { cookie: mine.leader })).statusCode).toBe(404);
    expect((await detail(mine.officer, otherGroupTeam)).canWrite).toBe(true);
    const logOther = await call('POST', `/api/teams/${otherGroupTeam}/activities`, {
      cookie: mine.leader,
      payload: { occurredOn: '2024-03-01', kind: 'visit' },
    });
    expect(logOther.statusCode).toBe(403);
    expect((await detail(mine.viewer, team)).canWrite).toBe(false);
    const viewerCreates = await call('POST', '/api/teams', {
      cookie: mine.viewer,
      payload: { kind: 'team', unitCode: mine.group.code, name: 'Tổ', validFrom: '2024-01-01' },
    });
    expect(viewerCreates.statusCode).toBe(403);
    const officerElsewhere = await call('POST', '/api/teams', {
      cookie: theirs.officer,
      payload: { kind: 'team', unitCode: mine.group.code, name: 'Tổ', validFrom: '2024-01-01' },
    });
    expect(officerElsewhere.statusCode).toBe(403);

    const ids = async (cookie: string) =>
      (await call('GET', '/api/teams/mine?at=2024-06-30', { cookie }))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await ids(mine.leader)).toEqual([team]);
    expect((await ids(mine.officer)).sort()).toEqual([team, wardTeam, otherGroupTeam].sort());
    expect(await ids(mine.viewer)).toEqual([]);
    expect(await ids(theirs.leader)).toEqual([foreign]);
    const head = await login(
      t.app,
      await buildUser(t.db, [{ role: 'residential_group_head', unit: mine.otherGroup }]),
    );
    expect(await ids(head)).toEqual([otherGroupTeam]);
    expect(
      await ids(await login(t.app, await buildUser(t.db, [{ role: 'team_leader', unit: mine.group }]))),
    ).toEqual([team]);
    // Not yet founded on that date.
    expect(
      (await call('GET', '/api/teams/mine?at=2023-06-30', { cookie: mine.leader })).json().items,
    ).toEqual([]);
  });
});

describe('closing', () => {
  it('ends the members and the households in care on the closing day, and refuses work after it', async () => {
    const place = await buildPlace();
    const team = await createTeam(place.officer, place.group);
    const household = await buildHousehold(t.db, place.ward, place.group);
    const later = await buildHousehold(t.db, place.ward, place.group);
    await call('POST', `/api/teams/${team}/members`, {
      cookie: place.leader,
      payload: { name: 'Vũ Thị Lan', role: 'leader', validFrom: '2024-01-01' },
    });
    await call('POST', `/api/teams/${team}/households`, {
      cookie: place.leader,
      payload: { householdIds: [household.id], validFrom: '2024-02-01' },
    });
    await call('POST', `/api/teams/${team}/households`, {
      cookie: place.leader,
      payload: { householdIds: [later.id], validFrom: '2024-09-01' },
    });
    const close = (date: string) =>
      call('POST', `/api/teams/${team}/close`, { cookie: place.leader, payload: { date } });
    expect((await close('2024-01-01')).statusCode).toBe(400);
    const closed = await close('2024-07-01');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ id: team, validTo: '2024-07-01' });
    expect((await close('2024-08-01')).statusCode).toBe(409);
    const june = await detail(place.leader, team, '2024-06-30');
    expect(june.validTo).toBe('2024-07-01');
    expect(june.members).toEqual([expect.objectContaining({ name: 'Vũ Thị Lan', validTo: '2024-07-01' })]);
    // The household that would have come in September never did.
    expect(june.households).toEqual([
      expect.objectContaining({ householdId: household.id, validTo: '2024-07-01' }),
    ]);
    const afterwards = await call('POST', `/api/teams/${team}/activities`, {
      cookie: place.leader,
      payload: { occurredOn: '2024-07-02', kind: 'visit' },
    });
    expect(afterwards.statusCode).toBe(400);
    expect(afterwards.json().fields[0].path).toBe('occurredOn');
    const july = await call('GET', `/api/teams?unit=${place.ward.code}&at=2024-07-01`, {
      cookie: place.officer,
    });
    expect(july.json().items).toEqual([]);
    expect((await auditOf(team)).at(-1)).toMatchObject({
      action: 'update',
      after: { validTo: '2024-07-01', membersEnded: 1, householdsEnded: 1, removed: 1 },
    });
  });
});
