import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoanket, withChildDatabase } from '../../../test/cli';
import { buildDistrict, buildProvince, buildWard } from '../../../test/factories';
import { buildFund, postIncome } from '../../../test/fund-factories';
import { createChildDatabaseEnv } from '../../../test/harness';
import { queryRows } from '../../db/client';

let dir: string;
let database: Awaited<ReturnType<typeof createChildDatabaseEnv>>;
let env: Record<string, string>;
let fundIds: string[];

const doanket = (args: string[]) => runDoanket(args, { cwd: dir, env });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-ledger-cli-'));
  database = await createChildDatabaseEnv(path.join(dir, 'data'));
  env = database.env;
  fundIds = await withChildDatabase(env, async (db) => {
    const province = await buildProvince(db);
    const district = await buildDistrict(db, province);
    const ward = await buildWard(db, district);
    const first = await buildFund(db, ward, { name: 'Quỹ Vì người nghèo phường' });
    const second = await buildFund(db, district, { name: 'Quỹ Vì người nghèo quận' });
    for (const amount of [100_000, 250_000, 400_000]) await postIncome(db, first.id, amount);
    await postIncome(db, second.id, 900_000);
    return [first.id, second.id];
  });
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('doanket ledger verify', () => {
  it('checks every fund and exits 0 when all chains match', async () => {
    const result = await doanket(['ledger', 'verify']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Quỹ Vì người nghèo phường');
    expect(result.stdout).toContain('Đã kiểm tra 2 quỹ, 4 bút toán; 0 quỹ không khớp');
  });

  it('names the first entry that does not match and exits 1', async () => {
    await withChildDatabase(env, async (db) => {
      const [second] = await queryRows<{ id: string }>(
        db,
        sql`SELECT id::text AS id FROM ledger_entries WHERE fund_id = ${fundIds[0]} AND seq = 2`,
      );
      await db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
        await tx.execute(sql`UPDATE ledger_entries SET entry_date = '2021-03-05' WHERE id = ${second?.id}`);
        await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
      });
    });
    const all = await doanket(['ledger', 'verify']);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/Quỹ Vì người nghèo phường .*KHÔNG KHỚP \/ BROKEN — bút toán số \/ entry #2 /);
    expect(all.stdout).toContain('1 quỹ không khớp');
    const other = await doanket(['ledger', 'verify', '--fund', fundIds[1]!]);
    expect(other.code).toBe(0);
    const unknown = await doanket(['ledger', 'verify', '--fund', 'khong-co']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không tìm thấy quỹ');
  });
});
