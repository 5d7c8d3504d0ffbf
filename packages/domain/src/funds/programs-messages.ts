/** Messages of support programmes, distributions and in-kind stock (keys start with "programs."). */
export const programsMessages = {
  'programs.not_found': { vi: 'Không tìm thấy chương trình hỗ trợ', en: 'No such support programme' },
  'programs.code.invalid': {
    vi: 'Mã chương trình gồm 3–32 chữ in hoa không dấu, số, gạch ngang',
    en: 'A programme code has 3–32 capital letters, digits or dashes',
  },
  'programs.code_taken': {
    vi: 'Mã chương trình đã được dùng',
    en: 'That programme code is already in use',
  },
  'programs.period_order': {
    vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi',
    en: 'The period must end on or after its start',
  },
  'programs.house_needs_amount': {
    vi: 'Chương trình nhà Đại đoàn kết cần mức hỗ trợ mỗi nhà do cấp mình quy định',
    en: 'A Great Solidarity house programme needs the amount per house set by its level',
  },
  'programs.categories_required': {
    vi: 'Chọn ít nhất một diện hộ được hỗ trợ',
    en: 'Choose at least one household category',
  },
  'programs.category_unknown': {
    vi: 'Diện hộ này không có trong danh mục',
    en: 'This household category is not in the list',
  },
  'programs.unit_kind': {
    vi: 'Chương trình hỗ trợ thuộc một tỉnh, thành phố, quận, huyện hoặc phường, xã',
    en: 'A programme belongs to a province, a district or a ward',
  },
  'programs.fund_unknown': { vi: 'Không tìm thấy quỹ chi trả', en: 'No such paying fund' },
  'programs.fund_not_above': {
    vi: 'Quỹ chi trả phải là quỹ của đơn vị tổ chức chương trình hoặc của cấp trên',
    en: 'The paying fund must belong to the programme’s unit or a unit above it',
  },
  'programs.campaign_unknown': { vi: 'Không tìm thấy cuộc vận động', en: 'No such campaign' },
  'programs.unit_outside': {
    vi: 'Đơn vị này không nằm trong địa bàn của chương trình',
    en: 'This unit is outside the programme’s area',
  },
  'programs.distributions.target_required': {
    vi: 'Chọn các hộ, hoặc đơn vị để thêm mọi hộ đủ điều kiện (chỉ một trong hai)',
    en: 'Choose households, or a unit to add every eligible household (one of the two)',
  },
  'programs.distributions.nothing_to_give': {
    vi: 'Mỗi hộ cần được nhận tiền hoặc hiện vật có giá trị; chương trình chưa có mức hỗ trợ mỗi hộ',
    en: 'Each household must receive money or items of some value; the programme has no amount per household',
  },
  'programs.distributions.household_unknown': {
    vi: 'Không tìm thấy hộ trong sổ hộ',
    en: 'No such household in the register',
  },
  'programs.distributions.outside': {
    vi: 'Hộ không cư trú trong địa bàn của chương trình vào ngày xét',
    en: 'The household did not live in the programme’s area on the eligibility date',
  },
  'programs.distributions.not_eligible': {
    vi: 'Hộ không thuộc diện được hỗ trợ vào ngày xét (có thể thêm ngoại lệ kèm lý do)',
    en: 'The household was not in an eligible category on the eligibility date (an exception needs a reason)',
  },
  'programs.distributions.exists': {
    vi: 'Hộ đã có trong danh sách của chương trình (mỗi hộ chỉ một lần)',
    en: 'The household is already on the programme’s list (once per household)',
  },
  'programs.distributions.override_reason': {
    vi: 'Thêm hộ ngoài diện cần ghi lý do',
    en: 'Adding a household outside the categories needs a reason',
  },
  'programs.distributions.person_household': {
    vi: 'Người nhận phải là thành viên của hộ, và chỉ ghi khi thêm đúng một hộ',
    en: 'The recipient must be a member of the household, and is given only with one household',
  },
  'programs.distributions.not_found': {
    vi: 'Không tìm thấy dòng chi trả',
    en: 'No such distribution',
  },
  'programs.distributions.already_paid': {
    vi: 'Đã chi trả cho hộ này rồi; không chi lần nữa',
    en: 'This household has already been paid; it is not paid twice',
  },
  'programs.distributions.not_paid': {
    vi: 'Chỉ xác nhận đã nhận khi đã chi trả',
    en: 'Receipt is confirmed only after payment',
  },
  'programs.distributions.already_confirmed': {
    vi: 'Hộ đã xác nhận nhận hỗ trợ',
    en: 'Receipt has already been confirmed',
  },
  'programs.distributions.not_planned': {
    vi: 'Chỉ xóa được dòng chưa chi trả',
    en: 'Only a distribution not yet paid can be removed',
  },
  'programs.items_need_campaign': {
    vi: 'Hiện vật được trao từ kho của cuộc vận động; chương trình chưa gắn cuộc vận động',
    en: 'Items are given from a campaign’s stock; the programme has no campaign',
  },
  'programs.items_unknown': {
    vi: 'Kho của cuộc vận động không có hiện vật này',
    en: 'The campaign’s stock has no such item',
  },
  'programs.stock_insufficient': {
    vi: 'Kho hiện vật không đủ để trao',
    en: 'The stock does not hold enough of the items',
  },
  'programs.goods_insufficient': {
    vi: 'Giá trị hiện vật trên sổ của quỹ không đủ',
    en: 'The fund’s books do not hold enough goods',
  },
  'programs.paid_outside_period': {
    vi: 'Ngày chi nằm ngoài thời gian của chương trình',
    en: 'The payment date is outside the programme’s period',
  },
  'programs.confirmed_before_paid': {
    vi: 'Ngày nhận không được trước ngày chi',
    en: 'Receipt cannot come before payment',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
