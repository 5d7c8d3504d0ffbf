import { bankMessages } from '../funds/bank-messages';
import { disclosureMessages } from '../funds/disclosure-messages';
import { donationsMessages } from '../funds/donations-messages';
import { figuresMessages } from '../funds/figures-messages';
import { fundMessages } from '../funds/messages';
import { programsMessages } from '../funds/programs-messages';
import { householdApiMessages } from '../households/messages';
import { planMessages } from '../plans/messages';
import { reportMessages } from '../plans/report-messages';
import { teamMessages } from '../teams/messages';

/** Bilingual texts that contracts and the API use by key; Vietnamese first. */
export const messages = {
  'validation.invalid': { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  'text.control_character': {
    vi: 'Có ký tự điều khiển không hợp lệ (NUL)',
    en: 'Contains an invalid control character (NUL)',
  },
  'date.invalid': {
    vi: 'Ngày không hợp lệ, cần dạng YYYY-MM-DD',
    en: 'Invalid date, expected YYYY-MM-DD',
  },
  'unit.code.invalid': {
    vi: 'Mã đơn vị chỉ gồm chữ số, chữ cái, dấu chấm hoặc gạch ngang',
    en: 'A unit code has only digits, letters, dots or dashes',
  },
  'name.blank': { vi: 'Tên không được để trống', en: 'Name must not be blank' },
  'username.invalid': {
    vi: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch dưới',
    en: 'A username has 3–40 lower-case letters, digits, dots or underscores',
  },
  'password.weak': {
    vi: 'Mật khẩu cần ít nhất 10 ký tự',
    en: 'A password needs at least 10 characters',
  },
  'auth.required': { vi: 'Cần đăng nhập', en: 'Login required' },
  'auth.invalid': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  'auth.rate_limited': {
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút',
    en: 'Too many failed logins, try again in a few minutes',
  },
  'auth.wrong_current_password': {
    vi: 'Mật khẩu hiện tại không đúng',
    en: 'The current password is wrong',
  },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này trên đơn vị này',
    en: 'You are not allowed to do this on this unit',
  },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  'unit.not_found': {
    vi: 'Không tìm thấy đơn vị có mã này vào ngày đã chọn',
    en: 'No unit with this code on the chosen date',
  },
  'unit.parent_not_ward': {
    vi: 'Tổ dân phố phải thuộc một phường, xã hoặc đặc khu',
    en: 'A residential group must belong to a ward, commune or special zone',
  },
  'unit.not_residential_group': {
    vi: 'Chỉ tổ dân phố, thôn, ấp, bản được thêm, đổi tên, chuyển hoặc giải thể tại đây; đơn vị hành chính lấy từ danh mục chính thức',
    en: 'Only residential groups are changed here; administrative units come from the official lists',
  },
  'unit.date_outside_validity': {
    vi: 'Ngày thay đổi phải nằm trong thời gian hiệu lực của đơn vị',
    en: 'The date of the change must fall within the unit’s validity',
  },
  'unit.change_before_version': {
    vi: 'Ngày giải thể phải sau ngày bắt đầu của phiên bản hiện tại',
    en: 'A group can be closed only after the day its current version began',
  },
  'unit.same_parent': {
    vi: 'Tổ đã thuộc đơn vị này',
    en: 'The group already belongs to this unit',
  },
  'unit.duplicate_name': {
    vi: 'Đơn vị cha đã có một tổ cùng tên vào ngày này',
    en: 'The parent already has a group with this name on that date',
  },
  'user.username_taken': {
    vi: 'Tên đăng nhập đã được dùng',
    en: 'This username is already taken',
  },
  'user.cannot_grant_admin': {
    vi: 'Chỉ quản trị hệ thống được cấp quyền quản trị hệ thống',
    en: 'Only a system administrator can grant system administration',
  },
  'user.unit_required': {
    vi: 'Vai trò này cần gắn với một đơn vị',
    en: 'This role must be granted on a unit',
  },
  'user.cannot_remove_own_admin': {
    vi: 'Không thể tự gỡ quyền quản trị hoặc khóa tài khoản của chính mình',
    en: 'You cannot remove your own administration role or deactivate yourself',
  },
  'user.use_password_change': {
    vi: 'Đổi mật khẩu của chính mình tại mục Đổi mật khẩu, có nhập mật khẩu hiện tại',
    en: 'Change your own password with the change-password form, giving the current one',
  },
  internal: {
    vi: 'Lỗi hệ thống, vui lòng thử lại',
    en: 'Internal error, please try again',
  },
  ...householdApiMessages,
  ...teamMessages,
  ...fundMessages,
  ...donationsMessages,
  ...bankMessages,
  ...programsMessages,
  ...disclosureMessages,
  ...figuresMessages,
  ...planMessages,
  ...reportMessages,
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}
