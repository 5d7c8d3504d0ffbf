import { buildApp } from './app';
import { type Database, openDatabase } from './db/client';
import type { Config } from './lib/config';
import { createSealer, loadDataKey } from './lib/crypto';
import { generatePassword, isEmpty, seedDemo } from './seed/demo';
import { demoAccounts } from './seed/demo-units';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Migrates, seeds the demo on an empty database (unless DOANKET_DEMO=0) and serves the API and web app. */
export async function startServer(config: Config): Promise<void> {
  const startedAt = performance.now();
  // Embedded: the key file is made on the first start. PostgreSQL: a given key is checked now.
  const sealer = config.databaseUrl && !config.dataKeyEnv ? null : createSealer(loadDataKey(config));
  const database = await openConfiguredDatabase(config);
  if (config.demo && (await isEmpty(database.db))) {
    const password = config.demoPassword ?? generatePassword();
    const seeded = await seedDemo(database.db, password, { sealer, register: true });
    console.log(
      `Đã tạo dữ liệu mẫu quận Bắc Từ Liêm (${seeded.units} đơn vị, ${seeded.households} hộ gia đình, ${seeded.accounts} tài khoản) / Demo district seeded.`,
    );
    console.log(
      `Tài khoản mẫu / demo accounts: ${demoAccounts.map((account) => account.username).join(', ')}`,
    );
    if (!config.demoPassword) {
      console.log(`Mật khẩu tài khoản mẫu (chỉ hiện một lần) / demo password (shown once): ${password}`);
    }
  }
  const app = await buildApp({ db: database.db, config, sealer, logger: { level: config.logLevel } });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL';
  console.log(
    `Đoàn Kết đang chạy tại / is running at http://localhost:${config.port} (${where}, ${Math.round(performance.now() - startedAt)} ms)`,
  );
}
