import {
  type AddConsentRequest,
  type AddHouseholdCategoryRequest,
  CreatedWithDuplicates,
  type CreateHouseholdRequest,
  CulturalFamilyRecord,
  type DuplicateItem,
  EndCategoryResponse,
  HouseholdDetail,
  type HouseholdMember,
  IdResponse,
  ListHouseholdCategoriesResponse,
  ListHouseholdsResponse,
  type MoveHouseholdRequest,
  type PersonInput,
  type PutCulturalFamilyRequest,
  ResolveDuplicateResponse,
  type RevealField,
  RevealPersonResponse,
  type UpdateHouseholdRequest,
  type UpdatePersonRequest,
  WithdrawConsentResponse,
} from '@doanket/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';
import { putJson } from './http';

export type HouseholdCategoryKind = z.infer<typeof ListHouseholdCategoriesResponse>['items'][number];
export type HouseholdListItem = z.infer<typeof ListHouseholdsResponse>['items'][number];
export type DuplicateFlag = DuplicateItem;
export type { HouseholdDetail, HouseholdMember };
export type HouseholdCategoryRecord = HouseholdDetail['categories'][number];
export type Consent = HouseholdDetail['consents'][number];

export type HouseholdFilter = {
  unit: string;
  at: string;
  category?: string | null;
  team?: string | null;
  /** Only the households registered as cultural families for this year (a dashboard drill-down). */
  culturalYear?: number | null;
  q?: string | null;
};

/** Every households query starts with this key, so one invalidation refreshes lists and pages. */
export const householdsKey = ['households'] as const;

export const categoryKindsQuery = queryOptions({
  queryKey: [...householdsKey, 'category-kinds'],
  queryFn: ({ signal }) =>
    api.get('/household-categories', ListHouseholdCategoriesResponse, { signal }).then((data) => data.items),
  staleTime: 10 * 60_000,
});

export const householdsQuery = (filter: HouseholdFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...householdsKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get('/households', ListHouseholdsResponse, {
        query: { ...filter, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const householdQuery = (id: string, at?: string) =>
  queryOptions({
    queryKey: [...householdsKey, 'detail', id, at ?? null],
    queryFn: ({ signal }) =>
      api.get(
        `/households/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`,
        HouseholdDetail,
        { signal },
      ),
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
  create: (input: CreateHouseholdRequest) => api.post('/households', CreatedWithDuplicates, input),
  update: (id: string, input: UpdateHouseholdRequest) => api.patch(path(id), HouseholdDetail, input),
  move: (id: string, input: MoveHouseholdRequest) => api.post(`${path(id)}/move`, HouseholdDetail, input),
  remove: (id: string, reason: string) => api.delete(path(id), null, { query: { reason } }),
  addPerson: (id: string, input: PersonInput) =>
    api.post(`${path(id)}/persons`, CreatedWithDuplicates, input),
  updatePerson: (personId: string, input: UpdatePersonRequest) =>
    api.patch(`/persons/${encodeURIComponent(personId)}`, IdResponse, input),
  removePerson: (personId: string, reason: string) =>
    api.delete(`/persons/${encodeURIComponent(personId)}`, null, { query: { reason } }),
  reveal: (personId: string, fields: RevealField[]) =>
    api.post(`/persons/${encodeURIComponent(personId)}/reveal`, RevealPersonResponse, { fields }),
  addCategory: (id: string, input: AddHouseholdCategoryRequest) =>
    api.post(`${path(id)}/categories`, IdResponse, input),
  endCategory: (recordId: string, date: string) =>
    api.post(`/household-categories-records/${encodeURIComponent(recordId)}/end`, EndCategoryResponse, {
      date,
    }),
  setCulturalFamily: (id: string, year: number, input: PutCulturalFamilyRequest) =>
    putJson(`${path(id)}/cultural-family/${year}`, CulturalFamilyRecord, input),
  addConsent: (id: string, input: AddConsentRequest) => api.post(`${path(id)}/consents`, IdResponse, input),
  withdrawConsent: (consentId: string, date: string) =>
    api.post(`/consents/${encodeURIComponent(consentId)}/withdraw`, WithdrawConsentResponse, { date }),
  resolveDuplicate: (flagId: string, status: 'not_duplicate' | 'duplicate') =>
    api.post(`/duplicates/${encodeURIComponent(flagId)}/resolve`, ResolveDuplicateResponse, { status }),
};
