/** Messages of the bank part of funds (keys start with "bank."). */
export const bankMessages = {
  'bank.no_account': {
    vi: 'Quỹ của cuộc vận động chưa khai báo tài khoản ngân hàng đang dùng, nên chưa có mã VietQR',
    en: 'The campaign’s fund has no bank account in use, so there is no VietQR code yet',
  },
  'bank.account_not_of_fund': {
    vi: 'Tài khoản ngân hàng này không phải của quỹ',
    en: 'This bank account does not belong to the fund',
  },
  'bank.account_required': {
    vi: 'Quỹ có nhiều tài khoản ngân hàng; hãy chọn tài khoản của sao kê',
    en: 'The fund has several bank accounts; choose the statement’s account',
  },
  'bank.line_not_found': { vi: 'Không tìm thấy dòng sao kê', en: 'No such statement line' },
  'bank.line_decided': {
    vi: 'Dòng sao kê này đã được xử lý trước đó',
    en: 'This statement line has already been decided',
  },
  'bank.donor_name_required': {
    vi: 'Cần ghi tên người ủng hộ (hoặc chọn "Ẩn danh")',
    en: 'Give the donor’s name (or choose "anonymous")',
  },
  'bank.note_required': {
    vi: 'Cần ghi lý do bỏ qua dòng sao kê',
    en: 'Give the reason for ignoring the line',
  },
  'bank.statement.invalid': {
    vi: 'Tệp sao kê không hợp lệ; không có gì được ghi nhận',
    en: 'The bank statement is not valid; nothing was recorded',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
