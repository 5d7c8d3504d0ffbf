/**
 * Reading funds over 10 million ledger entries (PostgreSQL): a fund's balance as of a date
 * (GET /api/funds/:id/balance?at=) and a fund's public page (GET /api/public/funds/:id), through
 * the whole HTTP stack (Fastify inject: session, validation, authorization, serialisation).
 *
 * The ledger is written with generate_series (ledger-data.ts): 1,000 funds of 100 wards with 10,000 entries each
 * over ten years (2016–2025), two lines per entry (a donation in cash or by bank, or support paid),
 * a donation row for each donation entry, one campaign per ward. The hashes are synthetic (this is a
 * read benchmark: `bench/ledger-post.bench.ts` measures the chain); the kept day totals are filled
 * from the lines by `ledger_day_totals_rebuild()`, the function the totals are checked against.
 * Triggers are off while loading (session_replication_role = replica), the secondary indexes are
 * built after, then VACUUM ANALYZE leaves the tables as autovacuum would after the inserts. One
 * answer of each kind is checked against a sum over the lines before timing.
 *
 * Run: scripts/with-postgres.sh npm run bench:ledger-read
 * (READ_FUNDS, READ_ENTRIES_PER_FUND and READ_RUNS change the size; about 15 minutes on 2 cores.)
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/api/src/app';
import { queryRows } from '../apps/api/src/db/client';
import { loadConfig } from '../apps/api/src/lib/config';
import { hashPassword } from '../apps/api/src/lib/passwords';
import { insertGrant, insertUser } from '../apps/api/src/modules/accounts/accounts.repository';
import { freshDatabase } from './common';
import { loadLedger } from './ledger-data';

if (!process.env.TEST_DATABASE_URL) {
  console.error('Cần PostgreSQL / needs PostgreSQL: scripts/with-postgres.sh npm run bench:ledger-read');
  process.exit(1);
}
const FUNDS = Number(process.env.READ_FUNDS ?? 1_000);
const PER_FUND = Number(process.env.READ_ENTRIES_PER_FUND ?? 10_000);
const RUNS = Number(process.env.READ_RUNS ?? 500);
const WARDS = Math.max(1, Math.round(FUNDS / 10));
const FIRST_DAY = '2016-01-01';
const DAYS = 3_653;

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
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const phases: Array<[string, number]> = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  phases.push([name, ms]);
  console.error(`${name}: ${seconds(ms)}`);
  return result;
}

const { database, dispose } = await freshDatabase('postgres');
try {
  await database.migrate();
  const db = database.db;
  const loadStarted = performance.now();
  await phase('units, funds and campaigns', async () => {
    await db.execute(sql`
      INSERT INTO units (id, kind) SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
        (CASE WHEN n = 0 THEN 'province' ELSE 'ward' END)::unit_kind FROM generate_series(0, ${WARDS}) n`);
    await db.execute(sql`
      INSERT INTO unit_versions (unit_id, code, name, search_name, kind, subkind, parent_unit_id, valid_from)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
        CASE WHEN n = 0 THEN '91' ELSE lpad((90000 + n)::text, 5, '0') END,
        CASE WHEN n = 0 THEN 'Tỉnh thử' ELSE 'Phường thử ' || n END,
        CASE WHEN n = 0 THEN 'tinh thu' ELSE 'phuong thu ' || n END,
        (CASE WHEN n = 0 THEN 'province' ELSE 'ward' END)::unit_kind,
        CASE WHEN n = 0 THEN 'tinh' ELSE 'phuong' END,
        CASE WHEN n = 0 THEN NULL ELSE '00000000-0000-4000-8000-000000000000'::uuid END,
        '2008-01-01'
      FROM generate_series(0, ${WARDS}) n`);
    await db.execute(sql`
      INSERT INTO funds (id, unit_id, kind, name, search_name, opened_on)
      SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
        ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (n - 1) % ${WARDS}), 12, '0'))::uuid,
        (ARRAY['poor', 'covid', 'gratitude', 'study', 'sea_islands'])[1 + n % 5],
        'Quỹ thử số ' || n, 'quy thu so ' || n, '2015-12-01'
      FROM generate_series(1, ${FUNDS}) n`);
    // One campaign per ward, on its first fund: a fifth of that fund's entries are under it.
    await db.execute(sql`
      INSERT INTO campaigns (id, fund_id, unit_id, code, name, starts_on, receiving_ends_on, distribution_ends_on, legal_basis)
      SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(w), 12, '0'))::uuid,
        ('00000000-0000-4000-9000-' || lpad(to_hex(w), 12, '0'))::uuid,
        ('00000000-0000-4000-8000-' || lpad(to_hex(w), 12, '0'))::uuid,
        'BENCH-' || w, 'Cuộc vận động thử ' || w, '2016-01-01', '2025-12-31', '2025-12-31', 'Kế hoạch thử'
      FROM generate_series(1, ${WARDS}) w`);
  });
  await loadLedger(
    db,
    {
      funds: FUNDS,
      perFund: PER_FUND,
      firstDay: FIRST_DAY,
      days: DAYS,
      // One campaign per ward, on its first fund: a fifth of that fund's entries are under it.
      campaign: (f, s) =>
        `CASE WHEN ${f} <= ${WARDS} AND ${s} % 5 = 1 THEN ('00000000-0000-4000-a000-' || lpad(to_hex(${f}), 12, '0'))::uuid END`,
    },
    { phase },
  );
  // What autovacuum does after a table's inserts (visibility map, hint bits), and the statistics.
  await phase('VACUUM ANALYZE', () => db.execute(sql`VACUUM ANALYZE`));
  const loadMs = performance.now() - loadStarted;
  const [size] = await queryRows<{
    database: string;
    entries: string;
    lines: string;
    totals: string;
    donations: string;
  }>(
    db,
    sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS database,
          pg_size_pretty(pg_total_relation_size('ledger_entries')) AS entries,
          pg_size_pretty(pg_total_relation_size('ledger_lines')) AS lines,
          pg_size_pretty(pg_total_relation_size('ledger_day_totals')) AS totals,
          pg_size_pretty(pg_total_relation_size('donations')) AS donations`,
  );
  const [counts] = await queryRows<{ entries: string; totals: string }>(
    db,
    sql`SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM ledger_day_totals) AS totals`,
  );

  // The app, and a user allowed to read every fund.
  const app = await buildApp({ db, config: { ...loadConfig({}), demo: false } });
  await app.ready();
  const password = 'bench-password-1';
  const user = await insertUser(db, {
    username: 'bench',
    displayName: 'Bench',
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
  });
  await insertGrant(db, { userId: user.id, role: 'system_admin', unitId: null });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench', password },
  });
  const cookie = `doanket_session=${login.cookies.find((c) => c.name === 'doanket_session')?.value}`;
  const fundId = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

  // One answer of each kind against a sum over the lines themselves.
  const probe = { fund: fundId(1 + random(FUNDS)), at: addDays(FIRST_DAY, random(DAYS)) };
  const balance = await app.inject({
    url: `/api/funds/${probe.fund}/balance?at=${probe.at}`,
    headers: { cookie },
  });
  const [expected] = await queryRows<{ balance: string }>(
    db,
    sql`SELECT coalesce(sum(amount), 0)::bigint AS balance FROM ledger_lines
        WHERE fund_id = ${probe.fund} AND entry_date <= ${probe.at}::date AND account IN ('cash', 'bank', 'goods')`,
  );
  if (balance.statusCode !== 200 || balance.json().balance !== Number(expected!.balance)) {
    throw new Error(`balance ${balance.body} differs from the lines' ${expected!.balance}`);
  }
  const page = await app.inject({ url: `/api/public/funds/${probe.fund}` });
  const [all] = await queryRows<{ balance: string }>(
    db,
    sql`SELECT coalesce(sum(amount), 0)::bigint AS balance FROM ledger_lines
        WHERE fund_id = ${probe.fund} AND account IN ('cash', 'bank', 'goods')`,
  );
  const [donated] = await queryRows<{ n: string }>(
    db,
    sql`SELECT count(*) AS n FROM donations WHERE fund_id = ${probe.fund}`,
  );
  if (
    page.statusCode !== 200 ||
    page.json().balance !== Number(all!.balance) ||
    page.json().donationCount !== Number(donated!.n)
  ) {
    throw new Error(
      `public page ${page.statusCode} ${page.body.slice(0, 300)} differs from the lines' ${all!.balance}`,
    );
  }

  async function measure(ask: () => Promise<{ statusCode: number }>): Promise<number[]> {
    for (let i = 0; i < 20; i += 1) await ask();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const response = await ask();
      times.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`answer ${response.statusCode}`);
    }
    return times;
  }
  const balanceTimes = await measure(() =>
    app.inject({
      url: `/api/funds/${fundId(1 + random(FUNDS))}/balance?at=${addDays(FIRST_DAY, random(DAYS))}`,
      headers: { cookie },
    }),
  );
  const publicTimes = await measure(() =>
    app.inject({ url: `/api/public/funds/${fundId(1 + random(FUNDS))}` }),
  );
  await app.close();

  const row = (name: string, times: number[]) =>
    `| ${name} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms | ${RUNS} |`;
  console.log(
    `${Number(counts!.entries).toLocaleString('en')} entries in ${FUNDS} funds, ${Number(counts!.totals).toLocaleString('en')} rows of day totals.`,
  );
  console.log(
    `Loaded in ${seconds(loadMs)} (${phases.map(([name, ms]) => `${name} ${seconds(ms)}`).join('; ')}).`,
  );
  console.log(
    `Database ${size!.database}: ledger_entries ${size!.entries}, ledger_lines ${size!.lines}, ledger_day_totals ${size!.totals}, donations ${size!.donations} (with indexes).\n`,
  );
  console.log('| question | p50 | p95 | runs |');
  console.log('|---|---|---|---|');
  console.log(row('balance of a fund as of a date (`GET /api/funds/:id/balance?at=`)', balanceTimes));
  console.log(row('public page of a fund (`GET /api/public/funds/:id`)', publicTimes));
} finally {
  await dispose();
}
