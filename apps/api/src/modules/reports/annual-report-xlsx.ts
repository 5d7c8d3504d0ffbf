import { formatDate } from '@doanket/domain';
import ExcelJS from 'exceljs';
import {
  type AnnualReportInput,
  FONT_FAMILY,
  MM_PER_INCH,
  PAGE,
  parseFigure,
  partHeadings,
  sourceLabels,
  statusLabels,
} from './annual-report-layout';

type Cell = ExcelJS.Cell;
type Sheet = ExcelJS.Worksheet;
type Value = string | number | null | { formula: string; result: number };
type Column = { title: string; width: number; align: 'left' | 'center' | 'right' };

const FONT_SIZE = 12;
const HEADER_ROW = 4;
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Whole numbers print without decimals, others with one (Excel shows the separators of its locale). */
export const numberFormatOf = (value: number) => (Number.isInteger(value) ? '#,##0' : '#,##0.0');

/** Green for exceeded or met, amber for not yet, red for missed, as on the dashboard. */
const statusFills = [
  { labels: [statusLabels.exceeded, statusLabels.met], fill: 'FFC6EFCE', font: 'FF006100' },
  { labels: [statusLabels.not_yet], fill: 'FFFFEB9C', font: 'FF9C5700' },
  { labels: [statusLabels.missed], fill: 'FFFFC7CE', font: 'FF9C0006' },
];

const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 100) / 100;

/** A4 portrait, the decree's margins, one page wide, the header row on every page. */
function printSetup(sheet: Sheet) {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: {
      top: inches(PAGE.margins.top),
      bottom: inches(PAGE.margins.bottom),
      left: inches(PAGE.margins.left),
      right: inches(PAGE.margins.right),
      header: inches(PAGE.pageNumberFromTopMm),
      footer: inches(PAGE.pageNumberFromTopMm),
    },
  };
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}

