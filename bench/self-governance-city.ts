/**
 * A synthetic city register shaped like Hà Nội after 1 July 2025 (one province, 126 wards of
 * 10–30 residential groups), written with generate_series: households and their placements,
 * categories, self-governing teams and groups with members and households in their care, and a
 * year and a half of history (groups closed, households moved to another group, members replaced).
 */
import { foldDiacritics } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../apps/api/src/db/client';

export type CityShape = {
  wards: number;
  households: number;
  /** Code of the province, and the start of its wards' codes (letters, default 'SG'): several cities in one database. */
  code?: string;
  /** Default 'Thành phố Mô Phỏng'. */
  name?: string;
};

export type City = {
  provinceCode: string;
  wardCodes: string[];
  /** First and last day of the generated history. */
  from: string;
  to: string;
};

const FROM = '2025-07-01';
const TO = '2026-11-30';

const int = (value: number) => {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`not a positive integer: ${value}`);
  return sql.raw(String(value));
};

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const middleNames = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh', 'Ngọc', 'Quang', 'Thanh'];
const givenNames = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm'];
const pick = (list: string[], expression: string) =>
  sql.raw(`(ARRAY[${list.map((name) => `'${name}'`).join(',')}])[1 + (${expression}) % ${list.length}]`);

/** Writes the city into an empty migrated database; the triggers keep the figures as they go. */
export async function generateCity(
  db: Db,
  shape: CityShape,
  progress: (step: string) => void = () => {},
): Promise<City> {
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  const code = shape.code ?? 'SG';
  if (!/^[A-Z]{2,4}$/.test(code)) throw new RangeError(`not a city code: ${code}`);
  const name = shape.name ?? 'Thành phố Mô Phỏng';
  await run(sql`DROP TABLE IF EXISTS sg_city, sg_wards, sg_groups, sg_households, sg_sizes, sg_teams`);
  await run(sql`CREATE UNLOGGED TABLE sg_city AS SELECT gen_random_uuid() AS unit_id`);
  await run(sql`INSERT INTO units (id, kind) SELECT unit_id, 'province' FROM sg_city`);
  await run(sql`
    INSERT INTO unit_versions (unit_id, code, name, search_name, kind, subkind, valid_from)
    SELECT unit_id, ${code}, ${name}, ${foldDiacritics(name)}, 'province', 'thanh_pho_tw', '2008-08-01'
    FROM sg_city`);
  await run(sql`
    CREATE UNLOGGED TABLE sg_wards AS
    SELECT w, gen_random_uuid() AS unit_id, ${code}::text || lpad(w::text, 3, '0') AS code, 10 + (w * 7) % 21 AS group_count
    FROM generate_series(1, ${int(shape.wards)}) w`);
  await run(sql`INSERT INTO units (id, kind) SELECT unit_id, 'ward' FROM sg_wards`);
  await run(sql`
    INSERT INTO unit_versions (unit_id, code, name, search_name, kind, subkind, parent_unit_id, valid_from)
    SELECT w.unit_id, w.code, 'Phường Số ' || w.w, 'phuong so ' || w.w, 'ward', 'phuong', c.unit_id, ${FROM}
    FROM sg_wards w, sg_city c`);
  await run(sql`
    CREATE UNLOGGED TABLE sg_groups AS
    SELECT row_number() OVER (ORDER BY w.w, n) AS g, w.w, n, w.unit_id AS ward_id, gen_random_uuid() AS unit_id,
      w.code || '.' || lpad(n::text, 3, '0') AS code
    FROM sg_wards w, generate_series(1, w.group_count) n`);
  await run(sql`INSERT INTO units (id, kind) SELECT unit_id, 'residential_group' FROM sg_groups`);
  await run(sql`
    INSERT INTO unit_versions (unit_id, code, name, search_name, kind, subkind, parent_unit_id, valid_from)
    SELECT unit_id, code, 'Tổ dân phố số ' || n, 'to dan pho so ' || n, 'residential_group', 'to_dan_pho', ward_id, ${FROM}
    FROM sg_groups`);
  progress('units');

  // Households are spread evenly over the groups; p is the position of a household in its group.
  await run(sql`
    CREATE UNLOGGED TABLE sg_households AS
    SELECT h, gen_random_uuid() AS id, g, (row_number() OVER (PARTITION BY g ORDER BY h) - 1)::int AS p
    FROM (
      SELECT h, 1 + ((h - 1) * (SELECT count(*) FROM sg_groups)) / ${int(shape.households)} AS g
      FROM generate_series(1, ${int(shape.households)}) h
    ) s`);
  await run(sql`CREATE INDEX ON sg_households (g)`);
  await run(
    sql`CREATE UNLOGGED TABLE sg_sizes AS SELECT g, count(*)::int AS n FROM sg_households GROUP BY g`,
  );
  await run(sql`
    INSERT INTO households (id, ward_unit_id, code, address, search_text)
    SELECT h.id, gr.ward_id, lpad(gr.n::text, 3, '0') || '-' || lpad((h.p + 1)::text, 4, '0'),
      'Số ' || (h.p + 1) || ', ' || gr.code, lpad(gr.n::text, 3, '0') || '-' || lpad((h.p + 1)::text, 4, '0')
    FROM sg_households h JOIN sg_groups gr USING (g)`);
  await run(sql`
    INSERT INTO household_placements (household_id, group_unit_id, valid_from)
    SELECT h.id, gr.unit_id, ${FROM} FROM sg_households h JOIN sg_groups gr USING (g)`);
  // About one household in six has a category; poverty ends for some at the new year.
  await run(sql`
    INSERT INTO household_categories (household_id, category, standard_period, valid_from, valid_to)
    SELECT id, category, period, ${FROM}::date, ends FROM (
      SELECT id, 'poor' AS category, '2022-2026' AS period, CASE WHEN h % 106 = 1 THEN '2026-01-01'::date END AS ends
        FROM sg_households WHERE h % 53 = 1
      UNION ALL SELECT id, 'near_poor', '2022-2026', NULL FROM sg_households WHERE h % 31 = 2
      UNION ALL SELECT id, 'policy_family', NULL, NULL FROM sg_households WHERE h % 19 = 3
      UNION ALL SELECT id, 'lone_elderly', NULL, NULL FROM sg_households WHERE h % 71 = 4
      UNION ALL SELECT id, 'disability', NULL, NULL FROM sg_households WHERE h % 41 = 5
      UNION ALL SELECT id, 'agent_orange', NULL, NULL FROM sg_households WHERE h % 211 = 6
    ) c`);
  progress('households');

  // Per residential group: a team (tổ) for every 450 households and a group (nhóm) for every 70;
  // one group in fifty closes on 1 February 2026. Each ward also has two ward-level teams.
  await run(sql`
    CREATE UNLOGGED TABLE sg_teams AS
    SELECT gen_random_uuid() AS id, gr.g, gr.w, k.kind, i AS idx, gr.unit_id,
      CASE WHEN k.kind = 'group' AND (gr.g * 13 + i) % 50 = 0 THEN '2026-02-01'::date END AS valid_to
    FROM sg_groups gr
    JOIN sg_sizes c USING (g)
    CROSS JOIN LATERAL (VALUES ('team', 450), ('group', 70)) k(kind, size)
    CROSS JOIN LATERAL generate_series(0, ((c.n - 1) / k.size)::int) i
    UNION ALL
    SELECT gen_random_uuid(), NULL, w.w, 'team', 100 + i, w.unit_id, NULL FROM sg_wards w, generate_series(0, 1) i`);
  await run(sql`CREATE INDEX ON sg_teams (g, kind, idx)`);
  await run(sql`
    INSERT INTO self_governing_teams (id, kind, unit_id, name, search_name, valid_from, valid_to)
    SELECT id, kind, unit_id,
      CASE kind WHEN 'team' THEN 'Tổ tự quản số ' ELSE 'Nhóm tự quản số ' END || (idx + 1),
      CASE kind WHEN 'team' THEN 'to tu quan so ' ELSE 'nhom tu quan so ' END || (idx + 1),
      ${FROM}, valid_to
    FROM sg_teams`);
  // Teams have 11 members (a leader, two deputies), groups 2 or 3; one member in ten is replaced on 1 March 2026.
  await run(sql`
    INSERT INTO team_members (team_id, name, phone, role, valid_from, valid_to)
    SELECT t.id,
      ${pick(familyNames, 'abs(hashtext(t.id::text)::bigint) + m')} || ' ' || ${pick(middleNames, 'm * 3 + t.idx')} || ' ' ||
        ${pick(givenNames, 'abs(hashtext(t.id::text)::bigint) / 7 + m * 5')},
      '09' || lpad(((abs(hashtext(t.id::text)::bigint) + m * 7919) % 100000000)::text, 8, '0'),
      CASE WHEN m = 0 THEN 'leader' WHEN t.kind = 'team' AND m <= 2 THEN 'deputy' ELSE 'member' END,
      v.valid_from, v.valid_to
    FROM sg_teams t
    CROSS JOIN LATERAL generate_series(0, CASE WHEN t.kind = 'team' THEN 10 ELSE 1 + t.idx % 2 END) m
    CROSS JOIN LATERAL (
      SELECT ${FROM}::date AS valid_from,
        CASE WHEN (t.idx + m) % 10 = 9 AND m > 0 THEN least('2026-03-01'::date, t.valid_to) ELSE t.valid_to END AS valid_to
      UNION ALL
      SELECT '2026-03-01'::date, NULL WHERE (t.idx + m) % 10 = 9 AND m > 0 AND t.valid_to IS NULL
    ) v`);
  progress('teams');

  // Nine households in ten are looked after by a team and a group of their residential group; one in
  // twenty moved to the next group on 1 January 2026. Written ward by ward, as the register grows.
  for (let w = 1; w <= shape.wards; w += 1) {
    await run(sql`
      INSERT INTO team_households (team_id, team_kind, household_id, valid_from, valid_to)
      SELECT t.id, t.kind, a.household_id, a.valid_from, least(a.valid_to, t.valid_to)
      FROM (
        SELECT h.id AS household_id, h.g, 'team' AS kind, h.p / 450 AS idx, ${FROM}::date AS valid_from, NULL::date AS valid_to
        FROM sg_households h JOIN sg_groups gr USING (g) WHERE gr.w = ${w} AND h.h % 10 <> 0
        UNION ALL
        SELECT h.id, h.g, 'group', h.p / 70, CASE WHEN h.h % 20 = 1 THEN '2026-01-01'::date ELSE ${FROM}::date END, NULL
        FROM sg_households h JOIN sg_groups gr USING (g) WHERE gr.w = ${w} AND h.h % 10 <> 0
        UNION ALL
        SELECT h.id, h.g, 'group', (h.p / 70 + 1) % ((c.n - 1) / 70 + 1), ${FROM}::date, '2026-01-01'::date
        FROM sg_households h JOIN sg_groups gr USING (g) JOIN sg_sizes c USING (g)
        WHERE gr.w = ${w} AND h.h % 10 <> 0 AND h.h % 20 = 1
      ) a
      JOIN sg_teams t ON t.g = a.g AND t.kind = a.kind AND t.idx = a.idx
      WHERE a.valid_from < coalesce(t.valid_to, 'infinity')`);
    if (w % 20 === 0) progress(`assignments ${w}/${shape.wards}`);
  }
  const rows = await queryRows<{ code: string }>(db, sql`SELECT code FROM sg_wards ORDER BY w`);
  await run(sql`DROP TABLE sg_city, sg_wards, sg_groups, sg_households, sg_sizes, sg_teams`);
  await run(sql`VACUUM ANALYZE`);
  return { provinceCode: code, wardCodes: rows.map((row) => row.code), from: FROM, to: TO };
}
