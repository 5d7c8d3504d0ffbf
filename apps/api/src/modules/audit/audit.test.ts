import { todayInVietnam } from '@doanket/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
  buildAdmin,
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildResidentialGroup,
  buildStandingCommittee,
  buildTreasurer,
  buildUser,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);

type Item = {
  id: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitCode: string | null;
  requestId: string | null;
};
const audit = async (query: string, cookie: string) => {
  const response = await call('GET', `/api/audit?${query}`, { cookie });
  return { response, items: (response.statusCode === 200 ? response.json().items : []) as Item[] };
};

const requestIdOf = (response: { headers: Record<string, unknown> }) =>
  String(response.headers['x-request-id']);
const eventsOf = (requestId: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));

let sequence = 0;
const newUsername = (prefix: string) => {
  sequence += 1;
  return `${prefix}_${process.pid}_${sequence}`;
};

const createUser = (cookie: string, unit: BuiltUnit, username = newUsername('audited')) =>
  call('POST', '/api/users', {
    cookie,
    payload: {
      username,
      displayName: `Cán bộ ${username}`,
      password: 'mat-khau-du-dai',
      grants: [{ role: 'officer', unitCode: unit.code }],
    },
  });

describe('the audit trail of account changes', () => {
  it('writes one event per change, in the request’s transaction, with actor, entity, unit, before and after', async () => {
    const province = await buildProvince(t.db);
    const wardA = await buildWard(t.db, province);
    const wardB = await buildWard(t.db, province);
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const username = newUsername('trail');

    const created = await call('POST', '/api/users', {
      cookie,
      headers: { 'x-request-id': 'audit-test-create-0001' },
      payload: {
        username,
        displayName: 'Lê Văn Ghi',
        password: 'mat-khau-ban-dau',
        grants: [{ role: 'officer', unitCode: wardA.code }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['x-request-id']).toBe('audit-test-create-0001');
    const userId = created.json().id;
    expect(await eventsOf('audit-test-create-0001')).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        actorUsername: admin.username,
        action: 'create',
        entityType: 'user',
        entityId: username,
        unitId: wardA.unitId,
        before: null,
        after: expect.objectContaining({
          id: userId,
          username,
          displayName: 'Lê Văn Ghi',
          isActive: true,
          grants: [expect.objectContaining({ role: 'officer', unitCode: wardA.code })],
        }),
      }),
    ]);

    const renamed = await call('PATCH', `/api/users/${userId}`, {
      cookie,
      payload: { displayName: 'Lê Văn Mới' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await eventsOf(requestIdOf(renamed))).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'update',
        entityType: 'user',
        entityId: username,
        unitId: wardA.unitId,
        before: expect.objectContaining({ displayName: 'Lê Văn Ghi' }),
        after: expect.objectContaining({ displayName: 'Lê Văn Mới' }),
      }),
    ]);

    const granted = await call('POST', `/api/users/${userId}/grants`, {
      cookie,
      payload: { role: 'viewer', unitCode: wardB.code },
    });
    expect(granted.statusCode).toBe(201);
    const grantId = granted.json().grants.find((grant: { role: string }) => grant.role === 'viewer').id;
    expect(await eventsOf(requestIdOf(granted))).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'create',
        entityType: 'role_grant',
        entityId: grantId,
        unitId: wardB.unitId,
        before: null,
        after: { username, role: 'viewer', unitCode: wardB.code },
      }),
    ]);

    const revoked = await call('DELETE', `/api/users/${userId}/grants/${grantId}`, { cookie });
    expect(revoked.statusCode).toBe(200);
    expect(await eventsOf(requestIdOf(revoked))).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'delete',
        entityType: 'role_grant',
        entityId: grantId,
        unitId: wardB.unitId,
        before: expect.objectContaining({ username, role: 'viewer', unitCode: wardB.code }),
        after: null,
      }),
    ]);

    const loggedIn = await call('POST', '/api/auth/login', {
      payload: { username, password: 'mat-khau-ban-dau' },
    });
    expect(loggedIn.statusCode).toBe(200);
    expect(await eventsOf(requestIdOf(loggedIn))).toEqual([
      expect.objectContaining({
        actorId: userId,
        action: 'login',
        entityType: 'session',
        entityId: username,
      }),
    ]);
    const userCookie = `doanket_session=${loggedIn.cookies.find((c) => c.name === 'doanket_session')!.value}`;
    const changed = await call('POST', '/api/auth/password', {
      cookie: userCookie,
      payload: { currentPassword: 'mat-khau-ban-dau', newPassword: 'mat-khau-cua-toi' },
    });
    expect(changed.statusCode).toBe(204);
    expect(await eventsOf(requestIdOf(changed))).toEqual([
      expect.objectContaining({ actorId: userId, action: 'update', entityType: 'user', entityId: username }),
    ]);
    const loggedOut = await call('POST', '/api/auth/logout', { cookie: userCookie });
    expect(loggedOut.statusCode).toBe(204);
    expect(await eventsOf(requestIdOf(loggedOut))).toEqual([
      expect.objectContaining({ actorId: userId, action: 'logout', entityType: 'session' }),
    ]);

    // A refused change leaves no trace.
    const refused = await call('PATCH', `/api/users/${admin.id}`, { cookie, payload: { isActive: false } });
    expect(refused.statusCode).toBe(400);
    expect(await eventsOf(requestIdOf(refused))).toEqual([]);

    const { items } = await audit(`unit=${wardA.code}`, cookie);
    expect(items.find((item) => item.requestId === 'audit-test-create-0001')).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actorUsername: admin.username,
      action: 'create',
      entityType: 'user',
      entityId: username,
      unitCode: wardA.code,
      unitName: wardA.name,
      before: null,
      after: expect.objectContaining({ username }),
      requestId: 'audit-test-create-0001',
    });

    const leaks = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events
          WHERE concat(before::text, after::text) ~ '(argon2|mat-khau-ban-dau|mat-khau-cua-toi)'`,
    );
    expect(leaks[0]!.n).toBe(0);
  });
});

describe('who sees which events', () => {
  it('shows each user the events of its own subtree only', async () => {
    const p = await buildProvince(t.db);
    const d = await buildDistrict(t.db, p, { validTo: null });
    const a = await buildWard(t.db, d);
    const group = await buildResidentialGroup(t.db, a);
    const b = await buildWard(t.db, d);
    const q = await buildProvince(t.db);
    const c = await buildWard(t.db, q);
    const admin = await buildAdmin(t.db);
    const adminCookie = await login(t.app, admin);
    const requestOn = new Map<string, string>();
    for (const unit of [a, group, b, c]) {
      const created = await createUser(adminCookie, unit);
      expect(created.statusCode).toBe(201);
      requestOn.set(unit.code, requestIdOf(created));
    }
    const requestIds = (items: Item[]) => items.map((item) => item.requestId);

    const officer = await login(t.app, await buildOfficer(t.db, a));
    const own = await audit(`unit=${a.code}`, officer);
    expect(own.response.statusCode).toBe(200);
    expect(new Set(own.items.map((item) => item.unitCode))).toEqual(new Set([a.code, group.code]));
    expect(requestIds(own.items)).toEqual(
      expect.arrayContaining([requestOn.get(a.code), requestOn.get(group.code)]),
    );
    const unscoped = await audit('', officer);
    expect(unscoped.response.statusCode).toBe(200);
    expect(new Set(unscoped.items.map((item) => item.unitCode))).toEqual(new Set([a.code, group.code]));
    for (const elsewhere of [b.code, c.code, d.code, 'NO-SUCH-UNIT']) {
      const { response } = await audit(`unit=${elsewhere}`, officer);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        code: 'not_found',
        message: 'Không tìm thấy đơn vị có mã này vào ngày đã chọn',
      });
    }

    const committee = await login(t.app, await buildStandingCommittee(t.db, d));
    const district = await audit('', committee);
    expect(district.response.statusCode).toBe(200);
    expect(new Set(district.items.map((item) => item.unitCode))).toEqual(
      new Set([a.code, group.code, b.code]),
    );
    expect((await audit(`unit=${c.code}`, committee)).response.statusCode).toBe(404);
    expect((await audit(`unit=${p.code}`, committee)).response.statusCode).toBe(404);

    for (const user of [await buildViewer(t.db, a), await buildTreasurer(t.db, d)]) {
      const cookie = await login(t.app, user);
      const withUnit = await audit(`unit=${a.code}`, cookie);
      expect(withUnit.response.statusCode).toBe(403);
      expect(withUnit.response.json()).toMatchObject({ code: 'forbidden' });
      expect((await audit('', cookie)).response.statusCode).toBe(403);
    }

    const national = await audit(`actor=${admin.username}&entityType=user`, adminCookie);
    expect(requestIds(national.items).sort()).toEqual([...requestOn.values()].sort());
  });

  it('reads the unit code on the date asked for', async () => {
    const province = await buildProvince(t.db);
    const old = await buildWard(t.db, province, { validFrom: '2014-04-01', validTo: '2025-07-01' });
    const officer = await buildUser(t.db, [{ role: 'officer', unit: old }]);
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const granted = await call('POST', `/api/users/${officer.id}/grants`, {
      cookie,
      payload: { role: 'viewer', unitCode: old.code, at: '2024-01-01' },
    });
    expect(granted.statusCode).toBe(201);
    expect((await audit(`unit=${old.code}`, cookie)).response.statusCode).toBe(404);
    const then = await audit(`unit=${old.code}&at=2024-01-01`, cookie);
    expect(then.items.map((item) => item.requestId)).toEqual([requestIdOf(granted)]);
  });
});

describe('paging and filters', () => {
  it('pages with before and nextBefore, giving every event exactly once', async () => {
    const province = await buildProvince(t.db);
    const ward = await buildWard(t.db, province);
    const user = await buildUser(t.db, [{ role: 'officer', unit: ward }]);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const grant = () =>
      call('POST', `/api/users/${user.id}/grants`, {
        cookie,
        payload: { role: 'viewer', unitCode: ward.code },
      });
    for (let i = 0; i < 7; i += 1) expect((await grant()).statusCode).toBe(201);

    const all = await call('GET', `/api/audit?unit=${ward.code}&limit=200`, { cookie });
    expect(all.json().nextBefore).toBeNull();
    const ids: string[] = all.json().items.map((item: Item) => item.id);
    expect(ids).toHaveLength(7);
    expect([...ids].sort((x, y) => Number(y) - Number(x))).toEqual(ids);

    const pages: string[][] = [];
    let before: number | null = null;
    do {
      const page = await call(
        'GET',
        `/api/audit?unit=${ward.code}&limit=3${before ? `&before=${before}` : ''}`,
        {
          cookie,
        },
      );
      expect(page.statusCode).toBe(200);
      const pageIds: string[] = page.json().items.map((item: Item) => item.id);
      pages.push(pageIds);
      before = page.json().nextBefore;
      if (before !== null) expect(before).toBe(Number(pageIds.at(-1)));
      // An event written while paging belongs to the top, not to a later page.
      if (pages.length === 1) expect((await grant()).statusCode).toBe(201);
    } while (before !== null);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(ids);

    const exact = await call('GET', `/api/audit?unit=${ward.code}&limit=8`, { cookie });
    expect(exact.json().items).toHaveLength(8);
    const after = await call(
      'GET',
      `/api/audit?unit=${ward.code}&limit=8&before=${exact.json().nextBefore}`,
      {
        cookie,
      },
    );
    expect(after.json()).toEqual({ items: [], nextBefore: null });
  });

  it('filters by entity type, action, actor and days in Vietnam', async () => {
    const province = await buildProvince(t.db);
    const ward = await buildWard(t.db, province);
    const first = await buildAdmin(t.db);
    const second = await buildAdmin(t.db);
    const firstCookie = await login(t.app, first);
    const secondCookie = await login(t.app, second);
    const created = await createUser(firstCookie, ward);
    const userId = created.json().id;
    const granted = await call('POST', `/api/users/${userId}/grants`, {
      cookie: secondCookie,
      payload: { role: 'viewer', unitCode: ward.code },
    });
    const grantId = granted.json().grants.find((grant: { role: string }) => grant.role === 'viewer').id;
    const updated = await call('PATCH', `/api/users/${userId}`, {
      cookie: firstCookie,
      payload: { displayName: 'Tên mới' },
    });
    const revoked = await call('DELETE', `/api/users/${userId}/grants/${grantId}`, { cookie: firstCookie });
    // Written late (ids give the order): just before and just after midnight in Vietnam on 11 March.
    await t.db.insert(auditEvents).values([
      {
        at: new Date('2024-03-10T16:30:00Z'),
        action: 'update',
        entityType: 'probe',
        entityId: 'early',
        unitId: ward.unitId,
      },
      {
        at: new Date('2024-03-10T17:30:00Z'),
        action: 'update',
        entityType: 'probe',
        entityId: 'late',
        unitId: ward.unitId,
      },
    ]);

    const ids = async (filter: string) => {
      const { response, items } = await audit(`unit=${ward.code}&${filter}`, firstCookie);
      expect(response.statusCode).toBe(200);
      return items.map((item) => item.requestId ?? item.entityId);
    };
    const [c, g, u, r] = [created, granted, updated, revoked].map(requestIdOf);
    expect(await ids('limit=50')).toEqual(['late', 'early', r, u, g, c]);
    expect(await ids('entityType=role_grant')).toEqual([r, g]);
    expect(await ids('action=create')).toEqual([g, c]);
    expect(await ids('entityType=role_grant&action=delete')).toEqual([r]);
    expect(await ids(`actor=${second.username}`)).toEqual([g]);
    expect(await ids(`actor=${first.username}&entityType=user`)).toEqual([u, c]);

    const today = todayInVietnam();
    const shift = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
    expect(await ids(`from=${today}&to=${today}`)).toEqual([r, u, g, c]);
    expect(await ids(`from=${shift(1)}`)).toEqual([]);
    expect(await ids(`to=${shift(-1)}`)).toEqual(['late', 'early']);
    expect(await ids('from=2024-03-11&to=2024-03-11')).toEqual(['late']);
    expect(await ids('to=2024-03-10')).toEqual(['early']);
    expect(await ids('from=2024-03-10&to=2024-03-10')).toEqual(['early']);

    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['before=-3', 'before'],
      ['before=abc', 'before'],
      ['from=2024-02-30', 'from'],
    ] as const) {
      const { response } = await audit(`unit=${ward.code}&${query}`, firstCookie);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields.map((field: { path: string }) => field.path)).toEqual([path]);
    }
  });
});

describe('atomicity', () => {
  it('saves no change whose audit event cannot be written', async () => {
    const province = await buildProvince(t.db);
    const ward = await buildWard(t.db, province);
    const other = await buildWard(t.db, province);
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const target = await buildUser(t.db, [{ role: 'officer', unit: ward }], {
      username: newUsername('atomic'),
    });
    const targetCookie = await login(t.app, target);
    const [grant] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM role_grants WHERE user_id = ${target.id}`,
    );
    const state = async () =>
      (
        await queryRows<{ display_name: string; is_active: boolean; password_hash: string; grants: number }>(
          t.db,
          sql`SELECT display_name, is_active, password_hash,
                (SELECT count(*)::int FROM role_grants WHERE user_id = users.id) AS grants
              FROM users WHERE id = ${target.id}`,
        )
      )[0];
    const before = await state();

    // The database refuses audit events about accounts named atomic…, as a full disk or a
    // lost connection would, once the change itself has been written in the transaction.
    await t.db.execute(
      sql.raw(`CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action IN ('create', 'update', 'delete')
            AND concat(NEW.entity_id, NEW.before::text, NEW.after::text) LIKE '%atomic%' THEN
            RAISE EXCEPTION 'audit refused by the test';
          END IF;
          RETURN NEW;
        END $$`),
    );
    await t.db.execute(
      sql.raw(`CREATE TRIGGER audit_test_refuse BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()`),
    );
    try {
      const newName = newUsername('atomic');
      const created = await createUser(cookie, ward, newName);
      expect(created.statusCode).toBe(500);
      expect(created.json()).toMatchObject({ code: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại' });
      const found = await queryRows(t.db, sql`SELECT 1 FROM users WHERE username = ${newName}`);
      expect(found).toEqual([]);

      const patched = await call('PATCH', `/api/users/${target.id}`, {
        cookie,
        payload: { displayName: 'Không được lưu', isActive: false },
      });
      expect(patched.statusCode).toBe(500);
      const reset = await call('PATCH', `/api/users/${target.id}`, {
        cookie,
        payload: { password: 'mat-khau-khong-luu' },
      });
      expect(reset.statusCode).toBe(500);
      const granted = await call('POST', `/api/users/${target.id}/grants`, {
        cookie,
        payload: { role: 'viewer', unitCode: other.code },
      });
      expect(granted.statusCode).toBe(500);
      const revoked = await call('DELETE', `/api/users/${target.id}/grants/${grant!.id}`, { cookie });
      expect(revoked.statusCode).toBe(500);
      const changed = await call('POST', '/api/auth/password', {
        cookie: targetCookie,
        payload: { currentPassword: target.password, newPassword: 'mat-khau-khong-luu' },
      });
      expect(changed.statusCode).toBe(500);

      expect(await state()).toEqual(before);
      expect((await call('GET', '/api/auth/me', { cookie: targetCookie })).statusCode).toBe(200);
      expect(await login(t.app, target)).toMatch(/^doanket_session=/);
    } finally {
      await t.db.execute(sql.raw('DROP TRIGGER audit_test_refuse ON audit_events'));
      await t.db.execute(sql.raw('DROP FUNCTION audit_test_refuse()'));
    }
    const renamed = await call('PATCH', `/api/users/${target.id}`, {
      cookie,
      payload: { displayName: 'Đã lưu' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await state())!.display_name).toBe('Đã lưu');
  });
  it('keeps no audit event of a change that fails when it commits', async () => {
    const province = await buildProvince(t.db);
    const ward = await buildWard(t.db, province);
    const cookie = await login(t.app, await buildAdmin(t.db));
    const target = await buildUser(t.db, [{ role: 'officer', unit: ward }]);
    // A deferred check fails at COMMIT, after the service has written its audit event.
    await t.db.execute(
      sql.raw(`CREATE FUNCTION audit_test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'change refused at commit by the test'; END $$`),
    );
    await t.db.execute(
      sql.raw(`CREATE CONSTRAINT TRIGGER audit_test_refuse_commit AFTER UPDATE ON users
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (NEW.display_name = 'Refused at commit') EXECUTE FUNCTION audit_test_refuse_commit()`),
    );
    try {
      const refused = await call('PATCH', `/api/users/${target.id}`, {
        cookie,
        payload: { displayName: 'Refused at commit' },
      });
      expect(refused.statusCode).toBe(500);
      expect(await eventsOf(requestIdOf(refused))).toEqual([]);
      const [row] = await queryRows<{ display_name: string }>(
        t.db,
        sql`SELECT display_name FROM users WHERE id = ${target.id}`,
      );
      expect(row!.display_name).toBe(`Người dùng ${target.username}`);
    } finally {
      await t.db.execute(sql.raw('DROP TRIGGER audit_test_refuse_commit ON users'));
      await t.db.execute(sql.raw('DROP FUNCTION audit_test_refuse_commit()'));
    }
  });
});
