import { expect, type Locator, type Page } from '@playwright/test';

export const demoPassword = 'e2e-demo-password';

/** Logs in through the login page, as a person would. */
export async function login(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Types a date into the global "as of" picker (dd/mm/yyyy) and waits for the URL to carry it. */
export async function setAsOf(page: Page, ddmmyyyy: string): Promise<void> {
  const input = page.getByTestId('as-of-date').locator('input');
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  const [day, month, year] = ddmmyyyy.split('/');
  await expect(page).toHaveURL(new RegExp(`[?&]at=${year}-${month}-${day}`));
}

/** A node of the unit tree on the units page. */
export function treeNode(page: Page, code: string) {
  return page.getByTestId('unit-tree').getByTestId(`tree-node-${code}`);
}

/**
 * Picks an option of an Ant Design select by its label and waits until the choice shows and
 * the list has closed, so that the next click reaches the form and not the list.
 */
export async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await openList.count()) === 0) await select.click();
    await openList.locator(`.ant-select-item-option[title="${label}"]`).click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
    await expect(openList).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
