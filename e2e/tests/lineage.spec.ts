import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { login, treeNode } from '../support/app';

test('follows the lineage of the new ward Xuân Đỉnh back to the old wards', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, 'admin');
  await page.goto('/units/00611?at=2026-01-01');

  await expect(page.getByTestId('unit-title')).toHaveText('Phường Xuân Đỉnh');
  const predecessors = page.getByTestId('lineage-predecessors');
  await expect(predecessors.getByTestId('lineage-link-00610')).toHaveText(/Phường Xuân Đỉnh/);
  await expect(predecessors.getByText('Phường Xuân Tảo')).toBeVisible();
  await expect(predecessors.getByText('Phường Cổ Nhuế 1')).toBeVisible();
  await expect(predecessors.getByText('Một phần')).toHaveCount(3);
  await expect(treeNode(page, '00611')).toBeVisible();

  // Open the ward in the tree too, so that the picture shows its residential groups.
  await page
    .getByTestId('unit-tree')
    .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-00611') })
    .locator('.ant-tree-switcher')
    .click();
  await expect(
    page.getByTestId('unit-tree').locator('[data-kind="residential_group"]').first(),
  ).toBeVisible();
  await page.mouse.move(0, 0);
  // The README's picture: refreshed on request only, so a test run leaves the tree clean.
  const picture = await page.screenshot();
  expect(picture.length).toBeGreaterThan(10_000);
  if (process.env.UPDATE_SCREENSHOT === '1') {
    fs.writeFileSync(path.resolve(import.meta.dirname, '../../docs/screenshot.png'), picture);
  }

  // A predecessor opens on its last day, the day before the change.
  await predecessors.getByRole('link', { name: /Phường Xuân Tảo/ }).click();
  await expect(page).toHaveURL(/\/units\/00611\?at=2025-06-30/);
  await expect(page.getByTestId('unit-title')).toHaveText('Phường Xuân Tảo');
  await expect(page.getByTestId('unit-validity')).toContainText('đến hết 30/06/2025');
  await expect(page.getByTestId('as-of-date').locator('input')).toHaveValue('30/06/2025');
  // And it leads forward again, to the new ward on its first day.
  const successors = page.getByTestId('lineage-successors');
  await expect(successors.getByTestId('lineage-link-00611')).toHaveText(/Phường Xuân Đỉnh/);
  await successors.getByTestId('lineage-link-00611').click();
  await expect(page).toHaveURL(/\/units\/00611\?at=2025-07-01/);
  await expect(page.getByTestId('unit-title')).toHaveText('Phường Xuân Đỉnh');
});
