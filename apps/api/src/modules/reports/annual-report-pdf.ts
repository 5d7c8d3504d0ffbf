import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  type AnnualReportInput,
  type CellAlign,
  dateLine,
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
  mmToPt,
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
  unitRuleMm,
} from './annual-report-layout';

const require = createRequire(import.meta.url);
const fontFile = (style: string) => require.resolve(`@expo-google-fonts/tinos/${style}/Tinos_${style}.ttf`);
// Tinos has the metrics of Times New Roman (decree 30/2020) and every Vietnamese glyph.
const fontFiles = {
  regular: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italic: fontFile('400Regular_Italic'),
  boldItalic: fontFile('700Bold_Italic'),
};

type Doc = InstanceType<typeof PDFDocument>;
type FontName = keyof typeof fontFiles;
type PdfFontSource = Parameters<Doc['registerFont']>[1];

/**
 * Fonts parsed once per process: parsing the four Tinos files took two thirds of each report.
 * pdfkit embeds a font object of its own engine (fontkit), which it resolves beside itself.
 */
let parsedFonts: Record<FontName, PdfFontSource> | null = null;
function loadFonts(): Record<FontName, PdfFontSource> {
  if (!parsedFonts) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
      create(buffer: Buffer): PdfFontSource;
    };
    parsedFonts = {
      regular: fontkit.create(readFileSync(fontFiles.regular)),
      bold: fontkit.create(readFileSync(fontFiles.bold)),
      italic: fontkit.create(readFileSync(fontFiles.italic)),
      boldItalic: fontkit.create(readFileSync(fontFiles.boldItalic)),
    };
  }
  return parsedFonts;
}
type Column = { readonly title: string; readonly widthMm: number; readonly align: CellAlign };

const CELL_PADDING = { x: 4, y: 3 };
const RULE_WIDTH = 0.6;

/** Where the text of the page may go, in points. */
const area = (doc: Doc) => ({
  left: doc.page.margins.left,
  top: doc.page.margins.top,
  width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  bottom: doc.page.height - doc.page.margins.bottom,
});

function newPage(doc: Doc) {
  doc.addPage();
  doc.x = area(doc).left;
  doc.y = area(doc).top;
}

/** Starts a new page unless `height` points still fit under the current position. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > area(doc).bottom) newPage(doc);
}

/** Text centred in a column from `y`, wrapped as needed; returns the y under it. */
function centered(doc: Doc, text: string, x: number, y: number, width: number, font: FontName, size: number) {
  doc.font(font).fontSize(size).text(text, x, y, { width, align: 'center' });
  return doc.y;
}

function horizontalRule(doc: Doc, centreX: number, y: number, length: number) {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(RULE_WIDTH)
    .stroke('#000000');
}

function headerBlock(doc: Doc, data: AnnualReportInput) {
  const { left, top } = area(doc);
  const leftWidth = mmToPt(HEADER_COLUMNS_MM.left);
  const rightX = left + leftWidth;
  const rightWidth = mmToPt(HEADER_COLUMNS_MM.right);
  const issuing = issuingLines(data);

  let y = centered(doc, issuing.parent, left, top, leftWidth, 'regular', FONT_PT.parent);
  y = centered(doc, issuing.name, left, y, leftWidth, 'bold', FONT_PT.unitName);
  horizontalRule(doc, left + leftWidth / 2, y + 1, mmToPt(unitRuleMm(issuing.name)));
  const leftBottom = centered(doc, data.number, left, y + 6, leftWidth, 'regular', FONT_PT.number);

  y = centered(doc, NATIONAL_TITLE, rightX, top, rightWidth, 'bold', FONT_PT.nationalTitle);
  y = centered(doc, MOTTO, rightX, y, rightWidth, 'bold', FONT_PT.motto);
  const mottoWidth = doc.font('bold').fontSize(FONT_PT.motto).widthOfString(MOTTO);
  horizontalRule(doc, rightX + rightWidth / 2, y + 1, mottoWidth);
  const rightBottom = centered(doc, dateLine(data), rightX, y + 6, rightWidth, 'italic', FONT_PT.dateLine);

  doc.x = left;
  doc.y = Math.max(leftBottom, rightBottom);
}

