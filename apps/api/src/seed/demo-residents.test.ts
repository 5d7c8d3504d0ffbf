import { createHash } from 'node:crypto';
import {
  checkCitizenId,
  foldDiacritics,
  fullName,
  maskCitizenId,
  personSortKey,
  relations,
} from '@doanket/domain';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { queryRows } from '../db/client';
import { createSealer } from '../lib/crypto';
import { sealContext } from '../modules/households/households.sealing';
import { seedDemo } from './demo';
import { type DemoResidentialGroup, demoRegisterRows } from './demo-residents';
import { demoOldWards } from './demo-units';

let t: TestApp;
const password = 'demo-password-for-tests';
const sealer = createSealer(Buffer.alloc(32, 21));
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemo(t.db, password, { sealer, register: true });
}, 300_000);
afterAll(() => t.close());

type Counts<K extends string> = Record<K, number>;
const rows = <T>(query: SQL) => queryRows<T>(t.db, query);
const one = async <T>(query: SQL) => (await rows<T>(query))[0]!;

/** The figures of unit 021 on a date, counted from the records themselves. */
async function figuresFromRecords(at: string) {
  const figures = await one<Record<string, number>>(sql`
    WITH RECURSIVE down(unit_id) AS (
      SELECT unit_id FROM unit_versions
      WHERE code = '021' AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
      UNION
      SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
      WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
    ),
    active AS (
      SELECT t.* FROM self_governing_teams t JOIN down ON down.unit_id = t.unit_id
      WHERE t.valid_from <= ${at}::date AND (t.valid_to IS NULL OR t.valid_to > ${at}::date)
    ),
    members AS (
      SELECT a.kind FROM team_members m JOIN active a ON a.id = m.team_id
      WHERE m.valid_from <= ${at}::date AND (m.valid_to IS NULL OR m.valid_to > ${at}::date)
    )
    SELECT
      (SELECT count(*) FROM active WHERE kind = 'team')::int AS "teams",
      (SELECT count(*) FROM members WHERE kind = 'team')::int AS "teamMembers",
      (SELECT count(*) FROM active WHERE kind = 'group')::int AS "groups",
      (SELECT count(*) FROM members WHERE kind = 'group')::int AS "groupMembers",
      (SELECT count(DISTINCT h.household_id) FROM team_households h JOIN active a ON a.id = h.team_id
       WHERE h.valid_from <= ${at}::date AND (h.valid_to IS NULL OR h.valid_to > ${at}::date))::int
        AS "householdsSupervised"`);
  return figures;
}

const reference = {
  teams: 183,
  teamMembers: 2062,
  groups: 1181,
  groupMembers: 3007,
  householdsSupervised: 82_337,
};

