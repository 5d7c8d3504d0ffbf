import { describe, expect, it } from 'vitest';
import { statementCsv, statementXlsx } from '../../../test/bank-factories';
import {
  BankStatementError,
  creditFingerprints,
  matchStatementHeader,
  parseStatementAmount,
  parseStatementDate,
  readBankStatement,
} from './bank-statement-file';

describe('statement amounts', () => {
  it('reads whole đồng with either thousand separator', () => {
    expect(parseStatementAmount('1.000.000')).toBe(1_000_000);
    expect(parseStatementAmount('1,000,000')).toBe(1_000_000);
    expect(parseStatementAmount('2500000')).toBe(2_500_000);
    expect(parseStatementAmount('1,000,000.00')).toBe(1_000_000);
    expect(parseStatementAmount('1.000.000,00 VND')).toBe(1_000_000);
    expect(parseStatementAmount('+500.000')).toBe(500_000);
    expect(parseStatementAmount('1.000')).toBe(1_000);
    expect(parseStatementAmount('')).toBeNull();
    expect(parseStatementAmount('-')).toBeNull();
    expect(parseStatementAmount('0')).toBeNull();
  });
  it('refuses what is not a whole positive amount', () => {
    for (const text of [
      '1.5',
      '1,000.50',
      '-200.000',
      'abc',
      '1.00.000',
      '12.34.567',
      '1,000.000,00',
      '1e6',
    ]) {
      expect(parseStatementAmount(text), text).toBe('invalid');
    }
    expect(parseStatementAmount('1.000.000.000.000.000')).toBe('invalid');
  });
});

describe('statement dates', () => {
  it('reads day/month/year with or without a time, ISO dates and Excel serials', () => {
    expect(parseStatementDate('05/03/2021')).toBe('2021-03-05');
    expect(parseStatementDate('5/3/2021 08:15:22')).toBe('2021-03-05');
    expect(parseStatementDate('05-03-2021')).toBe('2021-03-05');
    expect(parseStatementDate('05.03.21')).toBe('2021-03-05');
    expect(parseStatementDate('2021-03-05')).toBe('2021-03-05');
    expect(parseStatementDate('44260')).toBe('2021-03-05');
    expect(parseStatementDate('31/02/2021')).toBeNull();
    expect(parseStatementDate('03/2021')).toBeNull();
    expect(parseStatementDate('hôm qua')).toBeNull();
  });
});

describe('statement headers', () => {
  it('recognises Vietnamese and English headers whatever their case or diacritics', () => {
    expect(
      matchStatementHeader(['STT', 'NGÀY GIAO DỊCH', 'Số tham chiếu', 'Ghi nợ', 'Ghi có (VND)', 'Diễn giải']),
    ).toEqual({ date: 1, reference: 2, debit: 3, credit: 4, description: 5 });
    expect(
      matchStatementHeader(['No.', 'Transaction Date', 'Debit', 'Credit', 'Description', 'Ref']),
    ).toEqual({
      date: 1,
      debit: 2,
      credit: 3,
      description: 4,
      reference: 5,
    });
    expect(matchStatementHeader(['Ngay', 'Co', 'No', 'Noi dung', 'Doi ung'])).toMatchObject({
      date: 0,
      description: 3,
      counterparty: 4,
    });
    expect(matchStatementHeader(['Ngày', 'Có', 'Nợ', 'Nội dung'])).toEqual({
      date: 0,
      credit: 1,
      debit: 2,
      description: 3,
    });
  });
});

