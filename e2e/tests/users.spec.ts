import { expect, test } from '@playwright/test';
import { login, pickOption } from '../support/app';

test('an administrator creates an account that must change its temporary password', async ({ page }) => {
  const username = `to.truong.${Date.now() % 100000}`;
  await login(page, 'admin');
  await page.goto('/users?at=2024-06-01&unit=00610');
  await expect(page.getByTestId('users-table')).toContainText('xuandinh');

  await page.getByTestId('user-create').click();
  const form = page.getByTestId('user-create-form');
  await form.getByTestId('user-username').fill(username);
  await form.getByTestId('user-display-name-input').fill('Nguyễn Thị Tổ Trưởng');
  await form.getByTestId('user-password').fill('short');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  // Checked with the API's own contract before anything is sent.
  await expect(form).toContainText('Mật khẩu cần ít nhất 10 ký tự');
  await form.getByTestId('user-password').fill('mat-khau-tam-2024');
  await pickOption(page, form.getByTestId('user-role'), 'Tổ trưởng tổ dân phố');
  // The unit picked in the header is the default unit of the first role.
  await expect(page.getByTestId('user-unit')).toContainText('Phường Xuân Đỉnh');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

  const row = page.getByTestId('users-table').locator('tr', { hasText: username });
  await expect(row).toContainText('Tổ trưởng tổ dân phố · Phường Xuân Đỉnh (00610)');
  await expect(row).toContainText('Đang hoạt động');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('mat-khau-tam-2024');
  await page.getByTestId('login-submit').click();
  const forced = page.getByTestId('forced-password-change');
  await expect(forced).toContainText('Đổi mật khẩu trước khi tiếp tục');
  await forced.getByTestId('password-current').fill('mat-khau-tam-2024');
  await forced.getByTestId('password-new').fill('mat-khau-rieng-cua-to');
  await forced.getByTestId('password-confirm').fill('mat-khau-rieng-cua-to');
  await forced.getByTestId('password-submit').click();
  await expect(page.getByTestId('user-display-name')).toHaveText('Nguyễn Thị Tổ Trưởng');
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
});
