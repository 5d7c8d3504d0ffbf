import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltUnit,
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
import { createSealer } from '../../lib/crypto';
import {
  csvFile,
  type FileRow,
  family,
  multipart,
  templateHeaders,
  xlsxFile,
} from './households-import.fixtures';
import { insertImportJob } from './households-import.repository';
import { newDetails } from './households-import.service';

// Uploads land in the temporary directory: a private one shows that none is left behind.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-import-test-'));
process.env.TMPDIR = tmp;
const leftovers = () =>
  fs.readdirSync(tmp, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

let t: TestApp;
let ward: BuiltUnit;
let cookie: string;
let viewerCookie: string;
const at = '2024-03-01';

beforeAll(async () => {
  t = await createTestApp();
  t.app.sealer = createSealer(randomBytes(32));
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province);
  ward = await buildWard(t.db, district, { name: 'Phường Thụy Phương' });
  await buildResidentialGroup(t.db, ward, { name: 'Tổ dân phố số 1' });
  await buildResidentialGroup(t.db, ward, { name: 'Tổ dân phố số 2' });
  cookie = await login(t.app, await buildOfficer(t.db, ward));
  viewerCookie = await login(t.app, await buildViewer(t.db, ward));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Job = {
  id: string;
  status: string;
  imported: number;
  rejected: number;
  householdsImported: number;
  duplicatesFlagged: number;
  message: string | null;
  messageEn: string | null;
  errors: Array<{ row: number; column: string; reason: string; reasonEn: string }>;
  errorCount: number;
};

async function post(
  url: string,
  file: Buffer | null,
  fileName = 'ho.csv',
  fields: Record<string, string> = {},
) {
  const body = await multipart(file, fileName, fields);
  return t.call('POST', url, { cookie, payload: body.payload, headers: body.headers });
}

const importUrl = (mode = 'valid') => `/api/households/import?unit=${ward.code}&mode=${mode}&at=${at}`;

async function waitForJob(id: string): Promise<Job> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    const response = await t.call('GET', `/api/imports/${id}`, { cookie });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json() as Job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function importFile(file: Buffer, fileName = 'ho.csv', mode = 'valid', fields = {}): Promise<Job> {
  const response = await post(importUrl(mode), file, fileName, fields);
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(response.json().id);
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number | string }>(t.db, query))[0]!.n);
const households = () => count(sql`SELECT count(*) AS n FROM households WHERE ward_unit_id = ${ward.unitId}`);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
// "Nguyễn Văn Anh" and "Chủ hộ", byte by byte from the Windows-1258 and TCVN3 (ABC) code tables.
const cp1258 = {
  name: [0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0xc1, 0x6e, 0x68],
  head: [0x43, 0x68, 0x75, 0xd2, 0x20, 0x68, 0xf4, 0xf2],
};
const tcvn3 = {
  name: [0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e, 0x20, 0x56, 0xa8, 0x6e, 0x20, 0x83, 0x6e, 0x68],
  head: [0x43, 0x68, 0xf1, 0x20, 0x68, 0xe9],
};
const legacyCsv = (sample: typeof cp1258) =>
  Buffer.from([
    ...ascii('Ma ho,To dan pho,Ho va ten,Quan he voi chu ho\r\nHK01,To dan pho so 1,'),
    ...sample.name,
    ...ascii(','),
    ...sample.head,
    13,
    10,
  ]);

