import { describe, expect, it } from 'vitest';
import { moneyInWords } from './money-words';

describe('moneyInWords', () => {
  it('reads the example of the domain brief', () => {
    expect(moneyInWords(1_234_567)).toBe('Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng');
  });

  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [100, 'Một trăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [10_050, 'Mười nghìn không trăm năm mươi đồng'],
    [50_000_000, 'Năm mươi triệu đồng'],
    [1_000_100, 'Một triệu một trăm đồng'],
    [228_000_000, 'Hai trăm hai mươi tám triệu đồng'],
    [777_500_000, 'Bảy trăm bảy mươi bảy triệu năm trăm nghìn đồng'],
    [2_300_000_000, 'Hai tỷ ba trăm triệu đồng'],
    [4_100_000_005, 'Bốn tỷ một trăm triệu không trăm linh năm đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [-15_000, 'Âm mười lăm nghìn đồng'],
  ])('%i → %s', (dong, words) => {
    expect(moneyInWords(dong)).toBe(words);
  });

  it('reads the count of tỷ as a number, beyond safe integers with bigint', () => {
    expect(moneyInWords(1_000_000_000_000_000_000n)).toBe('Một tỷ tỷ đồng');
    expect(moneyInWords(2_000_000_001_000n)).toBe('Hai nghìn tỷ không trăm linh một nghìn đồng');
  });

  it('refuses fractions of a đồng', () => {
    expect(() => moneyInWords(10.5)).toThrow(RangeError);
  });
});
