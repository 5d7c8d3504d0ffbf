import { z } from 'zod';
import { isIsoDate } from '../format/date';

/** A calendar date, YYYY-MM-DD. Periods are half-open: [validFrom, validTo). */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { error: 'date.invalid' })
  .meta({ description: 'Calendar date YYYY-MM-DD', example: '2025-07-01' });

export const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z.-]+$/, { error: 'unit.code.invalid' })
  .meta({ description: 'Official code (GSO) or, for residential groups, the code given here' });

export const Uuid = z.uuid();

export const NonBlankName = z
  .string()
  .trim()
  .min(1, { error: 'name.blank' })
  .max(200)
  .transform((value) => value.replace(/\s+/g, ' ').normalize('NFC'));

export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
