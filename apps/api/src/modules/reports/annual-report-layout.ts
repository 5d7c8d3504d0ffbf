// What the year-end report says and where, shared by the DOCX, PDF and XLSX builders so that the
// three files carry the same words and numbers. Sizes follow decree 30/2020 (appendix I).
import {
  type AnnualReportData,
  formatDocumentDate,
  formatNumber,
  type ReportIndicatorRow,
  type ReportSection,
} from '@doanket/domain';

/** Optional parts of the report that `AnnualReportData` does not carry; defaults are derived. */
export type AnnualReportExtras = {
  /** Heading over the indicators table; default "<next Roman numeral>. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM <year>". */
  indicatorsHeading?: string;
  /** Heading over next year's targets; default "<next Roman numeral>. CHỈ TIÊU NĂM <year + 1>". */
  nextYearHeading?: string;
  /** Editable paragraphs (directions and tasks of next year) before the numbered targets. */
  nextYearParagraphs?: string[];
};

export type AnnualReportInput = AnnualReportData & AnnualReportExtras;

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number) => (mm * 72) / MM_PER_INCH;
/** Word measures pages in twentieths of a point. */
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / MM_PER_INCH);

/** A4 portrait; margins within decree 30/2020's ranges (top, bottom 20–25; left 30–35; right 15–20). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Page numbers sit centred in the top margin, from page 2 (decree 30/2020, appendix I). */
  pageNumberFromTopMm: 10,
} as const;
export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.margins.left - PAGE.margins.right;

export const FONT_FAMILY = 'Times New Roman';

/** Point sizes of each element (decree 30/2020: 12–14 pt by element; body 13–14). */
export const FONT_PT = {
  body: 14,
  parent: 13,
  unitName: 13,
  number: 13,
  nationalTitle: 13,
  motto: 14,
  dateLine: 14,
  title: 14,
  subtitle: 14,
  heading: 14,
  table: 13,
  signature: 14,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
} as const;

/** First-line indent of body paragraphs (decree 30/2020: 1–1,27 cm) and the gap after them. */
export const PARAGRAPH = { firstLineIndentMm: 10, spaceAfterPt: 6 } as const;

/** The two-column header: issuing body on the left, national title on the right. */
export const HEADER_COLUMNS_MM = { left: 68, right: TEXT_WIDTH_MM - 68 } as const;
/** The signature block: "Nơi nhận" on the left, the signer on the right. */
export const SIGNATURE_COLUMNS_MM = { left: 80, right: TEXT_WIDTH_MM - 80 } as const;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The motto's rule is as long as the motto (Times New Roman bold at FONT_PT.motto). */
export const MOTTO_RULE_MM = 60;
export const RECIPIENTS_LABEL = 'Nơi nhận:';

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** The issuing body's two lines, upper case as the decree writes them. */
export const issuingLines = (data: AnnualReportData) => ({
  parent: upper(data.issuingBody.parent),
  name: upper(data.issuingBody.name),
});

/**
 * The rule under the unit name: a third to a half of the line's length (decree 30/2020). Word
 * cannot measure text, so both documents use this estimate of upper-case bold Times at 13 pt.
 */
export function unitRuleMm(name: string): number {
  const estimatedWidth = upper(name).length * 2.85;
  return Math.min(HEADER_COLUMNS_MM.left - 8, Math.max(15, Math.round(estimatedWidth * 0.45)));
}

/** "Bắc Từ Liêm, ngày 10 tháng 01 năm 2022". */
export const dateLine = (data: AnnualReportData) => `${data.place}, ${formatDocumentDate(data.date)}`;

export const statusLabels: Record<ReportIndicatorRow['status'], string> = {
  exceeded: 'Vượt',
  met: 'Đạt',
  not_yet: 'Chưa đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
};

export const sourceLabels: Record<ReportIndicatorRow['source'], string> = {
  computed: 'Tính từ dữ liệu',
  manual: 'Nhập có minh chứng',
};

const DASH = '—';

const romanNumerals: Array<[number, string]> = [
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, numeral] of romanNumerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

const romanHeading = /^([IVXL]+)\.\s/;

/**
 * Headings of the parts that follow the sections. When the sections are numbered "I.", "II.", …
 * the indicators and next year's targets carry on the numbering.
 */
