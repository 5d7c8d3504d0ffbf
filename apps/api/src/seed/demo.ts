import { randomInt } from 'node:crypto';
import { residentialGroupCode } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';
import { recordAudit } from '../lib/audit';
import { systemContext } from '../lib/context';
import type { Sealer } from '../lib/crypto';
import { hashPassword } from '../lib/passwords';
import { insertGrant, insertUser } from '../modules/accounts/accounts.repository';
import { insertLineage, insertUnit, insertVersion } from '../modules/units/units.repository';
import { seedDemoFunds } from './demo-funds';
import { seedDemoPlans } from './demo-plans';
import { type DemoResidentialGroup, seedDemoRegister } from './demo-residents';
import {
  demoAccounts,
  demoDistrict,
  demoLineage,
  demoNewWards,
  demoOldWards,
  demoProvince,
  demoResolutions,
  REFORM_DATE,
} from './demo-units';

export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM units) + (SELECT count(*) FROM users))::int AS n`,
  );
  return Number(row?.n) === 0;
}

export type SeedDemoOptions = {
  /** Seals the register's citizen IDs; without it the residents have none. */
  sealer?: Sealer | null;
  /**
   * Also the residents register with the self-governing teams (about 20 s of CPU on PGlite) and
   * the funds' 2021 ledger (a few seconds): the first start asks for it; tests of the unit tree
   * leave it out.
   */
  register?: boolean;
};

/**
 * Seeds the demo district on an empty database: the tree before and after the reform, 10–25
 * residential groups per old ward re-parented into the new wards, the residents register with
 * its self-governing teams and groups, and the demo accounts.
 */
export async function seedDemo(
  db: Db,
  password: string,
  options: SeedDemoOptions = {},
): Promise<{ units: number; accounts: number; households: number }> {
  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    const add = async (
      key: string,
      version: Omit<Parameters<typeof insertVersion>[1], 'unitId'>,
    ): Promise<string> => {
      const unitId = await insertUnit(tx, version.kind);
      await insertVersion(tx, { ...version, unitId });
      ids.set(key, unitId);
      return unitId;
    };
    const hanoi = await add('p:01', { ...demoProvince, kind: 'province', parentUnitId: null, validTo: null });
    const district = await add('d:021', { ...demoDistrict, kind: 'district', parentUnitId: hanoi });
    for (const ward of demoOldWards) {
      await add(`old:${ward.code}`, {
        code: ward.code,
        name: ward.name,
        kind: 'ward',
        subkind: 'phuong',
        parentUnitId: district,
        validFrom: demoDistrict.validFrom,
        validTo: REFORM_DATE,
        resolution: demoResolutions.district,
      });
    }
    for (const ward of demoNewWards) {
      await add(`new:${ward.code}`, {
        code: ward.code,
        name: ward.name,
        kind: 'ward',
        subkind: 'phuong',
        parentUnitId: hanoi,
        validFrom: REFORM_DATE,
        validTo: null,
        resolution: demoResolutions.reform,
      });
    }
    for (const link of demoLineage) {
      await insertLineage(tx, {
        predecessorId: ids.get(`old:${link.predecessor}`)!,
        successorId: ids.get(`new:${link.successor}`)!,
        type: link.type,
        effectiveDate: REFORM_DATE,
        resolution: demoResolutions.reform,
      });
    }
    let groups = 0;
    const residentialGroups: DemoResidentialGroup[] = [];
    for (const ward of demoOldWards) {
      const successors = demoLineage.filter((link) => link.predecessor === ward.code);
      const whole = successors.find((link) => link.type === 'full');
      const shortName = ward.name.replace(/^Phường /, '');
      for (let n = 1; n <= ward.groups; n += 1) {
        // A ward that went whole keeps its groups together; a split ward's groups are shared out in runs.
        const target = whole ?? successors[Math.floor(((n - 1) * successors.length) / ward.groups)]!;
        const unitId = await insertUnit(tx, 'residential_group');
        const code = residentialGroupCode(ward.code, n);
        await insertVersion(tx, {
          unitId,
          code,
          name: `Tổ dân phố số ${n}`,
          kind: 'residential_group',
          subkind: 'to_dan_pho',
          parentUnitId: ids.get(`old:${ward.code}`)!,
          validFrom: demoDistrict.validFrom,
          validTo: REFORM_DATE,
          resolution: null,
        });
        await insertVersion(tx, {
          unitId,
          code,
          name: `Tổ dân phố ${shortName} ${n}`,
          kind: 'residential_group',
          subkind: 'to_dan_pho',
          parentUnitId: ids.get(`new:${target.successor}`)!,
          validFrom: REFORM_DATE,
          validTo: null,
          resolution: demoResolutions.reform,
        });
        groups += 1;
        residentialGroups.push({
          unitId,
          code,
          number: n,
          wardCode: ward.code,
          wardUnitId: ids.get(`old:${ward.code}`)!,
        });
      }
    }
    const register = options.register
      ? await seedDemoRegister(tx, {
          groups: residentialGroups,
          sealer: options.sealer ?? null,
          districtUnitId: district,
          teamLeaders: demoAccounts
            .filter((account) => account.role === 'team_leader')
            .map((account) => ({ groupCode: account.unitCode, name: account.displayName })),
        })
      : null;
    if (options.register) {
      // The money of 2021 draws its donors and the households it supported from the register.
      await seedDemoFunds(tx, {
        provinceUnitId: hanoi,
        districtUnitId: district,
        wards: demoOldWards.map((ward) => ({
          code: ward.code,
          name: ward.name,
          unitId: ids.get(`old:${ward.code}`)!,
        })),
      });
      // The 2021 plan with what the wards reported, and the 2022 plan handed to them.
      await seedDemoPlans(tx, {
        districtUnitId: district,
        districtName: demoDistrict.name,
        wards: demoOldWards.map((ward) => ({
          code: ward.code,
          name: ward.name,
          unitId: ids.get(`old:${ward.code}`)!,
        })),
      });
    }
    const passwordHash = await hashPassword(password);
    for (const account of demoAccounts) {
      const user = await insertUser(tx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        mustChangePassword: false,
      });
      const group = residentialGroups.find((unit) => unit.code === account.unitCode);
      const unitId = account.unitCode
        ? (group?.unitId ?? ids.get(account.unitCode === '021' ? 'd:021' : `old:${account.unitCode}`)!)
        : null;
      await insertGrant(tx, { userId: user.id, role: account.role, unitId });
    }
    const total = ids.size + groups;
    await recordAudit(tx, systemContext(), {
      action: 'import',
      entityType: 'demo',
      entityId: 'bac-tu-liem',
      unitId: district,
      after: { units: total, accounts: demoAccounts.length },
    });
    return { units: total, accounts: demoAccounts.length, households: register?.households ?? 0 };
  });
}
