import type { LineageType, UnitInTree, UnitKind } from '@doanket/domain';
import { foldDiacritics } from '@doanket/domain';
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { unitLineage, units, unitVersions } from '../../db/schema/index';

export type UnitVersionRow = typeof unitVersions.$inferSelect;

const validOn = (at: string): SQL =>
  and(lte(unitVersions.validFrom, at), or(isNull(unitVersions.validTo), gt(unitVersions.validTo, at))) as SQL;

/** The version of the unit with this code that is in force on the date. */
export async function findVersionByCode(db: Db, code: string, at: string): Promise<UnitVersionRow | null> {
  const rows = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.code, code), validOn(at)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findVersionOfUnit(db: Db, unitId: string, at: string): Promise<UnitVersionRow | null> {
  const rows = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unitId), validOn(at)))
    .limit(1);
  return rows[0] ?? null;
}

/** The latest version of the unit, or of each unit, whatever the date. */
export async function findLatestVersions(db: Db, unitIds: string[]): Promise<Map<string, UnitVersionRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([unitVersions.unitId])
    .from(unitVersions)
    .where(inArray(unitVersions.unitId, unitIds))
    .orderBy(unitVersions.unitId, desc(unitVersions.validFrom));
  return new Map(rows.map((row) => [row.unitId, row]));
}

export type Lifespan = { code: string; name: string; validFrom: string; validTo: string | null };

