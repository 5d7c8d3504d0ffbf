/**
 * The plans dashboard over a city-sized dataset: a city of 126 wards with 2,000,000 households and
 * 10,000,000 ledger entries (plans-city.ts), and cities of 1, 8 and 32 wards with as many households
 * per ward, each with its 2026 plan of ten indicators handed to its wards.
 *
 * First the answers: the 126-ward city's cultural families, Tết-gift coverage and fund targets (the
 * city's and three wards') against counts made here from the records (placements on the date ×
 * records, ledger lines); the run stops if they differ. Then through the whole HTTP stack (Fastify
 * inject with a system administrator's session) GET /api/plans/:id/evaluation?period=year of each
 * city, and the five calls of the dashboard (year, q1…q4) for the largest; then each computed
 * indicator's computeWithChildren for the largest city, and the rest of an evaluation (tree, plan,
 * targets, manual values), so the slow parts show. PLANS_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS)
 * of every statement of a computed indicator slower than 100 ms.
 *
 * Run: scripts/with-postgres.sh npx tsx bench/plans-dashboard.bench.ts (or npm run bench:plans-dashboard
 * -w @doanket/bench). PLANS_HOUSEHOLDS (2,000,000), PLANS_ENTRIES (10,000,000), PLANS_WARDS (1,8,32,126:
 * the last is the large city), PLANS_RUNS (100), PLANS_INDICATOR_RUNS (20) change the size;
 * PLANS_PGLITE=1 runs on PGlite as well (small sizes only). PLANS_KEEP=1 keeps the PostgreSQL
 * database and prints its URL; PLANS_REUSE_URL=<url> measures it again after migrating it (with a
 * server that outlives scripts/with-postgres.sh, e.g. TEST_DATABASE_URL of a server of your own).
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import type { EvaluationResponse } from '@doanket/domain';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { buildApp } from '../apps/api/src/app';
import { type Db, openDatabase, queryRows } from '../apps/api/src/db/client';
import { loadConfig } from '../apps/api/src/lib/config';
import type { RequestContext } from '../apps/api/src/lib/context';
import { hashPassword } from '../apps/api/src/lib/passwords';
import { insertGrant, insertUser } from '../apps/api/src/modules/accounts/accounts.repository';
import { policyFamilyCodes } from '../apps/api/src/modules/plans/computed/computed.repository';
import { computedIndicators } from '../apps/api/src/modules/plans/computed/index';
import * as plansRepo from '../apps/api/src/modules/plans/plans.repository';
import { findVersionByCode, listChildren } from '../apps/api/src/modules/units/units.repository';
import { freshDatabase } from './common';
import { citiesIn, generatePlansCities, type PlansCity, YEAR } from './plans-city';

const HOUSEHOLDS = Number(process.env.PLANS_HOUSEHOLDS ?? 2_000_000);
const ENTRIES = Number(process.env.PLANS_ENTRIES ?? 10_000_000);
const WARDS = (process.env.PLANS_WARDS ?? '1,8,32,126').split(',').map(Number);
const RUNS = Number(process.env.PLANS_RUNS ?? 100);
const INDICATOR_RUNS = Number(process.env.PLANS_INDICATOR_RUNS ?? 20);
const FUNDS_PER_WARD = 8;
const LARGEST = WARDS.at(-1)!;
// PLANS_KEEP=1 leaves the PostgreSQL database in place and prints its URL; PLANS_REUSE_URL=… measures
// such a database again (migrated first) without writing the data anew.
const KEEP = process.env.PLANS_KEEP === '1';
const REUSE = process.env.PLANS_REUSE_URL;
const kinds: Array<'pglite' | 'postgres'> = [
  ...(process.env.PLANS_PGLITE === '1' ? (['pglite'] as const) : []),
  ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : []),
];
if (kinds.length === 0 || WARDS.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(
    'Cần PostgreSQL / needs PostgreSQL: scripts/with-postgres.sh npx tsx bench/plans-dashboard.bench.ts',
  );
  console.error('or PLANS_PGLITE=1 for PGlite; PLANS_WARDS is a list of ward counts such as 1,8,32,126');
  process.exit(1);
}
const householdsPerWard = Math.round(HOUSEHOLDS / LARGEST);
const entriesPerFund = Math.max(1, Math.round(ENTRIES / (LARGEST * FUNDS_PER_WARD)));
const PERIOD_END = `${YEAR}-12-31`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(0)} s`;

async function measure(count: number, warmUps: number, ask: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmUps; i += 1) await ask();
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return times;
}

/** A unit's subtree on the period's end, as a CTE `down(unit_id)`, written here from the tree's definition. */
const subtree = (unitId: string) => sql`
  WITH RECURSIVE down(unit_id) AS (
    SELECT ${unitId}::uuid
    UNION
    SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
    WHERE v.valid_from <= ${PERIOD_END}::date AND (v.valid_to IS NULL OR v.valid_to > ${PERIOD_END}::date))`;

