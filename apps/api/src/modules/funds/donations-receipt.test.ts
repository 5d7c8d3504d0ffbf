import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDonationPlace, cashDonation } from '../../../test/donation-factories';
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://doanket.example.vn' });
});
afterAll(() => t.close());

/** The text of every page, on one line with single spaces (the PDF wraps where it likes). */
async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/**
 * The images a page draws, from the PDF's dictionaries (pdf.js decodes images only on Node 22):
 * each name in a page's XObject resources, and the size of the image it names.
 */
function imagesIn(body: Buffer) {
  const raw = body.toString('latin1');
  const names = [...raw.matchAll(/\/XObject <<([^>]*)>>/g)].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/\/I\d+ (\d+) 0 R/g)].map((ref) => ref[1]),
  );
  return names.map((objectNo) => {
    const object = new RegExp(`\\n${objectNo} 0 obj\\n<<([^]*?)>>`).exec(raw)?.[1] ?? '';
    return {
      subtype: /\/Subtype \/(\w+)/.exec(object)?.[1],
      width: Number(/\/Width (\d+)/.exec(object)?.[1]),
      height: Number(/\/Height (\d+)/.exec(object)?.[1]),
    };
  });
}

describe('the receipt PDF', () => {
  it('reads as an official receipt, with the amount in words and a QR code to the public entry', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward, { name: 'Quỹ Vì người nghèo phường' });
    const campaign = await buildCampaign(t.db, fund);
    const created = await t.call('POST', '/api/donations', {
      cookie: place.treasurer,
      payload: cashDonation(fund.id, {
        donor: { kind: 'company', name: 'Công ty TNHH Đại Đoàn Kết', publishName: true },
        method: 'bank',
        amount: 1_234_567,
        campaignId: campaign.id,
        receivedOn: '2021-03-05',
      }),
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const detail = (await t.call('GET', `/api/donations/${id}`, { cookie: place.treasurer })).json();

    const response = await t.call('GET', `/api/donations/${id}/receipt.pdf`, { cookie: place.treasurer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('bien-nhan-000001-2021.pdf');
    const body = response.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN MTTQ VIỆT NAM',
      place.ward.name.toLocaleUpperCase('vi'),
      'BIÊN NHẬN TIỀN, HIỆN VẬT ỦNG HỘ',
      'Số: 000001/2021',
      'Công ty TNHH Đại Đoàn Kết',
      'Chuyển khoản',
      '1.234.567 đồng',
      'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng',
      campaign.code,
      `${place.ward.name.replace(/^Phường /, '')}, ngày 05 tháng 3 năm 2021`,
      'NGƯỜI NỘP',
      'NGƯỜI NHẬN',
      detail.verifyUrl,
      detail.entryHash,
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(detail.verifyUrl).toBe(`https://doanket.example.vn/cong-khai/but-toan/${detail.entryId}`);
    expect(text).not.toContain('ĐÃ HỦY');
    expect(imagesIn(body)).toEqual([{ subtype: 'Image', width: 240, height: 240 }]);
  });

  it('lists the items of a donation in kind and marks a cancelled receipt', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const created = await t.call('POST', '/api/donations', {
      cookie: place.treasurer,
      payload: cashDonation(fund.id, {
        donor: { kind: 'anonymous', publishName: false },
        method: 'in_kind',
        amount: 30_500_000,
        campaignId: campaign.id,
        receivedOn: '2021-11-18',
        items: [
          { item: 'computer', name: 'Máy tính xách tay', quantity: 2, value: 24_000_000 },
          { item: 'tablet', name: 'Máy tính bảng', quantity: 1, value: 6_500_000 },
        ],
      }),
    });
    const { id } = created.json();
    await t.call('POST', `/api/donations/${id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: 'Trùng biên nhận', entryDate: '2021-11-20' },
    });
    const response = await t.call('GET', `/api/donations/${id}/receipt.pdf`, { cookie: place.viewer });
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'Nhà hảo tâm',
      'Hiện vật',
      'Máy tính xách tay',
      'Máy tính bảng',
      '24.000.000',
      '6.500.000',
      '30.500.000 đồng',
      'Ba mươi triệu năm trăm nghìn đồng',
      'ngày 18 tháng 11 năm 2021',
      'ĐÃ HỦY',
      'Trùng biên nhận',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(imagesIn(response.rawPayload)).toEqual([{ subtype: 'Image', width: 240, height: 240 }]);
  });

  it('is not given out of the reader’s scope', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const created = await t.call('POST', '/api/donations', {
      cookie: place.treasurer,
      payload: cashDonation(fund.id),
    });
    const response = await t.call('GET', `/api/donations/${created.json().id}/receipt.pdf`, {
      cookie: place.otherTreasurer,
    });
    expect(response.statusCode).toBe(404);
    expect((await t.call('GET', `/api/donations/${created.json().id}/receipt.pdf`)).statusCode).toBe(401);
  });
});