/** Each unit's latest code and name with the span of all its versions: from its first day to its end. */
export async function findLifespans(db: Db, unitIds: string[]): Promise<Map<string, Lifespan>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{
    unit_id: string;
    code: string;
    name: string;
    first_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT DISTINCT ON (unit_id) unit_id::text AS unit_id, code, name, valid_to::text AS valid_to,
          (min(valid_from) OVER (PARTITION BY unit_id))::text AS first_from
        FROM unit_versions WHERE unit_id IN ${unitIds} ORDER BY unit_id, valid_from DESC`,
  );
  return new Map(
    rows.map((row) => [
      row.unit_id,
      { code: row.code, name: row.name, validFrom: row.first_from, validTo: row.valid_to },
    ]),
  );
}

export type ChildRow = UnitVersionRow & { hasChildren: boolean };

/** Units whose version in force on the date sits under the parent (the roots for null). */
export async function listChildren(db: Db, parentUnitId: string | null, at: string): Promise<ChildRow[]> {
  const rows = await db
    .select({
      version: unitVersions,
      hasChildren: sql<boolean>`EXISTS (SELECT 1 FROM unit_versions child WHERE child.parent_unit_id = "unit_versions"."unit_id" AND child.valid_from <= ${at} AND (child.valid_to IS NULL OR child.valid_to > ${at}))`,
    })
    .from(unitVersions)
    .where(
      and(
        parentUnitId === null
          ? isNull(unitVersions.parentUnitId)
          : eq(unitVersions.parentUnitId, parentUnitId),
        validOn(at),
      ),
    )
    .orderBy(asc(unitVersions.code));
  return rows.map((row) => ({ ...row.version, hasChildren: Boolean(row.hasChildren) }));
}

/** A unit's place in the tree over all time: every parent and ancestor it has had. */
export async function findUnitInTree(db: Db, unitId: string): Promise<UnitInTree | null> {
  const rows = await queryRows<{
    kind: UnitKind;
    parent_ids: string[] | null;
    ancestor_ids: string[] | null;
  }>(
    db,
    sql`
      WITH RECURSIVE up(unit_id) AS (
        SELECT parent_unit_id FROM unit_versions WHERE unit_id = ${unitId} AND parent_unit_id IS NOT NULL
        UNION
        SELECT v.parent_unit_id FROM unit_versions v JOIN up ON v.unit_id = up.unit_id
        WHERE v.parent_unit_id IS NOT NULL
      )
      SELECT u.kind,
        (SELECT array_agg(DISTINCT parent_unit_id::text) FROM unit_versions
          WHERE unit_id = ${unitId} AND parent_unit_id IS NOT NULL) AS parent_ids,
        (SELECT array_agg(unit_id::text) FROM up) AS ancestor_ids
      FROM units u WHERE u.id = ${unitId}`,
  );
  const row = rows[0];
  if (!row) return null;
  return { unitId, kind: row.kind, parentIds: row.parent_ids ?? [], ancestorIds: row.ancestor_ids ?? [] };
}

/** Every unit that has ever been above any of these units. */
export async function findAllTimeAncestors(db: Db, unitIds: string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`
      WITH RECURSIVE up(unit_id) AS (
        SELECT parent_unit_id FROM unit_versions WHERE unit_id IN ${unitIds} AND parent_unit_id IS NOT NULL
        UNION
        SELECT v.parent_unit_id FROM unit_versions v JOIN up ON v.unit_id = up.unit_id
        WHERE v.parent_unit_id IS NOT NULL
      )
      SELECT unit_id::text AS unit_id FROM up`,
  );
  return new Set(rows.map((row) => row.unit_id));
}

/** These units and every unit that has ever been below them. */
export async function findAllTimeDescendants(db: Db, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`
      WITH RECURSIVE down(unit_id) AS (
        SELECT id FROM units WHERE id IN ${unitIds}
        UNION
        SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
      )
      SELECT unit_id::text AS unit_id FROM down`,
  );
  return rows.map((row) => row.unit_id);
}

/**
 * The unit and every unit below it as the tree stood on the date: what figures kept per unit
 * (per residential group, say) roll up into for that date.
 */
export async function findSubtreeAt(
  db: Db,
  unitId: string,
  at: string,
): Promise<Array<{ unitId: string; kind: UnitKind }>> {
  const rows = await queryRows<{ unit_id: string; kind: UnitKind }>(
    db,
    sql`
      WITH RECURSIVE down(unit_id, kind) AS (
        SELECT unit_id, kind FROM unit_versions
        WHERE unit_id = ${unitId} AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
        UNION
        SELECT v.unit_id, v.kind FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
        WHERE v.valid_from <= ${at} AND (v.valid_to IS NULL OR v.valid_to > ${at})
      )
      SELECT unit_id::text AS unit_id, kind::text AS kind FROM down`,
  );
  return rows.map((row) => ({ unitId: row.unit_id, kind: row.kind }));
}

/** The chain from the root down to the unit as the tree stood on the date. */
export async function findPathAt(
  db: Db,
  unitId: string,
  at: string,
): Promise<Array<{ unitId: string; code: string; name: string; kind: UnitKind }>> {
  const rows = await queryRows<{
    unit_id: string;
    code: string;
    name: string;
    kind: UnitKind;
    depth: number;
  }>(
    db,
    sql`
      WITH RECURSIVE up(unit_id, code, name, kind, parent_unit_id, depth) AS (
        SELECT unit_id, code, name, kind, parent_unit_id, 0 FROM unit_versions
        WHERE unit_id = ${unitId} AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
        UNION ALL
        SELECT v.unit_id, v.code, v.name, v.kind, v.parent_unit_id, up.depth + 1
        FROM unit_versions v JOIN up ON v.unit_id = up.parent_unit_id
        WHERE v.valid_from <= ${at} AND (v.valid_to IS NULL OR v.valid_to > ${at}) AND up.depth < 10
      )
      SELECT unit_id::text AS unit_id, code, name, kind::text AS kind, depth FROM up ORDER BY depth DESC`,
  );
  return rows.map((row) => ({ unitId: row.unit_id, code: row.code, name: row.name, kind: row.kind }));
}

export async function listVersions(db: Db, unitId: string): Promise<UnitVersionRow[]> {
  return db
    .select()
    .from(unitVersions)
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(asc(unitVersions.validFrom));
}

export async function searchVersions(
  db: Db,
  query: string,
  at: string,
  limit: number,
): Promise<UnitVersionRow[]> {
  const words = foldDiacritics(query).split(' ').filter(Boolean);
  const conditions = words.map(
    (word) => sql`${unitVersions.searchName} LIKE ${`%${word.replace(/[%_\\]/g, '\\$&')}%`}`,
  );
  return db
    .select()
    .from(unitVersions)
    .where(and(validOn(at), ...conditions))
    .orderBy(
      sql`CASE ${unitVersions.kind} WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'ward' THEN 2 ELSE 3 END`,
      asc(unitVersions.searchName),
    )
    .limit(limit);
}

export type LineageRow = {
  otherUnitId: string;
  type: LineageType;
  date: string;
  resolution: string | null;
};

export async function listLineage(
  db: Db,
  unitId: string,
): Promise<{ predecessors: LineageRow[]; successors: LineageRow[] }> {
  const rows = await db
    .select()
    .from(unitLineage)
    .where(or(eq(unitLineage.successorId, unitId), eq(unitLineage.predecessorId, unitId)))
    .orderBy(asc(unitLineage.effectiveDate));
  const toRow = (other: string, row: (typeof rows)[number]): LineageRow => ({
    otherUnitId: other,
    type: row.type,
    date: row.effectiveDate,
    resolution: row.resolution,
  });
  return {
    predecessors: rows
      .filter((row) => row.successorId === unitId)
      .map((row) => toRow(row.predecessorId, row)),
    successors: rows.filter((row) => row.predecessorId === unitId).map((row) => toRow(row.successorId, row)),
  };
}

export type NewVersion = {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  subkind: string | null;
  parentUnitId: string | null;
  validFrom: string;
  validTo: string | null;
  resolution: string | null;
};

export async function insertUnit(db: Db, kind: UnitKind): Promise<string> {
  const [row] = await db.insert(units).values({ kind }).returning({ id: units.id });
  return row!.id;
}

export async function insertVersion(db: Db, version: NewVersion): Promise<UnitVersionRow> {
  const [row] = await db
    .insert(unitVersions)
    .values({ ...version, searchName: foldDiacritics(version.name) })
    .returning();
  return row!;
}

export async function amendVersion(
  db: Db,
  versionId: string,
  fields: { name: string; parentUnitId: string | null; validTo: string | null; resolution: string | null },
): Promise<UnitVersionRow> {
  const [row] = await db
    .update(unitVersions)
    .set({ ...fields, searchName: foldDiacritics(fields.name) })
    .where(eq(unitVersions.id, versionId))
    .returning();
  return row!;
}

export async function endVersion(db: Db, versionId: string, validTo: string): Promise<void> {
  await db.update(unitVersions).set({ validTo }).where(eq(unitVersions.id, versionId));
}

/** The version of the unit with this code that ended on the date (the day it stopped applying). */
export async function findVersionEndingOn(
  db: Db,
  code: string,
  date: string,
): Promise<UnitVersionRow | null> {
  const rows = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.code, code), eq(unitVersions.validTo, date)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listVersionsAfter(db: Db, unitId: string, date: string): Promise<UnitVersionRow[]> {
  return db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unitId), gt(unitVersions.validFrom, date)))
    .orderBy(asc(unitVersions.validFrom));
}

export async function deleteVersions(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(unitVersions).where(inArray(unitVersions.id, ids));
}

/**
 * Serialises changes to the children of one unit until the transaction ends, so that two
 * requests cannot give out the same group code or the same name at once.
 */
export async function lockChildrenOf(db: Db, unitId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`unit-children:${unitId}`}))`);
}

