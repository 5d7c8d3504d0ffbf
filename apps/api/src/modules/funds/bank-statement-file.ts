import { createHash } from 'node:crypto';
import { detectEncoding, foldDiacritics, isIsoDate, MAX_AMOUNT } from '@doanket/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { fileMessages, HouseholdFileError } from '../households/households-file-messages';
import { type SheetRow, sheetRows } from '../households/households-file-sheet';
import { openHouseholdFile } from '../households/households-file-source';

type Text = { vi: string; en: string };

/** A bank statement that cannot be read: nothing of it is recorded. */
export class BankStatementError extends Error {
  readonly messageEn: string;

  constructor(
    readonly code: string,
    text: Text,
    /** Row of the file (as a spreadsheet numbers it) the problem is on, when there is one. */
    readonly row?: number,
  ) {
    super(text.vi);
    this.name = 'BankStatementError';
    this.messageEn = text.en;
  }
}

export const statementMessages = {
  noHeader: (): Text => ({
    vi: 'Không tìm thấy dòng tiêu đề của sao kê (trong 30 dòng đầu): cần các cột Ngày giao dịch, Số tiền ghi có và Nội dung (hoặc Date, Credit, Description)',
    en: 'No statement header row found in the first 30 rows: it needs the columns Ngày giao dịch, Số tiền ghi có and Nội dung (or Date, Credit, Description)',
  }),
  noLines: (): Text => ({
    vi: 'Sao kê không có giao dịch nào dưới dòng tiêu đề',
    en: 'The statement has no transactions below its header row',
  }),
  badDate: (row: number, text: string): Text => ({
    vi: `Dòng ${row}: ngày giao dịch "${clip(text)}" không đọc được; cần dạng ngày/tháng/năm, ví dụ 05/03/2021`,
    en: `Row ${row}: the transaction date "${clip(text)}" cannot be read; use day/month/year, e.g. 05/03/2021`,
  }),
  badAmount: (row: number, text: string): Text => ({
    vi: `Dòng ${row}: số tiền ghi có "${clip(text)}" không phải một số đồng nguyên dương (ví dụ 1.000.000)`,
    en: `Row ${row}: the credit amount "${clip(text)}" is not a positive whole number of đồng (e.g. 1,000,000)`,
  }),
  beforeOpening: (row: number, date: string): Text => ({
    vi: `Dòng ${row}: ngày ${date} trước ngày lập quỹ hoặc sau ngày đóng quỹ`,
    en: `Row ${row}: ${date} is before the fund was opened or after it was closed`,
  }),
  unsupported: (): Text => ({
    vi: 'Tệp không phải sao kê dạng CSV hay Excel (.xlsx); hãy tải sao kê từ ngân hàng ở dạng Excel hoặc CSV',
    en: 'The file is neither a CSV nor an Excel (.xlsx) statement; download the statement from the bank as Excel or CSV',
  }),
  noFile: (): Text => ({
    vi: 'Chưa có tệp sao kê (trường "file" của biểu mẫu multipart/form-data)',
    en: 'No statement file (the "file" field of a multipart/form-data form)',
  }),
  tooLarge: (megabytes: number): Text => ({
    vi: `Tệp sao kê lớn hơn ${megabytes} MB; hãy tải sao kê từng tháng`,
    en: `The statement is larger than ${megabytes} MB; download one month at a time`,
  }),
};

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

export type StatementField = 'date' | 'credit' | 'debit' | 'description' | 'reference' | 'counterparty';

