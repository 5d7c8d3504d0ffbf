import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { disclosures } from '../../db/schema/index';

export type DisclosureListRow = {
  id: string;
  fundId: string | null;
  campaignId: string | null;
  programId: string | null;
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  subjectName: string;
  subjectCode: string | null;
  title: string;
  decisionNo: string | null;
  decidedOn: string;
  dueOn: string;
  publishedOn: string | null;
};

// A disclosure belongs to the unit of its subject (fund, campaign or programme), named as on the decision.
const listSql = sql`SELECT d.id::text AS "id", d.fund_id::text AS "fundId", d.campaign_id::text AS "campaignId",
    d.program_id::text AS "programId", s.unit_id::text AS "unitId", w.code AS "unitCode", w.name AS "unitName",
    s.name AS "subjectName", s.code AS "subjectCode", d.title AS "title", d.decision_no AS "decisionNo",
    to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn",
    to_char(d.published_on, 'YYYY-MM-DD') AS "publishedOn"
  FROM disclosures d
  LEFT JOIN funds f ON f.id = d.fund_id
  LEFT JOIN campaigns c ON c.id = d.campaign_id
  LEFT JOIN support_programs p ON p.id = d.program_id
  CROSS JOIN LATERAL (
    SELECT coalesce(f.unit_id, c.unit_id, p.unit_id) AS unit_id, coalesce(f.name, c.name, p.name) AS name,
      coalesce(c.code, p.code) AS code
  ) s
  LEFT JOIN LATERAL (
    SELECT v.code, v.name FROM unit_versions v WHERE v.unit_id = s.unit_id
    ORDER BY (v.valid_from <= d.decided_on AND (v.valid_to IS NULL OR v.valid_to > d.decided_on)) DESC,
      v.valid_from DESC
    LIMIT 1
  ) w ON true`;

export async function findDisclosure(db: Db, id: string): Promise<DisclosureListRow | null> {
  const [row] = await queryRows<DisclosureListRow>(db, sql`${listSql} WHERE d.id = ${id}`);
  return row ?? null;
}

/** Disclosures whose subject belongs to one of these units, latest due first. */
export async function listDisclosures(db: Db, unitIds: readonly string[]): Promise<DisclosureListRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<DisclosureListRow>(
    db,
    sql`${listSql} WHERE s.unit_id = ANY(${`{${unitIds.join(',')}}`}::uuid[])
        ORDER BY d.due_on DESC, d.created_at DESC`,
  );
}

export async function findProgramUnit(db: Db, programId: string): Promise<string | null> {
  const [row] = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT unit_id::text AS unit_id FROM support_programs WHERE id = ${programId}`,
  );
  return row?.unit_id ?? null;
}

export async function insertDisclosure(db: Db, disclosure: typeof disclosures.$inferInsert): Promise<string> {
  const [row] = await db.insert(disclosures).values(disclosure).returning({ id: disclosures.id });
  if (!row) throw new Error('disclosure not inserted');
  return row.id;
}

/** Records the publication once: false when another request recorded it first. */
export async function markPublished(db: Db, id: string, publishedOn: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE disclosures SET published_on = ${publishedOn}::date
        WHERE id = ${id} AND published_on IS NULL RETURNING id::text AS id`,
  );
  return rows.length === 1;
}
