/**
 * A synthetic register for the households import benchmark: Vietnamese names in realistic
 * proportions, families of one to six, birth dates that fit the relations, citizen IDs whose
 * century/sex digit and year agree with the person, a few categories. Seeded, so every run
 * writes the same files.
 */
import fs from 'node:fs';
import { importColumns } from '@doanket/domain';
import ExcelJS from 'exceljs';

export type GeneratedFile = { path: string; persons: number; households: number; bytes: number };

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted = ReadonlyArray<readonly [string, number]>;

function picker(next: () => number, table: Weighted) {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = next() * total;
    for (const [value, weight] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return table[table.length - 1]![0];
  };
}

// Shares of family names in Việt Nam (most common first), the rest spread over rarer names.
const familyNames: Weighted = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 1],
  ['Phan', 4.5],
  ['Vũ', 3],
  ['Võ', 0.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trương', 0.8],
  ['Đào', 0.7],
  ['Cao', 0.5],
  ['Mai', 0.5],
  ['Tạ', 0.4],
  ['Kiều', 0.3],
  ['Lương', 0.4],
  ['Chu', 0.3],
  ['Thái', 0.2],
  ['Lưu', 0.3],
  ['Tô', 0.3],
  ['Hà', 0.4],
  ['Quách', 0.1],
];
const maleMiddle: Weighted = [
  ['Văn', 35],
  ['Đức', 8],
  ['Minh', 8],
  ['Quang', 6],
  ['Hữu', 6],
  ['Công', 5],
  ['Thanh', 4],
  ['Ngọc', 3],
  ['Xuân', 3],
  ['Tiến', 3],
  ['Mạnh', 2],
  ['Trọng', 2],
  ['Anh', 2],
  ['Hoàng', 2],
  ['Đình', 4],
  ['Bá', 1],
  ['Thế', 2],
  ['Gia', 2],
  ['Văn Minh', 1],
  ['Duy', 2],
];
const femaleMiddle: Weighted = [
  ['Thị', 40],
  ['Thu', 6],
  ['Ngọc', 6],
  ['Thanh', 5],
  ['Minh', 4],
  ['Phương', 3],
  ['Hồng', 3],
  ['Thúy', 3],
  ['Kim', 3],
  ['Bích', 2],
  ['Hải', 2],
  ['Khánh', 2],
  ['Mai', 2],
  ['Diệu', 1],
  ['Thị Thu', 2],
  ['Thị Ngọc', 1],
  ['Bảo', 2],
  ['Quỳnh', 1],
];
const maleGiven: Weighted = [
  ['An', 3],
  ['Anh', 5],
  ['Bình', 3],
  ['Cường', 3],
  ['Dũng', 4],
  ['Đức', 4],
  ['Giang', 1],
  ['Hải', 4],
  ['Hiếu', 3],
  ['Hoàng', 3],
  ['Hùng', 4],
  ['Hưng', 3],
  ['Huy', 4],
  ['Khánh', 2],
  ['Khoa', 2],
  ['Kiên', 2],
  ['Lâm', 2],
  ['Long', 4],
  ['Lộc', 2],
  ['Minh', 5],
  ['Nam', 5],
  ['Nghĩa', 2],
  ['Phong', 3],
  ['Phúc', 3],
  ['Quân', 3],
  ['Quang', 3],
  ['Sơn', 4],
  ['Tài', 2],
  ['Thắng', 3],
  ['Thành', 4],
  ['Toàn', 2],
  ['Trung', 4],
  ['Tuấn', 5],
  ['Tùng', 3],
  ['Việt', 3],
  ['Vinh', 2],
];
const femaleGiven: Weighted = [
  ['Anh', 5],
  ['Bình', 1],
  ['Chi', 3],
  ['Dung', 3],
  ['Duyên', 2],
  ['Giang', 3],
  ['Hà', 4],
  ['Hạnh', 3],
  ['Hằng', 3],
  ['Hiền', 3],
  ['Hoa', 3],
  ['Huệ', 2],
  ['Hương', 5],
  ['Huyền', 3],
  ['Lan', 4],
  ['Liên', 2],
  ['Linh', 5],
  ['Loan', 2],
  ['Mai', 4],
  ['My', 3],
  ['Nga', 3],
  ['Ngân', 2],
  ['Ngọc', 3],
  ['Nhung', 3],
  ['Oanh', 2],
  ['Phương', 4],
  ['Quỳnh', 3],
  ['Tâm', 2],
  ['Thảo', 4],
  ['Thu', 3],
  ['Thủy', 3],
  ['Trang', 5],
  ['Tuyết', 2],
  ['Uyên', 2],
  ['Vân', 3],
  ['Yến', 3],
];
const streets = [
  'Đông Ngạc',
  'Phạm Văn Đồng',
  'Hoàng Quốc Việt',
  'Cổ Nhuế',
  'Tân Xuân',
  'Đức Thắng',
  'Văn Tiến Dũng',
];
// Provinces of birth registration: mostly the city itself.
const provinces: Weighted = [
  ['001', 70],
  ['034', 5],
  ['036', 5],
  ['030', 4],
  ['035', 4],
  ['037', 3],
  ['038', 3],
  ['040', 3],
  ['026', 3],
];
const categoryTable: Weighted = [
  ['', 86],
  ['Hộ cận nghèo', 3],
  ['Hộ nghèo', 1],
  ['Gia đình chính sách', 2],
  ['Thương binh', 1.5],
  ['Gia đình liệt sĩ', 1.5],
  ['Người khuyết tật', 2],
  ['Người cao tuổi cô đơn', 1.5],
  ['Nạn nhân chất độc da cam', 0.5],
  ['Trẻ em có hoàn cảnh khó khăn', 1],
];

