import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** DOANKET_DATA_KEY: the key of sensitive personal data (see lib/crypto.ts). */
  dataKeyEnv: string | null;
  demo: boolean;
  demoPassword: string | null;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
  /** PUBLIC_URL: where residents reach the app; receipts' QR codes point there. */
  publicUrl: string;
};

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} phải là số nguyên dương / ${name} must be a positive integer (got "${raw}")`);
  }
  return value;
}

/** Reads the configuration from the environment; see README "Cấu hình / Configuration". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readInt(env, 'PORT', 3000);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    dataKeyEnv: env.DOANKET_DATA_KEY || null,
    demo: env.DOANKET_DEMO !== '0',
    demoPassword: env.DOANKET_DEMO_PASSWORD || null,
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 12),
    cookieSecure: env.COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL || 'info',
    webDist: path.resolve(import.meta.dirname, '../../../web/dist'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
