import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

// --- Jobs ------------------------------------------------------------------------------------

export type ImportPhase = 'queued' | 'reading' | 'writing' | 'finished';

export type ImportCounts = {
  validRows: number;
  householdsValid: number;
  householdsRejected: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsMoved: number;
  personsCreated: number;
  personsUpdated: number;
  membersKept: number;
  categoriesAdded: number;
};

export const emptyCounts = (): ImportCounts => ({
  validRows: 0,
  householdsValid: 0,
  householdsRejected: 0,
  householdsCreated: 0,
  householdsUpdated: 0,
  householdsMoved: 0,
  personsCreated: 0,
  personsUpdated: 0,
  membersKept: 0,
  categoriesAdded: 0,
});

export type ErrorLine = { row: number; column: string; reason: string; reasonEn: string };

/**
 * What import_jobs.errors holds for a households import: the error report (`lines`) and the
 * file-level problem, with the details of the run that have no column of their own.
 */
export type ImportJobDetails = {
  at: string;
  unitCode: string;
  unitName: string | null;
  phase: ImportPhase;
  percent: number;
  /** Last sign of life of the process running the job (ISO time). */
  heartbeat: string;
  counts: ImportCounts;
  messageEn: string | null;
  lines: ErrorLine[];
};

export type ImportJobRow = {
  id: string;
  kind: string;
  unitId: string;
  userId: string | null;
  fileName: string | null;
  mode: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  householdsImported: number;
  duplicatesFlagged: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  details: Omit<ImportJobDetails, 'lines'> | null;
  /** The first error lines only; errorCount says how many there are. */
  lines: ErrorLine[];
  errorCount: number;
};

export const householdsImportKind = 'households';

