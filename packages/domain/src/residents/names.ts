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

const alphabet = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const tones: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const letterMarks: Record<string, string> = { '\u0306': '\u0306', '\u0302': '\u0302', '\u031b': '\u031b' };

function primaryAndTones(value: string): { primary: string; tones: string } {
  let primary = '';
  let toneDigits = '';
  for (const char of normalizePersonName(value).toLocaleLowerCase('vi')) {
    if (char === ' ' || char === '-') {
      primary += ' ';
      continue;
    }
    const [base = '', ...marks] = char.normalize('NFD');
    let letter = base;
    let tone = 0;
    for (const mark of marks) {
      if (letterMarks[mark]) letter = (letter + mark).normalize('NFC');
      else tone = tones[mark] ?? tone;
    }
    const index = alphabet.indexOf(letter);
    if (index >= 0) {
      primary += String.fromCharCode(0x41 + index);
      toneDigits += tone;
    } else if (/\d/.test(letter)) primary += letter;
  }
  return { primary, tones: toneDigits };
}

/**
 * A key that sorts people by tên, tên đệm, họ in Vietnamese alphabet order (ă after a, đ after d;
 * tones only break ties) when compared byte by byte, as PostgreSQL's "C" collation does.
 */
export function personSortKey(parts: PersonNameParts): string {
  const ten = primaryAndTones(parts.ten);
  const tenDem = primaryAndTones(parts.tenDem);
  const ho = primaryAndTones(parts.ho);
  return `${ten.primary}\u0001${tenDem.primary}\u0001${ho.primary}\u0002${ten.tones}${tenDem.tones}${ho.tones}`;
}
