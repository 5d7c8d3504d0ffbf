/**
 * Cities for the plans dashboard benchmark, written set-based into one migrated PostgreSQL database:
 * each a register from self-governance-city.ts (its own province code, the same households per ward),
 * then over all of them a ledger from ledger-data.ts (funds of each ward, ten years of entries), and
 * for 2026: cultural-family records (most households registered, most of those recognised), three
 * campaigns of each city with a target handed to each ward (set from what the ward raised, so some
 * meet it and some do not), a Tết-gift programme per ward paid to most of its policy-family and
 * near-poor households (a few payments reversed), each city's plan with ten indicators handed to its
 * wards, and the wards' manual values. Cultural-family records, placements, categories, programmes and
 * distributions are written with their triggers on, so any figures kept from them fill themselves.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../apps/api/src/db/client';
import type { RequestContext } from '../apps/api/src/lib/context';
import { ensureLibrary, insertDefinition } from '../apps/api/src/modules/plans/plans.repository';
import { createPlan } from '../apps/api/src/modules/plans/plans.service';
import { fundUuid, fundUuidSql, loadLedger, type Phase } from './ledger-data';
import { type City, generateCity } from './self-governance-city';

export const YEAR = 2026;
const LEDGER_FROM = '2017-01-01';
const LEDGER_TO = '2026-12-01';
const GIFT = 500_000;

export type PlansCityShape = {
  /** Wards of each city, e.g. [1, 8, 32, 126]; the last is the one measured indicator by indicator. */
  wards: number[];
  householdsPerWard: number;
  fundsPerWard: number;
  entriesPerFund: number;
};

export type PlansCity = City & { wards: number; planId: string; households: number };

