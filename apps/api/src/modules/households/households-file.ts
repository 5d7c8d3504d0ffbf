import {
  checkCitizenId,
  foldDiacritics,
  type ImportField,
  importColumns,
  matchHeaders,
  normalizePersonName,
  normalizePhone,
  parseBirthDate,
  parseHouseholdCategories,
  parseRelation,
  parseSex,
  type Relation,
  type ResidentMessageKey,
  residentMessages,
  type Sex,
  splitFullName,
  todayInVietnam,
} from '@doanket/domain';
import {
  cellMessages,
  type FileProblem,
  fileMessages,
  HouseholdFileError,
  householdMessages,
} from './households-file-messages';
import { type SheetRow, sheetRows } from './households-file-sheet';
import { type FileKind, type HouseholdFileInput, openHouseholdFile } from './households-file-source';

export { type FileProblem, HouseholdFileError } from './households-file-messages';
export type { HouseholdFileInput, HouseholdFileSource } from './households-file-source';
export { defaultMaxBytes } from './households-file-source';
export { householdTemplateXlsx } from './households-file-template';

/** Field → index of the file column holding it, as matchHeaders returns and the mapping step edits. */
export type HouseholdFileMapping = Partial<Record<ImportField, number>>;

export const defaultMaxRows = 200_000;
const headerSearchRows = 20;
const maxCellLength = 500;

export type HouseholdFileInspection = {
  ok: true;
  kind: FileKind;
  encoding: string;
  /** Row number of the header row: title rows above it are skipped. */
  headerRow: number;
  headers: string[];
  mapping: HouseholdFileMapping;
  missing: ImportField[];
  unknown: { index: number; header: string }[];
  duplicates: { index: number; field: ImportField }[];
  ignored: number[];
  sampleRows: { row: number; values: string[] }[];
};

/** A refusal of the whole file; `inspection` is there when the header row could be read. */
export type HouseholdFileRefusal = {
  ok: false;
  error: FileProblem;
  inspection?: Omit<HouseholdFileInspection, 'ok'>;
};

export type ParsedPerson = {
  householdCode: string;
  residentialGroupName: string | null;
  address: string | null;
  ho: string;
  tenDem: string;
  ten: string;
  relation: Relation;
  isHead: boolean;
  sex: Sex | null;
  birthDate: string | null;
  birthYear: number | null;
  birthPrecision: 'day' | 'year' | null;
  /** The 12 digits in clear: encryption happens when it is stored. */
  citizenId: string | null;
  phone: string | null;
  categories: string[];
};

export type HouseholdRowError = {
  /** The column's header as written in the file. */
  column: string;
  field: ImportField | null;
  code: string;
  message: string;
  messageEn: string;
};

export type HouseholdRow = {
  /** As Excel numbers it: the header is row 1 when it is the first line. */
  row: number;
  values: string[];
  /** Read even when the row has errors, so the row still joins its household. */
  householdCode: string | null;
  isHead: boolean;
  person?: ParsedPerson;
  errors: HouseholdRowError[];
  /** Header text of each field's column (one object shared by every row). */
  columns: Readonly<Record<ImportField, string>>;
};

export type ReadHouseholdRowsOptions = {
  /** Defaults to the mapping matchHeaders finds. */
  mapping?: HouseholdFileMapping;
  /** YYYY-MM-DD; defaults to today in Việt Nam. */
  today?: string;
  maxRows?: number;
};

type Located = { header: SheetRow; rows: AsyncGenerator<SheetRow> };

function knownFields(row: SheetRow): number {
  return Object.keys(matchHeaders(row.values).mapping).length;
}

// A file with unfamiliar headers still has a header row of words; a data row has codes and dates.
function looksLikeHeader(row: SheetRow): boolean {
  const cells = row.values.filter((value) => value.trim() !== '');
  const withDigits = cells.filter((value) => /\d/.test(value)).length;
  return withDigits * 2 <= cells.length && !cells.some((value) => parseRelation(value).ok);
}

