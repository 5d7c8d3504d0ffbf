import { describe, expect, it } from 'vitest';
import { AddTeamMemberRequest, CreateTeamActivityRequest } from './contracts';
import { teamMessage } from './messages';
import { checkPhotoDataUrl, detectImageType, MAX_PHOTO_BYTES } from './photo';

const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
const webp = [0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50];
const gif = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00];

const toBase64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
const dataUrl = (type: string, bytes: number[]) => `data:${type};base64,${toBase64(bytes)}`;

describe('detectImageType', () => {
  it('reads JPEG, PNG and WebP from their first bytes', () => {
    expect(detectImageType(Uint8Array.from(jpeg))).toBe('image/jpeg');
    expect(detectImageType(Uint8Array.from(png))).toBe('image/png');
    expect(detectImageType(Uint8Array.from(webp))).toBe('image/webp');
  });

  it('knows nothing else, and nothing too short to tell', () => {
    expect(detectImageType(Uint8Array.from(gif))).toBeNull();
    expect(detectImageType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    // A RIFF file that is not WebP (a WAV sound).
    expect(detectImageType(Uint8Array.from([...webp.slice(0, 8), 0x57, 0x41, 0x56, 0x45]))).toBeNull();
  });
});

describe('checkPhotoDataUrl', () => {
  it('accepts the three types when the bytes agree with the declared type', () => {
    expect(checkPhotoDataUrl(dataUrl('image/jpeg', jpeg))).toEqual({
      ok: true,
      type: 'image/jpeg',
      base64: toBase64(jpeg),
    });
    expect(checkPhotoDataUrl(dataUrl('image/png', png))).toMatchObject({ ok: true, type: 'image/png' });
    expect(checkPhotoDataUrl(dataUrl('image/webp', webp))).toMatchObject({ ok: true, type: 'image/webp' });
  });

  it('refuses a file whose bytes say something else than its type', () => {
    expect(checkPhotoDataUrl(dataUrl('image/png', jpeg))).toEqual({ ok: false, error: 'teams.photo.type' });
    expect(checkPhotoDataUrl(dataUrl('image/jpeg', gif))).toEqual({ ok: false, error: 'teams.photo.type' });
    expect(checkPhotoDataUrl(dataUrl('image/gif', gif))).toEqual({ ok: false, error: 'teams.photo.type' });
    expect(checkPhotoDataUrl(`data:image/jpeg;base64,${btoa('<svg onload=alert(1)>')}`)).toEqual({
      ok: false,
      error: 'teams.photo.type',
    });
  });

  it('refuses what is not a base64 data URL', () => {
    for (const value of [
      '',
      'http://example.com/a.jpg',
      'data:image/jpeg,rawtext',
      `data:image/jpeg;base64,${toBase64(jpeg)}!`,
      `data:image/jpeg;base64,${toBase64(jpeg).slice(1)}`,
      'data:image/jpeg;base64,',
    ]) {
      expect(checkPhotoDataUrl(value)).toEqual({ ok: false, error: 'teams.photo.invalid' });
    }
  });

  it('takes a photo of exactly 2 MB and refuses one byte more', () => {
    const body = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(jpeg);
      return Buffer.from(bytes).toString('base64');
    };
    expect(checkPhotoDataUrl(`data:image/jpeg;base64,${body(MAX_PHOTO_BYTES)}`).ok).toBe(true);
    expect(checkPhotoDataUrl(`data:image/jpeg;base64,${body(MAX_PHOTO_BYTES + 1)}`)).toEqual({
      ok: false,
      error: 'teams.photo.too_large',
    });
  });
});

describe('team contracts', () => {
  it('needs a resident or a name for a member, and checks and normalises the phone', () => {
    const missing = AddTeamMemberRequest.safeParse({ role: 'member', validFrom: '2024-01-01' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({
      path: ['name'],
      message: 'teams.member.person_or_name',
    });
    const badPhone = AddTeamMemberRequest.safeParse({
      name: 'Lê Văn Tám',
      phone: '12345',
      validFrom: '2024-01-01',
    });
    expect(badPhone.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'teams.phone.invalid' });
    const ok = AddTeamMemberRequest.parse({
      name: '  Lê  Văn Tám ',
      phone: '+84 912 345 678',
      validFrom: '2024-01-01',
    });
    expect(ok).toMatchObject({ name: 'Lê Văn Tám', phone: '0912345678', role: 'member' });
    expect(AddTeamMemberRequest.parse({ name: 'Tám', phone: '', validFrom: '2024-01-01' }).phone).toBeNull();
  });

  it('gives the photo field the reason it was refused', () => {
    const result = CreateTeamActivityRequest.safeParse({
      occurredOn: '2024-05-01',
      kind: 'visit',
      photo: dataUrl('image/png', jpeg),
    });
    expect(result.error?.issues[0]).toMatchObject({ path: ['photo'], message: 'teams.photo.type' });
    expect(CreateTeamActivityRequest.parse({ occurredOn: '2024-05-01', kind: 'visit' }).householdIds).toEqual(
      [],
    );
  });

  it('fills the placeholders of a message in both languages', () => {
    expect(
      teamMessage('teams.household.taken', {
        household: 'HN-001',
        kind: 'tổ tự quản',
        kindEn: 'self-governing team',
        team: 'Tổ 3',
      }),
    ).toEqual({
      vi: 'Hộ HN-001 đã do tổ tự quản “Tổ 3” phụ trách trong thời gian này',
      en: 'Household HN-001 is already in the care of the self-governing team “Tổ 3” at that time',
    });
  });
});