const codes = ['SGA', 'SGB', 'SGC', 'SGD', 'SGE', 'SGF'];
const int = (value: number) => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not an integer: ${value}`);
  return sql.raw(String(value));
};

/** The ten indicators of each city's plan: five computed, five entered by the wards. */
export const planIndicatorKeys = [
  'cultural_families',
  'fund_targets',
  'tet_gift_coverage',
  'self_governing_teams',
  'households_supervised',
  'mobilising_organisations',
  'representative_conferences',
  'supervisions',
  'mediation_success',
  'cadres_trained',
] as const;

export async function generatePlansCities(
  db: Db,
  shape: PlansCityShape,
  options: { ctx: RequestContext; phase: Phase },
): Promise<PlansCity[]> {
  const { phase } = options;
  const F = shape.fundsPerWard;
  const registers: Array<City & { wards: number; households: number }> = [];
  // The largest city keeps the default code (SG); the smaller ones get theirs.
  for (const [index, wards] of shape.wards.entries()) {
    const last = index === shape.wards.length - 1;
    const households = wards * shape.householdsPerWard;
    const city = await phase(
      `register of ${wards} wards (${households.toLocaleString('en')} households)`,
      () =>
        generateCity(
          db,
          {
            wards,
            households,
            ...(last ? {} : { code: codes[index]!, name: `Tỉnh Mô Phỏng ${wards} phường` }),
          },
          (step) => process.stderr.write(`  ${step}\r`),
        ),
    );
    registers.push({ ...city, wards, households });
  }

  // Every ward of every city numbered k = 1…, city by city; its funds are (k-1)·F+1 … k·F.
  await db.execute(sql`DROP TABLE IF EXISTS pc_wards`);
  await db.execute(sql`CREATE UNLOGGED TABLE pc_wards (k int PRIMARY KEY, ci int, unit_id uuid, code text)`);
  let k = 0;
  const firstWard: number[] = [];
  for (const [ci, city] of registers.entries()) {
    firstWard.push(k + 1);
    await db.execute(sql`
      INSERT INTO pc_wards (k, ci, unit_id, code)
      SELECT ${int(k)} + row_number() OVER (ORDER BY code), ${int(ci)}, unit_id, code FROM unit_versions
      WHERE code = ANY(string_to_array(${city.wardCodes.join(',')}, ','))`);
    k += city.wards;
  }
  const allWards = k;
  const wardFunds = allWards * F;
  const cityUnits = await queryRows<{ ci: number; unit_id: string }>(
    db,
    sql`SELECT DISTINCT w.ci, v.parent_unit_id::text AS unit_id FROM pc_wards w
        JOIN unit_versions v ON v.unit_id = w.unit_id ORDER BY w.ci`,
  );
  const cityUnit = (ci: number) => cityUnits.find((row) => row.ci === ci)!.unit_id;
  const campaignUuid = (ci: string, j: string) =>
    `('00000000-0000-4000-a000-' || lpad(to_hex((${ci}) * 16 + ${j}), 12, '0'))::uuid`;

  await phase('funds and campaigns', async () => {
    await db.execute(sql`
      INSERT INTO funds (id, unit_id, kind, name, search_name, opened_on)
      SELECT ${sql.raw(fundUuidSql('n'))}, w.unit_id, (ARRAY['poor', 'gratitude', 'disaster', 'study', 'other'])[1 + (n - 1) % 5],
        'Quỹ thử số ' || n, 'quy thu so ' || n, '2016-12-01'
      FROM generate_series(1, ${int(wardFunds)}) n JOIN pc_wards w ON w.k = 1 + (n - 1) / ${int(F)}`);
    for (const [ci, city] of registers.entries()) {
      const fund = fundUuid(wardFunds + ci + 1);
      await db.execute(sql`
        INSERT INTO funds (id, unit_id, kind, name, search_name, opened_on)
        VALUES (${fund}::uuid, ${cityUnit(ci)}::uuid, 'poor', 'Quỹ Vì người nghèo thành phố', 'quy vi nguoi ngheo thanh pho', '2016-12-01')`);
      await db.execute(sql`
        INSERT INTO campaigns (id, fund_id, unit_id, code, name, starts_on, receiving_ends_on, distribution_ends_on, legal_basis)
        SELECT ${sql.raw(campaignUuid(String(ci), 'j'))}, ${fund}::uuid, ${cityUnit(ci)}::uuid,
          ${city.provinceCode}::text || '-VD-${sql.raw(String(YEAR))}-' || j,
          (ARRAY['Vận động Quỹ Vì người nghèo', 'Ủng hộ đồng bào bị thiên tai', 'Đền ơn đáp nghĩa'])[j] || ' năm ${sql.raw(String(YEAR))}',
          '${sql.raw(String(YEAR))}-01-01', '${sql.raw(String(YEAR))}-12-31', '${sql.raw(String(YEAR))}-12-31', 'Kế hoạch thử'
        FROM generate_series(1, 3) j`);
    }
  });

  // Donations of the year go to the city's three campaigns (three in five entries); earlier years have none.
  const ward = (f: string) => `(1 + ((${f}) - 1) / ${F})`;
  const cityOfFund = (f: string) =>
    registers.length === 1
      ? '0'
      : `CASE ${firstWard
          .slice(1)
          .map((first, ci) => `WHEN ${ward(f)} < ${first} THEN ${ci}`)
          .join(' ')} ELSE ${registers.length - 1} END`;
  await loadLedger(
    db,
    {
      funds: wardFunds,
      perFund: shape.entriesPerFund,
      firstDay: LEDGER_FROM,
      days: (Date.parse(LEDGER_TO) - Date.parse(LEDGER_FROM)) / 86_400_000,
      campaign: (f, s, day) =>
        `CASE WHEN ${day} >= DATE '${YEAR}-01-01' AND ${s} % 5 BETWEEN 1 AND 3 THEN ${campaignUuid(cityOfFund(f), `${s} % 5`)} END`,
    },
    { phase },
  );

  await phase('campaign targets handed to the wards', () =>
    db.execute(sql`
      INSERT INTO campaign_targets (campaign_id, unit_id, amount)
      SELECT t.campaign_id, w.unit_id,
        greatest(1000000, round(sum(-t.amount) * (0.85 + ((w.k * 37 + 11 * get_byte(uuid_send(t.campaign_id), 15)) % 40) / 100.0) / 1000000) * 1000000)
      FROM pc_wards w JOIN funds f ON f.unit_id = w.unit_id JOIN ledger_day_totals t ON t.fund_id = f.id
      WHERE t.campaign_id IS NOT NULL AND t.account = 'donations' AND t.day >= ${`${YEAR}-01-01`}::date
      GROUP BY t.campaign_id, w.unit_id, w.k`),
  );

  await phase('cultural-family records (triggers on)', () =>
    db.execute(sql`
      INSERT INTO cultural_family_records (household_id, year, registered, recognized)
      SELECT h.id, ${int(YEAR)}, x < 930 + (w.k * 7 % 6) * 10, CASE WHEN x < 800 THEN true WHEN x < 930 THEN NULL END
      FROM households h JOIN pc_wards w ON w.unit_id = h.ward_unit_id
      CROSS JOIN LATERAL (SELECT (hashtext(h.id::text) & 2147483647) % 1000 AS x) r
      WHERE x < 990`),
  );

  await phase('Tết-gift programmes, payments and distributions (triggers on)', async () => {
    await db.execute(sql`
      INSERT INTO support_programs (unit_id, fund_id, code, name, kind, period_from, period_to, eligible_categories,
        eligible_on, amount_per_household, decision_no, decided_on)
      SELECT w.unit_id, ${sql.raw(fundUuidSql(`(w.k - 1) * ${F} + 1`))}, w.code || '-TET-${sql.raw(String(YEAR))}',
        'Tặng quà Tết Bính Ngọ ${sql.raw(String(YEAR))}', 'tet_gift', '${sql.raw(String(YEAR))}-01-05', '${sql.raw(String(YEAR))}-02-16',
        '["policy_family", "near_poor"]'::jsonb, DATE '${sql.raw(String(YEAR))}-01-05' + w.k % 10, ${int(GIFT)},
        'KH-' || w.k || '/MTTQ', '${sql.raw(String(YEAR))}-01-02'
      FROM pc_wards w`);
    // Most of the ward's policy-family and near-poor households on the eligibility date (one to six
    // in a hundred missed, depending on the ward); one payment in two hundred is reversed.
    await db.execute(sql`DROP TABLE IF EXISTS pc_gifts`);
    await db.execute(sql`
      CREATE UNLOGGED TABLE pc_gifts AS
      SELECT s.*, ${int(shape.entriesPerFund)} + row_number() OVER (PARTITION BY s.fund_n ORDER BY s.household_id) AS seq,
        gen_random_uuid() AS entry_id, gen_random_uuid() AS reversal_id
      FROM (
        SELECT DISTINCT p.household_id, w.unit_id AS ward_id, g.id AS program_id, (w.k - 1) * ${int(F)} + 1 AS fund_n,
          g.eligible_on + 3 + (hashtext(p.household_id::text) & 2147483647) % 20 AS paid_on,
          (hashtext(p.household_id::text || 'tet') & 2147483647) % 1000 AS x
        FROM pc_wards w
        JOIN support_programs g ON g.unit_id = w.unit_id AND g.kind = 'tet_gift'
        JOIN unit_versions gv ON gv.parent_unit_id = w.unit_id
          AND gv.valid_from <= g.eligible_on AND (gv.valid_to IS NULL OR gv.valid_to > g.eligible_on)
        JOIN household_placements p ON p.group_unit_id = gv.unit_id
          AND p.valid_from <= g.eligible_on AND (p.valid_to IS NULL OR p.valid_to > g.eligible_on)
        WHERE (hashtext(p.household_id::text) & 2147483647) % 100 >= 1 + w.k % 6
          AND EXISTS (SELECT 1 FROM household_categories c WHERE c.household_id = p.household_id
            AND c.category IN ('policy_family', 'near_poor')
            AND c.valid_from <= g.eligible_on AND (c.valid_to IS NULL OR c.valid_to > g.eligible_on))
      ) s`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO ledger_entries (id, fund_id, seq, entry_date, kind, memo, prev_hash, hash)
        SELECT entry_id, ${sql.raw(fundUuidSql('fund_n'))}, seq, paid_on, 'support', 'Chi quà Tết theo chương trình',
          md5('tp' || entry_id) || md5('tq' || entry_id), md5('th' || entry_id) || md5('tk' || entry_id)
        FROM pc_gifts`);
      await tx.execute(sql`
        INSERT INTO ledger_lines (entry_id, line_no, fund_id, entry_date, account, amount)
        SELECT entry_id, l, ${sql.raw(fundUuidSql('fund_n'))}, paid_on, (ARRAY['support', 'bank'])[l],
          CASE WHEN l = 1 THEN ${int(GIFT)} ELSE -${int(GIFT)} END
        FROM pc_gifts CROSS JOIN generate_series(1, 2) l`);
      await tx.execute(sql`
        INSERT INTO ledger_entries (id, fund_id, seq, entry_date, kind, memo, reverses_id, reason, prev_hash, hash)
        SELECT reversal_id, ${sql.raw(fundUuidSql('fund_n'))},
          (SELECT max(seq) FROM pc_gifts m WHERE m.fund_n = g.fund_n) + row_number() OVER (PARTITION BY fund_n ORDER BY household_id),
          paid_on + 5, 'reversal', 'Hủy bút toán chi quà Tết', entry_id, 'Chi nhầm hộ',
          md5('rp' || entry_id) || md5('rq' || entry_id), md5('rh' || entry_id) || md5('rk' || entry_id)
        FROM pc_gifts g WHERE x % 200 = 7`);
      await tx.execute(sql`
        INSERT INTO ledger_lines (entry_id, line_no, fund_id, entry_date, account, amount)
        SELECT reversal_id, l, ${sql.raw(fundUuidSql('fund_n'))}, paid_on + 5, (ARRAY['support', 'bank'])[l],
          CASE WHEN l = 1 THEN -${int(GIFT)} ELSE ${int(GIFT)} END
        FROM pc_gifts CROSS JOIN generate_series(1, 2) l WHERE x % 200 = 7`);
      await tx.execute(sql`
        INSERT INTO distributions (program_id, household_id, ward_unit_id, amount, status, entry_id, paid_on)
        SELECT program_id, household_id, ward_id, ${int(GIFT)}, 'paid', entry_id, paid_on FROM pc_gifts`);
    });
    await db.execute(sql`DROP TABLE pc_gifts`);
  });

  const plans: string[] = [];
  await phase('plans, targets handed to the wards, manual values', async () => {
    await ensureLibrary(db);
    // Self-governance counts as indicators with a computed source (not in the library).
    for (const [key, name, nameEn, unitOfMeasure] of [
      ['self_governing_teams', 'Số tổ tự quản', 'Self-governing teams', 'tổ'],
      ['households_supervised', 'Số hộ do tổ, nhóm tự quản phụ trách', 'Households supervised', 'hộ'],
    ] as const) {
      await insertDefinition(db, {
        key,
        name,
        nameEn,
        kind: 'count',
        unitOfMeasure,
        comparison: 'gte',
        defaultValue: 1,
        sourceType: 'computed',
        computedKey: key,
      });
    }
    for (const [ci, city] of registers.entries()) {
      const id = await createPlan({
        db,
        ctx: options.ctx,
        body: {
          unitCode: city.provinceCode,
          year: YEAR,
          title: `Chương trình phối hợp thống nhất hành động năm ${YEAR}`,
          decisionNo: `01/KH-MTTQ`,
          decidedOn: `${YEAR}-01-10`,
          indicators: planIndicatorKeys.map((key) =>
            key === 'self_governing_teams'
              ? { key, value: 45 * city.wards }
              : key === 'households_supervised'
                ? { key, value: 14_000 * city.wards }
                : { key },
          ),
        },
      });
      plans.push(id);
      // Each ward's own targets for the counts, and a lower cultural-family target for one ward in ten.
      await db.execute(sql`
        INSERT INTO plan_unit_targets (plan_indicator_id, unit_id, comparison, target_value)
        SELECT pi.id, w.unit_id, 'gte', CASE d.key WHEN 'self_governing_teams' THEN 45
          WHEN 'households_supervised' THEN 14000 ELSE 95 END
        FROM plan_indicators pi JOIN indicator_definitions d ON d.id = pi.indicator_id
        JOIN pc_wards w ON w.ci = ${int(ci)}
        WHERE pi.plan_id = ${id} AND (d.key IN ('self_governing_teams', 'households_supervised')
          OR (d.key = 'cultural_families' AND w.k % 10 = 0))`);
      await db.execute(sql`
        INSERT INTO indicator_values (plan_indicator_id, unit_id, period, value, note, entered_by)
        SELECT pi.id, w.unit_id, 'year', CASE d.key
            WHEN 'mobilising_organisations' THEN CASE WHEN w.k % 9 = 0 THEN 90 ELSE 100 END
            WHEN 'representative_conferences' THEN 100
            WHEN 'supervisions' THEN 1 + w.k % 4
            WHEN 'mediation_success' THEN 78 + (w.k * 7) % 20
            ELSE CASE WHEN w.k % 5 = 0 THEN 96 ELSE 100 END END,
          'Theo báo cáo của phường', ${options.ctx.actor?.userId ?? null}::uuid
        FROM plan_indicators pi JOIN indicator_definitions d ON d.id = pi.indicator_id
        JOIN pc_wards w ON w.ci = ${int(ci)}
        WHERE pi.plan_id = ${id} AND d.source_type = 'manual'`);
    }
  });
  await db.execute(sql`DROP TABLE pc_wards`);
  await phase('VACUUM ANALYZE', () => db.execute(sql`VACUUM ANALYZE`));
  return registers.map((city, index) => ({ ...city, planId: plans[index]! }));
}