export function partHeadings(data: AnnualReportInput) {
  const numbered =
    data.sections.length > 0 && data.sections.every((section) => romanHeading.test(section.heading));
  const prefix = (offset: number) => (numbered ? `${toRoman(data.sections.length + offset)}. ` : '');
  return {
    indicators: data.indicatorsHeading ?? `${prefix(1)}KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${data.year}`,
    nextYear: data.nextYearHeading ?? `${prefix(2)}CHỈ TIÊU NĂM ${data.year + 1}`,
  };
}

/** Columns of the indicators table, their widths summing to the text width. */
export const INDICATOR_COLUMNS = [
  { title: 'STT', widthMm: 13, align: 'center' },
  { title: 'Chỉ tiêu', widthMm: 61, align: 'left' },
  { title: 'Chỉ tiêu giao', widthMm: 24, align: 'center' },
  { title: 'Kết quả', widthMm: 24, align: 'center' },
  { title: 'Tỷ lệ đạt (%)', widthMm: 20, align: 'center' },
  { title: 'Đánh giá', widthMm: 23, align: 'center' },
] as const;

export type CellAlign = 'left' | 'center' | 'right';

/** "101,2"; a missing share is a dash. */
export const percentText = (percent: number | null) => (percent === null ? DASH : formatNumber(percent));

/**
 * The cells of each indicators row as the documents print them. Rows of one target share its
 * number, printed on the first of them only.
 */
export function indicatorCells(rows: ReportIndicatorRow[]): string[][] {
  return rows.map((row, index) => [
    index > 0 && rows[index - 1]?.target === row.target ? '' : String(row.target),
    row.name,
    row.targetText,
    row.valueText.trim() === '' ? DASH : row.valueText,
    percentText(row.percent),
    statusLabels[row.status],
  ]);
}

export const hasPrevious = (section: ReportSection) =>
  section.figures.some((figure) => figure.previous !== undefined && figure.previous !== null);

/** Columns of a section's figures table when last year's values are there to compare. */
export const figureColumns = (year: number) =>
  [
    { title: 'Nội dung', widthMm: 95, align: 'left' },
    { title: `Năm ${year}`, widthMm: 35, align: 'center' },
    { title: `Năm ${year - 1}`, widthMm: 35, align: 'center' },
  ] as const;

export const figureCells = (section: ReportSection): string[][] =>
  section.figures.map((figure) => [figure.label, figure.value, figure.previous ?? DASH]);

/** A figure as a sentence, for sections without last year's values: "- Label: value.". */
export const figureSentence = (figure: { label: string; value: string }) =>
  `- ${figure.label}: ${figure.value}.`;

/** "1. …" for each of next year's targets. */
export const nextYearLines = (data: AnnualReportData) =>
  data.nextYearTargets.map((item) => `${item.target}. ${item.text}`);

/** Recipients as decree 30/2020 lists them: "- …;" on each line and "." after the last. */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((recipient, index) => {
    const text = recipient
      .trim()
      .replace(/^[-–]\s*/, '')
      .replace(/[;.,]+$/, '');
    return `- ${text}${index === recipients.length - 1 ? '.' : ';'}`;
  });
}

/** The signature block, top to bottom, upper case as signed. */
export const signatureLines = (data: AnnualReportData) => ({
  onBehalf: upper(data.signature.onBehalf),
  role: upper(data.signature.role),
  name: data.signature.name,
});

/** Blank space left for the signature and seal, and the gap above the block, in points. */
export const SIGNATURE_SPACE_PT = 72;
export const SIGNATURE_GAP_PT = 12;

/**
 * A figure written as a Vietnamese number and an optional unit ("2.062 thành viên", "98,2%"),
 * for the spreadsheet to keep as a number. Anything with words before the number ("hơn 2,3 tỷ
 * đồng") stays text, as the document writes it.
 */
export function parseFigure(text: string | null | undefined): { value: number; unit: string } | null {
  if (!text) return null;
  const match = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?\s*(%|[\p{L}][\p{L}\s]*)?$/u.exec(text.trim());
  if (!match) return null;
  const value = Number(`${match[1]!.replaceAll('.', '')}${match[2] ? `.${match[2]}` : ''}`);
  return Number.isFinite(value) ? { value, unit: (match[3] ?? '').trim() } : null;
}

/** The file name offered for download: "bao-cao-tong-ket-2021-021.docx". */
export const annualReportFileName = (data: AnnualReportData, extension: 'docx' | 'pdf' | 'xlsx') =>
  `bao-cao-tong-ket-${data.year}-${data.unit.code}.${extension}`;