function titleBlock(doc: Doc, data: AnnualReportInput) {
  const { left, width } = area(doc);
  let y = centered(doc, data.title, left, doc.y + 18, width, 'bold', FONT_PT.title);
  y = centered(doc, data.subtitle, left, y, width, 'bold', FONT_PT.subtitle);
  doc.x = left;
  doc.y = y + 12;
}

function bodyText(doc: Doc, text: string, font: FontName = 'regular', size: number = FONT_PT.body) {
  const { left, width } = area(doc);
  doc
    .font(font)
    .fontSize(size)
    .text(text, left, doc.y, { width, align: 'justify', indent: mmToPt(PARAGRAPH.firstLineIndentMm) });
  doc.y += PARAGRAPH.spaceAfterPt;
}

function paragraphHeight(doc: Doc, text: string, font: FontName = 'regular', size: number = FONT_PT.body) {
  doc.font(font).fontSize(size);
  const { width } = area(doc);
  return (
    doc.heightOfString(text, { width, align: 'justify', indent: mmToPt(PARAGRAPH.firstLineIndentMm) }) +
    PARAGRAPH.spaceAfterPt
  );
}

/** A bold heading kept on the page of the line that follows it. */
function heading(doc: Doc, text: string, keepWith: number = 3 * FONT_PT.body) {
  ensureSpace(doc, 4 + paragraphHeight(doc, text, 'bold', FONT_PT.heading) + keepWith);
  doc.y += 4;
  bodyText(doc, text, 'bold', FONT_PT.heading);
}

/**
 * A ruled table drawn cell by cell. A row that does not fit moves to the next page, and the
 * header row is drawn again above it.
 */
function rowHeight(doc: Doc, columns: readonly Column[], cells: string[], font: FontName) {
  doc.font(font).fontSize(FONT_PT.table);
  const heights = cells.map((cell, index) =>
    doc.heightOfString(cell || ' ', { width: mmToPt(columns[index]!.widthMm) - 2 * CELL_PADDING.x }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING.y;
}

/** The header row and the first row: what a heading over the table must stay with. */
const tableStartHeight = (doc: Doc, columns: readonly Column[], rows: string[][]) =>
  rowHeight(
    doc,
    columns,
    columns.map((column) => column.title),
    'bold',
  ) + (rows[0] ? rowHeight(doc, columns, rows[0], 'regular') : 0);

function gridTable(doc: Doc, columns: readonly Column[], rows: string[][]) {
  const { left } = area(doc);
  const widths = columns.map((column) => mmToPt(column.widthMm));
  const size = FONT_PT.table;
  const heightOf = (cells: string[], font: FontName) => rowHeight(doc, columns, cells, font);
  const drawRow = (cells: string[], font: FontName, isHeader: boolean, height: number) => {
    const top = doc.y;
    let x = left;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      doc.rect(x, top, width, height).lineWidth(0.5).stroke('#000000');
      doc.font(font).fontSize(size);
      const innerWidth = width - 2 * CELL_PADDING.x;
      const textHeight = doc.heightOfString(cell || ' ', { width: innerWidth });
      doc.fillColor('#000000').text(cell, x + CELL_PADDING.x, top + (height - textHeight) / 2, {
        width: innerWidth,
        align: isHeader ? 'center' : columns[index]!.align,
      });
      x += width;
    });
    doc.x = left;
    doc.y = top + height;
  };
  const titles = columns.map((column) => column.title);
  const headerHeight = heightOf(titles, 'bold');
  ensureSpace(doc, tableStartHeight(doc, columns, rows));
  drawRow(titles, 'bold', true, headerHeight);
  for (const cells of rows) {
    const height = heightOf(cells, 'regular');
    if (doc.y + height > area(doc).bottom) {
      newPage(doc);
      drawRow(titles, 'bold', true, headerHeight);
    }
    drawRow(cells, 'regular', false, height);
  }
  doc.y += PARAGRAPH.spaceAfterPt * 2;
}

