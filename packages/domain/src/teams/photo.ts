export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

/** Largest photo an activity may carry, in bytes once decoded. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Length of the data URL of the largest photo: the prefix and the base64 text. */
export const MAX_PHOTO_DATA_URL_LENGTH =
  'data:image/jpeg;base64,'.length + Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

export type PhotoError = 'teams.photo.invalid' | 'teams.photo.type' | 'teams.photo.too_large';
export type PhotoCheck = { ok: true; type: PhotoType; base64: string } | { ok: false; error: PhotoError };

/** The image type read from the first bytes of the file, whatever it claims to be. */
export function detectImageType(bytes: Uint8Array): PhotoType | null {
  const starts = (offset: number, expected: number[]) =>
    bytes.length >= offset + expected.length && expected.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF····WEBP
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

const dataUrl = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

/**
 * Checks a photo sent as a data URL: base64, a JPEG, PNG or WebP whose first bytes agree with
 * the type it declares (a renamed file is refused), at most 2 MB.
 */
export function checkPhotoDataUrl(value: string): PhotoCheck {
  if (value.length > MAX_PHOTO_DATA_URL_LENGTH + 32) return { ok: false, error: 'teams.photo.too_large' };
  const match = dataUrl.exec(value);
  if (!match || match[2]!.length % 4 !== 0 || match[2]!.length === 0) {
    return { ok: false, error: 'teams.photo.invalid' };
  }
  const declared = match[1]!;
  const base64 = match[2]!;
  if (!(photoTypes as readonly string[]).includes(declared)) return { ok: false, error: 'teams.photo.type' };
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  if ((base64.length / 4) * 3 - padding > MAX_PHOTO_BYTES)
    return { ok: false, error: 'teams.photo.too_large' };
  const head = atob(base64.slice(0, 16));
  const bytes = Uint8Array.from(head, (char) => char.charCodeAt(0));
  const detected = detectImageType(bytes);
  if (detected === null || detected !== declared) return { ok: false, error: 'teams.photo.type' };
  return { ok: true, type: detected, base64 };
}
