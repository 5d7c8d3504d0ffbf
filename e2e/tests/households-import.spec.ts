import fs from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { login } from '../support/app';
import {
  displayDate,
  expectNumber,
  fixture,
  pickHeaderUnit,
  readNumber,
  todayInVietnam,
} from '../support/register';

// Since the 2025 reform Tổ dân phố Xuân Đỉnh 5 and 6 belong to Phường Phú Thượng (00091).
const ward = { code: '00091', name: 'Phường Phú Thượng', search: 'phu thuong' };

async function openFigures(page: Page): Promise<void> {
  await page.getByTestId('nav-stats').click();
  await expect(page).toHaveURL(/\/stats\?/);
  await expect(page.getByTestId('stats-title')).toContainText(ward.name);
  await expect(page.getByTestId('stats-title')).toContainText(displayDate(todayInVietnam()));
}

async function nearPoorFigure(page: Page): Promise<number> {
  const tag = page.getByTestId('stats-category-near_poor');
  return (await tag.count()) === 0 ? 0 : readNumber(tag);
}

async function uploadOnImportPage(page: Page, file: string): Promise<void> {
  await page.getByTestId('nav-households').click();
  await expect(page.getByTestId('households-table')).toBeVisible();
  await page.getByTestId('households-import').click();
  await expect(page.getByTestId('import-page')).toBeVisible();
  // The ward picked in the header is proposed, and the register date is today.
  await expect(page.getByTestId('import-ward')).toContainText(ward.name);
  await expect(page.getByTestId('import-date')).toHaveValue(displayDate(todayInVietnam()));
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(fixture(file));
  await expect(page.getByTestId('import-file')).toContainText(file);
  await page.getByTestId('import-inspect').click();
}

async function searchHouseholds(page: Page, text: string): Promise<void> {
  const search = page.getByTestId('households-search').locator('input');
  await search.fill(text);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`));
  await expect(page.getByTestId('households-table').locator('.ant-spin-spinning')).toHaveCount(0);
}

test('an administrator imports the valid households of a file with errors and the figures count them', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByTestId('nav-stats').click();
  await pickHeaderUnit(page, ward.search, ward.code);
  await expect(page.getByTestId('stats-title')).toContainText(ward.name);
  const householdsBefore = await readNumber(page.getByTestId('stats-households'));
  const nearPoorBefore = await nearPoorFigure(page);

  await uploadOnImportPage(page, 'households-with-errors.csv');

  // Nine rows for seven households; four households have an error, which rejects all their rows.
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expectNumber(page.getByTestId('import-report-total'), 9);
  await expectNumber(page.getByTestId('import-report-valid'), 4);
  await expectNumber(page.getByTestId('import-report-rejected'), 5);
  const errorRows = page.getByTestId('import-errors-table').locator('tbody tr.ant-table-row');
  await expect(errorRows).toHaveCount(4);
  const expected = [
    ['6', 'Số CCCD', 'Năm sinh không khớp với số CCCD'],
    ['7', 'Ngày sinh', 'Ngày sinh không có thật trên lịch'],
    ['8', 'Tổ dân phố', `Không có tổ dân phố "Tổ dân phố số 99" trong ${ward.name}`],
    ['9', 'Quan hệ với chủ hộ', 'Hộ E2E-007 chưa có chủ hộ'],
  ] as const;
  for (const [index, [row, column, reason]] of expected.entries()) {
    const cells = errorRows.nth(index).locator('td');
    await expect(cells.nth(0)).toHaveText(row);
    await expect(cells.nth(1)).toHaveText(column);
    await expect(cells.nth(2)).toContainText(reason);
  }

  // The downloadable report says the same, in Vietnamese, ready for Excel (UTF-8 with BOM).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-errors-csv').click(),
  ]);
  const bytes = await fs.readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('Dòng,Cột,Lý do');
  expect(lines).toHaveLength(expected.length + 1);
  for (const [index, [row, column, reason]] of expected.entries()) {
    const line = lines[index + 1] ?? '';
    expect(line.startsWith(`${row},${column},`)).toBe(true);
    // CSV doubles the quotes inside a quoted field.
    expect(line).toContain(reason.replace(/"/g, '""'));
  }

  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('import-summary')).toContainText('Đã nhập xong');
  await expectNumber(page.getByTestId('import-summary-imported'), 4);
  await expectNumber(page.getByTestId('import-summary-rejected'), 5);
  await expectNumber(page.getByTestId('import-summary-households'), 3);

  // The list finds an imported head of household typed without diacritics…
  await page.getByTestId('import-to-list').click();
  await expect(page).toHaveURL(new RegExp(`/households\\?.*unit=${ward.code}`));
  await searchHouseholds(page, 'luu quang vinh');
  const imported = page.getByTestId('household-row-E2E-001');
  await expect(imported).toContainText('Lưu Quang Vĩnh');
  await expect(imported).toContainText('Tổ dân phố Xuân Đỉnh 5');
  await expect(imported).toContainText('Hộ cận nghèo');
  // …and only the three valid households of the file were written.
  await searchHouseholds(page, 'e2e');
  const rows = page.getByTestId('households-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  for (const code of ['E2E-001', 'E2E-002', 'E2E-003']) {
    await expect(page.getByTestId(`household-row-${code}`)).toBeVisible();
  }

  await openFigures(page);
  await expectNumber(page.getByTestId('stats-households'), householdsBefore + 3);
  await expectNumber(page.getByTestId('stats-category-near_poor'), nearPoorBefore + 1);
});

test('a file in a legacy Vietnamese encoding is refused and nothing is imported', async ({ page }) => {
  const bytes = await fs.readFile(fixture('households-windows-1258.csv'));
  // The premise: the fixture really is Windows-1258 (tone marks as combining bytes), not UTF-8.
  expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toContain('Nguyễn Văn Thắng');
  expect(bytes.includes(Buffer.from('Nguyễn', 'utf8'))).toBe(false);

  await login(page, 'admin');
  await page.getByTestId('nav-stats').click();
  await pickHeaderUnit(page, ward.search, ward.code);
  await expect(page.getByTestId('stats-title')).toContainText(ward.name);
  const householdsBefore = await readNumber(page.getByTestId('stats-households'));

  await uploadOnImportPage(page, 'households-windows-1258.csv');
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('Tệp dùng bảng mã cũ Windows-1258');
  await expect(refused).toContainText('CSV UTF-8');
  // Still on the first step: no report, nothing to confirm.
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  await expect(page.getByTestId('import-valid')).toHaveCount(0);
  await expect(page.getByTestId('import-inspect')).toBeVisible();

  await page.getByTestId('nav-households').click();
  await searchHouseholds(page, 'BM-1258');
  await expect(page.getByTestId('households-table')).toContainText('Không có hộ nào phù hợp vào ngày này');

  await openFigures(page);
  await expectNumber(page.getByTestId('stats-households'), householdsBefore);
});
