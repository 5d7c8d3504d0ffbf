import type { AnnualReportData } from '@doanket/domain';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bacTuLiem2021Report } from './annual-report.fixtures';
import { buildAnnualReportDocx } from './annual-report-docx';

const decode = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** The text of a piece of WordprocessingML: its <w:t> contents joined. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decode(match[1] ?? '')).join('');

const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((match) => textOf(match[0]));

/** Tables of the body (none is nested), as rows of cell texts, with each row's XML. */
const tablesOf = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((row) => ({
      xml: row[0],
      cells: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
      cellParagraphs: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphsOf(cell[0])),
    })),
  );

/** The XML of the first paragraph whose text starts with `start`. */
function paragraphXml(xml: string, start: string): string {
  const found = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].find((match) =>
    textOf(match[0]).startsWith(start),
  );
  if (!found) throw new Error(`No paragraph starts with "${start}"`);
  return found[0];
}

/** The run properties of the run whose text is exactly `text`. */
function runProperties(xml: string, text: string): string {
  for (const run of xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
    if (textOf(run[1] ?? '') === text) return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run[1] ?? '')?.[1] ?? '';
  }
  throw new Error(`No run reads "${text}"`);
}

const sizeOf = (properties: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(properties)?.[1]);

async function openDocx(data: AnnualReportData) {
  const files = unzipSync(new Uint8Array(await buildAnnualReportDocx(data)));
  const part = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} is missing`);
    return strFromU8(file);
  };
  const document = part('word/document.xml');
  const rels = part('word/_rels/document.xml.rels');
  const headerOf = (type: 'default' | 'first') => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(document)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return part(`word/${target}`);
  };
  return { files, document, styles: part('word/styles.xml'), headerOf };
}

describe('the year-end report as DOCX', () => {
  it('opens with the issuing body, number, national title, motto and the place and date line', async () => {
    const { document } = await openDocx(bacTuLiem2021Report());
    const [header] = tablesOf(document);
    expect(header).toHaveLength(1);
    const [left, right] = header![0]!.cellParagraphs;
    expect(left).toEqual(['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', 'QUẬN BẮC TỪ LIÊM', '', 'Số: 15/BC-MTTQ']);
    expect(right).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Bắc Từ Liêm, ngày 10 tháng 01 năm 2022',
    ]);
    // The rules under the unit name and the motto are paragraph borders.
    expect(header![0]!.xml.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);

    const title = runProperties(document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(title).toContain('<w:b/>');
    expect(sizeOf(title)).toBe(26);
    const motto = runProperties(document, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto).toContain('<w:b/>');
    expect(sizeOf(motto)).toBe(28);
    expect(runProperties(document, 'QUẬN BẮC TỪ LIÊM')).toContain('<w:b/>');
    expect(runProperties(document, 'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM')).not.toContain('<w:b/>');
    const dateLine = runProperties(document, 'Bắc Từ Liêm, ngày 10 tháng 01 năm 2022');
    expect(dateLine).toContain('<w:i/>');
    expect(sizeOf(dateLine)).toBe(28);

    const paragraphs = paragraphsOf(document);
    const titleAt = paragraphs.indexOf('BÁO CÁO');
    expect(titleAt).toBeGreaterThan(0);
    expect(paragraphs[titleAt + 1]).toBe(
      'Tổng kết công tác Mặt trận năm 2021 và phương hướng, nhiệm vụ năm 2022',
    );
    expect(runProperties(document, 'BÁO CÁO')).toContain('<w:b/>');
  });

  it('gives the year’s figures in Vietnamese notation, with last year’s beside them', async () => {
    const { document } = await openDocx(bacTuLiem2021Report());
    const paragraphs = paragraphsOf(document);
    for (const heading of [
      'I. CÔNG TÁC THAM GIA PHÒNG, CHỐNG DỊCH COVID-19',
      'II. PHÁT HUY VAI TRÒ TỰ QUẢN CỦA CỘNG ĐỒNG DÂN CƯ',
      'IV. CUỘC VẬN ĐỘNG "NGÀY VÌ NGƯỜI NGHÈO" VÀ CÁC HOẠT ĐỘNG AN SINH XÃ HỘI',
    ]) {
      expect(paragraphs).toContain(heading);
      expect(runProperties(document, heading)).toContain('<w:b/>');
    }
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '- Tổ tự quản: 183 tổ.',
        '- Thành viên tổ tự quản: 2.062 thành viên.',
        '- Nhóm tự quản: 1.181 nhóm.',
        '- Thành viên nhóm tự quản: 3.007 thành viên.',
        '- Hộ gia đình được giám sát phòng, chống dịch: 82.337 hộ.',
        '- Học sinh có hoàn cảnh khó khăn được hỗ trợ: 171 học sinh.',
      ]),
    );
    // Narrative paragraphs are justified with a 1 cm first-line indent.
    const narrative = paragraphXml(document, 'Năm 2021, trong bối cảnh dịch Covid-19');
    expect(narrative.includes('<w:jc w:val="both"/>')).toBe(true);
    expect(/<w:ind w:firstLine="567"\/>/.exec(narrative)?.[0]).toBeDefined();

    const poorFund = tablesOf(document).find(
      (table) => table[0]?.cells[0] === 'Nội dung' && table.length === 6,
    );
    expect(poorFund?.map((row) => row.cells)).toEqual([
      ['Nội dung', 'Năm 2021', 'Năm 2020'],
      [
        'Quỹ "Vì người nghèo" tiếp nhận trong năm',
        'hơn 2,3 tỷ đồng, đạt 157% chỉ tiêu Thành phố giao',
        'hơn 1,9 tỷ đồng, đạt 128%',
      ],
      ['Lượt thăm hỏi, tặng quà dịp Tết Tân Sửu', '902 lượt', '846 lượt'],
      ['Nhà Đại đoàn kết xây mới', '6 nhà', '4 nhà'],
      ['Tổng giá trị hỗ trợ nhà Đại đoàn kết và hỗ trợ khác', 'hơn 1,5 tỷ đồng', '—'],
      ['Quỹ "Vì người nghèo" trên địa bàn và số dư', '50 quỹ, hơn 4,1 tỷ đồng', '50 quỹ, hơn 3,6 tỷ đồng'],
    ]);
  });

  it('tables the indicators with target, result, share and assessment, the header repeated on each page', async () => {
    const { document } = await openDocx(bacTuLiem2021Report());
    const paragraphs = paragraphsOf(document);
    expect(paragraphs).toContain('V. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021');
    const table = tablesOf(document).find((rows) => rows[0]?.cells[0] === 'STT');
    expect(table).toBeDefined();
    const [header, ...rows] = table!;
    expect(header!.cells).toEqual([
      'STT',
      'Chỉ tiêu',
      'Chỉ tiêu giao',
      'Kết quả',
      'Tỷ lệ đạt (%)',
      'Đánh giá',
    ]);
    expect(header!.xml).toContain('<w:tblHeader/>');
    expect(rows.every((row) => row.xml.includes('<w:cantSplit/>'))).toBe(true);
    expect(rows).toHaveLength(11);
    const cells = rows.map((row) => row.cells);
    expect(cells[2]).toEqual([
      '3',
      'Hộ gia đình đăng ký gia đình văn hóa',
      '≥ 97%',
      '98,2%',
      '101,2',
      'Vượt',
    ]);
    expect(cells[3]).toEqual([
      '4',
      'Hoàn thành, vượt chỉ tiêu Quỹ "Vì người nghèo" và các quỹ khác được giao',
      '≥ 100%',
      '157%',
      '157',
      'Vượt',
    ]);
    expect(cells[5]).toEqual(['6', 'Số cuộc giám sát cán bộ, đảng viên', '2–3 cuộc', '3 cuộc', '150', 'Đạt']);
    // The second indicator of target 6 does not repeat its number.
    expect(cells[6]?.[0]).toBe('');
    expect(cells[7]).toEqual([
      '7',
      'Vụ việc hòa giải ở cơ sở hòa giải thành',
      '≥ 85%',
      '83,3%',
      '98',
      'Không đạt',
    ]);
    expect(cells[9]?.slice(2)).toEqual(['100%', '—', '—', 'Chưa có số liệu']);
    expect(sizeOf(runProperties(document, 'Hộ gia đình đăng ký gia đình văn hóa'))).toBe(26);
  });

  it('ends with next year’s targets, the signature on the right and the recipients on the left', async () => {
    const data = bacTuLiem2021Report();
    const { document } = await openDocx(data);
    const paragraphs = paragraphsOf(document);
    const at = paragraphs.indexOf('VI. CHỈ TIÊU NĂM 2022');
    expect(at).toBeGreaterThan(0);
    const targets = paragraphs.slice(at + 1, at + 9);
    expect(targets.map((text) => text.split('. ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(targets[2]).toBe('3. Trên 97% hộ gia đình đăng ký gia đình văn hóa.');

    const signature = tablesOf(document).at(-1)![0]!;
    const [recipients, signer] = signature.cellParagraphs;
    expect(recipients).toEqual([
      'Nơi nhận:',
      '- Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội;',
      '- Thường trực Quận ủy, HĐND, UBND quận;',
      '- Các tổ chức thành viên của Ủy ban MTTQ quận;',
      '- Ban Thường trực Ủy ban MTTQ 13 phường;',
      '- Lưu: VT.',
    ]);
    expect(signer).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', '', 'Nguyễn Thị Minh Hằng']);
    expect(runProperties(document, 'Nơi nhận:')).toMatch(/<w:b\/><w:bCs\/><w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(sizeOf(runProperties(document, '- Lưu: VT.'))).toBe(22);
    // The last target is kept on the page of the signature.
    expect(paragraphXml(document, '8. 100% cán bộ Mặt trận').includes('<w:keepNext/>')).toBe(true);
    expect(paragraphXml(document, '7. Trên 85%').includes('<w:keepNext/>')).toBe(false);
  });

  it('is A4 portrait in Times New Roman 13–14 pt with the margins of decree 30/2020', async () => {
    const { document, styles, headerOf } = await openDocx(bacTuLiem2021Report());
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:hAnsi="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    const fonts = new Set([...document.matchAll(/w:ascii="([^"]+)"/g)].map((match) => match[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    // Every word at 13–14 pt but "Nơi nhận" (12) and its list (11); smaller runs are empty spacers.
    const runs = [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((match) => ({
      text: textOf(match[1] ?? ''),
      size: sizeOf(match[1] ?? ''),
    }));
    const sizes = new Set(runs.filter((run) => run.text !== '').map((run) => run.size));
    expect([...sizes].sort()).toEqual([22, 24, 26, 28]);
    expect(runs.filter((run) => run.text === '' && run.size < 22).length).toBeGreaterThan(0);
    expect(runs.filter((run) => run.size === 24).map((run) => run.text)).toEqual(['Nơi nhận:']);
    expect(runs.filter((run) => run.size === 22)).toHaveLength(5);
    expect(sizeOf(runProperties(document, '- Tổ tự quản: 183 tổ.'))).toBe(28);

    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0] ?? '';
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = (side: string) =>
      Number(new RegExp(`<w:pgMar [^>]*w:${side}="(\\d+)"`).exec(section)?.[1]);
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(margin('top')).toBeGreaterThanOrEqual(twips(20));
    expect(margin('top')).toBeLessThanOrEqual(twips(25));
    expect(margin('bottom')).toBeGreaterThanOrEqual(twips(20));
    expect(margin('bottom')).toBeLessThanOrEqual(twips(25));
    expect(margin('left')).toBeGreaterThanOrEqual(twips(30));
    expect(margin('left')).toBeLessThanOrEqual(twips(35));
    expect(margin('right')).toBeGreaterThanOrEqual(twips(15));
    expect(margin('right')).toBeLessThanOrEqual(twips(20));

    // Page numbers centred at the top from page 2; none on the first page.
    expect(section).toContain('<w:titlePg/>');
    const numbered = headerOf('default');
    expect(numbered).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(numbered).toContain('<w:jc w:val="center"/>');
    expect(headerOf('first')).not.toContain('PAGE');
  });

  it('writes what the data says: another unit and date, unnumbered sections, a target not yet met', async () => {
    const data: AnnualReportData = {
      ...bacTuLiem2021Report(),
      year: 2022,
      unit: { code: '00616', name: 'Phường Cổ Nhuế 1', kind: 'ward' },
      issuingBody: { parent: 'Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm', name: 'Phường Cổ Nhuế 1' },
      number: 'Số: 07/BC-MTTQ',
      place: 'Cổ Nhuế 1',
      date: '2022-03-05',
      sections: [
        {
          heading: 'Kết quả quý I',
          paragraphs: ['Hộ "A & B" <khó khăn> được hỗ trợ.'],
          figures: [{ label: 'Hộ được thăm', value: '1.234.567 hộ' }],
        },
      ],
      indicators: [
        { ...bacTuLiem2021Report().indicators[2]!, value: 95, valueText: '95%', status: 'not_yet' },
      ],
    };
    const { document } = await openDocx(data);
    const paragraphs = paragraphsOf(document);
    const [left, right] = tablesOf(document)[0]![0]!.cellParagraphs;
    expect(left).toEqual(['ỦY BAN MTTQ VIỆT NAM QUẬN BẮC TỪ LIÊM', 'PHƯỜNG CỔ NHUẾ 1', '', 'Số: 07/BC-MTTQ']);
    expect(right?.at(-1)).toBe('Cổ Nhuế 1, ngày 05 tháng 3 năm 2022');
    expect(paragraphs).toContain('Hộ "A & B" <khó khăn> được hỗ trợ.');
    expect(paragraphs).toContain('- Hộ được thăm: 1.234.567 hộ.');
    expect(paragraphs).toContain('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022');
    expect(paragraphs).toContain('CHỈ TIÊU NĂM 2023');
    const indicators = tablesOf(document).find((rows) => rows[0]?.cells[0] === 'STT');
    expect(indicators?.[1]?.cells.slice(3)).toEqual(['95%', '101,2', 'Chưa đạt']);
    expect(document).not.toContain('Bắc Từ Liêm, ngày');
  });

  it('builds one district’s report in under a second', async () => {
    const data = bacTuLiem2021Report();
    await buildAnnualReportDocx(data);
    const started = performance.now();
    const body = await buildAnnualReportDocx(data);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(body.subarray(0, 2).toString()).toBe('PK');
  });
});