describe('POST /api/households/import/inspect', () => {
  it('previews the header row, the mapping and the first rows; unknown headers go to the mapping step', async () => {
    const response = await post('/api/households/import/inspect', csvFile([family.an, family.binh]));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'csv',
      encoding: 'utf-8',
      headerRow: 1,
      headers: templateHeaders,
      missing: [],
      unknown: [],
      mapping: { householdCode: 0, fullName: 3, relation: 4, categories: 9 },
    });
    expect(body.sampleRows).toHaveLength(2);
    expect(body.fields[0]).toEqual({ field: 'householdCode', header: 'Mã hộ', required: true });

    const other = await post(
      '/api/households/import/inspect',
      Buffer.from('Số sổ,Họ tên người,QH\r\nA1,Nguyễn Văn An,Chủ hộ\r\n'),
    );
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({
      missing: ['householdCode', 'fullName', 'relation'],
      unknown: [
        { index: 0, header: 'Số sổ' },
        { index: 1, header: 'Họ tên người' },
        { index: 2, header: 'QH' },
      ],
    });
  });

  it('refuses legacy encodings, files that are not spreadsheets, cut or empty files, with a clear message', async () => {
    const refusals: Array<[Buffer, string, string, RegExp]> = [
      [legacyCsv(cp1258), 'ho.csv', 'file.legacy_encoding', /Windows-1258/],
      [legacyCsv(tcvn3), 'ho.csv', 'file.legacy_encoding', /TCVN3/],
      [
        Buffer.from('%PDF-1.4\n%\xff\xfe\x00\x01binary'),
        'ho.pdf',
        'file.unsupported',
        /không phải CSV hay Excel/,
      ],
      [(await xlsxFile([templateHeaders])).subarray(0, 300), 'ho.xlsx', 'file.xlsx_corrupt', /bị hỏng/],
      [Buffer.alloc(0), 'ho.csv', 'file.empty', /trống/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ho.xls', 'file.xls', /\.xls/],
    ];
    for (const [file, name, code, message] of refusals) {
      const response = await post('/api/households/import/inspect', file, name);
      expect(response.statusCode, `${name} ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(response.json().messageEn).toBeTruthy();
    }
    expect(leftovers()).toEqual([]);
  });

  it('asks for a file, as multipart, from someone who may import', async () => {
    const noFile = await post('/api/households/import/inspect', null, 'x', { note: 'x' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('import.no_file');
    const json = await t.call('POST', '/api/households/import/inspect', { cookie, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().message).toContain('multipart/form-data');
    const body = await multipart(csvFile([family.an]));
    const viewer = await t.call('POST', '/api/households/import/inspect', {
      cookie: viewerCookie,
      payload: body.payload,
      headers: body.headers,
    });
    expect(viewer.statusCode).toBe(403);
  });
});

describe('bad files and rows', () => {
  it('refuses an upload over 50 MB before anything is stored or started', async () => {
    const jobsBefore = await count(sql`SELECT count(*) AS n FROM import_jobs WHERE unit_id = ${ward.unitId}`);
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 'a');
    const response = await post(importUrl(), big, 'lon.csv');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'file.too_large',
      message: expect.stringContaining('50 MB'),
    });
    expect(await count(sql`SELECT count(*) AS n FROM import_jobs WHERE unit_id = ${ward.unitId}`)).toBe(
      jobsBefore,
    );
    expect(leftovers()).toEqual([]);
  });

  it('fails a job on a legacy-encoded file, a cut quote or missing columns, writing nothing', async () => {
    const before = await households();
    const legacy = await importFile(legacyCsv(cp1258));
    expect(legacy).toMatchObject({ status: 'failed', imported: 0 });
    expect(legacy.message).toContain('Windows-1258');
    expect(legacy.messageEn).toContain('Windows-1258');
    const report = await t.call('GET', `/api/imports/${legacy.id}/errors.csv`, { cookie });
    expect(report.body).toContain('Windows-1258');

    const quote = Buffer.from(
      `${templateHeaders.join(',')}\r\nHK001,Tổ dân phố số 1,,Nguyễn Văn An,Chủ hộ\r\nHK001,Tổ dân phố số 1,,"Trần Thị Bình,Vợ\r\n`,
    );
    const cut = await importFile(quote);
    expect(cut).toMatchObject({ status: 'failed', imported: 0 });
    expect(cut.message).toMatch(/dấu ngoặc kép/i);

    const missing = await importFile(Buffer.from('Mã hộ,Họ và tên\r\nHK1,Nguyễn Văn An\r\n'));
    expect(missing).toMatchObject({ status: 'failed', imported: 0 });
    expect(missing.message).toContain('Quan hệ với chủ hộ');
    expect(await households()).toBe(before);
  });

  it('imports a file with other headers through the mapping, and refuses a bad mapping', async () => {
    const file = Buffer.from(
      'STT,Số sổ,Họ tên người,QH,Tổ\r\n1,MAP01,Đinh Văn Quý,Chủ hộ,Tổ dân phố số 1\r\n2,MAP01,Đinh Thị Rạng,Vợ,Tổ dân phố số 1\r\n',
    );
    const mapping = JSON.stringify({ householdCode: 1, fullName: 2, relation: 3, residentialGroup: 4 });
    const job = await importFile(file, 'ho.csv', 'valid', { mapping });
    expect(job).toMatchObject({ status: 'done', imported: 2, householdsImported: 1 });

    for (const bad of ['{', '{"householdCode": "B"}', '{"householdCode": 1, "fullName": 1, "relation": 2}']) {
      const response = await post(importUrl(), file, 'ho.csv', { mapping: bad });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().message).toBeTruthy();
    }
    const incomplete = await post(importUrl(), file, 'ho.csv', { mapping: '{"householdCode": 1}' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ code: 'file.missing_columns' });
  });

  it('reports wrong types, impossible dates, repeated rows and formula cells row by row, writing nothing of them', async () => {
    const before = await households();
    const file = await xlsxFile(
      [
        templateHeaders,
        [
          'B01',
          'Tổ dân phố số 1',
          'Số 1',
          'Kiều Văn Sơn',
          'Chủ hộ',
          'Nam',
          '30/02/1980',
          '001080099999',
          'abc',
          '',
        ],
        [
          'B01',
          'Tổ dân phố số 1',
          'Số 1',
          'Kiều Thị Tâm',
          'Vợ',
          'Nữ',
          '01/01/2090',
          '12345',
          '',
          'Hộ siêu giàu',
        ],
        ['B02', 'Tổ dân phố số 2', 'Số 2', 'Lý Văn Uy', 'Chủ hộ', 'Nam', '1970', '', '', ''],
        ['B02', 'Tổ dân phố số 2', 'Số 2', 'Lý Văn Uy', 'Chủ hộ', 'Nam', '1970', '', '', ''],
        ['B03', 'Tổ dân phố số 2', 'Số 3', 'Mai Văn Vinh', 'Chủ hộ', 'Nam', 1975, '', '', ''],
        ['B04', 'Tổ dân phố số 2', 'Số 4', 'Hà Văn Xuân', 'Chủ hộ', 'Nam', '1960', '', '', ''],
      ],
      (sheet) => {
        sheet.getCell('F6').value = { formula: 'IF(1,"Nam","Nữ")', result: 'Nam' } as never;
      },
    );
    const job = await importFile(file, 'ho.xlsx', 'check');
    expect(job).toMatchObject({ status: 'done', imported: 0 });
    const errors = job.errors.map((error) => [error.row, error.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [2, 'Ngày sinh'],
        [2, 'Số điện thoại'],
        [3, 'Ngày sinh'],
        [3, 'Số CCCD'],
        [3, 'Diện hộ'],
        [5, 'Họ và tên'],
        [6, 'Giới tính'],
      ]),
    );
    expect(job.errors.find((error) => error.row === 6)!.reason).toContain('công thức');
    expect(job.errors.find((error) => error.row === 5)!.reason).toContain('trùng với dòng 4');
    const written = await importFile(file, 'ho.xlsx');
    // Only B04 is clean; B01–B03 have errors, so none of their rows is written.
    expect(written).toMatchObject({ status: 'done', imported: 1, householdsImported: 1 });
    expect(await households()).toBe(before + 1);
  });
});

