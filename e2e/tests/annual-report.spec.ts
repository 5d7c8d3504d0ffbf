import fs from 'node:fs';
import { type Download, expect, type Page, test } from '@playwright/test';
import JSZip from 'jszip';
import { login } from '../support/app';

// The district's standing committee (`btl`) opens its 2021 plan, follows the cultural-family figure
// down to the households registered that year, then writes a paragraph of the year-end report and
// downloads the report in Word and PDF, each made from the data with the saved paragraph in it.
const district = '021';
const at = '2021-12-31';

async function planId(page: Page): Promise<string> {
  const listed = await page.request.get(`/api/plans?unit=${district}&year=2021`);
  expect(listed.status()).toBe(200);
  const own = ((await listed.json()) as { items: { id: string; isOwn: boolean }[] }).items.find(
    (plan) => plan.isOwn,
  );
  expect(own, 'the demo’s 2021 plan of the district').toBeTruthy();
  return own!.id;
}

/** "84.459": a count as the app writes it in Vietnamese. */
const vietnamese = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

test('the standing committee drills from a figure to the households and downloads the year-end report with its own words', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await login(page, 'btl');
  const id = await planId(page);

  const evaluation = await page.request.get(`/api/plans/${id}/evaluation?unit=${district}&period=year`);
  expect(evaluation.status()).toBe(200);
  const cultural = (
    (await evaluation.json()) as {
      items: { key: string; numerator: number | null; drill: string | null }[];
    }
  ).items.find((item) => item.key === 'cultural_families');
  expect(cultural?.numerator).toBeGreaterThan(0);

  // The dashboard's cultural-family figure, and the households behind it.
  await page.goto(`/plans/${id}?unit=${district}&at=${at}`);
  const matrix = page.getByTestId('dashboard-matrix');
  await matrix.getByTestId(`dashboard-cell-${district}-cultural_families`).click();
  const records = page.getByTestId('dashboard-records');
  await expect(records).toContainText(vietnamese(cultural!.numerator!));
  await records.getByTestId('dashboard-drill-link').click();
  await expect(page).toHaveURL(/\/households\?.*culturalYear=2021/);
  const tag = page.getByTestId('households-filter-cultural-year');
  await expect(tag).toContainText('Đăng ký gia đình văn hóa năm 2021');
  const table = page.getByTestId('households-table');
  await expect(table.locator('[data-testid^="household-row-"]').first()).toBeVisible();
  // The list counts exactly the households the figure counted.
  await expect(page.locator('.ant-pagination-total-text')).toContainText(vietnamese(cultural!.numerator!));
  // Removing the filter shows every household of the district again.
  await tag.locator('.ant-tag-close-icon').click();
  await expect(page).not.toHaveURL(/culturalYear=/);
  await expect(tag).toHaveCount(0);

  // The Tết-gift figure opens the year's Tết programmes; the fund figure the campaigns with their targets.
  await page.goto(`/plans/${id}?unit=${district}&at=${at}`);
  await matrix.getByTestId(`dashboard-cell-${district}-tet_gift_coverage`).click();
  await records.getByTestId('dashboard-drill-link').click();
  await expect(page).toHaveURL(/\/programs\?.*kind=tet_gift.*year=2021/);
  await expect(page.getByTestId('programs-filter-kind')).toContainText('Quà Tết');
  await expect(page.getByTestId('programs-filter-year')).toContainText('2021');
  const programs = page.getByTestId('programs-table').locator('[data-testid^="program-row-"]');
  await expect(programs.first()).toBeVisible();
  for (const code of await programs.evaluateAll((rows) => rows.map((row) => row.dataset.testid ?? ''))) {
    expect(code).toMatch(/^program-row-TET2021-/);
  }
  await page.getByTestId('programs-filter-kind').locator('.ant-tag-close-icon').click();
  await expect(page.getByTestId('programs-filter-kind')).toHaveCount(0);
  await expect(page.getByTestId('program-row-NDDK2021-021')).toBeVisible();

  await page.goto(`/plans/${id}?unit=${district}&at=${at}`);
  await matrix.getByTestId(`dashboard-cell-${district}-fund_targets`).click();
  await records.getByTestId('dashboard-drill-link').click();
  await expect(page).toHaveURL(/\/campaigns\?unit=021/);
  await expect(page.getByText('VNN2021-HN', { exact: false })).toBeVisible();
  await expect(page.getByText('1.490.000.000 đồng')).toBeVisible();

  // From the plan to its year-end report.
  await page.goto(`/plans/${id}?unit=${district}&at=${at}`);
  await page.getByTestId('plan-report-link').click();
  await expect(page).toHaveURL(/\/reports\/annual\?unit=021&year=2021/);
  await expect(page.getByTestId('report-title')).toContainText('Quận Bắc Từ Liêm');
  await expect(page.getByTestId('report-figures-note')).toBeVisible();

  const paragraph = `Năm 2022 phấn đấu trên 97% hộ đăng ký gia đình văn hóa, mã ${Date.now().toString(36)}.`;
  const nextYear = page.getByTestId('report-section-next_year');
  await nextYear.fill(paragraph);
  const saved = page.waitForResponse(
    (response) =>
      response.url().includes('/api/reports/annual/narrative') && response.request().method() === 'PUT',
  );
  await page.getByTestId('report-save').click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByTestId('report-saved-at')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('report-section-next_year')).toHaveValue(paragraph);

  // Word: made from the data now, with the saved paragraph.
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download-docx').click(),
  ]);
  expect(docx.suggestedFilename()).toBe('bao-cao-tong-ket-021-2021.docx');
  const docxBytes = await bytesOf(docx);
  expect(docxBytes.length).toBeGreaterThan(10 * 1024);
  expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const xml = await (await JSZip.loadAsync(docxBytes)).file('word/document.xml')!.async('string');
  expect(xml).toContain(paragraph);
  expect(xml).toContain('82.337');

  // PDF.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download-pdf').click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('bao-cao-tong-ket-021-2021.pdf');
  const pdfBytes = await bytesOf(pdf);
  expect(pdfBytes.length).toBeGreaterThan(10 * 1024);
  expect(pdfBytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  await expect(page.getByTestId('report-download-error')).toHaveCount(0);

  // The district's treasurer reads the saved words but may not change them.
  const treasurerContext = await browser.newContext();
  const treasurer = await treasurerContext.newPage();
  await login(treasurer, 'ketoan');
  await treasurer.goto(`/reports/annual?unit=${district}&year=2021&at=${at}`);
  await expect(treasurer.getByTestId('report-section-next_year')).toHaveValue(paragraph);
  await expect(treasurer.getByTestId('report-section-next_year')).toBeDisabled();
  await expect(treasurer.getByTestId('report-read-only')).toBeVisible();
  await expect(treasurer.getByTestId('report-save')).toHaveCount(0);
  await treasurerContext.close();
});
