import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { login } from '../support/app';
import { expectNumber, phone, readNumber, todayInVietnam } from '../support/register';

// The demo team leader `totruong` (Nguyễn Thị Hoa) leads the self-governing team of Tổ dân phố số 5
// of Xuân Đỉnh, which also has groups; since the 2025 reform the group sits in Phường Phú Thượng.
const groupCode = '00610.005';
const leaderName = 'Nguyễn Thị Hoa';

type TeamItem = { id: string; kind: string; name: string; leaderName: string | null };
type HouseholdItem = { id: string; code: string; headName: string | null; teamNames: string[] };

async function ledTeam(request: APIRequestContext, at: string): Promise<TeamItem> {
  const response = await request.get(`/api/teams?unit=${groupCode}&at=${at}&kind=team`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: TeamItem[] };
  const team = items.find((item) => item.leaderName === leaderName);
  expect(team, `a team of ${groupCode} led by ${leaderName}`).toBeTruthy();
  return team as TeamItem;
}

/** A household of the residential group in the care of no team or group on `at`. */
async function unsupervisedHousehold(request: APIRequestContext, at: string): Promise<HouseholdItem> {
  for (let page = 1; ; page += 1) {
    const response = await request.get(
      `/api/households?unit=${groupCode}&at=${at}&page=${page}&pageSize=200`,
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: HouseholdItem[]; total: number };
    const free = body.items.find((item) => item.teamNames.length === 0 && item.headName);
    if (free) return free;
    if (page * 200 >= body.total) break;
  }
  // Every household of the group is looked after: the journey brings one of its own.
  const code = `E2E-TQ-${Date.now() % 100000}`;
  const created = await request.post('/api/households', {
    data: {
      groupCode,
      at,
      code,
      address: 'Số 2, ngõ 42, phố Xuân Đỉnh',
      members: [{ fullName: 'Vũ Thị Thanh Xuân', relation: 'head', isHead: true, sex: 'female' }],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { id, code, headName: 'Vũ Thị Thanh Xuân', teamNames: [] };
}

async function openGroupFigures(page: Page): Promise<void> {
  await page.getByTestId('nav-stats').click();
  await expect(page).toHaveURL(/\/stats\?/);
  await expect(page.getByTestId('stats-title')).toContainText('Tổ dân phố Xuân Đỉnh 5');
}

test('a household put in the care of a team is counted, and its leader logs a visit from a phone', async ({
  page,
  browser,
  baseURL,
}) => {
  const today = todayInVietnam();
  await login(page, 'admin');
  const team = await ledTeam(page.request, today);
  const household = await unsupervisedHousehold(page.request, today);

  await page.goto(`/stats?unit=${groupCode}&at=${today}`);
  await expect(page.getByTestId('stats-title')).toContainText('Tổ dân phố Xuân Đỉnh 5');
  const supervisedBefore = await readNumber(page.getByTestId('stats-householdsSupervised'));

  // On a desktop, the administrator gives the household to the team from the team's page.
  await page.getByTestId('nav-teams').click();
  await page.getByTestId('teams-table').getByTestId('team-link').filter({ hasText: team.name }).click();
  await expect(page.getByTestId('team-title')).toHaveText(team.name);
  const teamPage = page.url();
  const householdsTab = page.getByTestId('team-tabs').getByRole('tab', { name: /Hộ phụ trách/ });
  const inCareBefore = Number((await householdsTab.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(inCareBefore).toBeGreaterThan(0);
  await householdsTab.click();
  await expect(page.getByTestId('team-households-table')).toBeVisible();
  await page.getByTestId('team-household-assign').click();
  const select = page.getByTestId('team-household-select');
  await select.click();
  await page.keyboard.type(household.code);
  // The search has answered when the only option left is the household.
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveCount(1);
  await expect(options).toContainText(household.code);
  await page.keyboard.press('Enter');
  await expect(select).toContainText(household.code);
  await page.getByTestId('team-household-assign-ok').click();
  await expect(page.getByTestId('team-household-assign-ok')).toHaveCount(0);
  await expect(householdsTab).toHaveText(`Hộ phụ trách (${inCareBefore + 1})`);

  // The register names the team beside the household.
  await page.getByTestId('nav-households').click();
  const search = page.getByTestId('households-search').locator('input');
  await search.fill(household.code);
  await search.press('Enter');
  await expect(page.getByTestId(`household-row-${household.code}`)).toContainText(team.name);

  await openGroupFigures(page);
  await expectNumber(page.getByTestId('stats-householdsSupervised'), supervisedBefore + 1);

  // On a phone, the team leader lands on her page and logs the visit in a few taps.
  const notes = `Thăm hỏi hộ ${household.code} (e2e ${Date.now()})`;
  const phoneContext = await browser.newContext({ ...phone, baseURL });
  try {
    const mobile = await phoneContext.newPage();
    await login(mobile, 'totruong');
    await expect(mobile).toHaveURL(/\/my-team/);
    const option = mobile.getByTestId(`my-team-option-${team.id}`);
    await expect(mobile.getByTestId('my-team')).toBeVisible();
    // She may write for every team and group of her residential group: she picks her own team.
    if ((await mobile.getByTestId('my-team-picker').count()) > 0) await option.tap();
    await expect(mobile.getByTestId('my-team-title')).toHaveText(team.name);

    await mobile.getByTestId('activity-kind-visit').tap();
    await expect(mobile.getByTestId('activity-kind-visit')).toHaveAttribute('aria-checked', 'true');
    const householdSearch = mobile.getByTestId('activity-household-search');
    if ((await householdSearch.count()) > 0) await householdSearch.locator('input').fill(household.code);
    await mobile.getByTestId(`activity-household-${household.code}`).tap();
    await expect(mobile.getByTestId('activity-picked-count')).toHaveText('Đã chọn 1 hộ');
    await mobile.getByTestId('activity-notes').fill(notes);
    await mobile.getByTestId('activity-save').tap();
    await expect(mobile.getByTestId('activity-saved')).toContainText('Đã lưu hoạt động');

    const recent = mobile.getByTestId('my-team-recent');
    const entry = recent.locator('.ant-list-item', { hasText: notes });
    await expect(entry).toContainText('Thăm hộ');
    await expect(entry).toContainText('1 hộ');
    await expect(entry).toContainText(leaderName);
    // The page fits the phone: nothing to scroll sideways.
    const overflow = await mobile.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await phoneContext.close();
  }

  // The team's page shows the visit in its activity log.
  await page.goto(teamPage);
  await expect(page.getByTestId('team-title')).toHaveText(team.name);
  await page.getByTestId('team-tabs').getByRole('tab', { name: 'Nhật ký hoạt động' }).click();
  const logged = page.getByTestId('activity-list').locator('.ant-list-item', { hasText: notes });
  await expect(logged).toContainText('Thăm hộ');
  await expect(logged).toContainText('1 hộ');
  await expect(logged).toContainText(leaderName);
});
