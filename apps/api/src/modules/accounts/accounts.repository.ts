import type { Grant, Role } from '@doanket/domain';
import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginFailures, roleGrants, sessions, users } from '../../db/schema/index';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleGrants.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function listGrants(db: Db, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(roleGrants)
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.createdAt));
}

export const toGrant = (row: GrantRow): Grant => ({ role: row.role as Role, unitId: row.unitId });

export async function insertUser(
  db: Db,
  values: { username: string; displayName: string; passwordHash: string; mustChangePassword: boolean },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Db,
  id: string,
  values: Partial<Pick<UserRow, 'displayName' | 'isActive' | 'passwordHash' | 'mustChangePassword'>>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function insertGrant(
  db: Db,
  values: { userId: string; role: Role; unitId: string | null },
): Promise<GrantRow> {
  const [row] = await db.insert(roleGrants).values(values).returning();
  return row!;
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.id, id));
}

export async function listUsers(db: Db, userIds: string[] | null, q?: string): Promise<UserRow[]> {
  const conditions = [];
  if (userIds !== null) {
    if (userIds.length === 0) return [];
    conditions.push(inArray(users.id, userIds));
  }
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(sql`(${users.username} ILIKE ${like} OR ${users.displayName} ILIKE ${like})`);
  }
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.username));
}

/** Users holding a role on one of these units. */
export async function findUserIdsWithGrantsIn(db: Db, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(inArray(roleGrants.unitId, unitIds));
  return rows.map((row) => row.userId);
}

export async function insertSession(
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isActive, true)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function countRecentFailures(db: Db, username: string, ip: string, since: Date) {
  const [byUser] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gte(loginFailures.at, since)));
  const [byIp] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)));
  return { byUser: Number(byUser?.n ?? 0), byIp: Number(byIp?.n ?? 0) };
}

export async function insertLoginFailure(db: Db, username: string, ip: string): Promise<number> {
  const [row] = await db.insert(loginFailures).values({ username, ip }).returning({ id: loginFailures.id });
  return row!.id;
}

export async function deleteLoginFailure(db: Db, id: number): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.id, id));
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
}
