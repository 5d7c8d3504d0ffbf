import { foldLabel } from './fold';

export type ImportField =
  | 'householdCode'
  | 'residentialGroup'
  | 'address'
  | 'fullName'
  | 'relation'
  | 'sex'
  | 'birthDate'
  | 'citizenId'
  | 'phone'
  | 'categories';

type ImportColumn = { field: ImportField; header: string; required: boolean; aliases: readonly string[] };

/** The columns of the residents template, in template order, with headers seen in other files. */
export const importColumns: readonly ImportColumn[] = [
  {
    field: 'householdCode',
    header: 'Mã hộ',
    required: true,
    aliases: ['mã hộ gia đình', 'mã số hộ', 'số hộ'],
  },
  {
    field: 'residentialGroup',
    header: 'Tổ dân phố',
    required: false,
    aliases: ['tổ', 'TDP', 'thôn', 'tổ dân phố/thôn', 'thôn/tổ dân phố', 'khu phố', 'ấp', 'bản'],
  },
  {
    field: 'address',
    header: 'Địa chỉ',
    required: false,
    aliases: ['địa chỉ thường trú', 'địa chỉ cư trú', 'nơi ở', 'nơi ở hiện nay', 'nơi thường trú', 'số nhà'],
  },
  {
    field: 'fullName',
    header: 'Họ và tên',
    required: true,
    aliases: ['họ tên', 'họ và tên đệm và tên', 'tên'],
  },
  {
    field: 'relation',
    header: 'Quan hệ với chủ hộ',
    required: true,
    aliases: ['quan hệ', 'quan hệ chủ hộ', 'QH với chủ hộ', 'QHCH', 'quan hệ với chủ hộ gia đình'],
  },
  { field: 'sex', header: 'Giới tính', required: false, aliases: ['giới', 'nam/nữ', 'phái'] },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    required: false,
    aliases: ['ngày tháng năm sinh', 'ngày, tháng, năm sinh', 'năm sinh', 'ngày/tháng/năm sinh', 'NTNS'],
  },
  {
    field: 'citizenId',
    header: 'Số CCCD',
    required: false,
    aliases: [
      'CCCD',
      'số căn cước công dân',
      'căn cước công dân',
      'số căn cước',
      'căn cước',
      'số định danh',
      'số định danh cá nhân',
      'CCCD/CMND',
      'số CCCD/CMND',
      'CMND/CCCD',
      'số CMND/CCCD',
    ],
  },
  {
    field: 'phone',
    header: 'Số điện thoại',
    required: false,
    aliases: ['SĐT', 'SDT', 'điện thoại', 'số ĐT', 'ĐT', 'di động', 'số di động', 'điện thoại liên hệ'],
  },
  {
    field: 'categories',
    header: 'Diện hộ',
    required: false,
    aliases: ['diện', 'diện chính sách', 'đối tượng', 'phân loại hộ', 'diện hộ gia đình'],
  },
];

// Columns many files carry that the register does not need.
const ignoredHeaders = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

const index = new Map<string, ImportField>();
for (const column of importColumns) {
  for (const alias of [column.header, ...column.aliases]) index.set(foldLabel(alias), column.field);
}

export type HeaderMatch = {
  /** Field → index of its column. */
  mapping: Partial<Record<ImportField, number>>;
  /** Required fields no column was found for. */
  missing: ImportField[];
  /** Columns not recognised, to offer in the column-mapping step. */
  unknown: { index: number; header: string }[];
  /** Columns naming a field an earlier column already took; the first one wins. */
  duplicates: { index: number; field: ImportField }[];
  /** Known columns the register does not use (STT). */
  ignored: number[];
};

/**
 * Matches a header row to the template fields, ignoring case, diacritics, spacing, punctuation
 * and notes in parentheses ("Ngày sinh (dd/mm/yyyy)"). Blank headers are skipped.
 */
export function matchHeaders(row: readonly string[]): HeaderMatch {
  const result: HeaderMatch = { mapping: {}, missing: [], unknown: [], duplicates: [], ignored: [] };
  row.forEach((header, i) => {
    const key = foldLabel(header.replace(/^\uFEFF/, '').replace(/\*/g, ''));
    if (key === '') return;
    if (ignoredHeaders.has(key)) {
      result.ignored.push(i);
      return;
    }
    const field = index.get(key);
    if (field === undefined) result.unknown.push({ index: i, header: header.trim() });
    else if (result.mapping[field] !== undefined) result.duplicates.push({ index: i, field });
    else result.mapping[field] = i;
  });
  result.missing = importColumns
    .filter((column) => column.required && result.mapping[column.field] === undefined)
    .map((column) => column.field);
  return result;
}
