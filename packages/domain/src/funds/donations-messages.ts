/** Messages of donations, pledges and receipts (keys start with "donations.", "pledges."). */
export const donationsMessages = {
  'donations.items_required': {
    vi: 'Ủng hộ bằng hiện vật cần liệt kê hiện vật, số lượng và giá trị',
    en: 'A donation in kind lists its items, quantities and values',
  },
  'donations.in_kind_needs_campaign': {
    vi: 'Hiện vật được tiếp nhận theo một cuộc vận động (để quản lý kho)',
    en: 'Items are received under a campaign (which keeps their stock)',
  },
  'donations.items_total': {
    vi: 'Số tiền phải bằng tổng giá trị các hiện vật',
    en: 'The amount must equal the total value of the items',
  },
  'donations.items_only_in_kind': {
    vi: 'Chỉ ủng hộ bằng hiện vật mới có danh sách hiện vật',
    en: 'Only a donation in kind has items',
  },
  'donations.donor_name_required': {
    vi: 'Cần ghi tên người, cơ quan hoặc doanh nghiệp ủng hộ',
    en: 'The donor’s name is required for a person, an organisation or a company',
  },
  'donations.household_required': {
    vi: 'Chọn hộ gia đình trong sổ hộ',
    en: 'Choose the household from the register',
  },
  'donations.household_only': {
    vi: 'Chỉ người ủng hộ là hộ gia đình mới gắn với một hộ trong sổ',
    en: 'Only a household donor is linked to a household of the register',
  },
  'donations.household_not_found': {
    vi: 'Không tìm thấy hộ gia đình này trong sổ hộ của đơn vị quản lý quỹ',
    en: 'No such household in the register of the fund’s unit',
  },
  'donations.quantity': {
    vi: 'Số lượng là số nguyên dương (tối đa 10 triệu)',
    en: 'A quantity is a positive whole number (at most 10 million)',
  },
  'donations.list_scope': {
    vi: 'Chọn quỹ, cuộc vận động hoặc đơn vị',
    en: 'Choose a fund, a campaign or a unit',
  },
  'donations.not_found': { vi: 'Không tìm thấy khoản ủng hộ', en: 'No such donation' },
  'donations.outside_receiving_period': {
    vi: 'Ngày nhận nằm ngoài thời gian tiếp nhận của cuộc vận động (Nghị định 93/2021); nếu có căn cứ cho thời gian dài hơn, hãy ghi căn cứ vào cuộc vận động',
    en: 'The date falls outside the campaign’s receiving period (decree 93/2021); record a legal basis on the campaign for a longer one',
  },
  'donations.received_in_future': {
    vi: 'Ngày nhận không được sau ngày hôm nay',
    en: 'The date received cannot be after today',
  },
  'donations.already_cancelled': {
    vi: 'Khoản ủng hộ này đã bị hủy',
    en: 'This donation has already been cancelled',
  },
  'donations.pledge_not_found': {
    vi: 'Không tìm thấy cam kết ủng hộ này',
    en: 'No such pledge',
  },
  'donations.pledge_mismatch': {
    vi: 'Cam kết ủng hộ thuộc quỹ hoặc cuộc vận động khác',
    en: 'The pledge belongs to another fund or campaign',
  },
  'donations.idempotency_key_invalid': {
    vi: 'Khóa chống ghi trùng (Idempotency-Key) gồm 1–200 ký tự in được, không có dấu cách',
    en: 'An Idempotency-Key has 1–200 visible characters, without spaces',
  },
  'donations.idempotency_key_reused': {
    vi: 'Khóa chống ghi trùng này đã được dùng cho một yêu cầu khác; hãy tạo khóa mới cho khoản ủng hộ mới',
    en: 'This Idempotency-Key was used for another request; use a new key for a new donation',
  },
  'pledges.due_before': {
    vi: 'Hạn thực hiện không được trước ngày cam kết',
    en: 'The due date cannot come before the pledge',
  },
  'pledges.list_scope': {
    vi: 'Chọn quỹ hoặc cuộc vận động',
    en: 'Choose a fund or a campaign',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
