/** Messages of the figures part of funds. */
export const figuresMessages = {
  'figures.year.invalid': {
    vi: 'Năm không hợp lệ (từ 2000 đến 2100)',
    en: 'Invalid year (2000 to 2100)',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
