import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { adminUrl, templateName, withDatabaseName } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresTemplateUrl: string;
  }
}

/**
 * Builds one migrated database per run; each test file then starts from a copy of it
 * (a PGlite dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  project.provide('testDb', kind);
  if (kind === 'pglite') {
    const database = await openDatabase({ inMemory: true });
    await database.migrate();
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplate', file);
    project.provide('postgresTemplateUrl', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.sh starts a throwaway server and sets it)',
    );
  }
  const template = templateName();
  const admin = await openDatabase({ databaseUrl: adminUrl(serverUrl) });
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${template}`));
  await admin.db.execute(sql.raw(`CREATE DATABASE ${template}`));
  const templateDb = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, template) });
  await templateDb.migrate();
  await templateDb.close();
  project.provide('pgliteTemplate', '');
  project.provide('postgresTemplateUrl', withDatabaseName(serverUrl, template));
  return async () => {
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
    await admin.close();
  };
}
