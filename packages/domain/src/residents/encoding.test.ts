import { describe, expect, it } from 'vitest';
import { detectEncoding } from './encoding';

// Samples encoded by hand from the code tables cited in encoding.ts, byte by byte.
const cp1258 = {
  // N g u y ê(EA) ~(DE) n · V ă(E3) n · Á(C1) n h
  nguyenVanAnh: [0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0xc1, 0x6e, 0x68],
  // T r â(E2) `(CC) n · T h i .(F2) · H à(E0)
  tranThiHa: [0x54, 0x72, 0xe2, 0xcc, 0x6e, 0x20, 0x54, 0x68, 0x69, 0xf2, 0x20, 0x48, 0xe0],
  // C h u ?(D2) · h ô(F4) .(F2)
  chuHo: [0x43, 0x68, 0x75, 0xd2, 0x20, 0x68, 0xf4, 0xf2],
  // Đ(D0) ư(FD) ´(EC) c
  duc: [0xd0, 0xfd, 0xec, 0x63],
};
const tcvn3 = {
  // N g u y ễ(D4) n · V ă(A8) n · Á(83) n h
  nguyenVanAnh: [0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e, 0x20, 0x56, 0xa8, 0x6e, 0x20, 0x83, 0x6e, 0x68],
  // T r ầ(C7) n · T h ị(DE) · H à(B5)
  tranThiHa: [0x54, 0x72, 0xc7, 0x6e, 0x20, 0x54, 0x68, 0xde, 0x20, 0x48, 0xb5],
  // C h ủ(F1) · h ộ(E9)
  chuHo: [0x43, 0x68, 0xf1, 0x20, 0x68, 0xe9],
  // Đ(A7) ứ(F8) c
  duc: [0xa7, 0xf8, 0x63],
};

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());
const csv = (t: typeof cp1258) =>
  bytes(
    ascii('HK01,'),
    t.nguyenVanAnh,
    ascii(','),
    t.chuHo,
    ascii('\r\nHK01,'),
    t.tranThiHa,
    ascii(',Vo\r\nHK02,'),
    t.duc,
  );

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

describe('detectEncoding', () => {
  it('reads pure ASCII and empty files as UTF-8', () => {
    expect(detectEncoding(Uint8Array.from(ascii('Ma ho,Ho va ten\r\nHK01,Nguyen Van A\r\n')))).toEqual({
      encoding: 'utf-8',
      confidence: 1,
    });
    expect(detectEncoding(new Uint8Array())).toEqual({ encoding: 'utf-8', confidence: 1 });
  });
  it('tells UTF-8 with and without a byte order mark', () => {
    const text = new TextEncoder().encode('Nguyễn Văn Ánh,Chủ hộ');
    expect(detectEncoding(text)).toEqual({ encoding: 'utf-8', confidence: 1 });
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], [...text]))).toEqual({
      encoding: 'utf-8-bom',
      confidence: 1,
    });
    // Decomposed (NFD) text is UTF-8 too, even though its marks follow vowels.
    expect(detectEncoding(new TextEncoder().encode('Nguyễn'.normalize('NFD'))).encoding).toBe('utf-8');
  });
  it('tells UTF-16 by its byte order mark, and guesses it without one', () => {
    expect(detectEncoding(utf16('Họ và tên', true))).toEqual({ encoding: 'utf-16le', confidence: 1 });
    expect(detectEncoding(utf16('Họ và tên', false))).toEqual({ encoding: 'utf-16be', confidence: 1 });
    expect(detectEncoding(utf16('Ho va ten,Ngay sinh', true).subarray(2)).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16('Ho va ten,Ngay sinh', false).subarray(2)).encoding).toBe('utf-16be');
  });
  it('recognises Windows-1258 with its combining tone marks', () => {
    expect(detectEncoding(bytes(cp1258.nguyenVanAnh))).toMatchObject({ encoding: 'windows-1258' });
    const guess = detectEncoding(csv(cp1258));
    expect(guess.encoding).toBe('windows-1258');
    expect(guess.confidence).toBeGreaterThanOrEqual(0.8);
  });
  it('recognises TCVN3 (ABC)', () => {
    expect(detectEncoding(bytes(tcvn3.nguyenVanAnh))).toMatchObject({ encoding: 'tcvn3' });
    expect(detectEncoding(bytes(tcvn3.duc))).toMatchObject({ encoding: 'tcvn3' });
    const guess = detectEncoding(csv(tcvn3));
    expect(guess.encoding).toBe('tcvn3');
    expect(guess.confidence).toBeGreaterThanOrEqual(0.8);
  });
  it('does not take the legacy samples for UTF-8', () => {
    for (const sample of [...Object.values(cp1258), ...Object.values(tcvn3)]) {
      expect(detectEncoding(bytes(sample)).encoding).not.toMatch(/^utf/);
    }
  });
  it('refuses broken UTF-8 shapes', () => {
    // Overlong "/" and an encoded surrogate are not UTF-8; nor is a sequence cut at the end.
    expect(detectEncoding(bytes([0x41, 0xc0, 0xaf])).encoding).not.toBe('utf-8');
    expect(detectEncoding(bytes([0x41, 0xed, 0xa0, 0x80])).encoding).not.toBe('utf-8');
    expect(detectEncoding(bytes(ascii('Nguy'), [0xe1, 0xbb])).encoding).not.toBe('utf-8');
  });
  it('calls binary data unknown', () => {
    expect(detectEncoding(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])).encoding).toBe(
      'unknown',
    );
    const noise = Uint8Array.from({ length: 512 }, (_, i) => 0x80 + ((i * 37) % 128));
    expect(detectEncoding(noise).encoding).toBe('unknown');
  });
});
