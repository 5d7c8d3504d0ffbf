import { describe, expect, it } from 'vitest';
import {
  achievementChartOption,
  hashPrefix,
  millionsLabel,
  moneyInputProps,
  moneyOrDash,
  monthLabel,
  monthlyChartOption,
  parseMoneyInput,
  percentText,
  periodWarnings,
  progressValue,
  sumTotals,
} from './funds-format';

describe('funds formatting', () => {
  it('adds up the totals row', () => {
    expect(
      sumTotals([
        { income: 4_000_000, spending: 1_000_000, balance: 3_000_000 },
        { income: 2_500_000, spending: 0, balance: 2_500_000 },
      ]),
    ).toEqual({ income: 6_500_000, spending: 1_000_000, balance: 5_500_000 });
    expect(sumTotals([])).toEqual({ income: 0, spending: 0, balance: 0 });
  });

  it('writes months, percentages and amounts the Vietnamese way', () => {
    expect(monthLabel('2021-03')).toBe('03/2021');
    expect(percentText(157.3)).toBe('157,3%');
    expect(percentText(null)).toBe('—');
    expect(progressValue(157.3)).toBe(100);
    expect(progressValue(42.6)).toBe(43);
    expect(moneyOrDash(null)).toBe('—');
    expect(moneyOrDash(1_500_000)).toBe('1.500.000 đồng');
    expect(millionsLabel(2_345_000_000, 'tr')).toBe('2.345 tr');
    expect(millionsLabel(500_000, 'tr')).toBe('500.000');
    expect(hashPrefix('a'.repeat(64))).toHaveLength(12);
  });

  it('reads money typed with dots or spaces, and refuses anything else', () => {
    expect(parseMoneyInput('1.000.000')).toBe(1_000_000);
    expect(parseMoneyInput('1 500 000 đ')).toBe(1_500_000);
    expect(parseMoneyInput('abc')).toBeNull();
    expect(moneyInputProps.formatter(2500000)).toBe('2.500.000');
    expect(moneyInputProps.parser('2.500.000')).toBe(2_500_000);
  });

  it('draws income against spending by month and raised against target by unit', () => {
    const monthly = monthlyChartOption(
      [
        { month: '2021-02', income: 1_000_000, spending: 0 },
        { month: '2021-03', income: 0, spending: 400_000 },
      ],
      { income: 'Thu', spending: 'Chi', millions: 'tr' },
    ) as { xAxis: { data: string[] }; series: Array<{ name: string; data: number[] }> };
    expect(monthly.xAxis.data).toEqual(['02/2021', '03/2021']);
    expect(monthly.series.map((serie) => [serie.name, serie.data])).toEqual([
      ['Thu', [1_000_000, 0]],
      ['Chi', [0, 400_000]],
    ]);
    const achievement = achievementChartOption(
      [
        { unitName: 'Phường A', raised: 6_000_000, target: 4_000_000 },
        { unitName: 'Phường B', raised: 1_000_000, target: null },
      ],
      { raised: 'Đã vận động', target: 'Chỉ tiêu', millions: 'tr' },
    ) as { series: Array<{ data: Array<number | null> }> };
    expect(achievement.series[1]?.data).toEqual([4_000_000, null]);
  });

  it('warns of decree 93 periods as they are typed, unless a legal basis is given', () => {
    const period = {
      startsOn: '2021-01-01',
      receivingEndsOn: '2021-12-31',
      distributionEndsOn: '2022-01-10',
      legalBasis: null,
    };
    expect(periodWarnings(period, 'vi')).toHaveLength(1);
    expect(periodWarnings(period, 'en')[0]).toContain('90 days');
    expect(periodWarnings({ ...period, legalBasis: 'Điều lệ Quỹ' }, 'vi')).toEqual([]);
    expect(periodWarnings({ ...period, distributionEndsOn: null }, 'vi')).toEqual([]);
  });
});