/** Header texts of Vietnamese banks' exports and their English versions, folded; earlier wins. */
const headerAliases: Record<StatementField, readonly string[]> = {
  date: [
    'ngay giao dich',
    'ngay gd',
    'ngay hach toan',
    'ngay hieu luc',
    'ngay',
    'transaction date',
    'trans date',
    'date',
    'value date',
    'posting date',
    'booking date',
    'effective date',
  ],
  credit: [
    'so tien ghi co',
    'ghi co',
    'so tien co',
    'phat sinh co',
    'co',
    'so tien vao',
    'tien vao',
    'credit',
    'credit amount',
    'credits',
    'money in',
    'deposit',
    'deposits',
  ],
  debit: [
    'so tien ghi no',
    'ghi no',
    'so tien no',
    'phat sinh no',
    'no',
    'so tien ra',
    'tien ra',
    'debit',
    'debit amount',
    'debits',
    'money out',
    'withdrawal',
    'withdrawals',
  ],
  description: [
    'noi dung',
    'noi dung giao dich',
    'noi dung chuyen khoan',
    'mo ta',
    'dien giai',
    'chi tiet giao dich',
    'chi tiet',
    'description',
    'transaction description',
    'details',
    'transaction details',
    'remark',
    'remarks',
    'narrative',
  ],
  reference: [
    'so tham chieu',
    'so but toan',
    'ma giao dich',
    'ma gd',
    'so giao dich',
    'so chung tu',
    'so ct',
    'reference',
    'reference number',
    'reference no',
    'ref',
    'ref no',
    'transaction id',
    'transaction no',
  ],
  counterparty: [
    'ten nguoi chuyen',
    'nguoi chuyen',
    'ten nguoi chuyen tien',
    'doi ung',
    'ten doi ung',
    'ten tai khoan doi ung',
    'don vi chuyen',
    'ten don vi chuyen',
    'counterparty',
    'counterparty name',
    'counter party',
    'remitter',
    'sender',
    'sender name',
  ],
};

/** A header's text without diacritics, case, units in brackets, punctuation or doubled spaces. */
export function foldHeader(text: string): string {
  return foldDiacritics(text)
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(vnd|vnđ|dong)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// "Có" and "Nợ" fold to "co" and "no", which English headers use for other things ("No." is a row number).
const needsDiacritics: Record<string, string> = { co: 'có', no: 'nợ' };
const lowerCore = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Which field each column of a candidate header row holds (the best-ranked alias wins). */
export function matchStatementHeader(values: readonly string[]): Partial<Record<StatementField, number>> {
  const folded = values.map(foldHeader);
  const mapping: Partial<Record<StatementField, number>> = {};
  for (const field of Object.keys(headerAliases) as StatementField[]) {
    let best: { index: number; rank: number } | null = null;
    folded.forEach((text, index) => {
      const rank = headerAliases[field].indexOf(text);
      if (rank < 0 || (best && rank >= best.rank)) return;
      const strict = needsDiacritics[text];
      if (strict && lowerCore(values[index] ?? '') !== strict) return;
      best = { index, rank };
    });
    if (best) mapping[field] = (best as { index: number }).index;
  }
  return mapping;
}

const isHeader = (mapping: Partial<Record<StatementField, number>>) =>
  mapping.date !== undefined && mapping.credit !== undefined && mapping.description !== undefined;

/** Excel's day 0 is 30 December 1899 (its 1900 leap-year bug included). */
function fromExcelSerial(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A statement date: dd/mm/yyyy (or - .), with an optional time, yyyy-mm-dd, or an Excel serial. */
export function parseStatementDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[\sT][\d:.]+Z?)?$/.exec(value);
  if (iso) {
    const date = `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : null;
  }
  const dmy =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/.exec(
      value,
    );
  if (dmy) {
    const year = dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3]!;
    const date = `${year}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : null;
  }
  // 1 January 2000 to 31 December 2099 as Excel serials; a date column holds nothing else numeric.
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    if (serial >= 36_526 && serial <= 73_050) return fromExcelSerial(serial);
  }
  return null;
}

/**
 * An amount in whole đồng as banks write it: "1.000.000", "1,000,000", "1000000", "1,000,000.00",
 * "1.000.000,00", with or without "VND". Empty or "-" is no amount (null); anything else that is
 * not a whole number of đồng is invalid.
 */