export const groupCount = 40;
export const groupName = (index: number) => `Tổ dân phố số ${index + 1}`;

type Person = { name: string; relation: string; male: boolean; year: number };

/** Rows of the template, household by household, until `persons` rows. */
export function* registerRows(persons: number, seed = 2021): Generator<string[]> {
  const next = random(seed);
  const family = picker(next, familyNames);
  const middle = (male: boolean) => picker(next, male ? maleMiddle : femaleMiddle)();
  const given = (male: boolean) => picker(next, male ? maleGiven : femaleGiven)();
  const province = picker(next, provinces);
  const category = picker(next, categoryTable);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const usedIds = new Set<string>();
  let written = 0;
  let household = 0;
  while (written < persons) {
    household += 1;
    const code = `HK${pad(household, 6)}`;
    const group = groupName(int(0, groupCount - 1));
    const address = `Số ${int(1, 200)} ngõ ${int(1, 120)} phố ${streets[int(0, streets.length - 1)]}`;
    const size = picker(next, [
      ['1', 10],
      ['2', 20],
      ['3', 25],
      ['4', 28],
      ['5', 12],
      ['6', 5],
    ])();
    const members: Person[] = [];
    const headMale = next() < 0.7;
    const headFamily = family();
    const headYear = int(1940, 1992);
    members.push({
      name: `${headFamily} ${middle(headMale)} ${given(headMale)}`,
      relation: 'Chủ hộ',
      male: headMale,
      year: headYear,
    });
    let left = Number(size) - 1;
    if (left > 0 && next() < 0.85) {
      const male = !headMale;
      members.push({
        name: `${family()} ${middle(male)} ${given(male)}`,
        relation: male ? 'Chồng' : 'Vợ',
        male,
        year: Math.min(2005, headYear + int(-5, 5)),
      });
      left -= 1;
    }
    if (left > 0 && headYear > 1965 && next() < 0.2) {
      const male = next() < 0.4;
      members.push({
        name: `${headMale ? headFamily : family()} ${middle(male)} ${given(male)}`,
        relation: male ? 'Bố' : 'Mẹ',
        male,
        year: headYear - int(22, 35),
      });
      left -= 1;
    }
    const fatherFamily = headMale
      ? headFamily
      : members[1]?.male
        ? members[1].name.split(' ')[0]!
        : headFamily;
    while (left > 0) {
      const male = next() < 0.51;
      const childYear = Math.min(2024, headYear + int(20, 40));
      const grandchild = childYear > 2024 - 2 && headYear < 1960;
      members.push({
        name: `${fatherFamily} ${middle(male)} ${given(male)}`,
        relation: grandchild ? 'Cháu' : 'Con',
        male,
        year: grandchild ? int(2005, 2023) : childYear,
      });
      left -= 1;
    }
    const householdCategory = category();
    for (const [index, person] of members.entries()) {
      if (written >= persons) break;
      const yearOnly = next() < 0.05;
      const birth = yearOnly
        ? String(person.year)
        : `${pad(int(1, 28), 2)}/${pad(int(1, 12), 2)}/${person.year}`;
      let citizenId = '';
      if (person.year <= 2010 || next() < 0.3) {
        const century = (person.year >= 2000 ? 2 : 0) + (person.male ? 0 : 1);
        do {
          citizenId = `${province()}${century}${pad(person.year % 100, 2)}${pad(int(0, 999_999), 6)}`;
        } while (usedIds.has(citizenId));
        usedIds.add(citizenId);
      }
      const phone =
        index === 0 || (person.year < 2008 && next() < 0.4)
          ? `0${['9', '8', '3', '7', '5'][int(0, 4)]}${pad(int(0, 99_999_999), 8)}`
          : '';
      yield [
        code,
        group,
        address,
        person.name,
        person.relation,
        person.male ? 'Nam' : 'Nữ',
        birth,
        citizenId,
        phone,
        index === 0 ? householdCategory : '',
      ];
      written += 1;
    }
  }
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function writeCsv(path: string, persons: number): GeneratedFile {
  const fd = fs.openSync(path, 'w');
  let chunk = `\uFEFF${importColumns.map((column) => column.header).join(',')}\r\n`;
  let households = 0;
  let last = '';
  for (const row of registerRows(persons)) {
    if (row[0] !== last) {
      households += 1;
      last = row[0]!;
    }
    chunk += `${row.map(csvCell).join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return { path, persons, households, bytes: fs.statSync(path).size };
}

export async function writeXlsx(path: string, persons: number): Promise<GeneratedFile> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Hộ gia đình');
  sheet.addRow(importColumns.map((column) => column.header)).commit();
  let households = 0;
  let last = '';
  for (const row of registerRows(persons)) {
    if (row[0] !== last) {
      households += 1;
      last = row[0]!;
    }
    sheet.addRow(row).commit();
  }
  sheet.commit();
  await workbook.commit();
  return { path, persons, households, bytes: fs.statSync(path).size };
}
