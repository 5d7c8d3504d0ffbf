import type { AnnualReportData, ReportIndicatorRow } from '@doanket/domain';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { bacTuLiem2021Report } from './annual-report.fixtures';
import { buildAnnualReportPdf } from './annual-report-pdf';

const A4 = { width: 595.28, height: 841.89 };
const pt = (mm: number) => (mm * 72) / 25.4;

type Item = { str: string; x: number; y: number; width: number };

/** Each page's text (on one line, single spaces) and its text items with their positions. */
async function readPdf(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const pages: Array<{ text: string; items: Item[]; view: number[] }> = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items = content.items
      .filter((item) => 'str' in item)
      .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width }));
    const text = items
      .map((item) => item.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    pages.push({ text, items, view: page.view });
  }
  return { pages, text: pages.map((page) => page.text).join(' ') };
}

/** The text items in the top margin of a page: where only the page number may be. */
const inTopMargin = (items: Item[]) =>
  items.filter((item) => item.str.trim() !== '' && item.y > A4.height - pt(20));

describe('the year-end report as PDF', () => {
  it('reads as the official report, diacritics intact, on A4 pages numbered from the second', async () => {
    const body = await buildAnnualReportPdf(bacTuLiem2021Report());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await readPdf(body);
    expect(pages).toHaveLength(4);
    for (const page of pages) {
      expect(page.view[2]).toBeCloseTo(A4.width, 1);
      expect(page.view[3]).toBeCloseTo(A4.height, 1);
    }
    for (const expected of [
      'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN BẮC TỪ LIÊM Số: 15/BC-MTTQ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Bắc Từ Liêm, ngày 10 tháng 01 năm 2022',
      'BÁO CÁO Tổng kết công tác Mặt trận năm 2021 và phương hướng, nhiệm vụ năm 2022',
      'I. CÔNG TÁC THAM GIA PHÒNG, CHỐNG DỊCH COVID-19',
      '- Tổ tự quản: 183 tổ.',
      '- Thành viên tổ tự quản: 2.062 thành viên.',
      '- Nhóm tự quản: 1.181 nhóm.',
      '- Thành viên nhóm tự quản: 3.007 thành viên.',
      '- Hộ gia đình được giám sát phòng, chống dịch: 82.337 hộ.',
      'Nội dung Năm 2021 Năm 2020',
      'Nhà Đại đoàn kết xây mới 6 nhà 4 nhà',
      'Lượt thăm hỏi, tặng quà dịp Tết Tân Sửu 902 lượt 846 lượt',
      'hơn 2,3 tỷ đồng, đạt 157% chỉ tiêu Thành phố giao',
      'V. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021',
      'VI. CHỈ TIÊU NĂM 2022',
      '3. Trên 97% hộ gia đình đăng ký gia đình văn hóa.',
      'Nơi nhận: - Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội;',
      '- Lưu: VT.',
      'TM. BAN THƯỜNG TRỰC CHỦ TỊCH Nguyễn Thị Minh Hằng',
    ]) {
      expect(text).toContain(expected);
    }
    // Page numbers sit centred in the top margin from page 2; the first page has none.
    expect(inTopMargin(pages[0]!.items)).toEqual([]);
    const textCentre = pt(30) + (A4.width - pt(30) - pt(15)) / 2;
    pages.slice(1).forEach((page, index) => {
      const [number, ...others] = inTopMargin(page.items);
      expect(others).toEqual([]);
      expect(number?.str).toBe(String(index + 2));
      expect(Math.abs(number!.x + number!.width / 2 - textCentre)).toBeLessThan(2);
    });
    // The signature shares its page with the last target.
    expect(pages.at(-1)!.text).toMatch(/^8\. 100% cán bộ Mặt trận .* Nguyễn Thị Minh Hằng \d+$/);
  });

  it('tables the indicators with target, result, share of the target and assessment', async () => {
    const { text } = await readPdf(await buildAnnualReportPdf(bacTuLiem2021Report()));
    expect(text).toContain('STT Chỉ tiêu Chỉ tiêu giao Kết quả Tỷ lệ đạt (%) Đánh giá');
    for (const row of [
      '3 Hộ gia đình đăng ký gia đình văn hóa ≥ 97% 98,2% 101,2 Vượt',
      '6 Số cuộc giám sát cán bộ, đảng viên 2–3 cuộc 3 cuộc 150 Đạt',
      '7 Vụ việc hòa giải ở cơ sở hòa giải thành ≥ 85% 83,3% 98 Không đạt',
      'Trong đó hoàn thành xuất sắc nhiệm vụ ≥ 20% 23,1% 115,5 Vượt',
      'hoàn thành tốt nhiệm vụ 100% — — Chưa có số liệu',
    ]) {
      expect(text).toContain(row);
    }
  });

  it('embeds Tinos for every text and draws no standard font', async () => {
    const raw = (await buildAnnualReportPdf(bacTuLiem2021Report())).toString('latin1');
    const baseFonts = new Set(
      [...raw.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((match) => match[1]),
    );
    expect([...baseFonts].sort()).toEqual([
      'Tinos-Bold',
      'Tinos-BoldItalic',
      'Tinos-Italic',
      'Tinos-Regular',
    ]);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(4);
  });

  it('carries a long indicators table over pages, its header row repeated, no row split', async () => {
    const template = bacTuLiem2021Report().indicators[2]!;
    const indicators: ReportIndicatorRow[] = Array.from({ length: 45 }, (_, index) => ({
      ...template,
      target: index + 1,
      name: `Chỉ tiêu thử số ${index + 1} của phường, tổ dân phố, tổ tự quản và nhóm tự quản`,
    }));
    const data: AnnualReportData = { ...bacTuLiem2021Report(), indicators };
    const { pages } = await readPdf(await buildAnnualReportPdf(data));
    const header = 'STT Chỉ tiêu Chỉ tiêu giao Kết quả Tỷ lệ đạt (%) Đánh giá';
    const tablePages = pages.filter((page) => /Chỉ tiêu thử số \d+ /.test(page.text));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) {
      expect(page.text).toContain(header);
      // A page that carries the table on starts with the header row.
      if (page !== tablePages[0]) expect(page.text.startsWith(header)).toBe(true);
    }
    for (let number = 1; number <= 45; number += 1) {
      const row = `${number} Chỉ tiêu thử số ${number} của phường, tổ dân phố, tổ tự quản và nhóm tự quản ≥ 97% 98,2% 101,2 Vượt`;
      expect(tablePages.filter((page) => page.text.includes(row)).length, `row ${number}`).toBe(1);
    }
  });

  it('writes what the data says: another unit and date, an empty value, characters PDF strings escape', async () => {
    const data: AnnualReportData = {
      ...bacTuLiem2021Report(),
      issuingBody: { parent: 'Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm', name: 'Phường Phúc Diễn' },
      number: 'Số: 03/BC-MTTQ',
      place: 'Phúc Diễn',
      date: '2023-12-28',
      sections: [{ heading: 'Kết quả', paragraphs: ['Quỹ (phường) \\ tổ 5: "đạt" & vượt.'], figures: [] }],
      signature: { onBehalf: 'TM. Ban Thường trực', role: 'Phó Chủ tịch', name: 'Trần Văn Đức' },
    };
    const { text } = await readPdf(await buildAnnualReportPdf(data));
    expect(text).toContain('PHƯỜNG PHÚC DIỄN Số: 03/BC-MTTQ');
    expect(text).toContain('Phúc Diễn, ngày 28 tháng 12 năm 2023');
    expect(text).toContain('Quỹ (phường) \\ tổ 5: "đạt" & vượt.');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021');
    expect(text).not.toContain('V. KẾT QUẢ');
    expect(text).toContain('TM. BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH Trần Văn Đức');
    expect(text).not.toContain('Bắc Từ Liêm, ngày');
  });

  it('builds one district’s report in under a second', async () => {
    const data = bacTuLiem2021Report();
    await buildAnnualReportPdf(data);
    const started = performance.now();
    await buildAnnualReportPdf(data);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