export function parseStatementAmount(text: string): number | null | 'invalid' {
  const value = text
    .replace(/[\s\u00a0]+/g, '')
    .replace(/(VND|VNĐ|đồng|đ)$/i, '')
    .replace(/^\+/, '');
  if (value === '' || value === '-' || value === '0') return null;
  if (!/^\d[\d.,]*$/.test(value)) return 'invalid';
  const separators = value.replace(/\d/g, '');
  let whole = value;
  let fraction = '';
  if (separators.length > 0) {
    const last = value.search(/[.,][^.,]*$/);
    const mark = value[last]!;
    const after = value.slice(last + 1);
    const mixed = separators.includes('.') && separators.includes(',');
    // One kind used once with 1–2 digits after it, or the last of two kinds: a decimal mark.
    const isDecimal = mixed || (separators.length === 1 && after.length !== 3);
    if (isDecimal) {
      if (mixed && separators.slice(0, -1).includes(mark)) return 'invalid';
      if (after.length === 0 || after.length > 2) return 'invalid';
      whole = value.slice(0, last);
      fraction = after;
    }
    const groups = whole.split(/[.,]/);
    if (groups.length > 1) {
      if (new Set(whole.replace(/\d/g, '')).size > 1) return 'invalid';
      if (groups[0]!.length > 3 || groups.slice(1).some((group) => group.length !== 3)) return 'invalid';
    }
    whole = groups.join('');
  }
  if (/[^0]/.test(fraction)) return 'invalid';
  const amount = Number(whole);
  if (!Number.isSafeInteger(amount) || amount >= MAX_AMOUNT) return 'invalid';
  return amount === 0 ? null : amount;
}

export type StatementCredit = {
  /** Row of the file, as a spreadsheet numbers it. */
  row: number;
  bookedOn: string;
  amount: number;
  reference: string | null;
  description: string;
  counterparty: string | null;
};

export type ReadStatement = { headerRow: number; credits: StatementCredit[]; debits: number };

const headerSearchRows = 30;
// Whole cells only: "Cộng" is a total, "Công ty…" a donor.
const summaryCell =
  /^(tong|cong|tong cong|tong so|tong phat sinh|cong phat sinh|phat sinh|so du|so du (dau|cuoi)( ky)?|total|totals|total amount|opening balance|closing balance|ending balance|balance|doanh so|doanh so phat sinh|luy ke)$/;

const cell = (values: readonly string[], index: number | undefined) =>
  index === undefined ? '' : (values[index] ?? '').trim();

/** Reads the rows of a statement: skips the bank's preamble, finds the header, keeps the credits. */
export function readStatementRows(rows: Iterable<SheetRow>): ReadStatement {
  let mapping: Partial<Record<StatementField, number>> | null = null;
  let headerRow = 0;
  let seen = 0;
  const credits: StatementCredit[] = [];
  let debits = 0;
  for (const { row, values } of rows) {
    if (!mapping) {
      seen += 1;
      const candidate = matchStatementHeader(values);
      if (isHeader(candidate)) {
        mapping = candidate;
        headerRow = row;
      } else if (seen >= headerSearchRows) {
        break;
      }
      continue;
    }
    const dateText = cell(values, mapping.date);
    const creditText = cell(values, mapping.credit);
    const debitText = cell(values, mapping.debit);
    const bookedOn = parseStatementDate(dateText);
    // Totals and balances under (or between) the transactions carry no date.
    if (!bookedOn && values.some((value) => summaryCell.test(foldHeader(value)))) continue;
    const credit = parseStatementAmount(creditText);
    if (credit === null) {
      if (parseStatementAmount(debitText) !== null) debits += 1;
      continue;
    }
    if (credit === 'invalid')
      throw new BankStatementError('statement.bad_amount', statementMessages.badAmount(row, creditText), row);
    if (!bookedOn)
      throw new BankStatementError('statement.bad_date', statementMessages.badDate(row, dateText), row);
    const reference = cell(values, mapping.reference);
    const counterparty = cell(values, mapping.counterparty);
    credits.push({
      row,
      bookedOn,
      amount: credit,
      reference: reference === '' ? null : reference.slice(0, 100),
      description: cell(values, mapping.description).replace(/\s+/g, ' ').slice(0, 1000),
      counterparty: counterparty === '' ? null : counterparty.replace(/\s+/g, ' ').slice(0, 200),
    });
  }
  if (!mapping) throw new BankStatementError('statement.no_header', statementMessages.noHeader());
  if (credits.length === 0 && debits === 0) {
    throw new BankStatementError('statement.no_lines', statementMessages.noLines(), headerRow);
  }
  return { headerRow, credits, debits };
}

