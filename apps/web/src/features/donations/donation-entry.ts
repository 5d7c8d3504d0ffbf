import {
  CreateDonationRequest,
  type DonationMethod,
  type DonorKind,
  donorProblems,
  type FieldError,
  foldDiacritics,
  formatNumber,
  toFieldErrors,
} from '@doanket/domain';

/** The most rows one batch takes. */
export const MAX_ROWS = 200;

export type ItemDraft = { item: string; name: string; quantity: number; value: number };

export type RowState = 'draft' | 'sending' | 'recorded' | 'failed';

/** One line of the entry grid. Its idempotency key is made once, so a re-send never records twice. */
export type EntryRow = {
  uid: string;
  idempotencyKey: string;
  donorKind: DonorKind;
  name: string;
  /** For a household donor: the household of the register (its head's name is the name). */
  householdId: string | null;
  publishName: boolean;
  method: DonationMethod;
  amountText: string;
  items: ItemDraft[];
  note: string;
  state: RowState;
  receiptNumber: string | null;
  donationId: string | null;
  /** The API's or the contract's message for the row as a whole. */
  error: string | null;
  /** Messages per column of the row. */
  fieldErrors: Partial<Record<RowColumn, string>>;
};

export type RowColumn = 'donorKind' | 'name' | 'method' | 'amount' | 'items' | 'note';

/** What the top of the page sets for every row. */
export type BatchHeader = {
  fundId: string | null;
  campaignId: string | null;
  receivedOn: string;
  method: DonationMethod;
};

const randomId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function newRow(defaults: { method: DonationMethod }, fill: Partial<EntryRow> = {}): EntryRow {
  return {
    uid: randomId(),
    idempotencyKey: `donation-${randomId()}`,
    donorKind: 'person',
    name: '',
    householdId: null,
    publishName: false,
    method: defaults.method,
    amountText: '',
    items: [],
    note: '',
    state: 'draft',
    receiptNumber: null,
    donationId: null,
    error: null,
    fieldErrors: {},
    ...fill,
  };
}

/** A row nobody has typed in (it is left out of the batch). */
export const isBlankRow = (row: EntryRow) =>
  row.name.trim() === '' && row.amountText.trim() === '' && row.items.length === 0 && row.note.trim() === '';

const currencyWords = /(đồng|dong|vnđ|vnd|đ)\.?$/iu;

