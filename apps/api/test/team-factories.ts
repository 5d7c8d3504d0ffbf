import { randomUUID } from 'node:crypto';
import { foldDiacritics, personSortKey, splitFullName } from '@doanket/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { householdPlacements, households, persons } from '../src/db/schema/index';
import type { BuiltUnit } from './factories';

export type BuiltHousehold = { id: string; code: string; headId: string; headName: string };

let sequence = 0;

/**
 * A household of the register written straight to the tables: placed in a residential group of
 * the ward from a date, with a head of household (the households API is not needed for teams).
 */
export async function buildHousehold(
  db: Db,
  ward: BuiltUnit,
  group: BuiltUnit,
  options: { code?: string; headName?: string; address?: string; validFrom?: string; phone?: string } = {},
): Promise<BuiltHousehold> {
  sequence += 1;
  const code = options.code ?? `HK${String(sequence).padStart(5, '0')}`;
  const headName = options.headName ?? `Nguyễn Văn Hộ${sequence}`;
  const id = randomUUID();
  await db.insert(households).values({
    id,
    wardUnitId: ward.unitId,
    code,
    address: options.address ?? `Số ${sequence}, ${group.name}`,
    phone: options.phone ?? null,
    searchText: foldDiacritics(`${code} ${headName}`),
  });
  await db.insert(householdPlacements).values({
    householdId: id,
    groupUnitId: group.unitId,
    validFrom: options.validFrom ?? group.validFrom,
  });
  const headId = await buildPerson(db, id, headName, { isHead: true });
  return { id, code, headId, headName };
}

export async function buildPerson(
  db: Db,
  householdId: string,
  name: string,
  options: { isHead?: boolean; phone?: string } = {},
): Promise<string> {
  const parts = splitFullName(name);
  const id = randomUUID();
  await db.insert(persons).values({
    id,
    householdId,
    ...parts,
    searchName: foldDiacritics(name),
    sortKey: personSortKey(parts),
    relation: options.isHead ? 'head' : 'child',
    isHead: options.isHead ?? false,
    phone: options.phone ?? null,
  });
  return id;
}

/** Moves a household to another residential group from a date, keeping the earlier placement. */
export async function moveHousehold(db: Db, householdId: string, group: BuiltUnit, date: string) {
  await db
    .update(householdPlacements)
    .set({ validTo: date })
    .where(and(eq(householdPlacements.householdId, householdId), isNull(householdPlacements.validTo)));
  await db.insert(householdPlacements).values({ householdId, groupUnitId: group.unitId, validFrom: date });
}
