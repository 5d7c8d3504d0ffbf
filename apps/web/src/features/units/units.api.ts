import {
  type CreateUnitRequest,
  LineageResponse,
  ListUnitsResponse,
  SearchUnitsResponse,
  Unit,
  type UnitChangeRequest,
  UnitDetail,
} from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type UnitItem = z.infer<typeof Unit>;
export type UnitDetailData = z.infer<typeof UnitDetail>;
export type UnitSearchHit = z.infer<typeof SearchUnitsResponse>['items'][number];
export type Lineage = z.infer<typeof LineageResponse>;
export type CreateUnitInput = z.input<typeof CreateUnitRequest>;
export type UnitChangeInput = z.input<typeof UnitChangeRequest>;

/** Every unit query starts with this key, so one invalidation refreshes trees, lists and details. */
export const unitsKey = ['units'] as const;

export const unitChildrenQuery = (at: string, parent: string | null) =>
  queryOptions({
    queryKey: [...unitsKey, 'children', at, parent],
    queryFn: ({ signal }) =>
      api.get('/units', ListUnitsResponse, { query: { at, parent }, signal }).then((data) => data.items),
  });

export const unitSearchQuery = (at: string, q: string, limit = 20) =>
  queryOptions({
    queryKey: [...unitsKey, 'search', at, q, limit],
    queryFn: ({ signal }) =>
      api.get('/units/search', SearchUnitsResponse, { query: { at, q, limit }, signal }).then((d) => d.items),
  });

export const unitDetailQuery = (code: string, at: string) =>
  queryOptions({
    queryKey: [...unitsKey, 'detail', code, at],
    queryFn: ({ signal }) =>
      api.get(`/units/${encodeURIComponent(code)}`, UnitDetail, { query: { at }, signal }),
  });

export const unitLineageQuery = (code: string, at: string) =>
  queryOptions({
    queryKey: [...unitsKey, 'lineage', code, at],
    queryFn: ({ signal }) =>
      api.get(`/units/${encodeURIComponent(code)}/lineage`, LineageResponse, { query: { at }, signal }),
  });

export function createResidentialGroup(input: z.output<typeof CreateUnitRequest>): Promise<UnitItem> {
  return api.post('/units', Unit, input);
}

export function changeResidentialGroup(
  code: string,
  change: z.output<typeof UnitChangeRequest>,
): Promise<UnitItem> {
  return api.post(`/units/${encodeURIComponent(code)}/changes`, Unit, change);
}
