import { randomBytes } from 'node:crypto';

export const templateName = () => `doanket_tpl_${process.pid}`;

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The server's maintenance database, from which databases are created and dropped. */
export const adminUrl = (url: string) => withDatabaseName(url, 'postgres');

export const freshDatabaseName = () => `doanket_t_${randomBytes(6).toString('hex')}`;
