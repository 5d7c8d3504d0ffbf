/**
 * Import of 100,000 persons (about 30,000 households) from CSV and from XLSX, with every row
 * checked and every citizen ID sealed, against a raw COPY of the same rows into the same tables
 * (households, persons, household_placements, with their indexes and keys), in the same run, on
 * PGlite and on PostgreSQL; medians of several runs. Then the peak memory of the command line
 * importing 25,000 and 100,000 persons, each in a fresh process.
 *
 * Run: npx tsx bench/households-import.bench.ts (PGlite)
 *      scripts/with-postgres.sh npx tsx bench/households-import.bench.ts (both)
 * BENCH_RUNS (3), BENCH_PERSONS (100000), BENCH_SKIP_MEMORY=1.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, type Db, queryRows } from '../apps/api/src/db/client';
import { systemContext } from '../apps/api/src/lib/context';
import { createSealer } from '../apps/api/src/lib/crypto';
import {
  createImportJob,
  findImportWard,
  runHouseholdImport,
} from '../apps/api/src/modules/households/households-import.service';
import { buildProvince, buildResidentialGroup, buildWard } from '../apps/api/test/factories';
import { freshDatabase, kinds, median, repoRoot } from './common';
import { type GeneratedFile, groupCount, groupName, writeCsv, writeXlsx } from './households-import-data';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const persons = Number(process.env.BENCH_PERSONS ?? 100_000);
const at = '2026-01-01';
const exec = promisify(execFile);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-households-bench-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const generated = performance.now();
const files: Record<'csv' | 'xlsx', GeneratedFile> = {
  csv: writeCsv(path.join(dir, 'ho-gia-dinh.csv'), persons),
  xlsx: await writeXlsx(path.join(dir, 'ho-gia-dinh.xlsx'), persons),
};
console.error(
  `generated ${persons} persons in ${files.csv.households} households in ${((performance.now() - generated) / 1000).toFixed(1)} s: ` +
    `CSV ${(files.csv.bytes / 1e6).toFixed(1)} MB, XLSX ${(files.xlsx.bytes / 1e6).toFixed(1)} MB`,
);

/** A migrated database with one ward of 40 residential groups, as a ward's register starts. */
async function prepare(kind: 'pglite' | 'postgres') {
  const fresh = await freshDatabase(kind);
  await fresh.database.migrate();
  const db = fresh.database.db;
  const province = await buildProvince(db);
  const ward = await buildWard(db, province, {
    validFrom: '2025-07-01',
    validTo: null,
    name: 'Phường Bench',
  });
  for (let i = 0; i < groupCount; i++) await buildResidentialGroup(db, ward, { name: groupName(i) });
  return { ...fresh, wardCode: ward.code };
}

