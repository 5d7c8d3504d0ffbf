import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { importColumns } from '@doanket/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorReportCsv,
  groupHouseholds,
  type HouseholdFileInput,
  type HouseholdRow,
  householdTemplateXlsx,
  inspectHouseholdFile,
  type ReadHouseholdRowsOptions,
  readHouseholdRows,
} from './households-file';

const today = '2025-06-01';
const template = importColumns.map((column) => column.header);

async function xlsx(rows: unknown[][], setup?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (lines: string[], bom = false) => Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);

async function read(
  input: HouseholdFileInput | Buffer,
  options: ReadHouseholdRowsOptions = {},
): Promise<HouseholdRow[]> {
  const rows: HouseholdRow[] = [];
  const source = Buffer.isBuffer(input) ? { source: input } : input;
  for await (const row of readHouseholdRows(source, { today, ...options })) rows.push(row);
  return rows;
}

async function readError(
  input: HouseholdFileInput | Buffer,
): Promise<{ code: string; message: string; messageEn: string; line?: number }> {
  try {
    await read(input);
  } catch (error) {
    return error as { code: string; message: string; messageEn: string };
  }
  throw new Error('expected a file error');
}

const codes = (row: HouseholdRow | undefined) => row?.errors.map((error) => error.code);

// Rows in template order: code, group, address, name, relation, sex, birth, CCCD, phone, categories.
const an = [
  'HK01',
  'Tổ 5',
  'Số 1 ngõ 2',
  'Nguyễn Văn An',
  'Chủ hộ',
  'Nam',
  '15/05/1975',
  '001075012345',
  '0912345678',
  'Hộ nghèo',
];
const binh = [
  'HK01',
  'Tổ 5',
  'Số 1 ngõ 2',
  'Trần Thị Bình',
  'Vợ',
  'Nữ',
  '02/09/1978',
  '001178023456',
  '',
  '',
];
const dung = ['HK02', 'Tổ 5', 'Số 7 ngõ 2', 'Lê Thị Dung', 'Chủ hộ', 'Nữ', '1950', '036150045678', '', ''];

// Byte samples from packages/domain/src/residents/encoding.test.ts.
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const cp1258Name = [0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0xc1, 0x6e, 0x68];
const cp1258ChuHo = [0x43, 0x68, 0x75, 0xd2, 0x20, 0x68, 0xf4, 0xf2];
const tcvn3Name = [0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e, 0x20, 0x56, 0xa8, 0x6e, 0x20, 0x83, 0x6e, 0x68];
const tcvn3ChuHo = [0x43, 0x68, 0xf1, 0x20, 0x68, 0xe9];
const legacyCsv = (name: number[], head: number[]) =>
  Buffer.from([
    ...ascii('Ma ho,Ho va ten,Quan he voi chu ho\r\nHK01,'),
    ...name,
    ...ascii(','),
    ...head,
    13,
    10,
  ]);

describe('template', () => {
  it('round-trips: template → inspect → read → two valid households', async () => {
    const buffer = await householdTemplateXlsx();
    const inspection = await inspectHouseholdFile({ source: buffer, fileName: 'mau.xlsx' });
    expect(inspection).toMatchObject({
      ok: true,
      kind: 'xlsx',
      headerRow: 1,
      headers: template,
      missing: [],
    });
    if (!inspection.ok) throw new Error('inspection failed');
    expect(Object.keys(inspection.mapping)).toHaveLength(10);
    expect(inspection.sampleRows[0]?.values[3]).toBe('Nguyễn Văn An');

    const rows = await read(buffer);
    expect(rows.map((row) => row.errors)).toEqual(rows.map(() => []));
    const groups = await groupHouseholds(rows);
    expect(groups.errorReport).toEqual([]);
    expect(groups.valid.map((household) => [household.code, household.members.length])).toEqual([
      ['HK001', 3],
      ['HK002', 2],
    ]);
    const [first, second] = groups.valid;
    expect(first?.head.person).toMatchObject({
      ho: 'Nguyễn',
      tenDem: 'Văn',
      ten: 'An',
      sex: 'male',
      birthDate: '1975-05-15',
      birthPrecision: 'day',
      citizenId: '001075012345',
      phone: '0912345678',
      categories: ['near_poor'],
    });
    expect(second?.head.person).toMatchObject({ birthDate: null, birthYear: 1950, birthPrecision: 'year' });
    expect(second?.categories).toEqual(['policy_martyr', 'lone_elderly']);
    expect(second?.head.person.phone).toBe('02438264321');
  });

  it('has the exact headers, column widths and text date column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await householdTemplateXlsx()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(template);
    expect(sheet.getColumn(7).numFmt).toBe('@');
    expect(sheet.getCell('G2').value).toBe('15/05/1975');
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
  });
});