function signatureHeight(doc: Doc, data: AnnualReportInput) {
  const leftWidth = mmToPt(SIGNATURE_COLUMNS_MM.left);
  const recipientsHeight =
    doc.font('boldItalic').fontSize(FONT_PT.recipientsLabel).currentLineHeight(true) +
    recipientLines(data.recipients).reduce(
      (sum, text) =>
        sum + doc.font('regular').fontSize(FONT_PT.recipients).heightOfString(text, { width: leftWidth }),
      0,
    );
  const signerHeight =
    3 * doc.font('bold').fontSize(FONT_PT.signature).currentLineHeight(true) + SIGNATURE_SPACE_PT;
  return Math.max(recipientsHeight, signerHeight) + SIGNATURE_GAP_PT;
}

/** "Nơi nhận" with its list on the left and the signer on the right, kept on one page. */
function signatureBlock(doc: Doc, data: AnnualReportInput) {
  const leftWidth = mmToPt(SIGNATURE_COLUMNS_MM.left);
  const rightWidth = mmToPt(SIGNATURE_COLUMNS_MM.right);
  const recipients = recipientLines(data.recipients);
  const signer = signatureLines(data);
  ensureSpace(doc, signatureHeight(doc, data));

  const { left } = area(doc);
  const top = doc.y + SIGNATURE_GAP_PT;
  doc
    .font('boldItalic')
    .fontSize(FONT_PT.recipientsLabel)
    .text(RECIPIENTS_LABEL, left, top, { width: leftWidth });
  doc.font('regular').fontSize(FONT_PT.recipients);
  for (const text of recipients) doc.text(text, left, doc.y, { width: leftWidth });
  const leftBottom = doc.y;

  const rightX = left + leftWidth;
  let y = centered(doc, signer.onBehalf, rightX, top, rightWidth, 'bold', FONT_PT.signature);
  y = centered(doc, signer.role, rightX, y, rightWidth, 'bold', FONT_PT.signature);
  y = centered(doc, signer.name, rightX, y + SIGNATURE_SPACE_PT, rightWidth, 'bold', FONT_PT.signature);
  doc.x = left;
  doc.y = Math.max(leftBottom, y);
}

/** Page numbers centred in the top margin, from page 2 (decree 30/2020). */
function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const { left, width } = area(doc);
    doc
      .font('regular')
      .fontSize(FONT_PT.pageNumber)
      .text(
        String(index - range.start + 1),
        left,
        mmToPt(PAGE.pageNumberFromTopMm) - FONT_PT.pageNumber / 2,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
  }
}

/** The year-end report as an A4 PDF in the layout of decree 30/2020, with Tinos embedded. */
export async function buildAnnualReportPdf(data: AnnualReportInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mmToPt(PAGE.margins.top),
      bottom: mmToPt(PAGE.margins.bottom),
      left: mmToPt(PAGE.margins.left),
      right: mmToPt(PAGE.margins.right),
    },
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: `${data.title} ${data.subtitle}`, Author: data.issuingBody.name, Creator: 'Đoàn Kết' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, font] of Object.entries(loadFonts())) doc.registerFont(name, font);

  const headings = partHeadings(data);
  headerBlock(doc, data);
  titleBlock(doc, data);
  for (const section of data.sections) {
    const isTable = hasPrevious(section);
    const columns = figureColumns(data.year);
    const rows = figureCells(section);
    const startsWithTable = section.paragraphs.length === 0 && isTable;
    heading(doc, section.heading, startsWithTable ? tableStartHeight(doc, columns, rows) : undefined);
    for (const paragraph of section.paragraphs) bodyText(doc, paragraph);
    if (section.figures.length === 0) continue;
    if (isTable) gridTable(doc, columns, rows);
    else for (const figure of section.figures) bodyText(doc, figureSentence(figure));
  }
  const indicatorRows = indicatorCells(data.indicators);
  heading(doc, headings.indicators, tableStartHeight(doc, INDICATOR_COLUMNS, indicatorRows));
  gridTable(doc, INDICATOR_COLUMNS, indicatorRows);
  heading(doc, headings.nextYear);
  const closing = [...(data.nextYearParagraphs ?? []), ...nextYearLines(data)];
  closing.forEach((text, index) => {
    // The signature never stands alone on a page: the last paragraph goes over with it.
    if (index === closing.length - 1)
      ensureSpace(doc, paragraphHeight(doc, text) + signatureHeight(doc, data));
    bodyText(doc, text);
  });
  signatureBlock(doc, data);
  pageNumbers(doc);
  doc.end();
  return finished;
}