type PgliteClient = { query(q: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
type PostgresClient = { unsafe(q: string): { writable(): Promise<NodeJS.WritableStream> } };

const tables = ['households', 'household_placements', 'persons'] as const;

function tsv(rows: Record<string, unknown>[]): string {
  const copyText = (value: unknown) =>
    value === null
      ? '\\N'
      : (value instanceof Date ? value.toISOString() : String(value))
          .replace(/\\/g, '\\\\')
          .replace(/\t/g, '\\t')
          .replace(/\n/g, '\\n');
  return `${rows.map((row) => Object.values(row).map(copyText).join('\t')).join('\n')}\n`;
}

/**
 * The baseline: the rows the import wrote, taken out as COPY text, the tables emptied, then the
 * same rows copied back into the same tables (indexes, keys and checks included).
 */
async function copyBaseline(database: Database): Promise<{ ms: number; rows: number }> {
  const db: Db = database.db;
  const dumps: Array<{ table: string; text: string; rows: number }> = [];
  for (const table of tables) {
    const data = await queryRows<Record<string, unknown>>(db, sql.raw(`SELECT * FROM ${table}`));
    dumps.push({ table, text: tsv(data), rows: data.length });
  }
  await db.execute(sql.raw('TRUNCATE households CASCADE'));
  const client = (db as unknown as { $client: unknown }).$client;
  const started = performance.now();
  for (const { table, text } of dumps) {
    if (database.kind === 'pglite') {
      await (client as PgliteClient).query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    } else {
      const stream = await (client as PostgresClient).unsafe(`COPY ${table} FROM STDIN`).writable();
      await pipeline(Readable.from([text]), stream);
    }
  }
  return { ms: performance.now() - started, rows: dumps.reduce((sum, dump) => sum + dump.rows, 0) };
}

type Measure = { importMs: number[]; copyMs: number[]; tableRows: number; duplicates: number };
const results = new Map<string, Measure>();

for (const kind of kinds()) {
  for (const format of ['csv', 'xlsx'] as const) {
    const measure: Measure = { importMs: [], copyMs: [], tableRows: 0, duplicates: 0 };
    for (let run = 0; run < runs; run += 1) {
      const { database, dispose, wardCode } = await prepare(kind);
      try {
        const ward = await findImportWard(database.db, wardCode, at);
        const jobId = await createImportJob(database.db, ward, 'valid', path.basename(files[format].path));
        const started = performance.now();
        const summary = await runHouseholdImport({
          db: database.db,
          ctx: systemContext(),
          sealer: createSealer(randomBytes(32)),
          ward,
          mode: 'valid',
          source: files[format].path,
          fileName: path.basename(files[format].path),
          jobId,
          log: (error) => console.error(error),
        });
        const ms = performance.now() - started;
        if (summary.status !== 'done' || summary.imported !== persons) {
          throw new Error(`import ${summary.status}: ${summary.message} (${summary.imported} rows)`);
        }
        measure.importMs.push(ms);
        measure.duplicates = summary.duplicatesFlagged;
        const copy = await copyBaseline(database);
        measure.copyMs.push(copy.ms);
        measure.tableRows = copy.rows;
        console.error(
          `${kind} ${format} run ${run + 1}: import ${Math.round(ms)} ms, COPY ${Math.round(copy.ms)} ms (${copy.rows} table rows)`,
        );
      } finally {
        await dispose();
      }
    }
    results.set(`${kind} ${format}`, measure);
  }
}

// --- Memory: the command line in a fresh process, 25,000 then 100,000 persons -----------------

type MemoryLine = { kind: string; format: string; persons: number; seconds: number; peakMiB: number };
const memory: MemoryLine[] = [];
if (process.env.BENCH_SKIP_MEMORY !== '1') {
  const small = Math.round(persons / 4);
  const smallFiles = {
    csv: writeCsv(path.join(dir, 'nho.csv'), small),
    xlsx: await writeXlsx(path.join(dir, 'nho.xlsx'), small),
  };
  const bin = path.join(repoRoot, 'node_modules/.bin/doanket');
  const preload = path.join(import.meta.dirname, 'households-import-maxrss.mjs');
  for (const kind of kinds()) {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const file of [smallFiles[format], files[format]]) {
        const { database, dispose, env, wardCode } = await prepare(kind);
        await database.close();
        try {
          const report = path.join(dir, `maxrss-${process.pid}.txt`);
          const started = performance.now();
          await exec(bin, ['households', 'import', file.path, '--unit', wardCode, '--at', at], {
            env: {
              ...process.env,
              ...env,
              DOANKET_DEMO: '0',
              DOANKET_DATA_KEY: randomBytes(32).toString('base64'),
              NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`,
              MAXRSS_FILE: report,
            },
            maxBuffer: 64 * 1024 * 1024,
          });
          memory.push({
            kind,
            format,
            persons: file.persons,
            seconds: (performance.now() - started) / 1000,
            peakMiB: Number(fs.readFileSync(report, 'utf8')) / 1024,
          });
          console.error(
            `${kind} ${format} ${file.persons}: peak RSS ${Math.round(memory.at(-1)!.peakMiB)} MiB`,
          );
        } finally {
          await dispose();
        }
      }
    }
  }
}

// --- Report ----------------------------------------------------------------------------------

const label = (kind: string) => (kind.startsWith('pglite') ? 'PGlite' : 'PostgreSQL');
console.log(
  `${persons.toLocaleString('en')} persons in ${files.csv.households.toLocaleString('en')} households ` +
    `(CSV ${(files.csv.bytes / 1e6).toFixed(1)} MB, XLSX ${(files.xlsx.bytes / 1e6).toFixed(1)} MB); ` +
    `COPY baseline: the same ${results.values().next().value?.tableRows.toLocaleString('en')} rows of households, ` +
    'placements and persons into the same tables.\n',
);
console.log(
  '| database | file | import (median) | rows/s | raw COPY (median) | COPY rows/s | import speed ÷ COPY speed | duplicates flagged | runs |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [key, measure] of results) {
  const [kind, format] = key.split(' ');
  const ours = median(measure.importMs) / 1000;
  const copy = median(measure.copyMs) / 1000;
  console.log(
    `| ${label(kind!)} | ${format!.toUpperCase()} | ${ours.toFixed(2)} s | ${Math.round(persons / ours).toLocaleString('en')} | ` +
      `${copy.toFixed(2)} s | ${Math.round(persons / copy).toLocaleString('en')} | ${(copy / ours).toFixed(2)} | ` +
      `${measure.duplicates} | ${runs} |`,
  );
}
if (memory.length > 0) {
  console.log('\n| database | file | persons | command time | peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const line of memory) {
    console.log(
      `| ${label(line.kind)} | ${line.format.toUpperCase()} | ${line.persons.toLocaleString('en')} | ` +
        `${line.seconds.toFixed(1)} s | ${Math.round(line.peakMiB)} MiB |`,
    );
  }
}