describe('the demo register of Bắc Từ Liêm', () => {
  it('is the same register on every first start', () => {
    const groups: DemoResidentialGroup[] = demoOldWards.flatMap((ward, w) =>
      Array.from({ length: ward.groups }, (_, i) => ({
        unitId: `00000000-0000-4000-8000-${String(w * 100 + i).padStart(12, '0')}`,
        code: `${ward.code}.${String(i + 1).padStart(3, '0')}`,
        number: i + 1,
        wardCode: ward.code,
        wardUnitId: `00000000-0000-4000-9000-${String(w).padStart(12, '0')}`,
      })),
    );
    const digest = () => {
      const hash = createHash('sha256');
      const options = { groups, sealer: null, districtUnitId: groups[0]!.wardUnitId };
      for (const batch of demoRegisterRows(options)) hash.update(JSON.stringify(batch));
      return hash.digest('hex');
    };
    expect(digest()).toBe(digest());
  });

  it('gives exactly the district’s 2021 self-governance figures, from the records and through the API', async () => {
    const cookie = await login(t.app, { id: '', username: 'btl', password });
    for (const at of ['2021-06-30', '2021-12-31']) {
      expect(await figuresFromRecords(at), at).toEqual(reference);
      const response = await t.call('GET', `/api/stats/self-governance?unit=021&at=${at}`, { cookie });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json(), at).toEqual(reference);
    }
    // The register has a history: the figures differ before and after 2021.
    expect(await figuresFromRecords('2019-06-30')).not.toEqual(reference);
    expect((await figuresFromRecords('2024-06-30')).householdsSupervised).toBeGreaterThan(
      reference.householdsSupervised,
    );
  });

  it('holds about 90,000 households of 1–6 members, most of them present in 2021 and visible today in the new wards', async () => {
    expect(seeded.households).toBeGreaterThanOrEqual(85_000);
    expect(seeded.households).toBeLessThanOrEqual(95_000);
    const counts = await one<
      Counts<'households' | 'persons' | 'badHeads' | 'empty' | 'badRelations' | 'present2021' | 'today'>
    >(sql`
      SELECT
        (SELECT count(*) FROM households)::int AS households,
        (SELECT count(*) FROM persons)::int AS persons,
        (SELECT count(*) FROM (SELECT household_id FROM persons GROUP BY household_id
          HAVING count(*) FILTER (WHERE is_head) <> 1 OR count(*) > 6) x)::int AS "badHeads",
        (SELECT count(*) FROM households h WHERE NOT EXISTS
          (SELECT 1 FROM persons p WHERE p.household_id = h.id))::int AS empty,
        (SELECT count(*) FROM persons WHERE is_head <> (relation = 'head') OR position < 0)::int AS "badRelations",
        (SELECT count(DISTINCT household_id) FROM household_placements
          WHERE valid_from <= '2021-06-30' AND (valid_to IS NULL OR valid_to > '2021-12-31'))::int AS present2021,
        (SELECT count(DISTINCT p.household_id) FROM household_placements p
          JOIN unit_versions g ON g.unit_id = p.group_unit_id AND g.valid_from = '2025-07-01'
          WHERE p.valid_to IS NULL)::int AS "today"`);
    expect(counts.households).toBe(seeded.households);
    expect(counts.badHeads).toBe(0);
    expect(counts.empty).toBe(0);
    expect(counts.badRelations).toBe(0);
    expect(counts.persons / counts.households).toBeGreaterThan(2.8);
    expect(counts.persons / counts.households).toBeLessThan(3.8);
    expect(counts.present2021).toBeGreaterThan(reference.householdsSupervised);
    expect(counts.today).toBeGreaterThan(counts.present2021);

    const known = new Set(relations.map((relation) => relation.code));
    const used = await rows<{ relation: string }>(sql`SELECT DISTINCT relation FROM persons`);
    for (const { relation } of used) expect(known.has(relation as never), relation).toBe(true);

    // Codes are unique in their ward; addresses and phones look like Vietnamese ones.
    const shapes = await one<
      Counts<
        'duplicateCodes' | 'badAddresses' | 'badPhones' | 'headPhones' | 'heads' | 'badBirths' | 'badSex'
      >
    >(sql`
      SELECT
        (SELECT count(*) FROM (SELECT ward_unit_id, code FROM households GROUP BY 1, 2 HAVING count(*) > 1) x)::int AS "duplicateCodes",
        (SELECT count(*) FROM households WHERE address !~ '^Số [0-9]+, (ngõ|ngách) ')::int AS "badAddresses",
        (SELECT count(*) FROM persons WHERE phone IS NOT NULL AND phone !~ '^0[35789][0-9]{8}$')::int AS "badPhones",
        (SELECT count(*) FROM persons WHERE is_head AND phone IS NOT NULL)::int AS "headPhones",
        (SELECT count(*) FROM persons WHERE is_head)::int AS heads,
        (SELECT count(*) FROM persons WHERE birth_year IS NULL OR (birth_date IS NOT NULL
          AND extract(year FROM birth_date)::int <> birth_year))::int AS "badBirths",
        (SELECT count(*) FROM persons WHERE sex NOT IN ('male', 'female'))::int AS "badSex"`);
    expect(shapes).toMatchObject({
      duplicateCodes: 0,
      badAddresses: 0,
      badPhones: 0,
      badBirths: 0,
      badSex: 0,
    });
    expect(shapes.headPhones / shapes.heads).toBeGreaterThan(0.85);
  });

  it('keeps names apart, with sort keys and diacritic-free search names made from them', async () => {
    const names = await rows<{
      ho: string;
      ten_dem: string;
      ten: string;
      sort_key: string;
      search_name: string;
    }>(sql`SELECT DISTINCT ho, ten_dem, ten, sort_key, search_name FROM persons`);
    expect(names.length).toBeGreaterThan(1000);
    for (const name of names) {
      const parts = { ho: name.ho, tenDem: name.ten_dem, ten: name.ten };
      expect(name.ho, fullName(parts)).not.toBe('');
      expect(name.ten, fullName(parts)).not.toBe('');
      expect(name.sort_key).toBe(personSortKey(parts));
      expect(name.search_name).toBe(foldDiacritics(fullName(parts)));
    }
    const families = await rows<{ ho: string; share: number }>(
      sql`SELECT ho, (count(*)::float / (SELECT count(*) FROM persons)) AS share FROM persons GROUP BY ho ORDER BY 2 DESC LIMIT 3`,
    );
    expect(families[0]).toMatchObject({ ho: 'Nguyễn' });
    expect(families[0]!.share).toBeGreaterThan(0.3);
    // No two people of one ward share a name and birth date (they would be flagged as duplicates).
    const same = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT h.ward_unit_id, p.search_name, p.birth_date FROM persons p JOIN households h ON h.id = p.household_id
        WHERE p.birth_date IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1) x`);
    expect(same.n).toBe(0);
    const sameYear = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM persons p JOIN households h ON h.id = p.household_id
      JOIN persons o ON o.search_name = p.search_name AND o.birth_year = p.birth_year AND o.id <> p.id
      JOIN households oh ON oh.id = o.household_id AND oh.ward_unit_id = h.ward_unit_id
      WHERE p.birth_date IS NULL`);
    expect(sameYear.n).toBe(0);
    // Households are found by code, address and head's name, without diacritics.
    const households = await rows<{ code: string; address: string; search_text: string; head: string }>(sql`
      SELECT h.code, h.address, h.search_text, concat_ws(' ', p.ho, nullif(p.ten_dem, ''), p.ten) AS head
      FROM households h JOIN persons p ON p.household_id = h.id AND p.is_head
      ORDER BY h.id LIMIT 2000`);
    for (const h of households) {
      expect(h.search_text).toBe(foldDiacritics(`${h.code} ${h.address} ${h.head}`));
    }
  });

  it('seals citizen IDs of adults, which open with the data key and agree with sex and birth year', async () => {
    const stored = await one<Counts<'sealed' | 'partial' | 'children' | 'adults' | 'distinct'>>(sql`
      SELECT
        count(*) FILTER (WHERE citizen_id_sealed IS NOT NULL)::int AS sealed,
        count(*) FILTER (WHERE (citizen_id_sealed IS NULL) <> (citizen_id_hash IS NULL)
          OR (citizen_id_sealed IS NULL) <> (citizen_id_mask IS NULL))::int AS partial,
        count(*) FILTER (WHERE citizen_id_sealed IS NOT NULL AND birth_year > 2007)::int AS children,
        count(*) FILTER (WHERE birth_year <= 2007)::int AS adults,
        count(DISTINCT citizen_id_hash)::int AS distinct
      FROM persons`);
    expect(stored.partial).toBe(0);
    expect(stored.children).toBe(0);
    expect(stored.distinct).toBe(stored.sealed);
    expect(stored.sealed / stored.adults).toBeGreaterThan(0.85);

    // Every 25th person: the sealed value opens in its row, has the mask and hash stored beside it.
    const sample = await rows<{
      id: string;
      sex: 'male' | 'female';
      birth_year: number;
      citizen_id_sealed: string;
      citizen_id_hash: string;
      citizen_id_mask: string;
    }>(sql`
      SELECT id, sex, birth_year, citizen_id_sealed, citizen_id_hash, citizen_id_mask
      FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM persons WHERE citizen_id_sealed IS NOT NULL) x
      WHERE n % 25 = 0`);
    expect(sample.length).toBeGreaterThan(5000);
    let hanoi = 0;
    for (const person of sample) {
      const value = sealer.open(person.citizen_id_sealed, sealContext.citizenId(person.id));
      const checked = checkCitizenId(value, {
        sex: person.sex,
        birthYear: person.birth_year,
        today: '2026-01-01',
      });
      expect(checked.errors, value).toEqual([]);
      expect(person.citizen_id_mask).toBe(maskCitizenId(value));
      expect(person.citizen_id_hash).toBe(sealer.lookupHash(`citizen_id:${value}`));
      if (value.startsWith('001')) hanoi += 1;
    }
    expect(hanoi / sample.length).toBeGreaterThan(0.8);
    // A value moved to another row does not open there.
    const [first, second] = sample;
    expect(() => sealer.open(first!.citizen_id_sealed, sealContext.citizenId(second!.id))).toThrow();
  });

  it('has categories in plausible shares, with poverty held per standard period, and 2021 cultural families', async () => {
    const shares = await one<
      Counts<
        | 'present'
        | 'poor'
        | 'nearPoor'
        | 'policy'
        | 'agentOrange'
        | 'disability'
        | 'loneElderly'
        | 'wrongPeriod'
        | 'early2022'
        | 'period2022'
        | 'tooMany'
        | 'openDetails'
      >
    >(sql`
      WITH present AS (
        SELECT DISTINCT household_id FROM household_placements
        WHERE valid_from <= '2021-06-30' AND (valid_to IS NULL OR valid_to > '2021-06-30')
      ),
      held AS (
        SELECT c.category, c.standard_period, c.household_id FROM household_categories c JOIN present USING (household_id)
        WHERE c.valid_from <= '2021-06-30' AND (c.valid_to IS NULL OR c.valid_to > '2021-06-30')
      )
      SELECT
        (SELECT count(*) FROM present)::float AS present,
        (SELECT count(*) FROM held WHERE category = 'poor')::float AS poor,
        (SELECT count(*) FROM held WHERE category = 'near_poor')::float AS "nearPoor",
        (SELECT count(*) FROM held WHERE category LIKE 'policy%')::float AS policy,
        (SELECT count(*) FROM held WHERE category = 'agent_orange')::float AS "agentOrange",
        (SELECT count(*) FROM held WHERE category = 'disability')::float AS disability,
        (SELECT count(*) FROM held WHERE category = 'lone_elderly')::float AS "loneElderly",
        (SELECT count(*) FROM held WHERE category IN ('poor', 'near_poor') AND standard_period <> '2016-2020')::float AS "wrongPeriod",
        (SELECT count(*) FROM household_categories WHERE category IN ('poor', 'near_poor')
          AND standard_period = '2022-2026' AND valid_from < '2022-01-01')::float AS "early2022",
        (SELECT count(*) FROM household_categories WHERE category IN ('poor', 'near_poor')
          AND standard_period = '2022-2026')::float AS "period2022",
        (SELECT count(*) FROM (SELECT household_id, category FROM household_categories
          WHERE category IN ('poor', 'near_poor') GROUP BY 1, 2 HAVING count(*) > 2) x)::float AS "tooMany",
        (SELECT count(*) FROM household_categories WHERE category = 'disability' AND detail_sealed IS NULL)::float AS "openDetails"`);
    const share = (n: number) => n / shares.present;
    expect(share(shares.poor)).toBeGreaterThan(0.002);
    expect(share(shares.poor)).toBeLessThan(0.01);
    expect(share(shares.nearPoor)).toBeGreaterThan(0.008);
    expect(share(shares.nearPoor)).toBeLessThan(0.025);
    expect(share(shares.policy)).toBeGreaterThan(0.02);
    expect(share(shares.policy)).toBeLessThan(0.045);
    expect(share(shares.agentOrange)).toBeGreaterThan(0.001);
    expect(share(shares.agentOrange)).toBeLessThan(0.006);
    expect(share(shares.disability)).toBeGreaterThan(0.012);
    expect(share(shares.disability)).toBeLessThan(0.03);
    expect(share(shares.loneElderly)).toBeGreaterThan(0.005);
    expect(share(shares.loneElderly)).toBeLessThan(0.02);
    expect(shares).toMatchObject({ wrongPeriod: 0, early2022: 0, tooMany: 0, openDetails: 0 });
    expect(shares.period2022).toBeGreaterThan(0);

    const cultural = await one<
      Counts<'records' | 'registered' | 'recognized' | 'unexplained' | 'recognizedUnregistered'>
    >(sql`
      SELECT count(*)::float AS records,
        count(*) FILTER (WHERE registered)::float AS registered,
        count(*) FILTER (WHERE recognized)::float AS recognized,
        count(*) FILTER (WHERE recognized = false AND reason IS NULL)::float AS unexplained,
        count(*) FILTER (WHERE NOT registered AND recognized IS NOT NULL)::float AS "recognizedUnregistered"
      FROM cultural_family_records WHERE year = 2021`);
    expect(cultural.records).toBe(shares.present);
    expect(cultural.registered / cultural.records).toBeGreaterThan(0.96);
    expect(cultural.registered / cultural.records).toBeLessThan(0.985);
    expect(cultural.recognized / cultural.registered).toBeGreaterThan(0.9);
    expect(cultural).toMatchObject({ unexplained: 0, recognizedUnregistered: 0 });
  });

  it('links teams, members and households in care consistently, one team of each kind at a time', async () => {
    const checks = await one<Record<string, number>>(sql`
      SELECT
        (SELECT count(*) FROM persons p LEFT JOIN households h ON h.id = p.household_id WHERE h.id IS NULL)::int AS "orphanPersons",
        (SELECT count(*) FROM household_placements p LEFT JOIN households h ON h.id = p.household_id
          LEFT JOIN units u ON u.id = p.group_unit_id WHERE h.id IS NULL OR u.id IS NULL)::int AS "orphanPlacements",
        (SELECT count(*) FROM team_members m LEFT JOIN self_governing_teams t ON t.id = m.team_id
          LEFT JOIN persons p ON p.id = m.person_id WHERE t.id IS NULL OR p.id IS NULL)::int AS "orphanMembers",
        (SELECT count(*) FROM team_households a LEFT JOIN self_governing_teams t ON t.id = a.team_id
          LEFT JOIN households h ON h.id = a.household_id WHERE t.id IS NULL OR h.id IS NULL OR t.kind <> a.team_kind)::int
          AS "badCare",
        (SELECT count(*) FROM team_households a JOIN team_households b ON b.household_id = a.household_id
          AND b.team_kind = a.team_kind AND b.id <> a.id
          AND a.valid_from < coalesce(b.valid_to, 'infinity') AND b.valid_from < coalesce(a.valid_to, 'infinity'))::int
          AS "overlaps",
        -- In care only while living in the team's residential group and while the team exists.
        (SELECT count(*) FROM team_households a JOIN self_governing_teams t ON t.id = a.team_id
          WHERE a.valid_from < t.valid_from OR (t.valid_to IS NOT NULL AND coalesce(a.valid_to, 'infinity') > t.valid_to)
            OR NOT EXISTS (SELECT 1 FROM household_placements p WHERE p.household_id = a.household_id
              AND p.group_unit_id = t.unit_id AND p.valid_from <= a.valid_from
              AND coalesce(p.valid_to, 'infinity') >= coalesce(a.valid_to, 'infinity')))::int AS "careOutside",
        -- Members live in the team's residential group, under the name and phone they have there.
        (SELECT count(*) FROM team_members m JOIN self_governing_teams t ON t.id = m.team_id
          JOIN persons p ON p.id = m.person_id
          WHERE m.name <> concat_ws(' ', p.ho, nullif(p.ten_dem, ''), p.ten)
            OR m.phone IS DISTINCT FROM p.phone
            OR NOT EXISTS (SELECT 1 FROM household_placements hp WHERE hp.household_id = p.household_id
              AND hp.group_unit_id = t.unit_id))::int AS "foreignMembers",
        (SELECT count(*) FROM self_governing_teams t WHERE NOT EXISTS (SELECT 1 FROM team_members m
          WHERE m.team_id = t.id AND m.role = 'leader'))::int AS "leaderless",
        (SELECT count(*) FROM (SELECT team_id, person_id FROM team_members GROUP BY 1, 2 HAVING count(*) > 1) x)::int AS "twice",
        (SELECT count(*) FROM self_governing_teams t JOIN unit_versions v ON v.unit_id = t.unit_id
          WHERE v.kind <> 'residential_group')::int AS "notOnGroups"`);
    expect(checks).toEqual({
      orphanPersons: 0,
      orphanPlacements: 0,
      orphanMembers: 0,
      badCare: 0,
      overlaps: 0,
      careOutside: 0,
      foreignMembers: 0,
      leaderless: 0,
      twice: 0,
      notOnGroups: 0,
    });
    const audit = await rows<{ action: string; after: Record<string, number> }>(
      sql`SELECT action, after FROM audit_events WHERE entity_type = 'demo_seed'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        after: expect.objectContaining({ households: seeded.households }),
      }),
    ]);
  });

  it('gives the team leader of Xuân Đỉnh’s Tổ dân phố số 5 her team and groups, led by her', async () => {
    const cookie = await login(t.app, { id: '', username: 'totruong', password });
    const me = (await t.call('GET', '/api/auth/me', { cookie })).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'team_leader', unitCode: '00610.005' })]);
    const mine = await t.call('GET', '/api/teams/mine?at=2021-06-30', { cookie });
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as Array<{ kind: string; leaderName: string | null; unitCode: string }>;
    expect(items.filter((item) => item.kind === 'team')).toEqual([
      expect.objectContaining({ unitCode: '00610.005', leaderName: 'Nguyễn Thị Hoa' }),
    ]);
    expect(items.filter((item) => item.kind === 'group').length).toBeGreaterThanOrEqual(2);
    // She lives in the group, in a household in the care of her team and of one of its groups.
    const leader = await rows<{ kinds: string[] }>(sql`
      SELECT array_agg(DISTINCT a.team_kind ORDER BY a.team_kind) AS kinds
      FROM team_members m
      JOIN self_governing_teams t ON t.id = m.team_id AND t.kind = 'team'
      JOIN unit_versions g ON g.unit_id = t.unit_id AND g.code = '00610.005'
      JOIN persons p ON p.id = m.person_id
      JOIN team_households a ON a.household_id = p.household_id
        AND a.valid_from <= '2021-06-30' AND (a.valid_to IS NULL OR a.valid_to > '2021-06-30')
      JOIN self_governing_teams c ON c.id = a.team_id AND c.unit_id = t.unit_id
      WHERE m.role = 'leader' AND m.name = 'Nguyễn Thị Hoa' AND p.sex = 'female'
      GROUP BY p.id`);
    expect(leader).toEqual([{ kinds: ['group', 'team'] }]);
    const head = await login(t.app, { id: '', username: 'truongtdp', password });
    const heads = (await t.call('GET', '/api/auth/me', { cookie: head })).json();
    expect(heads.grants).toEqual([
      expect.objectContaining({ role: 'residential_group_head', unitCode: '00610.005' }),
    ]);
  });
});
