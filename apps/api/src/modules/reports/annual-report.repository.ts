import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { reportNarratives } from '../../db/schema/plans';

export type NarrativeRow = {
  number: string | null;
  date: string | null;
  signatoryName: string | null;
  sections: Record<string, string[]>;
  updatedAt: Date;
};

export async function findNarrative(db: Db, unitId: string, year: number): Promise<NarrativeRow | null> {
  const [row] = await db
    .select()
    .from(reportNarratives)
    .where(and(eq(reportNarratives.unitId, unitId), eq(reportNarratives.year, year)));
  if (!row) return null;
  return {
    number: row.number,
    date: row.documentDate,
    signatoryName: row.signatoryName,
    sections: row.sections,
    updatedAt: row.updatedAt,
  };
}

export async function upsertNarrative(
  db: Db,
  row: {
    unitId: string;
    year: number;
    number: string | null;
    date: string | null;
    signatoryName: string | null;
    sections: Record<string, string[]>;
    updatedBy: string | null;
  },
): Promise<void> {
  const values = {
    number: row.number,
    documentDate: row.date,
    signatoryName: row.signatoryName,
    sections: row.sections,
    updatedBy: row.updatedBy,
    updatedAt: new Date(),
  };
  await db
    .insert(reportNarratives)
    .values({ unitId: row.unitId, year: row.year, ...values })
    .onConflictDoUpdate({ target: [reportNarratives.unitId, reportNarratives.year], set: values });
}

/** Whether a unit code was ever in the tree (to tell an unknown unit from one not existing that year). */
export async function codeEverExisted(db: Db, code: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`SELECT 1 AS found FROM unit_versions WHERE code = ${code} LIMIT 1`,
  );
  return rows.length > 0;
}
