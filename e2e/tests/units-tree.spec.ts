import { expect, test } from '@playwright/test';
import { login, setAsOf, treeNode } from '../support/app';

test('browses the tree before and after the 2025 reform', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/units');
  const tree = page.getByTestId('unit-tree');

  await setAsOf(page, '01/01/2024');
  await expect(treeNode(page, '01')).toContainText('Thành phố Hà Nội');
  await expect(treeNode(page, '021')).toContainText('Quận Bắc Từ Liêm');
  await tree
    .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-021') })
    .locator('.ant-tree-switcher')
    .click();
  await expect(tree.locator('[data-kind="ward"]')).toHaveCount(13);
  await expect(treeNode(page, '00602')).toContainText('Phường Đức Thắng');
  await expect(treeNode(page, '00610')).toContainText('Phường Xuân Đỉnh');

  await setAsOf(page, '01/01/2026');
  await expect(treeNode(page, '021')).toHaveCount(0);
  await expect(tree.locator('[data-kind="district"]')).toHaveCount(0);
  // The eight new wards hang directly under the city.
  await expect(tree.locator('[data-kind="ward"]')).toHaveCount(8);
  // Code 00602 now means another ward.
  await expect(treeNode(page, '00602')).toContainText('Phường Đông Ngạc');
  await expect(treeNode(page, '00611')).toContainText('Phường Xuân Đỉnh');

  // The date is in the URL, so a reload or a shared link shows the same tree.
  await page.reload();
  await expect(page.getByTestId('as-of-date').locator('input')).toHaveValue('01/01/2026');
  await expect(tree.locator('[data-kind="ward"]')).toHaveCount(8);
});
