import { describe, expect, it } from 'vitest';
import {
  comparePersonNames,
  fullName,
  normalizePersonName,
  personSortKey,
  splitFullName,
  titleCaseName,
} from './names';

describe('splitFullName', () => {
  it('takes the first word as họ, the last as tên and the rest as tên đệm', () => {
    expect(splitFullName('Nguyễn Văn A')).toEqual({ ho: 'Nguyễn', tenDem: 'Văn', ten: 'A' });
    expect(splitFullName('Lê Thị Thu Hà')).toEqual({ ho: 'Lê', tenDem: 'Thị Thu', ten: 'Hà' });
    expect(splitFullName('Trần Hùng')).toEqual({ ho: 'Trần', tenDem: '', ten: 'Hùng' });
  });
  it('puts a one-word name in tên', () => {
    expect(splitFullName('  Hoa ')).toEqual({ ho: '', tenDem: '', ten: 'Hoa' });
    expect(splitFullName('   ')).toEqual({ ho: '', tenDem: '', ten: '' });
  });
  it('normalises decomposed text and spacing', () => {
    const decomposed = 'Nguye\u0302\u0303n   Văn\tAn';
    const parts = splitFullName(decomposed);
    expect(parts).toEqual({ ho: 'Nguyễn', tenDem: 'Văn', ten: 'An' });
    expect(parts.ho).toBe('Nguyễn'.normalize('NFC'));
    expect(parts.ho.length).toBe(6);
  });
  it('keeps compound family names only when the caller lists them', () => {
    expect(splitFullName('Tôn Nữ Minh Châu')).toEqual({ ho: 'Tôn', tenDem: 'Nữ Minh', ten: 'Châu' });
    const options = { compoundFamilyNames: ['Tôn Nữ', 'tôn thất'] };
    expect(splitFullName('Tôn Nữ Minh Châu', options)).toEqual({ ho: 'Tôn Nữ', tenDem: 'Minh', ten: 'Châu' });
    expect(splitFullName('TÔN THẤT Thuyết', options)).toEqual({ ho: 'TÔN THẤT', tenDem: '', ten: 'Thuyết' });
    // Never leaves the person without a tên.
    expect(splitFullName('Tôn Nữ', options)).toEqual({ ho: 'Tôn', tenDem: '', ten: 'Nữ' });
    expect(splitFullName('Tồn Nữ Hoa', options)).toEqual({ ho: 'Tồn', tenDem: 'Nữ', ten: 'Hoa' });
  });
});

describe('fullName', () => {
  it('joins the parts, skipping empty ones', () => {
    expect(fullName({ ho: 'Lê', tenDem: 'Thị Thu', ten: 'Hà' })).toBe('Lê Thị Thu Hà');
    expect(fullName({ ho: 'Trần', tenDem: '', ten: 'Hùng' })).toBe('Trần Hùng');
    expect(fullName({ ho: '', tenDem: '', ten: 'Hoa' })).toBe('Hoa');
    expect(fullName(splitFullName('Tôn Nữ Minh Châu'))).toBe('Tôn Nữ Minh Châu');
  });
});

describe('comparePersonNames', () => {
  it('sorts by tên, then tên đệm, then họ, in Vietnamese alphabet order', () => {
    const names = [
      'Nguyễn Văn Bình',
      'Lê Thị An',
      'Trần An',
      'Đỗ Văn Đức',
      'Phạm Dũng',
      'Bùi Thị An',
      'Ân Văn Ánh',
    ];
    const sorted = names
      .map((name) => splitFullName(name))
      .sort(comparePersonNames)
      .map(fullName);
    expect(sorted).toEqual([
      'Trần An',
      'Bùi Thị An',
      'Lê Thị An',
      'Ân Văn Ánh',
      'Nguyễn Văn Bình',
      'Phạm Dũng',
      'Đỗ Văn Đức',
    ]);
  });
  it('orders names that differ only by tone in a stable way', () => {
    const a = splitFullName('Lê Hà');
    const b = splitFullName('Lê Ha');
    expect(comparePersonNames(a, b)).not.toBe(0);
    expect(Math.sign(comparePersonNames(a, b))).toBe(-Math.sign(comparePersonNames(b, a)));
    expect(comparePersonNames(a, splitFullName('Lê  Hà'))).toBe(0);
  });
});

describe('titleCaseName', () => {
  it('title-cases names typed in capitals or lower case', () => {
    expect(titleCaseName('NGUYỄN VĂN AN')).toBe('Nguyễn Văn An');
    expect(titleCaseName('  đỗ   thị   ánh ')).toBe('Đỗ Thị Ánh');
    expect(titleCaseName('ĐẶNG THỊ NGỌC-ÁNH')).toBe('Đặng Thị Ngọc-Ánh');
  });
});

describe('normalizePersonName', () => {
  it('composes and trims', () => {
    expect(normalizePersonName(' Lê\u00a0 Thị ')).toBe('Lê Thị');
  });
});

describe('personSortKey', () => {
  const people = [
    'Nguyễn Văn An',
    'Trần Thị Ánh',
    'Lê Văn Ân',
    'Phạm Đức Anh',
    'Hoàng Thị Ăn',
    'Nguyễn Thị Bình',
    'Đỗ Văn Dũng',
    'Vũ Thị Đào',
    'Bùi Văn Dung',
    'Lê Minh Đức',
    'Nguyễn Thị Yến',
    'Trần Ơn',
    'Lê Văn Ôn',
    'Đặng Thu Ư',
    'Ngô Văn Út',
    'Nguyễn Thị Minh Khai',
    'Nguyễn Minh Khai',
    'An Văn Khai',
  ].map((name) => splitFullName(name));

  it('orders byte-wise like comparePersonNames', () => {
    const byKey = [...people].sort((a, b) => {
      const ka = personSortKey(a);
      const kb = personSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const byCollator = [...people].sort(comparePersonNames);
    expect(byKey.map(fullName)).toEqual(byCollator.map(fullName));
  });

  it('puts ă and â after a and đ after d, in plain ASCII', () => {
    const key = (name: string) => personSortKey(splitFullName(name));
    expect(key('Lê An') < key('Lê Ăn')).toBe(true);
    expect(key('Lê Ăn') < key('Lê Ân')).toBe(true);
    expect(key('Lê Dung') < key('Lê Đào')).toBe(true);
    expect([...key('Lê Thị Đào')].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
  });
});
