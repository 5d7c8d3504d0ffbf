import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/errors';
import { CreateDistributionsRequest, CreateProgramRequest } from './programs-contracts';
import { coveragePercent, distributionValue, mergeItems, valueFromStock } from './programs-rules';

describe('coveragePercent', () => {
  it('rounds to one decimal', () => {
    expect(coveragePercent(3, 1)).toBe(33.3);
    expect(coveragePercent(3, 2)).toBe(66.7);
    expect(coveragePercent(902, 902)).toBe(100);
    expect(coveragePercent(7, 0)).toBe(0);
  });

  it('is null when no household is eligible', () => {
    expect(coveragePercent(0, 0)).toBeNull();
  });
});

describe('valueFromStock', () => {
  it('takes the average value, rounded to the đồng', () => {
    expect(valueFromStock(1, 3, 1_000)).toBe(333);
    expect(valueFromStock(2, 3, 1_000)).toBe(667);
    expect(valueFromStock(5, 20, 200_000_000)).toBe(50_000_000);
  });

  it('gives the last items the whole remaining value', () => {
    expect(valueFromStock(3, 3, 1_000)).toBe(1_000);
    expect(valueFromStock(4, 3, 1_000)).toBe(1_000);
  });

  it('stays exact for large values', () => {
    expect(valueFromStock(9_999_999, 10_000_000, 999_999_999_999_999)).toBe(999_999_899_999_999);
  });

  it('is zero for an empty stock', () => {
    expect(valueFromStock(1, 0, 0)).toBe(0);
  });
});

describe('distributionValue and mergeItems', () => {
  it('adds money and items', () => {
    expect(
      distributionValue({
        amount: 500_000,
        items: [
          { item: 'rice', name: 'Gạo', quantity: 10, value: 150_000 },
          { item: 'oil', name: 'Dầu ăn', quantity: 1, value: 50_000 },
        ],
      }),
    ).toBe(700_000);
    expect(distributionValue({ amount: 0, items: null })).toBe(0);
  });

  it('adds lines of one item together', () => {
    expect(
      mergeItems([
        { item: 'rice', name: 'Gạo', quantity: 10, value: 150_000 },
        { item: 'rice', name: 'Gạo', quantity: 5, value: 75_000 },
      ]),
    ).toEqual([{ item: 'rice', name: 'Gạo', quantity: 15, value: 225_000 }]);
  });
});

describe('programme contracts', () => {
  const base = {
    unitCode: '021',
    fundId: '7a0c4a8e-3f51-4a57-9d1e-6a2f3f0b9c11',
    code: 'dd-2021',
    name: 'Nhà Đại đoàn kết 2021',
    kind: 'solidarity_house',
    periodFrom: '2021-01-01',
    periodTo: '2021-12-31',
    eligibleCategories: ['poor'],
    eligibleOn: '2021-01-01',
  };

  it('asks a house programme for its amount per house, and an ordered period', () => {
    const result = CreateProgramRequest.safeParse({ ...base, periodTo: '2020-12-31' });
    expect(result.success).toBe(false);
    const fields = toFieldErrors(result.error?.issues ?? []);
    expect(fields.map((field) => field.path).sort()).toEqual(['amountPerHousehold', 'periodTo']);
    expect(fields.find((field) => field.path === 'amountPerHousehold')?.message).toMatch(/nhà Đại đoàn kết/);
  });

  it('upper-cases the code and accepts a house programme with its amount', () => {
    const result = CreateProgramRequest.parse({ ...base, amountPerHousehold: 50_000_000 });
    expect(result.code).toBe('DD-2021');
  });

  it('takes households or a unit, not both, and a reason for an exception', () => {
    expect(CreateDistributionsRequest.safeParse({}).success).toBe(false);
    expect(
      CreateDistributionsRequest.safeParse({
        householdIds: ['7a0c4a8e-3f51-4a57-9d1e-6a2f3f0b9c11'],
        allEligibleIn: '00595',
      }).success,
    ).toBe(false);
    const override = CreateDistributionsRequest.safeParse({
      householdIds: ['7a0c4a8e-3f51-4a57-9d1e-6a2f3f0b9c11'],
      override: true,
    });
    expect(toFieldErrors(override.error?.issues ?? []).map((field) => field.path)).toEqual(['reason']);
    expect(CreateDistributionsRequest.safeParse({ allEligibleIn: '00595' }).success).toBe(true);
  });
});
