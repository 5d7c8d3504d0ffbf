import { describe, expect, it } from 'vitest';
import { childKindsOf, isValidOn, periodWithin, residentialGroupCode, subkindFromName } from './rules';

describe('subkindFromName', () => {
  it('reads the title of official names', () => {
    expect(subkindFromName('Thành phố Hà Nội', 'province')).toBe('thanh_pho_tw');
    expect(subkindFromName('Thành phố Thủ Đức', 'district')).toBe('thanh_pho');
    expect(subkindFromName('Quận Bắc Từ Liêm', 'district')).toBe('quan');
    expect(subkindFromName('Phường Xuân Đỉnh', 'ward')).toBe('phuong');
    expect(subkindFromName('Thị trấn Trạm Trôi', 'ward')).toBe('thi_tran');
    expect(subkindFromName('Thị Trấn Mường Chà', 'ward')).toBe('thi_tran');
    expect(subkindFromName('Đặc khu Côn Đảo', 'ward')).toBe('dac_khu');
    expect(subkindFromName('Xã Ô Diên', 'ward')).toBe('xa');
    expect(subkindFromName('Khu Tập thể', 'ward')).toBeNull();
  });
});

describe('periods', () => {
  const district = { validFrom: '2013-12-27', validTo: '2025-07-01' };
  it('is half-open: the end date is the first day out of force', () => {
    expect(isValidOn(district, '2025-06-30')).toBe(true);
    expect(isValidOn(district, '2025-07-01')).toBe(false);
    expect(isValidOn(district, '2013-12-27')).toBe(true);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });
  it('checks that a period lies within another', () => {
    expect(periodWithin({ validFrom: '2020-01-01', validTo: '2025-07-01' }, district)).toBe(true);
    expect(periodWithin({ validFrom: '2020-01-01', validTo: null }, district)).toBe(false);
    expect(periodWithin({ validFrom: '2010-01-01', validTo: '2020-01-01' }, district)).toBe(false);
  });
});

describe('tree rules', () => {
  it('puts residential groups under wards only', () => {
    expect(childKindsOf('ward')).toEqual(['residential_group']);
    expect(childKindsOf('province')).toContain('ward');
    expect(childKindsOf('residential_group')).toEqual([]);
  });
  it('numbers residential groups within their ward', () => {
    expect(residentialGroupCode('00610', 7)).toBe('00610.007');
  });
});
