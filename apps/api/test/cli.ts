import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Db, openDatabase } from '../src/db/client';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'node_modules/.bin/doanket');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `doanket` as a user would, without the demo, on the database the environment names. */
export async function runDoanket(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(bin, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, DOANKET_DEMO: '0', ...options.env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Opens a child process's database in this process (the CLI is not running), for setup and checks. */
export async function withChildDatabase<T>(
  env: Record<string, string>,
  use: (db: Db) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR! },
  );
  try {
    await opened.migrate();
    return await use(opened.db);
  } finally {
    await opened.close();
  }
}