describe('reading a statement file', () => {
  const rows = [
    ['Ngày giao dịch', 'Số bút toán', 'Ghi nợ', 'Ghi có', 'Nội dung', 'Tên người chuyển'],
    ['01/03/2021 09:10', 'FT001', '', '1.000.000', 'SMT2021 ung ho', 'NGUYEN VAN A'],
    ['02/03/2021', 'FT002', '200.000', '', 'Phi dich vu', ''],
    ['Tổng cộng', '', '200.000', '1.000.000', '', ''],
  ];
  it('skips the bank’s preamble, finds a ";" header and keeps only the credits', async () => {
    const file = statementCsv(rows, {
      delimiter: ';',
      bom: true,
      preamble: ['NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM', 'Số tài khoản: 113366668888, Từ ngày 01/03/2021'],
    });
    const read = await readBankStatement(file, 'sao-ke.csv');
    expect(read.headerRow).toBe(3);
    expect(read.debits).toBe(1);
    expect(read.credits).toEqual([
      {
        row: 4,
        bookedOn: '2021-03-01',
        amount: 1_000_000,
        reference: 'FT001',
        description: 'SMT2021 ung ho',
        counterparty: 'NGUYEN VAN A',
      },
    ]);
  });
  it('reads an XLSX export with date cells and numbers', async () => {
    const file = await statementXlsx([
      ['SAO KÊ TÀI KHOẢN'],
      [],
      ['Date', 'Description', 'Credit', 'Debit', 'Reference'],
      [new Date(Date.UTC(2021, 2, 5)), 'VNN2021 ung ho quy', 2_500_000, null, 'R1'],
      [new Date(Date.UTC(2021, 2, 6)), 'Rut tien', null, 100_000, 'R2'],
    ]);
    const read = await readBankStatement(file, 'statement.xlsx');
    expect(read.credits).toMatchObject([
      { row: 4, bookedOn: '2021-03-05', amount: 2_500_000, reference: 'R1' },
    ]);
    expect(read.debits).toBe(1);
  });
  it('names the row of a bad date or amount', async () => {
    const badDate = statementCsv([rows[0]!, ['32/03/2021', 'X', '', '500.000', 'SMT2021', '']]);
    await expect(readBankStatement(badDate)).rejects.toThrow(/Dòng 2: ngày giao dịch "32\/03\/2021"/);
    const badAmount = statementCsv([rows[0]!, ['01/03/2021', 'X', '', '500.000,5', 'SMT2021', '']]);
    const error = await readBankStatement(badAmount).catch((caught) => caught);
    expect(error).toBeInstanceOf(BankStatementError);
    expect(error.row).toBe(2);
    expect(error.messageEn).toContain('Row 2');
  });
  it('refuses files that are not statements', async () => {
    await expect(readBankStatement(Buffer.alloc(0))).rejects.toMatchObject({ code: 'statement.empty' });
    await expect(
      readBankStatement(
        statementCsv([
          ['a', 'b'],
          ['1', '2'],
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'statement.no_header',
    });
    await expect(readBankStatement(Buffer.from('%PDF-1.4\n\u0000\u0001binary'))).rejects.toMatchObject({
      code: 'statement.unsupported',
    });
    const legacy = Buffer.from(
      'Ng\xe0y giao d\xf2ch,Ghi c\xf3,N\xf4\xcci dung\n01/03/2021,1000,Ung h\xf4\xcc qu\xf5 v\xec ng\xfd\xf5\xcci ngh\xe8o\n',
      'latin1',
    );
    await expect(readBankStatement(legacy)).rejects.toMatchObject({ code: 'statement.legacy_encoding' });
  });
});

describe('fingerprints', () => {
  it('are the same for the same line in two exports and differ for a repeated identical line', () => {
    const account = { bankBin: '970415', accountNumber: '113366668888' };
    const line = {
      row: 2,
      bookedOn: '2021-03-01',
      amount: 100_000,
      reference: null,
      description: 'SMT2021  Ủng hộ',
      counterparty: null,
    };
    const [first] = creditFingerprints(account, [line]);
    const [again] = creditFingerprints(account, [{ ...line, row: 9, description: 'smt2021 ung ho' }]);
    expect(again).toBe(first);
    const twice = creditFingerprints(account, [line, line]);
    expect(twice[0]).toBe(first);
    expect(twice[1]).not.toBe(first);
    const [otherAccount] = creditFingerprints({ ...account, accountNumber: '999' }, [line]);
    expect(otherAccount).not.toBe(first);
  });
});
