import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Db, queryRows } from '../src/db/client';
import { type KeptFigureSet, keptFigures, rebuildKeptFigures } from '../src/db/kept-figures';

class RollBack extends Error {}

/** How many rows of each kept figure differ from a recomputation from the records (nothing is kept). */
export async function keptFiguresDiffering(db: Db): Promise<Record<KeptFigureSet, number>> {
  let result = {} as Record<KeptFigureSet, number>;
  try {
    await db.transaction(async (tx) => {
      result = await rebuildKeptFigures(tx);
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result;
}

/**
 * Changes the register the way the application and a database administrator do, one statement at a
 * time, on whatever rows the test's data has: a household moves to another group, categories are
 * cut short, added and removed, cultural-family records flip, a distribution is confirmed and one
 * planned, a Tết programme moves to another year, a committee's own category leaves the
 * policy-family group, a payment is reversed, and a household is deleted.
 */
export async function churnRegister(db: Db): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  // A move on 5 January 2021 to another residential group.
  await run(sql`WITH moved AS (
      UPDATE household_placements SET valid_to = '2021-01-05'
      WHERE id = (SELECT id FROM household_placements WHERE valid_to IS NULL AND valid_from < '2021-01-05'
        ORDER BY household_id LIMIT 1)
      RETURNING household_id, group_unit_id)
    INSERT INTO household_placements (household_id, group_unit_id, valid_from)
    SELECT m.household_id, (SELECT p.group_unit_id FROM household_placements p
        WHERE p.group_unit_id <> m.group_unit_id ORDER BY p.group_unit_id LIMIT 1), '2021-01-05'
    FROM moved m`);
  await run(sql`UPDATE household_categories SET valid_to = '2021-01-12'
    WHERE id IN (SELECT id FROM household_categories
      WHERE valid_to IS NULL AND valid_from < '2021-01-12' ORDER BY id LIMIT 2)`);
  await run(sql`INSERT INTO household_categories (household_id, category, valid_from)
    SELECT id, 'policy_family', '2020-06-01' FROM households
    WHERE id NOT IN (SELECT household_id FROM household_categories) ORDER BY id LIMIT 2`);
  await run(sql`DELETE FROM household_categories
    WHERE id IN (SELECT id FROM household_categories ORDER BY id DESC LIMIT 1)`);
  await run(sql`UPDATE cultural_family_records SET registered = NOT registered
    WHERE id IN (SELECT id FROM cultural_family_records ORDER BY id LIMIT 2)`);
  await run(sql`UPDATE cultural_family_records SET recognized = true
    WHERE id IN (SELECT id FROM cultural_family_records WHERE recognized IS NOT TRUE ORDER BY id LIMIT 1)`);
  await run(sql`UPDATE distributions SET status = 'confirmed', confirmed_on = paid_on
    WHERE id IN (SELECT id FROM distributions WHERE status = 'paid' ORDER BY id LIMIT 1)`);
  await run(sql`UPDATE support_programs SET period_from = period_from - interval '1 year'
    WHERE id IN (SELECT id FROM support_programs WHERE kind = 'tet_gift' ORDER BY id LIMIT 1)`);
  await run(sql`UPDATE household_category_kinds SET group_code = NULL WHERE group_code = 'policy_family'`);
  await run(sql`DELETE FROM households WHERE id IN (
    SELECT id FROM households WHERE id NOT IN (SELECT household_id FROM distributions WHERE household_id IS NOT NULL)
    ORDER BY id LIMIT 1)`);
}

/**
 * The kept figures equal a recomputation before and after churnRegister, which changes `set`; and a
 * row of `set` changed behind the triggers' back is told.
 */
export async function expectKeptThroughChurn(db: Db, set: KeptFigureSet): Promise<void> {
  const none = { teams: 0, households: 0, culturalFamilies: 0, tetGifts: 0 };
  const table = sql.raw(keptFigures[set].table);
  expect(await keptFiguresDiffering(db)).toEqual(none);
  const kept = () => queryRows(db, sql`SELECT * FROM ${table} WHERE delta <> 0 ORDER BY 1, 2, 3, 4, 5`);
  const before = await kept();
  await churnRegister(db);
  expect(await kept()).not.toEqual(before);
  expect(await keptFiguresDiffering(db)).toEqual(none);
  await db.execute(sql`UPDATE ${table} SET delta = delta + 1
    WHERE ctid = (SELECT ctid FROM ${table} WHERE delta <> 0 LIMIT 1)`);
  expect((await keptFiguresDiffering(db))[set]).toBeGreaterThan(0);
}
