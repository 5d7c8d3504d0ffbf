/** Messages of the self-governing teams and figures API (keys start with "teams.", "stats."). */
export const teamMessages = {
  'teams.not_found': {
    vi: 'Không tìm thấy tổ tự quản hoặc nhóm tự quản',
    en: 'No such self-governing team or group',
  },
  'teams.unit_kind': {
    vi: 'Tổ, nhóm tự quản chỉ gắn với một phường, xã hoặc một tổ dân phố, thôn',
    en: 'A self-governing team or group belongs to a ward or a residential group',
  },
  'teams.date_outside_team': {
    vi: 'Ngày phải nằm trong thời gian hoạt động của tổ, nhóm',
    en: 'The date must fall within the period the team or group exists',
  },
  'teams.already_closed': {
    vi: 'Tổ, nhóm này đã giải thể',
    en: 'This team or group is already closed',
  },
  'teams.end_before_start': {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu',
    en: 'The end date must come after the start date',
  },
  'teams.already_ended': {
    vi: 'Đã kết thúc trước ngày này',
    en: 'Already ended before this date',
  },
  'teams.member.person_or_name': {
    vi: 'Chọn một nhân khẩu trong sổ hoặc nhập họ tên',
    en: 'Choose a resident of the register or type a name',
  },
  'teams.member.not_found': { vi: 'Không tìm thấy thành viên', en: 'No such member' },
  'teams.member.person_not_found': {
    vi: 'Không tìm thấy nhân khẩu này trong sổ của đơn vị',
    en: 'This resident is not in the register of the unit',
  },
  'teams.member.leader_taken': {
    vi: 'Tổ, nhóm đã có trưởng là {name} trong thời gian này; hãy cho người đó thôi vai trò trước',
    en: '{name} leads this team or group at that time; end that role first',
  },
  'teams.household.not_found': {
    vi: 'Không tìm thấy hộ gia đình',
    en: 'No such household',
  },
  'teams.household.outside_unit': {
    vi: 'Hộ {household} không ở địa bàn của tổ, nhóm vào ngày này',
    en: 'Household {household} does not live in the area of the team or group on that date',
  },
  'teams.household.taken': {
    vi: 'Hộ {household} đã do {kind} “{team}” phụ trách trong thời gian này',
    en: 'Household {household} is already in the care of the {kindEn} “{team}” at that time',
  },
  'teams.household.not_assigned': {
    vi: 'Hộ không do tổ, nhóm phụ trách vào ngày này',
    en: 'The household is not in the care of the team or group on that date',
  },
  'teams.activity.future': {
    vi: 'Ngày hoạt động không được ở sau hôm nay',
    en: 'An activity cannot be dated after today',
  },
  'teams.activity.household_not_in_care': {
    vi: 'Hộ {household} không do tổ, nhóm phụ trách vào ngày hoạt động',
    en: 'Household {household} is not in the care of the team or group on the day of the activity',
  },
  'teams.activity.not_found': { vi: 'Không tìm thấy hoạt động', en: 'No such activity' },
  'teams.photo.invalid': {
    vi: 'Ảnh phải gửi dưới dạng data URL base64 (data:image/jpeg;base64,…)',
    en: 'The photo must be a base64 data URL (data:image/jpeg;base64,…)',
  },
  'teams.photo.type': {
    vi: 'Ảnh phải là tệp JPEG, PNG hoặc WebP',
    en: 'The photo must be a JPEG, PNG or WebP image',
  },
  'teams.photo.too_large': { vi: 'Ảnh tối đa 2 MB', en: 'The photo may be at most 2 MB' },
  'teams.photo.not_found': { vi: 'Hoạt động này không có ảnh', en: 'This activity has no photo' },
  'teams.phone.invalid': {
    vi: 'Số điện thoại không hợp lệ (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09 hoặc số bàn 02…)',
    en: 'Invalid phone number (10-digit mobile starting 03, 05, 07, 08, 09, or a 02… landline)',
  },
  'teams.date_range': {
    vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc',
    en: 'The start date must not come after the end date',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type TeamMessageKey = keyof typeof teamMessages;

/** Both languages of a message with its {placeholders} filled. */
export function teamMessage(
  key: TeamMessageKey,
  params: Record<string, string> = {},
): { vi: string; en: string } {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  return { vi: fill(teamMessages[key].vi), en: fill(teamMessages[key].en) };
}

/** "tổ tự quản" / "nhóm tự quản", as they are named in sentences. */
export const teamKindNames = {
  team: { vi: 'tổ tự quản', en: 'self-governing team' },
  group: { vi: 'nhóm tự quản', en: 'self-governing group' },
} as const;
