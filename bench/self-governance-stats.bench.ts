/**
 * Self-governance figures on a city-sized register: 126 wards, 2,000,000 households (see
 * self-governance-city.ts), through the same service the API answers with (authorization included).
 * p50 and p95 of the per-ward figures (a random ward and date each run) and of the whole-city
 * roll-up (a random date each run); the answers are checked once against a count from the records.
 * Run: scripts/with-postgres.sh npx tsx bench/self-governance-stats.bench.ts
 * (PostgreSQL; SG_PGLITE=1 adds PGlite; SG_HOUSEHOLDS, SG_WARDS, SG_RUNS change the size.)
 */
import os from 'node:os';
import type { Actor } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../apps/api/src/db/client';
import type { RequestContext } from '../apps/api/src/lib/context';
import {
  getSelfGovernanceBreakdown,
  getSelfGovernanceFigures,
} from '../apps/api/src/modules/teams/stats.service';
import { findVersionByCode } from '../apps/api/src/modules/units/units.repository';
import { freshDatabase } from './common';
import { type City, generateCity } from './self-governance-city';

const households = Number(process.env.SG_HOUSEHOLDS ?? 2_000_000);
const wards = Number(process.env.SG_WARDS ?? 126);
const runs = Number(process.env.SG_RUNS ?? 200);
const kinds: Array<'pglite' | 'postgres'> = [
  ...(process.env.SG_PGLITE === '1' ? (['pglite'] as const) : []),
  ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : []),
];
if (kinds.length === 0) {
  console.error(
    'Cần PostgreSQL / needs PostgreSQL: scripts/with-postgres.sh npx tsx bench/self-governance-stats.bench.ts',
  );
  console.error('or SG_PGLITE=1 for PGlite');
  process.exit(1);
}

const admin: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  grants: [{ role: 'system_admin', unitId: null }],
};
const ctx: RequestContext = { actor: admin, requestId: null };

// A fixed pseudo-random sequence, so that every run asks the same questions.
let seed = 20_260_630;
const random = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const addDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};
const randomDate = (city: City) => {
  const span = (Date.parse(city.to) - Date.parse(city.from)) / 86_400_000;
  return addDays(city.from, random(span + 1));
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function measure(count: number, ask: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(10, count); i += 1) await ask();
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return times;
}

/** The figures counted straight from the records, as their definition says (for checking). */
async function countFromRecords(db: Db, code: string, at: string) {
  const unit = await findVersionByCode(db, code, at);
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`WITH RECURSIVE down(unit_id) AS (
          SELECT ${unit!.unitId}::uuid
          UNION
          SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
          WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)),
        teams AS (
          SELECT id, kind FROM self_governing_teams
          WHERE unit_id IN (SELECT unit_id FROM down) AND valid_from <= ${at}::date
            AND (valid_to IS NULL OR valid_to > ${at}::date))
        SELECT
          (SELECT count(*)::int FROM teams WHERE kind = 'team') AS "teams",
          (SELECT count(*)::int FROM team_members m JOIN teams ON teams.id = m.team_id WHERE teams.kind = 'team'
            AND m.valid_from <= ${at}::date AND (m.valid_to IS NULL OR m.valid_to > ${at}::date)) AS "teamMembers",
          (SELECT count(*)::int FROM teams WHERE kind = 'group') AS "groups",
          (SELECT count(*)::int FROM team_members m JOIN teams ON teams.id = m.team_id WHERE teams.kind = 'group'
            AND m.valid_from <= ${at}::date AND (m.valid_to IS NULL OR m.valid_to > ${at}::date)) AS "groupMembers",
          (SELECT count(DISTINCT a.household_id)::int FROM team_households a JOIN teams ON teams.id = a.team_id
            WHERE a.valid_from <= ${at}::date AND (a.valid_to IS NULL OR a.valid_to > ${at}::date)) AS "householdsSupervised"`,
  );
  return row!;
}

