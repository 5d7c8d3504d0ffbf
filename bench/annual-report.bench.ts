/**
 * The year-end report of one district (issue 5: under 3 s): the demo district Bắc Từ Liêm (021)
 * for 2021, seeded with its register, teams, funds and plans into a fresh database, then
 * `GET /api/reports/annual?unit=021&year=2021&format=docx|pdf|xlsx` through the whole HTTP stack
 * (Fastify inject: session, validation, authorization, data gathering, rendering) as its standing
 * committee (btl). Each format: 3 warm-up requests, then RUNS timed ones (median, p95, max). The two
 * parts are also timed alone, with the same actor: gathering the data (`buildAnnualReport`) and
 * rendering each format from it. The DOCX must read "82.337" (the district's households) first.
 * Run: npm run bench:annual-report -w @doanket/bench (PGlite);
 * scripts/with-postgres.sh npm run bench:annual-report -w @doanket/bench (PGlite and PostgreSQL).
 * REPORT_RUNS changes the number of timed runs.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ReportFormat } from '@doanket/domain';
import { strFromU8, unzipSync } from 'fflate';
import { buildApp } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/lib/config';
import type { RequestContext } from '../apps/api/src/lib/context';
import { createSealer } from '../apps/api/src/lib/crypto';
import { resolveSession } from '../apps/api/src/modules/accounts/accounts.service';
import { buildAnnualReport } from '../apps/api/src/modules/reports/annual-report.service';
import { renderAnnualReport } from '../apps/api/src/modules/reports/reports.routes';
import { seedDemo } from '../apps/api/src/seed/demo';
import { freshDatabase, kinds } from './common';

const RUNS = Number(process.env.REPORT_RUNS ?? 20);
const WARM_UPS = 3;
const LIMIT_MS = 3_000;
const formats: ReportFormat[] = ['docx', 'pdf', 'xlsx'];
const query = { unitCode: '021', year: 2021 };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

async function measure(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UPS; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** The text of a DOCX body. */
function docxText(body: Buffer): string {
  const document = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!);
  return [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

const rows: string[] = [];
const notes: string[] = [];
let over = false;
for (const kind of kinds()) {
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, dispose } = await freshDatabase(kind);
  try {
    await database.migrate();
    const db = database.db;
    const password = 'bench-password-1';
    const seedStarted = performance.now();
    await seedDemo(db, password, { sealer: createSealer(randomBytes(32)), register: true });
    const seedMs = performance.now() - seedStarted;
    console.error(`${kind}: demo seeded in ${ms(seedMs)}`);

    const config = { ...loadConfig({}), demo: false };
    const app = await buildApp({ db, config });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'btl', password },
    });
    const token = login.cookies.find((c) => c.name === 'doanket_session')?.value;
    if (login.statusCode !== 200 || !token) throw new Error(`login ${login.statusCode} ${login.body}`);
    const cookie = `doanket_session=${token}`;
    const session = await resolveSession(db, token, config.sessionTtlHours);
    if (!session) throw new Error('no session');
    const ctx: RequestContext = { actor: session.actor, requestId: null };

    const request = async (format: ReportFormat) => {
      const response = await app.inject({
        url: `/api/reports/annual?unit=${query.unitCode}&year=${query.year}&format=${format}`,
        headers: { cookie },
      });
      if (response.statusCode !== 200) {
        throw new Error(`${format}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
      return response;
    };

    // The first request of the process parses the fonts and loads the renderers.
    const firstStarted = performance.now();
    const first = await request('docx');
    const firstMs = performance.now() - firstStarted;
    if (!docxText(first.rawPayload).includes('82.337')) {
      throw new Error('the DOCX does not read 82.337 households: not the demo district’s report');
    }

    const loadBefore = os.loadavg()[0]!;
    const whole = new Map<ReportFormat, number[]>();
    for (const format of formats) whole.set(format, await measure(() => request(format)));
    const gathering = await measure(() => buildAnnualReport(db, ctx, query));
    const data = await buildAnnualReport(db, ctx, query);
    const rendering = new Map<ReportFormat, number[]>();
    const sizes = new Map<ReportFormat, number>();
    for (const format of formats) {
      rendering.set(
        format,
        await measure(async () => sizes.set(format, (await renderAnnualReport(data, format)).length)),
      );
    }
    const loadAfter = os.loadavg()[0]!;
    await app.close();

    const row = (what: string, times: number[]) => {
      if (percentile(times, 95) >= LIMIT_MS) over = true;
      rows.push(
        `| ${name} | ${what} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} | ${times.length} |`,
      );
    };
    for (const format of formats) {
      row(
        `whole request, ${format.toUpperCase()} (${Math.round(sizes.get(format)! / 1024)} KB)`,
        whole.get(format)!,
      );
    }
    row('gathering the data alone (`buildAnnualReport`)', gathering);
    for (const format of formats) row(`rendering the ${format.toUpperCase()} alone`, rendering.get(format)!);
    notes.push(
      `${name}: demo seeded in ${ms(seedMs)}; first request of the process (DOCX) ${ms(firstMs)}; ` +
        `load average ${loadBefore.toFixed(1)} before the runs, ${loadAfter.toFixed(1)} after`,
    );
  } finally {
    await dispose();
  }
}

console.log(`Year-end report of 021 for 2021, ${os.cpus().length} cores, Node.js ${process.versions.node}\n`);
console.log('| database | what | median | p95 | max | runs |');
console.log('|---|---|---|---|---|---|');
for (const line of rows) console.log(line);
console.log('');
for (const note of notes) console.log(`- ${note}`);
if (over) {
  console.error(`Over ${ms(LIMIT_MS)} at p95.`);
  process.exitCode = 1;
}
