import { formatMoney } from '@doanket/domain';
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../lib/api';

/** "2021-03" → "03/2021", as dates are written in Vietnam. */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** Short amounts for a chart's axis on a narrow screen: "1,5 tỷ", "230 tr" / "1.5B", "230M". */
export function compactMoney(value: number, lang: Lang): string {
  const units =
    lang === 'en'
      ? [
          { size: 1e9, suffix: 'B' },
          { size: 1e6, suffix: 'M' },
          { size: 1e3, suffix: 'K' },
        ]
      : [
          { size: 1e9, suffix: ' tỷ' },
          { size: 1e6, suffix: ' tr' },
          { size: 1e3, suffix: ' ng' },
        ];
  const unit = units.find((candidate) => Math.abs(value) >= candidate.size);
  if (!unit) return String(value);
  const number = Math.round((value / unit.size) * 10) / 10;
  const text = lang === 'en' ? String(number) : String(number).replace('.', ',');
  return `${text}${unit.suffix}`;
}

/** Bars of money in and out per month; tooltips give the full amounts in đồng. */
export function monthChartOption(
  months: ReadonlyArray<{ month: string; income: number; spending: number }>,
  labels: { income: string; spending: string },
  lang: Lang,
): EChartsCoreOption {
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.income, labels.spending] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatMoney(value) : String(value)),
    },
    xAxis: { type: 'category', data: months.map((month) => monthLabel(month.month)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => compactMoney(value, lang) } },
    series: [
      {
        name: labels.income,
        type: 'bar',
        data: months.map((month) => month.income),
        itemStyle: { color: '#1f6fb2' },
      },
      {
        name: labels.spending,
        type: 'bar',
        data: months.map((month) => month.spending),
        itemStyle: { color: '#c8102e' },
      },
    ],
  };
}

/** Progress towards a target, capped for the bar (a campaign may raise 157% of it). */
export const progressPercent = (percent: number | null) => (percent === null ? 0 : Math.min(100, percent));