/** Households placed on the date (in the whole city) and of each category, from the records. */
async function householdsFromRecords(db: Db, at: string) {
  const placed = sql`SELECT DISTINCT household_id FROM household_placements
    WHERE valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)`;
  const [total] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${placed}) p`);
  const categories = await queryRows<{ category: string; n: number }>(
    db,
    sql`SELECT category, count(DISTINCT household_id)::int AS n FROM household_categories
        WHERE household_id IN (${placed}) AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
        GROUP BY category`,
  );
  return {
    households: total!.n,
    byCategory: Object.fromEntries(categories.map((row) => [row.category, row.n])),
  };
}

const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((key) => a[key] === b[key]);

const lines: string[] = [];
const loads: string[] = [];
for (const kind of kinds) {
  const { database, dispose } = await freshDatabase(kind);
  try {
    await database.migrate();
    const db = database.db;
    const generated = performance.now();
    const city = await generateCity(db, { wards, households }, (step) =>
      console.error(`${kind}: ${step} ${((performance.now() - generated) / 1000).toFixed(0)} s`),
    );
    const generateSeconds = (performance.now() - generated) / 1000;
    const [sizes] = await queryRows<Record<string, number>>(
      db,
      sql`SELECT (SELECT count(*)::int FROM households) AS households,
            (SELECT count(*)::int FROM team_households) AS assignments,
            (SELECT count(*)::int FROM self_governing_teams) AS teams,
            (SELECT count(*)::int FROM team_members) AS members,
            (SELECT count(*)::int FROM team_figure_deltas) AS deltas`,
    );
    console.error(`${kind}: generated in ${generateSeconds.toFixed(0)} s`, sizes);

    // The answers first: the same as counting the records, for the city and a few wards.
    const checkDate = '2026-06-30';
    const started = performance.now();
    const exact = await countFromRecords(db, city.provinceCode, checkDate);
    const exactMs = performance.now() - started;
    const fast = await getSelfGovernanceFigures({ db, ctx, unit: city.provinceCode, at: checkDate });
    if (!same(fast, exact)) {
      throw new Error(`city figures differ: ${JSON.stringify(fast)} vs ${JSON.stringify(exact)}`);
    }
    for (const code of [
      city.wardCodes[0]!,
      city.wardCodes[city.wardCodes.length >> 1]!,
      city.wardCodes.at(-1)!,
    ]) {
      const at = randomDate(city);
      const a = await getSelfGovernanceFigures({ db, ctx, unit: code, at });
      const b = await countFromRecords(db, code, at);
      if (!same(a, b)) {
        throw new Error(`${code} on ${at} differs: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
    console.error(`${kind}: city on ${checkDate}`, fast, `(counted from the records in ${ms(exactMs)})`);
    const householdsStarted = performance.now();
    const placed = await householdsFromRecords(db, checkDate);
    const householdsExactMs = performance.now() - householdsStarted;
    const breakdown = await getSelfGovernanceBreakdown({ db, ctx, unit: city.provinceCode, at: checkDate });
    if (
      breakdown.total.households !== placed.households ||
      !same(breakdown.total.byCategory, placed.byCategory)
    ) {
      throw new Error(
        `city households differ: ${JSON.stringify(breakdown.total)} vs ${JSON.stringify(placed)}`,
      );
    }
    console.error(
      `${kind}: households on ${checkDate}`,
      placed,
      `(counted from the records in ${ms(householdsExactMs)})`,
    );

    const loadBefore = os.loadavg()[0]!;
    const ward = await measure(runs, () =>
      getSelfGovernanceFigures({
        db,
        ctx,
        unit: city.wardCodes[random(city.wardCodes.length)]!,
        at: randomDate(city),
      }),
    );
    const whole = await measure(runs, () =>
      getSelfGovernanceFigures({ db, ctx, unit: city.provinceCode, at: randomDate(city) }),
    );
    const wardBreakdown = await measure(Math.min(runs, 50), () =>
      getSelfGovernanceBreakdown({
        db,
        ctx,
        unit: city.wardCodes[random(city.wardCodes.length)]!,
        at: randomDate(city),
      }),
    );
    const cityBreakdown = await measure(Math.min(runs, 10), () =>
      getSelfGovernanceBreakdown({ db, ctx, unit: city.provinceCode, at: randomDate(city) }),
    );
    loads.push(`${kind}: ${loadBefore.toFixed(1)} before the runs, ${os.loadavg()[0]!.toFixed(1)} after`);
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const row = (what: string, times: number[]) =>
      `| ${name} | ${what} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${times.length} |`;
    lines.push(
      row('figures of one ward (`GET /api/stats/self-governance?unit=WARD`)', ward),
      row('figures of the whole city (`?unit=CITY`)', whole),
      row('breakdown of one ward by residential group, with households and categories', wardBreakdown),
      row('breakdown of the whole city by ward, with households and categories', cityBreakdown),
      `| ${name} | reference: the city's five figures counted from the records (COUNT DISTINCT), once | ${ms(exactMs)} | | 1 |`,
      `| ${name} | reference: the city's households and categories counted from the records, once | ${ms(householdsExactMs)} | | 1 |`,
    );
    console.error(
      `${kind}: ${sizes!.households} households, ${sizes!.assignments} assignments, ${sizes!.teams} teams and groups, ` +
        `${sizes!.members} members, ${sizes!.deltas} rows of dated changes; generated in ${generateSeconds.toFixed(0)} s`,
    );
  } finally {
    await dispose();
  }
}
console.log('| database | question | p50 | p95 | runs |');
console.log('|---|---|---|---|---|');
for (const line of lines) console.log(line);
console.log(`\n${os.cpus().length} cores; load average (1 min): ${loads.join('; ')}`);
