import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DirectoryLock = { release(): void };

export class DirectoryLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng; hãy dừng tiến trình đó hoặc dùng DATABASE_URL.\n` +
        `The data directory ${dir} is in use by process ${pid}; stop it or use DATABASE_URL.`,
    );
    this.name = 'DirectoryLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has one writer: a second process on the same directory would corrupt it.
 * The lock file names its holder; a lock left by a dead process on this host is taken over.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const file = path.join(dir, 'doanket.lock');
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        // An unreadable lock file is treated as stale.
      }
      const holderPid = Number(holder.pid);
      if (holder.host === os.hostname() && Number.isInteger(holderPid) && isAlive(holderPid)) {
        throw new DirectoryLockedError(dir, holderPid);
      }
      if (holder.host && holder.host !== os.hostname()) throw new DirectoryLockedError(dir, holderPid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
