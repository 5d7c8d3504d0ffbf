import type { EvaluationItem } from '@doanket/domain';
import { describe, expect, it } from 'vitest';
import { buildMatrix, percentBars, quarterSeries, statusColor } from './dashboard';

const item = (key: string, overrides: Partial<EvaluationItem> = {}): EvaluationItem => ({
  key,
  name: `Chỉ tiêu ${key}`,
  kind: 'percentage',
  unitOfMeasure: '%',
  target: '≥ 97%',
  targetValue: { comparison: 'gte', value: 97, max: null, text: '≥ 97%' },
  value: 98.2,
  valueText: '98,2%',
  percent: 101.2,
  status: 'exceeded',
  source: 'computed',
  numerator: null,
  denominator: null,
  drill: null,
  evidence: null,
  contributing: [],
  ...overrides,
});

describe('buildMatrix', () => {
  it('puts the unit first, then the units below, with no data where a unit does not contribute', () => {
    const matrix = buildMatrix({
      unitCode: '021',
      unitName: 'Quận Bắc Từ Liêm',
      items: [
        item('cultural_families', {
          contributing: [
            { unitCode: '00595', unitName: 'Phường Thượng Cát', value: 96.5, status: 'missed' },
            { unitCode: '00598', unitName: 'Phường Liên Mạc', value: 99, status: 'exceeded' },
          ],
        }),
        item('supervisions', {
          value: null,
          valueText: '—',
          percent: null,
          status: 'no_data',
          source: 'manual',
          kind: 'count',
          unitOfMeasure: 'cuộc',
          contributing: [{ unitCode: '00598', unitName: 'Phường Liên Mạc', value: 3, status: 'met' }],
        }),
      ],
    });
    expect(matrix.columns.map((column) => column.key)).toEqual(['cultural_families', 'supervisions']);
    expect(matrix.rows.map((row) => [row.unitCode, row.isSelf])).toEqual([
      ['021', true],
      ['00595', false],
      ['00598', false],
    ]);
    expect(matrix.rows[0]?.cells.cultural_families).toEqual({
      value: 98.2,
      text: '98,2%',
      status: 'exceeded',
    });
    expect(matrix.rows[1]?.cells.cultural_families).toEqual({ value: 96.5, text: '96,5%', status: 'missed' });
    expect(matrix.rows[1]?.cells.supervisions).toEqual({ value: null, text: '—', status: 'no_data' });
    expect(matrix.rows[2]?.cells.supervisions).toEqual({ value: 3, text: '3 cuộc', status: 'met' });
  });
});

describe('statusColor', () => {
  it('gives green to met and exceeded, amber to not yet, red to missed and grey without data', () => {
    expect(statusColor('met').color).toBe('#237804');
    expect(statusColor('exceeded').background).toBe('#b7eb8f');
    expect(statusColor('not_yet').background).toBe('#ffe58f');
    expect(statusColor('missed').background).toBe('#ffccc7');
    expect(statusColor('no_data').background).toBe('#f0f0f0');
  });
});

describe('quarterSeries', () => {
  it('lines up the values quarter by quarter, null where a quarter has none', () => {
    const quarter = (value: number | null) => ({
      unitCode: '021',
      unitName: 'Q',
      items: [item('a', { value })],
    });
    expect(quarterSeries([quarter(10), undefined, quarter(null), quarter(40)])).toEqual({
      a: [10, null, null, 40],
    });
  });
});

describe('percentBars', () => {
  it('keeps indicators with a percentage of target, rounded to a tenth', () => {
    expect(
      percentBars({
        unitCode: '021',
        unitName: 'Q',
        items: [item('a', { percent: 101.26 }), item('b', { percent: null })],
      }),
    ).toEqual([{ key: 'a', name: 'Chỉ tiêu a', percent: 101.3 }]);
  });
});
