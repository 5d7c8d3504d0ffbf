import { expect, test } from '@playwright/test';
import { login } from '../support/app';

test('picks a unit by typing its name without diacritics', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/units?at=2024-01-01');

  const picker = page.getByTestId('unit-picker');
  await picker.click();
  await page.keyboard.type('bac tu liem');
  const hit = page.getByTestId('unit-picker-popup').getByTestId('unit-picker-option-021');
  await expect(hit).toContainText('Quận Bắc Từ Liêm');
  // Each hit shows where it sits in the tree.
  await expect(hit).toContainText('Thành phố Hà Nội');
  await hit.click();

  await expect(page).toHaveURL(/\/units\/021\?at=2024-01-01/);
  await expect(page.getByTestId('unit-title')).toHaveText('Quận Bắc Từ Liêm');
  await expect(picker).toContainText('Quận Bắc Từ Liêm');

  // After the reform the same search finds no district, and "xuan dinh" finds the new ward.
  await page.goto('/units?at=2026-01-01');
  await page.getByTestId('unit-picker').click();
  await page.keyboard.type('xuan dinh');
  const ward = page.getByTestId('unit-picker-popup').getByTestId('unit-picker-option-00611');
  await expect(ward).toContainText('Phường Xuân Đỉnh');
  await ward.click();
  await expect(page).toHaveURL(/\/units\/00611\?at=2026-01-01/);
  await expect(page.getByTestId('unit-validity')).toHaveText('Từ 01/07/2025 (đang hiệu lực)');
});
