import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
  type BuiltUser,
  buildAdmin,
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildStandingCommittee,
  buildTreasurer,
  buildUser,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { buildApp } from '../../app';
import { queryRows } from '../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);

// Failed logins also count per address (30 in 15 minutes): each test fails from its own.
let addresses = 0;
const freshIp = () => {
  addresses += 1;
  return `10.9.${Math.floor(addresses / 200)}.${(addresses % 200) + 1}`;
};
const attempt = (username: string, password: string, ip = freshIp()) =>
  call('POST', '/api/auth/login', { payload: { username, password }, ip });
const me = (cookie: string) => call('GET', '/api/auth/me', { cookie });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function storedUser(username: string) {
  const [row] = await queryRows<{ id: string; password_hash: string; must_change_password: boolean }>(
    t.db,
    sql`SELECT id::text AS id, password_hash, must_change_password FROM users WHERE username = ${username}`,
  );
  return row;
}

const sessionCount = async (userId: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId}`,
    )
  )[0]!.n;

/** Audit events about one account (not its logins). */
const auditOf = (username: string) =>
  queryRows<{ action: string; before: unknown; after: unknown }>(
    t.db,
    sql`SELECT action, before, after FROM audit_events
        WHERE entity_type = 'user' AND entity_id = ${username} ORDER BY id`,
  );

/** Province P with district D of wards A and B, and province Q with ward C. */
async function buildTwoProvinces() {
  const p = await buildProvince(t.db);
  const d = await buildDistrict(t.db, p, { validTo: null });
  const a = await buildWard(t.db, d);
  const b = await buildWard(t.db, d);
  const q = await buildProvince(t.db);
  const c = await buildWard(t.db, q);
  return { p, d, a, b, q, c };
}

const usernames = (items: Array<{ username: string }>) => items.map((item) => item.username).sort();
const grantsOf = (user: { grants: Array<{ role: string; unitCode: string | null }> }) =>
  user.grants.map((grant) => `${grant.role}@${grant.unitCode}`).sort();

describe('login and sessions', () => {
  it('logs in with an httpOnly, SameSite=Lax cookie whose token is stored only as its SHA-256', async () => {
    const province = await buildProvince(t.db);
    const ward = await buildWard(t.db, province);
    const officer = await buildOfficer(t.db, ward);
    const response = await attempt(officer.username.toUpperCase(), officer.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: officer.id,
      username: officer.username,
      displayName: `Người dùng ${officer.username}`,
      mustChangePassword: false,
      grants: [
        {
          id: expect.any(String),
          role: 'officer',
          unitCode: ward.code,
          unitName: ward.name,
          unitValidFrom: ward.validFrom,
          unitValidTo: null,
        },
      ],
      actions: [
        'read',
        'units.write',
        'audit.read',
        'plans.write',
        'households.write',
        'teams.write',
        'persons.reveal',
      ],
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^doanket_session=[\w-]{40,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    const token = response.cookies.find((cookie) => cookie.name === 'doanket_session')!.value;
    const stored = await queryRows<{ token_hash: string }>(
      t.db,
      sql`SELECT token_hash FROM sessions WHERE user_id = ${officer.id}`,
    );
    expect(stored).toEqual([{ token_hash: sha256(token) }]);
    const current = await me(`doanket_session=${token}`);
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ id: officer.id, username: officer.username });
  });

  it('answers a wrong password, an unknown user and a deactivated user alike', async () => {
    const user = await buildUser(t.db, []);
    const inactive = await buildUser(t.db, []);
    await t.db.execute(sql`UPDATE users SET is_active = false WHERE id = ${inactive.id}`);
    const answers = [
      await attempt(user.username, `${user.password}x`),
      await attempt('nobody_here', user.password),
      await attempt(inactive.username, inactive.password),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({
        code: 'unauthorized',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng',
        messageEn: 'Wrong username or password',
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses even the right password after five failures within 15 minutes', async () => {
    const user = await buildUser(t.db, []);
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt(user.username, 'wrong-password')).statusCode).toBe(401);
    }
    const blocked = await attempt(user.username, user.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      code: 'too_many_requests',
      message: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút',
    });
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // Another user is not affected.
    const other = await buildUser(t.db, []);
    expect((await attempt(other.username, other.password)).statusCode).toBe(200);
    // Failures older than the window no longer count.
    await t.db.execute(
      sql`UPDATE login_failures SET at = now() - interval '16 minutes' WHERE username = ${user.username}`,
    );
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
  });

  it('clears the failures of a username when it logs in', async () => {
    const user = await buildUser(t.db, []);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 4; i += 1) {
        expect((await attempt(user.username, 'wrong-password')).statusCode).toBe(401);
      }
      expect((await attempt(user.username, user.password)).statusCode).toBe(200);
    }
    const left = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM login_failures WHERE username = ${user.username}`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it('lets no more than five wrong passwords through a burst of parallel attempts', async () => {
    const user = await buildUser(t.db, []);
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(user.username, `wrong-password-${i}`, ip)),
    );
    const checked = answers.filter((answer) => answer.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(20 - checked);
    const [stored] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM login_failures WHERE username = ${user.username}`,
    );
    expect(stored!.n).toBe(checked);
  });

  it('counts failures in the database, shared by every API process', async () => {
    const user = await buildUser(t.db, []);
    const other = await buildApp({ db: t.db, config: t.config });
    await other.ready();
    try {
      for (let i = 0; i < 3; i += 1) {
        expect((await attempt(user.username, 'wrong-password')).statusCode).toBe(401);
      }
      for (let i = 0; i < 2; i += 1) {
        const failed = await other.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: 'wrong-password' },
          remoteAddress: freshIp(),
        });
        expect(failed.statusCode).toBe(401);
      }
      expect((await attempt(user.username, user.password)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('refuses an expired session', async () => {
    const user = await buildUser(t.db, []);
    const cookie = await login(t.app, user);
    expect((await me(cookie)).statusCode).toBe(200);
    await t.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ${user.id}`,
    );
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'unauthorized', message: 'Cần đăng nhập' });
    expect((await call('GET', '/api/users', { cookie })).statusCode).toBe(401);
  });

  it('logs out: the same cookie no longer works and other sessions stay', async () => {
    const user = await buildUser(t.db, []);
    const cookie = await login(t.app, user);
    const other = await login(t.app, user);
    const response = await call('POST', '/api/auth/logout', { cookie });
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/^doanket_session=;/);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await call('POST', '/api/auth/logout', { cookie })).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it('asks for a session without a cookie or with a forged one', async () => {
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await me('doanket_session=forged-token')).statusCode).toBe(401);
    expect((await call('POST', '/api/auth/logout')).statusCode).toBe(401);
    const change = await call('POST', '/api/auth/password', {
      payload: { currentPassword: 'whatever-it-is', newPassword: 'another-long-one' },
    });
    expect(change.statusCode).toBe(401);
  });
});

