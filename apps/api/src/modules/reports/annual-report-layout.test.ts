import { describe, expect, it } from 'vitest';
import { bacTuLiem2021Report } from './annual-report.fixtures';
import {
  dateLine,
  INDICATOR_COLUMNS,
  indicatorCells,
  mmToTwip,
  PAGE,
  parseFigure,
  partHeadings,
  recipientLines,
  TEXT_WIDTH_MM,
  toRoman,
} from './annual-report-layout';

describe('the year-end report layout', () => {
  it('keeps A4 and the decree’s margins, the columns filling the text width', () => {
    expect(mmToTwip(PAGE.widthMm)).toBe(11906);
    expect(mmToTwip(PAGE.heightMm)).toBe(16838);
    expect(PAGE.margins.left).toBeGreaterThanOrEqual(30);
    expect(PAGE.margins.left).toBeLessThanOrEqual(35);
    expect(PAGE.margins.right).toBeGreaterThanOrEqual(15);
    expect(PAGE.margins.right).toBeLessThanOrEqual(20);
    expect(INDICATOR_COLUMNS.reduce((sum, column) => sum + column.widthMm, 0)).toBe(TEXT_WIDTH_MM);
  });

  it('writes the place and date line of decree 30/2020', () => {
    expect(dateLine(bacTuLiem2021Report())).toBe('Bắc Từ Liêm, ngày 10 tháng 01 năm 2022');
    expect(dateLine({ ...bacTuLiem2021Report(), place: 'Tây Tựu', date: '2021-11-18' })).toBe(
      'Tây Tựu, ngày 18 tháng 11 năm 2021',
    );
  });

  it('numbers the parts after the sections on from theirs, or not at all', () => {
    expect(toRoman(4)).toBe('IV');
    expect(toRoman(9)).toBe('IX');
    expect(toRoman(14)).toBe('XIV');
    expect(partHeadings(bacTuLiem2021Report())).toEqual({
      indicators: 'V. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021',
      nextYear: 'VI. CHỈ TIÊU NĂM 2022',
    });
    const unnumbered = {
      ...bacTuLiem2021Report(),
      sections: [{ heading: 'Kết quả', paragraphs: [], figures: [] }],
    };
    expect(partHeadings(unnumbered).indicators).toBe('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021');
    expect(partHeadings({ ...unnumbered, nextYearHeading: 'PHẦN THỨ HAI' }).nextYear).toBe('PHẦN THỨ HAI');
  });

  it('prints a target’s number once over its indicators, and a dash where there is no result', () => {
    const cells = indicatorCells(bacTuLiem2021Report().indicators);
    expect(cells.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '', '7', '8', '', '']);
    expect(cells[9]?.slice(3)).toEqual(['—', '—', 'Chưa có số liệu']);
  });

  it('punctuates the recipients as the decree lists them', () => {
    expect(recipientLines(['Như trên;', '- Thường trực Quận ủy', 'Lưu: VT'])).toEqual([
      '- Như trên;',
      '- Thường trực Quận ủy;',
      '- Lưu: VT.',
    ]);
  });

  it('reads a figure as a number only when the number leads and a unit alone follows', () => {
    expect(parseFigure('2.062 thành viên')).toEqual({ value: 2062, unit: 'thành viên' });
    expect(parseFigure('82.337 hộ')).toEqual({ value: 82337, unit: 'hộ' });
    expect(parseFigure('98,2%')).toEqual({ value: 98.2, unit: '%' });
    expect(parseFigure('183')).toEqual({ value: 183, unit: '' });
    expect(parseFigure('1.234.567 đồng')).toEqual({ value: 1234567, unit: 'đồng' });
    for (const text of ['hơn 2,3 tỷ đồng', '50 quỹ, hơn 4,1 tỷ đồng', '2–3 cuộc', '12.34 hộ', '', null]) {
      expect(parseFigure(text), String(text)).toBeNull();
    }
  });
});
