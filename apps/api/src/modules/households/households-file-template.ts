import { importColumns } from '@doanket/domain';
import ExcelJS from 'exceljs';

// Two households of invented people whose ID numbers agree with their sex and birth year.
const examples: readonly (readonly string[])[] = [
  [
    'HK001',
    'Tổ dân phố số 5',
    'Số 12 ngõ 34 phố Đông Ngạc',
    'Nguyễn Văn An',
    'Chủ hộ',
    'Nam',
    '15/05/1975',
    '001075012345',
    '0912345678',
    'Hộ cận nghèo',
  ],
  [
    'HK001',
    'Tổ dân phố số 5',
    'Số 12 ngõ 34 phố Đông Ngạc',
    'Trần Thị Bình',
    'Vợ',
    'Nữ',
    '02/09/1978',
    '001178023456',
    '',
    '',
  ],
  [
    'HK001',
    'Tổ dân phố số 5',
    'Số 12 ngõ 34 phố Đông Ngạc',
    'Nguyễn Minh Châu',
    'Con',
    'Nữ',
    '20/11/2008',
    '001308034567',
    '',
    '',
  ],
  [
    'HK002',
    'Tổ dân phố số 5',
    'Số 7 ngõ 36 phố Đông Ngạc',
    'Lê Thị Dung',
    'Chủ hộ',
    'Nữ',
    '1950',
    '036150045678',
    '0243 826 4321',
    'Gia đình liệt sĩ; Người cao tuổi cô đơn',
  ],
  [
    'HK002',
    'Tổ dân phố số 5',
    'Số 7 ngõ 36 phố Đông Ngạc',
    'Phạm Văn Đức',
    'Cháu',
    'Nam',
    '03/04/2012',
    '',
    '',
    '',
  ],
];

const widths: Record<string, number> = {
  householdCode: 10,
  residentialGroup: 18,
  address: 32,
  fullName: 24,
  relation: 18,
  sex: 10,
  birthDate: 14,
  citizenId: 16,
  phone: 16,
  categories: 36,
};

/** The import template: the exact headers, two example households, text columns where Excel would mangle values. */
export async function householdTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Đoàn Kết';
  const sheet = workbook.addWorksheet('Hộ gia đình', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((column) => ({
    header: column.header,
    key: column.field,
    width: widths[column.field] ?? 16,
    // Text, so dates stay dd/mm/yyyy and ID numbers keep their leading zero.
    style: ['birthDate', 'citizenId', 'phone', 'householdCode'].includes(column.field) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const example of examples) sheet.addRow([...example]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
