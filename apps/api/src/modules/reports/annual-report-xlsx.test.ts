import type { AnnualReportData } from '@doanket/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bacTuLiem2021Report } from './annual-report.fixtures';
import { buildAnnualReportXlsx } from './annual-report-xlsx';

async function openXlsx(data: AnnualReportData) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildAnnualReportXlsx(data)) as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a row, columns 1…count. */
const rowValues = (sheet: ExcelJS.Worksheet, row: number, count: number) =>
  Array.from({ length: count }, (_, index) => sheet.getRow(row).getCell(index + 1).value);

/** The row whose column B (C on "Số liệu") reads `text`. */
function findRow(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    if (sheet.getRow(number).getCell(column).value === text) return sheet.getRow(number);
  }
  throw new Error(`No row reads "${text}"`);
}

describe('the year-end report annex as XLSX', () => {
  it('tables the indicators with numbers as numbers and the assessment in Vietnamese', async () => {
    const workbook = await openXlsx(bacTuLiem2021Report());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Chỉ tiêu', 'Số liệu']);
    const sheet = workbook.getWorksheet('Chỉ tiêu')!;
    expect(sheet.getCell('A1').value).toBe('PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021');
    expect(sheet.getCell('A2').value).toBe(
      '(Kèm theo Báo cáo số 15/BC-MTTQ ngày 10/01/2022 của Ủy ban Mặt trận Tổ quốc Việt Nam Quận Bắc Từ Liêm)',
    );
    expect(rowValues(sheet, 4, 9)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu giao',
      'Kết quả',
      'Giá trị',
      'Tỷ lệ đạt (%)',
      'Đánh giá',
      'Nguồn số liệu',
    ]);
    expect(sheet.rowCount).toBe(4 + 11);

    const cultural = findRow(sheet, 2, 'Hộ gia đình đăng ký gia đình văn hóa');
    expect(rowValues(sheet, cultural.number, 9)).toEqual([
      3,
      'Hộ gia đình đăng ký gia đình văn hóa',
      '%',
      '≥ 97%',
      '98,2%',
      98.2,
      101.2,
      'Vượt',
      'Tính từ dữ liệu',
    ]);
    expect(cultural.getCell(6).numFmt).toBe('#,##0.0');
    expect(cultural.getCell(7).numFmt).toBe('#,##0.0');

    const funds = findRow(
      sheet,
      2,
      'Hoàn thành, vượt chỉ tiêu Quỹ "Vì người nghèo" và các quỹ khác được giao',
    );
    expect(funds.getCell(6).value).toBe(157);
    expect(funds.getCell(6).numFmt).toBe('#,##0');
    expect(funds.getCell(7).value).toBe(157);

    const mediation = findRow(sheet, 2, 'Vụ việc hòa giải ở cơ sở hòa giải thành');
    expect(rowValues(sheet, mediation.number, 9).slice(4)).toEqual([
      '83,3%',
      83.3,
      98,
      'Không đạt',
      'Nhập có minh chứng',
    ]);
    const missing = findRow(
      sheet,
      2,
      'Ban Thường trực Ủy ban MTTQ phường, Ban Công tác Mặt trận hoàn thành tốt nhiệm vụ',
    );
    expect(rowValues(sheet, missing.number, 9).slice(4, 8)).toEqual([null, null, null, 'Chưa có số liệu']);

    const statuses = Array.from({ length: 11 }, (_, index) => sheet.getCell(`H${5 + index}`).value);
    expect(statuses).toEqual([
      'Đạt',
      'Đạt',
      'Vượt',
      'Vượt',
      'Đạt',
      'Đạt',
      'Đạt',
      'Không đạt',
      'Đạt',
      'Chưa có số liệu',
      'Vượt',
    ]);
    // Each indicator row keeps its target's number, so the sheet can be filtered by target.
    expect(Array.from({ length: 11 }, (_, index) => sheet.getCell(`A${5 + index}`).value)).toEqual([
      1, 2, 3, 4, 5, 6, 6, 7, 8, 8, 8,
    ]);
    expect(sheet.getCell('B5').font?.name).toBe('Times New Roman');
  });

  it('colours the assessment green, amber or red by conditional formatting', async () => {
    const data = bacTuLiem2021Report();
    data.indicators[4] = {
      ...data.indicators[4]!,
      value: 96,
      valueText: '96%',
      percent: 96,
      status: 'not_yet',
    };
    const sheet = (await openXlsx(data)).getWorksheet('Chỉ tiêu')!;
    expect(sheet.getCell('H9').value).toBe('Chưa đạt');
    // exceljs reads conditional formats back but does not declare them on the sheet's type.
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0]!.ref).toBe('H5:H15');
    const colours = Object.fromEntries(
      formats[0]!.rules.map((rule) => {
        const formula = 'formulae' in rule ? String(rule.formulae?.[0]) : '';
        const fill = rule.style?.fill as { bgColor?: { argb?: string } } | undefined;
        return [formula, fill?.bgColor?.argb];
      }),
    );
    expect(colours).toEqual({
      '"Vượt"': 'FFC6EFCE',
      '"Đạt"': 'FFC6EFCE',
      '"Chưa đạt"': 'FFFFEB9C',
      '"Không đạt"': 'FFFFC7CE',
    });
    expect(formats[0]!.rules.every((rule) => rule.type === 'cellIs')).toBe(true);
  });

  it('lists the section figures beside last year’s, numbers with their unit in the format', async () => {
    const sheet = (await openXlsx(bacTuLiem2021Report())).getWorksheet('Số liệu')!;
    expect(rowValues(sheet, 4, 6)).toEqual([
      'STT',
      'Phần',
      'Nội dung',
      'Năm 2021',
      'Năm 2020',
      'So với năm 2020 (%)',
    ]);
    // Two, five, four and five figures in the four sections.
    expect(sheet.rowCount).toBe(4 + 16);

    const members = findRow(sheet, 3, 'Thành viên tổ tự quản');
    expect(members.getCell(2).value).toBe('II. PHÁT HUY VAI TRÒ TỰ QUẢN CỦA CỘNG ĐỒNG DÂN CƯ');
    expect(members.getCell(4).value).toBe(2062);
    expect(members.getCell(4).numFmt).toBe('#,##0" thành viên"');
    expect(members.getCell(5).value).toBe(null);
    for (const [label, value] of [
      ['Tổ tự quản', 183],
      ['Nhóm tự quản', 1181],
      ['Thành viên nhóm tự quản', 3007],
      ['Hộ gia đình được giám sát phòng, chống dịch', 82337],
    ] as const) {
      expect(findRow(sheet, 3, label).getCell(4).value).toBe(value);
    }

    const visits = findRow(sheet, 3, 'Lượt thăm hỏi, tặng quà dịp Tết Tân Sửu');
    expect([visits.getCell(4).value, visits.getCell(5).value]).toEqual([902, 846]);
    expect(visits.getCell(6).value).toEqual({
      formula: `ROUND(D${visits.number}/E${visits.number}*100,1)`,
      result: 106.6,
    });
    expect(visits.getCell(6).numFmt).toBe('#,##0.0');

    // Figures written with words around the number stay as the report writes them.
    const poorFund = findRow(sheet, 3, 'Quỹ "Vì người nghèo" tiếp nhận trong năm');
    expect(rowValues(sheet, poorFund.number, 6).slice(3)).toEqual([
      'hơn 2,3 tỷ đồng, đạt 157% chỉ tiêu Thành phố giao',
      'hơn 1,9 tỷ đồng, đạt 128%',
      null,
    ]);
    expect(findRow(sheet, 3, 'Tổng giá trị hỗ trợ nhà Đại đoàn kết và hỗ trợ khác').getCell(5).value).toBe(
      null,
    );
  });

  it('freezes the header, sizes the columns and prints on A4 with the header row repeated', async () => {
    const workbook = await openXlsx(bacTuLiem2021Report());
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '4:4',
      });
      expect(sheet.pageSetup.margins?.left).toBeCloseTo(30 / 25.4, 2);
      expect(sheet.pageSetup.margins?.right).toBeCloseTo(15 / 25.4, 2);
    }
    const indicators = workbook.getWorksheet('Chỉ tiêu')!;
    expect(indicators.getColumn(2).width).toBe(52);
    expect(indicators.getColumn(1).width).toBe(6);
    expect(workbook.getWorksheet('Số liệu')!.getColumn(3).width).toBe(46);
  });

  it('builds one district’s annex in under a second', async () => {
    const data = bacTuLiem2021Report();
    await buildAnnualReportXlsx(data);
    const started = performance.now();
    await buildAnnualReportXlsx(data);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
