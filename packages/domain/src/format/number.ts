const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1234567 → "1.234.567"; 12.5 → "12,5". */
export function formatNumber(value: number | bigint): string {
  if (typeof value === 'bigint' || Number.isInteger(value)) return integerFormat.format(value);
  return decimalFormat.format(value);
}

/** Money is an integer number of đồng: 1234567 → "1.234.567 đồng". */
export function formatMoney(dong: number | bigint): string {
  if (typeof dong === 'number' && !Number.isInteger(dong)) {
    throw new RangeError('Money must be an integer number of đồng');
  }
  return `${integerFormat.format(dong)} đồng`;
}
