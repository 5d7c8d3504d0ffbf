/**
 * Time from starting the server to the first 200 on /api/health, and resident memory once
 * it answers: first start on an empty database (migrate + demo seed) and a later start.
 * Run: npm run bench:startup, or under scripts/with-postgres.sh for both databases.
 * The web app must be built (npm run build) as npm start does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase, kinds, median, repoRoot } from './common';

const runs = Number(process.env.BENCH_RUNS ?? 3);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });

const rssMiB = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};

async function startOnce(env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'apps/api/bin/doanket.mjs'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DOANKET_DEMO_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'warn',
    },
    stdio: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (performance.now() - started > 120_000) throw new Error('no answer in 120 s');
    }
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { ms, rss: rssMiB(child.pid!) };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

console.log('| database | start | time to first 200 (median) | RSS after start (median) | runs |');
console.log('|---|---|---|---|---|');
for (const kind of kinds()) {
  const first: Array<{ ms: number; rss: number }> = [];
  const later: Array<{ ms: number; rss: number }> = [];
  for (let run = 0; run < runs; run += 1) {
    const fresh = await freshDatabase(kind);
    // Only the server may open the database: close the bench's own connection first.
    await fresh.database.close();
    try {
      first.push(await startOnce(fresh.env));
      later.push(await startOnce(fresh.env));
    } finally {
      await fresh.dispose();
    }
  }
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  for (const [label, samples] of [
    ['empty database (migrate + demo seed)', first],
    ['existing database', later],
  ] as const) {
    console.log(
      `| ${name} | ${label} | ${(median(samples.map((s) => s.ms)) / 1000).toFixed(2)} s | ${Math.round(median(samples.map((s) => s.rss)))} MiB | ${runs} |`,
    );
  }
}
