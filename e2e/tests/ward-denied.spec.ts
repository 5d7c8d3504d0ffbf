import { expect, test } from '@playwright/test';
import { login } from '../support/app';

test('a ward officer cannot open or change another ward', async ({ page }) => {
  await login(page, 'xuandinh');
  await page.goto('/units/00595/groups?at=2024-06-01');
  await expect(page.getByTestId('unit-error')).toContainText(
    'Không tìm thấy đơn vị có mã này vào ngày đã chọn',
  );
  await expect(page.getByTestId('group-add')).toHaveCount(0);

  // The tree shows only the officer's own branch.
  await page.goto('/units?at=2024-06-01');
  await expect(page.getByTestId('tree-node-021')).toBeVisible();
  await page
    .getByTestId('unit-tree')
    .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-021') })
    .locator('.ant-tree-switcher')
    .click();
  await expect(page.getByTestId('tree-node-00610')).toBeVisible();
  await expect(page.getByTestId('tree-node-00595')).toHaveCount(0);

  // The server decides, whatever the page shows: a direct call with the page's session is refused.
  const response = await page.request.post('/api/units', {
    data: { parentCode: '00595', name: 'Tổ dân phố thử', kind: 'residential_group', validFrom: '2024-06-01' },
  });
  expect(response.status()).toBe(403);
  const body = await response.json();
  expect(body.code).toBe('forbidden');
  expect(body.message).toContain('Bạn không có quyền');
  expect(body.messageEn).toBeTruthy();
});
