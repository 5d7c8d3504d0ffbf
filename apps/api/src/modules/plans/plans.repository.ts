import { indicatorLibrary } from '@doanket/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  indicatorDefinitions,
  indicatorValues,
  planIndicators,
  plans,
  planUnitTargets,
  users,
} from '../../db/schema/index';

export type DefinitionRow = typeof indicatorDefinitions.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type PlanIndicatorRow = typeof planIndicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;

/** Puts the library's definitions in the table (new ones added, existing ones left as they are). */
export async function ensureLibrary(db: Db): Promise<void> {
  await db
    .insert(indicatorDefinitions)
    .values(
      indicatorLibrary.map((item) => ({
        key: item.key,
        name: item.name,
        nameEn: item.nameEn,
        kind: item.kind,
        unitOfMeasure: item.unitOfMeasure,
        comparison: item.comparison,
        defaultValue: item.value,
        defaultMax: item.max ?? null,
        sourceType: item.source.type,
        computedKey: item.source.type === 'computed' ? item.source.key : null,
        isLibrary: true,
      })),
    )
    .onConflictDoNothing({ target: indicatorDefinitions.key });
}

export const listDefinitions = (db: Db) =>
  db
    .select()
    .from(indicatorDefinitions)
    .orderBy(asc(indicatorDefinitions.isLibrary), asc(indicatorDefinitions.key));

export async function findDefinitionsByKeys(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, DefinitionRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(indicatorDefinitions)
    .where(inArray(indicatorDefinitions.key, [...keys]));
  return new Map(rows.map((row) => [row.key, row]));
}

export async function insertDefinition(
  db: Db,
  row: typeof indicatorDefinitions.$inferInsert,
): Promise<string> {
  const [inserted] = await db
    .insert(indicatorDefinitions)
    .values(row)
    .returning({ id: indicatorDefinitions.id });
  if (!inserted) throw new Error('indicator not inserted');
  return inserted.id;
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | null> {
  const rows = await db.select().from(plans).where(eq(plans.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findPlanOf(db: Db, unitId: string, year: number): Promise<PlanRow | null> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.unitId, unitId), eq(plans.year, year)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listPlansOf(db: Db, unitIds: readonly string[], year: number): Promise<PlanRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(plans)
    .where(and(inArray(plans.unitId, [...unitIds]), eq(plans.year, year)));
}

export async function insertPlan(db: Db, row: typeof plans.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(plans).values(row).returning({ id: plans.id });
  if (!inserted) throw new Error('plan not inserted');
  return inserted.id;
}

export async function insertPlanIndicators(
  db: Db,
  rows: Array<typeof planIndicators.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(planIndicators).values(rows);
}

export type PlanIndicatorWithDefinition = PlanIndicatorRow & { definition: DefinitionRow };

export async function listPlanIndicators(db: Db, planId: string): Promise<PlanIndicatorWithDefinition[]> {
  const rows = await db
    .select({ item: planIndicators, definition: indicatorDefinitions })
    .from(planIndicators)
    .innerJoin(indicatorDefinitions, eq(indicatorDefinitions.id, planIndicators.indicatorId))
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.position));
  return rows.map((row) => ({ ...row.item, definition: row.definition }));
}

export async function listUnitTargets(db: Db, planIndicatorIds: readonly string[]) {
  if (planIndicatorIds.length === 0) return [];
  return db
    .select()
    .from(planUnitTargets)
    .where(inArray(planUnitTargets.planIndicatorId, [...planIndicatorIds]));
}

export async function upsertUnitTargets(
  db: Db,
  rows: Array<typeof planUnitTargets.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(planUnitTargets)
    .values(rows)
    .onConflictDoUpdate({
      target: [planUnitTargets.planIndicatorId, planUnitTargets.unitId],
      set: {
        comparison: sql`excluded.comparison`,
        targetValue: sql`excluded.target_value`,
        targetMax: sql`excluded.target_max`,
      },
    });
}

export async function findValue(
  db: Db,
  planIndicatorId: string,
  unitId: string,
  period: string,
): Promise<ValueRow | null> {
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.planIndicatorId, planIndicatorId),
        eq(indicatorValues.unitId, unitId),
        eq(indicatorValues.period, period),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Stores a manual value, replacing the unit's earlier value of that period (the audit keeps it). */
export async function upsertValue(db: Db, row: typeof indicatorValues.$inferInsert): Promise<string> {
  const [saved] = await db
    .insert(indicatorValues)
    .values(row)
    .onConflictDoUpdate({
      target: [indicatorValues.planIndicatorId, indicatorValues.unitId, indicatorValues.period],
      set: {
        value: sql`excluded.value`,
        note: sql`excluded.note`,
        evidenceName: sql`excluded.evidence_name`,
        evidenceType: sql`excluded.evidence_type`,
        evidence: sql`excluded.evidence`,
        enteredBy: sql`excluded.entered_by`,
        enteredAt: sql`now()`,
      },
    })
    .returning({ id: indicatorValues.id });
  if (!saved) throw new Error('value not saved');
  return saved.id;
}

/** Manual values of plan indicators for a set of units and a period (no evidence bytes). */
export async function listValues(
  db: Db,
  planIndicatorIds: readonly string[],
  unitIds: readonly string[],
  period: string,
) {
  if (planIndicatorIds.length === 0 || unitIds.length === 0) return [];
  return db
    .select({
      id: indicatorValues.id,
      planIndicatorId: indicatorValues.planIndicatorId,
      unitId: indicatorValues.unitId,
      value: indicatorValues.value,
      evidenceName: indicatorValues.evidenceName,
      enteredBy: indicatorValues.enteredBy,
      enteredAt: indicatorValues.enteredAt,
    })
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.planIndicatorId, [...planIndicatorIds]),
        inArray(indicatorValues.unitId, [...unitIds]),
        eq(indicatorValues.period, period),
      ),
    );
}

/** Display names of users, by id (who entered a value). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findValueWithEvidence(db: Db, id: string): Promise<ValueRow | null> {
  const rows = await db.select().from(indicatorValues).where(eq(indicatorValues.id, id)).limit(1);
  return rows[0] ?? null;
}
