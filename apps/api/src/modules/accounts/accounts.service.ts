import { createHash, randomBytes } from 'node:crypto';
import {
  type Actor,
  actionsOf,
  type ChangePasswordRequest,
  type CreateUserRequest,
  type Grant,
  type GrantRequest,
  isSystemAdmin,
  type Me,
  type Role,
  type RoleGrant,
  roleNeedsUnit,
  todayInVietnam,
  type UpdateUserRequest,
  type User,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { authorizeUnit, requireActor } from '../../lib/access';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { decoyHash, hashPassword, verifyPassword } from '../../lib/passwords';
import { findAllTimeDescendants, findLifespans, findVersionByCode } from '../units/units.repository';
import * as repo from './accounts.repository';

const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;
const ABSOLUTE_SESSION_MS = 7 * 24 * 3600_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

async function presentGrants(db: Db, rows: repo.GrantRow[]): Promise<RoleGrant[]> {
  const versions = await findLifespans(
    db,
    rows.flatMap((row) => (row.unitId ? [row.unitId] : [])),
  );
  return rows.map((row) => {
    const version = row.unitId ? versions.get(row.unitId) : undefined;
    return {
      id: row.id,
      role: row.role as Role,
      unitCode: version?.code ?? null,
      unitName: version?.name ?? null,
      unitValidFrom: version?.validFrom ?? null,
      unitValidTo: version?.validTo ?? null,
    };
  });
}

export async function describeMe(db: Db, user: repo.UserRow): Promise<Me> {
  const grants = await repo.listGrants(db, [user.id]);
  const actor: Actor = { userId: user.id, username: user.username, grants: grants.map(repo.toGrant) };
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    grants: await presentGrants(db, grants),
    actions: actionsOf(actor),
  };
}

/**
 * Counts a password attempt against the limits. The attempt is written as a failure before
 * counting, so that parallel guesses cannot all pass the check before any is recorded; a
 * success clears the failures, a refused attempt removes its own record.
 */
async function recordAttempt(db: Db, username: string, ip: string, now: Date): Promise<void> {
  const attemptId = await repo.insertLoginFailure(db, username, ip);
  const failures = await repo.countRecentFailures(
    db,
    username,
    ip,
    new Date(now.getTime() - FAILURE_WINDOW_MS),
  );
  if (failures.byUser > MAX_FAILURES_PER_USER || failures.byIp > MAX_FAILURES_PER_IP) {
    await repo.deleteLoginFailure(db, attemptId);
    throw new AppError('too_many_requests', 'auth.rate_limited');
  }
}

export type LoginInput = {
  db: Db;
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  ttlHours: number;
  requestId: string;
};

/** Checks the password (argon2id) and opens a server-side session; the token goes in the cookie only. */
export async function login(input: LoginInput): Promise<{ token: string; expiresAt: Date; me: Me }> {
  const { db, username, password, ip } = input;
  const now = new Date();
  await recordAttempt(db, username, ip, now);
  const user = await repo.findUserByUsername(db, username);
  const isValid = user
    ? (await verifyPassword(user.passwordHash, password)) && user.isActive
    : (await verifyPassword(await decoyHash(), password)) && false;
  if (!user || !isValid) throw new AppError('unauthorized', 'auth.invalid');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000);
  await db.transaction(async (tx) => {
    await repo.clearLoginFailures(tx, username);
    await repo.deleteExpiredSessions(tx, now);
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt,
      ip,
      userAgent: input.userAgent,
    });
    const ctx: RequestContext = {
      actor: { userId: user.id, username: user.username, grants: [] },
      requestId: input.requestId,
    };
    await recordAudit(tx, ctx, {
      action: 'login',
      entityType: 'session',
      entityId: user.username,
      unitId: null,
      after: { ip },
    });
  });
  return { token, expiresAt, me: await describeMe(db, user) };
}

export type Session = { actor: Actor; user: repo.UserRow; tokenHash: string };

/** Finds the live session of a cookie token and slides its expiry, within an absolute limit. */
export async function resolveSession(db: Db, token: string, ttlHours: number): Promise<Session | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const found = await repo.findLiveSession(db, tokenHash, now);
  if (!found) return null;
  const slid = Math.min(
    now.getTime() + ttlHours * 3600_000,
    found.session.createdAt.getTime() + ABSOLUTE_SESSION_MS,
  );
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, tokenHash, now, new Date(slid));
  }
  const grants = await repo.listGrants(db, [found.user.id]);
  return {
    tokenHash,
    user: found.user,
    actor: { userId: found.user.id, username: found.user.username, grants: grants.map(repo.toGrant) },
  };
}

