import { formatDate, previousDay } from '@doanket/domain';

/** Bilingual texts of the household file import that the residents parsers do not already have. */
type Text = { vi: string; en: string };

const legacyNames = { 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3 (ABC)' } as const;

export const fileMessages = {
  empty: (): Text => ({ vi: 'Tệp trống, không có dữ liệu', en: 'The file is empty' }),
  tooLarge: (maxBytes: number): Text => ({
    vi: `Tệp lớn hơn ${megabytes(maxBytes)} MB; hãy chia thành nhiều tệp nhỏ hơn`,
    en: `The file is larger than ${megabytes(maxBytes)} MB; split it into smaller files`,
  }),
  tooManyRows: (maxRows: number): Text => ({
    vi: `Tệp có hơn ${maxRows} dòng; hãy chia thành nhiều tệp nhỏ hơn`,
    en: `The file has more than ${maxRows} rows; split it into smaller files`,
  }),
  xls: (): Text => ({
    vi: 'Đây là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu nếu có, và lưu lại dạng "Excel Workbook (.xlsx)"',
    en: 'This is an old Excel file (.xls) or a password-protected one; open it in Excel, remove any password and save it as "Excel Workbook (.xlsx)"',
  }),
  unsupported: (): Text => ({
    vi: 'Tệp không phải CSV hay Excel (.xlsx); hãy dùng tệp mẫu hoặc lưu lại dạng .xlsx hoặc "CSV UTF-8"',
    en: 'The file is neither CSV nor Excel (.xlsx); use the template, or save it as .xlsx or "CSV UTF-8"',
  }),
  legacyEncoding: (encoding: keyof typeof legacyNames): Text => ({
    vi: `Tệp dùng bảng mã cũ ${legacyNames[encoding]}, tiếng Việt sẽ bị lỗi font; hãy mở bằng Excel và lưu lại dạng "CSV UTF-8 (Comma delimited)" hoặc .xlsx (với TCVN3 cần chuyển mã sang Unicode trước, ví dụ bằng Unikey)`,
    en: `The file uses the legacy ${legacyNames[encoding]} encoding and Vietnamese text would be garbled; open it in Excel and save it as "CSV UTF-8 (Comma delimited)" or .xlsx (convert TCVN3 to Unicode first, e.g. with Unikey)`,
  }),
  utf16: (): Text => ({
    vi: 'Tệp dạng "Unicode Text" (UTF-16) chưa được hỗ trợ; hãy lưu lại dạng "CSV UTF-8 (Comma delimited)" hoặc .xlsx',
    en: 'UTF-16 ("Unicode Text") files are not supported; save the file as "CSV UTF-8 (Comma delimited)" or .xlsx',
  }),
  invalidUtf8: (line: number): Text => ({
    vi: `Tệp có ký tự không đúng bảng mã UTF-8 (từ khoảng dòng ${line}); hãy lưu lại dạng "CSV UTF-8 (Comma delimited)"`,
    en: `The file has characters that are not UTF-8 (from about line ${line}); save it as "CSV UTF-8 (Comma delimited)"`,
  }),
  csvQuote: (line: number): Text => ({
    vi: `Dấu ngoặc kép (") ở dòng ${line} không được đóng hoặc đặt sai chỗ; hãy sửa ô đó rồi lưu lại tệp`,
    en: `A double quote (") on line ${line} is not closed or is misplaced; fix that cell and save the file again`,
  }),
  xlsxCorrupt: (): Text => ({
    vi: 'Tệp Excel bị hỏng hoặc tải lên chưa hết; hãy mở lại bằng Excel, lưu lại và tải lên lần nữa',
    en: 'The Excel file is damaged or was not uploaded completely; open it in Excel, save it and upload it again',
  }),
  noWorksheet: (): Text => ({
    vi: 'Không tìm thấy trang tính nào trong tệp Excel',
    en: 'The Excel file has no worksheet',
  }),
  noHeader: (): Text => ({
    vi: 'Không tìm thấy dòng tiêu đề; dòng đầu cần có tên cột như tệp mẫu (Mã hộ, Họ và tên, Quan hệ với chủ hộ…)',
    en: 'No header row found; the first row must name the columns as in the template (Mã hộ, Họ và tên, Quan hệ với chủ hộ…)',
  }),
  noData: (): Text => ({
    vi: 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào',
    en: 'The file has a header row but no data rows',
  }),
  missingColumns: (headers: readonly string[]): Text => ({
    vi: `Thiếu cột bắt buộc: ${headers.join(', ')}; hãy thêm cột hoặc chọn cột tương ứng`,
    en: `Required columns are missing: ${headers.join(', ')}; add them or choose the matching columns`,
  }),
  invalidMapping: (): Text => ({
    vi: 'Cách ghép cột không hợp lệ: mỗi trường cần một cột khác nhau trong tệp',
    en: 'Invalid column mapping: each field needs a different column of the file',
  }),
  readFailed: (): Text => ({
    vi: 'Không đọc được tệp; hãy thử tải lên lại',
    en: 'The file could not be read; try uploading it again',
  }),
};

export const cellMessages = {
  formula: (): Text => ({
    vi: 'Ô chứa công thức, hãy dán giá trị (Paste Values) thay cho công thức',
    en: 'The cell holds a formula; paste its value instead (Paste Values)',
  }),
  excelError: (error: string): Text => ({
    vi: `Ô có lỗi Excel ${error}`,
    en: `The cell holds the Excel error ${error}`,
  }),
  tooLong: (max: number): Text => ({
    vi: `Nội dung ô dài quá ${max} ký tự`,
    en: `The cell is longer than ${max} characters`,
  }),
  controlCharacter: (): Text => ({
    vi: 'Ô có ký tự điều khiển không hợp lệ',
    en: 'The cell contains an invalid control character',
  }),
  unknownCategories: (parts: readonly string[]): Text => ({
    vi: `Diện hộ không có trong danh mục: ${parts.join('; ')}`,
    en: `Unknown household categories: ${parts.join('; ')}`,
  }),
};

export const householdMessages = {
  noHead: (code: string): Text => ({
    vi: `Hộ ${code} chưa có chủ hộ (cần đúng một người ghi "Chủ hộ")`,
    en: `Household ${code} has no head (exactly one person must be "Chủ hộ")`,
  }),
  severalHeads: (code: string, rows: readonly number[]): Text => ({
    vi: `Hộ ${code} có ${rows.length} chủ hộ (dòng ${rows.join(', ')}); mỗi hộ chỉ có một chủ hộ`,
    en: `Household ${code} has ${rows.length} heads (rows ${rows.join(', ')}); a household has one head`,
  }),
  duplicateRow: (row: number): Text => ({
    vi: `Dòng này trùng với dòng ${row}`,
    en: `This row repeats row ${row}`,
  }),
  samePerson: (row: number): Text => ({
    vi: `Trùng người với dòng ${row} (cùng họ tên và ngày sinh)`,
    en: `Same person as row ${row} (same name and birth date)`,
  }),
  sameCitizenId: (row: number): Text => ({
    vi: `Số CCCD trùng với dòng ${row} của cùng hộ`,
    en: `The citizen ID repeats row ${row} of the same household`,
  }),
  citizenIdInOtherHousehold: (code: string, row: number): Text => ({
    vi: `Số CCCD này cũng có ở hộ ${code} (dòng ${row}); một người chỉ thuộc một hộ`,
    en: `This citizen ID is also in household ${code} (row ${row}); a person belongs to one household`,
  }),
  conflict: (label: Text, row: number): Text => ({
    vi: `${label.vi} khác với dòng ${row} của cùng hộ`,
    en: `${label.en} differs from row ${row} of the same household`,
  }),
  addressLabel: { vi: 'Địa chỉ', en: 'The address' },
  residentialGroupLabel: { vi: 'Tổ dân phố', en: 'The residential group' },
};

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}