describe('failures and interruptions', () => {
  it('leaves nothing of the file written when the database fails part-way', async () => {
    const first = await importFile(csvFile([{ ...family.an, code: 'F0000', phone: '0911111111' }]));
    expect(first.status).toBe('done');
    const before = await households();
    await t.db.execute(
      sql.raw(`CREATE FUNCTION fail_on_marked_person() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.ten = 'Hỏng' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`),
    );
    await t.db.execute(
      sql.raw(`CREATE TRIGGER fail_on_marked_person BEFORE INSERT OR UPDATE ON persons
        FOR EACH ROW EXECUTE FUNCTION fail_on_marked_person()`),
    );
    try {
      // Three batches of 2,500 persons: the failure is in the last, after two were written.
      const rows: FileRow[] = [{ ...family.an, code: 'F0000', phone: '0922222222' }];
      for (let h = 1; h <= 3200; h++) {
        const code = `F${String(h).padStart(4, '0')}`;
        rows.push({ code, group: 'Tổ dân phố số 1', name: `Trương Văn Khải ${h}`, relation: 'Chủ hộ' });
        rows.push({
          code,
          group: 'Tổ dân phố số 1',
          name: `Trương Thị ${h === 3200 ? 'Hỏng' : 'Lành'}`,
          relation: 'Vợ',
        });
      }
      const job = await importFile(csvFile(rows));
      expect(job).toMatchObject({ status: 'failed', imported: 0, householdsImported: 0 });
      expect(job.message).toContain('không có dữ liệu nào của tệp được ghi');
      expect(await households()).toBe(before);
      const phone = await queryRows<{ phone: string }>(
        t.db,
        sql`SELECT p.phone FROM persons p JOIN households h ON h.id = p.household_id
            WHERE h.ward_unit_id = ${ward.unitId} AND h.code = 'F0000'`,
      );
      expect(phone).toEqual([{ phone: '0911111111' }]);
      expect(await count(sql`SELECT count(*) AS n FROM audit_events WHERE entity_id = ${job.id}`)).toBe(0);
    } finally {
      await t.db.execute(sql.raw('DROP TRIGGER fail_on_marked_person ON persons'));
      await t.db.execute(sql.raw('DROP FUNCTION fail_on_marked_person()'));
    }
  });

  it('marks a job failed when the process running it is gone', async () => {
    const details = newDetails({ unitId: ward.unitId, code: ward.code, name: ward.name, at });
    details.heartbeat = new Date(Date.now() - 3_600_000).toISOString();
    const id = await insertImportJob(t.db, {
      unitId: ward.unitId,
      userId: null,
      fileName: 'x.csv',
      mode: 'valid',
      details,
    });
    await t.db.execute(sql`UPDATE import_jobs SET status = 'running' WHERE id = ${id}`);
    const response = await t.call('GET', `/api/imports/${id}`, { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('gián đoạn'),
      messageEn: expect.stringContaining('interrupted'),
    });

    const fresh = await insertImportJob(t.db, {
      unitId: ward.unitId,
      userId: null,
      fileName: 'y.csv',
      mode: 'valid',
      details: newDetails({ unitId: ward.unitId, code: ward.code, name: ward.name, at }),
    });
    await t.db.execute(sql`UPDATE import_jobs SET status = 'running' WHERE id = ${fresh}`);
    expect((await t.call('GET', `/api/imports/${fresh}`, { cookie })).json().status).toBe('running');
  });
});