describe('headers and mapping', () => {
  it('accepts headers in capitals without diacritics, below a title row', async () => {
    const file = csv([
      'DANH SACH HO GIA DINH TO 5,,,',
      'MA HO,HO VA TEN,QUAN HE VOI CHU HO,NGAY SINH',
      'HK01,Nguyễn Văn An,CHU HO,15/05/1975',
    ]);
    const inspection = await inspectHouseholdFile({ source: file });
    expect(inspection).toMatchObject({
      ok: true,
      headerRow: 2,
      mapping: { householdCode: 0, fullName: 1, relation: 2, birthDate: 3 },
    });
    const [row] = await read(file);
    expect(row).toMatchObject({ row: 3, errors: [], person: { isHead: true, birthDate: '1975-05-15' } });
  });

  it('refuses missing columns but keeps the headers for the mapping step, then reads with a mapping', async () => {
    const file = csv(['Household,Name,Role,DOB', 'H1,Nguyễn Văn An,Chủ hộ,1975']);
    const inspection = await inspectHouseholdFile({ source: file });
    expect(inspection.ok).toBe(false);
    if (inspection.ok) throw new Error('expected a refusal');
    expect(inspection.error.code).toBe('file.missing_columns');
    expect(inspection.error.message).toContain('Mã hộ');
    expect(inspection.inspection?.unknown.map((column) => column.header)).toEqual([
      'Household',
      'Name',
      'Role',
      'DOB',
    ]);

    await expect(read(file)).rejects.toMatchObject({ code: 'file.missing_columns' });
    const rows = await read(file, { mapping: { householdCode: 0, fullName: 1, relation: 2, birthDate: 3 } });
    expect(rows[0]).toMatchObject({ errors: [], person: { ten: 'An', birthYear: 1975 } });
    await expect(
      read(file, { mapping: { householdCode: 0, fullName: 0, relation: 2 } }),
    ).rejects.toMatchObject({
      code: 'file.invalid_mapping',
    });
  });

  it('refuses a file whose first row is data', async () => {
    const inspection = await inspectHouseholdFile({ source: csv(['HK01,Nguyễn Văn An,Chủ hộ,15/05/1975']) });
    expect(inspection).toMatchObject({ ok: false, error: { code: 'file.no_header' } });
  });

  it('refuses an empty file and a file with headers only', async () => {
    expect(await inspectHouseholdFile({ source: Buffer.alloc(0) })).toMatchObject({
      error: { code: 'file.empty' },
    });
    expect(await inspectHouseholdFile({ source: Buffer.from('\uFEFF\r\n\r\n') })).toMatchObject({
      error: { code: 'file.empty' },
    });
    expect(await inspectHouseholdFile({ source: csv([template.join(',')]) })).toMatchObject({
      error: { code: 'file.no_data' },
    });
    expect(await inspectHouseholdFile({ source: await xlsx([]) })).toMatchObject({
      error: { code: 'file.empty' },
    });
  });
});

