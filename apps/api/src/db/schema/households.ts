import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { units } from './units';

/**
 * A household of a ward's register. Its code is unique in the ward that registered it; where it
 * lives (the residential group) is dated in household_placements, so a move keeps the history.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardUnitId: uuid('ward_unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    address: text('address'),
    phone: text('phone'),
    /** Folded (no diacritics, lower case) code, address and head's name, for search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('households_ward_code_idx').on(table.wardUnitId, table.code)],
);

/** Which residential group a household belongs to, half-open [valid_from, valid_to). */
export const householdPlacements = pgTable(
  'household_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    groupUnitId: uuid('group_unit_id')
      .notNull()
      .references(() => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (table) => [
    index('household_placements_household_idx').on(table.householdId, table.validFrom),
    index('household_placements_group_idx').on(table.groupUnitId, table.validFrom),
    check(
      'household_placements_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/**
 * A member of a household. Name parts are stored apart; `sort_key` orders by tên, tên đệm, họ in
 * Vietnamese alphabet order under the "C" collation (PGlite has no ICU). The citizen ID, health
 * and disability notes are sealed (AES-256-GCM); the mask and a keyed hash serve lists and duplicates.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    ho: text('ho').notNull(),
    tenDem: text('ten_dem').notNull().default(''),
    ten: text('ten').notNull(),
    searchName: text('search_name').notNull(),
    sortKey: text('sort_key').notNull(),
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }),
    birthYear: smallint('birth_year'),
    relation: text('relation').notNull(),
    isHead: boolean('is_head').notNull().default(false),
    phone: text('phone'),
    citizenIdSealed: text('citizen_id_sealed'),
    citizenIdHash: text('citizen_id_hash'),
    citizenIdMask: text('citizen_id_mask'),
    healthSealed: text('health_sealed'),
    disabilitySealed: text('disability_sealed'),
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('persons_household_idx').on(table.householdId, table.position),
    index('persons_citizen_id_hash_idx').on(table.citizenIdHash),
    index('persons_name_birth_idx').on(table.searchName, table.birthYear),
    uniqueIndex('persons_one_head_idx').on(table.householdId).where(sql`${table.isHead}`),
    check('persons_sex_check', sql`${table.sex} IS NULL OR ${table.sex} IN ('male', 'female')`),
  ],
);

/** Categories a committee adds to the built-in list (the built-in ones live in the domain package). */
export const householdCategoryKinds = pgTable('household_category_kinds', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  groupCode: text('group_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A category of a household over a period: poor / near-poor under a poverty-standard period,
 * policy family, Agent Orange victim… The code is in clear so figures can count it; details
 * (deprivation score, kind of disability, health) are sealed.
 */
export const householdCategories = pgTable(
  'household_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    /** Poverty-standard period code ('2022-2026', '2027-2030') for poor and near-poor. */
    standardPeriod: text('standard_period'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    detailSealed: text('detail_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('household_categories_household_idx').on(table.householdId),
    index('household_categories_category_idx').on(table.category, table.validFrom),
    check(
      'household_categories_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/** Yearly "gia đình văn hóa" registration and recognition. */
export const culturalFamilyRecords = pgTable(
  'cultural_family_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    registered: boolean('registered').notNull().default(true),
    /** null: not yet decided; true: recognised; false: not recognised (with a reason). */
    recognized: boolean('recognized'),
    reason: text('reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('cultural_family_household_year_idx').on(table.householdId, table.year)],
);

/** Consent of a household to the processing of its personal data (decree 13/2023). */
export const householdConsents = pgTable(
  'household_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    givenBy: text('given_by').notNull(),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('household_consents_household_idx').on(table.householdId)],
);

/** A possible duplicate person, flagged for review and never merged silently. */
export const duplicateFlags = pgTable(
  'duplicate_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    otherPersonId: uuid('other_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    /** open → not_duplicate | duplicate */
    status: text('status').notNull().default('open'),
    wardUnitId: uuid('ward_unit_id').references(() => units.id),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('duplicate_flags_pair_idx').on(table.personId, table.otherPersonId, table.reason),
    index('duplicate_flags_other_idx').on(table.otherPersonId),
    index('duplicate_flags_ward_idx').on(table.wardUnitId, table.status),
  ],
);

/** An import of a file; processed in the background, its progress polled. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    fileName: text('file_name'),
    mode: text('mode').notNull(),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    householdsImported: integer('households_imported').notNull().default(0),
    duplicatesFlagged: integer('duplicates_flagged').notNull().default(0),
    /** Row errors (row, column, reason…), and file-level problems. */
    errors: jsonb('errors').notNull().default([]),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('import_jobs_unit_idx').on(table.unitId, table.createdAt)],
);