export async function insertImportJob(
  db: Db,
  job: {
    unitId: string;
    userId: string | null;
    fileName: string | null;
    mode: string;
    details: ImportJobDetails;
  },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO import_jobs (kind, unit_id, user_id, file_name, mode, status, errors)
        VALUES (${householdsImportKind}, ${job.unitId}, ${job.userId}, ${job.fileName}, ${job.mode}, 'queued',
                ${JSON.stringify(job.details)}::jsonb)
        RETURNING id::text AS id`,
  );
  return rows[0]!.id;
}

export type ImportProgress = {
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  householdsImported: number;
  duplicatesFlagged: number;
  phase: ImportPhase;
  percent: number;
};

/** Progress of a running job; never touches a job that has already ended. */
export async function updateImportProgress(db: Db, id: string, progress: ImportProgress): Promise<void> {
  const patch = JSON.stringify({
    phase: progress.phase,
    percent: progress.percent,
    heartbeat: new Date().toISOString(),
  });
  await db.execute(
    sql`UPDATE import_jobs SET status = 'running', total = ${progress.total}, processed = ${progress.processed},
          imported = ${progress.imported}, rejected = ${progress.rejected},
          households_imported = ${progress.householdsImported}, duplicates_flagged = ${progress.duplicatesFlagged},
          errors = errors || ${patch}::jsonb
        WHERE id = ${id} AND status IN ('queued', 'running')`,
  );
}

/** Stores the error report once the file has been read: written once, read page by page. */
export async function saveImportErrors(db: Db, id: string, lines: ErrorLine[], counts: ImportCounts) {
  const patch = JSON.stringify({ lines, counts });
  await db.execute(sql`UPDATE import_jobs SET errors = errors || ${patch}::jsonb WHERE id = ${id}`);
}

export async function finishImportJob(
  db: Db,
  id: string,
  result: ImportProgress & {
    status: 'done' | 'failed';
    message: string | null;
    messageEn: string | null;
    counts: ImportCounts;
  },
): Promise<void> {
  const patch = JSON.stringify({
    phase: 'finished',
    percent: 100,
    heartbeat: new Date().toISOString(),
    counts: result.counts,
    messageEn: result.messageEn,
  });
  await db.execute(
    sql`UPDATE import_jobs SET status = ${result.status}, total = ${result.total}, processed = ${result.processed},
          imported = ${result.imported}, rejected = ${result.rejected},
          households_imported = ${result.householdsImported}, duplicates_flagged = ${result.duplicatesFlagged},
          message = ${result.message}, errors = errors || ${patch}::jsonb, finished_at = now()
        WHERE id = ${id} AND status IN ('queued', 'running')`,
  );
}

/** Ends a job whose process is gone, unless it showed signs of life since it was judged stale. */
export async function failStaleImportJob(
  db: Db,
  id: string,
  heartbeatBefore: string,
  text: { vi: string; en: string },
): Promise<void> {
  const patch = JSON.stringify({ phase: 'finished', messageEn: text.en });
  await db.execute(
    sql`UPDATE import_jobs SET status = 'failed', message = ${text.vi}, errors = errors || ${patch}::jsonb,
          finished_at = now()
        WHERE id = ${id} AND status IN ('queued', 'running')
          AND coalesce(errors->>'heartbeat', created_at::text)::timestamptz < ${heartbeatBefore}::timestamptz`,
  );
}

type JobRecord = {
  id: string;
  kind: string;
  unit_id: string;
  user_id: string | null;
  file_name: string | null;
  mode: string;
  status: ImportJobRow['status'];
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  households_imported: number;
  duplicates_flagged: number;
  message: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
  details: (Omit<ImportJobDetails, 'lines'> & { lines?: unknown }) | string | null;
  lines: ErrorLine[] | string | null;
  error_count: number | string | null;
};

const iso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
const parsed = <T>(value: T | string | null): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

/** A job with its first error lines (the whole report can be large). */
export async function findImportJob(db: Db, id: string, lineLimit = 100): Promise<ImportJobRow | null> {
  const rows = await queryRows<JobRecord>(
    db,
    sql`SELECT id::text AS id, kind, unit_id::text AS unit_id, user_id::text AS user_id, file_name, mode, status,
          total, processed, imported, rejected, households_imported, duplicates_flagged, message,
          created_at, finished_at,
          CASE WHEN jsonb_typeof(errors) = 'object' THEN errors - 'lines' END AS details,
          CASE WHEN jsonb_typeof(errors->'lines') = 'array'
            THEN jsonb_path_query_array(errors->'lines', ${`$[0 to ${Math.max(0, lineLimit - 1)}]`}::jsonpath)
            ELSE '[]'::jsonb END AS lines,
          CASE WHEN jsonb_typeof(errors->'lines') = 'array' THEN jsonb_array_length(errors->'lines') ELSE 0 END
            AS error_count
        FROM import_jobs WHERE id = ${id}`,
  );
  const row = rows[0];
  if (!row) return null;
  const details = parsed(row.details);
  return {
    id: row.id,
    kind: row.kind,
    unitId: row.unit_id,
    userId: row.user_id,
    fileName: row.file_name,
    mode: row.mode,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    rejected: row.rejected,
    householdsImported: row.households_imported,
    duplicatesFlagged: row.duplicates_flagged,
    message: row.message,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    details,
    lines: parsed(row.lines) ?? [],
    errorCount: Number(row.error_count ?? 0),
  };
}

/** Every line of a job's error report. */
export async function findImportErrorLines(db: Db, id: string): Promise<ErrorLine[]> {
  const rows = await queryRows<{ lines: ErrorLine[] | string | null }>(
    db,
    sql`SELECT CASE WHEN jsonb_typeof(errors->'lines') = 'array' THEN errors->'lines' ELSE '[]'::jsonb END AS lines
        FROM import_jobs WHERE id = ${id}`,
  );
  return parsed(rows[0]?.lines ?? null) ?? [];
}

// --- What the import needs to know of the register -------------------------------------------

export type WardGroup = { unitId: string; code: string; name: string };

/** Residential groups of the ward on the date. */
export async function findWardGroupsAt(db: Db, wardUnitId: string, at: string): Promise<WardGroup[]> {
  const rows = await queryRows<{ unit_id: string; code: string; name: string }>(
    db,
    sql`SELECT unit_id::text AS unit_id, code, name FROM unit_versions
        WHERE parent_unit_id = ${wardUnitId} AND kind = 'residential_group'
          AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
        ORDER BY code`,
  );
  return rows.map((row) => ({ unitId: row.unit_id, code: row.code, name: row.name }));
}

/** Versions of a ward code over time, to tell "no such ward" from "not on that date". */
export async function findWardVersionsByCode(
  db: Db,
  code: string,
): Promise<Array<{ unitId: string; name: string; validFrom: string; validTo: string | null }>> {
  const rows = await queryRows<{
    unit_id: string;
    name: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT unit_id::text AS unit_id, name, valid_from::text AS valid_from, valid_to::text AS valid_to
        FROM unit_versions WHERE code = ${code} AND kind = 'ward' ORDER BY valid_from`,
  );
  return rows.map((row) => ({
    unitId: row.unit_id,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

export async function findHouseholdCodes(db: Db, wardUnitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM households WHERE ward_unit_id = ${wardUnitId}`,
  );
  return new Set(rows.map((row) => row.code));
}

export async function findCategoryKinds(
  db: Db,
): Promise<Array<{ code: string; vi: string; en: string; group: string | null }>> {
  const rows = await queryRows<{ code: string; name_vi: string; name_en: string; group_code: string | null }>(
    db,
    sql`SELECT code, name_vi, name_en, group_code FROM household_category_kinds ORDER BY code`,
  );
  return rows.map((row) => ({ code: row.code, vi: row.name_vi, en: row.name_en, group: row.group_code }));
}

// --- Batches ---------------------------------------------------------------------------------

export type ExistingHousehold = { id: string; code: string; address: string | null };
export type ExistingPerson = {
  id: string;
  householdId: string;
  citizenIdHash: string | null;
  searchName: string;
  birthYear: number | null;
  isHead: boolean;
};
export type CurrentPlacement = {
  id: string;
  householdId: string;
  groupUnitId: string;
  validFrom: string;
  validTo: string | null;
};

/** Rows travel as one JSON parameter, which both drivers send alike; PostgreSQL unpacks it. */
const records = (rows: readonly object[]): SQL => sql`${JSON.stringify(rows)}::json`;

export async function findHouseholdsByCodes(
  db: Db,
  wardUnitId: string,
  codes: readonly string[],
): Promise<ExistingHousehold[]> {
  if (codes.length === 0) return [];
  return queryRows<ExistingHousehold>(
    db,
    sql`SELECT h.id::text AS id, h.code, h.address FROM households h
        JOIN json_array_elements_text(${JSON.stringify(codes)}::json) AS c(code) ON c.code = h.code
        WHERE h.ward_unit_id = ${wardUnitId}`,
  );
}

const idArray = (ids: readonly string[]): SQL => sql`${JSON.stringify(ids)}::json`;

export async function findPersonsOfHouseholds(
  db: Db,
  householdIds: readonly string[],
): Promise<ExistingPerson[]> {
  if (householdIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    household_id: string;
    citizen_id_hash: string | null;
    search_name: string;
    birth_year: number | null;
    is_head: boolean;
  }>(
    db,
    sql`SELECT p.id::text AS id, p.household_id::text AS household_id, p.citizen_id_hash, p.search_name,
          p.birth_year, p.is_head
        FROM persons p
        JOIN json_array_elements_text(${idArray(householdIds)}) AS h(id) ON p.household_id = h.id::uuid
        ORDER BY p.position, p.created_at`,
  );
  return rows.map((row) => ({
    id: row.id,
    householdId: row.household_id,
    citizenIdHash: row.citizen_id_hash,
    searchName: row.search_name,
    birthYear: row.birth_year === null ? null : Number(row.birth_year),
    isHead: Boolean(row.is_head),
  }));
}

/** The placement of each household on the date, and for the others the start of their next one. */
export async function findPlacementsAround(
  db: Db,
  householdIds: readonly string[],
  at: string,
): Promise<{ current: CurrentPlacement[]; nextStart: Map<string, string> }> {
  if (householdIds.length === 0) return { current: [], nextStart: new Map() };
  const rows = await queryRows<{
    id: string;
    household_id: string;
    group_unit_id: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT p.id::text AS id, p.household_id::text AS household_id, p.group_unit_id::text AS group_unit_id,
          p.valid_from::text AS valid_from, p.valid_to::text AS valid_to
        FROM household_placements p
        JOIN json_array_elements_text(${idArray(householdIds)}) AS h(id) ON p.household_id = h.id::uuid
        WHERE p.valid_to IS NULL OR p.valid_to > ${at}
        ORDER BY p.valid_from`,
  );
  const current: CurrentPlacement[] = [];
  const nextStart = new Map<string, string>();
  for (const row of rows) {
    if (row.valid_from <= at) {
      current.push({
        id: row.id,
        householdId: row.household_id,
        groupUnitId: row.group_unit_id,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      });
    } else if (!nextStart.has(row.household_id)) nextStart.set(row.household_id, row.valid_from);
  }
  return { current, nextStart };
}

export type NewHousehold = {
  id: string;
  ward_unit_id: string;
  code: string;
  address: string | null;
  phone: string | null;
  search_text: string;
};

export async function insertHouseholds(db: Db, rows: readonly NewHousehold[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO households (id, ward_unit_id, code, address, phone, search_text)
        SELECT id, ward_unit_id, code, address, phone, search_text
        FROM json_to_recordset(${records(rows)})
          AS r(id uuid, ward_unit_id uuid, code text, address text, phone text, search_text text)`,
  );
}

export type ChangedHousehold = {
  id: string;
  address: string | null;
  phone: string | null;
  /** Folded code and address, the start of the search text. */
  code_and_address: string;
};

/** Address and phone change only when the file gives them. */
export async function updateHouseholds(db: Db, rows: readonly ChangedHousehold[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`UPDATE households h SET
          address = coalesce(r.address, h.address),
          phone = coalesce(r.phone, h.phone),
          updated_at = now()
        FROM json_to_recordset(${records(rows)}) AS r(id uuid, address text, phone text)
        WHERE h.id = r.id`,
  );
}

/**
 * The search text of households whose members changed, as the households service keeps it:
 * folded code and address, then every member's folded name in member order (kept members too).
 */
export async function refreshSearchTexts(db: Db, rows: readonly ChangedHousehold[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`UPDATE households h SET search_text = concat_ws(' ', r.code_and_address,
          (SELECT string_agg(p.search_name, ' ' ORDER BY p.position) FROM persons p WHERE p.household_id = h.id))
        FROM json_to_recordset(${records(rows)}) AS r(id uuid, code_and_address text)
        WHERE h.id = r.id`,
  );
}

export type NewPerson = {
  id: string;
  household_id: string;
  ho: string;
  ten_dem: string;
  ten: string;
  search_name: string;
  sort_key: string;
  sex: string | null;
  birth_date: string | null;
  birth_year: number | null;
  relation: string;
  is_head: boolean;
  phone: string | null;
  citizen_id_sealed: string | null;
  citizen_id_hash: string | null;
  citizen_id_mask: string | null;
  position: number;
};

const personColumns = sql.raw(
  `id uuid, household_id uuid, ho text, ten_dem text, ten text, search_name text, sort_key text, sex text,
   birth_date date, birth_year smallint, relation text, is_head boolean, phone text, citizen_id_sealed text,
   citizen_id_hash text, citizen_id_mask text, position smallint`,
);

export async function insertPersons(db: Db, rows: readonly NewPerson[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO persons (id, household_id, ho, ten_dem, ten, search_name, sort_key, sex, birth_date, birth_year,
          relation, is_head, phone, citizen_id_sealed, citizen_id_hash, citizen_id_mask, position)
        SELECT id, household_id, ho, ten_dem, ten, search_name, sort_key, sex, birth_date, birth_year,
          relation, is_head, phone, citizen_id_sealed, citizen_id_hash, citizen_id_mask, position
        FROM json_to_recordset(${records(rows)}) AS r(${personColumns})`,
  );
}

/**
 * Updates matched members. A blank cell keeps what the register holds; a birth year that
 * differs from the stored date replaces it. Heads are cleared first: one head per household.
 */
export async function updatePersons(
  db: Db,
  householdIds: readonly string[],
  rows: readonly NewPerson[],
): Promise<void> {
  if (householdIds.length > 0) {
    await db.execute(
      sql`UPDATE persons p SET is_head = false
          FROM json_array_elements_text(${idArray(householdIds)}) AS h(id)
          WHERE p.household_id = h.id::uuid AND p.is_head`,
    );
  }
  if (rows.length === 0) return;
  await db.execute(
    sql`UPDATE persons p SET
          ho = r.ho, ten_dem = r.ten_dem, ten = r.ten, search_name = r.search_name, sort_key = r.sort_key,
          sex = coalesce(r.sex, p.sex),
          birth_year = coalesce(r.birth_year, p.birth_year),
          birth_date = CASE
            WHEN r.birth_date IS NOT NULL THEN r.birth_date
            WHEN r.birth_year IS NULL THEN p.birth_date
            WHEN extract(year FROM p.birth_date) = r.birth_year THEN p.birth_date
          END,
          relation = r.relation, is_head = r.is_head,
          phone = coalesce(r.phone, p.phone),
          citizen_id_sealed = coalesce(r.citizen_id_sealed, p.citizen_id_sealed),
          citizen_id_hash = coalesce(r.citizen_id_hash, p.citizen_id_hash),
          citizen_id_mask = coalesce(r.citizen_id_mask, p.citizen_id_mask),
          position = r.position,
          updated_at = now()
        FROM json_to_recordset(${records(rows)}) AS r(${personColumns})
        WHERE p.id = r.id`,
  );
}

/** A former head the file no longer lists stays a member; the file's head replaces them. */
export async function demoteFormerHeads(db: Db, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db.execute(
    sql`UPDATE persons p SET relation = 'other', updated_at = now()
        FROM json_array_elements_text(${idArray(personIds)}) AS x(id)
        WHERE p.id = x.id::uuid AND p.relation = 'head'`,
  );
}

export async function insertPlacements(
  db: Db,
  rows: ReadonlyArray<{
    household_id: string;
    group_unit_id: string;
    valid_from: string;
    valid_to: string | null;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO household_placements (household_id, group_unit_id, valid_from, valid_to)
        SELECT household_id, group_unit_id, valid_from, valid_to
        FROM json_to_recordset(${records(rows)})
          AS r(household_id uuid, group_unit_id uuid, valid_from date, valid_to date)`,
  );
}

/** Ends placements on the date (a move), or changes the group of one that starts that day. */
export async function changePlacements(
  db: Db,
  at: string,
  close: readonly string[],
  regroup: ReadonlyArray<{ id: string; group_unit_id: string }>,
): Promise<void> {
  if (close.length > 0) {
    await db.execute(
      sql`UPDATE household_placements p SET valid_to = ${at}
          FROM json_array_elements_text(${idArray(close)}) AS x(id) WHERE p.id = x.id::uuid`,
    );
  }
  if (regroup.length > 0) {
    await db.execute(
      sql`UPDATE household_placements p SET group_unit_id = r.group_unit_id
          FROM json_to_recordset(${records(regroup)}) AS r(id uuid, group_unit_id uuid) WHERE p.id = r.id`,
    );
  }
}

/**
 * Adds categories from the date unless the household already has them then; a record of the
 * same category starting later bounds the new one. Returns how many were added.
 */
export async function addCategories(
  db: Db,
  at: string,
  rows: ReadonlyArray<{ household_id: string; category: string; standard_period: string | null }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await queryRows<{ count: number | string }>(
    db,
    sql`WITH added AS (
          INSERT INTO household_categories (household_id, category, standard_period, valid_from, valid_to)
          SELECT r.household_id, r.category, r.standard_period, ${at}::date,
            (SELECT min(c.valid_from) FROM household_categories c
              WHERE c.household_id = r.household_id AND c.category = r.category AND c.valid_from > ${at}::date)
          FROM json_to_recordset(${records(rows)}) AS r(household_id uuid, category text, standard_period text)
          WHERE NOT EXISTS (
            SELECT 1 FROM household_categories c
            WHERE c.household_id = r.household_id AND c.category = r.category
              AND c.valid_from <= ${at}::date AND (c.valid_to IS NULL OR c.valid_to > ${at}::date))
          RETURNING 1
        )
        SELECT count(*) AS count FROM added`,
  );
  return Number(result[0]?.count ?? 0);
}

/**
 * Plans of a bulk write are made on statistics taken before it; compiling them (JIT) costs
 * more than running them. Only for the transaction.
 */
export async function withoutJit(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL jit = off`);
}

/**
 * Of the persons just written, those whose citizen ID hash someone else in the register has:
 * the only ones flagDuplicates can pair for that reason. One index probe per person.
 */
export async function findSharedCitizenIds(
  db: Db,
  rows: ReadonlyArray<{ id: string; citizen_id_hash: string }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const found = await queryRows<{ id: string }>(
    db,
    sql`SELECT DISTINCT r.id::text AS id
        FROM json_to_recordset(${records(rows)}) AS r(id uuid, citizen_id_hash text)
        JOIN persons o ON o.citizen_id_hash = r.citizen_id_hash AND o.id <> r.id`,
  );
  return found.map((row) => row.id);
}

export type NameBirth = { id: string; searchName: string; birthYear: number; birthDate: string | null };

/** Folded names and births of the ward's members, to find namesakes without asking per person. */
export async function findWardNameBirths(db: Db, wardUnitId: string): Promise<NameBirth[]> {
  const rows = await queryRows<{
    id: string;
    search_name: string;
    birth_year: number;
    birth_date: string | null;
  }>(
    db,
    sql`SELECT p.id::text AS id, p.search_name, p.birth_year, p.birth_date::text AS birth_date
        FROM persons p JOIN households h ON h.id = p.household_id
        WHERE h.ward_unit_id = ${wardUnitId} AND p.birth_year IS NOT NULL`,
  );
  return rows.map((row) => ({
    id: row.id,
    searchName: row.search_name,
    birthYear: Number(row.birth_year),
    birthDate: row.birth_date,
  }));
}
