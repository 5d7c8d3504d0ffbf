import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/**
 * Flags possible duplicates of the given persons for review, never merging them: the same citizen
 * ID anywhere (compared by keyed hash), or the same folded name and birth date (or birth year when
 * only the year is known) in the same ward. A pair is flagged once, whichever side was added last.
 * Set-based, so one call serves one person typed in a form or a batch of an import.
 */
export async function flagDuplicates(db: Db, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const ids = sql`ARRAY[${sql.join(
    personIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const rows = await queryRows<{ count: number | string }>(
    db,
    sql`
      WITH added AS (
        SELECT p.id, p.citizen_id_hash, p.search_name, p.birth_date, p.birth_year, h.ward_unit_id
        FROM persons p JOIN households h ON h.id = p.household_id
        WHERE p.id = ANY(${ids})
      ),
      pairs AS (
        SELECT a.id AS person_id, o.id AS other_id, 'citizen_id' AS reason, a.ward_unit_id
        FROM added a JOIN persons o ON o.citizen_id_hash = a.citizen_id_hash AND o.id <> a.id
        WHERE a.citizen_id_hash IS NOT NULL
        UNION
        SELECT a.id, o.id, 'name_birth', a.ward_unit_id
        FROM added a
        -- The same birth date implies the same birth year: the year lets the name index serve.
        JOIN persons o ON o.search_name = a.search_name AND o.birth_year = a.birth_year AND o.id <> a.id
          AND (o.birth_date = a.birth_date OR a.birth_date IS NULL OR o.birth_date IS NULL)
        JOIN households oh ON oh.id = o.household_id AND oh.ward_unit_id = a.ward_unit_id
        WHERE a.birth_year IS NOT NULL
      ),
      inserted AS (
        INSERT INTO duplicate_flags (person_id, other_person_id, reason, ward_unit_id)
        SELECT DISTINCT LEAST(person_id, other_id), GREATEST(person_id, other_id), reason, ward_unit_id
        FROM pairs
        ON CONFLICT (person_id, other_person_id, reason) DO NOTHING
        RETURNING 1
      )
      SELECT count(*) AS count FROM inserted
    `,
  );
  return Number(rows[0]?.count ?? 0);
}
