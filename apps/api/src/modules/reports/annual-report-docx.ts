import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  type AnnualReportInput,
  type CellAlign,
  dateLine,
  FONT_FAMILY,
  FONT_PT,
  figureCells,
  figureColumns,
  figureSentence,
  HEADER_COLUMNS_MM,
  hasPrevious,
  INDICATOR_COLUMNS,
  indicatorCells,
  issuingLines,
  MOTTO,
  MOTTO_RULE_MM,
  mmToTwip,
  NATIONAL_TITLE,
  nextYearLines,
  PAGE,
  PARAGRAPH,
  partHeadings,
  RECIPIENTS_LABEL,
  recipientLines,
  SIGNATURE_COLUMNS_MM,
  SIGNATURE_GAP_PT,
  SIGNATURE_SPACE_PT,
  signatureLines,
  TEXT_WIDTH_MM,
  unitRuleMm,
} from './annual-report-layout';

/** Word writes font sizes in half-points. */
const halfPoints = (pt: number) => pt * 2;

type RunStyle = { size?: number; bold?: boolean; italics?: boolean };

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT_FAMILY,
    size: halfPoints(style.size ?? FONT_PT.body),
    bold: style.bold,
    italics: style.italics,
  });

const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function line(text: string, style: RunStyle & { align?: CellAlign; after?: number; before?: number } = {}) {
  return new Paragraph({
    alignment: alignment[style.align ?? 'center'],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    children: [run(text, style)],
  });
}

/** A short horizontal rule centred in a width: an empty paragraph whose top border is the rule. */
function rule(ruleMm: number, widthMm: number) {
  const side = mmToTwip(Math.max(0, (widthMm - ruleMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 6 })],
  });
}

const noBorders = TableBorders.NONE;

function layoutCell(widthMm: number, children: Paragraph[]) {
  return new TableCell({
    width: { size: mmToTwip(widthMm), type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: noBorders,
    children,
  });
}

/** Issuing body and number on the left, national title, motto and date line on the right. */
function headerBlock(data: AnnualReportInput) {
  const issuing = issuingLines(data);
  const left = layoutCell(HEADER_COLUMNS_MM.left, [
    line(issuing.parent, { size: FONT_PT.parent }),
    line(issuing.name, { size: FONT_PT.unitName, bold: true }),
    rule(unitRuleMm(issuing.name), HEADER_COLUMNS_MM.left),
    line(data.number, { size: FONT_PT.number, before: 60 }),
  ]);
  const right = layoutCell(HEADER_COLUMNS_MM.right, [
    line(NATIONAL_TITLE, { size: FONT_PT.nationalTitle, bold: true }),
    line(MOTTO, { size: FONT_PT.motto, bold: true }),
    rule(MOTTO_RULE_MM, HEADER_COLUMNS_MM.right),
    line(dateLine(data), { size: FONT_PT.dateLine, italics: true, before: 60 }),
  ]);
  return new Table({
    width: { size: mmToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mmToTwip(HEADER_COLUMNS_MM.left), mmToTwip(HEADER_COLUMNS_MM.right)],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [left, right] })],
  });
}

function heading(text: string) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: PARAGRAPH.spaceAfterPt * 20 },
    indent: { firstLine: mmToTwip(PARAGRAPH.firstLineIndentMm) },
    keepNext: true,
    children: [run(text, { bold: true, size: FONT_PT.heading })],
  });
}

function bodyParagraph(text: string, keepNext = false) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
    spacing: { before: 0, after: PARAGRAPH.spaceAfterPt * 20 },
    indent: { firstLine: mmToTwip(PARAGRAPH.firstLineIndentMm) },
    children: [run(text)],
  });
}

type Column = { readonly title: string; readonly widthMm: number; readonly align: CellAlign };

