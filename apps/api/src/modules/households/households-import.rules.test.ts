import { personSortKey, splitFullName } from '@doanket/domain';
import { describe, expect, it } from 'vitest';
import { groupResolver, sortKeyOf } from './households-import.service';

describe('sortKeyOf', () => {
  it('gives exactly the key of personSortKey, part by part from its cache', () => {
    const names = [
      'Nguyễn Văn An',
      'Nguyễn Văn Ấn',
      'Trần Thị Thu Hà',
      'Lê Ánh',
      'Đặng',
      'Tôn Nữ Thị Ngọc Ánh',
      'Nguyễn Văn Người 12',
      'Phan-Lê Minh Đức',
      'Hoàng  Thị   Ổi',
      'Vũ Thị Ỷ',
    ];
    // Twice: the second pass reads every part from the cache.
    for (let pass = 0; pass < 2; pass++) {
      for (const name of names) {
        const parts = splitFullName(name);
        expect(sortKeyOf(parts), name).toBe(personSortKey(parts));
      }
    }
    expect(sortKeyOf({ ho: '', tenDem: '', ten: '' })).toBe(personSortKey({ ho: '', tenDem: '', ten: '' }));
  });
});

describe('groupResolver', () => {
  const groups = [
    { unitId: 'u1', code: '00611.001', name: 'Tổ dân phố số 1' },
    { unitId: 'u2', code: '00611.002', name: 'Tổ dân phố số 2' },
    { unitId: 'u10', code: '00611.010', name: 'Tổ dân phố số 10' },
    { unitId: 't1', code: '00611.011', name: 'Thôn 3' },
    { unitId: 't2', code: '00611.012', name: 'Tổ dân phố số 3' },
  ];
  const resolve = groupResolver(groups);
  const id = (name: string) => resolve(name)?.unitId ?? null;

  it('finds a group by its name whatever the case and diacritics, or by its code', () => {
    expect(id('Tổ dân phố số 1')).toBe('u1');
    expect(id('TO DAN PHO SO 2')).toBe('u2');
    expect(id('to dan pho so 10')).toBe('u10');
    expect(id('00611.002')).toBe('u2');
  });

  it('reads the usual short forms only when they name one group', () => {
    expect(id('TDP 2')).toBe('u2');
    expect(id('Tổ 01')).toBe('u1');
    expect(id('Tổ dân phố 10')).toBe('u10');
    // "Thôn 3" and "Tổ dân phố số 3" are both group 3: the short form is ambiguous.
    expect(id('Tổ 3')).toBeNull();
    expect(id('Thôn 3')).toBe('t1');
    expect(id('Tổ dân phố số 4')).toBeNull();
  });
});
