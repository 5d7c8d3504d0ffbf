export type DetectedEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1258'
  | 'tcvn3'
  | 'unknown';

export type EncodingGuess = { encoding: DetectedEncoding; confidence: number };

const _ = -1;

/** Windows-1258, bytes 0x80–0xFF (unicode.org MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1258.TXT); -1 is undefined. */
// biome-ignore format: a code table reads best 16 bytes a row
const cp1258High = [
  0x20ac, _, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, _, 0x2039, 0x0152, _, _, _,
  _, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, _, 0x203a, 0x0153, _, _, 0x0178,
  0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
  0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
  0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300, 0x00cd, 0x00ce, 0x00cf,
  0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x01af, 0x0303, 0x00df,
  0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x0301, 0x00ed, 0x00ee, 0x00ef,
  0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x01b0, 0x20ab, 0x00ff,
];

/**
 * TCVN 5712:1993 bytes 0x80–0xFF as in GNU libiconv lib/tcvn.h. The ABC (TCVN3, .VnTime) fonts
 * use its 0xA1–0xFF half; upper-case toned letters sit in 0x80–0x9F and the control positions below.
 */
// biome-ignore format: a code table reads best 16 bytes a row
const tcvn3High = [
  0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128,
  0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168,
  0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

// biome-ignore format: a code table
const tcvn3Low: ReadonlyMap<number, number> = new Map([
  [0x01, 0x00da], [0x02, 0x1ee4], [0x04, 0x1eea], [0x05, 0x1eec], [0x06, 0x1eee], [0x11, 0x1ee8],
  [0x12, 0x1ef0], [0x13, 0x1ef2], [0x14, 0x1ef6], [0x15, 0x1ef8], [0x16, 0x00dd], [0x17, 0x1ef4],
]);

type Decoder = (byte: number) => number;
const decodeCp1258: Decoder = (b) => (b < 0x80 ? b : cp1258High[b - 0x80]!);
const decodeTcvn3: Decoder = (b) => (b < 0x80 ? (tcvn3Low.get(b) ?? b) : tcvn3High[b - 0x80]!);

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g;
const vietnameseLetters = new Set<string>();
for (const vowel of 'aăâeêioôơuưy') {
  for (const tone of ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
    const letter = (vowel + tone).normalize('NFC');
    vietnameseLetters.add(letter).add(letter.toLocaleUpperCase('vi'));
  }
}
for (const consonant of 'bcdđghklmnpqrstvxfjwz')
  vietnameseLetters.add(consonant).add(consonant.toUpperCase());

// One Vietnamese syllable, tones removed: onset, one to three vowels, coda.
const syllable =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** Whether a decoded word reads as one Vietnamese syllable in a plausible case. */
function isVietnameseWord(word: string): boolean {
  const text = word.normalize('NFC');
  if (![...text].every((c) => vietnameseLetters.has(c))) return false;
  const lower = text.toLocaleLowerCase('vi');
  const upper = text.toLocaleUpperCase('vi');
  const capitalised = text[0] === upper[0] && text.slice(1) === lower.slice(1);
  if (text !== lower && text !== upper && !capitalised) return false;
  const decomposed = lower.normalize('NFD');
  if ((decomposed.match(toneMarks) ?? []).length > 1) return false;
  return syllable.test(decomposed.replace(toneMarks, '').normalize('NFC'));
}

function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return false;
    if (i + extra >= bytes.length) return false;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return false;
    i += extra + 1;
  }
  return true;
}

function isWordByte(b: number): boolean {
  return b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || tcvn3Low.has(b);
}

/** Words holding at least one byte outside ASCII letters: the ones that tell encodings apart. */
function legacyWords(bytes: Uint8Array): Uint8Array[] {
  const words: Uint8Array[] = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const inWord = i < bytes.length && isWordByte(bytes[i]!);
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      const word = bytes.subarray(start, i);
      if (word.some((b) => b >= 0x80 || tcvn3Low.has(b))) words.push(word);
      start = -1;
    }
  }
  return words;
}

/** Share of the words that decode to Vietnamese syllables. */
function score(words: readonly Uint8Array[], decode: Decoder): number {
  let good = 0;
  for (const word of words) {
    const codes = [...word].map(decode);
    if (codes.every((c) => c >= 0) && isVietnameseWord(String.fromCodePoint(...codes))) good++;
  }
  return words.length === 0 ? 0 : good / words.length;
}

function utf16WithoutBom(bytes: Uint8Array): DetectedEncoding | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  const isText = (b: number) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  // ASCII characters in UTF-16 are a zero byte beside a printable one, on one side only.
  const asciiShare = (zeroAt: number) => {
    let count = 0;
    for (let i = 0; i < pairs; i++) {
      if (bytes[2 * i + zeroAt] === 0 && isText(bytes[2 * i + 1 - zeroAt]!)) count++;
    }
    return count / pairs;
  };
  const little = asciiShare(1);
  const big = asciiShare(0);
  if (little >= 0.4 && big === 0) return 'utf-16le';
  if (big >= 0.4 && little === 0) return 'utf-16be';
  return null;
}

/**
 * Guesses the encoding of a CSV file so the importer can refuse legacy files with a clear
 * message instead of importing garbled names. Legacy encodings are told apart by decoding
 * every non-ASCII word both ways and counting which reads as Vietnamese syllables.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8-bom', confidence: 1 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', confidence: 1 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, confidence: 0.8 };

  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return { encoding: 'unknown', confidence: 0.9 };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && !tcvn3Low.has(b)) controls++;
  }
  if (controls > bytes.length * 0.01) return { encoding: 'unknown', confidence: 0.9 };
  if (isUtf8(bytes)) return { encoding: 'utf-8', confidence: 1 };

  const words = legacyWords(bytes);
  const cp1258 = score(words, decodeCp1258);
  const tcvn3 = score(words, decodeTcvn3);
  const best = Math.max(cp1258, tcvn3);
  if (best < 0.5) return { encoding: 'unknown', confidence: round(1 - best) };
  // Confidence falls as the other encoding reads almost as well; a tie goes to Windows-1258.
  const confidence = round(best * Math.min(1, 0.5 + Math.abs(cp1258 - tcvn3)));
  return { encoding: cp1258 >= tcvn3 ? 'windows-1258' : 'tcvn3', confidence };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
