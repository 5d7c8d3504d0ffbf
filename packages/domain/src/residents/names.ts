import { compareVietnamese } from '../format/text';

export type PersonNameParts = { ho: string; tenDem: string; ten: string };

export type SplitNameOptions = {
  /** Family names of two words to keep whole, e.g. ['Tôn Thất', 'Tôn Nữ']; none by default. */
  compoundFamilyNames?: readonly string[];
};

/** NFC and single spaces: files mix composed and decomposed text and stray spaces. */
export function normalizePersonName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * "Lê Thị Thu Hà" → { ho: 'Lê', tenDem: 'Thị Thu', ten: 'Hà' }.
 * Họ is the first word only unless the caller lists compound family names: "Tôn Nữ" can be a
 * family name or part of the middle name, and guessing would split some names wrongly.
 */
export function splitFullName(full: string, options: SplitNameOptions = {}): PersonNameParts {
  const words = normalizePersonName(full).split(' ').filter(Boolean);
  if (words.length === 0) return { ho: '', tenDem: '', ten: '' };
  if (words.length === 1) return { ho: '', tenDem: '', ten: words[0]! };
  let hoWords = 1;
  const lower = words.map((word) => word.toLocaleLowerCase('vi'));
  for (const compound of options.compoundFamilyNames ?? []) {
    const parts = normalizePersonName(compound).toLocaleLowerCase('vi').split(' ');
    // A compound family name never swallows the given name.
    if (
      parts.length > hoWords &&
      parts.length < words.length &&
      parts.every((part, i) => part === lower[i])
    ) {
      hoWords = parts.length;
    }
  }
  return {
    ho: words.slice(0, hoWords).join(' '),
    tenDem: words.slice(hoWords, -1).join(' '),
    ten: words[words.length - 1]!,
  };
}

/** Joins the stored parts back into the name as written. */
export function fullName(parts: PersonNameParts): string {
  return normalizePersonName([parts.ho, parts.tenDem, parts.ten].join(' '));
}

const tieBreaker = new Intl.Collator('vi');

/** Vietnamese order of people: by tên, then tên đệm, then họ; tones only break ties. */
export function comparePersonNames(a: PersonNameParts, b: PersonNameParts): number {
  return (
    compareVietnamese(a.ten, b.ten) ||
    compareVietnamese(a.tenDem, b.tenDem) ||
    compareVietnamese(a.ho, b.ho) ||
    tieBreaker.compare(fullName(a), fullName(b))
  );
}

/** "NGUYỄN VĂN AN" or "nguyễn văn an" → "Nguyễn Văn An", for names typed in one case. */
export function titleCaseName(value: string): string {
  return normalizePersonName(value)
    .toLocaleLowerCase('vi')
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'),
    );
}