describe('row checks', () => {
  it('reports each kind of cell error with the column as written and bilingual messages', async () => {
    const rows = await read(
      csv([
        template.join(','),
        ['HK01', '', '', '', 'Chủ hộ', '', '', '', '', ''].join(','),
        ['HK01', '', '', 'A B', 'Hàng xóm', '1', '31/02/1990', '', '', ''].join(','),
        ['HK01', '', '', 'A B', 'Con', 'Nam', '01/01/2030', '123456789', '0123', 'Hộ giàu'].join(','),
        ['HK01', '', '', 'A B', 'Con', 'Nữ', '01/01/1990', '001085012345', '01912345678', ''].join(','),
        ['', '', '', 'A B', 'Con', '', '', '', '', ''].join(','),
      ]),
    );
    expect(codes(rows[0])).toEqual(['resident.blank']);
    expect(rows[0]?.errors[0]).toMatchObject({
      column: 'Họ và tên',
      field: 'fullName',
      message: 'Ô này đang để trống',
      messageEn: 'This cell is blank',
    });
    expect(codes(rows[1])).toEqual([
      'resident.relation.unknown',
      'resident.sex.numeric_code',
      'resident.birth_date.impossible',
    ]);
    expect(codes(rows[2])).toEqual([
      'resident.birth_date.future',
      'resident.citizen_id.old_cmnd',
      'resident.phone.invalid',
      'household.category.unknown',
    ]);
    expect(rows[2]?.errors[3]?.message).toContain('Hộ giàu');
    expect(codes(rows[3])).toEqual([
      'resident.citizen_id.sex_mismatch',
      'resident.citizen_id.birth_year_mismatch',
      'resident.phone.old_mobile',
    ]);
    expect(rows[4]).toMatchObject({
      householdCode: null,
      errors: [{ code: 'resident.blank', column: 'Mã hộ' }],
    });
    expect(rows.every((row) => row.person === undefined)).toBe(true);
  });

  it('refuses control characters and overlong cells', async () => {
    const rows = await read(
      csv(['Mã hộ,Họ và tên,Quan hệ với chủ hộ', `HK01,An\u0001,Chủ hộ`, `HK01,${'a'.repeat(600)},Con`]),
    );
    expect(rows.map(codes)).toEqual([['cell.control_character'], ['cell.too_long']]);
  });

  it('flags formula cells in read columns, never evaluating them', async () => {
    const file = await xlsx(
      [
        ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Ghi chú'],
        ['HK01', { formula: 'UPPER("an")', result: 'AN' }, 'Chủ hộ', { formula: '1+1', result: 2 }],
        ['HK01', 'Nguyễn Văn Bình', 'Con', { sharedFormula: 'D2', result: 2 }],
      ],
      (sheet) => {
        sheet.getCell('C4').value = { formula: 'C3', result: 'Con' } as ExcelJS.CellFormulaValue;
        sheet.getCell('A4').value = 'HK01';
        sheet.getCell('B4').value = 'Lê Văn Cường';
      },
    );
    const rows = await read(file);
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(rows[0]?.errors).toEqual([
      {
        column: 'Họ và tên',
        field: 'fullName',
        code: 'cell.formula',
        message: 'Ô chứa công thức, hãy dán giá trị (Paste Values) thay cho công thức',
        messageEn: 'The cell holds a formula; paste its value instead (Paste Values)',
      },
    ]);
    expect(rows[0]?.values[1]).toBe('=UPPER("an")');
    expect(rows[1]?.errors).toEqual([]);
    expect(codes(rows[2])).toEqual(['cell.formula']);
  });

  it('reads Excel date cells, serial numbers, years and numbers that lost their zero', async () => {
    const file = await xlsx(
      [
        ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Ngày sinh', 'Số CCCD', 'Số điện thoại'],
        [1, 'Nguyễn Văn An', 'Chủ hộ', new Date(Date.UTC(1990, 4, 15)), '001090012345', 912345678],
        [1, 'Trần Thị Bình', 'Vợ', 33008, 1192012345, '0912 345 678'],
        [1, 'Nguyễn Văn Cường', 'Con', 2015, null, null],
      ],
      (sheet) => {
        sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
      },
    );
    const rows = await read(file);
    expect(rows[0]).toMatchObject({
      errors: [],
      values: ['1', 'Nguyễn Văn An', 'Chủ hộ', '1990-05-15', '001090012345', '912345678'],
      person: { householdCode: '1', birthDate: '1990-05-15', phone: '0912345678' },
    });
    expect(rows[1]?.values[3]).toBe('33008');
    expect(codes(rows[1])).toEqual(['resident.citizen_id.leading_zero_lost']);
    expect(rows[2]).toMatchObject({ errors: [], person: { birthYear: 2015, birthPrecision: 'year' } });
  });

  it('reports impossible dates typed as text in a workbook', async () => {
    const rows = await read(
      await xlsx([
        ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Ngày sinh'],
        ['HK01', 'Nguyễn Văn An', 'Chủ hộ', '30/02/1980'],
        ['HK01', 'Nguyễn Văn Bình', 'Con', 'mười hai'],
      ]),
    );
    expect(rows.map(codes)).toEqual([['resident.birth_date.impossible'], ['resident.birth_date.format']]);
  });
});

