import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoanket, withChildDatabase } from '../../../test/cli';
import { buildDistrict, buildProvince, buildResidentialGroup, buildWard } from '../../../test/factories';
import { createChildDatabaseEnv } from '../../../test/harness';
import { type Db, queryRows } from '../../db/client';
import { csvFile, family } from './households-import.fixtures';

let dir: string;
let database: Awaited<ReturnType<typeof createChildDatabaseEnv>>;
let env: Record<string, string>;
let wardCode: string;

const doanket = (args: string[]) => runDoanket(args, { cwd: dir, env });
const withDatabase = <T>(use: (db: Db) => Promise<T>) => withChildDatabase(env, use);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-import-cli-'));
  database = await createChildDatabaseEnv(path.join(dir, 'data'));
  env = { ...database.env, DOANKET_DATA_KEY: randomBytes(32).toString('base64') };
  wardCode = await withDatabase(async (db) => {
    const province = await buildProvince(db);
    const district = await buildDistrict(db, province);
    const ward = await buildWard(db, district, { name: 'Phường Cổ Nhuế 1' });
    await buildResidentialGroup(db, ward, { name: 'Tổ dân phố số 1' });
    await buildResidentialGroup(db, ward, { name: 'Tổ dân phố số 2' });
    return ward.code;
  });
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const summaryLine =
  /Đã nhập (\d+) dòng, từ chối (\d+) dòng, \d+ dòng\/giây \/ Imported \1 rows, rejected \2 rows, \d+ rows\/s/;

describe('doanket households import', () => {
  it('imports a file, prints the summary line, and updates rather than duplicates on a second run', async () => {
    const file = path.join(dir, 'ho-gia-dinh.csv');
    fs.writeFileSync(file, csvFile([family.an, family.binh, family.chau, family.dung, family.duc]));
    const args = ['households', 'import', file, '--unit', wardCode, '--at', '2024-03-01'];
    const first = await doanket(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(summaryLine);
    expect(first.stdout.match(summaryLine)!.slice(1, 3)).toEqual(['5', '0']);
    expect(first.stdout).toContain('2 mới / new, 0 cập nhật / updated');
    expect(first.stderr).toContain('đọc, kiểm tra / reading, checking');
    expect(fs.existsSync(path.join(dir, 'ho-gia-dinh.loi.csv'))).toBe(false);

    const second = await doanket(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.match(summaryLine)!.slice(1, 3)).toEqual(['5', '0']);
    expect(second.stdout).toContain('0 mới / new, 2 cập nhật / updated');
    const counts = await withDatabase((db) =>
      queryRows<{ households: number | string; persons: number | string; imports: number | string }>(
        db,
        sql`SELECT (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM persons) AS persons,
              (SELECT count(*) FROM audit_events WHERE action = 'import' AND entity_type = 'household_import') AS imports`,
      ),
    );
    expect(Object.values(counts[0]!).map(Number)).toEqual([2, 5, 2]);
  });

  it('writes the error report next to the file and exits non-zero when nothing was imported', async () => {
    const file = path.join(dir, 'loi.csv');
    fs.writeFileSync(
      file,
      csvFile([
        {
          code: 'E1',
          group: 'Tổ dân phố số 1',
          name: 'Cao Văn Bảo',
          relation: 'Chủ hộ',
          birth: '31/04/1990',
        },
        { code: 'E2', group: 'Tổ dân phố số 9', name: 'Cao Văn Cường', relation: 'Chủ hộ' },
      ]),
    );
    const result = await doanket(['households', 'import', file, '--unit', wardCode, '--at', '2024-03-01']);
    expect(result.code).toBe(1);
    expect(result.stdout.match(summaryLine)!.slice(1, 3)).toEqual(['0', '2']);
    const report = fs.readFileSync(path.join(dir, 'loi.loi.csv'), 'utf8');
    expect(report).toContain('Dòng,Cột,Lý do');
    expect(report).toContain('2,Ngày sinh,');
    expect(report).toContain('3,Tổ dân phố,');

    const custom = path.join(dir, 'bao-cao.csv');
    const strict = await doanket([
      'households',
      'import',
      file,
      '--unit',
      wardCode,
      '--mode',
      'strict',
      '--at',
      '2024-03-01',
      '--report',
      custom,
    ]);
    expect(strict.code).toBe(1);
    expect(fs.existsSync(custom)).toBe(true);
  });

  it('refuses an unknown ward, a bad option and a legacy-encoded file with a clear message', async () => {
    const file = path.join(dir, 'ho-gia-dinh.csv');
    const unknown = await doanket(['households', 'import', file, '--unit', 'KHONGCO']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('KHONGCO');
    const badMode = await doanket(['households', 'import', file, '--unit', wardCode, '--mode', 'all']);
    expect(badMode.code).toBe(1);
    expect(badMode.stderr).toContain('--mode');
    const legacy = path.join(dir, 'cu.csv');
    fs.writeFileSync(
      legacy,
      Buffer.concat([
        Buffer.from('Ma ho,To dan pho,Ho va ten,Quan he voi chu ho\r\nHK01,To dan pho so 1,'),
        Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e]),
        Buffer.from(','),
        Buffer.from([0x43, 0x68, 0x75, 0xd2, 0x20, 0x68, 0xf4, 0xf2, 0x0d, 0x0a]),
      ]),
    );
    const result = await doanket(['households', 'import', legacy, '--unit', wardCode, '--at', '2024-03-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Windows-1258');
  });
});
