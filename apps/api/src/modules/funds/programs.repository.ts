import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/** A paid or confirmed distribution whose payment entry stands (no entry reverses it). */
const counted = (alias: string): SQL =>
  sql`${sql.raw(alias)}.status IN ('paid', 'confirmed') AND ${sql.raw(alias)}.entry_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = ${sql.raw(alias)}.entry_id)`;

/** Value of a distribution's items (jsonb [{ value }]). */
const itemsValue = (alias: string): SQL =>
  sql`(SELECT coalesce(sum((x->>'value')::bigint), 0) FROM jsonb_array_elements(coalesce(${sql.raw(alias)}.items, '[]'::jsonb)) x)`;

export type WardDistributionTotal = {
  wardUnitId: string;
  wardCode: string;
  wardName: string;
  /** Distributions (households reached; a repeat counts again). */
  count: number;
  /** Money paid plus the value of the items given, in đồng. */
  amount: number;
};

/**
 * Paid or confirmed distributions whose payment stands, counted per ward with money and items'
 * value together, for public disclosure (no household in the answer). A ward is named as it was on
 * the day of payment. Filters combine; with none, every programme counts.
 */
export async function distributionsByWard(
  db: Db,
  filter: { campaignId?: string; fundId?: string; programId?: string },
): Promise<WardDistributionTotal[]> {
  const rows = await queryRows<{
    ward_unit_id: string;
    ward_code: string | null;
    ward_name: string | null;
    count: string | number;
    amount: string | number;
  }>(
    db,
    sql`SELECT d.ward_unit_id::text AS ward_unit_id, w.code AS ward_code, w.name AS ward_name,
          count(*)::int AS count, sum(d.amount + ${itemsValue('d')})::bigint AS amount
        FROM distributions d
        JOIN support_programs p ON p.id = d.program_id
        LEFT JOIN LATERAL (
          SELECT v.code, v.name FROM unit_versions v WHERE v.unit_id = d.ward_unit_id
          ORDER BY (v.valid_from <= d.paid_on AND (v.valid_to IS NULL OR v.valid_to > d.paid_on)) DESC, v.valid_from DESC
          LIMIT 1
        ) w ON true
        WHERE ${counted('d')}
          ${filter.campaignId ? sql`AND p.campaign_id = ${filter.campaignId}` : sql``}
          ${filter.fundId ? sql`AND p.fund_id = ${filter.fundId}` : sql``}
          ${filter.programId ? sql`AND d.program_id = ${filter.programId}` : sql``}
        GROUP BY d.ward_unit_id, w.code, w.name
        ORDER BY w.code COLLATE "C", w.name COLLATE "C", d.ward_unit_id`,
  );
  return rows.map((row) => ({
    wardUnitId: row.ward_unit_id,
    wardCode: row.ward_code ?? '',
    wardName: row.ward_name ?? '',
    count: Number(row.count),
    amount: Number(row.amount),
  }));
}