describe('CSV dialects', () => {
  it('reads a BOM, semicolons, quoted new lines and blank lines, numbering rows as Excel does', async () => {
    const file = csv(
      [
        'Mã hộ;Họ và tên;Quan hệ với chủ hộ;Địa chỉ;Diện hộ',
        'HK01;Nguyễn Văn An;Chủ hộ;"Số 1; ngõ 2\nphố Đông Ngạc";"Hộ nghèo\nThương binh"',
        '',
        'HK01;"Trần Thị ""Bé"" Bình";Vợ;;',
        '',
      ],
      true,
    );
    const inspection = await inspectHouseholdFile({ source: file });
    expect(inspection).toMatchObject({
      ok: true,
      kind: 'csv',
      encoding: 'utf-8-bom',
      headers: ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Địa chỉ', 'Diện hộ'],
    });
    const rows = await read(file);
    expect(rows.map((row) => row.row)).toEqual([2, 4]);
    expect(rows[0]?.person).toMatchObject({
      address: 'Số 1; ngõ 2 phố Đông Ngạc',
      categories: ['poor', 'policy_war_invalid'],
    });
    expect(rows[1]?.person).toMatchObject({ tenDem: 'Thị "Bé"', ten: 'Bình' });
  });

  it('names the line of an unclosed quote', async () => {
    const file = csv([
      'Mã hộ,Họ và tên,Quan hệ với chủ hộ,Địa chỉ',
      'HK01,Nguyễn Văn An,Chủ hộ,"Số 1\r\nngõ 2"',
      '',
      'HK01,"Trần Thị Bình,Vợ',
      'HK01,Lê Văn C,Con',
    ]);
    const error = await readError(file);
    expect(error).toMatchObject({ code: 'file.csv_quote', line: 5 });
    expect(error.message).toContain('dòng 5');
  });

  it('reports legacy encodings instead of importing garbled names', async () => {
    const cp1258 = await inspectHouseholdFile({
      source: legacyCsv(cp1258Name, cp1258ChuHo),
      fileName: 'ho.csv',
    });
    expect(cp1258).toMatchObject({ ok: false, error: { code: 'file.legacy_encoding' } });
    if (cp1258.ok) throw new Error('expected a refusal');
    expect(cp1258.error.message).toContain('Windows-1258');
    expect(cp1258.error.message).toContain('CSV UTF-8');
    const tcvn3 = await inspectHouseholdFile({ source: legacyCsv(tcvn3Name, tcvn3ChuHo) });
    expect(tcvn3).toMatchObject({ ok: false, error: { code: 'file.legacy_encoding' } });
    if (tcvn3.ok) throw new Error('expected a refusal');
    expect(tcvn3.error.message).toContain('TCVN3');
    expect(tcvn3.error.messageEn).toContain('TCVN3');
  });

  it('finds legacy bytes far into a file that starts as plain ASCII', async () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `HK${i},Nguyen Van An ${i},Chu ho`);
    const file = Buffer.concat([
      csv(['Ma ho,Ho va ten,Quan he voi chu ho', ...plain]),
      legacyCsv(cp1258Name, cp1258ChuHo).subarray(35),
    ]);
    expect(file.length).toBeGreaterThan(64 * 1024);
    expect(await readError(file)).toMatchObject({ code: 'file.legacy_encoding' });
  });
});

