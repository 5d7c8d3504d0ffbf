import { decree93Warnings, formatMoney, formatNumber, isIsoDate, messages } from '@doanket/domain';
import type { EChartsCoreOption } from 'echarts/core';

export type Totals = { income: number; spending: number; balance: number };

/** The totals row of a list of funds. */
export function sumTotals(items: readonly Totals[]): Totals {
  return items.reduce(
    (sum, item) => ({
      income: sum.income + item.income,
      spending: sum.spending + item.spending,
      balance: sum.balance + item.balance,
    }),
    { income: 0, spending: 0, balance: 0 },
  );
}

/** The first characters of a hash, enough to compare by eye with the public page. */
export const hashPrefix = (hash: string, length = 12) => hash.slice(0, length);

/** "2021-03" → "03/2021". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return year && number ? `${number}/${year}` : month;
}

/** 157.3 → "157,3%"; null (no target) → "—". */
export const percentText = (percent: number | null) => (percent === null ? '—' : `${formatNumber(percent)}%`);

/** The bar of a progress indicator stops at 100% even when the target is exceeded. */
export const progressValue = (percent: number | null) =>
  percent === null ? 0 : Math.max(0, Math.min(100, Math.round(percent)));

/** Money that may be absent (no target). */
export const moneyOrDash = (amount: number | null | undefined) =>
  amount === null || amount === undefined ? '—' : formatMoney(amount);

/** Axis labels in millions, as reports read ("1.234 tr"). */
export function millionsLabel(amount: number, suffix: string): string {
  if (Math.abs(amount) < 1_000_000) return formatNumber(amount);
  return `${formatNumber(Math.round(amount / 100_000) / 10)} ${suffix}`;
}

type ChartLabels = { income: string; spending: string; millions: string };

/** Money in and out of a fund by month, as a bar chart. */
export function monthlyChartOption(
  months: ReadonlyArray<{ month: string; income: number; spending: number }>,
  labels: ChartLabels,
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatMoney(Number(value)) },
    legend: { data: [labels.income, labels.spending], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((row) => monthLabel(row.month)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => millionsLabel(value, labels.millions) },
    },
    series: [
      {
        name: labels.income,
        type: 'bar',
        data: months.map((row) => row.income),
        itemStyle: { color: '#389e0d' },
      },
      {
        name: labels.spending,
        type: 'bar',
        data: months.map((row) => row.spending),
        itemStyle: { color: '#cf1322' },
      },
    ],
  };
}

/** Raised against target per unit, as a bar chart. */
export function achievementChartOption(
  rows: ReadonlyArray<{ unitName: string; raised: number; target: number | null }>,
  labels: { raised: string; target: string; millions: string },
): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (value == null ? '—' : formatMoney(Number(value))),
    },
    legend: { data: [labels.raised, labels.target], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 60, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.unitName),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => millionsLabel(value, labels.millions) },
    },
    series: [
      {
        name: labels.raised,
        type: 'bar',
        data: rows.map((row) => row.raised),
        itemStyle: { color: '#c41d24' },
      },
      {
        name: labels.target,
        type: 'bar',
        data: rows.map((row) => row.target),
        itemStyle: { color: '#bfbfbf' },
      },
    ],
  };
}

/** "Nội dung chuyển khoản" shown as the bank app should receive it. */
export const transferNote = (message: string) => message.trim().toUpperCase();

/** A whole đồng amount typed by a person: "1.000.000", "1 000 000" or "1000000"; null if not one. */
export function parseMoneyInput(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : null;
  const digits = (text ?? '').replace(/[\s.,]/g, '').replace(/(đồng|đ|vnd)$/i, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** Money typed with dots between thousands, as Vietnamese write it. */
export const moneyInputProps = {
  min: 1,
  step: 100_000,
  precision: 0,
  style: { width: '100%' },
  formatter: (value: string | number | undefined) =>
    value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  parser: (text: string | undefined) => parseMoneyInput(text ?? '') ?? 0,
} as const;

/** The decree 93 warnings of a period as typed, before anything is sent (none until all dates are there). */
export function periodWarnings(
  period: {
    startsOn: string | null;
    receivingEndsOn: string | null;
    distributionEndsOn: string | null;
    legalBasis: string | null;
  },
  lang: 'vi' | 'en',
): string[] {
  const { startsOn, receivingEndsOn, distributionEndsOn } = period;
  if (
    !isIsoDate(startsOn ?? '') ||
    !isIsoDate(receivingEndsOn ?? '') ||
    !isIsoDate(distributionEndsOn ?? '')
  ) {
    return [];
  }
  return decree93Warnings({
    startsOn: startsOn as string,
    receivingEndsOn: receivingEndsOn as string,
    distributionEndsOn: distributionEndsOn as string,
    legalBasis: period.legalBasis,
  }).map((key) => messages[key][lang]);
}
