import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildProvince, buildResidentialGroup, buildWard } from '../../../test/factories';
import { buildCampaign, buildFund, postIncome } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import {
  buildHousehold,
  buildMember,
  buildProgramPlace,
  createProgram,
  type ProgramPlace,
} from '../../../test/program-factories';
import { queryRows } from '../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (table: string, where = sql`true`) => {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`,
  );
  return row?.n ?? 0;
};

/**
 * Households of the place around an eligibility date of 15 January 2021:
 * eligible — near-poor in A1, martyr's family in A2, near-poor in B1;
 * not eligible — near-poor ended on 1 December 2020, near-poor only from March 2021, a household with no
 * category, and a near-poor household that moved into A1 from another district on 1 March 2021.
 */
async function buildRegister(place: ProgramPlace) {
  const nearPoor = await buildHousehold(t.db, {
    group: place.groupA1,
    ward: place.wardA,
    categories: [{ category: 'near_poor', from: '2019-01-01' }],
  });
  const martyr = await buildHousehold(t.db, {
    group: place.groupA2,
    ward: place.wardA,
    categories: [{ category: 'policy_martyr', from: '2000-01-01' }],
  });
  const inB = await buildHousehold(t.db, {
    group: place.groupB1,
    ward: place.wardB,
    categories: [{ category: 'near_poor', from: '2020-06-01', to: '2022-01-01' }],
  });
  const ended = await buildHousehold(t.db, {
    group: place.groupA1,
    ward: place.wardA,
    categories: [{ category: 'near_poor', from: '2018-01-01', to: '2020-12-01' }],
  });
  const later = await buildHousehold(t.db, {
    group: place.groupA2,
    ward: place.wardA,
    categories: [{ category: 'near_poor', from: '2021-03-01' }],
  });
  const none = await buildHousehold(t.db, { group: place.groupA1, ward: place.wardA });
  const elsewhereProvince = await buildProvince(t.db);
  const elsewhereDistrict = await buildDistrict(t.db, elsewhereProvince, { validTo: null });
  const elsewhereWard = await buildWard(t.db, elsewhereDistrict);
  const elsewhereGroup = await buildResidentialGroup(t.db, elsewhereWard, {
    code: `${elsewhereWard.code}.001`,
  });
  const movedIn = await buildHousehold(t.db, {
    group: elsewhereGroup,
    ward: elsewhereWard,
    moves: [{ group: place.groupA1, from: '2021-03-01' }],
    categories: [{ category: 'near_poor', from: '2019-01-01' }],
  });
  return { nearPoor, martyr, inB, ended, later, none, movedIn, elsewhereWard };
}

