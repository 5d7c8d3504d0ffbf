import { createRequire } from 'node:module';
import {
  type DonationDetail,
  documentPlaceName,
  formatDate,
  formatDocumentDate,
  formatMoney,
  formatNumber,
} from '@doanket/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
const fontFile = (style: string) => require.resolve(`@expo-google-fonts/tinos/${style}/Tinos_${style}.ttf`);
// Tinos has the metrics of Times New Roman (decree 30/2020) and every Vietnamese glyph.
const fonts = {
  regular: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italic: fontFile('400Regular_Italic'),
  boldItalic: fontFile('700Bold_Italic'),
};

type Doc = InstanceType<typeof PDFDocument>;
type FontName = keyof typeof fonts;

const methodLabel = { cash: 'Tiền mặt', bank: 'Chuyển khoản', in_kind: 'Hiện vật' } as const;
const donorKindLabel = {
  person: 'Cá nhân',
  household: 'Hộ gia đình',
  organisation: 'Cơ quan, tổ chức',
  company: 'Doanh nghiệp',
  anonymous: 'Nhà hảo tâm',
} as const;

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** The largest size up to `size` at which the text fits the width on one line. */
function fitSize(doc: Doc, font: FontName, text: string, width: number, size: number): number {
  let fitted = size;
  doc.font(font);
  while (fitted > 6 && doc.fontSize(fitted).widthOfString(text) > width) fitted -= 0.25;
  return fitted;
}

function centered(doc: Doc, text: string, x: number, y: number, width: number, font: FontName, size: number) {
  const fitted = fitSize(doc, font, text, width, size);
  doc.font(font).fontSize(fitted).text(text, x, y, { width, align: 'center', lineBreak: false });
  return y + doc.currentLineHeight(true);
}

/** "Label: value" on the flow, the label in bold. */
function field(doc: Doc, label: string, value: string, width: number, valueFont: FontName = 'regular') {
  doc.font('bold').fontSize(11).text(`${label}: `, { continued: true, width });
  doc.font(valueFont).text(value, { width });
  doc.moveDown(0.25);
}

function itemsTable(doc: Doc, items: DonationDetail['items'], x: number, width: number) {
  const columns = [
    { title: 'STT', width: 28, align: 'center' as const },
    { title: 'Hiện vật', width: width - 28 - 62 - 100, align: 'left' as const },
    { title: 'Số lượng', width: 62, align: 'right' as const },
    { title: 'Giá trị (đồng)', width: 100, align: 'right' as const },
  ];
  const padding = 3;
  const row = (cells: string[], font: FontName) => {
    doc.font(font).fontSize(10);
    const height =
      Math.max(
        ...cells.map((cell, index) =>
          doc.heightOfString(cell, { width: columns[index]!.width - 2 * padding }),
        ),
      ) +
      2 * padding;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let left = x;
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      doc.rect(left, top, column.width, height).lineWidth(0.5).stroke('#000000');
      doc.fillColor('#000000').text(cell, left + padding, top + padding, {
        width: column.width - 2 * padding,
        align: column.align,
      });
      left += column.width;
    });
    doc.x = x;
    doc.y = top + height;
  };
  row(
    columns.map((column) => column.title),
    'bold',
  );
  items.forEach((item, index) => {
    row([String(index + 1), item.name, formatNumber(item.quantity), formatNumber(item.value)], 'regular');
  });
  row(['', 'Cộng', '', formatNumber(items.reduce((sum, item) => sum + item.value, 0))], 'bold');
  doc.moveDown(0.5);
}

function watermark(doc: Doc) {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-30, { origin: [width / 2, height / 2] });
  doc
    .font('bold')
    .fontSize(76)
    .fillColor('#cc0000')
    .fillOpacity(0.25)
    .text('ĐÃ HỦY', 0, height / 2 - 40, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('#000000').fillOpacity(1);
}

/**
 * The receipt of a donation (A5 portrait, decree 30/2020 layout): issuing body and national title,
 * number, donor, amount in figures and words, items, place and date, signatures, and a QR code that
 * opens the public verification of its ledger entry, with the entry's hash in small print.
 */
