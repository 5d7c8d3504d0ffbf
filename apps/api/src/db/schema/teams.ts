import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { households, persons } from './households';
import { bytea } from './types';
import { units } from './units';

/**
 * A self-governing team (tổ tự quản, kind 'team') or group (nhóm tự quản, kind 'group') of
 * residents, attached to a ward or a residential group over a period.
 */
export const selfGoverningTeams = pgTable(
  'self_governing_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('self_governing_teams_unit_idx').on(table.unitId, table.validFrom),
    check('self_governing_teams_kind_check', sql`${table.kind} IN ('team', 'group')`),
    check(
      'self_governing_teams_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/** A member of a team with a role (leader, deputy, member) over a period; a resident or a named person. */
export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => selfGoverningTeams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    role: text('role').notNull().default('member'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (table) => [
    index('team_members_team_idx').on(table.teamId, table.validFrom),
    check('team_members_role_check', sql`${table.role} IN ('leader', 'deputy', 'member')`),
    check(
      'team_members_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/**
 * A household in a team's care over a period. `team_kind` repeats the team's kind so the rule
 * "at most one team of each kind at a time" can be checked on one table.
 */
export const teamHouseholds = pgTable(
  'team_households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => selfGoverningTeams.id, { onDelete: 'cascade' }),
    teamKind: text('team_kind').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (table) => [
    index('team_households_team_idx').on(table.teamId, table.validFrom),
    index('team_households_household_idx').on(table.householdId, table.teamKind, table.validFrom),
    check(
      'team_households_period_check',
      sql`${table.validTo} IS NULL OR ${table.validTo} > ${table.validFrom}`,
    ),
  ],
);

/** What a team did: a visit, propaganda, an epidemic-prevention watch, an incident… */
export const teamActivities = pgTable(
  'team_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => selfGoverningTeams.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    notes: text('notes'),
    photo: bytea('photo'),
    photoType: text('photo_type'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('team_activities_team_idx').on(table.teamId, table.occurredOn)],
);

export const teamActivityHouseholds = pgTable(
  'team_activity_households',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => teamActivities.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.householdId] }),
    index('team_activity_households_household_idx').on(table.householdId),
  ],
);