/** A ruled table whose header row repeats on every page it crosses. */
function gridTable(columns: readonly Column[], rows: string[][]) {
  const cell = (text: string, column: Column, isHeader: boolean) =>
    new TableCell({
      width: { size: mmToTwip(column.widthMm), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: alignment[isHeader ? 'center' : column.align],
          spacing: { before: 0, after: 0 },
          children: [run(text, { size: FONT_PT.table, bold: isHeader })],
        }),
      ],
    });
  return new Table({
    width: { size: mmToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: columns.map((column) => mmToTwip(column.widthMm)),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((column) => cell(column.title, column, true)),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((column, index) => cell(cells[index] ?? '', column, false)),
          }),
      ),
    ],
  });
}

const spacer = () => line('', { size: 6, after: 0 });

function signatureBlock(data: AnnualReportInput) {
  const signer = signatureLines(data);
  const left = layoutCell(SIGNATURE_COLUMNS_MM.left, [
    line(RECIPIENTS_LABEL, {
      size: FONT_PT.recipientsLabel,
      bold: true,
      italics: true,
      align: 'left',
      before: SIGNATURE_GAP_PT * 20,
    }),
    ...recipientLines(data.recipients).map((text) => line(text, { size: FONT_PT.recipients, align: 'left' })),
  ]);
  const right = layoutCell(SIGNATURE_COLUMNS_MM.right, [
    line(signer.onBehalf, { size: FONT_PT.signature, bold: true, before: SIGNATURE_GAP_PT * 20 }),
    line(signer.role, { size: FONT_PT.signature, bold: true }),
    line('', { size: FONT_PT.signature, after: SIGNATURE_SPACE_PT * 20 }),
    line(signer.name, { size: FONT_PT.signature, bold: true }),
  ]);
  return new Table({
    width: { size: mmToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mmToTwip(SIGNATURE_COLUMNS_MM.left), mmToTwip(SIGNATURE_COLUMNS_MM.right)],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ cantSplit: true, children: [left, right] })],
  });
}

function body(data: AnnualReportInput) {
  const headings = partHeadings(data);
  const children: Array<Paragraph | Table> = [
    headerBlock(data),
    line(data.title, { size: FONT_PT.title, bold: true, before: 360 }),
    line(data.subtitle, { size: FONT_PT.subtitle, bold: true, after: 240 }),
  ];
  for (const section of data.sections) {
    children.push(heading(section.heading), ...section.paragraphs.map((text) => bodyParagraph(text)));
    if (section.figures.length === 0) continue;
    if (hasPrevious(section)) {
      children.push(gridTable(figureColumns(data.year), figureCells(section)), spacer());
    } else {
      children.push(...section.figures.map((figure) => bodyParagraph(figureSentence(figure))));
    }
  }
  children.push(heading(headings.indicators), gridTable(INDICATOR_COLUMNS, indicatorCells(data.indicators)));
  children.push(spacer(), heading(headings.nextYear));
  const closing = [...(data.nextYearParagraphs ?? []), ...nextYearLines(data)];
  // The signature never stands alone on a page: the last paragraph goes over with it.
  children.push(...closing.map((text, index) => bodyParagraph(text, index === closing.length - 1)));
  children.push(signatureBlock(data));
  return children;
}

/** The year-end report as a Word document in the layout of decree 30/2020. */
export async function buildAnnualReportDocx(data: AnnualReportInput): Promise<Buffer> {
  const document = new Document({
    creator: 'Đoàn Kết',
    title: `${data.title} ${data.subtitle}`,
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: halfPoints(FONT_PT.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: mmToTwip(PAGE.widthMm),
              height: mmToTwip(PAGE.heightMm),
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(PAGE.margins.top),
              bottom: mmToTwip(PAGE.margins.bottom),
              left: mmToTwip(PAGE.margins.left),
              right: mmToTwip(PAGE.margins.right),
              header: mmToTwip(PAGE.pageNumberFromTopMm),
              footer: mmToTwip(PAGE.pageNumberFromTopMm),
            },
          },
        },
        headers: {
          // The first page shows no number (decree 30/2020); the others show it centred on top.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    font: FONT_FAMILY,
                    size: halfPoints(FONT_PT.pageNumber),
                  }),
                ],
              }),
            ],
          }),
        },
        children: body(data),
      },
    ],
  });
  return Packer.toBuffer(document);
}