describe('changing one’s password', () => {
  it('keeps the current session, closes the others and retires the old password', async () => {
    const user = await buildUser(t.db, [], { mustChangePassword: true });
    const cookie = await login(t.app, user);
    const elsewhere = await login(t.app, user);
    expect((await me(cookie)).json().mustChangePassword).toBe(true);
    const before = await storedUser(user.username);
    const response = await call('POST', '/api/auth/password', {
      cookie,
      payload: { currentPassword: user.password, newPassword: 'một mật khẩu mới dài' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const current = await me(cookie);
    expect(current.statusCode).toBe(200);
    expect(current.json().mustChangePassword).toBe(false);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect(await sessionCount(user.id)).toBe(1);
    expect((await attempt(user.username, user.password)).statusCode).toBe(401);
    expect((await attempt(user.username, 'một mật khẩu mới dài')).statusCode).toBe(200);
    const after = await storedUser(user.username);
    expect(after!.password_hash).toMatch(/^\$argon2id\$/);
    expect(after!.password_hash).not.toBe(before!.password_hash);
    expect(after!.password_hash).not.toContain('một mật khẩu mới dài');
    const events = await auditOf(user.username);
    expect(events).toEqual([{ action: 'update', before: null, after: { passwordChanged: true } }]);
  });

  it('answers a wrong current password or a short new one with a field error and changes nothing', async () => {
    const user = await buildUser(t.db, []);
    const cookie = await login(t.app, user);
    const elsewhere = await login(t.app, user);
    const before = await storedUser(user.username);
    const wrong = await call('POST', '/api/auth/password', {
      cookie,
      payload: { currentPassword: 'not-the-password', newPassword: 'a-long-new-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'bad_request',
      message: 'Mật khẩu hiện tại không đúng',
      fields: [
        {
          path: 'currentPassword',
          message: 'Mật khẩu hiện tại không đúng',
          messageEn: 'The current password is wrong',
        },
      ],
    });
    const short = await call('POST', '/api/auth/password', {
      cookie,
      payload: { currentPassword: user.password, newPassword: '123456789' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([
      {
        path: 'newPassword',
        message: 'Mật khẩu cần ít nhất 10 ký tự',
        messageEn: 'A password needs at least 10 characters',
      },
    ]);
    expect((await storedUser(user.username))!.password_hash).toBe(before!.password_hash);
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect(await auditOf(user.username)).toEqual([]);
  });

  it('limits guesses of the current password like logins', async () => {
    const user = await buildUser(t.db, []);
    const cookie = await login(t.app, user);
    const guess = (currentPassword: string) =>
      call('POST', '/api/auth/password', {
        cookie,
        payload: { currentPassword, newPassword: 'a-long-new-password' },
      });
    for (let i = 0; i < 5; i += 1) expect((await guess(`wrong-guess-${i}`)).statusCode).toBe(400);
    const limited = await guess(user.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toBe('Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút');
    expect((await attempt(user.username, user.password)).statusCode).toBe(429);
  });
});

describe('listing accounts', () => {
  it('shows a national administrator every account and a standing committee its subtree only', async () => {
    const tree = await buildTwoProvinces();
    const admin = await buildAdmin(t.db);
    const committee = await buildStandingCommittee(t.db, tree.d);
    const officerA = await buildOfficer(t.db, tree.a);
    const viewerB = await buildViewer(t.db, tree.b);
    const officerC = await buildOfficer(t.db, tree.c);
    const provincial = await buildStandingCommittee(t.db, tree.p);
    const built = [admin, committee, officerA, viewerB, officerC, provincial].map((user) => user.username);
    const mine = (items: Array<{ username: string }>) =>
      usernames(items.filter((item) => built.includes(item.username)));

    const all = await call('GET', '/api/users', { cookie: await login(t.app, admin) });
    expect(all.statusCode).toBe(200);
    expect(mine(all.json().items)).toEqual([...built].sort());

    const scoped = await call('GET', '/api/users', { cookie: await login(t.app, committee) });
    expect(scoped.statusCode).toBe(200);
    expect(usernames(scoped.json().items)).toEqual(
      [committee.username, officerA.username, viewerB.username].sort(),
    );
    const listed = scoped.json().items.find((item: { id: string }) => item.id === officerA.id);
    expect(listed).toEqual({
      id: officerA.id,
      username: officerA.username,
      displayName: `Người dùng ${officerA.username}`,
      isActive: true,
      createdAt: expect.any(String),
      grants: [
        {
          id: expect.any(String),
          role: 'officer',
          unitCode: tree.a.code,
          unitName: tree.a.name,
          unitValidFrom: tree.a.validFrom,
          unitValidTo: null,
        },
      ],
    });

    const byUnit = await call('GET', `/api/users?unit=${tree.b.code}`, {
      cookie: await login(t.app, committee),
    });
    expect(usernames(byUnit.json().items)).toEqual([viewerB.username]);
    const byName = await call('GET', `/api/users?q=${officerA.username.slice(-8)}`, {
      cookie: await login(t.app, committee),
    });
    expect(usernames(byName.json().items)).toEqual([officerA.username]);
  });

  it('answers 404 for a unit outside the scope, 403 for one readable but not managed', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    expect((await call('GET', `/api/users?unit=${tree.p.code}`, { cookie })).statusCode).toBe(404);
    const officer = await login(t.app, await buildOfficer(t.db, tree.a));
    expect((await call('GET', `/api/users?unit=${tree.a.code}`, { cookie: officer })).statusCode).toBe(403);
  });

  it('refuses officers, treasurers and viewers', async () => {
    const tree = await buildTwoProvinces();
    for (const user of [
      await buildOfficer(t.db, tree.a),
      await buildTreasurer(t.db, tree.d),
      await buildViewer(t.db, tree.p),
    ]) {
      const response = await call('GET', '/api/users', { cookie: await login(t.app, user) });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('creating accounts', () => {
  it('creates an account that must change its password, without ever showing the hash', async () => {
    const tree = await buildTwoProvinces();
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const password = 'mật-khẩu-tạm-123';
    const response = await call('POST', '/api/users', {
      cookie,
      payload: {
        username: ' Can_Bo.Moi ',
        displayName: 'Nguyễn Văn Mới',
        password,
        grants: [{ role: 'officer', unitCode: tree.a.code }],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      username: 'can_bo.moi',
      displayName: 'Nguyễn Văn Mới',
      isActive: true,
      createdAt: expect.any(String),
      grants: [
        {
          id: expect.any(String),
          role: 'officer',
          unitCode: tree.a.code,
          unitName: tree.a.name,
          unitValidFrom: tree.a.validFrom,
          unitValidTo: null,
        },
      ],
    });
    const stored = await storedUser('can_bo.moi');
    expect(stored!.must_change_password).toBe(true);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain(password);

    const created: BuiltUser = { id: stored!.id, username: 'can_bo.moi', password };
    const first = await attempt(created.username, password);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: created.id, mustChangePassword: true });
    expect(first.body).not.toContain('argon2');

    const duplicate = await call('POST', '/api/users', {
      cookie,
      payload: { username: 'CAN_BO.MOI', displayName: 'Trùng', password, grants: [] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict', message: 'Tên đăng nhập đã được dùng' });

    for (const username of ['ab', 'có dấu', 'a'.repeat(41), 'semi;colon']) {
      const bad = await call('POST', '/api/users', {
        cookie,
        payload: { username, displayName: 'Sai tên', password, grants: [] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual([
        {
          path: 'username',
          message: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch dưới',
          messageEn: 'A username has 3–40 lower-case letters, digits, dots or underscores',
        },
      ]);
    }
    const weak = await call('POST', '/api/users', {
      cookie,
      payload: { username: 'weak_pw_user', displayName: 'Yếu', password: '123456789', grants: [] },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.map((field: { path: string }) => field.path)).toEqual(['password']);
    expect(await storedUser('weak_pw_user')).toBeUndefined();
  });

  it('lets a standing committee create accounts on units of its subtree only, never administrators', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    const create = (username: string, grants: unknown[]) =>
      call('POST', '/api/users', {
        cookie,
        payload: { username, displayName: 'Cán bộ', password: 'mat-khau-du-dai', grants },
      });
    const suffix = committee.username.slice(-8);

    const ok = await create(`ok_${suffix}`, [{ role: 'officer', unitCode: tree.a.code }]);
    expect(ok.statusCode).toBe(201);
    expect(grantsOf(ok.json())).toEqual([`officer@${tree.a.code}`]);

    const elsewhere = await create(`other_${suffix}`, [{ role: 'officer', unitCode: tree.c.code }]);
    expect(elsewhere.statusCode).toBe(403);
    const above = await create(`above_${suffix}`, [{ role: 'viewer', unitCode: tree.p.code }]);
    expect(above.statusCode).toBe(403);
    const mixed = await create(`mixed_${suffix}`, [
      { role: 'officer', unitCode: tree.a.code },
      { role: 'viewer', unitCode: tree.c.code },
    ]);
    expect(mixed.statusCode).toBe(403);
    const admin = await create(`admin_${suffix}`, [{ role: 'system_admin' }]);
    expect(admin.statusCode).toBe(403);
    expect(admin.json()).toMatchObject({
      code: 'forbidden',
      message: 'Chỉ quản trị hệ thống được cấp quyền quản trị hệ thống',
    });
    const noRole = await create(`norole_${suffix}`, []);
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().fields).toEqual([expect.objectContaining({ path: 'grants' })]);
    const noUnit = await create(`nounit_${suffix}`, [{ role: 'officer' }]);
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().fields).toEqual([expect.objectContaining({ path: 'unitCode' })]);
    const unknownUnit = await create(`unknown_${suffix}`, [{ role: 'officer', unitCode: 'NO-SUCH-UNIT' }]);
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().fields).toEqual([
      expect.objectContaining({
        path: 'unitCode',
        message: 'Không tìm thấy đơn vị có mã này vào ngày đã chọn',
      }),
    ]);
    for (const name of ['other', 'above', 'mixed', 'admin', 'norole', 'nounit', 'unknown']) {
      expect(await storedUser(`${name}_${suffix}`)).toBeUndefined();
    }

    const officer = await buildOfficer(t.db, tree.a);
    const byOfficer = await call('POST', '/api/users', {
      cookie: await login(t.app, officer),
      payload: {
        username: `byofficer_${suffix}`,
        displayName: 'Cán bộ',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'viewer', unitCode: tree.a.code }],
      },
    });
    expect(byOfficer.statusCode).toBe(403);
    expect(await storedUser(`byofficer_${suffix}`)).toBeUndefined();
  });

  it('answers two simultaneous creations of one username with 201 and 409, never 500', async () => {
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    // The race is won or lost by timing: several rounds make a lost one show.
    for (let round = 0; round < 5; round += 1) {
      const username = `twin${round}_${admin.username.slice(-8)}`;
      const payload = { username, displayName: 'Sinh đôi', password: 'mat-khau-du-dai', grants: [] };
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => call('POST', '/api/users', { cookie, payload })),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409]);
      const rows = await queryRows<{ n: number }>(
        t.db,
        sql`SELECT count(*)::int AS n FROM users WHERE username = ${username}`,
      );
      expect(rows[0]!.n).toBe(1);
    }
  });
});

describe('updating accounts', () => {
  it('renames, deactivates (closing sessions), reactivates and resets the password', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    const officer = await buildOfficer(t.db, tree.a);
    const officerCookie = await login(t.app, officer);
    const patch = (payload: unknown) => call('PATCH', `/api/users/${officer.id}`, { cookie, payload });

    const renamed = await patch({ displayName: '  Trần Thị Lan ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: officer.id, displayName: 'Trần Thị Lan', isActive: true });
    expect((await me(officerCookie)).json().displayName).toBe('Trần Thị Lan');

    const deactivated = await patch({ isActive: false });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().isActive).toBe(false);
    expect((await me(officerCookie)).statusCode).toBe(401);
    expect(await sessionCount(officer.id)).toBe(0);
    expect((await attempt(officer.username, officer.password)).statusCode).toBe(401);

    expect((await patch({ isActive: true })).json().isActive).toBe(true);
    const again = await login(t.app, officer);

    const reset = await patch({ password: 'mật-khẩu-đặt-lại' });
    expect(reset.statusCode).toBe(200);
    expect(reset.body).not.toContain('argon2');
    expect((await me(again)).statusCode).toBe(401);
    expect((await storedUser(officer.username))!.must_change_password).toBe(true);
    expect((await storedUser(officer.username))!.password_hash).toMatch(/^\$argon2id\$/);
    expect((await attempt(officer.username, officer.password)).statusCode).toBe(401);
    const afterReset = await attempt(officer.username, 'mật-khẩu-đặt-lại');
    expect(afterReset.statusCode).toBe(200);
    expect(afterReset.json().mustChangePassword).toBe(true);

    const short = await patch({ password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const blank = await patch({ displayName: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toEqual([expect.objectContaining({ path: 'displayName' })]);

    const events = await auditOf(officer.username);
    expect(events.map((event) => event.action)).toEqual(['update', 'update', 'update', 'update']);
    expect(events[0]).toMatchObject({
      before: { displayName: `Người dùng ${officer.username}` },
      after: { displayName: 'Trần Thị Lan' },
    });
    expect(events[3]!.after).toMatchObject({ passwordReset: true });
    const text = JSON.stringify(events);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('mật-khẩu-đặt-lại');
    expect(text).not.toContain(officer.password);
  });

  it('answers 404 for accounts outside the manager’s scope and changes nothing', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    const outsider = await buildOfficer(t.db, tree.c);
    const admin = await buildAdmin(t.db);
    const [outsiderGrant] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM role_grants WHERE user_id = ${outsider.id}`,
    );
    for (const target of [outsider, admin]) {
      const patched = await call('PATCH', `/api/users/${target.id}`, {
        cookie,
        payload: { isActive: false, password: 'taken-over-now' },
      });
      expect(patched.statusCode).toBe(404);
      expect(patched.json()).toMatchObject({ code: 'not_found', message: 'Không tìm thấy' });
      const granted = await call('POST', `/api/users/${target.id}/grants`, {
        cookie,
        payload: { role: 'viewer', unitCode: tree.a.code },
      });
      expect(granted.statusCode).toBe(404);
      expect((await attempt(target.username, target.password)).statusCode).toBe(200);
    }
    const revoked = await call('DELETE', `/api/users/${outsider.id}/grants/${outsiderGrant!.id}`, { cookie });
    expect(revoked.statusCode).toBe(404);
    const missing = await call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', {
      cookie,
      payload: { displayName: 'Không có' },
    });
    expect(missing.statusCode).toBe(404);
    const badId = await call('PATCH', '/api/users/not-a-uuid', { cookie, payload: { displayName: 'X' } });
    expect(badId.statusCode).toBe(400);
    const grants = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM role_grants WHERE user_id IN (${outsider.id}, ${admin.id})`,
    );
    expect(grants[0]!.n).toBe(2);
  });

  it('does not let a standing committee take over an account holding roles beyond its subtree', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    // Seen by the committee through their role on ward A, but also powerful elsewhere.
    const adminToo = await buildUser(t.db, [
      { role: 'system_admin', unit: null },
      { role: 'officer', unit: tree.a },
    ]);
    const twoProvinces = await buildUser(t.db, [
      { role: 'officer', unit: tree.a },
      { role: 'standing_committee', unit: tree.q },
    ]);
    const listed = await call('GET', '/api/users', { cookie });
    expect(usernames(listed.json().items)).toEqual(
      expect.arrayContaining([adminToo.username, twoProvinces.username]),
    );
    for (const target of [adminToo, twoProvinces]) {
      for (const payload of [{ password: 'taken-over-now' }, { isActive: false }]) {
        const response = await call('PATCH', `/api/users/${target.id}`, { cookie, payload });
        expect(response.statusCode).toBe(403);
      }
      expect((await attempt(target.username, target.password)).statusCode).toBe(200);
    }
    const admin = await buildAdmin(t.db);
    const byAdmin = await call('PATCH', `/api/users/${twoProvinces.id}`, {
      cookie: await login(t.app, admin),
      payload: { isActive: false },
    });
    expect(byAdmin.statusCode).toBe(200);
  });
});

describe('granting and revoking roles', () => {
  it('grants a role on a unit of the subtree and revokes it', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    const officer = await buildOfficer(t.db, tree.a);
    const officerCookie = await login(t.app, officer);

    const granted = await call('POST', `/api/users/${officer.id}/grants`, {
      cookie,
      payload: { role: 'viewer', unitCode: tree.b.code },
    });
    expect(granted.statusCode).toBe(201);
    expect(grantsOf(granted.json())).toEqual([`officer@${tree.a.code}`, `viewer@${tree.b.code}`].sort());
    const viewerGrant = granted.json().grants.find((grant: { role: string }) => grant.role === 'viewer');
    const seen = await call('GET', `/api/units/${tree.b.code}`, { cookie: officerCookie });
    expect(seen.statusCode).toBe(200);

    for (const payload of [
      { role: 'viewer', unitCode: tree.c.code },
      { role: 'viewer', unitCode: tree.p.code },
      { role: 'system_admin' },
    ]) {
      const refused = await call('POST', `/api/users/${officer.id}/grants`, { cookie, payload });
      expect(refused.statusCode).toBe(403);
    }
    const noUnit = await call('POST', `/api/users/${officer.id}/grants`, {
      cookie,
      payload: { role: 'viewer' },
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().fields).toEqual([expect.objectContaining({ path: 'unitCode' })]);

    const revoked = await call('DELETE', `/api/users/${officer.id}/grants/${viewerGrant.id}`, { cookie });
    expect(revoked.statusCode).toBe(200);
    expect(grantsOf(revoked.json())).toEqual([`officer@${tree.a.code}`]);
    expect((await call('GET', `/api/units/${tree.b.code}`, { cookie: officerCookie })).statusCode).toBe(404);
    const twice = await call('DELETE', `/api/users/${officer.id}/grants/${viewerGrant.id}`, { cookie });
    expect(twice.statusCode).toBe(404);
  });

  it('lets a committee give a role to an account left without any role, but not revoke roles beyond its subtree', async () => {
    const tree = await buildTwoProvinces();
    const committee = await buildStandingCommittee(t.db, tree.d);
    const cookie = await login(t.app, committee);
    const orphan = await buildUser(t.db, []);
    const granted = await call('POST', `/api/users/${orphan.id}/grants`, {
      cookie,
      payload: { role: 'officer', unitCode: tree.b.code },
    });
    expect(granted.statusCode).toBe(201);
    expect(grantsOf(granted.json())).toEqual([`officer@${tree.b.code}`]);

    const both = await buildUser(t.db, [
      { role: 'officer', unit: tree.a },
      { role: 'officer', unit: tree.c },
    ]);
    const [grantC] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT g.id::text AS id FROM role_grants g WHERE g.user_id = ${both.id} AND g.unit_id = ${tree.c.unitId}`,
    );
    const refused = await call('DELETE', `/api/users/${both.id}/grants/${grantC!.id}`, { cookie });
    expect(refused.statusCode).toBe(403);
    const [left] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM role_grants WHERE user_id = ${both.id}`,
    );
    expect(left!.n).toBe(2);
  });

  it('sends a manager changing its own password to the change-password form', async () => {
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const response = await call('PATCH', `/api/users/${admin.id}`, {
      cookie,
      payload: { password: 'a-new-long-password' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ path: 'password' })]);
    expect((await attempt(admin.username, admin.password)).statusCode).toBe(200);
  });

  it('keeps an administrator from deactivating itself or dropping its own administration', async () => {
    const admin = await buildAdmin(t.db);
    const cookie = await login(t.app, admin);
    const adminGrant = (await me(cookie)).json().grants[0];
    expect(adminGrant).toMatchObject({ role: 'system_admin', unitCode: null });

    const deactivate = await call('PATCH', `/api/users/${admin.id}`, {
      cookie,
      payload: { isActive: false },
    });
    expect(deactivate.statusCode).toBe(400);
    expect(deactivate.json()).toMatchObject({
      message: 'Không thể tự gỡ quyền quản trị hoặc khóa tài khoản của chính mình',
      fields: [expect.objectContaining({ path: 'isActive' })],
    });
    const drop = await call('DELETE', `/api/users/${admin.id}/grants/${adminGrant.id}`, { cookie });
    expect(drop.statusCode).toBe(400);
    const still = await me(cookie);
    expect(still.statusCode).toBe(200);
    expect(still.json().actions).toContain('users.manage');

    const committeeUnit: BuiltUnit = await buildProvince(t.db);
    const committee = await buildStandingCommittee(t.db, committeeUnit);
    const byCommittee = await call('DELETE', `/api/users/${admin.id}/grants/${adminGrant.id}`, {
      cookie: await login(t.app, committee),
    });
    expect(byCommittee.statusCode).toBe(404);

    const other = await buildAdmin(t.db);
    const byOther = await call('DELETE', `/api/users/${admin.id}/grants/${adminGrant.id}`, {
      cookie: await login(t.app, other),
    });
    expect(byOther.statusCode).toBe(200);
    expect(byOther.json().grants).toEqual([]);
    expect((await call('GET', '/api/users', { cookie })).statusCode).toBe(403);
  });
});
