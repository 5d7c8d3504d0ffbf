/**
 * Import of the national lists (10,035 old wards, 3,321 new, the old→new map) against a raw
 * COPY of the same unit rows, side by side on each database; medians of several runs.
 * Run: npm run bench:import (PGlite) or scripts/with-postgres.sh npm run bench:import (both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MergesMap, ThreeLevelList, TwoLevelList } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../apps/api/src/db/client';
import { systemContext } from '../apps/api/src/lib/context';
import { importUnits } from '../apps/api/src/modules/units/units-import.service';
import { freshDatabase, kinds, median, sharedDir } from './common';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(sharedDir, name), 'utf8'));
const parseStart = performance.now();
const files = {
  threeLevel: ThreeLevelList.parse(read('units-2024-three-level.json')),
  twoLevel: TwoLevelList.parse(read('units-2026-two-level.json')),
  merges: MergesMap.parse(read('merges-2025.json')),
};
const parseMs = performance.now() - parseStart;

type PgliteClient = { query(q: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
type PostgresClient = { unsafe(q: string): { writable(): Promise<NodeJS.WritableStream> } };

const lines: string[] = [];
let rowsWritten = 0;
for (const kind of kinds()) {
  const importMs: number[] = [];
  const copyMs: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run += 1) {
    const { database, dispose } = await freshDatabase(kind);
    try {
      await database.migrate();
      const started = performance.now();
      await importUnits(database.db, systemContext(), {
        ...files,
        reformDate: '2025-07-01',
        since: '2000-01-01',
        resolution: null,
        exclude: [],
        dryRun: false,
      });
      importMs.push(performance.now() - started);
      // The baseline: every row the import wrote, copied with COPY into bare tables of the same columns.
      const tables = ['units', 'unit_versions', 'unit_lineage'];
      const dumps: Array<{ table: string; tsv: string }> = [];
      rows = 0;
      for (const table of tables) {
        const data = await queryRows<Record<string, unknown>>(database.db, sql.raw(`SELECT * FROM ${table}`));
        rows += data.length;
        await database.db.execute(
          sql.raw(`CREATE TABLE bench_${table} AS SELECT * FROM ${table} WITH NO DATA`),
        );
        const tsv = data
          .map((row) =>
            Object.values(row)
              .map((value) =>
                value === null
                  ? '\\N'
                  : value instanceof Date
                    ? value.toISOString()
                    : String(value).replace(/\t/g, ' '),
              )
              .join('\t'),
          )
          .join('\n');
        dumps.push({ table: `bench_${table}`, tsv: `${tsv}\n` });
      }
      const client = (database.db as unknown as { $client: unknown }).$client;
      const copyStart = performance.now();
      for (const { table, tsv } of dumps) {
        if (kind === 'pglite') {
          await (client as PgliteClient).query(`COPY ${table} FROM '/dev/blob'`, [], {
            blob: new Blob([tsv]),
          });
        } else {
          const stream = await (client as PostgresClient).unsafe(`COPY ${table} FROM STDIN`).writable();
          await pipeline(Readable.from([tsv]), stream);
        }
      }
      copyMs.push(performance.now() - copyStart);
    } finally {
      await dispose();
    }
  }
  rowsWritten = rows;
  const ours = median(importMs);
  const copy = median(copyMs);
  lines.push(
    `| ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${(ours / 1000).toFixed(2)} s | ${(copy / 1000).toFixed(2)} s | ${(ours / copy).toFixed(1)}× | ${runs} |`,
  );
  console.error(
    `${kind}: import ${importMs.map((ms) => Math.round(ms)).join(', ')} ms; copy ${copyMs.map((ms) => Math.round(ms)).join(', ')} ms; ${rows} rows`,
  );
}
console.log(`Parsing and validating the three files: ${(parseMs / 1000).toFixed(2)} s\n`);
console.log(
  `| database | import (median) | raw COPY of the same ${rowsWritten} rows (median) | ratio | runs |`,
);
console.log('|---|---|---|---|---|');
for (const line of lines) console.log(line);
