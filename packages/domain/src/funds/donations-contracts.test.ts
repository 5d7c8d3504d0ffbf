import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/errors';
import {
  CreateDonationRequest,
  CreatePledgeRequest,
  documentPlaceName,
  isIdempotencyKey,
  pledgeStatusOf,
  summarizeItems,
} from './donations-contracts';

const fundId = '6f1c1c1e-2b7a-4d8e-9a43-0c3c4b1f2a10';
const base = {
  fundId,
  donor: { kind: 'person', name: 'Nguyễn Văn An', publishName: true },
  method: 'cash',
  amount: 500_000,
  receivedOn: '2021-03-05',
};

const problems = (value: unknown) => {
  const result = CreateDonationRequest.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error.issues).map((field) => field.path);
};

describe('CreateDonationRequest', () => {
  it('accepts a donation in cash and tidies the name', () => {
    const parsed = CreateDonationRequest.parse({
      ...base,
      donor: { kind: 'person', name: '  Nguyễn   Văn An ' },
    });
    expect(parsed.donor).toEqual({ kind: 'person', name: 'Nguyễn Văn An', publishName: false });
  });

  it('refuses amounts that are not whole positive đồng below 10^15', () => {
    for (const amount of [0, -1, 1.5, 1e15, '100']) {
      expect(problems({ ...base, amount })).toEqual(['amount']);
    }
    expect(problems({ ...base, amount: 999_999_999_999_999 })).toEqual([]);
  });

  it('asks a name of a person, organisation or company, and a household of a household', () => {
    expect(problems({ ...base, donor: { kind: 'company', name: ' ' } })).toEqual(['donor.name']);
    expect(problems({ ...base, donor: { kind: 'anonymous' } })).toEqual([]);
    expect(problems({ ...base, donor: { kind: 'household' } })).toEqual(['donor.householdId']);
    expect(problems({ ...base, donor: { kind: 'person', name: 'A', householdId: fundId } })).toEqual([
      'donor.householdId',
    ]);
  });

  it('wants items of a donation in kind, adding up to the amount, and none otherwise', () => {
    const items = [
      { item: 'computer', name: 'Máy tính', quantity: 2, value: 16_000_000 },
      { item: 'tablet', name: 'Máy tính bảng', quantity: 1, value: 4_000_000 },
    ];
    expect(problems({ ...base, method: 'in_kind', amount: 20_000_000, items })).toEqual([]);
    expect(problems({ ...base, method: 'in_kind', amount: 20_000_001, items })).toEqual(['amount']);
    expect(problems({ ...base, method: 'in_kind', amount: 1, items: [] })).toEqual(['items']);
    expect(problems({ ...base, items })).toEqual(['items']);
    expect(
      problems({
        ...base,
        method: 'in_kind',
        amount: 1,
        items: [{ item: 'rice', name: 'Gạo', quantity: 0, value: 1 }],
      }),
    ).toEqual(['items.0.quantity']);
  });

  it('refuses a malformed date', () => {
    expect(problems({ ...base, receivedOn: '2021-02-30' })).toEqual(['receivedOn']);
  });
});

describe('pledges', () => {
  it('tells open, partly, fulfilled and overdue', () => {
    const today = '2021-06-01';
    expect(pledgeStatusOf({ amount: 100, fulfilled: 0, dueOn: null }, today)).toBe('open');
    expect(pledgeStatusOf({ amount: 100, fulfilled: 40, dueOn: '2021-06-01' }, today)).toBe('partly');
    expect(pledgeStatusOf({ amount: 100, fulfilled: 40, dueOn: '2021-05-31' }, today)).toBe('overdue');
    expect(pledgeStatusOf({ amount: 100, fulfilled: 100, dueOn: '2021-05-31' }, today)).toBe('fulfilled');
  });

  it('refuses a due date before the pledge', () => {
    const result = CreatePledgeRequest.safeParse({
      fundId,
      donor: { kind: 'company', name: 'Công ty A' },
      amount: 1_000_000,
      pledgedOn: '2021-05-01',
      dueOn: '2021-04-30',
    });
    expect(result.success).toBe(false);
  });
});

describe('receipts', () => {
  it('names the place of the date line without the kind of unit', () => {
    expect(documentPlaceName('Phường Xuân Đỉnh')).toBe('Xuân Đỉnh');
    expect(documentPlaceName('Quận Bắc Từ Liêm')).toBe('Bắc Từ Liêm');
    expect(documentPlaceName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(documentPlaceName('Phường 1')).toBe('Phường 1');
    expect(documentPlaceName('Đông Ngạc')).toBe('Đông Ngạc');
  });

  it('summarizes items', () => {
    expect(summarizeItems([])).toBeNull();
    expect(
      summarizeItems([
        { name: 'Máy tính', quantity: 20 },
        { name: 'Điện thoại', quantity: 124 },
      ]),
    ).toBe('20 Máy tính, 124 Điện thoại');
  });

  it('accepts idempotency keys of visible characters only', () => {
    expect(isIdempotencyKey('row-7-3f2a')).toBe(true);
    expect(isIdempotencyKey('a'.repeat(200))).toBe(true);
    expect(isIdempotencyKey('a'.repeat(201))).toBe(false);
    expect(isIdempotencyKey('')).toBe(false);
    expect(isIdempotencyKey('has space')).toBe(false);
    expect(isIdempotencyKey('khóa')).toBe(false);
  });
});