/** Codes of residential groups already given under a ward, to number the next one. */
export async function listCodesWithPrefix(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: unitVersions.code })
    .from(unitVersions)
    .where(sql`${unitVersions.code} LIKE ${`${prefix.replace(/[%_\\]/g, '\\$&')}%`}`);
  return rows.map((row) => row.code);
}

/** Names of the children of a parent in force on a date, to refuse two groups of one name. */
export async function childNamesAt(
  db: Db,
  parentUnitId: string,
  at: string,
  exceptUnitId?: string,
): Promise<string[]> {
  const rows = await listChildren(db, parentUnitId, at);
  return rows.filter((row) => row.unitId !== exceptUnitId).map((row) => row.name);
}

export async function insertLineage(
  db: Db,
  values: {
    predecessorId: string;
    successorId: string;
    type: LineageType;
    effectiveDate: string;
    resolution: string | null;
  },
): Promise<void> {
  await db.insert(unitLineage).values(values).onConflictDoNothing();
}

/**
 * `down(unit_id, branch)`: the unit and every unit below it on the date, as findSubtreeAt walks the
 * tree of that date, each with the child of the unit it lies under (the unit itself for its own row).
 */
export const subtreeBranchesAt = (unitId: string, at: string): SQL => sql`
  WITH RECURSIVE down(unit_id, branch) AS (
    SELECT unit_id, unit_id FROM unit_versions
    WHERE unit_id = ${unitId} AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
    UNION
    SELECT v.unit_id, CASE WHEN down.unit_id = ${unitId}::uuid THEN v.unit_id ELSE down.branch END
    FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
    WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
  )`;
