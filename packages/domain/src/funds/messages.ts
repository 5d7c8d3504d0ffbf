/** Messages of funds, the ledger and campaigns (keys start with "funds.", "ledger.", "campaigns.", "money."). */
export const fundMessages = {
  'bank.bin.invalid': { vi: 'Mã ngân hàng (BIN) gồm 6 chữ số', en: 'A bank BIN has 6 digits' },
  'bank.account.invalid': {
    vi: 'Số tài khoản gồm 4–19 chữ số hoặc chữ cái',
    en: 'An account number has 4–19 digits or letters',
  },
  'money.invalid': {
    vi: 'Số tiền phải là số nguyên đồng dương, nhỏ hơn 10^15 (một triệu tỷ) đồng',
    en: 'An amount is a positive whole number of đồng below 10^15',
  },
  'funds.not_found': { vi: 'Không tìm thấy quỹ', en: 'No such fund' },
  'funds.name_taken': {
    vi: 'Đơn vị đã có một quỹ cùng tên',
    en: 'The unit already has a fund of that name',
  },
  'funds.unit_kind': {
    vi: 'Quỹ thuộc một tỉnh, thành phố, quận, huyện hoặc phường, xã',
    en: 'A fund belongs to a province, a district or a ward',
  },
  'funds.closed': {
    vi: 'Quỹ đã đóng vào ngày này',
    en: 'The fund is closed on that date',
  },
  'funds.before_opening': {
    vi: 'Ngày ghi sổ trước ngày lập quỹ',
    en: 'The date comes before the fund was opened',
  },
  'funds.bank_account_taken': {
    vi: 'Tài khoản ngân hàng này đã được khai báo cho một quỹ',
    en: 'This bank account is already registered for a fund',
  },
  'funds.transfer.same_fund': {
    vi: 'Quỹ chuyển và quỹ nhận phải khác nhau',
    en: 'The sending and receiving funds must differ',
  },
  'funds.insufficient': {
    vi: 'Số dư của quỹ không đủ',
    en: 'The fund does not hold enough',
  },
  'ledger.entry_not_found': { vi: 'Không tìm thấy bút toán', en: 'No such ledger entry' },
  'ledger.already_reversed': {
    vi: 'Bút toán này đã được đảo trước đó',
    en: 'This entry has already been reversed',
  },
  'ledger.cannot_reverse_reversal': {
    vi: 'Không đảo một bút toán đảo; hãy ghi một bút toán mới',
    en: 'A reversal cannot be reversed; post a new entry',
  },
  'ledger.reason_required': {
    vi: 'Cần ghi lý do đảo bút toán',
    en: 'A reversal needs a reason',
  },
  'ledger.not_balanced': {
    vi: 'Bút toán không cân (tổng Nợ phải bằng tổng Có)',
    en: 'The entry does not balance (debits must equal credits)',
  },
  'campaigns.not_found': { vi: 'Không tìm thấy cuộc vận động', en: 'No such campaign' },
  'campaigns.code_taken': {
    vi: 'Mã cuộc vận động đã được dùng',
    en: 'That campaign code is already in use',
  },
  'campaigns.code.invalid': {
    vi: 'Mã cuộc vận động gồm 3–32 chữ in hoa không dấu, số, gạch ngang',
    en: 'A campaign code has 3–32 capital letters, digits or dashes',
  },
  'campaigns.period_order': {
    vi: 'Ngày kết thúc tiếp nhận phải từ ngày phát động trở đi, hạn phân phối từ ngày kết thúc tiếp nhận trở đi',
    en: 'Receiving must end on or after the launch, distribution on or after the end of receiving',
  },
  'campaigns.decree93.receiving_too_long': {
    vi: 'Thời gian tiếp nhận quá 90 ngày (Nghị định 93/2021); ghi căn cứ pháp lý nếu được phép dài hơn',
    en: 'Receiving lasts over 90 days (decree 93/2021); record the legal basis if longer is allowed',
  },
  'campaigns.decree93.distribution_too_long': {
    vi: 'Phân phối kéo dài quá 20 ngày sau khi kết thúc tiếp nhận (Nghị định 93/2021); ghi căn cứ pháp lý nếu được phép dài hơn',
    en: 'Distribution ends over 20 days after receiving ends (decree 93/2021); record the legal basis if longer is allowed',
  },
  'campaigns.target.not_below': {
    vi: 'Chỉ giao chỉ tiêu cho đơn vị trực thuộc đơn vị phát động',
    en: 'Targets go to units below the unit running the campaign',
  },
  'campaigns.fund_outside': {
    vi: 'Quỹ phải thuộc đơn vị phát động cuộc vận động hoặc đơn vị trực thuộc',
    en: 'The fund must belong to the unit running the campaign or a unit below it',
  },
  'campaigns.outside_period': {
    vi: 'Ngày nhận nằm ngoài thời gian tiếp nhận của cuộc vận động',
    en: 'The date is outside the campaign’s receiving period',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type FundMessageKey = keyof typeof fundMessages;
