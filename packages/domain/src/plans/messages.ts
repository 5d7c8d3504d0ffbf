/** Messages of plans, indicators and the year-end report (keys start with "plans.", "indicators.", "reports."). */
export const planMessages = {
  'plans.not_found': { vi: 'Không tìm thấy kế hoạch', en: 'No such plan' },
  'plans.exists': {
    vi: 'Đơn vị đã có kế hoạch cho năm này',
    en: 'The unit already has a plan for that year',
  },
  'plans.unit_not_in_year': {
    vi: 'Đơn vị không tồn tại trong năm của kế hoạch',
    en: 'The unit did not exist in the plan’s year',
  },
  'plans.target.range_order': {
    vi: 'Khoảng chỉ tiêu không hợp lệ: giá trị đầu phải nhỏ hơn hoặc bằng giá trị cuối',
    en: 'Invalid range: its lower bound must not exceed its upper bound',
  },
  'plans.target.percentage_range': {
    vi: 'Chỉ tiêu tỷ lệ phải từ 0 đến 100%',
    en: 'A percentage target lies between 0 and 100%',
  },
  'plans.target.negative': {
    vi: 'Chỉ tiêu phải là số không âm',
    en: 'A target is a non-negative number',
  },
  'plans.target.max_needed': {
    vi: 'Chỉ tiêu dạng khoảng cần giá trị cuối (ví dụ 2–3)',
    en: 'A range target needs its upper bound (e.g. 2–3)',
  },
  'plans.target.not_below': {
    vi: 'Chỉ giao chỉ tiêu cho đơn vị trực thuộc đơn vị lập kế hoạch',
    en: 'Targets go to units below the plan’s unit',
  },
  'plans.indicator_unknown': {
    vi: 'Không có chỉ tiêu này trong danh mục',
    en: 'No such indicator in the library',
  },
  'plans.indicator_not_in_plan': {
    vi: 'Kế hoạch không có chỉ tiêu này',
    en: 'The plan has no such indicator',
  },
  'plans.indicator_duplicate': {
    vi: 'Một chỉ tiêu chỉ được đưa vào kế hoạch một lần',
    en: 'An indicator appears once in a plan',
  },
  'plans.value.computed': {
    vi: 'Chỉ tiêu này được tính từ dữ liệu, không nhập tay',
    en: 'This indicator is computed from the records, not entered',
  },
  'plans.value.out_of_range': {
    vi: 'Giá trị ngoài khoảng cho phép (tỷ lệ từ 0 đến 100%, số lượng và số tiền không âm, số lượng là số nguyên)',
    en: 'Value out of range (percentages 0–100%, counts and amounts non-negative, counts whole)',
  },
  'plans.value.evidence': {
    vi: 'Tệp minh chứng phải là PDF, ảnh JPEG/PNG hoặc tài liệu Word/Excel, tối đa 5 MB',
    en: 'Evidence is a PDF, a JPEG/PNG image or a Word/Excel document of at most 5 MB',
  },
  'indicators.key_taken': {
    vi: 'Mã chỉ tiêu đã được dùng',
    en: 'That indicator key is already in use',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
