import { describe, expect, it } from 'vitest';
import { filterPrograms, oneOf, yearParam } from './drill-filters';

describe('drill-down filters', () => {
  it('reads a year from the URL', () => {
    expect(yearParam('2021')).toBe(2021);
    expect(yearParam(null)).toBeNull();
    expect(yearParam('')).toBeNull();
    expect(yearParam('21')).toBeNull();
    expect(yearParam('2021.5')).toBeNull();
    expect(yearParam('1800')).toBeNull();
    expect(yearParam(' 2021')).toBeNull();
  });

  it('keeps only allowed values', () => {
    expect(oneOf('tet_gift', ['tet_gift', 'cash'])).toBe('tet_gift');
    expect(oneOf('house', ['tet_gift', 'cash'])).toBeNull();
    expect(oneOf(null, ['tet_gift'])).toBeNull();
  });

  it('filters programmes by kind and by the year they start in', () => {
    const programs = [
      { code: 'A', kind: 'tet_gift', periodFrom: '2021-01-15' },
      { code: 'B', kind: 'tet_gift', periodFrom: '2020-12-20' },
      { code: 'C', kind: 'cash', periodFrom: '2021-03-01' },
      { code: 'D', kind: 'tet_gift', periodFrom: '2022-01-10' },
    ];
    const codes = (kind: string | null, year: number | null) =>
      filterPrograms(programs, { kind, year }).map((program) => program.code);
    expect(codes('tet_gift', 2021)).toEqual(['A']);
    expect(codes('tet_gift', null)).toEqual(['A', 'B', 'D']);
    expect(codes(null, 2021)).toEqual(['A', 'C']);
    expect(codes(null, null)).toEqual(['A', 'B', 'C', 'D']);
  });
});
