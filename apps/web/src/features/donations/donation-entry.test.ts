import { describe, expect, it } from 'vitest';
import {
  type BatchHeader,
  checkRow,
  fillFromPaste,
  formatAmountInput,
  isBlankRow,
  isBlock,
  itemCodeOf,
  MAX_ROWS,
  newRow,
  parseAmount,
  parseMethod,
  parsePastedRows,
  placeErrors,
  type SendOutcome,
  sendRows,
} from './donation-entry';

const header: BatchHeader = {
  fundId: '6f1c1c1e-2b7a-4d8e-9a43-0c3c4b1f2a10',
  campaignId: null,
  receivedOn: '2021-03-05',
  method: 'cash',
};

describe('amounts', () => {
  it('reads digits grouped by dots, commas or spaces, with or without đồng', () => {
    expect(parseAmount('1000000')).toBe(1_000_000);
    expect(parseAmount('1.000.000')).toBe(1_000_000);
    expect(parseAmount('1,000,000')).toBe(1_000_000);
    expect(parseAmount('1 000 000 đ')).toBe(1_000_000);
    expect(parseAmount(' 500.000 đồng ')).toBe(500_000);
    expect(parseAmount('2.500.000VND')).toBe(2_500_000);
  });

  it('refuses decimals, bad grouping and words', () => {
    for (const text of ['1,5', '1.5', '12.34.567', 'một triệu', '', '-100', '1e6']) {
      expect(parseAmount(text), text).toBeNull();
    }
  });

  it('shows what is typed grouped by thousands', () => {
    expect(formatAmountInput('1000000')).toBe('1.000.000');
    expect(formatAmountInput('1.000.0005')).toBe('10.000.005');
    expect(formatAmountInput('00120')).toBe('120');
    expect(formatAmountInput('abc')).toBe('');
    expect(formatAmountInput('1234567890123456')).toBe('1234567890123456');
  });
});

describe('pasting from a spreadsheet', () => {
  it('reads name, amount and method per line, skipping a header and blank lines', () => {
    const text =
      'Họ tên\tSố tiền\tHình thức\r\nNguyễn Văn An\t1.000.000\tTiền mặt\r\n\r\nCông ty Ánh Dương\t5000000\tCK\nNhà hảo tâm\t200.000\n';
    expect(parsePastedRows(text)).toEqual([
      { name: 'Nguyễn Văn An', amountText: '1.000.000', method: 'cash', anonymous: false },
      { name: 'Công ty Ánh Dương', amountText: '5000000', method: 'bank', anonymous: false },
      { name: '', amountText: '200.000', method: null, anonymous: true },
    ]);
  });

  it('knows the methods in both languages, with or without diacritics', () => {
    expect(parseMethod('chuyển khoản')).toBe('bank');
    expect(parseMethod('Chuyen khoan')).toBe('bank');
    expect(parseMethod('hiện vật')).toBe('in_kind');
    expect(parseMethod('cash')).toBe('cash');
    expect(parseMethod('séc')).toBeNull();
  });

  it('fills draft rows from the one pasted into, skips recorded ones and appends the rest', () => {
    const defaults = { method: 'cash' as const };
    const recorded = newRow(defaults, { name: 'Đã ghi', amountText: '1.000', state: 'recorded' });
    const rows = [newRow(defaults), recorded, newRow(defaults)];
    const filled = fillFromPaste(rows, 0, parsePastedRows('A\t100000\nB\t200000\tCK\nC\t300000'), defaults);
    expect(filled.map((row) => [row.name, row.amountText, row.method, row.state])).toEqual([
      ['A', '100.000', 'cash', 'draft'],
      ['Đã ghi', '1.000', 'cash', 'recorded'],
      ['B', '200.000', 'bank', 'draft'],
      ['C', '300.000', 'cash', 'draft'],
    ]);
    expect(filled[1]).toBe(recorded);
    expect(new Set(filled.map((row) => row.idempotencyKey)).size).toBe(4);
  });

  it('stops at the batch limit', () => {
    const defaults = { method: 'cash' as const };
    const lines = Array.from({ length: MAX_ROWS + 5 }, (_, index) => `Người ${index}\t1000`).join('\n');
    expect(fillFromPaste([newRow(defaults)], 0, parsePastedRows(lines), defaults)).toHaveLength(MAX_ROWS);
  });

  it('tells a block from a single value', () => {
    expect(isBlock('A\t1000')).toBe(true);
    expect(isBlock('A\nB')).toBe(true);
    expect(isBlock('Nguyễn Văn An')).toBe(false);
  });
});

