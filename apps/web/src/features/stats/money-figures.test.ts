import { describe, expect, it } from 'vitest';
import { compactMoney, formatPercent, itemsText, progressShare } from './money-figures';

describe('money figures helpers', () => {
  it('writes sums of đồng short for chart axes', () => {
    expect(compactMoney(4_137_264_500, 'vi')).toBe('4,1 tỷ');
    expect(compactMoney(4_137_264_500, 'en')).toBe('4.1 bn');
    expect(compactMoney(228_420_000, 'vi')).toBe('228 triệu');
    expect(compactMoney(13_862_400_000, 'vi')).toBe('13,9 tỷ');
    expect(compactMoney(500_000, 'en')).toBe('500 k');
    expect(compactMoney(0, 'vi')).toBe('0');
  });

  it('lists items with their quantities and caps a progress bar at 100', () => {
    expect(
      itemsText(
        [
          { name: 'Máy tính', quantity: 20 },
          { name: 'Điện thoại thông minh', quantity: 124 },
        ],
        String,
      ),
    ).toBe('20 Máy tính, 124 Điện thoại thông minh');
    expect(progressShare(157)).toBe(100);
    expect(progressShare(31.3)).toBe(31.3);
    expect(progressShare(null)).toBe(0);
    expect(formatPercent(157, 'vi')).toBe('157');
    expect(formatPercent(31.25, 'vi')).toBe('31,3');
    expect(formatPercent(111.1, 'en')).toBe('111.1');
  });
});
