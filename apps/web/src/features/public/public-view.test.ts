import { describe, expect, it } from 'vitest';
import { compactMoney, monthChartOption, monthLabel, progressPercent } from './public-view';

describe('public page helpers', () => {
  it('writes months and short amounts the Vietnamese way', () => {
    expect(monthLabel('2021-03')).toBe('03/2021');
    expect(compactMoney(2_300_000_000, 'vi')).toBe('2,3 tỷ');
    expect(compactMoney(228_000_000, 'vi')).toBe('228 tr');
    expect(compactMoney(228_000_000, 'en')).toBe('228M');
    expect(compactMoney(500, 'vi')).toBe('500');
  });
  it('puts income and spending of each month side by side', () => {
    const option = monthChartOption(
      [
        { month: '2021-02', income: 10, spending: 0 },
        { month: '2021-03', income: 5, spending: 7 },
      ],
      { income: 'Thu', spending: 'Chi' },
      'vi',
    ) as { xAxis: { data: string[] }; series: Array<{ name: string; data: number[] }> };
    expect(option.xAxis.data).toEqual(['02/2021', '03/2021']);
    expect(option.series.map((series) => [series.name, series.data])).toEqual([
      ['Thu', [10, 5]],
      ['Chi', [0, 7]],
    ]);
  });
  it('caps the progress bar but not the figure', () => {
    expect(progressPercent(157)).toBe(100);
    expect(progressPercent(42.5)).toBe(42.5);
    expect(progressPercent(null)).toBe(0);
  });
});
