import { expect, type Page, test } from '@playwright/test';
import { login } from '../support/app';

// The district's standing committee (`btl`) sets its 2021 targets, two wards report a manual
// result with evidence, and the dashboard shows the 13 old wards against every target, drills into
// a ward and back, opens the records behind a computed figure and downloads an evidence file.
const district = '021';
const wards = { good: '00595', poor: '00598' } as const;
const at = '2021-12-31';

const pdf = (text: string) =>
  `data:application/pdf;base64,${Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64')}`;

/** The district's own 2021 plan: the one already there, else one made of the whole library. */
async function districtPlan(page: Page): Promise<string> {
  const listed = await page.request.get(`/api/plans?unit=${district}&year=2021`);
  expect(listed.status()).toBe(200);
  const own = ((await listed.json()) as { items: { id: string; isOwn: boolean }[] }).items.find(
    (plan) => plan.isOwn,
  );
  if (own) return own.id;
  const library = await page.request.get('/api/indicators');
  expect(library.status()).toBe(200);
  const { items } = (await library.json()) as { items: { key: string; isLibrary: boolean }[] };
  const created = await page.request.post('/api/plans', {
    data: {
      unitCode: district,
      year: 2021,
      title: 'Kế hoạch thực hiện chỉ tiêu năm 2021',
      indicators: items.filter((item) => item.isLibrary).map((item) => ({ key: item.key })),
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function enterMediation(page: Page, planId: string, unitCode: string, value: number): Promise<void> {
  const entered = await page.request.post(`/api/plans/${planId}/values`, {
    data: {
      unitCode,
      key: 'mediation_success',
      value,
      note: 'Báo cáo tổng kết công tác hòa giải năm 2021',
      evidenceName: `hoa-giai-${unitCode}.pdf`,
      evidence: pdf(`hoa giai ${unitCode}`),
    },
  });
  expect(entered.status()).toBe(201);
}

const evaluationOf = (page: Page, unit: string) =>
  page.waitForResponse(
    (response) =>
      response.url().includes('/evaluation') &&
      response.url().includes(`unit=${unit}`) &&
      response.url().includes('period=year') &&
      response.status() === 200,
  );

test('the standing committee follows the wards against the 2021 targets and opens the records behind a figure', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'btl');
  const planId = await districtPlan(page);
  await enterMediation(page, planId, wards.good, 92);
  await enterMediation(page, planId, wards.poor, 60);

  const districtEvaluation = evaluationOf(page, district);
  await page.goto(`/plans?unit=${district}&at=${at}`);
  await page.getByTestId('plan-row-2021').getByTestId('plan-link').click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?`));
  await districtEvaluation;

  const matrix = page.getByTestId('dashboard-matrix');
  await expect(matrix.locator('[data-testid^="dashboard-row-"]')).toHaveCount(14);
  await expect(matrix.getByTestId(`dashboard-row-${district}`)).toBeVisible();
  const good = matrix.getByTestId(`dashboard-cell-${wards.good}-mediation_success`);
  const poor = matrix.getByTestId(`dashboard-cell-${wards.poor}-mediation_success`);
  await expect(good).toHaveText(/^92(,0)?%$/);
  await expect(good).toHaveAttribute('data-status', /^(met|exceeded)$/);
  await expect(poor).toHaveText(/^60(,0)?%$/);
  await expect(poor).toHaveAttribute('data-status', 'missed');
  await expect(poor).toHaveCSS('background-color', 'rgb(255, 204, 199)');

  // Into the ward and back.
  const wardEvaluation = evaluationOf(page, wards.good);
  await matrix.getByTestId(`dashboard-unit-${wards.good}`).click();
  await wardEvaluation;
  await expect(page.getByTestId(`dashboard-crumb-${wards.good}`)).toBeVisible();
  await expect(matrix.locator('[data-testid^="dashboard-row-"]').first()).toHaveAttribute(
    'data-testid',
    `dashboard-row-${wards.good}`,
  );

  // The evidence behind the ward's entered figure.
  await matrix.getByTestId(`dashboard-cell-${wards.good}-mediation_success`).click();
  const records = page.getByTestId('dashboard-records');
  await expect(records).toContainText(`hoa-giai-${wards.good}.pdf`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    records.getByTestId('dashboard-evidence-link').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`hoa-giai-${wards.good}.pdf`);
  await page.keyboard.press('Escape');
  await expect(records).toBeHidden();

  // Back to the district (its evaluation is still in the cache, so no request to wait for).
  await page.getByTestId('dashboard-crumb-root').click();
  await expect(page.getByTestId(`dashboard-crumb-${wards.good}`)).toHaveCount(0);
  await expect(matrix.locator('[data-testid^="dashboard-row-"]')).toHaveCount(14);

  // The households behind the district's computed cultural-family figure.
  await matrix.getByTestId(`dashboard-cell-${district}-cultural_families`).click();
  await page.getByTestId('dashboard-records').getByTestId('dashboard-drill-link').click();
  await expect(page).toHaveURL(/\/households\?/);
  await expect(page.getByTestId('households-table')).toBeVisible();
});
