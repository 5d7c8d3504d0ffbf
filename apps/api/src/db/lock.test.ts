import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DirectoryLockedError } from './lock';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const lockFile = (dir: string) => path.join(dir, 'doanket.lock');
const holderOf = (dir: string) => JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'));

/** The command line, run as an operator would, on this data directory and no PostgreSQL. */
function runCli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['apps/api/bin/doanket.mjs', ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** A process id that no longer runs. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid;
}

describe('the PGlite data directory lock', () => {
  it('stops a second process on the same directory with a message naming it and the holder', () => {
    const dir = tempDir();
    const lock = acquireDirectoryLock(dir);
    try {
      const result = runCli(dir, 'migrate');
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBeNull();
      expect(result.stderr).toContain(`Thư mục dữ liệu ${dir} đang được tiến trình ${process.pid} sử dụng`);
      expect(result.stderr).toContain(`The data directory ${dir} is in use by process ${process.pid}`);
      expect(result.stdout).not.toContain('migrations applied');
      // The second process neither opened the database nor touched the lock.
      expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false);
      expect(holderOf(dir)).toEqual({ pid: process.pid, host: os.hostname() });
    } finally {
      lock.release();
    }
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('refuses a second lock in the same process until the first is released', () => {
    const dir = tempDir();
    const lock = acquireDirectoryLock(dir);
    expect(() => acquireDirectoryLock(dir)).toThrow(DirectoryLockedError);
    expect(() => acquireDirectoryLock(dir)).toThrow(`in use by process ${process.pid}`);
    lock.release();
    const again = acquireDirectoryLock(dir);
    expect(holderOf(dir).pid).toBe(process.pid);
    again.release();
  });

  it('takes over a lock file left by a process that has died', () => {
    const dir = tempDir();
    const stale = deadPid();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: stale, host: os.hostname() }));
    const lock = acquireDirectoryLock(dir);
    expect(holderOf(dir)).toEqual({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);

    fs.writeFileSync(lockFile(dir), 'not json at all');
    acquireDirectoryLock(dir).release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('does not take over a lock held from another host, whose process it cannot check', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 4242, host: `${os.hostname()}-elsewhere` }));
    expect(() => acquireDirectoryLock(dir)).toThrow(`is in use by process 4242`);
    expect(holderOf(dir).host).toBe(`${os.hostname()}-elsewhere`);
  });

  it('leaves no exit listener behind once released', () => {
    const dir = tempDir();
    const listeners = process.listenerCount('exit');
    for (let i = 0; i < 20; i += 1) acquireDirectoryLock(dir).release();
    expect(process.listenerCount('exit')).toBe(listeners);
  });
});