describe('refused files', () => {
  it('refuses .xls, random bytes, HTML and UTF-16', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const xlsResult = await inspectHouseholdFile({ source: xls, fileName: 'ho.xls' });
    expect(xlsResult).toMatchObject({ ok: false, error: { code: 'file.xls' } });
    if (xlsResult.ok) throw new Error('expected a refusal');
    expect(xlsResult.error.message).toContain('.xlsx');
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await inspectHouseholdFile({ source: noise })).toMatchObject({
      error: { code: 'file.unsupported' },
    });
    expect(
      await inspectHouseholdFile({
        source: Buffer.from('<html><table><tr><td>Mã hộ</td></tr></table></html>'),
      }),
    ).toMatchObject({
      error: { code: 'file.unsupported' },
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã hộ\tHọ và tên\r\n', 'utf16le')]);
    expect(await inspectHouseholdFile({ source: utf16 })).toMatchObject({ error: { code: 'file.utf16' } });
    expect(
      await inspectHouseholdFile({ source: Buffer.from('Mã hộ,Họ và tên'), fileName: 'a.xlsx' }),
    ).toMatchObject({
      error: { code: 'file.xlsx_corrupt' },
    });
    await expect(read(noise)).rejects.toMatchObject({ code: 'file.unsupported' });
  });

  it('refuses a truncated workbook, given as bytes or as a stream', async () => {
    const whole = await householdTemplateXlsx();
    for (const cut of [200, Math.floor(whole.length / 2), whole.length - 10]) {
      const part = whole.subarray(0, cut);
      expect(await inspectHouseholdFile({ source: part })).toMatchObject({
        error: { code: 'file.xlsx_corrupt' },
      });
      await expect(read(part)).rejects.toMatchObject({ code: 'file.xlsx_corrupt' });
      await expect(read({ source: () => Readable.from([part]) })).rejects.toMatchObject({
        code: 'file.xlsx_corrupt',
      });
    }
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await inspectHouseholdFile({ source: zip })).toMatchObject({ ok: false });
  });

  describe('over the size limit', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'households-file-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses bytes, paths and streams', async () => {
      const file = csv([template.join(','), ...Array.from({ length: 100 }, () => an.join(','))]);
      const path = join(dir, 'big.csv');
      await writeFile(path, file);
      const maxBytes = 1000;
      for (const source of [file, path]) {
        expect(await inspectHouseholdFile({ source, maxBytes })).toMatchObject({
          error: { code: 'file.too_large' },
        });
      }
      const chunks = () => Readable.from([file.subarray(0, 600), file.subarray(600)]);
      await expect(read({ source: chunks, maxBytes })).rejects.toMatchObject({ code: 'file.too_large' });
      const workbook = await householdTemplateXlsx();
      await expect(
        read({ source: () => Readable.from([workbook]), maxBytes: workbook.length - 1 }),
      ).rejects.toMatchObject({
        code: 'file.too_large',
      });
      expect((await read({ source: path })).length).toBe(100);
      expect(await inspectHouseholdFile({ source: join(dir, 'missing.csv') })).toMatchObject({
        error: { code: 'file.read_failed' },
      });
    });
  });
});

