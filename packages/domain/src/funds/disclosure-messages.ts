/** Messages of public disclosure and disclosure due dates (keys start with "public.", "disclosures."). */
export const disclosureMessages = {
  'public.campaign_not_found': {
    vi: 'Không tìm thấy cuộc vận động có mã này. Hãy kiểm tra lại mã in trên thông báo hoặc biên nhận.',
    en: 'No campaign has this code. Check the code printed on the notice or the receipt.',
  },
  'public.fund_not_found': {
    vi: 'Không tìm thấy quỹ này. Đường dẫn có thể đã bị gõ sai.',
    en: 'No such fund. The link may have been mistyped.',
  },
  'public.entry_not_found': {
    vi: 'Không tìm thấy bút toán này trong sổ quỹ. Mã QR hoặc đường dẫn có thể đã bị sai.',
    en: 'No such entry in the fund’s ledger. The QR code or the link may be wrong.',
  },
  'public.unit_not_found': {
    vi: 'Không tìm thấy đơn vị có mã này',
    en: 'No unit has this code',
  },
  'disclosures.not_found': { vi: 'Không tìm thấy đợt công khai', en: 'No such disclosure' },
  'disclosures.subject_required': {
    vi: 'Chọn đúng một đối tượng công khai: một quỹ, một cuộc vận động hoặc một chương trình hỗ trợ',
    en: 'Give exactly one subject: a fund, a campaign or a support programme',
  },
  'disclosures.subject_not_found': {
    vi: 'Không tìm thấy quỹ, cuộc vận động hoặc chương trình được công khai',
    en: 'The fund, campaign or programme to disclose was not found',
  },
  'disclosures.already_published': {
    vi: 'Đợt công khai này đã được ghi nhận ngày công khai',
    en: 'This disclosure has already been published',
  },
  'disclosures.published_before_decision': {
    vi: 'Ngày công khai không được trước ngày quyết định',
    en: 'A disclosure cannot be published before its decision',
  },
  'disclosures.published_in_future': {
    vi: 'Ngày công khai không được sau ngày hôm nay',
    en: 'The publication date cannot be later than today',
  },
  'disclosures.title.blank': {
    vi: 'Cần ghi nội dung công khai',
    en: 'A disclosure needs a title',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
