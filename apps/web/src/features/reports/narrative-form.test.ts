import { describe, expect, it } from 'vitest';
import {
  annualReportHref,
  fallbackFileName,
  mayWriteReport,
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
    values.sections.next_year = 'Phấn đấu 98% hộ đăng ký gia đình văn hóa.';
    expect(toSaveRequest('021', 2021, { ...values, signatoryName: '  Nguyễn Văn A ', number: ' ' })).toEqual({
      unitCode: '021',
      year: 2021,
      number: null,
      date: '2022-01-10',
      signatoryName: 'Nguyễn Văn A',
      sections: {
        self_governance: [],
        funds: ['A', 'B'],
        campaigns: [],
        register: [],
        next_year: ['Phấn đấu 98% hộ đăng ký gia đình văn hóa.'],
      },
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

  it('lets edit the report those the API lets save it', () => {
    const district = { code: '021', kind: 'district' as const, path: [{ code: '01' }, { code: '021' }] };
    const ward = {
      code: '00610',
      kind: 'ward' as const,
      path: [{ code: '01' }, { code: '021' }, { code: '00610' }],
    };
    const may = (role: Parameters<typeof mayWriteReport>[0][number]['role'], unitCode: string | null) => ({
      district: mayWriteReport([{ role, unitCode }], district),
      ward: mayWriteReport([{ role, unitCode }], ward),
    });
    expect(may('system_admin', null)).toEqual({ district: true, ward: true });
    expect(may('standing_committee', '021')).toEqual({ district: true, ward: true });
    expect(may('standing_committee', '00610')).toEqual({ district: false, ward: true });
    expect(may('officer', '00610')).toEqual({ district: false, ward: true });
    expect(may('officer', '021')).toEqual({ district: true, ward: false });
    expect(may('treasurer', '021')).toEqual({ district: false, ward: false });
    expect(may('viewer', '01')).toEqual({ district: false, ward: false });
    expect(mayWriteReport([], district)).toBe(false);
  });
});
