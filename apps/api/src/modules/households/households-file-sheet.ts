import { pipeline, Readable } from 'node:stream';
import { detectEncoding } from '@doanket/domain';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileMessages, HouseholdFileError } from './households-file-messages';
import type { OpenedFile } from './households-file-source';

export type CellProblem = { index: number; kind: 'formula' | 'excel_error'; detail: string };

/** One row of the first worksheet or of the CSV, as text, numbered as Excel shows it. */
export type SheetRow = { row: number; values: string[]; problems?: CellProblem[] };

/** Rows of the file in order, blank rows left out (their numbers are still counted). */
export function sheetRows(file: OpenedFile, maxRows: number): AsyncGenerator<SheetRow> {
  return file.kind === 'xlsx' ? xlsxRows(file, maxRows) : csvRows(file, maxRows);
}

function isBlank(values: readonly string[]): boolean {
  return values.every((value) => value.trim() === '');
}

function tooManyRows(maxRows: number): HouseholdFileError {
  return new HouseholdFileError('file.too_many_rows', fileMessages.tooManyRows(maxRows));
}

// --- CSV -------------------------------------------------------------------------------------

/** The delimiter Excel used: Vietnamese regional settings make it save with ";". */
function detectDelimiter(head: Buffer): string {
  const text = head.subarray(0, 16 * 1024).toString('utf8');
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

const quoteErrors = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
  'CSV_MAX_RECORD_SIZE',
]);

async function* csvRows(file: OpenedFile, maxRows: number): AsyncGenerator<SheetRow> {
  const chunks = file.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const delimiter = first.done ? ',' : detectDelimiter(first.value);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  let validationError: HouseholdFileError | null = null;

  // Checks UTF-8 on the way, so a legacy byte deep in the file is reported, not imported garbled.
  async function* checkedBytes(): AsyncGenerator<Buffer> {
    let next = first;
    while (!next.done) {
      const chunk = next.value;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        validationError = notUtf8(chunk, lines);
        return;
      }
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      yield chunk;
      next = await chunks.next();
    }
    try {
      decoder.decode();
    } catch {
      validationError = notUtf8(Buffer.alloc(0), lines);
    }
  }

  // Physical line where the next record starts, kept as records are parsed, so a quote error
  // names the line its record began on (the parser only knows where it gave up).
  let nextRecordLine = 1;
  const parser = parseCsv({
    delimiter,
    on_record: (record: string[]) => {
      nextRecordLine += 1;
      for (const field of record) nextRecordLine += field.match(/\r\n|\r|\n/g)?.length ?? 0;
      return record;
    },
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // An unclosed quote would otherwise swallow the rest of a 50 MB file into one cell.
    max_record_size: 1024 * 1024,
  });
  const source = Readable.from(checkedBytes(), { objectMode: false });
  pipeline(source, parser, () => {});

  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (validationError) break;
      row++;
      if (isBlank(record)) continue;
      if (row > maxRows + 1) throw tooManyRows(maxRows);
      yield { row, values: record };
    }
  } catch (error) {
    if (error instanceof HouseholdFileError) throw error;
    if (validationError) throw validationError;
    if (file.failure()) throw file.failure();
    const code = (error as { code?: string }).code ?? '';
    if (quoteErrors.has(code)) {
      throw new HouseholdFileError('file.csv_quote', fileMessages.csvQuote(nextRecordLine), nextRecordLine);
    }
    throw new HouseholdFileError('file.read_failed', fileMessages.readFailed());
  } finally {
    parser.destroy();
    await file.close();
  }
  if (validationError) throw validationError;
  if (file.failure()) throw file.failure();
}

function notUtf8(chunk: Buffer, line: number): HouseholdFileError {
  const { encoding } = detectEncoding(chunk);
  if (encoding === 'windows-1258' || encoding === 'tcvn3') {
    return new HouseholdFileError('file.legacy_encoding', fileMessages.legacyEncoding(encoding), line);
  }
  return new HouseholdFileError('file.invalid_utf8', fileMessages.invalidUtf8(line), line);
}

// --- XLSX ------------------------------------------------------------------------------------

type CellText = { text: string; problem?: Omit<CellProblem, 'index'> };

function numberText(value: number): string {
  // Integers in plain digits: String(1e21) would give "1e+21".
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

function richText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) {
    return (value.richText as { text: string }[]).map((run) => run.text).join('');
  }
  return value == null ? '' : String(value);
}

/** Text of a cell as the import reads it; formulas are flagged, never evaluated. */
function cellText(value: unknown): CellText {
  if (value == null) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if ('formula' in cell || 'sharedFormula' in cell) {
      const formula = String(cell.formula || cell.sharedFormula || '');
      return { text: formula ? `=${formula}` : '=', problem: { kind: 'formula', detail: formula } };
    }
    if ('error' in cell) {
      return { text: String(cell.error), problem: { kind: 'excel_error', detail: String(cell.error) } };
    }
    if ('richText' in cell) return { text: richText(cell) };
    if ('text' in cell) return { text: richText(cell.text) };
  }
  return { text: '' };
}

type StreamRow = {
  number: number;
  eachCell: (
    options: { includeEmpty: boolean },
    callback: (cell: { value: unknown }, column: number) => void,
  ) => void;
};

async function* xlsxRows(file: OpenedFile, maxRows: number): AsyncGenerator<SheetRow> {
  const input = Readable.from(file.chunks, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      // Later worksheets are skipped unread (exceljs drains their entries).
      if (sheets > 1) continue;
      for await (const row of sheet as unknown as AsyncIterable<StreamRow>) {
        const values: string[] = [];
        const problems: CellProblem[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const { text, problem } = cellText(cell.value);
          values[column - 1] = text;
          if (problem) problems.push({ index: column - 1, ...problem });
        });
        for (let i = 0; i < values.length; i++) values[i] ??= '';
        if (isBlank(values) && problems.length === 0) continue;
        if (row.number > maxRows + 1) throw tooManyRows(maxRows);
        yield problems.length > 0 ? { row: row.number, values, problems } : { row: row.number, values };
      }
    }
  } catch (error) {
    if (error instanceof HouseholdFileError) throw error;
    throw file.failure() ?? new HouseholdFileError('file.xlsx_corrupt', fileMessages.xlsxCorrupt());
  } finally {
    await file.close();
  }
  const failure = file.failure();
  if (failure) throw failure;
  if (file.hasZipEnd() === false) {
    throw new HouseholdFileError('file.xlsx_corrupt', fileMessages.xlsxCorrupt());
  }
  if (sheets === 0) throw new HouseholdFileError('file.no_worksheet', fileMessages.noWorksheet());
}