/** Finds the header row among the first rows (lists often start with a title) and returns the rest. */
async function locateHeader(all: AsyncGenerator<SheetRow>): Promise<Located> {
  const seen: SheetRow[] = [];
  let header: SheetRow | undefined;
  while (seen.length < headerSearchRows) {
    const next = await all.next();
    if (next.done) break;
    seen.push(next.value);
    if (knownFields(next.value) >= 2) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    if (seen.length === 0) throw new HouseholdFileError('file.empty', fileMessages.empty());
    header = seen[0]!;
    if (!looksLikeHeader(header)) {
      await all.return(undefined);
      throw new HouseholdFileError('file.no_header', fileMessages.noHeader(), header.row);
    }
  }
  const after = seen.slice(seen.indexOf(header) + 1);
  const rows = (async function* () {
    yield* after;
    yield* all;
  })();
  return { header, rows };
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnNames(headers: readonly string[], mapping: HouseholdFileMapping): Record<ImportField, string> {
  const names = {} as Record<ImportField, string>;
  for (const column of importColumns) {
    const index = mapping[column.field];
    names[column.field] =
      index === undefined ? column.header : headers[index]?.trim() || `Cột ${columnLetter(index)}`;
  }
  return names;
}

function checkMapping(mapping: HouseholdFileMapping): void {
  const indexes = Object.values(mapping);
  const valid = indexes.every((index) => Number.isInteger(index) && index >= 0 && index < 16_384);
  if (!valid || new Set(indexes).size !== indexes.length) {
    throw new HouseholdFileError('file.invalid_mapping', fileMessages.invalidMapping());
  }
  const missing = importColumns.filter((column) => column.required && mapping[column.field] === undefined);
  if (missing.length > 0) {
    const names = missing.map((column) => column.header);
    throw new HouseholdFileError('file.missing_columns', fileMessages.missingColumns(names));
  }
}

function problem(error: unknown): FileProblem {
  if (error instanceof HouseholdFileError) return error.toJSON();
  // Anything else is a fault of ours or of a library; the user still gets a message, not a 500.
  return new HouseholdFileError('file.read_failed', fileMessages.readFailed()).toJSON();
}

/**
 * First look at an upload: its kind, header row, how the headers match the template and a few
 * rows for the preview. Reads only the start of the file.
 */
export async function inspectHouseholdFile(
  input: HouseholdFileInput & { sampleSize?: number },
): Promise<HouseholdFileInspection | HouseholdFileRefusal> {
  let rows: AsyncGenerator<SheetRow> | undefined;
  try {
    const file = await openHouseholdFile(input);
    rows = sheetRows(file, Number.POSITIVE_INFINITY);
    const located = await locateHeader(rows);
    rows = located.rows;
    const headers = located.header.values.map((value) => value.replace(/^\uFEFF/, '').trim());
    const { mapping, missing, unknown, duplicates, ignored } = matchHeaders(headers);
    const sampleRows: { row: number; values: string[] }[] = [];
    for await (const row of located.rows) {
      sampleRows.push({ row: row.row, values: row.values });
      if (sampleRows.length >= (input.sampleSize ?? 5)) break;
    }
    const inspection = {
      kind: file.kind,
      encoding: file.encoding,
      headerRow: located.header.row,
      headers,
      mapping,
      missing,
      unknown,
      duplicates,
      ignored,
      sampleRows,
    };
    if (missing.length > 0) {
      const names = importColumns.filter((c) => missing.includes(c.field)).map((c) => c.header);
      const error = new HouseholdFileError('file.missing_columns', fileMessages.missingColumns(names));
      return { ok: false, error: error.toJSON(), inspection };
    }
    if (sampleRows.length === 0) {
      const error = new HouseholdFileError('file.no_data', fileMessages.noData());
      return { ok: false, error: error.toJSON(), inspection };
    }
    return { ok: true, ...inspection };
  } catch (error) {
    return { ok: false, error: problem(error) };
  } finally {
    await rows?.return(undefined);
  }
}

/**
 * Reads and checks every data row, one at a time. File-level problems (found at the start or
 * part-way, such as a cut file) are thrown as HouseholdFileError.
 */
export async function* readHouseholdRows(
  input: HouseholdFileInput,
  options: ReadHouseholdRowsOptions = {},
): AsyncGenerator<HouseholdRow> {
  const file = await openHouseholdFile(input);
  const all = sheetRows(file, options.maxRows ?? defaultMaxRows);
  try {
    const { header, rows } = await locateHeader(all);
    const headers = header.values.map((value) => value.replace(/^\uFEFF/, '').trim());
    const mapping = options.mapping ?? matchHeaders(headers).mapping;
    checkMapping(mapping);
    const context: RowContext = {
      mapping,
      columns: columnNames(headers, mapping),
      today: options.today ?? todayInVietnam(),
    };
    for await (const row of rows) yield checkRow(row, context);
  } catch (error) {
    if (error instanceof HouseholdFileError) throw error;
    throw new HouseholdFileError('file.read_failed', fileMessages.readFailed());
  } finally {
    await all.return(undefined);
  }
}

type RowContext = {
  mapping: HouseholdFileMapping;
  columns: Record<ImportField, string>;
  today: string;
};

// Tab, line feed and carriage return are fine in a cell; other controls are not text.
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function singleLine(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Reads one row into a person, collecting every problem rather than stopping at the first. */
function checkRow(sheetRow: SheetRow, context: RowContext): HouseholdRow {
  const { mapping, columns, today } = context;
  const errors: HouseholdRowError[] = [];
  const fieldAt = new Map<number, ImportField>();
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) fieldAt.set(index, field);

  const add = (field: ImportField, code: string, text: { vi: string; en: string }) =>
    errors.push({ column: columns[field], field, code, message: text.vi, messageEn: text.en });
  const addResident = (field: ImportField, key: ResidentMessageKey) => add(field, key, residentMessages[key]);

  // Fields whose cell cannot be read at all: formulas, Excel errors, control characters.
  const unreadable = new Set<ImportField>();
  for (const cellProblem of sheetRow.problems ?? []) {
    const field = fieldAt.get(cellProblem.index);
    if (!field) continue;
    unreadable.add(field);
    if (cellProblem.kind === 'formula') add(field, 'cell.formula', cellMessages.formula());
    else add(field, 'cell.excel_error', cellMessages.excelError(cellProblem.detail));
  }
  const raw = (field: ImportField): string => {
    const index = mapping[field];
    if (index === undefined || unreadable.has(field)) return '';
    const value = (sheetRow.values[index] ?? '').normalize('NFC').trim();
    if (hasControlCharacter(value)) {
      unreadable.add(field);
      add(field, 'cell.control_character', cellMessages.controlCharacter());
      return '';
    }
    if (value.length > maxCellLength) {
      unreadable.add(field);
      add(field, 'cell.too_long', cellMessages.tooLong(maxCellLength));
      return '';
    }
    return value;
  };
  const required = (field: ImportField): string => {
    const value = raw(field);
    if (value === '' && !unreadable.has(field)) addResident(field, 'resident.blank');
    return value;
  };

  const householdCode = singleLine(required('householdCode')) || null;
  const fullNameText = normalizePersonName(required('fullName'));
  const relationText = required('relation');
  const relation = relationText === '' ? null : parseRelation(relationText);
  if (relation && !relation.ok) addResident('relation', relation.error);

  const sexText = raw('sex');
  const sex = sexText === '' ? null : parseSex(sexText);
  if (sex && !sex.ok) addResident('sex', sex.error);

  const birthText = raw('birthDate');
  const birth = birthText === '' ? null : parseBirthDate(birthText, { today });
  if (birth && !birth.ok) addResident('birthDate', birth.error);

  const citizenIdText = raw('citizenId');
  let citizenId: string | null = null;
  if (citizenIdText !== '') {
    const checked = checkCitizenId(citizenIdText, {
      sex: sex?.ok ? sex.value : null,
      birthYear: birth?.ok ? birth.value.year : null,
      today,
    });
    for (const key of checked.errors) addResident('citizenId', key);
    citizenId = checked.value?.value ?? null;
  }

  const phoneText = raw('phone');
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  if (phone && !phone.ok) addResident('phone', phone.error);

  const categories = parseHouseholdCategories(raw('categories'));
  if (categories.unrecognized.length > 0) {
    add('categories', 'household.category.unknown', cellMessages.unknownCategories(categories.unrecognized));
  }
  const residentialGroupName = singleLine(raw('residentialGroup')) || null;
  const address = singleLine(raw('address')) || null;

  const isHead = relation?.ok === true && relation.value === 'head';
  const result: HouseholdRow = {
    row: sheetRow.row,
    values: sheetRow.values,
    householdCode,
    isHead,
    errors,
    columns,
  };
  if (errors.length === 0 && householdCode && relation?.ok) {
    result.person = {
      householdCode,
      residentialGroupName,
      address,
      ...splitFullName(fullNameText),
      relation: relation.value,
      isHead,
      sex: sex?.ok ? sex.value : null,
      birthDate: birth?.ok ? birth.value.date : null,
      birthYear: birth?.ok ? birth.value.year : null,
      birthPrecision: birth?.ok ? birth.value.precision : null,
      citizenId,
      phone: phone?.ok ? phone.value : null,
      categories: categories.codes,
    };
  }
  return result;
}

// --- Households ------------------------------------------------------------------------------

export type HouseholdMember = { row: number; person: ParsedPerson };

export type Household = {
  code: string;
  residentialGroupName: string | null;
  address: string | null;
  /** Every category written on any of its rows. */
  categories: string[];
  head: HouseholdMember;
  /** Every member, the head included, in file order. */
  members: HouseholdMember[];
};

export type ReportedError = HouseholdRowError & { row: number };

export type InvalidHousehold = {
  /** Null for rows without a household code. */
  householdCode: string | null;
  rows: HouseholdRow[];
  errors: ReportedError[];
};

export type ErrorReportLine = { row: number; column: string; reason: string; reasonEn: string };

export type HouseholdGroups = {
  valid: Household[];
  invalid: InvalidHousehold[];
  /** Every error of every invalid household, by row: what the user downloads. */
  errorReport: ErrorReportLine[];
};

type Pending = {
  code: string | null;
  rows: HouseholdRow[];
  extra: ReportedError[];
  exact: Map<string, number>;
  citizenIds: Map<string, number>;
  people: Map<string, number>;
  address?: { value: string; key: string; row: number };
  residentialGroup?: { value: string; key: string; row: number };
};

function compareKey(value: string): string {
  return foldDiacritics(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Gathers rows into households (a household's rows may be anywhere in the file) and adds the
 * checks that need several rows: one head, no one twice, one address, one ID per person.
 */
export async function groupHouseholds(
  rows: AsyncIterable<HouseholdRow> | Iterable<HouseholdRow>,
): Promise<HouseholdGroups> {
  const households = new Map<string, Pending>();
  const orphans: Pending = newPending(null);
  const idOwners = new Map<string, { household: Pending; row: HouseholdRow }>();

  const report = (household: Pending, row: HouseholdRow, field: ImportField, code: string, text: Text) =>
    household.extra.push({
      row: row.row,
      column: row.columns[field],
      field,
      code,
      message: text.vi,
      messageEn: text.en,
    });

  for await (const row of rows) {
    if (row.householdCode === null) {
      orphans.rows.push(row);
      continue;
    }
    let household = households.get(row.householdCode);
    if (!household) {
      household = newPending(row.householdCode);
      households.set(row.householdCode, household);
    }
    household.rows.push(row);
    const person = row.person;
    if (!person) continue;

    const exactKey = row.values.map((value) => singleLine(value)).join('\u0001');
    const personKey = person.birthYear
      ? `${compareKey([person.ho, person.tenDem, person.ten].join(' '))}|${person.birthDate ?? person.birthYear}`
      : null;
    const exactRow = household.exact.get(exactKey);
    const sameIdRow = person.citizenId ? household.citizenIds.get(person.citizenId) : undefined;
    const samePersonRow = personKey ? household.people.get(personKey) : undefined;
    if (exactRow !== undefined) {
      report(household, row, 'fullName', 'household.duplicate_row', householdMessages.duplicateRow(exactRow));
    } else if (sameIdRow !== undefined) {
      report(
        household,
        row,
        'citizenId',
        'household.same_citizen_id',
        householdMessages.sameCitizenId(sameIdRow),
      );
    } else if (samePersonRow !== undefined) {
      report(
        household,
        row,
        'fullName',
        'household.same_person',
        householdMessages.samePerson(samePersonRow),
      );
    }
    household.exact.set(exactKey, household.exact.get(exactKey) ?? row.row);
    if (personKey && !household.people.has(personKey)) household.people.set(personKey, row.row);

    if (person.citizenId) {
      const owner = idOwners.get(person.citizenId);
      if (!owner) {
        idOwners.set(person.citizenId, { household, row });
        household.citizenIds.set(person.citizenId, row.row);
      } else if (owner.household !== household) {
        const code = 'household.citizen_id_elsewhere';
        report(
          household,
          row,
          'citizenId',
          code,
          householdMessages.citizenIdInOtherHousehold(owner.household.code!, owner.row.row),
        );
        report(
          owner.household,
          owner.row,
          'citizenId',
          code,
          householdMessages.citizenIdInOtherHousehold(household.code!, row.row),
        );
      } else if (!household.citizenIds.has(person.citizenId)) {
        household.citizenIds.set(person.citizenId, row.row);
      }
    }

    for (const field of ['address', 'residentialGroup'] as const) {
      const value = field === 'address' ? person.address : person.residentialGroupName;
      if (!value) continue;
      const key = compareKey(value);
      const first = household[field];
      if (!first) household[field] = { value, key, row: row.row };
      else if (first.key !== key) {
        const label =
          field === 'address' ? householdMessages.addressLabel : householdMessages.residentialGroupLabel;
        report(
          household,
          row,
          field,
          `household.${field}_conflict`,
          householdMessages.conflict(label, first.row),
        );
      }
    }
  }

  const valid: Household[] = [];
  const invalid: InvalidHousehold[] = [];
  for (const household of households.values()) {
    const heads = household.rows.filter((row) => row.isHead);
    const first = household.rows[0]!;
    if (heads.length === 0) {
      report(household, first, 'relation', 'household.no_head', householdMessages.noHead(household.code!));
    } else if (heads.length > 1) {
      const headRows = heads.map((row) => row.row);
      for (const head of heads) {
        report(
          household,
          head,
          'relation',
          'household.several_heads',
          householdMessages.severalHeads(household.code!, headRows),
        );
      }
    }
    const errors = collectErrors(household);
    if (errors.length > 0) {
      invalid.push({ householdCode: household.code, rows: household.rows, errors });
      continue;
    }
    const members = household.rows.map((row) => ({ row: row.row, person: row.person! }));
    valid.push({
      code: household.code!,
      residentialGroupName: household.residentialGroup?.value ?? null,
      address: household.address?.value ?? null,
      categories: [...new Set(members.flatMap((member) => member.person.categories))],
      head: members.find((member) => member.person.isHead)!,
      members,
    });
  }
  if (orphans.rows.length > 0) {
    invalid.push({ householdCode: null, rows: orphans.rows, errors: collectErrors(orphans) });
  }
  const errorReport = invalid
    .flatMap((household) => household.errors)
    .sort((a, b) => a.row - b.row || fieldOrder(a.field) - fieldOrder(b.field))
    .map((error) => ({
      row: error.row,
      column: error.column,
      reason: error.message,
      reasonEn: error.messageEn,
    }));
  return { valid, invalid, errorReport };
}

type Text = { vi: string; en: string };

function newPending(code: string | null): Pending {
  return { code, rows: [], extra: [], exact: new Map(), citizenIds: new Map(), people: new Map() };
}

function collectErrors(household: Pending): ReportedError[] {
  const errors: ReportedError[] = household.rows.flatMap((row) =>
    row.errors.map((error) => ({ ...error, row: row.row })),
  );
  return [...errors, ...household.extra].sort((a, b) => a.row - b.row);
}

function fieldOrder(field: ImportField | null): number {
  return field === null ? -1 : importColumns.findIndex((column) => column.field === field);
}

// --- Error report ----------------------------------------------------------------------------

function csvField(value: string | number): string {
  let text = String(value);
  // A reason quotes what the user typed; a leading = + - @ would run as a formula in Excel.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The error report as a CSV Excel opens correctly (UTF-8 with BOM): Dòng, Cột, Lý do. */
export function errorReportCsv(errors: readonly ErrorReportLine[], language: 'vi' | 'en' = 'vi'): Buffer {
  const header = language === 'vi' ? ['Dòng', 'Cột', 'Lý do'] : ['Row', 'Column', 'Reason'];
  const lines = [header.join(',')];
  for (const error of errors) {
    const reason = language === 'vi' ? error.reason : error.reasonEn;
    lines.push([error.row, error.column, reason].map(csvField).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
