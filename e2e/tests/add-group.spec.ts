import { expect, test } from '@playwright/test';
import { login } from '../support/app';

test('a ward officer adds a residential group to the old ward Xuân Đỉnh', async ({ page }) => {
  const name = `Tổ dân phố thử ${Date.now() % 100000}`;
  await login(page, 'xuandinh');
  await page.goto('/units/00610/groups?at=2024-06-01');
  await expect(page.getByTestId('unit-title')).toHaveText('Phường Xuân Đỉnh');
  await expect(page.getByTestId('groups-table').locator('tbody tr.ant-table-row')).toHaveCount(25);

  await page.getByTestId('group-add').click();
  const form = page.getByTestId('group-form-add');
  await form.getByTestId('group-name').fill(name);
  await expect(form.getByTestId('group-date')).toHaveValue('01/06/2024');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();

  // A confirmation sums up what will happen.
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(`Thêm "${name}" vào Phường Xuân Đỉnh, có hiệu lực từ ngày 01/06/2024?`);
  await confirm.getByRole('button', { name: 'Xác nhận' }).click();

  const notice = page.locator('.ant-message').getByText(/Đã thêm/);
  await expect(notice).toContainText(name);
  const code = /mã (00610\.\d{3})/.exec((await notice.textContent()) ?? '')?.[1];
  expect(code, 'the new code is shown').toBeTruthy();

  const row = page.getByTestId(`group-row-${code}`);
  await expect(row).toContainText(name);
  // It ends with its ward at the 2025 reform.
  await expect(row).toContainText('Từ 01/06/2024 đến hết 30/06/2025');
  await expect(page.getByTestId('groups-table').locator('tbody tr.ant-table-row')).toHaveCount(26);

  // The group is there on its first day, not the day before.
  await page.goto(`/units/${code}?at=2024-06-01`);
  await expect(page.getByTestId('unit-title')).toHaveText(name);
  await page.goto(`/units/${code}?at=2024-05-31`);
  await expect(page.getByTestId('unit-error')).toBeVisible();

  // The change is in the ward's audit trail, newest first, with what was written.
  await page.goto('/audit?at=2024-06-01&unit=00610');
  const first = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
  await expect(first).toContainText('xuandinh');
  await expect(first).toContainText('Thêm');
  await expect(first).toContainText(`${code}`);
  await expect(first.getByTestId('audit-time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await first.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.json-block').last()).toContainText(name);
});

test('the API refuses a duplicate name and the form shows why', async ({ page }) => {
  await login(page, 'xuandinh');
  await page.goto('/units/00610/groups?at=2024-06-01');
  await page.getByTestId('group-add').click();
  await page.getByTestId('group-form-add').getByTestId('group-name').fill('Tổ dân phố số 1');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('group-modal')).toContainText(
    'Đơn vị cha đã có một tổ cùng tên vào ngày này',
  );
});
