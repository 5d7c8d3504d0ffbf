import { expect, type Page, test } from '@playwright/test';
import { login, pickOption } from '../support/app';

// The district's treasurer `ketoan` records a donation in the entry grid, opens its receipt,
// follows the receipt's verification link as a resident would (without an account) and finds
// the donation on the fund's public page, the donor named because she agreed to it.
const at = '2021-12-20';

/** A new fund of the district, set up through the API as a treasurer does. */
async function newFund(page: Page): Promise<{ id: string; name: string }> {
  const name = `Quỹ nhận ủng hộ thử ${Date.now() % 1_000_000}`;
  const created = await page.request.post('/api/funds', {
    data: { unitCode: '021', kind: 'poor', name, openedOn: '2021-01-01' },
  });
  expect(created.status()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, name };
}

test('a donation goes from the entry grid to its receipt and to the public page', async ({
  page,
  browser,
}) => {
  await login(page, 'ketoan');
  const fund = await newFund(page);
  const donor = `Trần Thị Hảo Tâm ${Date.now() % 10_000}`;

  await page.goto(`/donations/new?unit=021&at=${at}`);
  await pickOption(page, page.getByTestId('donation-fund'), fund.name);
  await page.getByTestId('donation-row-1-name').fill(donor);
  await page.getByTestId('donation-row-1-publish').check();
  await page.getByTestId('donation-row-1-amount').fill('1500000');
  // Typed digits show with the Vietnamese thousands separator.
  await expect(page.getByTestId('donation-row-1-amount')).toHaveValue('1.500.000');
  await page.getByTestId('donation-submit').click();

  const result = page.getByTestId('donation-result-1');
  await expect(result).toHaveAttribute('data-state', 'recorded');
  await expect(result).toContainText('000001/2021');
  await result.getByRole('link').click();

  // The receipt: numbered per fund and year, the amount in words, a QR code to check it.
  await expect(page.getByTestId('receipt-number')).toContainText('000001/2021');
  await expect(page.getByTestId('receipt-donor')).toContainText(donor);
  await expect(page.getByTestId('receipt-words')).toContainText('Một triệu năm trăm nghìn đồng');
  await expect(page.getByTestId('receipt-qr')).toBeVisible();
  const pdf = await page.request.get((await page.getByTestId('receipt-download').getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const verifyUrl = await page.getByTestId('receipt-verify-link').getAttribute('href');
  expect(verifyUrl).toMatch(/\/cong-khai\/but-toan\/[0-9a-f-]{36}$/);

  // A resident scans the QR code: no account, no session.
  const resident = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const phone = await resident.newPage();
  await phone.goto(new URL(verifyUrl ?? '').pathname);
  await expect(phone.getByTestId('public-entry-status')).toHaveAttribute('data-status', 'ok');
  await expect(phone.getByTestId('public-receipt-number')).toContainText('000001/2021');
  await expect(phone.getByTestId('public-entry-amount')).toContainText('1.500.000');
  await expect(phone.getByTestId('public-entry-donor')).toContainText(donor);

  // The fund's public page lists it, with the head hash anyone can check the CSV against.
  await phone.goto(`/cong-khai/quy/${fund.id}`);
  await expect(phone.getByTestId('public-income')).toContainText('1.500.000');
  await expect(phone.getByTestId('public-donations')).toContainText(donor);
  await expect(phone.getByTestId('public-head-hash')).toHaveText(/[0-9a-f]{64}/);
  const csv = await phone.request.get(`/api/public/funds/${fund.id}/entries.csv`);
  expect(csv.status()).toBe(200);
  const hash = (await phone.getByTestId('public-head-hash').textContent())?.match(/[0-9a-f]{64}/)?.[0];
  expect(await csv.text()).toContain(hash);
  await resident.close();
});
