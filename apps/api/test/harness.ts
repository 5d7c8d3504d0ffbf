import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { type Database, type Db, openDatabase } from '../src/db/client';
import { type Config, loadConfig } from '../src/lib/config';
import { adminUrl, freshDatabaseName, withDatabaseName } from './databases';

export type CallOptions = {
  cookie?: string;
  payload?: unknown;
  headers?: Record<string, string>;
  ip?: string;
};

export type TestApp = {
  app: FastifyInstance;
  /** One request through the real HTTP stack (Fastify inject), with a session cookie if given. */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: CallOptions,
  ): Promise<LightMyRequestResponse>;
  db: Db;
  kind: 'pglite' | 'postgres';
  config: Config;
  close(): Promise<void>;
};

async function openFreshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (inject('testDb') === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    const database = await openDatabase({ inMemory: true, loadDataDir: new Blob([dump]) });
    return { database, drop: async () => {} };
  }
  const templateUrl = inject('postgresTemplateUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = freshDatabaseName();
  const admin = await openDatabase({ databaseUrl: adminUrl(templateUrl) });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.db.execute(sql.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      break;
    } catch (error) {
      // Two files copying the template at the same instant: PostgreSQL asks one to wait.
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
    }
  }
  const database = await openDatabase({ databaseUrl: withDatabaseName(templateUrl, name) });
  return {
    database,
    drop: async () => {
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}

/**
 * Configuration for a child process (the CLI) on a database of its own: a fresh PostgreSQL
 * database when the run is on PostgreSQL, else an empty PGlite data directory.
 */
export async function createChildDatabaseEnv(
  dataDir: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (inject('testDb') === 'pglite') return { env: { DATA_DIR: dataDir }, drop: async () => {} };
  const templateUrl = inject('postgresTemplateUrl');
  const name = freshDatabaseName();
  const admin = await openDatabase({ databaseUrl: adminUrl(templateUrl) });
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  return {
    env: { DATABASE_URL: withDatabaseName(templateUrl, name) },
    drop: async () => {
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}

/** A real app on its own database copied from the migrated template: one per test file. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await openFreshDatabase();
  const config: Config = { ...loadConfig({}), demo: false, ...overrides };
  const app = await buildApp({ db: database.db, config });
  await app.ready();
  return {
    app,
    call: (method, url, options = {}) => {
      const request: InjectOptions = {
        method,
        url,
        headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
        ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
        ...(options.ip ? { remoteAddress: options.ip } : {}),
      };
      return app.inject(request);
    },
    db: database.db,
    kind: database.kind,
    config,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
