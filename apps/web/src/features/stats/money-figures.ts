import type { MoneyFigures } from '@doanket/domain';

type Lang = 'vi' | 'en';

/** A sum of đồng in a few characters for chart axes: "4,1 tỷ", "228 triệu" / "4.1 bn", "228 m". */
export function compactMoney(dong: number, lang: Lang): string {
  const abs = Math.abs(dong);
  const [value, unit] =
    abs >= 1e9
      ? [dong / 1e9, lang === 'vi' ? 'tỷ' : 'bn']
      : abs >= 1e6
        ? [dong / 1e6, lang === 'vi' ? 'triệu' : 'm']
        : abs >= 1e3
          ? [dong / 1e3, lang === 'vi' ? 'nghìn' : 'k']
          : [dong, ''];
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1,
  }).format(value);
  return unit ? `${text} ${unit}` : text;
}

/** The count of distributions of one programme kind (0 when there were none). */
export const distributionsOf = (figures: MoneyFigures, kind: string) =>
  figures.support.byProgramKind.find((row) => row.kind === kind)?.distributions ?? 0;

/** "20 Máy tính, 124 Điện thoại thông minh" */
export const itemsText = (
  items: ReadonlyArray<{ name: string; quantity: number }>,
  format: (n: number) => string,
) => items.map((item) => `${format(item.quantity)} ${item.name}`).join(', ');

/** A progress bar's share: the percent capped at 100 (the label shows the real percent). */
export const progressShare = (percent: number | null) =>
  percent === null ? 0 : Math.max(0, Math.min(100, percent));

/** 157 → "157", 31.25 → "31,3" (vi) or "31.3" (en). */
export const formatPercent = (percent: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(percent);
