import { describe, expect, it } from 'vitest';
import { DEMO_FUNDS_PLAN, type DemoRegisterView, demoFundsRows, planDemoFunds } from './demo-funds';
import { demoOldWards } from './demo-units';

// The plan on a small synthetic register: the seeded one is read by figures.test.ts.
const options = {
  provinceUnitId: 'unit-01',
  districtUnitId: 'unit-021',
  wards: demoOldWards.map((ward) => ({ code: ward.code, name: ward.name, unitId: `unit-${ward.code}` })),
};
const categories = ['near_poor', 'agent_orange', 'child_in_difficulty', 'lone_elderly', 'poor', 'disability'];
const households = options.wards.flatMap((ward) =>
  Array.from({ length: 160 }, (_, n) => ({
    id: `household-${ward.code}-${n}`,
    ward: ward.unitId,
    categories: [categories[n % categories.length]!],
    studentId: n % 2 === 0 ? `person-${ward.code}-${n}` : null,
  })),
);
const register: DemoRegisterView = {
  donors: new Map(
    options.wards.map((ward) => [
      ward.unitId,
      households
        .filter((h) => h.ward === ward.unitId)
        .map((h, n) => ({ id: h.id, name: `Nguyễn Văn Hộ ${n}` })),
    ]),
  ),
  eligible: (wanted) => households.filter((h) => h.categories.some((c) => wanted.includes(c))),
};
const counter = () => {
  let n = 0;
  return () => {
    n += 1;
    return `id-${n}`;
  };
};

describe('the plan of the demo funds', () => {
  it('is the same on every first start', () => {
    const first = planDemoFunds(options, register, counter());
    const second = planDemoFunds(options, register, counter());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('adds up to the district’s figures and posts balanced entries', () => {
    const plan = planDemoFunds(options, register, counter());
    const inDistrict = plan.funds.filter((fund) => fund.inDistrict);
    expect(inDistrict).toHaveLength(50);
    const poorRaised = plan.operations
      .filter((op) => op.type === 'donation' && op.fund.kind === 'poor' && op.fund.inDistrict)
      .reduce((sum, op) => sum + (op.type === 'donation' ? op.amount : 0), 0);
    expect(poorRaised).toBe(DEMO_FUNDS_PLAN.poorRaised);
    const tet = plan.operations.filter((op) => op.type === 'distribution' && op.program.kind === 'tet_gift');
    expect(tet).toHaveLength(DEMO_FUNDS_PLAN.tetVisits);
    const rows = demoFundsRows(plan);
    const lines = new Map<unknown, number>();
    for (const line of rows.lines)
      lines.set(line.entry_id, (lines.get(line.entry_id) ?? 0) + Number(line.amount));
    expect([...lines.values()].every((sum) => sum === 0)).toBe(true);
    expect(lines.size).toBe(rows.entries.length);
    const balance = rows.lines
      .filter((line) => inDistrict.some((fund) => fund.id === line.fund_id))
      .filter((line) => ['cash', 'bank', 'goods'].includes(String(line.account)))
      .reduce((sum, line) => sum + Number(line.amount), 0);
    expect(balance).toBe(DEMO_FUNDS_PLAN.yearEndBalance);
    // Sequence numbers run 1, 2, 3… per fund, each entry linked to the one before.
    const seqs = new Map<unknown, number[]>();
    for (const entry of rows.entries)
      seqs.set(entry.fund_id, [...(seqs.get(entry.fund_id) ?? []), Number(entry.seq)]);
    for (const list of seqs.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });
});
