import { IsoDate, relations } from '@doanket/domain';
import { z } from 'zod';

// Request shapes of the households endpoints as agreed; replaced by the domain contracts once published.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const PersonInput = z.object({
  fullName: z.string().trim().min(1).max(200),
  relation: z.enum(relations.map((relation) => relation.code) as [string, ...string[]]),
  isHead: z.boolean().optional(),
  sex: z.enum(['male', 'female']).nullish(),
  birthDate: IsoDate.nullish(),
  phone: optionalText(30),
  citizenId: optionalText(20),
});
export type PersonInput = z.output<typeof PersonInput>;

export const CreateHouseholdInput = z.object({
  groupCode: z.string().trim().min(1),
  at: IsoDate,
  code: z.string().trim().min(1).max(40),
  address: optionalText(300),
  phone: optionalText(30),
  members: z.array(PersonInput).min(1),
});
export type CreateHouseholdInput = z.output<typeof CreateHouseholdInput>;