describe('possible duplicates', () => {
  it('flags the same citizen ID in another household, and a namesake born the same day in the ward', async () => {
    const first = await importFile(
      csvFile([
        {
          code: 'D001',
          group: 'Tổ dân phố số 1',
          name: 'Tạ Văn Yên',
          relation: 'Chủ hộ',
          sex: 'Nam',
          birth: '01/02/1971',
          citizenId: '001071054321',
        },
      ]),
    );
    expect(first).toMatchObject({ status: 'done', duplicatesFlagged: 0 });
    const second = await importFile(
      csvFile([
        {
          code: 'D002',
          group: 'Tổ dân phố số 2',
          name: 'Tạ Minh Khôi',
          relation: 'Chủ hộ',
          sex: 'Nam',
          birth: '1971',
          citizenId: '001071054321',
        },
        {
          code: 'D003',
          group: 'Tổ dân phố số 2',
          name: 'Tạ Văn Yên',
          relation: 'Chủ hộ',
          sex: 'Nam',
          birth: '01/02/1971',
        },
      ]),
    );
    expect(second).toMatchObject({ status: 'done', imported: 2, duplicatesFlagged: 2 });
    const flags = await queryRows<{ reason: string }>(
      t.db,
      sql`SELECT reason FROM duplicate_flags WHERE ward_unit_id = ${ward.unitId} ORDER BY reason`,
    );
    expect(flags.map((flag) => flag.reason)).toEqual(['citizen_id', 'name_birth']);
    // Importing the same file again flags nothing new.
    const again = await importFile(
      csvFile([
        {
          code: 'D002',
          group: 'Tổ dân phố số 2',
          name: 'Tạ Minh Khôi',
          relation: 'Chủ hộ',
          sex: 'Nam',
          birth: '1971',
          citizenId: '001071054321',
        },
      ]),
    );
    expect(again).toMatchObject({ status: 'done', duplicatesFlagged: 0 });

    // Namesakes within one file, in two households: one pair; born on other days: none.
    const namesake = { group: 'Tổ dân phố số 1', name: 'Ông Văn Lực', relation: 'Chủ hộ', sex: 'Nam' };
    const within = await importFile(
      csvFile([
        { ...namesake, code: 'D010', birth: '05/06/1980' },
        { ...namesake, code: 'D011', birth: '05/06/1980' },
        { ...namesake, code: 'D012', birth: '06/06/1980' },
      ]),
    );
    expect(within).toMatchObject({ status: 'done', imported: 3, duplicatesFlagged: 1 });
  });
});
