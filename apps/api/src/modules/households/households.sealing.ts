import { maskCitizenId } from '@doanket/domain';
import { AppError } from '../../lib/app-error';
import type { Sealer } from '../../lib/crypto';

/**
 * Where each sensitive value is sealed: the context binds the ciphertext to its row and field, so
 * a value copied to another row or column does not open.
 */
export const sealContext = {
  citizenId: (personId: string) => `person:${personId}:citizen_id`,
  health: (personId: string) => `person:${personId}:health`,
  disability: (personId: string) => `person:${personId}:disability`,
  categoryDetail: (categoryId: string) => `household_category:${categoryId}:detail`,
} as const;

/** The sealer, or a clear refusal when PostgreSQL runs without DOANKET_DATA_KEY. */
export function requireSealer(sealer: Sealer | null): Sealer {
  if (!sealer) throw new AppError('unavailable', 'residents.data_key_missing');
  return sealer;
}

export type SealedCitizenId = { sealed: string; hash: string; mask: string };

/** The three stored forms of a citizen ID: ciphertext, lookup hash (duplicates) and list mask. */
export function sealCitizenId(sealer: Sealer, personId: string, citizenId: string): SealedCitizenId {
  return {
    sealed: sealer.seal(citizenId, sealContext.citizenId(personId)),
    hash: sealer.lookupHash(`citizen_id:${citizenId}`),
    mask: maskCitizenId(citizenId),
  };
}

export function sealOptional(
  sealer: Sealer,
  value: string | null | undefined,
  context: string,
): string | null {
  return value ? sealer.seal(value, context) : null;
}

export function openOptional(sealer: Sealer, value: string | null, context: string): string | null {
  return value === null ? null : sealer.open(value, context);
}