export async function logout({ db, ctx, tokenHash }: { db: Db; ctx: RequestContext; tokenHash: string }) {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, tokenHash);
    await recordAudit(tx, ctx, {
      action: 'logout',
      entityType: 'session',
      entityId: ctx.actor?.username ?? null,
      unitId: null,
    });
  });
}

export async function changePassword({
  db,
  ctx,
  tokenHash,
  ip,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  tokenHash: string;
  ip: string;
  input: ChangePasswordRequest;
}): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw notFound();
  // Guessing the current password from a session left open counts like guessing at login.
  await recordAttempt(db, user.username, ip, new Date());
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest('auth.wrong_current_password', 'currentPassword');
  }
  await repo.clearLoginFailures(db, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await repo.deleteSessionsOfUser(tx, user.id, tokenHash);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: user.username,
      unitId: null,
      after: { passwordChanged: true },
    });
  });
}

/** Grants that let the actor manage accounts: their units, or null for the whole country. */
function managingGrants(actor: Actor): Grant[] {
  return actor.grants.filter((grant) => actionsOf({ ...actor, grants: [grant] }).includes('users.manage'));
}

/** Users the actor may see and manage: anyone for a national administrator, else those with a role in its subtree. */
async function manageableUserIds(db: Db, actor: Actor): Promise<string[] | null> {
  const grants = managingGrants(actor);
  if (grants.some((grant) => grant.unitId === null)) return null;
  if (grants.length === 0) throw forbidden();
  const units = await findAllTimeDescendants(
    db,
    grants.map((grant) => grant.unitId!),
  );
  return repo.findUserIdsWithGrantsIn(db, units);
}

async function assertManages(db: Db, actor: Actor, userId: string): Promise<repo.UserRow> {
  const ids = await manageableUserIds(db, actor);
  const user = await repo.findUserById(db, userId);
  if (!user || (ids !== null && !ids.includes(userId))) throw notFound();
  return user;
}

/**
 * Changing an account acts on every role it holds: resetting the password of someone who is also
 * an administrator, or who holds a role elsewhere, would hand those powers over.
 */
async function assertManagesEveryRole(db: Db, ctx: RequestContext, userId: string): Promise<void> {
  if (isSystemAdmin(requireActor(ctx))) return;
  for (const grant of await repo.listGrants(db, [userId])) {
    if (grant.unitId === null) throw forbidden();
    await authorizeUnit(db, ctx, 'users.manage', grant.unitId);
  }
}

async function presentUsers(db: Db, rows: repo.UserRow[]): Promise<User[]> {
  const grants = await repo.listGrants(
    db,
    rows.map((row) => row.id),
  );
  const presented = await presentGrants(db, grants);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    grants: presented.filter((_, index) => grants[index]!.userId === row.id),
  }));
}

export async function listUsers({
  db,
  ctx,
  unit,
  at,
  q,
}: {
  db: Db;
  ctx: RequestContext;
  unit?: string;
  at?: string;
  q?: string;
}) {
  const actor = requireActor(ctx);
  let ids = await manageableUserIds(db, actor);
  if (unit) {
    const version = await findVersionByCode(db, unit, at ?? todayInVietnam());
    if (!version) throw notFound('unit.not_found');
    await authorizeUnit(db, ctx, 'read', version.unitId);
    await authorizeUnit(db, ctx, 'users.manage', version.unitId);
    const inUnit = await repo.findUserIdsWithGrantsIn(db, await findAllTimeDescendants(db, [version.unitId]));
    ids = ids === null ? inUnit : ids.filter((id) => inUnit.includes(id));
  }
  return presentUsers(db, await repo.listUsers(db, ids, q));
}

/**
 * Resolves a role to grant. From a request the actor must manage the unit, and only a national
 * administrator grants administration; from the command line (`trusted`) the operator decides.
 */
async function resolveGrant(
  db: Db,
  ctx: RequestContext,
  request: z.output<typeof GrantRequest>,
  trusted = false,
) {
  if (request.role === 'system_admin') {
    if (!trusted && !isSystemAdmin(requireActor(ctx)))
      throw new AppError('forbidden', 'user.cannot_grant_admin');
    return { role: request.role, unitId: null, unitCode: null };
  }
  if (roleNeedsUnit(request.role) && !request.unitCode) throw badRequest('user.unit_required', 'unitCode');
  const version = await findVersionByCode(db, request.unitCode!, request.at ?? todayInVietnam());
  if (!version) throw badRequest('unit.not_found', 'unitCode');
  if (!trusted) await authorizeUnit(db, ctx, 'users.manage', version.unitId);
  return { role: request.role as Role, unitId: version.unitId, unitCode: version.code };
}

