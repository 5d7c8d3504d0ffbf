/** Messages of the households, persons and import API (keys start with "households.", "persons.", "imports."). */
export const householdApiMessages = {
  'residents.data_key_missing': {
    vi: 'Chưa cấu hình khóa mã hóa dữ liệu (DOANKET_DATA_KEY): không thể lưu hay đọc dữ liệu cá nhân nhạy cảm',
    en: 'No data key is configured (DOANKET_DATA_KEY): sensitive personal data cannot be stored or read',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
