import { expect, type Locator, type Page, test } from '@playwright/test';
import { login, pickOption } from '../support/app';

// The district's treasurer `ketoan` sets up a Tết programme for Phường Thượng Cát as of 2021,
// puts every eligible household on the list, pays them from the district's fund and prints the
// sheet the households sign.
const wardCode = '00595';
const at = '2021-06-01';

/** Types a date into an antd date input (the input carries the picker's test id) and confirms it. */
async function typeDate(input: Locator, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** A fund of the district holding money, recorded through the API as a treasurer does. */
async function fundWithMoney(page: Page): Promise<string> {
  const name = `Quỹ Tết thử nghiệm ${Date.now() % 1_000_000}`;
  const created = await page.request.post('/api/funds', {
    data: { unitCode: '021', kind: 'poor', name, openedOn: '2021-01-01' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const donation = await page.request.post('/api/donations', {
    data: {
      fundId: id,
      donor: { kind: 'company', name: 'Công ty Thử nghiệm', publishName: true },
      method: 'bank',
      amount: 1_000_000_000,
      receivedOn: '2021-01-10',
    },
  });
  expect(donation.status()).toBe(201);
  return name;
}

test('a treasurer lists every eligible household of a ward, pays them and prints the signature sheet', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'ketoan');
  const fundName = await fundWithMoney(page);
  const code = `TET-E2E-${Date.now() % 100_000}`;

  await page.goto(`/programs?unit=${wardCode}&at=${at}`);
  await page.getByTestId('program-create').click();
  await page.getByTestId('program-create-code').fill(code);
  await page.getByTestId('program-create-name').fill('Quà Tết Tân Sửu thử nghiệm');
  await pickOption(page, page.getByTestId('program-create-fund'), `${fundName} — Quận Bắc Từ Liêm`);
  const period = page.getByTestId('program-create-period');
  await typeDate(period.first(), '20/01/2021');
  await typeDate(period.last(), '28/02/2021');
  await page.getByTestId('program-create-amount').fill('500000');
  await page.getByTestId('program-create-ok').click();
  await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}\?/);
  await expect(page.getByTestId('program-name')).toHaveText('Quà Tết Tân Sửu thử nghiệm');

  const programId = /\/programs\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  const eligible = await page.request.get(`/api/programs/${programId}/coverage?unit=${wardCode}`);
  const { eligible: count } = (await eligible.json()) as { eligible: number };
  expect(count).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Hộ chưa có trong danh sách' }).click();
  await page.getByTestId('eligible-add-all').click();
  await page.getByTestId('distribution-add-ok').click();
  await expect(page.getByTestId('eligible-table')).toContainText('Mọi hộ đủ điều kiện đã có trong danh sách');
  await expect(page.getByTestId('program-total-planned')).toHaveText(
    `${(count * 500_000).toLocaleString('vi-VN')} đồng`,
  );

  await page.getByRole('tab', { name: 'Danh sách chi trả' }).click();
  const table = page.getByTestId('distributions-table');
  await table.locator('thead .ant-checkbox').first().click();
  await page.getByTestId('distributions-pay').click();
  await typeDate(page.getByTestId('distribution-pay-date'), '05/02/2021');
  await page.getByTestId('distribution-pay-ok').click();
  await expect(page.getByTestId('distribution-pay-ok')).toHaveCount(0);
  await expect(page.getByTestId('program-total-paid')).not.toHaveText('0 đồng');

  // One page (50 rows) is paid at a time: the rest of the list, page after page.
  for (let round = 0; round < 10; round += 1) {
    const answer = await page.request.get(
      `/api/programs/${programId}/distributions?unit=${wardCode}&status=planned`,
    );
    const { total } = (await answer.json()) as { total: number };
    if (total === 0) break;
    await page.reload();
    await page.getByRole('tab', { name: 'Danh sách chi trả' }).click();
    await page.getByTestId('distributions-status').getByText('Chưa chi').click();
    await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
    await table.locator('thead .ant-checkbox').first().click();
    await page.getByTestId('distributions-pay').click();
    await typeDate(page.getByTestId('distribution-pay-date'), '05/02/2021');
    await page.getByTestId('distribution-pay-ok').click();
    await expect(page.getByTestId('distribution-pay-ok')).toHaveCount(0);
  }

  await page.getByRole('tab', { name: 'Bao phủ theo đơn vị' }).click();
  await expect(page.getByTestId('coverage-total')).toContainText('100%');
  await expect(page.getByTestId('coverage-total')).toContainText(`${count}/${count} hộ`);

  await page.goto(`/programs/${programId}/sheet?unit=${wardCode}&at=${at}`);
  await expect(page.getByTestId('signature-sheet')).toContainText('DANH SÁCH KÝ NHẬN');
  await expect(page.getByTestId('sheet-program')).toHaveText('Quà Tết Tân Sửu thử nghiệm');
  await expect(page.getByTestId('sheet-row')).toHaveCount(count);
  await expect(page.getByTestId('sheet-total')).toContainText(
    `${(count * 500_000).toLocaleString('vi-VN')} đồng`,
  );
  await expect(page.getByTestId('sheet-print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('sheet-print')).toBeHidden();
});