export async function renderReceiptPdf(donation: DonationDetail): Promise<Buffer> {
  const qr = await QRCode.toBuffer(donation.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 240,
    errorCorrectionLevel: 'M',
  });
  const doc = new PDFDocument({
    size: 'A5',
    margins: { top: 32, bottom: 28, left: 36, right: 32 },
    bufferPages: true,
    lang: 'vi-VN',
    info: {
      Title: `Biên nhận số ${donation.receiptNumber}`,
      Subject: donation.fundName,
      Creator: 'Đoàn Kết',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, file);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const leftColumn = width * 0.42;
  const rightX = left + leftColumn + 6;
  const rightColumn = width - leftColumn - 6;
  const top = doc.page.margins.top;

  // Issuing body (left) and national title (right).
  let y = centered(doc, 'ỦY BAN MTTQ VIỆT NAM', left, top, leftColumn, 'regular', 9.5);
  y = centered(doc, upper(donation.unitName || donation.fundName), left, y, leftColumn, 'bold', 9.5);
  y = centered(doc, donation.fundName, left, y, leftColumn, 'italic', 9);
  const leftBottom = y;
  y = centered(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, rightColumn, 'bold', 9.5);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  y = centered(doc, motto, rightX, y, rightColumn, 'bold', 10);
  const mottoWidth = doc.widthOfString(motto);
  doc
    .moveTo(rightX + (rightColumn - mottoWidth) / 2, y)
    .lineTo(rightX + (rightColumn + mottoWidth) / 2, y)
    .lineWidth(0.6)
    .stroke('#000000');
  y = Math.max(y, leftBottom) + 16;

  y = centered(doc, 'BIÊN NHẬN TIỀN, HIỆN VẬT ỦNG HỘ', left, y, width, 'bold', 13);
  y = centered(doc, `Số: ${donation.receiptNumber}`, left, y + 2, width, 'regular', 11);
  doc.x = left;
  doc.y = y + 12;

  const donorName = donation.donorName ?? 'Nhà hảo tâm';
  field(doc, 'Đơn vị tiếp nhận', `${donation.fundName} — ${donation.unitName}`, width);
  if (donation.campaignName) {
    field(doc, 'Cuộc vận động', `${donation.campaignName} (${donation.campaignCode})`, width);
  }
  field(
    doc,
    'Người ủng hộ',
    donation.donorKind === 'anonymous' || !donation.donorName
      ? donorName
      : `${donorName} (${donorKindLabel[donation.donorKind]})`,
    width,
  );
  field(doc, 'Hình thức', methodLabel[donation.method], width);
  field(doc, 'Ngày nhận', formatDate(donation.receivedOn), width);
  field(
    doc,
    donation.method === 'in_kind' ? 'Giá trị hiện vật' : 'Số tiền',
    formatMoney(donation.amount),
    width,
  );
  field(doc, 'Bằng chữ', `${donation.amountInWords}.`, width, 'italic');
  if (donation.items.length > 0) itemsTable(doc, donation.items, left, width);
  if (donation.note) field(doc, 'Ghi chú', donation.note, width);
  if (donation.status === 'cancelled') {
    doc
      .font('bold')
      .fontSize(11)
      .fillColor('#cc0000')
      .text(
        `Biên nhận đã hủy${donation.cancelledOn ? ` ngày ${formatDate(donation.cancelledOn)}` : ''}. Lý do: ${donation.cancelReason ?? ''}`,
        left,
        doc.y,
        { width },
      );
    doc.fillColor('#000000').moveDown(0.3);
  }

  // Place and date, then the two signatures.
  const blockHeight = 150;
  if (doc.y + blockHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  y = doc.y + 8;
  const place = documentPlaceName(donation.unitName || donation.fundName);
  doc
    .font('italic')
    .fontSize(
      fitSize(doc, 'italic', `${place}, ${formatDocumentDate(donation.receivedOn)}`, rightColumn + 20, 11),
    )
    .text(`${place}, ${formatDocumentDate(donation.receivedOn)}`, rightX - 20, y, {
      width: rightColumn + 20,
      align: 'center',
      lineBreak: false,
    });
  y += 16;
  const half = width / 2;
  centered(doc, 'NGƯỜI NỘP', left, y, half, 'bold', 10.5);
  centered(doc, 'NGƯỜI NHẬN', left + half, y, half, 'bold', 10.5);
  y += 13;
  centered(doc, '(Ký, ghi rõ họ tên)', left, y, half, 'italic', 9.5);
  centered(doc, '(Ký, ghi rõ họ tên)', left + half, y, half, 'italic', 9.5);

  // Verification: the QR code opens the public page of the entry; the hash lets anyone compare.
  const qrSize = 68;
  let qrTop = y + 62;
  if (qrTop + qrSize > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    qrTop = doc.page.margins.top;
  }
  doc.image(qr, left, qrTop, { width: qrSize, height: qrSize });
  const textX = left + qrSize + 8;
  const textWidth = width - qrSize - 8;
  doc
    .font('regular')
    .fontSize(8)
    .text(`Quét mã để kiểm tra công khai bút toán số ${donation.entrySeq} của quỹ:`, textX, qrTop + 4, {
      width: textWidth,
    });
  doc.font('regular').fontSize(7).text(donation.verifyUrl, { width: textWidth });
  doc
    .font('regular')
    .fontSize(6.5)
    .text(`Mã băm bút toán (SHA-256): ${donation.entryHash}`, { width: textWidth });

  if (donation.status === 'cancelled') {
    const range = doc.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page += 1) {
      doc.switchToPage(page);
      watermark(doc);
    }
  }
  doc.end();
  return finished;
}
