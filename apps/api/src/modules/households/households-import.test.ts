import { randomBytes } from 'node:crypto';
import { foldDiacritics, personSortKey } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
  type BuiltUser,
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildResidentialGroup,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { createSealer, type Sealer } from '../../lib/crypto';
import { csvFile, type FileRow, family, multipart, xlsxFile } from './households-import.fixtures';

let t: TestApp;
let sealer: Sealer;
let wardA: BuiltUnit;
let wardB: BuiltUnit;
let group1: BuiltUnit;
let group2: BuiltUnit;
let officerA: BuiltUser;
let cookieA: string;
let cookieB: string;
let cookieViewerA: string;

const at = '2024-03-01';

beforeAll(async () => {
  t = await createTestApp();
  // The harness builds the app without a data key; the import seals citizen IDs with this one.
  sealer = createSealer(randomBytes(32));
  t.app.sealer = sealer;
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province);
  wardA = await buildWard(t.db, district, { name: 'Phường Đông Ngạc' });
  wardB = await buildWard(t.db, district);
  group1 = await buildResidentialGroup(t.db, wardA, { code: `${wardA.code}.001`, name: 'Tổ dân phố số 1' });
  group2 = await buildResidentialGroup(t.db, wardA, { code: `${wardA.code}.002`, name: 'Tổ dân phố số 2' });
  officerA = await buildOfficer(t.db, wardA);
  cookieA = await login(t.app, officerA);
  cookieB = await login(t.app, await buildOfficer(t.db, wardB));
  cookieViewerA = await login(t.app, await buildViewer(t.db, wardA));
});
afterAll(() => t.close());

type Job = {
  id: string;
  status: string;
  phase: string;
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  householdsImported: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsMoved: number;
  personsCreated: number;
  personsUpdated: number;
  membersKept: number;
  categoriesAdded: number;
  duplicatesFlagged: number;
  validRows: number;
  householdsValid: number;
  householdsRejected: number;
  percent: number;
  message: string | null;
  messageEn: string | null;
  errors: Array<{ row: number; column: string; reason: string; reasonEn: string }>;
  errorCount: number;
};

async function startImport(
  file: Buffer,
  options: {
    unit?: string;
    mode?: string;
    at?: string | null;
    fileName?: string;
    cookie?: string;
    fields?: Record<string, string>;
  } = {},
) {
  const query = new URLSearchParams({ unit: options.unit ?? wardA.code });
  if (options.mode) query.set('mode', options.mode);
  if (options.at !== null) query.set('at', options.at ?? at);
  const body = await multipart(file, options.fileName ?? 'ho-gia-dinh.csv', options.fields);
  return t.call('POST', `/api/households/import?${query}`, {
    cookie: options.cookie ?? cookieA,
    payload: body.payload,
    headers: body.headers,
  });
}

async function waitForJob(id: string, cookie = cookieA): Promise<Job> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const response = await t.call('GET', `/api/imports/${id}`, { cookie });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json() as Job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function importFile(file: Buffer, options: Parameters<typeof startImport>[1] = {}): Promise<Job> {
  const response = await startImport(file, options);
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(response.json().id, options.cookie);
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number | string }>(t.db, query))[0]!.n);

const householdCount = (ward: BuiltUnit) =>
  count(sql`SELECT count(*) AS n FROM households WHERE ward_unit_id = ${ward.unitId}`);
const personCount = (ward: BuiltUnit) =>
  count(
    sql`SELECT count(*) AS n FROM persons p JOIN households h ON h.id = p.household_id WHERE h.ward_unit_id = ${ward.unitId}`,
  );

