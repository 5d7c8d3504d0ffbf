import { describe, expect, it } from 'vitest';
import {
  annualReportHref,
  fallbackFileName,
  paragraphsToText,
  reportYearOf,
  textToParagraphs,
  toFormValues,
  toSaveRequest,
} from './narrative-form';

describe('narrative form', () => {
  it('turns paragraphs into one text and back', () => {
    const paragraphs = ['Năm 2021, trên địa bàn có 183 tổ tự quản.', 'Đoạn thứ hai.'];
    expect(paragraphsToText(paragraphs)).toBe('Năm 2021, trên địa bàn có 183 tổ tự quản.\n\nĐoạn thứ hai.');
    expect(textToParagraphs(paragraphsToText(paragraphs))).toEqual(paragraphs);
  });

  it('splits at empty lines only, joins broken lines, drops blank paragraphs', () => {
    expect(textToParagraphs('  Một\r\nhai  \r\n \r\n\n\nBa\n\t\nBốn  ')).toEqual(['Một hai', 'Ba', 'Bốn']);
    expect(textToParagraphs('   \n\n  ')).toEqual([]);
    expect(textToParagraphs('')).toEqual([]);
  });

  it('builds the form from the API answer and the save request from the form', () => {
    const values = toFormValues({
      number: 'Số: 15/BC-MTTQ',
      date: '2022-01-10',
      signatoryName: '',
      sections: { funds: ['A', 'B'], next_year: [] },
    });
    expect(values).toEqual({
      number: 'Số: 15/BC-MTTQ',
      date: '2022-01-10',
      signatoryName: '',
      sections: {
        self_governance: '',
        funds: 'A\n\nB',
        campaigns: '',
        register: '',
        next_year: '',
      },
    });
    const before = { values: structuredClone(values), savedSections: ['funds'] };
    values.sections.next_year = 'Phấn đấu 98% hộ đăng ký gia đình văn hóa.';
    // funds was saved before: kept; next_year changed: saved; the untouched defaults stay live.
    expect(
      toSaveRequest('021', 2021, { ...values, signatoryName: '  Nguyễn Văn A ', number: ' ' }, before),
    ).toEqual({
      unitCode: '021',
      year: 2021,
      number: null,
      date: '2022-01-10',
      signatoryName: 'Nguyễn Văn A',
      sections: {
        funds: ['A', 'B'],
        next_year: ['Phấn đấu 98% hộ đăng ký gia đình văn hóa.'],
      },
    });
  });

  it('saves no default sentence unless it is changed, and an emptied section goes back to its default', () => {
    const values = toFormValues({
      number: '',
      date: '',
      signatoryName: '',
      sections: { self_governance: ['Có 183 tổ tự quản.'], funds: ['Quỹ đạt 157%.'] },
    });
    const before = { values: structuredClone(values), savedSections: [] };
    expect(toSaveRequest('021', 2021, values, before).sections).toEqual({});
    // Only line breaks changed: the same paragraphs, nothing to save.
    values.sections.self_governance = 'Có 183 tổ\ntự quản.';
    expect(toSaveRequest('021', 2021, values, before).sections).toEqual({});
    values.sections.funds = '';
    values.sections.self_governance = 'Có 183 tổ tự quản, 2.062 tổ viên.';
    expect(toSaveRequest('021', 2021, values, { ...before, savedSections: ['funds'] }).sections).toEqual({
      self_governance: ['Có 183 tổ tự quản, 2.062 tổ viên.'],
    });
  });

  it('takes the year from the URL, else the last year over by the viewing date', () => {
    expect(reportYearOf('2021', '2026-11-30')).toBe(2021);
    expect(reportYearOf(null, '2026-11-30')).toBe(2025);
    expect(reportYearOf('20x1', '2022-03-01')).toBe(2021);
    expect(reportYearOf('1800', '2022-03-01')).toBe(2021);
    expect(reportYearOf(null, '2021-12-31')).toBe(2021);
    expect(reportYearOf(null, '2021-12-30')).toBe(2020);
  });

  it('links to the report of a unit and a year as of the year’s end', () => {
    expect(annualReportHref('021', 2021)).toBe('/reports/annual?unit=021&year=2021&at=2021-12-31');
    expect(fallbackFileName('021', 2021, 'pdf')).toBe('bao-cao-tong-ket-021-2021.pdf');
  });
});