/** Title lines over the table, merged across its width. */
function titleRows(sheet: Sheet, columns: number, title: string, subtitle: string) {
  const lastColumn = sheet.getColumn(columns).letter;
  for (const [row, text, font] of [
    [1, title, { bold: true, size: 14 }],
    [2, subtitle, { italic: true, size: FONT_SIZE }],
  ] as const) {
    sheet.mergeCells(`A${row}:${lastColumn}${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.font = { name: FONT_FAMILY, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.getRow(1).height = 22;
  sheet.getRow(2).height = 32;
}

function tableHeader(sheet: Sheet, columns: Column[]) {
  const row = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = row.getCell(index + 1);
    cell.value = column.title;
    cell.font = { name: FONT_FAMILY, size: FONT_SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  row.height = 32;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }];
}

function writeCell(cell: Cell, value: Value, column: Column, numFmt?: string) {
  cell.value = value;
  cell.font = { name: FONT_FAMILY, size: FONT_SIZE };
  cell.alignment = { horizontal: column.align, vertical: 'middle', wrapText: true };
  cell.border = border;
  if (numFmt) cell.numFmt = numFmt;
}

/** "Số: 15/BC-MTTQ" → "15/BC-MTTQ". */
const numberSymbol = (number: string) => number.replace(/^Số:\s*/i, '');

const annexNote = (data: AnnualReportInput) =>
  `(Kèm theo Báo cáo số ${numberSymbol(data.number)} ngày ${formatDate(data.date)} của ${data.issuingBody.parent} ${data.issuingBody.name})`;

const indicatorColumns: Column[] = [
  { title: 'STT', width: 6, align: 'center' },
  { title: 'Chỉ tiêu', width: 52, align: 'left' },
  { title: 'Đơn vị tính', width: 10, align: 'center' },
  { title: 'Chỉ tiêu giao', width: 13, align: 'center' },
  { title: 'Kết quả', width: 13, align: 'center' },
  { title: 'Giá trị', width: 11, align: 'right' },
  { title: 'Tỷ lệ đạt (%)', width: 11, align: 'right' },
  { title: 'Đánh giá', width: 15, align: 'center' },
  { title: 'Nguồn số liệu', width: 18, align: 'left' },
];

function indicatorsSheet(workbook: ExcelJS.Workbook, data: AnnualReportInput) {
  const sheet = workbook.addWorksheet('Chỉ tiêu');
  const heading = partHeadings(data).indicators.replace(/^[IVXL]+\.\s*/, '');
  titleRows(sheet, indicatorColumns.length, `PHỤ LỤC: ${heading}`, annexNote(data));
  tableHeader(sheet, indicatorColumns);
  data.indicators.forEach((indicator, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    const values: Array<[Value, string?]> = [
      [indicator.target],
      [indicator.name],
      [indicator.unitOfMeasure],
      [indicator.targetText],
      [indicator.valueText.trim() === '' ? null : indicator.valueText],
      [indicator.value, indicator.value === null ? undefined : numberFormatOf(indicator.value)],
      [indicator.percent, indicator.percent === null ? undefined : numberFormatOf(indicator.percent)],
      [statusLabels[indicator.status]],
      [sourceLabels[indicator.source]],
    ];
    values.forEach(([value, numFmt], column) => {
      writeCell(row.getCell(column + 1), value, indicatorColumns[column]!, numFmt);
    });
  });
  const last = HEADER_ROW + data.indicators.length;
  if (data.indicators.length > 0) {
    let priority = 1;
    sheet.addConditionalFormatting({
      ref: `H${HEADER_ROW + 1}:H${last}`,
      rules: statusFills.flatMap(({ labels, fill, font }) =>
        labels.map((label) => ({
          type: 'cellIs' as const,
          operator: 'equal' as const,
          formulae: [`"${label}"`],
          priority: priority++,
          style: {
            fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: fill } },
            font: { color: { argb: font } },
          },
        })),
      ),
    });
  }
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: indicatorColumns.length },
  };
  printSetup(sheet);
}

const figureColumnsOf = (year: number): Column[] => [
  { title: 'STT', width: 6, align: 'center' },
  { title: 'Phần', width: 34, align: 'left' },
  { title: 'Nội dung', width: 46, align: 'left' },
  { title: `Năm ${year}`, width: 22, align: 'right' },
  { title: `Năm ${year - 1}`, width: 22, align: 'right' },
  { title: `So với năm ${year - 1} (%)`, width: 14, align: 'right' },
];

/** A number with its unit in the format ("2.062 thành viên"), or the text as written. */
function figureValue(text: string | null | undefined): [Value, string?] {
  const parsed = parseFigure(text);
  if (!parsed) return [text ?? null];
  const unit =
    parsed.unit === '' ? '' : parsed.unit === '%' ? '"%"' : `" ${parsed.unit.replaceAll('"', '')}"`;
  return [parsed.value, `${numberFormatOf(parsed.value)}${unit}`];
}

function figuresSheet(workbook: ExcelJS.Workbook, data: AnnualReportInput) {
  const sheet = workbook.addWorksheet('Số liệu');
  const columns = figureColumnsOf(data.year);
  titleRows(sheet, columns.length, `SỐ LIỆU NĂM ${data.year} SO VỚI NĂM ${data.year - 1}`, annexNote(data));
  tableHeader(sheet, columns);
  let rowNumber = HEADER_ROW + 1;
  for (const section of data.sections) {
    for (const figure of section.figures) {
      const row = sheet.getRow(rowNumber);
      const current = parseFigure(figure.value);
      const previous = parseFigure(figure.previous);
      const comparable = current && previous && current.unit === previous.unit && previous.value > 0;
      const values: Array<[Value, string?]> = [
        [rowNumber - HEADER_ROW],
        [section.heading],
        [figure.label],
        figureValue(figure.value),
        figureValue(figure.previous),
        comparable
          ? [
              {
                formula: `ROUND(D${rowNumber}/E${rowNumber}*100,1)`,
                result: Math.round((current.value / previous.value) * 1000) / 10,
              },
              '#,##0.0',
            ]
          : [null],
      ];
      values.forEach(([value, numFmt], column) => {
        writeCell(row.getCell(column + 1), value, columns[column]!, numFmt);
      });
      rowNumber += 1;
    }
  }
  printSetup(sheet);
}

/** The year-end report's annex: the indicators table and the section figures with last year's. */
export async function buildAnnualReportXlsx(data: AnnualReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Đoàn Kết';
  workbook.title = `${data.title} ${data.subtitle}`;
  workbook.created = new Date(`${data.date}T00:00:00Z`);
  indicatorsSheet(workbook, data);
  figuresSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