describe('POST /api/households/import', () => {
  it('imports households with their members, sealed IDs, sort keys, placements, categories and one audit event', async () => {
    const file = csvFile([family.an, family.binh, family.chau, family.dung, family.duc], { bom: true });
    const job = await importFile(file);
    expect(job).toMatchObject({
      status: 'done',
      phase: 'finished',
      total: 5,
      processed: 5,
      imported: 5,
      rejected: 0,
      householdsImported: 2,
      householdsCreated: 2,
      personsCreated: 5,
      categoriesAdded: 3,
      percent: 100,
      errors: [],
      errorCount: 0,
      message: null,
    });

    const persons = await queryRows<{
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
      id: string;
      citizen_id_sealed: string | null;
      citizen_id_hash: string | null;
      citizen_id_mask: string | null;
      code: string;
    }>(
      t.db,
      sql`SELECT p.id::text AS id, p.ho, p.ten_dem, p.ten, p.search_name, p.sort_key, p.sex,
            p.birth_date::text AS birth_date, p.birth_year, p.relation, p.is_head, p.phone,
            p.citizen_id_sealed, p.citizen_id_hash, p.citizen_id_mask, h.code
          FROM persons p JOIN households h ON h.id = p.household_id
          WHERE h.ward_unit_id = ${wardA.unitId} ORDER BY h.code, p.position`,
    );
    expect(persons.map((p) => [p.code, p.ho, p.ten_dem, p.ten, p.relation, p.is_head])).toEqual([
      ['HK001', 'Nguyễn', 'Văn', 'An', 'head', true],
      ['HK001', 'Trần', 'Thị', 'Bình', 'wife', false],
      ['HK001', 'Nguyễn', 'Minh', 'Châu', 'child', false],
      ['HK002', 'Lê', 'Thị', 'Dung', 'head', true],
      ['HK002', 'Phạm', 'Văn', 'Đức', 'grandchild', false],
    ]);
    const an = persons[0]!;
    expect(an).toMatchObject({
      search_name: 'nguyen van an',
      sex: 'male',
      birth_date: '1975-05-15',
      birth_year: 1975,
      phone: '0912345678',
      citizen_id_mask: '001*******45',
    });
    expect(an.sort_key).toBe(personSortKey({ ho: 'Nguyễn', tenDem: 'Văn', ten: 'An' }));
    expect(an.citizen_id_sealed).not.toContain('001075012345');
    expect(sealer.open(an.citizen_id_sealed!, `person:${an.id}:citizen_id`)).toBe('001075012345');
    const dung = persons[3]!;
    expect(dung).toMatchObject({ birth_date: null, birth_year: 1950 });
    expect(persons[2]!.citizen_id_sealed).toBeNull();

    const households = await queryRows<{ code: string; address: string; phone: string; search_text: string }>(
      t.db,
      sql`SELECT code, address, phone, search_text FROM households WHERE ward_unit_id = ${wardA.unitId} ORDER BY code`,
    );
    expect(households[0]).toMatchObject({
      code: 'HK001',
      address: 'Số 12 ngõ 34 phố Đông Ngạc',
      phone: '0912345678',
    });
    expect(households[0]!.search_text).toBe(
      foldDiacritics('HK001 Số 12 ngõ 34 phố Đông Ngạc Nguyễn Văn An Trần Thị Bình Nguyễn Minh Châu'),
    );

    // The register's own pages read what the import wrote.
    const list = await t.call('GET', `/api/households?unit=${wardA.code}&at=${at}&q=tran thi binh`, {
      cookie: cookieA,
    });
    expect(list.statusCode, list.body).toBe(200);
    const [listed] = list.json().items;
    expect(listed).toMatchObject({
      code: 'HK001',
      groupName: 'Tổ dân phố số 1',
      memberCount: 3,
      headName: 'Nguyễn Văn An',
    });
    const detail = await t.call('GET', `/api/households/${listed.id}`, { cookie: cookieA });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(
      detail
        .json()
        .members.map((member: { fullName: string; citizenIdMasked: string | null }) => [
          member.fullName,
          member.citizenIdMasked,
        ]),
    ).toEqual([
      ['Nguyễn Văn An', '001*******45'],
      ['Trần Thị Bình', '001*******56'],
      ['Nguyễn Minh Châu', null],
    ]);

    const placements = await queryRows<{
      code: string;
      group_unit_id: string;
      valid_from: string;
      valid_to: null;
    }>(
      t.db,
      sql`SELECT h.code, pl.group_unit_id::text AS group_unit_id, pl.valid_from::text AS valid_from, pl.valid_to
          FROM household_placements pl JOIN households h ON h.id = pl.household_id
          WHERE h.ward_unit_id = ${wardA.unitId} ORDER BY h.code`,
    );
    expect(placements).toEqual([
      { code: 'HK001', group_unit_id: group1.unitId, valid_from: at, valid_to: null },
      // "TDP 2" names "Tổ dân phố số 2": the only group 2 of the ward.
      { code: 'HK002', group_unit_id: group2.unitId, valid_from: at, valid_to: null },
    ]);

    const categories = await queryRows<{ code: string; category: string; standard_period: string | null }>(
      t.db,
      sql`SELECT h.code, c.category, c.standard_period FROM household_categories c
          JOIN households h ON h.id = c.household_id
          WHERE h.ward_unit_id = ${wardA.unitId} AND c.valid_from = ${at} ORDER BY h.code, c.category`,
    );
    expect(categories).toEqual([
      { code: 'HK001', category: 'near_poor', standard_period: '2022-2026' },
      { code: 'HK002', category: 'lone_elderly', standard_period: null },
      { code: 'HK002', category: 'policy_martyr', standard_period: null },
    ]);

    const audit = await queryRows<{ action: string; entity_type: string; unit_id: string; after: unknown }>(
      t.db,
      sql`SELECT action, entity_type, unit_id::text AS unit_id, after FROM audit_events
          WHERE entity_id = ${job.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'import',
      entity_type: 'household_import',
      unit_id: wardA.unitId,
    });
    const after = JSON.stringify(audit[0]!.after);
    expect(after).toContain('"personsCreated":5');
    for (const secret of ['001075012345', 'Nguyễn', 'Đông Ngạc', '0912345678'])
      expect(after).not.toContain(secret);
  });

  it('updates on a second import instead of duplicating: changed cells, a move with history, members kept', async () => {
    const before = { households: await householdCount(wardA), persons: await personCount(wardA) };
    const same = await importFile(csvFile([family.an, family.binh, family.chau, family.dung, family.duc]));
    expect(same).toMatchObject({
      status: 'done',
      imported: 5,
      householdsCreated: 0,
      householdsUpdated: 2,
      personsCreated: 0,
      personsUpdated: 5,
      householdsMoved: 0,
      categoriesAdded: 0,
      membersKept: 0,
    });
    expect(await householdCount(wardA)).toBe(before.households);
    expect(await personCount(wardA)).toBe(before.persons);

    // A year later: An's phone changed, HK002 moved to group 1, Đức left the file (kept).
    const later = '2025-03-01';
    const changed = await importFile(
      csvFile([
        { ...family.an, phone: '0987654321' },
        family.binh,
        family.chau,
        { ...family.dung, group: 'Tổ dân phố số 1' },
      ]),
      { at: later },
    );
    expect(changed).toMatchObject({
      status: 'done',
      householdsCreated: 0,
      householdsUpdated: 2,
      householdsMoved: 1,
      personsCreated: 0,
      personsUpdated: 4,
      membersKept: 1,
    });
    expect(await personCount(wardA)).toBe(before.persons);
    const phones = await queryRows<{ phone: string }>(
      t.db,
      sql`SELECT p.phone FROM persons p JOIN households h ON h.id = p.household_id
          WHERE h.ward_unit_id = ${wardA.unitId} AND p.search_name = 'nguyen van an'`,
    );
    expect(phones).toEqual([{ phone: '0987654321' }]);
    const history = await queryRows<{ group_unit_id: string; valid_from: string; valid_to: string | null }>(
      t.db,
      sql`SELECT pl.group_unit_id::text AS group_unit_id, pl.valid_from::text AS valid_from, pl.valid_to::text AS valid_to
          FROM household_placements pl JOIN households h ON h.id = pl.household_id
          WHERE h.ward_unit_id = ${wardA.unitId} AND h.code = 'HK002' ORDER BY pl.valid_from`,
    );
    expect(history).toEqual([
      { group_unit_id: group2.unitId, valid_from: at, valid_to: later },
      { group_unit_id: group1.unitId, valid_from: later, valid_to: null },
    ]);
    // The register's search still finds the household by the member the file left out.
    const found = await t.call('GET', `/api/households?unit=${wardA.code}&at=${later}&q=pham van duc`, {
      cookie: cookieA,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((item: { code: string }) => item.code)).toEqual(['HK002']);
  });

  it('reads .xlsx files, with dates typed as Excel dates', async () => {
    const file = await xlsxFile([
      ['Danh sách hộ gia đình tổ dân phố số 2'],
      [
        'Mã hộ',
        'Tổ dân phố',
        'Địa chỉ',
        'Họ và tên',
        'Quan hệ với chủ hộ',
        'Giới tính',
        'Ngày sinh',
        'Số CCCD',
      ],
      [
        'HK100',
        'Tổ dân phố số 2',
        'Số 1 ngõ 5',
        'Hoàng Văn Giang',
        'Chủ hộ',
        'Nam',
        new Date(Date.UTC(1980, 0, 2)),
        '001080011111',
      ],
      ['HK100', 'Tổ dân phố số 2', 'Số 1 ngõ 5', 'Vũ Thị Hoa', 'Vợ', 'Nữ', '1982', ''],
    ]);
    const job = await importFile(file, { fileName: 'ho.xlsx' });
    expect(job).toMatchObject({ status: 'done', imported: 2, householdsCreated: 1 });
    const rows = await queryRows<{ birth_date: string | null }>(
      t.db,
      sql`SELECT p.birth_date::text AS birth_date FROM persons p JOIN households h ON h.id = p.household_id
          WHERE h.code = 'HK100' AND p.is_head`,
    );
    expect(rows).toEqual([{ birth_date: '1980-01-02' }]);
  });
});

describe('modes and the error report', () => {
  const good: FileRow = {
    code: 'M001',
    group: 'Tổ dân phố số 2',
    name: 'Đỗ Văn Khoa',
    relation: 'Chủ hộ',
    sex: 'Nam',
    birth: '1990',
  };
  const bad: FileRow[] = [
    { code: 'M002', group: 'Tổ dân phố số 2', name: 'Đỗ Thị Lan', relation: 'Chủ hộ', birth: '31/02/1990' },
    { code: 'M002', group: 'Tổ dân phố số 2', name: 'Đỗ Văn Minh', relation: 'Con', sex: 'X' },
    { code: 'M003', group: 'Tổ 9', name: 'Bùi Văn Nam', relation: 'Chủ hộ' },
  ];

  it('check validates and writes nothing; strict writes nothing when a row is wrong; valid imports the rest', async () => {
    const before = await householdCount(wardA);
    const file = csvFile([good, ...bad]);
    const checked = await importFile(file, { mode: 'check' });
    expect(checked).toMatchObject({
      status: 'done',
      total: 4,
      imported: 0,
      rejected: 3,
      validRows: 1,
      householdsValid: 1,
      householdsRejected: 2,
      errorCount: 3,
    });
    expect(checked.message).toContain('chưa ghi gì');
    expect(checked.errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Ngày sinh'],
      [4, 'Giới tính'],
      [5, 'Tổ dân phố'],
    ]);
    expect(checked.errors[2]!.reason).toContain('Không có tổ dân phố "Tổ 9" trong Phường Đông Ngạc');
    expect(await householdCount(wardA)).toBe(before);

    const strict = await importFile(file, { mode: 'strict' });
    expect(strict).toMatchObject({ status: 'done', imported: 0, rejected: 3, householdsImported: 0 });
    expect(strict.message).toContain('chưa ghi gì');
    expect(strict.messageEn).toContain('strict mode wrote nothing');
    expect(await householdCount(wardA)).toBe(before);

    const valid = await importFile(file);
    expect(valid).toMatchObject({ status: 'done', imported: 1, rejected: 3, householdsImported: 1 });
    expect(await householdCount(wardA)).toBe(before + 1);

    const report = await t.call('GET', `/api/imports/${valid.id}/errors.csv`, { cookie: cookieA });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toContain('attachment');
    const text = report.body;
    expect(text.startsWith('\uFEFFDòng,Cột,Lý do\r\n')).toBe(true);
    expect(text).toContain('3,Ngày sinh,');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    const english = await t.call('GET', `/api/imports/${valid.id}/errors.csv?lang=en`, { cookie: cookieA });
    expect(english.body.startsWith('\uFEFFRow,Column,Reason')).toBe(true);
  });

  it('needs the residential group of a household new to the register', async () => {
    const job = await importFile(csvFile([{ code: 'M010', name: 'Ngô Văn Phong', relation: 'Chủ hộ' }]));
    expect(job).toMatchObject({ status: 'done', imported: 0, rejected: 1 });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Tổ dân phố', reason: expect.stringContaining('M010') }),
    ]);
  });
});

describe('authorization', () => {
  it('lets only those who may write households in the ward import, and hides jobs from the others', async () => {
    const file = csvFile([{ ...family.an, code: 'AUTH1' }]);
    expect((await startImport(file, { cookie: cookieB })).statusCode).toBe(403);
    expect((await startImport(file, { cookie: cookieViewerA })).statusCode).toBe(403);
    const anonymous = await multipart(file);
    expect(
      (
        await t.call('POST', `/api/households/import?unit=${wardA.code}`, {
          payload: anonymous.payload,
          headers: anonymous.headers,
        })
      ).statusCode,
    ).toBe(401);
    expect(await count(sql`SELECT count(*) AS n FROM households WHERE code = 'AUTH1'`)).toBe(0);

    const job = await importFile(file, { mode: 'check' });
    for (const cookie of [cookieB, cookieViewerA]) {
      expect((await t.call('GET', `/api/imports/${job.id}`, { cookie })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/imports/${job.id}/errors.csv`, { cookie })).statusCode).toBe(404);
    }
    expect((await t.call('GET', `/api/imports/${crypto.randomUUID()}`, { cookie: cookieA })).statusCode).toBe(
      404,
    );
  });
});