describe('checking a row with the contract', () => {
  it('accepts a complete row and gives the body to post', () => {
    const row = newRow(
      { method: 'cash' },
      { name: ' Nguyễn  Văn An ', amountText: '1.000.000', publishName: true },
    );
    const check = checkRow(row, header, 'vi');
    expect(check).toEqual({
      ok: true,
      body: expect.objectContaining({
        fundId: header.fundId,
        amount: 1_000_000,
        donor: { kind: 'person', name: 'Nguyễn Văn An', publishName: true, householdId: null },
        receivedOn: '2021-03-05',
      }),
    });
  });

  it('puts each problem beside its column', () => {
    const row = newRow({ method: 'cash' }, { name: '', amountText: '1,5' });
    const check = checkRow(row, header, 'vi');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.fieldErrors).sort()).toEqual(['amount', 'name']);
    expect(check.fieldErrors.amount).toContain('10^15');
  });

  it('wants items for a donation in kind and takes their total as the amount', () => {
    const row = newRow({ method: 'in_kind' });
    const noCampaign = checkRow(
      { ...row, name: 'A', items: [{ item: 'rice', name: 'Gạo', quantity: 10, value: 500_000 }] },
      header,
      'en',
    );
    expect(noCampaign.ok).toBe(true);
    if (noCampaign.ok) expect(noCampaign.body.amount).toBe(500_000);
    const empty = checkRow({ ...row, name: 'A' }, header, 'en');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.fieldErrors.items).toBeDefined();
  });

  it('leaves the name out of an anonymous row', () => {
    const check = checkRow(
      newRow(
        { method: 'bank' },
        { donorKind: 'anonymous', name: 'x', amountText: '50000', publishName: true },
      ),
      header,
      'vi',
    );
    expect(check.ok && check.body.donor).toEqual({
      kind: 'anonymous',
      name: null,
      publishName: false,
      householdId: null,
    });
  });

  it('reports header problems for the row as a whole', () => {
    const check = checkRow(
      newRow({ method: 'cash' }, { name: 'A', amountText: '1000' }),
      { ...header, fundId: null },
      'vi',
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toBeTruthy();
  });

  it('places the API’s field errors the same way', () => {
    expect(
      placeErrors(
        [
          { path: 'receivedOn', message: 'Ngoài thời gian tiếp nhận', messageEn: 'Outside' },
          { path: 'donor.householdId', message: 'Không có hộ', messageEn: 'No household' },
        ],
        'vi',
      ),
    ).toEqual({ fieldErrors: { name: 'Không có hộ' }, error: 'Ngoài thời gian tiếp nhận' });
  });

  it('knows a blank row', () => {
    expect(isBlankRow(newRow({ method: 'cash' }))).toBe(true);
    expect(isBlankRow(newRow({ method: 'cash' }, { amountText: '1' }))).toBe(false);
  });

  it('makes item codes from names', () => {
    expect(itemCodeOf('Máy tính bảng')).toBe('may-tinh-bang');
    expect(itemCodeOf('  Gạo (kg) ')).toBe('gao-kg');
    expect(itemCodeOf('!!!')).toBe('item');
  });
});

describe('sending a batch', () => {
  it('sends every row once with its own key, a few at a time, and reports each outcome', async () => {
    const rows = Array.from({ length: 7 }, (_, index) => ({
      uid: `u${index}`,
      idempotencyKey: `k${index}`,
      body: { amount: index } as never,
    }));
    let running = 0;
    let most = 0;
    const keys: string[] = [];
    const outcomes = new Map<string, SendOutcome>();
    await sendRows(
      rows,
      async (_body, key) => {
        running += 1;
        most = Math.max(most, running);
        keys.push(key);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return key === 'k3'
          ? { ok: false, fields: [], code: 'conflict', message: 'Lỗi', messageEn: 'Error' }
          : { ok: true, id: key, receiptNumber: `00000${key.slice(1)}/2021` };
      },
      (uid, outcome) => outcomes.set(uid, outcome),
      3,
    );
    expect(keys.sort()).toEqual(rows.map((row) => row.idempotencyKey).sort());
    expect(most).toBe(3);
    expect(outcomes.size).toBe(7);
    expect(outcomes.get('u3')).toMatchObject({ ok: false });
    expect(outcomes.get('u6')).toMatchObject({ ok: true, receiptNumber: '000006/2021' });
  });
});