export const maxStatementBytes = 10 * 1024 * 1024;
const maxStatementRows = 100_000;

/**
 * The rows of a CSV statement. Banks put account details above the header, so the delimiter is
 * the one that makes a header row appear, not the one of the first line.
 */
export function csvStatementRows(bytes: Uint8Array): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { encoding } = detectEncoding(bytes);
    if (encoding === 'windows-1258' || encoding === 'tcvn3') {
      throw new HouseholdFileError('file.legacy_encoding', fileMessages.legacyEncoding(encoding));
    }
    throw new HouseholdFileError('file.invalid_utf8', fileMessages.invalidUtf8(1));
  }
  text = text.replace(/^\uFEFF/, '');
  let fallback: SheetRow[] | null = null;
  for (const delimiter of [',', ';', '\t']) {
    let records: string[][];
    try {
      records = parseCsv(text, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: 64 * 1024,
      }) as string[][];
    } catch (error) {
      const line = Number((error as { lines?: number }).lines) || 1;
      throw new HouseholdFileError('file.csv_quote', fileMessages.csvQuote(line), line);
    }
    if (records.length > maxStatementRows) {
      throw new HouseholdFileError('file.too_many_rows', fileMessages.tooManyRows(maxStatementRows));
    }
    const rows = records
      .map((values, index) => ({ row: index + 1, values }))
      .filter((row) => row.values.some((value) => value.trim() !== ''));
    fallback ??= rows;
    if (rows.slice(0, headerSearchRows).some((row) => isHeader(matchStatementHeader(row.values))))
      return rows;
  }
  return fallback ?? [];
}

/** Reads a bank's CSV (UTF-8, with or without BOM, "," or ";") or XLSX export, whole, in memory. */
export async function readBankStatement(bytes: Uint8Array, fileName?: string): Promise<ReadStatement> {
  let rows: SheetRow[] = [];
  try {
    const file = await openHouseholdFile({ source: bytes, fileName, maxBytes: maxStatementBytes });
    if (file.kind === 'csv') {
      await file.close();
      rows = csvStatementRows(bytes);
    } else {
      for await (const row of sheetRows(file, maxStatementRows)) rows.push(row);
    }
  } catch (error) {
    if (!(error instanceof HouseholdFileError)) throw error;
    if (error.code === 'file.unsupported') {
      throw new BankStatementError('statement.unsupported', statementMessages.unsupported());
    }
    throw new BankStatementError(`statement.${error.code.replace(/^file\./, '')}`, {
      vi: error.message,
      en: error.messageEn,
    });
  }
  return readStatementRows(rows);
}

/** Description as compared across statements: no diacritics, case, punctuation or doubled spaces. */
export const normaliseDescription = (text: string) => foldHeader(text).toUpperCase();

/**
 * What makes a credit the same across two exports of one account: account, date, amount,
 * reference and description. Identical lines of one statement (two equal transfers on one day
 * without a reference) are told apart by their occurrence.
 */
export function creditFingerprints(
  account: { bankBin: string; accountNumber: string },
  credits: readonly StatementCredit[],
): string[] {
  const seen = new Map<string, number>();
  return credits.map((credit) => {
    const base = [
      `${account.bankBin}:${account.accountNumber}`,
      credit.bookedOn,
      String(credit.amount),
      credit.reference ?? '',
      normaliseDescription(credit.description),
    ].join('\n');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const text = occurrence === 1 ? base : `${base}\n#${occurrence}`;
    return createHash('sha256').update(text, 'utf8').digest('hex');
  });
}
