import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAdmin,
  buildOfficer,
  buildReformedTree,
  buildResidentialGroup,
  buildStandingCommittee,
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
  householdCode,
  member,
} from '../../../test/household-factories';
import { queryRows } from '../../db/client';
import { groupHouseholds, inspectHouseholdFile, readHouseholdRows } from './households-file';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  giveSealer(t);
});
afterAll(() => t.close());

const auditCount = async (entityId: string) =>
  Number(
    (
      await queryRows<{ n: number | string }>(
        t.db,
        sql`SELECT count(*) AS n FROM audit_events WHERE entity_id = ${entityId}`,
      )
    )[0]?.n,
  );

describe('GET /api/households/template', () => {
  it('gives a signed-in user the template, which the importer reads back without an error', async () => {
    expect((await t.call('GET', '/api/households/template')).statusCode).toBe(401);
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildViewer(t.db, tree.wardA));
    const response = await t.call('GET', '/api/households/template', { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mau-nhap-ho-gia-dinh.xlsx"');
    const file = { source: response.rawPayload, fileName: 'mau-nhap-ho-gia-dinh.xlsx' };
    const inspection = await inspectHouseholdFile(file);
    expect(inspection.ok).toBe(true);
    if (!inspection.ok) return;
    expect(inspection.missing).toEqual([]);
    const grouped = await groupHouseholds(readHouseholdRows(file, { mapping: inspection.mapping }));
    expect(grouped.errorReport).toEqual([]);
    expect(grouped.valid.map((household) => household.code)).toEqual(['HK001', 'HK002']);
  });
});

describe('creating a household and reading it back', () => {
  it('stores the members with their names split, the head first, and answers the detail', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const response = await t.call('POST', '/api/households', {
      cookie,
      payload: {
        groupCode: tree.groupA1.code,
        at: '2023-03-01',
        code: ' HK-001 ',
        address: 'Số 12 ngõ 34 phố Đông Ngạc',
        phone: '+84 912 345 678',
        members: [
          member({ fullName: 'Trần  Thị Thu Bình', phone: '024 3826 4321' }),
          head({ fullName: 'Nguyễn Văn An', citizenId: '001075012345' }),
          { ho: 'Nguyễn', tenDem: 'Minh', ten: 'Châu', relation: 'child', birthYear: 2008 },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const { id, duplicates } = response.json();
    expect(duplicates).toEqual([]);
    const detail = await t.call('GET', `/api/households/${id}`, { cookie });
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({
      id,
      code: 'HK-001',
      wardCode: tree.wardA.code,
      wardName: tree.wardA.name,
      groupCode: tree.groupA1.code,
      address: 'Số 12 ngõ 34 phố Đông Ngạc',
      phone: '0912345678',
      placements: [
        {
          groupCode: tree.groupA1.code,
          groupName: 'Tổ dân phố số 1',
          wardName: tree.wardA.name,
          validFrom: '2023-03-01',
          validTo: null,
        },
      ],
      canWrite: true,
      canReveal: true,
    });
    expect(
      body.members.map((m: Record<string, unknown>) => [m.ho, m.tenDem, m.ten, m.relation, m.isHead]),
    ).toEqual([
      ['Nguyễn', 'Văn', 'An', 'head', true],
      ['Trần', 'Thị Thu', 'Bình', 'wife', false],
      ['Nguyễn', 'Minh', 'Châu', 'child', false],
    ]);
    expect(body.members[0]).toMatchObject({
      fullName: 'Nguyễn Văn An',
      relationLabel: 'Chủ hộ',
      birthDate: '1975-05-15',
      birthYear: 1975,
      citizenIdMasked: '001*******45',
      hasHealth: false,
    });
    expect(body.members[1].phone).toBe('02438264321');
    expect(body.members[2]).toMatchObject({ birthDate: null, birthYear: 2008, citizenIdMasked: null });
    expect(await auditCount(id)).toBe(1);
  });

  it('refuses a code already used in the ward, but not in another ward', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const code = householdCode();
    await createHousehold(t, cookie, { group: tree.groupA1, code });
    const again = await t.call('POST', '/api/households', {
      cookie,
      payload: { groupCode: tree.groupA2.code, at: '2024-01-01', code, members: [head()] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'conflict',
      messageEn: 'This household code is already used in the ward',
    });
    await createHousehold(t, cookie, { group: tree.groupB1, code });
  });

  it('answers bad input with field errors, never a 500 and never half a household', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const post = (payload: unknown) => t.call('POST', '/api/households', { cookie, payload });
    const paths = async (payload: unknown) => {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      return response.json().fields.map((field: { path: string }) => field.path);
    };
    const base = { groupCode: tree.groupA1.code, at: '2024-01-01', code: householdCode() };
    expect(await paths({ ...base, members: [head(), head({ fullName: 'Lê Văn Bình' })] })).toEqual([
      'members',
    ]);
    expect(await paths({ ...base, members: [member()] })).toEqual(['members']);
    expect(await paths({ ...base, members: [] })).toEqual(['members']);
    expect(await paths({ ...base, at: '2024-02-30', members: [head()] })).toEqual(['at']);
    expect(await paths({ ...base, members: [head({ birthDate: '1975-13-01' })] })).toEqual([
      'members.0.birthDate',
    ]);
    expect(await paths({ ...base, members: [head({ relation: 'boss' as never })] })).toEqual([
      'members.0.relation',
    ]);
    expect(await paths({ ...base, members: [head({ fullName: 'An\u0000' })] })).toEqual([
      'members.0.fullName',
    ]);
    expect(await paths({ ...base, members: [head({ phone: '01234' })] })).toEqual(['members.0.phone']);
    expect(await paths({ ...base, members: [head({ birthDate: '2999-01-01' })] })).toEqual([
      'members.0.birthDate',
    ]);
    expect(await paths({ ...base, members: [head({ isHead: false })] })).toEqual(['members.0.relation']);
    const wrongSex = await post({ ...base, members: [head({ citizenId: citizenIdFor('female', 1975) })] });
    expect(wrongSex.statusCode).toBe(400);
    expect(wrongSex.json().fields).toEqual([
      {
        path: 'members.0.citizenId',
        message: 'Giới tính không khớp với số CCCD',
        messageEn: 'The sex does not match the citizen ID',
      },
    ]);
    const wrongYear = await post({ ...base, members: [head({ citizenId: citizenIdFor('male', 1976) })] });
    expect(wrongYear.json().fields[0]).toMatchObject({
      path: 'members.0.citizenId',
      messageEn: 'The birth year does not match the citizen ID',
    });
    const notGroup = await post({ ...base, groupCode: tree.wardA.code, members: [head()] });
    expect(notGroup.statusCode).toBe(400);
    expect(notGroup.json().fields[0].path).toBe('groupCode');
    const before = await queryRows<{ n: string | number }>(t.db, sql`SELECT count(*) AS n FROM households`);
    const unknownGroup = await post({ ...base, groupCode: 'NOPE.001', members: [head()] });
    expect(unknownGroup.statusCode).toBe(400);
    const after = await queryRows<{ n: string | number }>(t.db, sql`SELECT count(*) AS n FROM households`);
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"groupCode": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await paths({ ...base, members: 'everyone' })).toEqual(['members']);
    expect(await paths({ ...base, code: 42, members: [head({ birthYear: 'x' as never })] })).toEqual([
      'code',
      'members.0.birthYear',
    ]);
    const list = (query: string) => t.call('GET', `/api/households?${query}`, { cookie });
    expect((await list(`unit=${tree.wardA.code}&at=2023-02-29`)).statusCode).toBe(400);
    expect((await list(`unit=${tree.wardA.code}&q=a%00`)).json().fields[0].path).toBe('q');
    expect((await list(`unit=${encodeURIComponent("'; DROP TABLE households;--")}`)).statusCode).toBe(400);
    expect((await list(`unit=${tree.wardA.code}&q=${encodeURIComponent("'%_\\")}`)).statusCode).toBe(200);
    expect((await t.call('GET', '/api/households/not-a-uuid', { cookie })).statusCode).toBe(400);
    expect(
      (await t.call('GET', '/api/households/00000000-0000-4000-8000-000000000000', { cookie })).statusCode,
    ).toBe(404);
  });
});

describe('the API description', () => {
  it('documents the register endpoints', async () => {
    const response = await t.call('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/api/households',
      '/api/households/{id}',
      '/api/households/{id}/move',
      '/api/persons/{id}/reveal',
      '/api/persons/{id}/export',
      '/api/duplicates',
      '/api/household-categories',
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe('authorization across wards', () => {
  it('lets an officer neither read nor change a household of another ward', async () => {
    const tree = await buildHouseholdTree(t);
    const officerA = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const officerB = await login(t.app, await buildOfficer(t.db, tree.wardB));
    const viewerA = await login(t.app, await buildViewer(t.db, tree.wardA));
    const { id } = await createHousehold(t, officerA, { group: tree.groupA1 });

    expect((await t.call('GET', `/api/households/${id}`, { cookie: officerB })).statusCode).toBe(404);
    expect(
      (await t.call('GET', `/api/households?unit=${tree.wardA.code}`, { cookie: officerB })).statusCode,
    ).toBe(404);
    const patch = await t.call('PATCH', `/api/households/${id}`, {
      cookie: officerB,
      payload: { address: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    const addPerson = await t.call('POST', `/api/households/${id}/persons`, {
      cookie: officerB,
      payload: member(),
    });
    expect(addPerson.statusCode).toBe(403);
    const intoA = await t.call('POST', '/api/households', {
      cookie: officerB,
      payload: { groupCode: tree.groupA1.code, at: '2024-01-01', code: householdCode(), members: [head()] },
    });
    expect(intoA.statusCode).toBe(403);
    const erase = await t.call('DELETE', `/api/households/${id}?reason=yeu%20cau`, { cookie: officerB });
    expect(erase.statusCode).toBe(403);
    const move = await t.call('POST', `/api/households/${id}/move`, {
      cookie: officerB,
      payload: { groupCode: tree.groupB1.code, date: '2024-06-01' },
    });
    expect(move.statusCode).toBe(403);

    // A viewer of the ward reads but does not write.
    const seen = await t.call('GET', `/api/households/${id}`, { cookie: viewerA });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canWrite: false, canReveal: false });
    expect(
      (await t.call('PATCH', `/api/households/${id}`, { cookie: viewerA, payload: { address: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.call('GET', `/api/households/${id}`, { cookie: officerA })).json().address).toBe(
      'Số 1 ngõ 2 phố Đông Ngạc',
    );
  });
});

describe('the list', () => {
  it('filters by unit on a date, category, team and a search without diacritics, with pages and totals', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const a = await createHousehold(t, cookie, {
      group: tree.groupA1,
      code: 'A-02',
      address: 'Ngõ 5 Đông Ngạc',
      members: [
        head({ fullName: 'Phạm Thị Hoà', sex: 'female', birthDate: '1960-01-01' }),
        member({ fullName: 'Đỗ Văn Lâm', relation: 'husband', sex: 'male' }),
      ],
    });
    const b = await createHousehold(t, cookie, {
      group: tree.groupA1,
      code: 'A-01',
      address: 'Số 9 phố Cổ Nhuế',
      members: [head({ fullName: 'Lê Văn Bình' })],
    });
    const c = await createHousehold(t, cookie, {
      group: tree.groupA2,
      code: 'A-03',
      at: '2024-06-01',
      members: [head({ fullName: 'Vũ Đức Cường' })],
    });
    await createHousehold(t, cookie, { group: tree.groupB1, code: 'B-01', members: [head()] });

    const list = async (query: string) => {
      const response = await t.call('GET', `/api/households?${query}`, { cookie });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const all = await list(`unit=${tree.wardA.code}&at=2024-07-01`);
    expect(all.total).toBe(3);
    expect(all.items.map((item: { code: string }) => item.code)).toEqual(['A-01', 'A-02', 'A-03']);
    expect(all.items[1]).toEqual({
      id: a.id,
      code: 'A-02',
      wardCode: tree.wardA.code,
      wardName: tree.wardA.name,
      groupCode: tree.groupA1.code,
      groupName: 'Tổ dân phố số 1',
      address: 'Ngõ 5 Đông Ngạc',
      phone: null,
      headName: 'Phạm Thị Hoà',
      memberCount: 2,
      categories: [],
      teamNames: [],
    });
    // Before the third household arrived.
    expect((await list(`unit=${tree.wardA.code}&at=2024-05-31`)).total).toBe(2);
    expect(
      (await list(`unit=${tree.groupA2.code}&at=2024-07-01`)).items.map((i: { id: string }) => i.id),
    ).toEqual([c.id]);
    expect((await list(`unit=${tree.district.code}&at=2024-07-01`)).total).toBe(4);

    const page2 = await list(`unit=${tree.wardA.code}&at=2024-07-01&page=2&pageSize=2`);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((item: { code: string }) => item.code)).toEqual(['A-03']);
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&page=5&pageSize=2`)).total).toBe(3);

    // Search: member names, address, code; without diacritics.
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&q=do%20van%20lam`)).items[0]?.id).toBe(a.id);
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&q=CO%20NHUE`)).items[0]?.id).toBe(b.id);
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&q=hoa%20dong`)).total).toBe(1);
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&q=a-0`)).total).toBe(3);
    expect((await list(`unit=${tree.wardA.code}&at=2024-07-01&q=%25`)).total).toBe(0);

    // Category active on the date.
    const category = await t.call('POST', `/api/households/${b.id}/categories`, {
      cookie,
      payload: { category: 'near_poor', validFrom: '2024-01-01', validTo: '2025-01-01' },
    });
    expect(category.statusCode).toBe(201);
    expect(
      (await list(`unit=${tree.wardA.code}&at=2024-07-01&category=near_poor`)).items.map(
        (item: { id: string; categories: string[] }) => [item.id, item.categories],
      ),
    ).toEqual([[b.id, ['near_poor']]]);
    expect((await list(`unit=${tree.wardA.code}&at=2025-01-01&category=near_poor`)).total).toBe(0);

    // Team assignment active on the date.
    const teamId = (
      await queryRows<{ id: string }>(
        t.db,
        sql`INSERT INTO self_governing_teams (kind, unit_id, name, search_name, valid_from)
            VALUES ('team', ${tree.groupA1.unitId}, 'Tổ tự quản số 1', 'to tu quan so 1', '2024-01-01') RETURNING id::text AS id`,
      )
    )[0]!.id;
    await t.db.execute(sql`INSERT INTO team_households (team_id, team_kind, household_id, valid_from, valid_to)
      VALUES (${teamId}, 'team', ${a.id}, '2024-02-01', '2024-09-01')`);
    const byTeam = await list(`unit=${tree.wardA.code}&at=2024-07-01&team=${teamId}`);
    expect(
      byTeam.items.map((item: { id: string; teamNames: string[] }) => [item.id, item.teamNames]),
    ).toEqual([[a.id, ['Tổ tự quản số 1']]]);
    expect((await list(`unit=${tree.wardA.code}&at=2024-10-01&team=${teamId}`)).total).toBe(0);

    const bad = await t.call('GET', `/api/households?unit=${tree.wardA.code}&page=0&pageSize=1000&team=x`, {
      cookie,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['page', 'pageSize', 'team']);
    expect((await t.call('GET', '/api/households?unit=NOPE', { cookie })).statusCode).toBe(404);
  });

  it('exports the filtered list to a workbook with Vietnamese headers and no citizen IDs', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const citizenId = citizenIdFor('male', 1975);
    await createHousehold(t, cookie, {
      group: tree.groupA1,
      code: 'X-1',
      members: [head({ citizenId }), member()],
    });
    const { id } = await createHousehold(t, cookie, { group: tree.groupA2, code: 'X-2' });
    await t.call('POST', `/api/households/${id}/categories`, {
      cookie,
      payload: { category: 'poor', validFrom: '2024-01-01' },
    });
    const response = await t.call(
      'GET',
      `/api/households/export.xlsx?unit=${tree.wardA.code}&at=2024-06-01`,
      {
        cookie,
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
    expect(rows[0]).toEqual([
      'Mã hộ',
      'Tổ dân phố',
      'Phường, xã',
      'Địa chỉ',
      'Chủ hộ',
      'Số nhân khẩu',
      'Số điện thoại',
      'Diện hộ',
      'Tổ, nhóm tự quản',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[4], row[5], row[7] ?? ''])).toEqual([
      ['X-1', 'Nguyễn Văn An', '2', ''],
      ['X-2', 'Nguyễn Văn An', '1', 'Hộ nghèo'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(citizenId);
    expect(JSON.stringify(rows)).not.toContain(citizenId.slice(-2).padStart(12, '*').slice(-5));
    const other = await login(t.app, await buildOfficer(t.db, tree.wardB));
    expect(
      (await t.call('GET', `/api/households/export.xlsx?unit=${tree.wardA.code}`, { cookie: other }))
        .statusCode,
    ).toBe(404);
  });
});

describe('changes to a household', () => {
  it('updates code, address and phone, with the code still unique in the ward', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const { id } = await createHousehold(t, cookie, { group: tree.groupA1 });
    const taken = householdCode();
    await createHousehold(t, cookie, { group: tree.groupA2, code: taken });
    const response = await t.call('PATCH', `/api/households/${id}`, {
      cookie,
      payload: { address: 'Số 3 phố Thụy Phương', phone: '0987 654 321' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ address: 'Số 3 phố Thụy Phương', phone: '0987654321' });
    const search = await t.call(
      'GET',
      `/api/households?unit=${tree.wardA.code}&at=2024-02-01&q=thuy%20phuong`,
      {
        cookie,
      },
    );
    expect(search.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    const clash = await t.call('PATCH', `/api/households/${id}`, { cookie, payload: { code: taken } });
    expect(clash.statusCode).toBe(409);
    const badPhone = await t.call('PATCH', `/api/households/${id}`, { cookie, payload: { phone: '12345' } });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().fields[0].path).toBe('phone');
    expect(await auditCount(id)).toBe(2);
  });

  it('moves a household to another group keeping the history, and corrects a move on its first day', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const { id } = await createHousehold(t, cookie, { group: tree.groupA1, at: '2022-01-01' });
    const move = (groupCode: string, date: string) =>
      t.call('POST', `/api/households/${id}/move`, { cookie, payload: { groupCode, date } });

    const moved = await move(tree.groupA2.code, '2023-05-01');
    expect(moved.statusCode).toBe(200);
    const periods = (body: {
      placements: Array<{ groupCode: string; validFrom: string; validTo: string | null }>;
    }) => body.placements.map((p) => [p.groupCode, p.validFrom, p.validTo]);
    expect(periods(moved.json())).toEqual([
      [tree.groupA1.code, '2022-01-01', '2023-05-01'],
      [tree.groupA2.code, '2023-05-01', null],
    ]);
    // On the first day of the new placement: a correction, not a new period.
    const corrected = await move(tree.groupB1.code, '2023-05-01');
    expect(periods(corrected.json())).toEqual([
      [tree.groupA1.code, '2022-01-01', '2023-05-01'],
      [tree.groupB1.code, '2023-05-01', null],
    ]);
    expect(corrected.json()).toMatchObject({ wardCode: tree.wardB.code, groupCode: tree.groupB1.code });
    // Corrected back to where it came from: one period again.
    const back = await move(tree.groupA1.code, '2023-05-01');
    expect(periods(back.json())).toEqual([[tree.groupA1.code, '2022-01-01', null]]);

    expect((await move(tree.groupA1.code, '2023-06-01')).statusCode).toBe(400);
    expect((await move(tree.groupA2.code, '2021-01-01')).json().fields[0].path).toBe('date');
    expect((await move('NOPE.9', '2023-06-01')).json().fields[0].path).toBe('groupCode');

    // The lists on each date follow the history.
    await move(tree.groupA2.code, '2024-03-01');
    const on = async (unit: string, at: string) =>
      (await t.call('GET', `/api/households?unit=${unit}&at=${at}`, { cookie }))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await on(tree.groupA1.code, '2024-02-29')).toEqual([id]);
    expect(await on(tree.groupA1.code, '2024-03-01')).toEqual([]);
    expect(await on(tree.groupA2.code, '2024-03-01')).toEqual([id]);
  });

  it('leaves the ward a household moved out of able to read its history, not to change it', async () => {
    const tree = await buildHouseholdTree(t);
    const officerA = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const officerB = await login(t.app, await buildOfficer(t.db, tree.wardB));
    const committee = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const { id } = await createHousehold(t, officerA, { group: tree.groupA1, at: '2022-01-01' });
    expect(
      (
        await t.call('POST', `/api/households/${id}/move`, {
          cookie: officerA,
          payload: { groupCode: tree.groupB1.code, date: '2023-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    const moved = await t.call('POST', `/api/households/${id}/move`, {
      cookie: committee,
      payload: { groupCode: tree.groupB1.code, date: '2023-01-01' },
    });
    expect(moved.statusCode).toBe(200);
    const seenByA = await t.call('GET', `/api/households/${id}`, { cookie: officerA });
    expect(seenByA.statusCode).toBe(200);
    expect(seenByA.json()).toMatchObject({ wardCode: tree.wardB.code, canWrite: false, canReveal: false });
    expect(
      (await t.call('PATCH', `/api/households/${id}`, { cookie: officerA, payload: { address: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call('PATCH', `/api/households/${id}`, { cookie: officerB, payload: { address: 'Số 2' } }))
        .statusCode,
    ).toBe(200);
  });

  it('keeps a household of a group carried into a new ward in the new ward’s list after the reform', async () => {
    const tree = await buildReformedTree(t.db);
    const group = await buildResidentialGroup(t.db, tree.wardA, { validTo: '2025-07-01' });
    const { insertVersion } = await import('../units/units.repository');
    await insertVersion(t.db, {
      unitId: group.unitId,
      code: group.code,
      name: group.name,
      kind: 'residential_group',
      subkind: 'to_dan_pho',
      parentUnitId: tree.newWard.unitId,
      validFrom: '2025-07-01',
      validTo: null,
      resolution: null,
    });
    const cookie = await login(t.app, await buildAdmin(t.db));
    const { id } = await createHousehold(t, cookie, { group, at: '2021-01-01' });
    const list = async (unit: string, at: string) =>
      (await t.call('GET', `/api/households?unit=${unit}&at=${at}`, { cookie })).json();
    expect((await list(tree.wardA.code, '2021-06-01')).items[0]).toMatchObject({
      id,
      wardCode: tree.wardA.code,
    });
    expect((await list(tree.newWard.code, '2025-08-01')).items[0]).toMatchObject({
      id,
      wardCode: tree.newWard.code,
    });
    expect((await list(tree.wardA.code, '2025-06-30')).total).toBe(1);
    // The household page names the ward of the date asked, today's when none is.
    const page = async (at?: string) =>
      (await t.call('GET', `/api/households/${id}${at ? `?at=${at}` : ''}`, { cookie })).json();
    expect(await page('2021-06-01')).toMatchObject({ wardCode: tree.wardA.code });
    expect((await page('2021-06-01')).placements[0]).toMatchObject({ wardCode: tree.wardA.code });
    expect(await page()).toMatchObject({ wardCode: tree.newWard.code });
    expect((await page()).placements[0]).toMatchObject({ wardCode: tree.newWard.code });
    expect((await t.call('GET', `/api/households/${id}?at=2021-02-30`, { cookie })).statusCode).toBe(400);
  });

  it('records categories with validity and poverty-standard period, and ends them', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const { id } = await createHousehold(t, cookie, { group: tree.groupA1 });
    const add = (payload: unknown) => t.call('POST', `/api/households/${id}/categories`, { cookie, payload });
    const poor = await add({ category: 'poor', validFrom: '2023-01-01', detail: 'Thiếu hụt 3 chỉ số' });
    expect(poor.statusCode).toBe(201);
    expect((await add({ category: 'poor', validFrom: '2023-06-01' })).statusCode).toBe(409);
    expect((await add({ category: 'unknown_kind', validFrom: '2023-06-01' })).json().fields[0].path).toBe(
      'category',
    );
    const noStandard = await add({ category: 'near_poor', validFrom: '2015-01-01' });
    expect(noStandard.statusCode).toBe(400);
    expect(noStandard.json().fields[0].path).toBe('standardPeriod');
    expect(
      (await add({ category: 'near_poor', validFrom: '2015-01-01', standardPeriod: '2022-2026' })).statusCode,
    ).toBe(201);
    expect(
      (await add({ category: 'agent_orange', validFrom: '2023-01-01', standardPeriod: '2022-2026' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await add({ category: 'agent_orange', validFrom: '2023-01-01', validTo: '2023-01-01' })).statusCode,
    ).toBe(400);
    const policy = await add({ category: 'policy_martyr', validFrom: '2020-01-01' });
    expect(policy.statusCode).toBe(201);

    const detail = (await t.call('GET', `/api/households/${id}`, { cookie })).json();
    expect(
      detail.categories.map((c: Record<string, unknown>) => [
        c.category,
        c.vi,
        c.standardPeriod,
        c.validFrom,
        c.hasDetail,
      ]),
    ).toEqual([
      ['near_poor', 'Hộ cận nghèo', '2022-2026', '2015-01-01', false],
      ['policy_martyr', 'Gia đình liệt sĩ', null, '2020-01-01', false],
      ['poor', 'Hộ nghèo', '2022-2026', '2023-01-01', true],
    ]);
    const stored = await queryRows<{ detail_sealed: string }>(
      t.db,
      sql`SELECT detail_sealed FROM household_categories WHERE id = ${poor.json().id}`,
    );
    expect(stored[0]?.detail_sealed).not.toContain('Thiếu hụt');

    const end = (recordId: string, date: string) =>
      t.call('POST', `/api/household-categories-records/${recordId}/end`, { cookie, payload: { date } });
    expect((await end(poor.json().id, '2023-01-01')).statusCode).toBe(400);
    const ended = await end(poor.json().id, '2024-01-01');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ id: poor.json().id, validTo: '2024-01-01' });
    expect((await end(poor.json().id, '2024-06-01')).statusCode).toBe(400);
    expect((await add({ category: 'poor', validFrom: '2024-01-01' })).statusCode).toBe(201);
    expect((await end('00000000-0000-4000-8000-000000000000', '2024-06-01')).statusCode).toBe(404);
  });

  it('keeps an extensible list of categories that only a standing committee or an administrator extends', async () => {
    const tree = await buildHouseholdTree(t);
    const officer = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const committee = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const builtIn = (await t.call('GET', '/api/household-categories', { cookie: officer })).json().items;
    expect(builtIn.find((c: { code: string }) => c.code === 'policy_martyr')).toEqual({
      code: 'policy_martyr',
      vi: 'Gia đình liệt sĩ',
      en: 'Martyr’s family',
      group: 'policy_family',
      builtIn: true,
    });
    const create = (cookie: string, payload: unknown) =>
      t.call('POST', '/api/household-categories', { cookie, payload });
    expect(
      (await create(officer, { code: 'flood_victim', vi: 'Hộ bị lũ lụt', en: 'Flood victim' })).statusCode,
    ).toBe(403);
    expect((await create(committee, { code: 'Flood victim', vi: 'x', en: 'x' })).statusCode).toBe(400);
    expect((await create(committee, { code: 'poor', vi: 'x', en: 'x' })).statusCode).toBe(409);
    const created = await create(committee, { code: 'flood_victim', vi: 'Hộ bị lũ lụt', en: 'Flood victim' });
    expect(created.statusCode).toBe(201);
    expect((await create(committee, { code: 'flood_victim', vi: 'x', en: 'x' })).statusCode).toBe(409);
    const items = (await t.call('GET', '/api/household-categories', { cookie: officer })).json().items;
    expect(items.at(-1)).toEqual({
      code: 'flood_victim',
      vi: 'Hộ bị lũ lụt',
      en: 'Flood victim',
      group: null,
      builtIn: false,
    });
    const { id } = await createHousehold(t, officer, { group: tree.groupA1 });
    const record = await t.call('POST', `/api/households/${id}/categories`, {
      cookie: officer,
      payload: { category: 'flood_victim', validFrom: '2024-09-08' },
    });
    expect(record.statusCode).toBe(201);
  });

  it('records the yearly cultural-family registration and consents', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const { id } = await createHousehold(t, cookie, { group: tree.groupA1 });
    const put = (year: string, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/households/${id}/cultural-family/${year}`,
        headers: { cookie },
        payload: payload as object,
      });
    expect((await put('2023', { registered: true, recognized: null, reason: null })).statusCode).toBe(200);
    const updated = await put('2023', { registered: true, recognized: true, reason: null });
    expect(updated.json()).toEqual({ year: 2023, registered: true, recognized: true, reason: null });
    await put('2024', { registered: true, recognized: false, reason: 'Vi phạm quy định' });
    expect((await put('2025', { registered: false, recognized: true, reason: null })).statusCode).toBe(400);
    expect((await put('1800', { registered: true, recognized: null, reason: null })).statusCode).toBe(400);

    const consent = await t.call('POST', `/api/households/${id}/consents`, {
      cookie,
      payload: { givenBy: 'Nguyễn Văn An', purpose: 'Quản lý hộ, tặng quà Tết', givenOn: '2024-01-05' },
    });
    expect(consent.statusCode).toBe(201);
    const withdraw = (date: string) =>
      t.call('POST', `/api/consents/${consent.json().id}/withdraw`, { cookie, payload: { date } });
    expect((await withdraw('2024-01-01')).statusCode).toBe(400);
    expect((await withdraw('2024-03-01')).json()).toEqual({
      id: consent.json().id,
      withdrawnOn: '2024-03-01',
    });
    expect((await withdraw('2024-04-01')).statusCode).toBe(409);
    const detail = (await t.call('GET', `/api/households/${id}`, { cookie })).json();
    expect(detail.culturalFamily).toEqual([
      { year: 2023, registered: true, recognized: true, reason: null },
      { year: 2024, registered: true, recognized: false, reason: 'Vi phạm quy định' },
    ]);
    expect(detail.consents).toEqual([
      {
        id: consent.json().id,
        givenBy: 'Nguyễn Văn An',
        purpose: 'Quản lý hộ, tặng quà Tết',
        givenOn: '2024-01-05',
        withdrawnOn: '2024-03-01',
        note: null,
      },
    ]);
    const audits = await queryRows<{ after: unknown }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type IN ('cultural_family', 'household_consent')
          AND (entity_id = ${id} OR entity_id = ${consent.json().id})`,
    );
    expect(audits).toHaveLength(5);
    expect(JSON.stringify(audits)).not.toContain('Vi phạm');
    expect(JSON.stringify(audits)).not.toContain('Nguyễn Văn An');
  });
});