type Counted = { numerator: number; denominator: number };

/** Households placed in the unit on the period's end, and of them those registered as cultural families. */
async function culturalFromRecords(db: Db, unitId: string): Promise<Counted> {
  const [row] = await queryRows<{ households: number; registered: number }>(
    db,
    sql`${subtree(unitId)},
      placed AS (
        SELECT DISTINCT p.household_id FROM household_placements p JOIN down ON down.unit_id = p.group_unit_id
        WHERE p.valid_from <= ${PERIOD_END}::date AND (p.valid_to IS NULL OR p.valid_to > ${PERIOD_END}::date))
      SELECT (SELECT count(*)::int FROM placed) AS households,
        (SELECT count(*)::int FROM placed JOIN cultural_family_records r ON r.household_id = placed.household_id
          WHERE r.year = ${YEAR} AND r.registered) AS registered`,
  );
  return { numerator: row!.registered, denominator: row!.households };
}

/**
 * Policy-family and near-poor households placed in each residential group of the unit on the day of
 * its ward's Tết programme of the year, and of them those paid by a programme of the year whose
 * payment was not reversed.
 */
async function tetFromRecords(db: Db, unitId: string): Promise<Counted> {
  const codes = sql`string_to_array(${['near_poor', ...policyFamilyCodes].join(',')}, ',')`;
  const [row] = await queryRows<{ eligible: number; supported: number }>(
    db,
    sql`${subtree(unitId)},
      groups AS (
        SELECT v.unit_id, coalesce(
          (SELECT min(g.eligible_on) FROM support_programs g
            WHERE g.kind = 'tet_gift' AND extract(year FROM g.period_from) = ${YEAR}
              AND g.unit_id IN (v.unit_id, v.parent_unit_id)), ${PERIOD_END}::date) AS day
        FROM unit_versions v JOIN down ON down.unit_id = v.unit_id
        WHERE v.kind = 'residential_group'
          AND v.valid_from <= ${PERIOD_END}::date AND (v.valid_to IS NULL OR v.valid_to > ${PERIOD_END}::date)),
      eligible AS (
        SELECT DISTINCT p.household_id FROM groups gr
        JOIN household_placements p ON p.group_unit_id = gr.unit_id
          AND p.valid_from <= gr.day AND (p.valid_to IS NULL OR p.valid_to > gr.day)
        JOIN household_categories c ON c.household_id = p.household_id AND c.category = ANY(${codes})
          AND c.valid_from <= gr.day AND (c.valid_to IS NULL OR c.valid_to > gr.day))
      SELECT (SELECT count(*)::int FROM eligible) AS eligible,
        (SELECT count(*)::int FROM eligible e WHERE EXISTS (
          SELECT 1 FROM distributions x JOIN support_programs g ON g.id = x.program_id
          WHERE x.household_id = e.household_id AND g.kind = 'tet_gift'
            AND extract(year FROM g.period_from) = ${YEAR} AND x.status IN ('paid', 'confirmed')
            AND x.paid_on <= ${PERIOD_END}::date
            AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = x.entry_id))) AS supported`,
  );
  return { numerator: row!.supported, denominator: row!.eligible };
}

/**
 * Targets handed to the unit (or, with none of its own, to its children) for the year's campaigns,
 * and what the funds of its subtree received for them, summed over the ledger's lines.
 */