describe('households', () => {
  const file = (...rows: string[][]) => csv([template.join(','), ...rows.map((row) => row.join(','))]);

  it('groups the rows of a household that are not next to each other', async () => {
    const groups = await groupHouseholds(readHouseholdRows({ source: file(an, dung, binh) }, { today }));
    expect(groups.invalid).toEqual([]);
    expect(
      groups.valid.map((household) => [household.code, household.members.map((member) => member.row)]),
    ).toEqual([
      ['HK01', [2, 4]],
      ['HK02', [3]],
    ]);
    expect(groups.valid[0]).toMatchObject({
      address: 'Số 1 ngõ 2',
      residentialGroupName: 'Tổ 5',
      categories: ['poor'],
    });
  });

  it('refuses households without a head or with two heads, keeping the others', async () => {
    const groups = await groupHouseholds(
      await read(
        file(
          binh,
          dung,
          ['HK03', '', '', 'Phạm Văn Em', 'Chủ hộ', '', '', '', '', ''],
          ['HK03', '', '', 'Phạm Thị Gấm', 'chu ho', '', '', '', '', ''],
        ),
      ),
    );
    expect(groups.valid.map((household) => household.code)).toEqual(['HK02']);
    expect(groups.invalid.map((household) => household.householdCode)).toEqual(['HK01', 'HK03']);
    expect(groups.errorReport).toEqual([
      {
        row: 2,
        column: 'Quan hệ với chủ hộ',
        reason: 'Hộ HK01 chưa có chủ hộ (cần đúng một người ghi "Chủ hộ")',
        reasonEn: expect.stringContaining('no head'),
      },
      {
        row: 4,
        column: 'Quan hệ với chủ hộ',
        reason: expect.stringContaining('có 2 chủ hộ (dòng 4, 5)'),
        reasonEn: expect.any(String),
      },
      {
        row: 5,
        column: 'Quan hệ với chủ hộ',
        reason: expect.stringContaining('có 2 chủ hộ'),
        reasonEn: expect.any(String),
      },
    ]);
  });

  it('finds the same person twice: repeated rows, citizen IDs and name with birth date', async () => {
    const sameName = ['HK01', 'Tổ 5', '', 'Trần Thị Bình', 'Con', 'Nữ', '02/09/1978', '', '', ''];
    const sameId = ['HK01', '', '', 'Trần Thị Bích', 'Con', 'Nữ', '', '001178023456', '', ''];
    const elsewhere = ['HK02', '', '', 'Lê Văn Phúc', 'Con', 'Nam', '', '001075012345', '', ''];
    const groups = await groupHouseholds(await read(file(an, binh, binh, sameName, sameId, dung, elsewhere)));
    expect(groups.valid).toEqual([]);
    const reasons = groups.errorReport.map((line) => [line.row, line.column, line.reason]);
    expect(reasons).toEqual([
      [2, 'Số CCCD', 'Số CCCD này cũng có ở hộ HK02 (dòng 8); một người chỉ thuộc một hộ'],
      [4, 'Họ và tên', 'Dòng này trùng với dòng 3'],
      [5, 'Họ và tên', 'Trùng người với dòng 3 (cùng họ tên và ngày sinh)'],
      [6, 'Số CCCD', 'Số CCCD trùng với dòng 3 của cùng hộ'],
      [8, 'Số CCCD', 'Số CCCD này cũng có ở hộ HK01 (dòng 2); một người chỉ thuộc một hộ'],
    ]);
  });

  it('refuses a household whose rows disagree on the address or residential group', async () => {
    const moved = ['HK01', 'Tổ 6', 'Số 9 ngõ 2', 'Trần Thị Bình', 'Vợ', 'Nữ', '', '', '', ''];
    const sameAddressOtherCase = [
      'HK01',
      'TỔ 5',
      'số 1 - ngõ  2',
      'Nguyễn Văn Cường',
      'Con',
      'Nam',
      '',
      '',
      '',
      '',
    ];
    const groups = await groupHouseholds(await read(file(an, moved, sameAddressOtherCase)));
    expect(groups.errorReport.map((line) => [line.row, line.column, line.reason])).toEqual([
      [3, 'Tổ dân phố', 'Tổ dân phố khác với dòng 2 của cùng hộ'],
      [3, 'Địa chỉ', 'Địa chỉ khác với dòng 2 của cùng hộ'],
    ]);
  });

  it('keeps rows without a household code apart, as invalid', async () => {
    const groups = await groupHouseholds(
      await read(file(an, ['', '', '', 'Ai Đó', 'Con', '', '', '', '', ''])),
    );
    expect(groups.valid.map((household) => household.code)).toEqual(['HK01']);
    expect(groups.invalid).toMatchObject([{ householdCode: null, errors: [{ row: 3, column: 'Mã hộ' }] }]);
  });
});

