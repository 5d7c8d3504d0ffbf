import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bytea } from './types';
import { units } from './units';

const measure = (name: string) => numeric(name, { mode: 'number' });

/**
 * What an indicator (chỉ tiêu) measures and where its value comes from: a named computed source
 * over the modules, or a value entered with evidence. The library's definitions are kept here too.
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    comparison: text('comparison').notNull(),
    defaultValue: measure('default_value').notNull(),
    defaultMax: measure('default_max'),
    sourceType: text('source_type').notNull(),
    computedKey: text('computed_key'),
    isLibrary: boolean('is_library').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('indicator_definitions_key_idx').on(table.key),
    check(
      'indicator_definitions_kind_check',
      sql`${table.kind} IN ('percentage', 'count', 'amount', 'rating_share')`,
    ),
    check(
      'indicator_definitions_comparison_check',
      sql`${table.comparison} IN ('gte', 'lte', 'eq', 'range')`,
    ),
    check(
      'indicator_definitions_source_check',
      sql`(${table.sourceType} = 'computed' AND ${table.computedKey} IS NOT NULL) OR (${table.sourceType} = 'manual' AND ${table.computedKey} IS NULL)`,
    ),
  ],
);

/** A unit's plan for a year; a plan handed down names the plan of the level above. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('plans_unit_year_idx').on(table.unitId, table.year),
    check('plans_year_check', sql`${table.year} BETWEEN 2000 AND 2100`),
  ],
);

/** An indicator of a plan with its target for the year and, optionally, for each quarter. */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicatorDefinitions.id),
    position: smallint('position').notNull(),
    targetNo: smallint('target_no').notNull(),
    comparison: text('comparison').notNull(),
    targetValue: measure('target_value').notNull(),
    targetMax: measure('target_max'),
    /** [q1, q2, q3, q4] cumulative targets, or null for a yearly target only. */
    quarterTargets: jsonb('quarter_targets').$type<Array<number | null>>(),
  },
  (table) => [
    uniqueIndex('plan_indicators_plan_indicator_idx').on(table.planId, table.indicatorId),
    check('plan_indicators_comparison_check', sql`${table.comparison} IN ('gte', 'lte', 'eq', 'range')`),
  ],
);

/** A target handed to a unit below the plan's unit, overriding the plan's own. */
export const planUnitTargets = pgTable(
  'plan_unit_targets',
  {
    planIndicatorId: uuid('plan_indicator_id')
      .notNull()
      .references(() => planIndicators.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    comparison: text('comparison').notNull(),
    targetValue: measure('target_value').notNull(),
    targetMax: measure('target_max'),
  },
  (table) => [primaryKey({ columns: [table.planIndicatorId, table.unitId] })],
);

/** A value entered for a manual indicator, for a unit and a period, with its evidence. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planIndicatorId: uuid('plan_indicator_id')
      .notNull()
      .references(() => planIndicators.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'year', or 'q1'…'q4' */
    period: text('period').notNull(),
    value: measure('value').notNull(),
    note: text('note'),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidence: bytea('evidence'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('indicator_values_once_idx').on(table.planIndicatorId, table.unitId, table.period),
    index('indicator_values_unit_idx').on(table.unitId),
    check('indicator_values_period_check', sql`${table.period} IN ('year', 'q1', 'q2', 'q3', 'q4')`),
  ],
);

/** The editable narrative of a unit's year-end report; figures are never stored, only text. */
export const reportNarratives = pgTable(
  'report_narratives',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: smallint('year').notNull(),
    number: text('number'),
    /** The date line's date; none → the default one (10 January of the next year). */
    documentDate: date('document_date', { mode: 'string' }),
    signatoryName: text('signatory_name'),
    /** { [section key]: paragraphs } */
    sections: jsonb('sections').$type<Record<string, string[]>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.year] })],
);
