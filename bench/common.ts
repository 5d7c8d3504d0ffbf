import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../apps/api/src/db/client';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const sharedDir = path.resolve(repoRoot, '../shared/data/admin-units');

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const kinds = (): Array<'pglite' | 'postgres'> =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A new, migrated database: PGlite in a temporary directory, or a new database on the server. */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<{
  database: Database;
  env: Record<string, string>;
  dispose(): Promise<void>;
}> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      env: { DATA_DIR: dir },
      dispose: async () => {
        await database.close().catch(() => {});
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = new URL(process.env.TEST_DATABASE_URL!);
  const name = `doanket_bench_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  server.pathname = '/postgres';
  const admin = await openDatabase({ databaseUrl: server.toString() });
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  server.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: server.toString() });
  return {
    database,
    env: { DATABASE_URL: server.toString() },
    dispose: async () => {
      await database.close().catch(() => {});
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}
