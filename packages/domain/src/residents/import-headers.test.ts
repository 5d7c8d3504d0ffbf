import { describe, expect, it } from 'vitest';
import { importColumns, matchHeaders } from './import-headers';

describe('matchHeaders', () => {
  it('maps the template headers to their fields', () => {
    const template = importColumns.map((column) => column.header);
    expect(template).toEqual([
      'Mã hộ',
      'Tổ dân phố',
      'Địa chỉ',
      'Họ và tên',
      'Quan hệ với chủ hộ',
      'Giới tính',
      'Ngày sinh',
      'Số CCCD',
      'Số điện thoại',
      'Diện hộ',
    ]);
    expect(matchHeaders(template)).toEqual({
      mapping: {
        householdCode: 0,
        residentialGroup: 1,
        address: 2,
        fullName: 3,
        relation: 4,
        sex: 5,
        birthDate: 6,
        citizenId: 7,
        phone: 8,
        categories: 9,
      },
      missing: [],
      unknown: [],
      duplicates: [],
      ignored: [],
    });
  });
  it('accepts any case, no diacritics, extra spaces, notes and common variants', () => {
    const result = matchHeaders([
      '\uFEFFSTT',
      'MA HO',
      '  họ   tên ',
      'Quan hệ',
      'gioi tinh',
      'Ngày tháng năm sinh (dd/mm/yyyy)',
      'CCCD',
      'SĐT',
      'Điện thoại*',
      'Ghi chú',
      '',
    ]);
    expect(result.mapping).toEqual({
      householdCode: 1,
      fullName: 2,
      relation: 3,
      sex: 4,
      birthDate: 5,
      citizenId: 6,
      phone: 7,
    });
    expect(result.duplicates).toEqual([{ index: 8, field: 'phone' }]);
    expect(result.unknown).toEqual([{ index: 9, header: 'Ghi chú' }]);
    expect(result.ignored).toEqual([0]);
    expect(result.missing).toEqual([]);
  });
  it('reports missing required fields', () => {
    const result = matchHeaders(['Họ và tên', 'Ngày sinh', 'Nghề nghiệp']);
    expect(result.missing).toEqual(['householdCode', 'relation']);
    expect(result.unknown).toEqual([{ index: 2, header: 'Nghề nghiệp' }]);
  });
  it('gives no alias to two fields', () => {
    for (const column of importColumns) {
      for (const alias of [column.header, ...column.aliases]) {
        expect(matchHeaders([alias]).mapping).toEqual({ [column.field]: 0 });
      }
    }
  });
});
