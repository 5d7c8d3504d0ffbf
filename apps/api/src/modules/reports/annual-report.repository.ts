import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { reportNarratives } from '../../db/schema/plans';

/**
 * The date line and the signatory are kept beside the paragraphs, under keys no section can take
 * (section keys are lower-case words), so the narrative stays one row per unit and year.
 */
const DATE_KEY = '@date';
const SIGNATORY_KEY = '@signatory';

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
  const { [DATE_KEY]: date, [SIGNATORY_KEY]: signatory, ...sections } = row.sections;
  return {
    number: row.number,
    date: date?.[0] ?? null,
    signatoryName: signatory?.[0] ?? null,
    sections,
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
  const sections: Record<string, string[]> = { ...row.sections };
  if (row.date) sections[DATE_KEY] = [row.date];
  if (row.signatoryName) sections[SIGNATORY_KEY] = [row.signatoryName];
  const values = {
    unitId: row.unitId,
    year: row.year,
    number: row.number,
    sections,
    updatedBy: row.updatedBy,
    updatedAt: new Date(),
  };
  await db
    .insert(reportNarratives)
    .values(values)
    .onConflictDoUpdate({
      target: [reportNarratives.unitId, reportNarratives.year],
      set: { number: values.number, sections, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

/** Whether a unit code was ever in the tree (to tell an unknown unit from one not existing that year). */
export async function codeEverExisted(db: Db, code: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    db,
    sql`SELECT 1 AS found FROM unit_versions WHERE code = ${code} LIMIT 1`,
  );
  return rows.length > 0;
}
