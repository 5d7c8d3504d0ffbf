import { residentMessages } from '../residents/messages';

/** Messages of the households, persons and import API (keys start with "households.", "persons.", "imports."). */
export const householdApiMessages = {
  // The parsers' messages, so that API field errors can name the same problems by key.
  ...residentMessages,
  'residents.data_key_missing': {
    vi: 'Chưa cấu hình khóa mã hóa dữ liệu (DOANKET_DATA_KEY): không thể lưu hay đọc dữ liệu cá nhân nhạy cảm',
    en: 'No data key is configured (DOANKET_DATA_KEY): sensitive personal data cannot be stored or read',
  },
  'households.not_found': { vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' },
  'households.code_invalid': {
    vi: 'Mã hộ gồm 1–40 ký tự trên một dòng',
    en: 'A household code has 1–40 characters on one line',
  },
  'households.code_taken': {
    vi: 'Mã hộ này đã có trong phường, xã',
    en: 'This household code is already used in the ward',
  },
  'households.group_not_found': {
    vi: 'Không có tổ dân phố, thôn với mã này vào ngày đã chọn',
    en: 'No residential group with this code on that date',
  },
  'households.one_head': {
    vi: 'Hộ phải có đúng một chủ hộ',
    en: 'A household must have exactly one head',
  },
  'households.head_exists': {
    vi: 'Hộ đã có chủ hộ; hãy đổi quan hệ của chủ hộ hiện tại trước',
    en: 'The household already has a head; change the current head’s relation first',
  },
  'households.not_placed': {
    vi: 'Hộ không thuộc tổ dân phố nào vào ngày này',
    en: 'The household belongs to no residential group on that date',
  },
  'households.same_group': {
    vi: 'Hộ đã thuộc tổ dân phố này vào ngày này',
    en: 'The household already belongs to this residential group on that date',
  },
  'households.category_unknown': {
    vi: 'Diện hộ không có trong danh mục',
    en: 'This household category is not in the list',
  },
  'households.category_code_invalid': {
    vi: 'Mã diện hộ gồm 2–40 chữ thường không dấu, số hoặc gạch dưới, bắt đầu bằng chữ',
    en: 'A category code has 2–40 lower-case letters, digits or underscores, starting with a letter',
  },
  'households.category_code_taken': {
    vi: 'Mã diện hộ này đã có',
    en: 'This category code already exists',
  },
  'households.category_overlap': {
    vi: 'Hộ đã có diện này trong một khoảng thời gian trùng',
    en: 'The household already has this category over an overlapping period',
  },
  'households.category_record_not_found': {
    vi: 'Không tìm thấy bản ghi diện hộ',
    en: 'Category record not found',
  },
  'households.standard_period_missing': {
    vi: 'Không có chuẩn nghèo nào áp dụng vào ngày bắt đầu; hãy chọn giai đoạn chuẩn nghèo',
    en: 'No poverty standard applies on the start date; choose a poverty-standard period',
  },
  'households.standard_period_unknown': {
    vi: 'Giai đoạn chuẩn nghèo không có trong danh mục',
    en: 'Unknown poverty-standard period',
  },
  'households.standard_period_not_applicable': {
    vi: 'Chỉ hộ nghèo và hộ cận nghèo mới ghi giai đoạn chuẩn nghèo',
    en: 'Only poor and near-poor households carry a poverty-standard period',
  },
  'households.period_invalid': {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu',
    en: 'The end date must be after the start date',
  },
  'households.already_ended': {
    vi: 'Bản ghi này đã kết thúc trước ngày đó',
    en: 'This record already ended before that date',
  },
  'households.recognized_needs_registration': {
    vi: 'Chỉ hộ đã đăng ký mới được công nhận gia đình văn hóa',
    en: 'Only a registered household can be recognised as a cultural family',
  },
  'households.year_invalid': {
    vi: 'Năm phải từ 1990 đến 2100',
    en: 'The year must be between 1990 and 2100',
  },
  'households.consent_not_found': { vi: 'Không tìm thấy sự đồng ý', en: 'Consent not found' },
  'households.consent_withdrawn': {
    vi: 'Sự đồng ý này đã được rút',
    en: 'This consent has already been withdrawn',
  },
  'households.withdrawn_before_given': {
    vi: 'Ngày rút không được trước ngày đồng ý',
    en: 'The withdrawal date cannot be before the date consent was given',
  },
  'households.duplicate_not_found': {
    vi: 'Không tìm thấy cặp nghi trùng',
    en: 'Possible duplicate not found',
  },
  'households.text_blank': { vi: 'Không được để trống', en: 'Must not be blank' },
  'persons.not_found': { vi: 'Không tìm thấy nhân khẩu', en: 'Person not found' },
  'persons.name_required': {
    vi: 'Cần họ và tên (hoặc ít nhất tên)',
    en: 'A full name (or at least the given name) is required',
  },
  'persons.head_relation': {
    vi: 'Chủ hộ phải có quan hệ “Chủ hộ”, và chỉ chủ hộ có quan hệ này',
    en: 'The head must have the relation “Head of household”, and only the head has it',
  },
  'persons.birth_year_mismatch': {
    vi: 'Năm sinh không khớp với ngày sinh',
    en: 'The birth year does not match the birth date',
  },
  'persons.birth_year_range': {
    vi: 'Năm sinh phải từ 1890 đến năm nay',
    en: 'The birth year must be between 1890 and this year',
  },
  'persons.reveal_fields': {
    vi: 'Chọn ít nhất một trường cần xem',
    en: 'Choose at least one field to reveal',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type HouseholdApiMessageKey = keyof typeof householdApiMessages;
