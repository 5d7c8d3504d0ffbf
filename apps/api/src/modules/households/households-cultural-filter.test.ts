import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfficer, buildStandingCommittee, login } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { buildHouseholdTree, createHousehold, giveSealer, head } from '../../../test/household-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  giveSealer(t);
});
afterAll(() => t.close());

describe('the list filtered to the cultural families of a year', () => {
  it('keeps the households registered for that year only, in the list, its total and the export', async () => {
    const tree = await buildHouseholdTree(t);
    const cookie = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const make = (group: typeof tree.groupA1, code: string) =>
      createHousehold(t, cookie, { group, code, members: [head()] });
    const a = await make(tree.groupA1, 'CF-01');
    const b = await make(tree.groupA1, 'CF-02');
    const c = await make(tree.groupA2, 'CF-03');
    const d = await make(tree.groupB1, 'CF-04');
    const record = async (id: string, year: number, registered: boolean) => {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/households/${id}/cultural-family/${year}`,
        headers: { cookie },
        payload: { registered, recognized: null, reason: null },
      });
      expect(response.statusCode).toBe(200);
    };
    await record(a.id, 2023, true);
    await record(b.id, 2023, false);
    await record(b.id, 2024, true);
    await record(c.id, 2023, true);
    await record(d.id, 2023, true);

    const list = async (query: string) => {
      const response = await t.call('GET', `/api/households?${query}`, { cookie });
      expect(response.statusCode).toBe(200);
      return response.json() as { total: number; items: Array<{ id: string }> };
    };
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

    const ward2023 = await list(`unit=${tree.wardA.code}&culturalYear=2023`);
    expect(ids(ward2023)).toEqual([a.id, c.id]);
    expect(ward2023.total).toBe(2);
    // The total counted apart from a full first page.
    const paged = await list(`unit=${tree.wardA.code}&culturalYear=2023&pageSize=1`);
    expect(paged.total).toBe(2);
    expect(ids(paged)).toEqual([a.id]);
    expect(ids(await list(`unit=${tree.wardA.code}&culturalYear=2024`))).toEqual([b.id]);
    expect((await list(`unit=${tree.wardA.code}&culturalYear=2022`)).total).toBe(0);
    expect((await list(`unit=${tree.district.code}&culturalYear=2023`)).total).toBe(3);
    // With the other filters.
    expect(ids(await list(`unit=${tree.groupA2.code}&culturalYear=2023`))).toEqual([c.id]);
    expect((await list(`unit=${tree.wardA.code}&culturalYear=2023&q=CF-03`)).total).toBe(1);
    // Without it, every household.
    expect((await list(`unit=${tree.wardA.code}`)).total).toBe(3);

    const exported = await t.call(
      'GET',
      `/api/households/export.xlsx?unit=${tree.wardA.code}&culturalYear=2024`,
      { cookie },
    );
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const codes: string[] = [];
    workbook.worksheets[0]!.eachRow((row, index) => {
      if (index > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(['CF-02']);

    const bad = await t.call('GET', `/api/households?unit=${tree.wardA.code}&culturalYear=abc`, { cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['culturalYear']);
    expect(
      (await t.call('GET', `/api/households?unit=${tree.wardA.code}&culturalYear=1800`, { cookie }))
        .statusCode,
    ).toBe(400);
  });

  it('keeps another ward’s cultural families out of an officer’s reach', async () => {
    const tree = await buildHouseholdTree(t);
    const committee = await login(t.app, await buildStandingCommittee(t.db, tree.district));
    const { id } = await createHousehold(t, committee, {
      group: tree.groupB1,
      code: 'CF-B1',
      members: [head()],
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/households/${id}/cultural-family/2023`,
      headers: { cookie: committee },
      payload: { registered: true, recognized: null, reason: null },
    });
    const officer = await login(t.app, await buildOfficer(t.db, tree.wardA));
    const denied = await t.call('GET', `/api/households?unit=${tree.wardB.code}&culturalYear=2023`, {
      cookie: officer,
    });
    expect(denied.statusCode).toBe(404);
  });
});
