import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoanket, withChildDatabase } from '../../../test/cli';
import { buildProvince, buildResidentialGroup, buildWard } from '../../../test/factories';
import { createChildDatabaseEnv } from '../../../test/harness';
import { recordCulturalFamily } from '../../../test/plan-factories';
import { buildHousehold } from '../../../test/program-factories';
import { queryRows } from '../../db/client';

let dir: string;
let database: Awaited<ReturnType<typeof createChildDatabaseEnv>>;
let env: Record<string, string>;

const doanket = (args: string[]) => runDoanket(args, { cwd: dir, env });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-figures-cli-'));
  database = await createChildDatabaseEnv(path.join(dir, 'data'));
  env = database.env;
  await withChildDatabase(env, async (db) => {
    const ward = await buildWard(db, await buildProvince(db));
    const group = await buildResidentialGroup(db, ward);
    for (const category of ['near_poor', 'policy_martyr', 'poor']) {
      const household = await buildHousehold(db, {
        group,
        ward,
        categories: [{ category, from: '2020-01-01' }],
      });
      await recordCulturalFamily(db, household.id, 2021);
    }
  });
}, 120_000);
afterAll(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('doanket figures check|rebuild', () => {
  it('finds every kept figure equal to the records, tells one that is not, and recomputes it', async () => {
    const line = 'Sai lệch so với hồ sơ / rows differing from the records:';
    const clean = await doanket(['figures', 'check']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain(
      `${line} 0 (tổ, nhóm / teams), 0 (hộ / households), 0 (gia đình văn hóa / cultural families), 0 (quà Tết / Tết gifts)`,
    );

    await withChildDatabase(env, async (db) => {
      await db.execute(sql`UPDATE tet_gift_figure_deltas SET delta = delta + 1 WHERE measure = 'eligible'`);
      await db.execute(sql`UPDATE cultural_family_figure_deltas SET delta = delta + 2`);
    });
    const broken = await doanket(['figures', 'check']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /0 \(hộ \/ households\), [1-9]\d* \(gia đình văn hóa[^)]*\), [1-9]\d* \(quà Tết/,
    );

    const rebuilt = await doanket(['figures', 'rebuild']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('đã tính lại / recomputed');
    const again = await doanket(['figures', 'check']);
    expect(again.code, again.stderr).toBe(0);
    // The near-poor household and the martyr's family; not the poor one.
    const [eligible] = await withChildDatabase(env, (db) =>
      queryRows<{ n: number }>(
        db,
        sql`SELECT sum(delta)::int AS n FROM tet_gift_figure_deltas WHERE measure = 'eligible' AND year = 0`,
      ),
    );
    expect(eligible!.n).toBe(2);
  }, 120_000);
});