/** The cities a previous run wrote into the database (PLANS_KEEP), found by their codes. */
export async function citiesIn(db: Db): Promise<PlansCity[]> {
  const rows = await queryRows<{ code: string; plan_id: string; ward_codes: string[]; households: number }>(
    db,
    sql`SELECT v.code, p.id::text AS plan_id,
        (SELECT array_agg(w.code ORDER BY w.code) FROM unit_versions w
          WHERE w.parent_unit_id = v.unit_id AND w.kind = 'ward') AS ward_codes,
        (SELECT count(*)::int FROM households h JOIN unit_versions w ON w.unit_id = h.ward_unit_id
          WHERE w.parent_unit_id = v.unit_id) AS households
      FROM unit_versions v JOIN plans p ON p.unit_id = v.unit_id AND p.year = ${YEAR}
      WHERE v.code = ANY(string_to_array(${['SG', ...codes].join(',')}, ',')) AND v.kind = 'province'`,
  );
  if (rows.length === 0) throw new Error('no city of a previous run in this database');
  // The smallest first, the largest (written under the register's own code, SG) last.
  rows.sort((a, b) => a.ward_codes.length - b.ward_codes.length);
  return rows.map((row) => ({
    provinceCode: row.code,
    wardCodes: row.ward_codes,
    from: '2025-07-01',
    to: '2026-11-30',
    wards: row.ward_codes.length,
    planId: row.plan_id,
    households: row.households,
  }));
}