async function fundsFromRecords(db: Db, unitId: string): Promise<Counted> {
  const [row] = await queryRows<{ target: string | null; raised: string | null }>(
    db,
    sql`${subtree(unitId)},
      campaign AS (SELECT id FROM campaigns WHERE starts_on <= ${PERIOD_END}::date
        AND receiving_ends_on >= ${`${YEAR}-01-01`}::date),
      held AS (
        SELECT t.campaign_id, t.amount FROM campaign_targets t JOIN campaign c ON c.id = t.campaign_id
        WHERE t.unit_id = ${unitId}::uuid
        UNION ALL
        SELECT t.campaign_id, t.amount FROM campaign_targets t JOIN campaign c ON c.id = t.campaign_id
        JOIN unit_versions v ON v.unit_id = t.unit_id AND v.parent_unit_id = ${unitId}::uuid
          AND v.valid_from <= ${PERIOD_END}::date AND (v.valid_to IS NULL OR v.valid_to > ${PERIOD_END}::date)
        WHERE NOT EXISTS (SELECT 1 FROM campaign_targets o WHERE o.unit_id = ${unitId}::uuid AND o.campaign_id = t.campaign_id))
      SELECT (SELECT sum(amount) FROM held)::bigint AS target,
        (SELECT -sum(l.amount) FROM ledger_lines l JOIN funds f ON f.id = l.fund_id JOIN down ON down.unit_id = f.unit_id
          WHERE l.campaign_id IN (SELECT campaign_id FROM held) AND l.account IN ('donations', 'donations_in_kind')
            AND l.entry_date <= ${PERIOD_END}::date)::bigint AS raised`,
  );
  return { numerator: Number(row!.raised ?? 0), denominator: Number(row!.target ?? 0) };
}

