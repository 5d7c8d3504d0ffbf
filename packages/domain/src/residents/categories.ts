import { aliasIndex, foldLabel } from './fold';

export type HouseholdCategory = {
  code: string;
  vi: string;
  en: string;
  /** Codes of the same group, e.g. every kind of policy family, share the group. */
  group?: string;
  /** Other spellings seen in files, matched without case or diacritics. */
  aliases: readonly string[];
};

/**
 * The household categories the Front's work depends on (visits, gifts, support). A list and not
 * a union type, so a committee can add its own; poverty status is held per standard period.
 */
export const householdCategories: readonly HouseholdCategory[] = [
  { code: 'poor', vi: 'Hộ nghèo', en: 'Poor household', aliases: ['nghèo', 'HN'] },
  { code: 'near_poor', vi: 'Hộ cận nghèo', en: 'Near-poor household', aliases: ['cận nghèo', 'HCN'] },
  {
    code: 'policy_family',
    vi: 'Gia đình chính sách',
    en: 'Policy family',
    group: 'policy_family',
    aliases: ['hộ chính sách', 'chính sách', 'GĐCS', 'gia đình có công'],
  },
  {
    code: 'policy_war_invalid',
    vi: 'Thương binh',
    en: 'War invalid',
    group: 'policy_family',
    aliases: ['gia đình thương binh', 'TB'],
  },
  {
    code: 'policy_sick_soldier',
    vi: 'Bệnh binh',
    en: 'Sick soldier',
    group: 'policy_family',
    aliases: ['BB'],
  },
  {
    code: 'policy_martyr',
    vi: 'Gia đình liệt sĩ',
    en: 'Martyr’s family',
    group: 'policy_family',
    aliases: ['liệt sĩ', 'liệt sỹ', 'gia đình liệt sỹ', 'thân nhân liệt sĩ', 'thân nhân liệt sỹ'],
  },
  {
    code: 'policy_heroic_mother',
    vi: 'Bà mẹ Việt Nam anh hùng',
    en: 'Vietnamese Heroic Mother',
    group: 'policy_family',
    aliases: ['mẹ Việt Nam anh hùng', 'BMVNAH'],
  },
  {
    code: 'policy_revolutionary_contributor',
    vi: 'Người có công với cách mạng',
    en: 'Person with meritorious service to the revolution',
    group: 'policy_family',
    aliases: ['người có công', 'NCC'],
  },
  {
    code: 'agent_orange',
    vi: 'Nạn nhân chất độc da cam',
    en: 'Agent Orange victim',
    aliases: ['chất độc da cam', 'nạn nhân da cam', 'da cam', 'nạn nhân chất độc hóa học', 'CĐDC'],
  },
  {
    code: 'disability',
    vi: 'Người khuyết tật',
    en: 'Person with disability',
    aliases: ['khuyết tật', 'NKT', 'có người khuyết tật'],
  },
  {
    code: 'lone_elderly',
    vi: 'Người cao tuổi cô đơn',
    en: 'Lone elderly person',
    aliases: [
      'người già cô đơn',
      'cao tuổi cô đơn',
      'NCT cô đơn',
      'người cao tuổi neo đơn',
      'người già neo đơn',
    ],
  },
  {
    code: 'child_in_difficulty',
    vi: 'Trẻ em có hoàn cảnh khó khăn',
    en: 'Child in difficulty',
    aliases: ['trẻ em hoàn cảnh khó khăn', 'trẻ em khó khăn', 'TE có HCKK', 'TEHCKK'],
  },
];

export type PovertyStandardPeriod = {
  code: string;
  /** Half-open [validFrom, validTo), as every dated record of the product. */
  validFrom: string;
  validTo: string | null;
  /** Income line in đồng per person per month. */
  incomeRural: number;
  incomeUrban: number;
};

/** Multidimensional poverty standards (domain brief); data, so a new decree is a new entry. */
export const povertyStandardPeriods: readonly PovertyStandardPeriod[] = [
  {
    // Decision 59/2015/QĐ-TTg; kept for 2021, until decree 07/2021/NĐ-CP applied from 2022.
    code: '2016-2020',
    validFrom: '2016-01-01',
    validTo: '2022-01-01',
    incomeRural: 700_000,
    incomeUrban: 900_000,
  },
  {
    code: '2022-2026',
    validFrom: '2022-01-01',
    validTo: '2027-01-01',
    incomeRural: 1_500_000,
    incomeUrban: 2_000_000,
  },
  {
    code: '2027-2030',
    validFrom: '2027-01-01',
    validTo: '2031-01-01',
    incomeRural: 2_200_000,
    incomeUrban: 2_800_000,
  },
];

/** The poverty standard in force on a date (YYYY-MM-DD), or null outside every period. */
export function povertyStandardOn(
  date: string,
  periods: readonly PovertyStandardPeriod[] = povertyStandardPeriods,
): PovertyStandardPeriod | null {
  return periods.find((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo)) ?? null;
}

export type ParsedCategories = { codes: string[]; unrecognized: string[] };

/**
 * Reads a "Diện hộ" cell: "Hộ nghèo; Thương binh", also with commas or new lines. Unknown parts
 * come back as typed so the import can show them instead of dropping them.
 */
export function parseHouseholdCategories(
  cell: string,
  categories: readonly HouseholdCategory[] = householdCategories,
): ParsedCategories {
  const index = aliasIndex(categories);
  const codes: string[] = [];
  const unrecognized: string[] = [];
  for (const part of cell.normalize('NFC').split(/[;,\n]/)) {
    const trimmed = part.replace(/\s+/g, ' ').trim();
    if (trimmed === '') continue;
    const code = index.get(foldLabel(trimmed));
    if (code === undefined) unrecognized.push(trimmed);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unrecognized };
}

/** True for a policy family of any kind. */
export function isPolicyFamily(
  code: string,
  categories: readonly HouseholdCategory[] = householdCategories,
): boolean {
  return categories.some((category) => category.code === code && category.group === 'policy_family');
}
