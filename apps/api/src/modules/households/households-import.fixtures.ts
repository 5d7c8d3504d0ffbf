import { importColumns } from '@doanket/domain';
import ExcelJS from 'exceljs';

/** Files and requests for the import tests. */

export const templateHeaders = importColumns.map((column) => column.header);

export type FileRow = {
  code: string;
  group?: string;
  address?: string;
  name: string;
  relation: string;
  sex?: string;
  birth?: string;
  citizenId?: string;
  phone?: string;
  categories?: string;
};

export const cells = (row: FileRow): string[] => [
  row.code,
  row.group ?? '',
  row.address ?? '',
  row.name,
  row.relation,
  row.sex ?? '',
  row.birth ?? '',
  row.citizenId ?? '',
  row.phone ?? '',
  row.categories ?? '',
];

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvFile(
  rows: readonly FileRow[],
  options: { bom?: boolean; headers?: string[] } = {},
): Buffer {
  const lines = [(options.headers ?? templateHeaders).map(csvCell).join(',')];
  for (const row of rows) lines.push(cells(row).map(csvCell).join(','));
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxFile(
  rows: readonly unknown[][],
  setup?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hộ gia đình');
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body as a browser sends it, for Fastify inject. */
export async function multipart(
  file: Buffer | null,
  fileName = 'ho-gia-dinh.csv',
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file]), fileName);
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type')! },
  };
}

/** Two households of people whose ID numbers agree with their sex and birth year. */
export const family = {
  an: {
    code: 'HK001',
    group: 'Tổ dân phố số 1',
    address: 'Số 12 ngõ 34 phố Đông Ngạc',
    name: 'Nguyễn Văn An',
    relation: 'Chủ hộ',
    sex: 'Nam',
    birth: '15/05/1975',
    citizenId: '001075012345',
    phone: '0912345678',
    categories: 'Hộ cận nghèo',
  },
  binh: {
    code: 'HK001',
    group: 'Tổ dân phố số 1',
    address: 'Số 12 ngõ 34 phố Đông Ngạc',
    name: 'Trần Thị Bình',
    relation: 'Vợ',
    sex: 'Nữ',
    birth: '02/09/1978',
    citizenId: '001178023456',
  },
  chau: {
    code: 'HK001',
    group: 'Tổ dân phố số 1',
    address: 'Số 12 ngõ 34 phố Đông Ngạc',
    name: 'Nguyễn Minh Châu',
    relation: 'Con',
    sex: 'Nữ',
    birth: '20/11/2008',
  },
  dung: {
    code: 'HK002',
    group: 'TDP 2',
    address: 'Số 7 ngõ 36 phố Đông Ngạc',
    name: 'Lê Thị Dung',
    relation: 'Chủ hộ',
    sex: 'Nữ',
    birth: '1950',
    citizenId: '036150045678',
    phone: '0243 826 4321',
    categories: 'Gia đình liệt sĩ; Người cao tuổi cô đơn',
  },
  duc: {
    code: 'HK002',
    group: 'TDP 2',
    address: 'Số 7 ngõ 36 phố Đông Ngạc',
    name: 'Phạm Văn Đức',
    relation: 'Cháu',
    sex: 'Nam',
    birth: '03/04/2012',
  },
} satisfies Record<string, FileRow>;