/** A Db that keeps the raw statements it runs, to explain them afterwards. */
function recording(db: Db, statements: SQL[]): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'execute') {
        return (query: SQL) => {
          statements.push(query);
          return target.execute(query);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// The code measured: the commit when the run starts.
const commit = execSync('git rev-parse --short HEAD', { cwd: import.meta.dirname })
  .toString()
  .trim();
const changed = execSync('git status --porcelain --untracked-files=no -- ../apps/api ../packages/domain', {
  cwd: import.meta.dirname,
})
  .toString()
  .trim();
const lines: string[] = [];
const notes: string[] = [`Commit ${commit}${changed ? ' with changes in apps/api or packages/domain' : ''}.`];
for (const kind of kinds) {
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const reused = kind === 'postgres' ? REUSE : undefined;
  const fresh = reused ? null : await freshDatabase(kind);
  const database = fresh?.database ?? (await openDatabase({ databaseUrl: reused! }));
  const dispose = async () => {
    if (!fresh) return database.close();
    if (!KEEP || kind !== 'postgres') return fresh.dispose();
    await database.close();
    console.error(`Giữ lại / kept: PLANS_REUSE_URL=${fresh.env.DATABASE_URL}`);
  };
  try {
    await database.migrate();
    const db = database.db;
    const password = 'bench-password-1';
    const user = reused
      ? (
          await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM users WHERE username = 'bench'`)
        )[0]!
      : await insertUser(db, {
          username: 'bench',
          displayName: 'Bench',
          passwordHash: await hashPassword(password),
          mustChangePassword: false,
        });
    if (!reused) await insertGrant(db, { userId: user.id, role: 'system_admin', unitId: null });
    const ctx: RequestContext = {
      actor: { userId: user.id, username: 'bench', grants: [{ role: 'system_admin', unitId: null }] },
      requestId: null,
    };

    const phases: Array<[string, number]> = [];
    const phase = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      const took = performance.now() - started;
      phases.push([step, took]);
      console.error(`${kind}: ${step}: ${seconds(took)}`);
      return result;
    };
    const generated = performance.now();
    const cities = reused
      ? await citiesIn(db)
      : await generatePlansCities(
          db,
          { wards: WARDS, householdsPerWard, fundsPerWard: FUNDS_PER_WARD, entriesPerFund },
          { ctx, phase },
        );
    const generateMs = performance.now() - generated;
    const [sizes] = await queryRows<Record<string, string>>(
      db,
      sql`SELECT (SELECT count(*) FROM households)::text AS households,
            (SELECT count(*) FROM ledger_entries)::text AS entries,
            (SELECT count(*) FROM cultural_family_records)::text AS "culturalRecords",
            (SELECT count(*) FROM distributions)::text AS distributions,
            (SELECT count(*) FROM campaign_targets)::text AS "campaignTargets",
            (SELECT count(*) FROM indicator_values)::text AS "manualValues",
            ${kind === 'postgres' ? sql`pg_size_pretty(pg_database_size(current_database()))` : sql`''`} AS size`,
    );
    const tables = await queryRows<{ name: string }>(
      db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    notes.push(
      `${name}: generated in ${seconds(generateMs)} (${phases.map(([step, took]) => `${step} ${seconds(took)}`).join('; ')}).`,
      `${name}: ${Number(sizes!.households).toLocaleString('en')} households, ${Number(sizes!.entries).toLocaleString('en')} ledger entries, ` +
        `${Number(sizes!.culturalRecords).toLocaleString('en')} cultural-family records, ${Number(sizes!.distributions).toLocaleString('en')} Tết-gift distributions, ` +
        `${sizes!.campaignTargets} campaign targets, ${sizes!.manualValues} manual values${sizes!.size ? `; database ${sizes!.size}` : ''}.`,
      `${name}: tables ${tables.map((row) => row.name).join(', ')}.`,
    );
    console.error(notes.slice(-3).join('\n'));

    const app = await buildApp({ db, config: { ...loadConfig({}), demo: false } });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench', password },
    });
    const cookie = `doanket_session=${login.cookies.find((c) => c.name === 'doanket_session')?.value}`;
    const evaluate = async (city: PlansCity, query: string): Promise<z.infer<typeof EvaluationResponse>> => {
      const response = await app.inject({
        url: `/api/plans/${city.planId}/evaluation?${query}`,
        headers: { cookie },
      });
      if (response.statusCode !== 200) throw new Error(`evaluation ${response.statusCode} ${response.body}`);
      return response.json() as z.infer<typeof EvaluationResponse>;
    };

    // The answers first, against the records.
    const large = cities.at(-1)!;
    const cityAnswer = await evaluate(large, 'period=year');
    if (cityAnswer.items.length !== 10) throw new Error(`${cityAnswer.items.length} indicators, not 10`);
    const checks: Array<[string, (db: Db, unitId: string) => Promise<Counted>]> = [
      ['cultural_families', culturalFromRecords],
      ['tet_gift_coverage', tetFromRecords],
      ['fund_targets', fundsFromRecords],
    ];
    const probes = [
      large.provinceCode,
      large.wardCodes[0]!,
      large.wardCodes[large.wardCodes.length >> 1]!,
      large.wardCodes.at(-1)!,
    ];
    for (const code of probes) {
      const unit = await findVersionByCode(db, code, PERIOD_END);
      const answer =
        code === large.provinceCode ? cityAnswer : await evaluate(large, `unit=${code}&period=year`);
      for (const [key, count] of checks) {
        const started = performance.now();
        const expected = await count(db, unit!.unitId);
        const took = performance.now() - started;
        const item = answer.items.find((candidate) => candidate.key === key)!;
        const value = expected.denominator > 0 ? (expected.numerator * 100) / expected.denominator : null;
        if (
          item.numerator !== expected.numerator ||
          item.denominator !== expected.denominator ||
          (value === null ? item.value !== null : Math.abs((item.value ?? Number.NaN) - value) > 1e-9)
        ) {
          throw new Error(
            `${code} ${key}: evaluation ${item.numerator}/${item.denominator} = ${item.value}, records ${expected.numerator}/${expected.denominator}`,
          );
        }
        if (code !== large.provinceCode) {
          const contributing = cityAnswer.items
            .find((candidate) => candidate.key === key)!
            .contributing.find((child) => child.unitCode === code);
          if (contributing?.value !== item.value) {
            throw new Error(
              `${code} ${key}: ${contributing?.value} in the city's list, ${item.value} on its own`,
            );
          }
        }
        console.error(
          `${kind}: ${code} ${key} ${expected.numerator}/${expected.denominator} = ${value?.toFixed(2)}% as counted from the records (${ms(took)})`,
        );
      }
    }
    const statuses = cityAnswer.items.map((item) => {
      const byStatus = new Map<string, number>();
      for (const child of item.contributing)
        byStatus.set(child.status, (byStatus.get(child.status) ?? 0) + 1);
      const wards = [...byStatus].map(([status, count]) => `${count} ${status}`).join(', ');
      return `${item.key} ${item.valueText} ${item.status} (wards: ${wards})`;
    });
    notes.push(`${name}: ${large.provinceCode} ${YEAR}: ${statuses.join('; ')}.`);
    console.error(notes.at(-1));

    const row = (what: string, times: number[]) =>
      `| ${name} | ${what} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} | ${times.length} |`;
    const loadBefore = os.loadavg()[0]!;
    for (const city of cities) {
      const times = await measure(RUNS, 10, () => evaluate(city, 'period=year'));
      lines.push(
        row(
          `evaluation of a city of ${city.wards} ward${city.wards === 1 ? '' : 's'} (${city.households.toLocaleString('en')} households), year`,
          times,
        ),
      );
      console.error(lines.at(-1));
    }
    const dashboard = await measure(Math.max(1, Math.round(RUNS / 10)), 1, async () => {
      for (const period of ['year', 'q1', 'q2', 'q3', 'q4']) await evaluate(large, `period=${period}`);
    });
    lines.push(
      row(`the dashboard's five calls (year, q1…q4) for ${LARGEST} wards, one after another`, dashboard),
    );
    const ward = await measure(RUNS, 10, () =>
      evaluate(large, `unit=${large.wardCodes[large.wardCodes.length >> 1]}&period=year`),
    );
    lines.push(row(`evaluation of one ward of the ${LARGEST}-ward city, year`, ward));
    console.error(lines.slice(-2).join('\n'));

    // Indicator by indicator, for the largest city.
    const city = await findVersionByCode(db, large.provinceCode, PERIOD_END);
    const scope = { unitId: city!.unitId, year: YEAR, periodEnd: PERIOD_END };
    const slow: Array<[string, SQL]> = [];
    for (const source of Object.values(computedIndicators)) {
      const times = await measure(INDICATOR_RUNS, 2, () => source.computeWithChildren(db, scope));
      lines.push(row(`\`${source.key}\`.computeWithChildren, ${LARGEST} wards`, times));
      console.error(lines.at(-1));
      if (process.env.PLANS_EXPLAIN === '1' && kind === 'postgres') {
        const statements: SQL[] = [];
        await source.computeWithChildren(recording(db, statements), scope);
        for (const statement of statements) slow.push([source.key, statement]);
      }
    }
    const plan = await plansRepo.findPlan(db, large.planId);
    const rest = await measure(INDICATOR_RUNS, 2, async () => {
      const children = await listChildren(db, scope.unitId, PERIOD_END);
      const indicators = await plansRepo.listPlanIndicators(db, plan!.id);
      await plansRepo.listUnitTargets(
        db,
        indicators.map((item) => item.id),
      );
      await plansRepo.listValues(
        db,
        indicators.map((item) => item.id),
        [scope.unitId, ...children.map((child) => child.unitId)],
        'year',
      );
    });
    lines.push(
      row(`the rest: children, plan indicators, unit targets, manual values (${LARGEST} wards)`, rest),
    );
    notes.push(
      `${name}: load average (1 min) ${loadBefore.toFixed(1)} before the runs, ${os.loadavg()[0]!.toFixed(1)} after.`,
    );
    await app.close();

    for (const [key, statement] of slow) {
      const started = performance.now();
      const plan = await queryRows<{ 'QUERY PLAN': string }>(
        db,
        sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`,
      );
      const took = performance.now() - started;
      if (took < 100) continue;
      const query = new PgDialect().sqlToQuery(statement);
      console.log(
        `\n### ${key} (${ms(took)})\n\n${query.sql}\n-- ${JSON.stringify(query.params).slice(0, 300)}\n`,
      );
      console.log(plan.map((line) => line['QUERY PLAN']).join('\n'));
    }
  } finally {
    await dispose();
  }
}
console.log(`\n${notes.join('\n')}\n`);
console.log('| database | question | p50 | p95 | max | runs |');
console.log('|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
console.log(`\n${os.cpus().length} cores.`);
// A kept database leaves the server's admin connection of freshDatabase open.
if (KEEP) process.exit(0);
