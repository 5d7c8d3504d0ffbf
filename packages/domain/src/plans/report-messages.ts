/** Messages of the year-end report (keys start with "reports."). */
export const reportMessages = {
  'reports.format.invalid': {
    vi: 'Định dạng phải là docx, pdf hoặc xlsx',
    en: 'The format must be docx, pdf or xlsx',
  },
  'reports.year.invalid': { vi: 'Năm không hợp lệ (2000–2100)', en: 'Invalid year (2000–2100)' },
  'reports.unit_not_in_year': {
    vi: 'Đơn vị không tồn tại trong năm báo cáo',
    en: 'The unit did not exist in the report’s year',
  },
  'reports.year.future': {
    vi: 'Năm báo cáo không được sau năm tới',
    en: 'The report’s year cannot be later than next year',
  },
  'reports.date.out_of_range': {
    vi: 'Ngày báo cáo phải thuộc năm báo cáo hoặc năm sau đó, và không sau năm tới',
    en: 'The report’s date must be in the report’s year or the one after, and not after next year',
  },
  'reports.text.single_line': { vi: 'Chỉ được viết trên một dòng', en: 'Must fit on one line' },
  'reports.section.unknown': { vi: 'Không có phần này trong báo cáo', en: 'The report has no such section' },
} as const;
