import { expect, test } from '@playwright/test';
import { demoPassword } from '../support/app';

test('logs in, switches language and logs out; a wrong password is refused in Vietnamese', async ({
  page,
}) => {
  await page.goto('/units');
  // Without a session every page leads to the login page.
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Đoàn Kết' })).toBeVisible();

  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
  await expect(page).toHaveURL(/\/login/);

  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-display-name')).toHaveText('Quản trị hệ thống');
  // Back to the page asked for, carrying the "as of" date.
  await expect(page).toHaveURL(/\/units/);
  await expect(page.getByTestId('nav-users')).toHaveText('Người dùng và vai trò');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-users')).toHaveText('Users and roles');
  await page.reload();
  await expect(page.getByTestId('nav-users')).toHaveText('Users and roles');
  await page.getByTestId('lang-vi').click();
  await expect(page.getByTestId('nav-units')).toHaveText('Đơn vị hành chính');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/units');
  await expect(page).toHaveURL(/\/login/);
});
