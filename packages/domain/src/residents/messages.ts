/** Bilingual texts for the error codes of the residents register parsers; Vietnamese first. */
export const residentMessages = {
  'resident.blank': { vi: 'Ô này đang để trống', en: 'This cell is blank' },
  'resident.citizen_id.characters': {
    vi: 'Số CCCD chỉ gồm chữ số (có thể cách bằng dấu cách hoặc dấu chấm)',
    en: 'A citizen ID has only digits (spaces or dots allowed between them)',
  },
  'resident.citizen_id.length': {
    vi: 'Số CCCD phải có đúng 12 chữ số',
    en: 'A citizen ID has exactly 12 digits',
  },
  'resident.citizen_id.old_cmnd': {
    vi: 'Đây là số CMND 9 số, cần số CCCD 12 số',
    en: 'This is an old 9-digit identity card number; the 12-digit citizen ID is needed',
  },
  'resident.citizen_id.leading_zero_lost': {
    vi: 'Số CCCD thiếu chữ số 0 ở đầu (Excel thường tự bỏ); hãy định dạng cột là Văn bản rồi nhập lại',
    en: 'The citizen ID lost its leading zero (Excel drops it); format the column as Text and enter it again',
  },
  'resident.citizen_id.birth_year_future': {
    vi: 'Năm sinh đọc từ số CCCD nằm trong tương lai',
    en: 'The birth year read from the citizen ID is in the future',
  },
  'resident.citizen_id.sex_mismatch': {
    vi: 'Giới tính không khớp với số CCCD',
    en: 'The sex does not match the citizen ID',
  },
  'resident.citizen_id.birth_year_mismatch': {
    vi: 'Năm sinh không khớp với số CCCD',
    en: 'The birth year does not match the citizen ID',
  },
  'resident.phone.characters': {
    vi: 'Số điện thoại chỉ gồm chữ số, dấu cách, chấm, gạch ngang, ngoặc hoặc +84',
    en: 'A phone number has only digits, spaces, dots, dashes, parentheses or +84',
  },
  'resident.phone.old_mobile': {
    vi: 'Số di động 11 số (01x) cũ đã chuyển sang 10 số từ năm 2018, cần số mới',
    en: 'Old 11-digit mobile numbers (01x) were changed to 10 digits in 2018; the new number is needed',
  },
  'resident.phone.invalid': {
    vi: 'Số điện thoại không hợp lệ: di động 10 số bắt đầu 03, 05, 07, 08, 09; cố định bắt đầu 02',
    en: 'Invalid phone number: mobiles have 10 digits starting 03, 05, 07, 08, 09; landlines start 02',
  },
  'resident.birth_date.format': {
    vi: 'Ngày sinh không đọc được, cần dạng dd/mm/yyyy hoặc năm sinh yyyy',
    en: 'Unreadable birth date, expected dd/mm/yyyy or a year yyyy',
  },
  'resident.birth_date.impossible': {
    vi: 'Ngày sinh không có thật trên lịch',
    en: 'The birth date does not exist in the calendar',
  },
  'resident.birth_date.future': {
    vi: 'Ngày sinh nằm trong tương lai',
    en: 'The birth date is in the future',
  },
  'resident.birth_date.too_old': {
    vi: 'Năm sinh phải từ 1890 trở đi',
    en: 'The birth year must be 1890 or later',
  },
  'resident.sex.unknown': {
    vi: 'Giới tính cần ghi Nam hoặc Nữ',
    en: 'Sex must be Nam (male) or Nữ (female)',
  },
  'resident.sex.numeric_code': {
    vi: 'Giới tính ghi bằng số (0, 1, 2…) không rõ nghĩa; hãy chọn số nào là Nam, số nào là Nữ',
    en: 'Sex written as a number (0, 1, 2…) is ambiguous; say which number means male and which female',
  },
  'resident.relation.unknown': {
    vi: 'Quan hệ với chủ hộ không có trong danh mục',
    en: 'Unknown relation to the head of household',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ResidentMessageKey = keyof typeof residentMessages;

/** What every parser of this folder returns: the value, or one error code with a message above. */
export type ResidentParseResult<T> = { ok: true; value: T } | { ok: false; error: ResidentMessageKey };