type CreateUserInput = z.output<typeof CreateUserRequest>;

/** Creates an account with its roles; `trusted` is for the operator's command line only. */
export async function createAccount({
  db,
  ctx,
  input,
  trusted = true,
}: {
  db: Db;
  ctx: RequestContext;
  input: CreateUserInput;
  trusted?: boolean;
}): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, input.username)) throw conflict('user.username_taken');
    const grants = [];
    for (const request of input.grants) grants.push(await resolveGrant(tx, ctx, request, trusted));
    const user = await repo
      .insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
      })
      .catch((error: unknown) => {
        // Two requests for one new username at once: the unique index refuses the later one.
        throw isUniqueViolation(error) ? conflict('user.username_taken') : error;
      });
    for (const grant of grants)
      await repo.insertGrant(tx, { userId: user.id, role: grant.role, unitId: grant.unitId });
    const [presented] = await presentUsers(tx, [user]);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: user.username,
      unitId: grants[0]?.unitId ?? null,
      after: presented,
    });
    return presented!;
  });
}

export async function createUser({
  db,
  ctx,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  input: CreateUserInput;
}) {
  const actor = requireActor(ctx);
  if (managingGrants(actor).length === 0) throw forbidden();
  if (input.grants.length === 0 && !isSystemAdmin(actor)) throw badRequest('user.unit_required', 'grants');
  return createAccount({ db, ctx, input, trusted: false });
}

export async function updateUser({
  db,
  ctx,
  userId,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  userId: string;
  input: UpdateUserRequest;
}): Promise<User> {
  const actor = requireActor(ctx);
  const user = await assertManages(db, actor, userId);
  await assertManagesEveryRole(db, ctx, userId);
  if (input.isActive === false && userId === actor.userId)
    throw badRequest('user.cannot_remove_own_admin', 'isActive');
  if (input.password && userId === actor.userId) throw badRequest('user.use_password_change', 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await presentUsers(tx, [user]);
    const updated = await repo.updateUser(tx, userId, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
    });
    if (passwordHash || input.isActive === false) await repo.deleteSessionsOfUser(tx, userId);
    const [after] = await presentUsers(tx, [updated]);
    const grants = await repo.listGrants(tx, [userId]);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: user.username,
      unitId: grants[0]?.unitId ?? null,
      before,
      after: { ...after, ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return after!;
  });
}

export async function addGrant({
  db,
  ctx,
  userId,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  userId: string;
  input: z.output<typeof GrantRequest>;
}): Promise<User> {
  const actor = requireActor(ctx);
  const user = await assertManages(db, actor, userId).catch(async (error) => {
    // A user left with no role at all can still be given one in the actor's subtree;
    // anyone holding a role elsewhere stays out of sight (404).
    const found = await repo.findUserById(db, userId);
    if (!found || (await repo.listGrants(db, [userId])).length > 0) throw error;
    return found;
  });
  return db.transaction(async (tx) => {
    const grant = await resolveGrant(tx, ctx, input);
    const row = await repo.insertGrant(tx, { userId, role: grant.role, unitId: grant.unitId });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'role_grant',
      entityId: row.id,
      unitId: grant.unitId,
      after: { username: user.username, role: grant.role, unitCode: grant.unitCode },
    });
    const [presented] = await presentUsers(tx, [user]);
    return presented!;
  });
}

export async function removeGrant({
  db,
  ctx,
  userId,
  grantId,
}: {
  db: Db;
  ctx: RequestContext;
  userId: string;
  grantId: string;
}): Promise<User> {
  const actor = requireActor(ctx);
  const user = await assertManages(db, actor, userId);
  return db.transaction(async (tx) => {
    const grants = await repo.listGrants(tx, [userId]);
    const grant = grants.find((row) => row.id === grantId);
    if (!grant) throw notFound();
    if (grant.role === 'system_admin') {
      if (!isSystemAdmin(actor)) throw forbidden();
      if (userId === actor.userId) throw badRequest('user.cannot_remove_own_admin');
    } else if (grant.unitId) {
      await authorizeUnit(tx, ctx, 'users.manage', grant.unitId);
    }
    const [before] = await presentGrants(tx, [grant]);
    await repo.deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'role_grant',
      entityId: grantId,
      unitId: grant.unitId,
      before: { username: user.username, ...before },
    });
    const [presented] = await presentUsers(tx, [user]);
    return presented!;
  });
}
