import type { ResidentMessageKey, ResidentParseResult } from './messages';
import type { Sex } from './sex';

export type CitizenIdInfo = {
  /** The 12 digits, without separators. */
  value: string;
  /** Digits 1–3: province of birth registration, or a country code for those born abroad. */
  provinceCode: string;
  /** Label of the province code when it is one of the 63 provinces; null otherwise. */
  provinceLabel: string | null;
  sex: Sex;
  birthYear: number;
};

/**
 * Province codes of the CCCD (circular 07/2016/TT-BCA, now 59/2021/TT-BCA): the GSO province
 * codes of before July 2025. Labels only; an unknown prefix is never an error.
 */
export const citizenIdProvinces: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

// Digit 4 → first year of the century; even digits are men, odd digits women.
const centuries = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800];

/** Removes the separators people type or paste (spaces, dots, dashes) and Excel's text apostrophe. */
export function normalizeCitizenId(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
}

/** Reads the structure of a CCCD number. There is no check digit, so typos in digits 7–12 pass. */
export function parseCitizenId(value: string): ResidentParseResult<CitizenIdInfo> {
  const digits = normalizeCitizenId(value);
  if (digits === '') return { ok: false, error: 'resident.blank' };
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'resident.citizen_id.characters' };
  if (digits.length === 9) return { ok: false, error: 'resident.citizen_id.old_cmnd' };
  // Every province code starts with 0, which Excel drops from numbers.
  if (digits.length === 10 || digits.length === 11) {
    return { ok: false, error: 'resident.citizen_id.leading_zero_lost' };
  }
  if (digits.length !== 12) return { ok: false, error: 'resident.citizen_id.length' };
  const provinceCode = digits.slice(0, 3);
  const centuryDigit = Number(digits[3]);
  return {
    ok: true,
    value: {
      value: digits,
      provinceCode,
      provinceLabel: citizenIdProvinces[provinceCode] ?? null,
      sex: centuryDigit % 2 === 0 ? 'male' : 'female',
      birthYear: centuries[centuryDigit]! + Number(digits.slice(4, 6)),
    },
  };
}

export type CitizenIdExpectation = { sex?: Sex | null; birthYear?: number | null; today?: string };

/**
 * Parses and compares with what the other columns say. Returns every problem found, so an
 * import row can show a wrong sex and a wrong year at once; no errors means the ID is usable.
 */
export function checkCitizenId(
  value: string,
  expected: CitizenIdExpectation = {},
): { value: CitizenIdInfo | null; errors: ResidentMessageKey[] } {
  const parsed = parseCitizenId(value);
  if (!parsed.ok) return { value: null, errors: [parsed.error] };
  const info = parsed.value;
  const errors: ResidentMessageKey[] = [];
  if (expected.today && info.birthYear > Number(expected.today.slice(0, 4))) {
    errors.push('resident.citizen_id.birth_year_future');
  }
  if (expected.sex && expected.sex !== info.sex) errors.push('resident.citizen_id.sex_mismatch');
  if (expected.birthYear != null && expected.birthYear !== info.birthYear) {
    errors.push('resident.citizen_id.birth_year_mismatch');
  }
  return { value: info, errors };
}

/** "001234567845" → "001*******45": lists show only what tells two people apart (decree 13/2023). */
export function maskCitizenId(value: string): string {
  const digits = normalizeCitizenId(value);
  if (digits.length < 6) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 5) + digits.slice(-2);
}
