import type { ResidentParseResult } from './messages';

const mobile = /^0[35789]\d{8}$/;
const landline = /^02\d{8,9}$/;

/**
 * Canonical 0xxxxxxxxx form of a Vietnamese mobile or landline number: separators removed,
 * +84 / 84 / 0084 turned into 0, and a leading 0 put back when Excel dropped it.
 */
export function normalizePhone(input: string): ResidentParseResult<string> {
  const compact = input
    .normalize('NFKC')
    .trim()
    .replace(/^'/, '')
    .replace(/[\s.\-()]/g, '');
  if (compact === '') return { ok: false, error: 'resident.blank' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, error: 'resident.phone.characters' };
  let digits = compact;
  const international = /^(?:\+|00)84(\d+)$/.exec(compact) ?? /^84(\d{9,10})$/.exec(compact);
  // "+84 (0)912…" keeps the trunk 0 by mistake; it is dropped with the country code.
  if (international) digits = `0${international[1]!.replace(/^0/, '')}`;
  else if (compact.startsWith('+')) return { ok: false, error: 'resident.phone.invalid' };
  else if (/^[35789]\d{8}$/.test(compact) || /^2\d{8,9}$/.test(compact)) digits = `0${compact}`;
  if (mobile.test(digits) || landline.test(digits)) return { ok: true, value: digits };
  if (/^01\d{9}$/.test(digits)) return { ok: false, error: 'resident.phone.old_mobile' };
  return { ok: false, error: 'resident.phone.invalid' };
}

/** For display: "0912 345 678", "024 3826 4321", "0203 382 5555"; anything else as typed. */
export function formatPhone(input: string): string {
  const normalized = normalizePhone(input);
  if (!normalized.ok) return input.trim();
  const d = normalized.value;
  if (d.length === 10) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  // Hà Nội (024) and Hồ Chí Minh (028) have 3-digit area codes and 8-digit numbers.
  if (d.startsWith('024') || d.startsWith('028')) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
}
