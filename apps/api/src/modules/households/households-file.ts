import {
  checkCitizenId,
  foldDiacritics,
  type HouseholdCategory,
  householdCategories,
  type ImportField,
  importColumns,
  matchHeaders,
  normalizePersonName,
  normalizePhone,
  type PersonNameParts,
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
  /** Categories "Diện hộ" may name; defaults to the built-in list. */
  categories?: readonly HouseholdCategory[];
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

/** Refuses a mapping that gives two fields one column or leaves out a required field. */
export function checkMapping(mapping: HouseholdFileMapping): void {
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
      categories: options.categories ?? householdCategories,
      names: new Map(),
      fieldAt: new Map(Object.entries(mapping).map(([field, index]) => [index, field as ImportField])),
      parsed: { relations: new Map(), sexes: new Map(), categories: new Map(), lines: new Map() },
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
  categories: readonly HouseholdCategory[];
  /** Names split so far: a register repeats names, and splitting is not cheap. */
  names: Map<string, PersonNameParts>;
  /** Column index → field. */
  fieldAt: Map<number, ImportField>;
  parsed: {
    relations: Map<string, ReturnType<typeof parseRelation>>;
    sexes: Map<string, ReturnType<typeof parseSex>>;
    categories: Map<string, ReturnType<typeof parseHouseholdCategories>>;
    lines: Map<string, string>;
  };
};

const nameCacheSize = 50_000;

function splitName(context: RowContext, name: string): PersonNameParts {
  let parts = context.names.get(name);
  if (!parts) {
    parts = splitFullName(name);
    if (context.names.size >= nameCacheSize) context.names.clear();
    context.names.set(name, parts);
  }
  return parts;
}

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

type Text = { vi: string; en: string };

/** The cells of one row as the checks read them, with the problems found so far. */
class CellReader {
  readonly errors: HouseholdRowError[] = [];
  // Fields whose cell cannot be read at all: formulas, Excel errors, control characters.
  private readonly unreadable = new Set<ImportField>();

  constructor(
    private readonly sheetRow: SheetRow,
    private readonly context: RowContext,
  ) {
    for (const cellProblem of sheetRow.problems ?? []) {
      const field = context.fieldAt.get(cellProblem.index);
      if (!field) continue;
      this.unreadable.add(field);
      if (cellProblem.kind === 'formula') this.add(field, 'cell.formula', cellMessages.formula());
      else this.add(field, 'cell.excel_error', cellMessages.excelError(cellProblem.detail));
    }
  }

  add(field: ImportField, code: string, text: Text): void {
    this.errors.push({
      column: this.context.columns[field],
      field,
      code,
      message: text.vi,
      messageEn: text.en,
    });
  }

  addResident(field: ImportField, key: ResidentMessageKey): void {
    this.add(field, key, residentMessages[key]);
  }

  raw(field: ImportField): string {
    const index = this.context.mapping[field];
    if (index === undefined || this.unreadable.has(field)) return '';
    const cell = this.sheetRow.values[index] ?? '';
    if (cell === '') return '';
    const value = cell.normalize('NFC').trim();
    if (hasControlCharacter(value)) {
      this.unreadable.add(field);
      this.add(field, 'cell.control_character', cellMessages.controlCharacter());
      return '';
    }
    if (value.length > maxCellLength) {
      this.unreadable.add(field);
      this.add(field, 'cell.too_long', cellMessages.tooLong(maxCellLength));
      return '';
    }
    return value;
  }

  required(field: ImportField): string {
    const value = this.raw(field);
    if (value === '' && !this.unreadable.has(field)) this.addResident(field, 'resident.blank');
    return value;
  }
}

/** A parse of short values that repeat on every row ("Chủ hộ", "Nam"…), remembered per file. */
function remembered<T>(cache: Map<string, T>, value: string, parse: (value: string) => T): T {
  let result = cache.get(value);
  if (result === undefined) {
    result = parse(value);
    if (cache.size < 10_000) cache.set(value, result);
  }
  return result;
}

/** Reads one row into a person, collecting every problem rather than stopping at the first. */
function checkRow(sheetRow: SheetRow, context: RowContext): HouseholdRow {
  const { columns, today, parsed } = context;
  const cells = new CellReader(sheetRow, context);

  const householdCode = singleLine(cells.required('householdCode')) || null;
  const fullNameText = normalizePersonName(cells.required('fullName'));
  const relationText = cells.required('relation');
  const relation = relationText === '' ? null : remembered(parsed.relations, relationText, parseRelation);
  if (relation && !relation.ok) cells.addResident('relation', relation.error);

  const sexText = cells.raw('sex');
  const sex = sexText === '' ? null : remembered(parsed.sexes, sexText, parseSex);
  if (sex && !sex.ok) cells.addResident('sex', sex.error);

  const birthText = cells.raw('birthDate');
  const birth = birthText === '' ? null : parseBirthDate(birthText, { today });
  if (birth && !birth.ok) cells.addResident('birthDate', birth.error);

  const citizenIdText = cells.raw('citizenId');
  let citizenId: string | null = null;
  if (citizenIdText !== '') {
    const checked = checkCitizenId(citizenIdText, {
      sex: sex?.ok ? sex.value : null,
      birthYear: birth?.ok ? birth.value.year : null,
      today,
    });
    for (const key of checked.errors) cells.addResident('citizenId', key);
    citizenId = checked.value?.value ?? null;
  }

  const phoneText = cells.raw('phone');
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  if (phone && !phone.ok) cells.addResident('phone', phone.error);

  const categories = remembered(parsed.categories, cells.raw('categories'), (cell) =>
    parseHouseholdCategories(cell, context.categories),
  );
  if (categories.unrecognized.length > 0) {
    cells.add(
      'categories',
      'household.category.unknown',
      cellMessages.unknownCategories(categories.unrecognized),
    );
  }
  const residentialGroupName = remembered(parsed.lines, cells.raw('residentialGroup'), singleLine) || null;
  const address = remembered(parsed.lines, cells.raw('address'), singleLine) || null;

  const errors = cells.errors;
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
      ...splitName(context, fullNameText),
      relation: relation.value,
      isHead,
      sex: sex?.ok ? sex.value : null,
      birthDate: birth?.ok ? birth.value.date : null,
      birthYear: birth?.ok ? birth.value.year : null,
      birthPrecision: birth?.ok ? birth.value.precision : null,
      citizenId,
      phone: phone?.ok ? phone.value : null,
      categories: [...categories.codes],
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

type FirstValue = { value: string; key: string; row: number };

/** What the checker keeps of a household: counts and first values, never its rows. */
export type HouseholdSummary = {
  code: string;
  /** Rows of the household in the file. */
  rows: number;
  /** Rows read into a person, i.e. without a row error. */
  persons: number;
  firstRow: number;
  lastRow: number;
  /** Rows marking the head. */
  heads: number[];
  address: string | null;
  residentialGroupName: string | null;
  /** Every problem found, row by row; a household with any is not imported. */
  errors: ReportedError[];
  columns: Readonly<Record<ImportField, string>>;
};

/** A problem found by a caller that knows more than the file (the register, the ward's groups). */
export type ExtraProblem = { row: number; field: ImportField; code: string; text: Text };

export type HouseholdCheck = {
  households: ReadonlyMap<string, HouseholdSummary>;
  rows: number;
  /** Rows of households without any problem. */
  validRows: number;
  /** Rows of households with a problem, and rows without a household code. */
  rejectedRows: number;
  validHouseholds: number;
  invalidHouseholds: number;
  /** Every problem, by row and column. */
  errorReport: ErrorReportLine[];
};

function compareKey(value: string): string {
  return foldDiacritics(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A 53-bit digest of a household's row (FNV-1a over its code and trimmed cells): repeated rows
 * are found without keeping their text. Two different rows share one by a chance too small to matter.
 */
function rowDigest(code: string, values: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let v = -1; v < values.length; v++) {
    const value = v < 0 ? code : values[v]!.trim();
    for (let i = 0; i < value.length; i++) {
      const char = value.charCodeAt(i);
      a = Math.imul(a ^ char, 0x01000193);
      b = Math.imul(b ^ char, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

type State = HouseholdSummary & {
  addressFirst?: FirstValue;
  groupFirst?: FirstValue;
};

/**
 * Checks the rows of a file household by household as they stream past (a household's rows may
 * be anywhere in the file): one head, no one twice, one address and group, one ID per person.
 * Keeps counts, first values and problems, not the rows, so memory stays small as files grow.
 */
export class HouseholdChecker {
  private readonly households = new Map<string, State>();
  private readonly exact = new Map<number, number>();
  private readonly people = new Map<string, number>();
  private readonly idOwners = new Map<string, { household: State; row: number }>();
  private readonly orphanErrors: ReportedError[] = [];
  private readonly nameKeys = new Map<string, string>();
  private orphanRows = 0;
  private rows = 0;

  add(row: HouseholdRow): void {
    this.rows += 1;
    if (row.householdCode === null) {
      this.orphanRows += 1;
      for (const error of row.errors) this.orphanErrors.push({ ...error, row: row.row });
      return;
    }
    let household = this.households.get(row.householdCode);
    if (!household) {
      household = {
        code: row.householdCode,
        rows: 0,
        persons: 0,
        firstRow: row.row,
        lastRow: row.row,
        heads: [],
        address: null,
        residentialGroupName: null,
        errors: [],
        columns: row.columns,
      };
      this.households.set(row.householdCode, household);
    }
    household.rows += 1;
    household.lastRow = row.row;
    if (row.isHead) household.heads.push(row.row);
    for (const error of row.errors) household.errors.push({ ...error, row: row.row });
    const person = row.person;
    if (!person) return;
    household.persons += 1;

    const exactKey = rowDigest(household.code, row.values);
    const personKey = person.birthYear
      ? `${household.code}\u0001${this.nameKey(person)}|${person.birthDate ?? person.birthYear}`
      : null;
    const exactRow = this.exact.get(exactKey);
    const owner = person.citizenId ? this.idOwners.get(person.citizenId) : undefined;
    const samePersonRow = personKey ? this.people.get(personKey) : undefined;
    if (exactRow !== undefined) {
      this.report(
        household,
        row.row,
        'fullName',
        'household.duplicate_row',
        householdMessages.duplicateRow(exactRow),
      );
    } else if (owner && owner.household === household) {
      const text = householdMessages.sameCitizenId(owner.row);
      this.report(household, row.row, 'citizenId', 'household.same_citizen_id', text);
    } else if (samePersonRow !== undefined) {
      const text = householdMessages.samePerson(samePersonRow);
      this.report(household, row.row, 'fullName', 'household.same_person', text);
    }
    if (exactRow === undefined) this.exact.set(exactKey, row.row);
    if (personKey && samePersonRow === undefined) this.people.set(personKey, row.row);

    if (person.citizenId) {
      if (!owner) this.idOwners.set(person.citizenId, { household, row: row.row });
      else if (owner.household !== household) {
        const code = 'household.citizen_id_elsewhere';
        const here = householdMessages.citizenIdInOtherHousehold(owner.household.code, owner.row);
        this.report(household, row.row, 'citizenId', code, here);
        const there = householdMessages.citizenIdInOtherHousehold(household.code, row.row);
        this.report(owner.household, owner.row, 'citizenId', code, there);
      }
    }
    if (person.address) this.sameOnEveryRow(household, row.row, 'address', person.address);
    if (person.residentialGroupName) {
      this.sameOnEveryRow(household, row.row, 'residentialGroup', person.residentialGroupName);
    }
  }

  /** The address and group are the household's: every row that gives one must agree. */
  private sameOnEveryRow(
    household: State,
    row: number,
    field: 'address' | 'residentialGroup',
    value: string,
  ) {
    const isAddress = field === 'address';
    const first = isAddress ? household.addressFirst : household.groupFirst;
    if (!first) {
      const firstValue = { value, key: compareKey(value), row };
      if (isAddress) {
        household.addressFirst = firstValue;
        household.address = value;
      } else {
        household.groupFirst = firstValue;
        household.residentialGroupName = value;
      }
    } else if (first.value !== value && first.key !== compareKey(value)) {
      const label = isAddress ? householdMessages.addressLabel : householdMessages.residentialGroupLabel;
      this.report(
        household,
        row,
        field,
        `household.${field}_conflict`,
        householdMessages.conflict(label, first.row),
      );
    }
  }

  private nameKey(person: ParsedPerson): string {
    const name = `${person.ho} ${person.tenDem} ${person.ten}`;
    let key = this.nameKeys.get(name);
    if (key === undefined) {
      key = compareKey(name);
      if (this.nameKeys.size >= nameCacheSize) this.nameKeys.clear();
      this.nameKeys.set(name, key);
    }
    return key;
  }

  private report(household: State, row: number, field: ImportField, code: string, text: Text): void {
    household.errors.push({
      row,
      column: household.columns[field],
      field,
      code,
      message: text.vi,
      messageEn: text.en,
    });
  }

  /**
   * Adds the checks that need every row of a household (its head), and the caller's own;
   * then a household is valid when nothing was found.
   */
  finish(extraCheck?: (household: HouseholdSummary) => ExtraProblem[]): HouseholdCheck {
    let validRows = 0;
    let validHouseholds = 0;
    for (const household of this.households.values()) {
      if (household.heads.length === 0) {
        this.report(
          household,
          household.firstRow,
          'relation',
          'household.no_head',
          householdMessages.noHead(household.code),
        );
      } else if (household.heads.length > 1) {
        for (const head of household.heads) {
          this.report(
            household,
            head,
            'relation',
            'household.several_heads',
            householdMessages.severalHeads(household.code, household.heads),
          );
        }
      }
      if (household.errors.length === 0 && extraCheck) {
        for (const problem of extraCheck(household)) {
          this.report(household, problem.row, problem.field, problem.code, problem.text);
        }
      }
      if (household.errors.length === 0) {
        validRows += household.rows;
        validHouseholds += 1;
      }
      delete household.addressFirst;
      delete household.groupFirst;
    }
    const all = [...this.households.values()].flatMap((household) => household.errors);
    const errorReport = [...all, ...this.orphanErrors]
      .sort((a, b) => a.row - b.row || fieldOrder(a.field) - fieldOrder(b.field))
      .map((error) => ({
        row: error.row,
        column: error.column,
        reason: error.message,
        reasonEn: error.messageEn,
      }));
    this.exact.clear();
    this.people.clear();
    this.idOwners.clear();
    return {
      households: this.households,
      rows: this.rows,
      validRows,
      rejectedRows: this.rows - validRows,
      validHouseholds,
      invalidHouseholds: this.households.size - validHouseholds,
      errorReport,
    };
  }
}

/**
 * Gathers rows into households (a household's rows may be anywhere in the file) with the checks
 * of HouseholdChecker. Keeps every row: for previews and small files; imports stream instead.
 */
export async function groupHouseholds(
  rows: AsyncIterable<HouseholdRow> | Iterable<HouseholdRow>,
): Promise<HouseholdGroups> {
  const checker = new HouseholdChecker();
  const byCode = new Map<string, HouseholdRow[]>();
  const orphans: HouseholdRow[] = [];
  for await (const row of rows) {
    checker.add(row);
    if (row.householdCode === null) orphans.push(row);
    else {
      const list = byCode.get(row.householdCode);
      if (list) list.push(row);
      else byCode.set(row.householdCode, [row]);
    }
  }
  const check = checker.finish();
  const valid: Household[] = [];
  const invalid: InvalidHousehold[] = [];
  for (const [code, householdRows] of byCode) {
    const summary = check.households.get(code)!;
    if (summary.errors.length > 0) {
      const errors = [...summary.errors].sort((a, b) => a.row - b.row);
      invalid.push({ householdCode: code, rows: householdRows, errors });
      continue;
    }
    const members = householdRows.map((row) => ({ row: row.row, person: row.person! }));
    valid.push({
      code,
      residentialGroupName: summary.residentialGroupName,
      address: summary.address,
      categories: [...new Set(members.flatMap((member) => member.person.categories))],
      head: members.find((member) => member.person.isHead)!,
      members,
    });
  }
  if (orphans.length > 0) {
    const errors = orphans.flatMap((row) => row.errors.map((error) => ({ ...error, row: row.row })));
    invalid.push({ householdCode: null, rows: orphans, errors });
  }
  return { valid, invalid, errorReport: check.errorReport };
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