describe('the ward and its date', () => {
  it('refuses a ward that ended before the date, telling its period, and an unknown or non-ward unit', async () => {
    const file = csvFile([family.an]);
    const ended = await startImport(file, { at: '2025-08-01' });
    expect(ended.statusCode).toBe(400);
    expect(ended.json()).toMatchObject({
      code: 'import.ward_not_on_date',
      message: expect.stringContaining('đến hết 30/06/2025'),
      messageEn: expect.stringContaining('until 2025-06-30'),
    });
    const unknown = await startImport(file, { unit: 'ZZ999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('ZZ999');
    const group = await startImport(file, { unit: group1.code });
    expect(group.statusCode).toBe(400);
    expect(group.json().code).toBe('import.not_a_ward');
    const badDate = await startImport(file, { at: '2024-02-30' });
    expect(badDate.statusCode).toBe(400);
  });
});

describe('the API description', () => {
  it('documents the import endpoints with their contracts', async () => {
    const response = await t.call('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    for (const path of [
      '/api/households/import',
      '/api/households/import/inspect',
      '/api/imports/{id}',
      '/api/imports/{id}/errors.csv',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const start = document.paths['/api/households/import'].post;
    expect(start.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['unit', 'mode', 'at']),
    );
    expect(Object.keys(start.responses)).toContain('202');
  });
});
