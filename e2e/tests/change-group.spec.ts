import { expect, test } from '@playwright/test';
import { login } from '../support/app';

const confirm = (page: import('@playwright/test').Page) =>
  page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xác nhận' }).click();

test('a ward officer renames a group from a date; its history keeps both names', async ({ page }) => {
  await login(page, 'xuandinh');
  await page.goto('/units/00610/groups?at=2024-09-01');

  await page.getByTestId('group-rename-00610.010').click();
  await page.getByTestId('group-form-rename').getByTestId('group-name').fill('Tổ dân phố Hoa Sữa');
  await page.getByTestId('group-submit').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText(
    'Đổi tên "Tổ dân phố số 10" thành "Tổ dân phố Hoa Sữa" từ ngày 01/09/2024?',
  );
  await confirm(page);
  await expect(page.locator('.ant-message')).toContainText('Đã đổi tên thành Tổ dân phố Hoa Sữa');
  await expect(page.getByTestId('group-row-00610.010')).toContainText('Tổ dân phố Hoa Sữa');

  await page.goto('/units/00610/groups?at=2024-08-31');
  await expect(page.getByTestId('group-row-00610.010')).toContainText('Tổ dân phố số 10');

  await page.goto('/units/00610.010?at=2024-09-01');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('versions-table')).toContainText('Tổ dân phố số 10');
  await expect(page.getByTestId('versions-table')).toContainText('Tổ dân phố Hoa Sữa');
});

test('closing a group ends it for good, with the move into the new ward planned after', async ({ page }) => {
  await login(page, 'admin');
  // Group 00616.008 goes into the new ward Xuân Đỉnh on 01/07/2025; closed in 2024, it never does.
  await page.goto('/units/00611/groups?at=2026-01-01');
  await expect(page.getByTestId('group-row-00616.008')).toBeVisible();
  await page.goto('/units/00616/groups?at=2024-09-01');
  await page.getByTestId('group-close-00616.008').click();
  await expect(page.getByTestId('group-form-close')).toContainText('chuyển sang phường mới');
  await expect(page.getByTestId('group-form-close').getByTestId('group-date')).toHaveValue('01/09/2024');
  await page.getByTestId('group-submit').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('từ ngày 01/09/2024?');
  await confirm(page);
  await expect(page.getByTestId('group-row-00616.008')).toHaveCount(0);
  await page.goto('/units/00616/groups?at=2024-08-31');
  await expect(page.getByTestId('group-row-00616.008')).toContainText('đến hết 31/08/2024');
  await page.goto('/units/00611/groups?at=2026-01-01');
  await expect(page.getByTestId('groups-table')).toBeVisible();
  await expect(page.getByTestId('group-row-00616.008')).toHaveCount(0);
});
