import { IsoDate, ItemsOf } from '@doanket/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, buildUrl } from '../../lib/api';
import { putJson } from './http';

// Answers of the households endpoints as agreed in the API notes; the API may add fields.
export const HouseholdCategoryKind = z.object({
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  group: z.string().nullable().optional(),
  builtIn: z.boolean().optional(),
});
export type HouseholdCategoryKind = z.infer<typeof HouseholdCategoryKind>;

export const HouseholdListItem = z.object({
  id: z.string(),
  code: z.string(),
  wardCode: z.string().nullish(),
  wardName: z.string().nullish(),
  groupCode: z.string().nullish(),
  groupName: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  headName: z.string().nullish(),
  memberCount: z.number(),
  categories: z.array(z.string()),
  teamNames: z.array(z.string()).default([]),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItem>;

export const HouseholdListResponse = z.object({
  items: z.array(HouseholdListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const DuplicateFlag = z.object({
  id: z.string(),
  personId: z.string().nullish(),
  personName: z.string().nullish(),
  otherPersonId: z.string().nullish(),
  otherName: z.string().nullish(),
  otherHouseholdId: z.string().nullish(),
  otherHouseholdCode: z.string().nullish(),
  reason: z.string(),
  status: z.string(),
});
export type DuplicateFlag = z.infer<typeof DuplicateFlag>;

export const Sex = z.enum(['male', 'female']);

export const HouseholdMember = z.object({
  id: z.string(),
  ho: z.string().nullish(),
  tenDem: z.string().nullish(),
  ten: z.string().nullish(),
  fullName: z.string(),
  sex: Sex.nullish(),
  birthDate: z.string().nullish(),
  birthYear: z.number().nullish(),
  relation: z.string(),
  relationLabel: z.string().nullish(),
  isHead: z.boolean(),
  phone: z.string().nullish(),
  citizenIdMasked: z.string().nullish(),
  hasHealth: z.boolean().optional(),
  hasDisability: z.boolean().optional(),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const HouseholdDetail = z.object({
  id: z.string(),
  code: z.string(),
  wardCode: z.string().nullish(),
  wardName: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  placements: z.array(
    z.object({
      groupCode: z.string(),
      groupName: z.string().nullish(),
      wardName: z.string().nullish(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    }),
  ),
  members: z.array(HouseholdMember),
  categories: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      vi: z.string().nullish(),
      en: z.string().nullish(),
      standardPeriod: z.string().nullish(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
      hasDetail: z.boolean().optional(),
    }),
  ),
  culturalFamily: z.array(
    z.object({
      year: z.number(),
      registered: z.boolean(),
      recognized: z.boolean().nullable(),
      reason: z.string().nullish(),
    }),
  ),
  consents: z.array(
    z.object({
      id: z.string(),
      givenBy: z.string(),
      purpose: z.string(),
      givenOn: IsoDate,
      withdrawnOn: IsoDate.nullable(),
      note: z.string().nullish(),
    }),
  ),
  teams: z.array(
    z.object({
      teamId: z.string(),
      kind: z.string(),
      name: z.string(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    }),
  ),
  duplicates: z.array(DuplicateFlag),
  canWrite: z.boolean(),
  canReveal: z.boolean(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;
export type HouseholdCategoryRecord = HouseholdDetail['categories'][number];
export type Consent = HouseholdDetail['consents'][number];
export type CulturalFamilyYear = HouseholdDetail['culturalFamily'][number];

export const CreatedWithDuplicates = z.object({
  id: z.string(),
  duplicates: z.array(DuplicateFlag).default([]),
});
export type CreatedWithDuplicates = z.infer<typeof CreatedWithDuplicates>;
const Created = z.object({ id: z.string() });
const Anything = z.unknown();

export const RevealedFields = z.object({
  citizenId: z.string().nullish(),
  health: z.string().nullish(),
  disability: z.string().nullish(),
});

export type HouseholdFilter = {
  unit: string;
  at: string;
  category?: string | null;
  team?: string | null;
  q?: string | null;
};

/** Every households query starts with this key, so one invalidation refreshes lists and pages. */
export const householdsKey = ['households'] as const;

export const categoryKindsQuery = queryOptions({
  queryKey: [...householdsKey, 'category-kinds'],
  queryFn: ({ signal }) =>
    api.get('/household-categories', ItemsOf(HouseholdCategoryKind), { signal }).then((data) => data.items),
  staleTime: 10 * 60_000,
});

export const householdsQuery = (filter: HouseholdFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...householdsKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get('/households', HouseholdListResponse, {
        query: { ...filter, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: [...householdsKey, 'detail', id],
    queryFn: ({ signal }) => api.get(`/households/${encodeURIComponent(id)}`, HouseholdDetail, { signal }),
  });

/** The .xlsx of the filtered list, built by the server from the same filters as the table. */
export function householdsExportUrl(filter: HouseholdFilter): string {
  return buildUrl('/households/export.xlsx', filter);
}

export function personExportUrl(personId: string): string {
  return buildUrl(`/persons/${encodeURIComponent(personId)}/export`);
}

const path = (id: string) => `/households/${encodeURIComponent(id)}`;

export const householdsApi = {
  create: (input: unknown) => api.post('/households', CreatedWithDuplicates, input),
  update: (id: string, input: { address?: string | null; phone?: string | null }) =>
    api.patch(path(id), Anything, input),
  move: (id: string, input: { groupCode: string; date: string }) =>
    api.post(`${path(id)}/move`, Anything, input),
  remove: (id: string, reason: string) => api.delete(path(id), null, { query: { reason } }),
  addPerson: (id: string, input: unknown) => api.post(`${path(id)}/persons`, CreatedWithDuplicates, input),
  updatePerson: (personId: string, input: unknown) =>
    api.patch(`/persons/${encodeURIComponent(personId)}`, Anything, input),
  removePerson: (personId: string, reason: string) =>
    api.delete(`/persons/${encodeURIComponent(personId)}`, null, { query: { reason } }),
  reveal: (personId: string, fields: ('citizenId' | 'health' | 'disability')[]) =>
    api.post(`/persons/${encodeURIComponent(personId)}/reveal`, RevealedFields, { fields }),
  addCategory: (
    id: string,
    input: {
      category: string;
      standardPeriod?: string | null;
      validFrom: string;
      validTo?: string | null;
      detail?: string | null;
    },
  ) => api.post(`${path(id)}/categories`, Created, input),
  endCategory: (recordId: string, date: string) =>
    api.post(`/household-categories-records/${encodeURIComponent(recordId)}/end`, Anything, { date }),
  setCulturalFamily: (
    id: string,
    year: number,
    input: { registered: boolean; recognized: boolean | null; reason: string | null },
  ) => putJson(`${path(id)}/cultural-family/${year}`, Anything, input),
  addConsent: (
    id: string,
    input: { givenBy: string; purpose: string; givenOn: string; note?: string | null },
  ) => api.post(`${path(id)}/consents`, Created, input),
  withdrawConsent: (consentId: string, date: string) =>
    api.post(`/consents/${encodeURIComponent(consentId)}/withdraw`, Anything, { date }),
  resolveDuplicate: (flagId: string, status: 'not_duplicate' | 'duplicate') =>
    api.post(`/duplicates/${encodeURIComponent(flagId)}/resolve`, Anything, { status }),
};
