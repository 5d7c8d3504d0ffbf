import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const unitKind = pgEnum('unit_kind', ['province', 'district', 'ward', 'residential_group']);
export const lineageType = pgEnum('lineage_type', ['full', 'partial']);

/** The identity of an administrative unit; what it is called and where it sits lives in its versions. */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: unitKind('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One period of a unit's life, half-open [valid_from, valid_to): code, name and parent in that period. */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    kind: unitKind('kind').notNull(),
    subkind: text('subkind'),
    parentUnitId: uuid('parent_unit_id').references(() => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('unit_versions_unit_from_idx').on(table.unitId, table.validFrom),
    index('unit_versions_code_idx').on(table.code),
    index('unit_versions_parent_idx').on(table.parentUnitId),
    index('unit_versions_kind_idx').on(table.kind),
    check(
      'unit_versions_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/** Which units a unit came from when the map was redrawn, wholly or in part. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    type: lineageType('type').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    resolution: text('resolution'),
  },
  (table) => [
    uniqueIndex('unit_lineage_pair_idx').on(table.predecessorId, table.successorId, table.effectiveDate),
    index('unit_lineage_successor_idx').on(table.successorId),
  ],
);