describe('errorReportCsv', () => {
  it('writes a BOM, the header and one line per error, quoting and defusing formulas', () => {
    const buffer = errorReportCsv([
      { row: 2, column: 'Họ và tên', reason: 'Ô này đang để trống', reasonEn: 'This cell is blank' },
      { row: 5, column: 'Diện hộ', reason: 'Diện hộ không có trong danh mục: a, "b"', reasonEn: 'x' },
      { row: 7, column: 'Địa chỉ', reason: '=HYPERLINK("x")', reasonEn: 'y' },
    ]);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Dòng,Cột,Lý do',
      '2,Họ và tên,Ô này đang để trống',
      '5,Diện hộ,"Diện hộ không có trong danh mục: a, ""b"""',
      `7,Địa chỉ,"'=HYPERLINK(""x"")"`,
      '',
    ]);
    expect(errorReportCsv([], 'en').toString('utf8')).toBe('\uFEFFRow,Column,Reason\r\n');
  });
});

describe('streaming', () => {
  it('reads 100,000 persons in 30,000 households', async () => {
    const lines = [template.join(',')];
    let person = 0;
    for (let h = 0; h < 30_000; h++) {
      const size = h < 10_000 ? 4 : 3;
      for (let m = 0; m < size; m++) {
        const year = m === 0 ? 1960 + (h % 30) : 1995 + m;
        const female = m === 1;
        const century = year >= 2000 ? (female ? 3 : 2) : female ? 1 : 0;
        const id = `001${century}${String(year % 100).padStart(2, '0')}${String(person).padStart(6, '0')}`;
        const relation = m === 0 ? 'Chủ hộ' : m === 1 ? 'Vợ' : 'Con';
        lines.push(
          `HK${h},Tổ ${h % 40},Số ${h} ngõ ${h % 97},Nguyễn Văn Người ${person},${relation},${female ? 'Nữ' : 'Nam'},01/0${1 + m}/${year},${id},09${String(person).padStart(8, '0')},${h % 10 === 0 ? 'Hộ nghèo' : ''}`,
        );
        person++;
      }
    }
    const data = Buffer.from(lines.join('\n'));
    const started = performance.now();
    let count = 0;
    let withErrors = 0;
    const rows = readHouseholdRows(
      { source: () => Readable.from([data.subarray(0, 1 << 20), data.subarray(1 << 20)]) },
      { today },
    );
    async function* counted() {
      for await (const row of rows) {
        count++;
        if (row.errors.length > 0) withErrors++;
        yield row;
      }
    }
    const groups = await groupHouseholds(counted());
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `households file: ${count} rows in ${seconds.toFixed(1)} s = ${Math.round(count / seconds)} rows/s`,
    );
    expect(count).toBe(100_000);
    expect(withErrors).toBe(0);
    expect(groups.valid).toHaveLength(30_000);
  });
});