describe('programmes', () => {
  it('creates a programme paid by the district fund for a ward and lists it above and below', async () => {
    const place = await buildProgramPlace(t);
    const created = await t.call('POST', '/api/programs', {
      cookie: place.committee,
      payload: {
        unitCode: place.wardA.code,
        fundId: place.fund.id,
        campaignId: place.campaign.id,
        code: 'ddk-2021-a',
        name: 'Nhà Đại đoàn kết 2021',
        kind: 'solidarity_house',
        periodFrom: '2021-01-01',
        periodTo: '2021-12-31',
        eligibleCategories: ['poor', 'near_poor'],
        eligibleOn: '2021-01-01',
        amountPerHousehold: 50_000_000,
        decisionNo: '12/QĐ-MTTQ',
        decidedOn: '2020-12-20',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const detail = await t.call('GET', `/api/programs/${id}`, { cookie: place.wardOfficer });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      code: 'DDK-2021-A',
      kind: 'solidarity_house',
      unitCode: place.wardA.code,
      fundId: place.fund.id,
      campaignCode: place.campaign.code,
      amountPerHousehold: 50_000_000,
      eligibleCategories: ['poor', 'near_poor'],
      allowRepeat: false,
      totals: { planned: { count: 0, amount: 0, itemsValue: 0 } },
      canManage: false,
      canPay: false,
    });
    for (const unit of [place.district, place.wardA, place.groupA1]) {
      const list = await t.call('GET', `/api/programs?unit=${unit.code}&at=2021-06-01`, {
        cookie: place.committee,
      });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((item: { id: string }) => item.id)).toContain(id);
    }
    const other = await t.call('GET', `/api/programs?unit=${place.wardB.code}&at=2021-06-01`, {
      cookie: place.committee,
    });
    expect(other.json().items.map((item: { id: string }) => item.id)).not.toContain(id);
    const audit = await count('audit_events', sql`entity_type = 'support_program' AND entity_id = ${id}`);
    expect(audit).toBe(1);
    const again = await t.call('POST', '/api/programs', {
      cookie: place.committee,
      payload: {
        unitCode: place.wardA.code,
        fundId: place.fund.id,
        code: 'DDK-2021-A',
        name: 'Trùng mã',
        kind: 'cash',
        periodFrom: '2021-01-01',
        periodTo: '2021-12-31',
        eligibleCategories: ['poor'],
        eligibleOn: '2021-01-01',
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses bad programmes with a field error and records nothing', async () => {
    const place = await buildProgramPlace(t);
    const otherWardFund = await buildFund(t.db, place.wardB);
    const otherWardCampaign = await buildCampaign(t.db, otherWardFund);
    const wardCampaignFund = place.wardFund;
    const base = {
      unitCode: place.wardA.code,
      fundId: place.fund.id,
      code: 'BAD-1',
      name: 'Chương trình',
      kind: 'cash',
      periodFrom: '2021-01-01',
      periodTo: '2021-12-31',
      eligibleCategories: ['poor'],
      eligibleOn: '2021-01-01',
    };
    const before = await count('support_programs');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'solidarity_house' }, 'amountPerHousehold'],
      [{ periodTo: '2020-12-31' }, 'periodTo'],
      [{ eligibleCategories: [] }, 'eligibleCategories'],
      [{ eligibleCategories: ['poor', 'millionaire'] }, 'eligibleCategories.1'],
      [{ fundId: otherWardFund.id }, 'fundId'],
      [{ fundId: '00000000-0000-4000-8000-000000000000' }, 'fundId'],
      [{ unitCode: place.district.code, fundId: wardCampaignFund.id }, 'fundId'],
      [{ campaignId: '00000000-0000-4000-8000-000000000000' }, 'campaignId'],
      // The district's fund takes no part in a campaign run by a ward.
      [{ campaignId: otherWardCampaign.id }, 'campaignId'],
      [{ unitCode: place.groupA1.code }, 'unitCode'],
      [{ amountPerHousehold: -5 }, 'amountPerHousehold'],
      [{ amountPerHousehold: 1.5 }, 'amountPerHousehold'],
      [{ amountPerHousehold: 1e15 }, 'amountPerHousehold'],
      [{ code: 'x' }, 'code'],
      [{ kind: 'lottery' }, 'kind'],
    ];
    for (const [change, path] of cases) {
      const response = await t.call('POST', '/api/programs', {
        cookie: place.committee,
        payload: { ...base, ...change },
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().fields.map((field: { path: string }) => field.path)).toContain(path);
      expect(response.json().fields[0].messageEn).toBeTruthy();
    }
    const officer = await t.call('POST', '/api/programs', { cookie: place.wardOfficer, payload: base });
    expect(officer.statusCode).toBe(403);
    expect(await count('support_programs')).toBe(before);
  });

  it('finds households eligible on the date: categories in force then, living in the area then', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    const eligible = await t.call('GET', `/api/programs/${id}/eligible?unit=${place.district.code}`, {
      cookie: place.committee,
    });
    expect(eligible.statusCode).toBe(200);
    const body = eligible.json();
    expect(body.total).toBe(3);
    expect(body.items.map((item: { householdId: string }) => item.householdId).sort()).toEqual(
      [register.nearPoor.id, register.martyr.id, register.inB.id].sort(),
    );
    const first = body.items.find(
      (item: { householdId: string }) => item.householdId === register.nearPoor.id,
    );
    expect(first).toMatchObject({
      code: register.nearPoor.code,
      headName: register.nearPoor.headName,
      groupCode: place.groupA1.code,
      wardCode: place.wardA.code,
      categories: ['near_poor'],
      hasDistribution: false,
    });
    const ward = await t.call(
      'GET',
      `/api/programs/${id}/eligible?unit=${place.wardA.code}&pageSize=1&page=2`,
      {
        cookie: place.wardOfficer,
      },
    );
    expect(ward.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(ward.json().items).toHaveLength(1);

    const coverage = await t.call('GET', `/api/programs/${id}/coverage?unit=${place.district.code}`, {
      cookie: place.committee,
    });
    expect(coverage.json()).toEqual({ eligible: 3, supported: 0, percent: 0 });
    // A ward outside the programme's area is refused; its officer cannot read another ward.
    const outside = await t.call('GET', `/api/programs/${id}/coverage?unit=${register.elsewhereWard.code}`, {
      cookie: place.committee,
    });
    expect(outside.statusCode).toBe(404);
    const beside = await t.call('GET', `/api/programs/${id}/eligible?unit=${place.wardB.code}`, {
      cookie: place.wardOfficer,
    });
    expect(beside.statusCode).toBe(404);
  });

  it('plans each household once, names the ones refused, and allows an exception with a reason', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    const add = (payload: Record<string, unknown>, cookie = place.committee) =>
      t.call('POST', `/api/programs/${id}/distributions`, { cookie, payload });

    const first = await add({ householdIds: [register.nearPoor.id] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().created).toBe(1);

    const twice = await add({ householdIds: [register.martyr.id, register.nearPoor.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields).toEqual([
      expect.objectContaining({
        path: 'householdIds.1',
        message: expect.stringContaining(register.nearPoor.code),
      }),
    ]);

    const ineligible = await add({ householdIds: [register.ended.id, register.later.id, register.none.id] });
    expect(ineligible.statusCode).toBe(400);
    expect(ineligible.json().fields.map((field: { message: string }) => field.message.split(':')[0])).toEqual(
      [`Hộ ${register.ended.code}`, `Hộ ${register.later.code}`, `Hộ ${register.none.code}`],
    );

    const outside = await add({
      householdIds: [register.movedIn.id],
      override: true,
      reason: 'Hoàn cảnh đặc biệt',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].message).toContain(register.movedIn.code);

    const noReason = await add({ householdIds: [register.ended.id], override: true });
    expect(noReason.statusCode).toBe(400);
    expect(await count('distributions', sql`program_id = ${id}`)).toBe(1);

    const exception = await add({
      householdIds: [register.ended.id],
      override: true,
      reason: 'Mới mất việc, ốm nặng',
    });
    expect(exception.statusCode).toBe(201);
    const [audit] = await queryRows<{ after: { override?: { reason: string } } }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type = 'distribution' AND entity_id = ${exception.json().ids[0]}`,
    );
    expect(audit?.after.override?.reason).toBe('Mới mất việc, ốm nặng');
    expect(JSON.stringify(audit?.after)).not.toContain(register.ended.headName);

    // A ward's officer cannot plan; the ward's treasurer plans its own households.
    expect((await add({ allEligibleIn: place.wardA.code }, place.wardOfficer)).statusCode).toBe(403);
    const all = await add({ allEligibleIn: place.wardA.code }, place.wardTreasurer);
    expect(all.statusCode).toBe(201);
    expect(all.json().created).toBe(1);
    const rest = await add({ allEligibleIn: place.district.code });
    expect(rest.json().created).toBe(1);
    expect((await add({ allEligibleIn: place.district.code })).json().created).toBe(0);

    const missing = await t.call(
      'GET',
      `/api/programs/${id}/eligible?unit=${place.district.code}&missing=true`,
      {
        cookie: place.committee,
      },
    );
    expect(missing.json().total).toBe(0);

    const list = await t.call('GET', `/api/programs/${id}/distributions?unit=${place.wardA.code}`, {
      cookie: place.wardOfficer,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().totals).toEqual({ amount: 1_500_000, itemsValue: 0 });
    expect(list.json().items[0]).toMatchObject({
      groupCode: place.groupA1.code,
      wardCode: place.wardA.code,
      amount: 500_000,
      status: 'planned',
      reversed: false,
      paidOn: null,
    });
    expect(list.json().items.map((row: { headName: string }) => row.headName)).toContain(
      register.nearPoor.headName,
    );
    const detail = await t.call('GET', `/api/programs/${id}`, { cookie: place.committee });
    expect(detail.json().totals.planned).toEqual({ count: 4, amount: 2_000_000, itemsValue: 0 });
  });

  it('keeps a household once when two requests add it at the same time', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.call('POST', `/api/programs/${id}/distributions`, {
          cookie: place.committee,
          payload: { householdIds: [register.martyr.id] },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const refused = responses.find((response) => response.statusCode === 409);
    expect(refused?.json().fields[0].message).toContain(register.martyr.code);
    expect(await count('distributions', sql`program_id = ${id}`)).toBe(1);
  });

  it('adds a household again when the programme allows repeats', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place, { allowRepeat: true, kind: 'student_device' });
    const student = await buildMember(t.db, register.nearPoor.id);
    for (const expected of [0, 1]) {
      const response = await t.call('POST', `/api/programs/${id}/distributions`, {
        cookie: place.committee,
        payload: { householdIds: [register.nearPoor.id], personId: student, amount: 3_000_000 },
      });
      expect(response.statusCode, response.body).toBe(201);
      const [row] = await queryRows<{ repeat_no: number }>(
        t.db,
        sql`SELECT repeat_no FROM distributions WHERE id = ${response.json().ids[0]}`,
      );
      expect(row?.repeat_no).toBe(expected);
    }
    const list = await t.call('GET', `/api/programs/${id}/distributions`, { cookie: place.committee });
    expect(
      list
        .json()
        .items.map((row: { repeatNo: number; personName: string }) => [row.repeatNo, row.personName]),
    ).toEqual([
      [0, 'Nguyễn Thị Học Sinh'],
      [1, 'Nguyễn Thị Học Sinh'],
    ]);
    const stranger = await t.call('POST', `/api/programs/${id}/distributions`, {
      cookie: place.committee,
      payload: { householdIds: [register.martyr.id], personId: student },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().fields[0].path).toBe('personId');
  });

  it('refuses bad distribution requests and writes nothing', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    const noAmount = await createProgram(t, place.committee, place, { amountPerHousehold: null });
    const before = await count('distributions');
    const cases: Array<[string, Record<string, unknown>, number]> = [
      [id, {}, 400],
      [id, { householdIds: [register.nearPoor.id], allEligibleIn: place.wardA.code }, 400],
      [id, { householdIds: ['not-a-uuid'] }, 400],
      [id, { householdIds: ['00000000-0000-4000-8000-000000000000'] }, 400],
      [id, { householdIds: [register.nearPoor.id], amount: -1 }, 400],
      [id, { householdIds: [register.nearPoor.id], amount: 0.5 }, 400],
      [id, { householdIds: [register.nearPoor.id], items: [{ item: 'rice', quantity: 1 }] }, 400],
      [noAmount, { householdIds: [register.nearPoor.id] }, 400],
      [id, { allEligibleIn: register.elsewhereWard.code }, 404],
      ['00000000-0000-4000-8000-000000000000', { householdIds: [register.nearPoor.id] }, 404],
    ];
    for (const [programId, payload, status] of cases) {
      const response = await t.call('POST', `/api/programs/${programId}/distributions`, {
        cookie: place.committee,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().message).toBeTruthy();
    }
    expect(await count('distributions')).toBe(before);
  });

  it('reports coverage per unit equal to a count from the records', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    await postIncome(t.db, place.fund.id, 10_000_000, { entryDate: '2021-01-02' });
    const added = await t.call('POST', `/api/programs/${id}/distributions`, {
      cookie: place.committee,
      payload: {
        householdIds: [register.nearPoor.id, register.inB.id, register.ended.id],
        override: true,
        reason: 'Xét riêng',
      },
    });
    const [nearPoorRow, , endedRow] = added.json().ids as string[];
    const paid = await t.call('POST', '/api/distributions/pay', {
      cookie: place.treasurer,
      payload: { ids: [nearPoorRow, endedRow], paidOn: '2021-02-01', method: 'cash' },
    });
    expect(paid.statusCode, paid.body).toBe(200);

    const byUnit = await t.call('GET', `/api/programs/${id}/coverage/by-unit?unit=${place.district.code}`, {
      cookie: place.committee,
    });
    expect(byUnit.statusCode).toBe(200);
    const body = byUnit.json();
    // The count from the records: eligible households placed in each ward on the date, and those paid.
    const fromRecords = await queryRows<{ ward: string; eligible: number; supported: number }>(
      t.db,
      sql`SELECT w.code AS ward, count(*)::int AS eligible,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM distributions d WHERE d.program_id = ${id}
              AND d.household_id = hp.household_id AND d.status = 'paid'))::int AS supported
          FROM household_placements hp
          JOIN unit_versions g ON g.unit_id = hp.group_unit_id
          JOIN unit_versions w ON w.unit_id = g.parent_unit_id
          WHERE w.parent_unit_id = ${place.district.unitId}
            AND hp.valid_from <= '2021-01-15' AND (hp.valid_to IS NULL OR hp.valid_to > '2021-01-15')
            AND EXISTS (SELECT 1 FROM household_categories c WHERE c.household_id = hp.household_id
              AND c.category IN ('near_poor', 'policy_martyr')
              AND c.valid_from <= '2021-01-15' AND (c.valid_to IS NULL OR c.valid_to > '2021-01-15'))
          GROUP BY w.code`,
    );
    const expected = new Map(fromRecords.map((row) => [row.ward, row]));
    expect(body.items).toHaveLength(2);
    for (const item of body.items) {
      const row = expected.get(item.unitCode);
      expect(item.eligible).toBe(row?.eligible ?? 0);
      expect(item.supported).toBe(row?.supported ?? 0);
    }
    expect(body.items.find((item: { unitCode: string }) => item.unitCode === place.wardA.code)).toMatchObject(
      {
        eligible: 2,
        supported: 1,
        percent: 50,
      },
    );
    expect(body.items.find((item: { unitCode: string }) => item.unitCode === place.wardB.code)).toMatchObject(
      {
        eligible: 1,
        supported: 0,
        percent: 0,
      },
    );
    expect(body.unit).toMatchObject({
      unitCode: place.district.code,
      eligible: 3,
      supported: 1,
      percent: 33.3,
    });
    const ward = await t.call('GET', `/api/programs/${id}/coverage?unit=${place.wardA.code}`, {
      cookie: place.wardOfficer,
    });
    expect(ward.json()).toEqual({ eligible: 2, supported: 1, percent: 50 });
    const groups = await t.call('GET', `/api/programs/${id}/coverage/by-unit?unit=${place.wardA.code}`, {
      cookie: place.wardOfficer,
    });
    expect(
      groups
        .json()
        .items.map((item: { unitCode: string; eligible: number }) => [item.unitCode, item.eligible]),
    ).toEqual([
      [place.groupA1.code, 1],
      [place.groupA2.code, 1],
    ]);
    const group = await t.call('GET', `/api/programs/${id}/coverage/by-unit?unit=${place.groupA1.code}`, {
      cookie: place.committee,
    });
    expect(group.json().unit).toMatchObject({ eligible: 1, supported: 1, percent: 100 });
    // No eligible household: the percentage is null, not 0.
    const none = await createProgram(t, place.committee, place, { eligibleCategories: ['agent_orange'] });
    const nobody = await t.call('GET', `/api/programs/${none}/coverage`, { cookie: place.committee });
    expect(nobody.json()).toEqual({ eligible: 0, supported: 0, percent: null });
    const listed = await t.call('GET', `/api/programs?unit=${place.district.code}&at=2021-06-01`, {
      cookie: place.committee,
    });
    expect(listed.json().items.find((item: { id: string }) => item.id === id).coverage).toEqual({
      eligible: 3,
      supported: 1,
      percent: 33.3,
    });
  });

  it('confirms receipt after payment and removes only planned rows', async () => {
    const place = await buildProgramPlace(t);
    const register = await buildRegister(place);
    const id = await createProgram(t, place.committee, place);
    await postIncome(t.db, place.fund.id, 5_000_000, { entryDate: '2021-01-02' });
    const added = await t.call('POST', `/api/programs/${id}/distributions`, {
      cookie: place.committee,
      payload: { householdIds: [register.nearPoor.id, register.martyr.id] },
    });
    const [paidId, plannedId] = added.json().ids as string[];
    const early = await t.call('POST', `/api/distributions/${paidId}/confirm`, {
      cookie: place.wardOfficer,
      payload: { confirmedOn: '2021-02-02' },
    });
    expect(early.statusCode).toBe(409);
    await t.call('POST', '/api/distributions/pay', {
      cookie: place.treasurer,
      payload: { ids: [paidId], paidOn: '2021-02-01', method: 'bank' },
    });
    const before = await t.call('POST', `/api/distributions/${paidId}/confirm`, {
      cookie: place.wardOfficer,
      payload: { confirmedOn: '2021-01-31' },
    });
    expect(before.statusCode).toBe(400);
    const confirmed = await t.call('POST', `/api/distributions/${paidId}/confirm`, {
      cookie: place.wardOfficer,
      payload: { confirmedOn: '2021-02-02' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ id: paidId, status: 'confirmed', confirmedOn: '2021-02-02' });
    const twice = await t.call('POST', `/api/distributions/${paidId}/confirm`, {
      cookie: place.wardOfficer,
      payload: { confirmedOn: '2021-02-03' },
    });
    expect(twice.statusCode).toBe(409);

    expect(
      (await t.call('DELETE', `/api/distributions/${paidId}`, { cookie: place.committee })).statusCode,
    ).toBe(409);
    expect(
      (await t.call('DELETE', `/api/distributions/${plannedId}`, { cookie: place.wardOfficer })).statusCode,
    ).toBe(403);
    const removed = await t.call('DELETE', `/api/distributions/${plannedId}`, { cookie: place.committee });
    expect(removed.statusCode).toBe(204);
    expect(await count('distributions', sql`program_id = ${id}`)).toBe(1);
    expect(await count('audit_events', sql`entity_type = 'distribution' AND entity_id = ${plannedId}`)).toBe(
      2,
    );
    const list = await t.call('GET', `/api/programs/${id}/distributions?status=confirmed`, {
      cookie: place.committee,
    });
    expect(
      list.json().items.map((row: { id: string; confirmedOn: string }) => [row.id, row.confirmedOn]),
    ).toEqual([[paidId, '2021-02-02']]);
  });
});