export type HouseholdFileErrorCode =
  | 'file.empty'
  | 'file.too_large'
  | 'file.too_many_rows'
  | 'file.xls'
  | 'file.unsupported'
  | 'file.legacy_encoding'
  | 'file.utf16'
  | 'file.invalid_utf8'
  | 'file.csv_quote'
  | 'file.xlsx_corrupt'
  | 'file.no_worksheet'
  | 'file.no_header'
  | 'file.no_data'
  | 'file.missing_columns'
  | 'file.invalid_mapping'
  | 'file.read_failed';

/** A problem with the file as a whole: nothing of it can be imported until it is fixed. */
export class HouseholdFileError extends Error {
  readonly messageEn: string;

  constructor(
    readonly code: HouseholdFileErrorCode,
    text: Text,
    /** Line or row of the file the problem was found on, when there is one. */
    readonly line?: number,
  ) {
    super(text.vi);
    this.name = 'HouseholdFileError';
    this.messageEn = text.en;
  }

  toJSON(): FileProblem {
    return {
      code: this.code,
      message: this.message,
      messageEn: this.messageEn,
      ...(this.line ? { line: this.line } : {}),
    };
  }
}

export type FileProblem = { code: HouseholdFileErrorCode; message: string; messageEn: string; line?: number };

/** Texts of the import into the register (the ward, the date, the upload, the job). */
export const importMessages = {
  wardNotFound: (code: string): Text => ({
    vi: `Không tìm thấy phường, xã có mã ${code}`,
    en: `No ward or commune has the code ${code}`,
  }),
  notAWard: (code: string): Text => ({
    vi: `Đơn vị ${code} không phải phường, xã hay đặc khu; hãy nhập vào một phường, xã`,
    en: `Unit ${code} is not a ward, commune or special zone; import into a ward or commune`,
  }),
  wardNotOnDate: (name: string, at: string, from: string, to: string | null): Text => ({
    vi: `${name} không còn hiệu lực vào ngày ${formatDate(at)} (từ ${formatDate(from)}${to ? ` đến hết ${formatDate(previousDay(to))}` : ''}); hãy chọn ngày dữ liệu (at) trong khoảng đó`,
    en: `${name} was not in force on ${at} (from ${from}${to ? ` until ${previousDay(to)}` : ''}); choose a date (at) within that period`,
  }),
  unknownGroup: (name: string, ward: string, at: string): Text => ({
    vi: `Không có tổ dân phố "${name}" trong ${ward} vào ngày ${formatDate(at)}`,
    en: `No residential group "${name}" in ${ward} on ${at}`,
  }),
  groupRequired: (code: string): Text => ({
    vi: `Hộ ${code} chưa có trong sổ: cần ghi tổ dân phố`,
    en: `Household ${code} is new to the register: its residential group is required`,
  }),
  noFile: (): Text => ({
    vi: 'Chưa có tệp: hãy gửi tệp trong trường "file" (multipart/form-data)',
    en: 'No file: send it in the "file" field (multipart/form-data)',
  }),
  notMultipart: (): Text => ({
    vi: 'Yêu cầu cần dạng multipart/form-data với tệp trong trường "file"',
    en: 'The request must be multipart/form-data with the file in the "file" field',
  }),
  tooManyParts: (): Text => ({
    vi: 'Chỉ gửi một tệp (trường "file") và trường "mapping" nếu cần',
    en: 'Send one file ("file") and, if needed, the "mapping" field',
  }),
  invalidMappingJson: (): Text => ({
    vi: 'Trường "mapping" phải là JSON dạng {"trường": số thứ tự cột}, ví dụ {"householdCode": 0, "fullName": 3}',
    en: 'The "mapping" field must be JSON {"field": column index}, e.g. {"householdCode": 0, "fullName": 3}',
  }),
  strictRefused: (rows: number): Text => ({
    vi: `Có ${rows} dòng thuộc hộ có lỗi; chế độ "không nhập gì nếu có lỗi" nên chưa ghi gì. Hãy sửa theo báo cáo lỗi rồi nhập lại`,
    en: `${rows} rows belong to households with errors; strict mode wrote nothing. Fix them from the error report and import again`,
  }),
  nothingValid: (): Text => ({
    vi: 'Không có hộ nào hợp lệ để nhập; xem báo cáo lỗi',
    en: 'No valid household to import; see the error report',
  }),
  checked: (valid: number, invalid: number): Text => ({
    vi: `Đã kiểm tra: ${valid} hộ hợp lệ, ${invalid} hộ có lỗi; chưa ghi gì`,
    en: `Checked: ${valid} valid households, ${invalid} with errors; nothing written`,
  }),
  writeFailed: (): Text => ({
    vi: 'Lỗi khi ghi vào sổ; không có dữ liệu nào của tệp được ghi. Hãy thử lại, nếu vẫn lỗi hãy báo quản trị',
    en: 'Writing to the register failed; nothing of the file was written. Try again, and tell the administrator if it persists',
  }),
  interrupted: (): Text => ({
    vi: 'Việc nhập bị gián đoạn (máy chủ đã dừng); không có dữ liệu nào của tệp được ghi. Hãy nhập lại',
    en: 'The import was interrupted (the server stopped); nothing of the file was written. Import it again',
  }),
  dataKeyMissing: (): Text => ({
    vi: 'Chưa cấu hình khóa mã hóa dữ liệu (DOANKET_DATA_KEY): không thể lưu số CCCD',
    en: 'No data key is configured (DOANKET_DATA_KEY): citizen IDs cannot be stored',
  }),
};

export type HouseholdImportErrorCode =
  | 'import.ward_not_found'
  | 'import.not_a_ward'
  | 'import.ward_not_on_date'
  | 'import.no_file'
  | 'import.not_multipart'
  | 'import.too_many_parts'
  | 'import.invalid_mapping';

/** A refused import request, answered with its own code and both languages. */
export class HouseholdImportError extends Error {
  readonly messageEn: string;

  constructor(
    readonly code: HouseholdImportErrorCode | HouseholdFileErrorCode,
    readonly statusCode: 400 | 404 | 413 | 415,
    text: Text,
  ) {
    super(text.vi);
    this.name = 'HouseholdImportError';
    this.messageEn = text.en;
  }
}