/**
 * An amount typed or pasted: digits, optionally grouped by thousands with dots, commas or spaces
 * ("1.000.000", "1,000,000", "1 000 000 đ"). Anything else (a decimal part, letters) is null.
 */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(currencyWords, '').trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ''));
  if (/^\d{1,3}(?:,\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (/^\d{1,3}(?:[\s\u00a0]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/[\s\u00a0]/g, ''));
  return null;
}

/** What the amount field shows while typing: the digits grouped with dots ("1000000" → "1.000.000"). */
export function formatAmountInput(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (digits === '') return '';
  // Past 15 digits the amount is refused anyway; keep what was typed rather than lose precision.
  if (digits.length > 15) return digits;
  return formatNumber(Number(digits));
}

const methodWords: Array<[DonationMethod, string[]]> = [
  ['cash', ['cash', 'tien mat', 'tm']],
  ['bank', ['bank', 'chuyen khoan', 'ck', 'ngan hang']],
  ['in_kind', ['in_kind', 'in kind', 'hien vat', 'hv']],
];

/** "Tiền mặt", "CK", "hiện vật"… → the method, or null when it is not one of them. */
export function parseMethod(text: string): DonationMethod | null {
  const folded = foldDiacritics(text);
  if (!folded) return null;
  for (const [method, words] of methodWords) if (words.includes(folded)) return method;
  return null;
}

const anonymousNames = new Set(['nha hao tam', 'an danh', 'khong ghi ten', 'anonymous']);

export type PastedRow = {
  name: string;
  amountText: string;
  method: DonationMethod | null;
  anonymous: boolean;
};

/**
 * A block copied from a spreadsheet: one donation per line, cells separated by tabs — name, amount,
 * and optionally the method. A first line whose amount is not a number is taken as a header.
 */
export function parsePastedRows(text: string): PastedRow[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const rows = lines.map((line) => {
    const [name = '', amount = '', method = ''] = line.split('\t').map((cell) => cell.trim());
    const folded = foldDiacritics(name);
    return {
      name: anonymousNames.has(folded) ? '' : name.replace(/\s+/g, ' '),
      amountText: amount,
      method: parseMethod(method),
      anonymous: folded === '' || anonymousNames.has(folded),
    };
  });
  if (rows.length > 0 && parseAmount(rows[0]?.amountText ?? '') === null && lines.length > 1) rows.shift();
  return rows;
}

/** True when pasted text is a block of cells rather than one value. */
export const isBlock = (text: string) => text.includes('\t') || text.trim().includes('\n');

/** Fills the grid from a pasted block, starting at a row: overwrites drafts, appends the rest. */
export function fillFromPaste(
  rows: readonly EntryRow[],
  startIndex: number,
  pasted: readonly PastedRow[],
  defaults: { method: DonationMethod },
): EntryRow[] {
  const next = [...rows];
  let index = startIndex;
  for (const line of pasted) {
    while (index < next.length && next[index]?.state === 'recorded') index += 1;
    if (index >= MAX_ROWS) break;
    const current = next[index] ?? newRow(defaults);
    next[index] = {
      ...current,
      // A pasted name is typed, not picked from the register.
      donorKind: line.anonymous
        ? 'anonymous'
        : current.donorKind === 'anonymous' || current.donorKind === 'household'
          ? 'person'
          : current.donorKind,
      name: line.name,
      householdId: null,
      amountText:
        parseAmount(line.amountText) === null ? line.amountText : formatAmountInput(line.amountText),
      method: line.method ?? current.method,
      state: current.state === 'failed' ? 'draft' : current.state,
      error: null,
      fieldErrors: {},
    };
    index += 1;
  }
  return next;
}

/** The amount of a row: the items' total for a donation in kind, else what was typed. */
export function rowAmount(row: EntryRow): number | null {
  if (row.method === 'in_kind') return row.items.reduce((sum, item) => sum + item.value, 0);
  return parseAmount(row.amountText);
}

/** The body the row posts, before validation. */
export function rowRequest(row: EntryRow, header: BatchHeader) {
  const amount = rowAmount(row);
  return {
    fundId: header.fundId ?? '',
    campaignId: header.campaignId,
    donor: {
      kind: row.donorKind,
      name: row.donorKind === 'anonymous' ? null : row.name,
      publishName: row.donorKind === 'anonymous' ? false : row.publishName,
      householdId: row.donorKind === 'household' ? row.householdId : null,
    },
    method: row.method,
    // A text that is not an amount goes as text, so the contract says what is wrong with it.
    amount: amount ?? row.amountText,
    items: row.method === 'in_kind' ? row.items : null,
    receivedOn: header.receivedOn,
    note: row.note.trim() || null,
  };
}

const columnOf = (path: string): RowColumn | 'header' | null => {
  if (path === 'donor.name' || path === 'donor.householdId') return 'name';
  if (path === 'donor.kind') return 'donorKind';
  if (path === 'amount') return 'amount';
  if (path === 'method') return 'method';
  if (path === 'note') return 'note';
  if (path.startsWith('items')) return 'items';
  if (path === 'fundId' || path === 'campaignId' || path === 'receivedOn') return 'header';
  return null;
};

export type RowCheck =
  | { ok: true; body: CreateDonationRequest }
  | { ok: false; fieldErrors: Partial<Record<RowColumn, string>>; error: string | null };

/** Puts field errors (the contract's or the API's) on the row's columns; the rest is the row's error. */
export function placeErrors(
  fields: readonly FieldError[],
  lang: 'vi' | 'en',
): Omit<RowCheck & { ok: false }, 'ok'> {
  const fieldErrors: Partial<Record<RowColumn, string>> = {};
  const rest: string[] = [];
  for (const field of fields) {
    const text = lang === 'en' ? field.messageEn : field.message;
    const column = columnOf(field.path);
    if (column && column !== 'header') {
      fieldErrors[column] ??= text;
    } else {
      rest.push(text);
    }
  }
  return { fieldErrors, error: rest.length > 0 ? [...new Set(rest)].join('; ') : null };
}

/** Checks a row with the endpoint's own contract before it is sent. */
export function checkRow(row: EntryRow, header: BatchHeader, lang: 'vi' | 'en'): RowCheck {
  const request = rowRequest(row, header);
  const result = CreateDonationRequest.safeParse(request);
  if (result.success) return { ok: true, body: result.data };
  // The contract checks the donor only once the rest is valid; the grid shows every problem at once.
  const donorIssues = donorProblems(request.donor).map((problem) => ({
    code: 'custom',
    path: problem.path,
    message: problem.key,
  }));
  return { ok: false, ...placeErrors(toFieldErrors([...result.error.issues, ...donorIssues]), lang) };
}

export type SendOutcome =
  | { ok: true; id: string; receiptNumber: string }
  | { ok: false; fields: FieldError[]; code: string; message: string; messageEn: string };

/**
 * Sends rows a few at a time, in order of their position, reporting each outcome as it comes.
 * `send` gets the row's own idempotency key, so a batch sent again after a lost answer records nothing twice.
 */
export async function sendRows(
  rows: ReadonlyArray<{ uid: string; idempotencyKey: string; body: CreateDonationRequest }>,
  send: (body: CreateDonationRequest, idempotencyKey: string) => Promise<SendOutcome>,
  onOutcome: (uid: string, outcome: SendOutcome) => void,
  concurrency = 3,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next];
      next += 1;
      if (!row) continue;
      onOutcome(row.uid, await send(row.body, row.idempotencyKey));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
}

/** An item code from its name, for items typed without one ("Máy tính bảng" → "may-tinh-bang"). */
export const itemCodeOf = (name: string) =>
  foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'item';
