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
} as const satisfies Record<string, { vi: string; en: string }>;
