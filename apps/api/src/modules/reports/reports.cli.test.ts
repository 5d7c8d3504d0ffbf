import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoanket, withChildDatabase } from '../../../test/cli';
import { type BuiltUnit, buildDistrict, buildProvince, buildWard } from '../../../test/factories';
import { createChildDatabaseEnv } from '../../../test/harness';

let dir: string;
let database: Awaited<ReturnType<typeof createChildDatabaseEnv>>;
let env: Record<string, string>;
let district: BuiltUnit;

const doanket = (args: string[]) => runDoanket(args, { cwd: dir, env });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-report-cli-'));
  database = await createChildDatabaseEnv(path.join(dir, 'data'));
  env = database.env;
  district = await withChildDatabase(env, async (db) => {
    const province = await buildProvince(db);
    const built = await buildDistrict(db, province, { name: 'Quận Thử Nghiệm' });
    await buildWard(db, built);
    return built;
  });
}, 120_000);
afterAll(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('doanket report annual', () => {
  it('writes the year-end report as DOCX and says where and how big', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    const result = await doanket([
      'report',
      'annual',
      '--unit',
      district.code,
      '--year',
      '2021',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Đang lập báo cáo tổng kết năm 2021 của ${district.code}`);
    expect(result.stdout).toMatch(/Đã ghi .*bao-cao\.docx \(\d+ KB, [\d,]+ s\) \/ wrote /);
    const document = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['word/document.xml']!);
    expect(document).toContain('QUẬN THỬ NGHIỆM');
    expect(document).toContain('Tổng kết công tác Mặt trận năm 2021');
  }, 120_000);

  it('fails cleanly on an unknown unit, a unit gone that year, a bad year or extension', async () => {
    const out = path.join(dir, 'khong-co.docx');
    const unknown = await doanket(['report', 'annual', '--unit', '99999', '--year', '2021', '--out', out]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Không có đơn vị mã / no unit with code 99999');
    expect(fs.existsSync(out)).toBe(false);

    const gone = await doanket(['report', 'annual', '--unit', district.code, '--year', '2030', '--out', out]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('không tồn tại năm 2030');

    const badYear = await doanket(['report', 'annual', '--unit', district.code, '--year', 'x', '--out', out]);
    expect(badYear.code).not.toBe(0);
    expect(badYear.stderr).toContain('Năm không hợp lệ');

    const badFormat = await doanket([
      'report',
      'annual',
      '--unit',
      district.code,
      '--year',
      '2021',
      '--out',
      'a.odt',
    ]);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toContain('.docx, .pdf');
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);
});
