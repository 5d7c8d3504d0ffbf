import { randomBytes } from 'node:crypto';
import type { Role, UnitKind } from '@doanket/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/client';
import { hashPassword } from '../src/lib/passwords';
import { insertGrant, insertUser } from '../src/modules/accounts/accounts.repository';
import { insertLineage, insertUnit, insertVersion } from '../src/modules/units/units.repository';

export type BuiltUnit = {
  unitId: string;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
};

let sequence = 0;
/** A code no other factory call of this test file has used. */
export const uniqueCode = () => {
  sequence += 1;
  return `X${String(sequence).padStart(4, '0')}`;
};

type UnitOptions = {
  code?: string;
  name?: string;
  subkind?: string;
  validFrom?: string;
  validTo?: string | null;
  resolution?: string | null;
};

async function buildUnit(
  db: Db,
  kind: UnitKind,
  parent: BuiltUnit | null,
  options: UnitOptions,
  fallback: string,
) {
  const code = options.code ?? uniqueCode();
  const name = options.name ?? `${fallback} ${code}`;
  const validFrom = options.validFrom ?? parent?.validFrom ?? '2014-04-01';
  const validTo = options.validTo === undefined ? (parent?.validTo ?? null) : options.validTo;
  const unitId = await insertUnit(db, kind);
  await insertVersion(db, {
    unitId,
    code,
    name,
    kind,
    subkind: options.subkind ?? null,
    parentUnitId: parent?.unitId ?? null,
    validFrom,
    validTo,
    resolution: options.resolution ?? null,
  });
  return { unitId, code, name, validFrom, validTo };
}

export const buildProvince = (db: Db, options: UnitOptions = {}) =>
  buildUnit(db, 'province', null, { validFrom: '2008-08-01', subkind: 'tinh', ...options }, 'Tỉnh');
export const buildDistrict = (db: Db, province: BuiltUnit, options: UnitOptions = {}) =>
  buildUnit(
    db,
    'district',
    province,
    { validFrom: '2014-04-01', validTo: '2025-07-01', subkind: 'quan', ...options },
    'Quận',
  );
export const buildWard = (db: Db, parent: BuiltUnit, options: UnitOptions = {}) =>
  buildUnit(db, 'ward', parent, { subkind: 'phuong', ...options }, 'Phường');
export const buildResidentialGroup = (db: Db, ward: BuiltUnit, options: UnitOptions = {}) =>
  buildUnit(db, 'residential_group', ward, { subkind: 'to_dan_pho', ...options }, 'Tổ dân phố');

export const buildLineage = (
  db: Db,
  predecessor: BuiltUnit,
  successor: BuiltUnit,
  type: 'full' | 'partial',
  date = '2025-07-01',
) =>
  insertLineage(db, {
    predecessorId: predecessor.unitId,
    successorId: successor.unitId,
    type,
    effectiveDate: date,
    resolution: null,
  });

/** A province with an old district of two wards until the reform and one new ward after it. */
export async function buildReformedTree(db: Db) {
  const province = await buildProvince(db);
  const district = await buildDistrict(db, province);
  const wardA = await buildWard(db, district);
  const wardB = await buildWard(db, district);
  const newWard = await buildWard(db, province, { validFrom: '2025-07-01', validTo: null });
  await buildLineage(db, wardA, newWard, 'full');
  await buildLineage(db, wardB, newWard, 'partial');
  return { province, district, wardA, wardB, newWard };
}

export type BuiltUser = { id: string; username: string; password: string };

export async function buildUser(
  db: Db,
  grants: Array<{ role: Role; unit: BuiltUnit | null }>,
  options: { username?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<BuiltUser> {
  const username = options.username ?? `user_${randomBytes(4).toString('hex')}`;
  const password = options.password ?? `pw-${randomBytes(8).toString('hex')}`;
  const user = await insertUser(db, {
    username,
    displayName: `Người dùng ${username}`,
    passwordHash: await hashPassword(password),
    mustChangePassword: options.mustChangePassword ?? false,
  });
  for (const grant of grants)
    await insertGrant(db, { userId: user.id, role: grant.role, unitId: grant.unit?.unitId ?? null });
  return { id: user.id, username, password };
}

export const buildAdmin = (db: Db) => buildUser(db, [{ role: 'system_admin', unit: null }]);
export const buildStandingCommittee = (db: Db, unit: BuiltUnit) =>
  buildUser(db, [{ role: 'standing_committee', unit }]);
export const buildOfficer = (db: Db, unit: BuiltUnit) => buildUser(db, [{ role: 'officer', unit }]);
export const buildTreasurer = (db: Db, unit: BuiltUnit) => buildUser(db, [{ role: 'treasurer', unit }]);
export const buildViewer = (db: Db, unit: BuiltUnit) => buildUser(db, [{ role: 'viewer', unit }]);

/** Logs in through the API and returns the Cookie header to send with later requests. */
export async function login(app: FastifyInstance, user: BuiltUser): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'doanket_session');
  if (!cookie) throw new Error('no session cookie');
  return `doanket_session=${cookie.value}`;
}
