import {
  CampaignStockResponse,
  ConfirmDistributionResponse,
  CoverageByUnitResponse,
  type CreateDistributionsRequest,
  CreateDistributionsResponse,
  type CreateProgramInput,
  CreateProgramResponse,
  type DistributionRow,
  type DistributionStatus,
  type EligibleHousehold,
  EligibleResponse,
  ListCampaignsResponse,
  ListDistributionsResponse,
  ListFundsResponse,
  ListProgramsResponse,
  PayDistributionsResponse,
  ProgramDetail,
  type ProgramKind,
  type ProgramListItem,
  programKinds,
  type StockItem,
  UnitDetail,
} from '@doanket/domain';
import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type {
  DistributionRow,
  DistributionStatus,
  EligibleHousehold,
  ProgramDetail,
  ProgramKind,
  ProgramListItem,
  StockItem,
};
export type CoverageRow = z.infer<typeof CoverageByUnitResponse>['items'][number];
export { programKinds };

export const programsKey = ['programs'] as const;

/** After a change to a list or a payment: programmes, their lists and coverage, stock and fund figures. */
export function refreshPrograms(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: programsKey }),
    client.invalidateQueries({ queryKey: ['funds'] }),
    client.invalidateQueries({ queryKey: ['campaigns'] }),
  ]);
}

const path = (id: string, rest = '') => `/programs/${encodeURIComponent(id)}${rest}`;

export const programsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: [...programsKey, 'list', unit, at],
    queryFn: ({ signal }) =>
      api.get('/programs', ListProgramsResponse, { query: { unit, at }, signal }).then((data) => data.items),
  });

export const programQuery = (id: string) =>
  queryOptions({
    queryKey: [...programsKey, 'detail', id],
    queryFn: ({ signal }) => api.get(path(id), ProgramDetail, { signal }),
  });

export const coverageByUnitQuery = (id: string, unit: string | null) =>
  queryOptions({
    queryKey: [...programsKey, 'coverage', id, unit],
    queryFn: ({ signal }) =>
      api.get(path(id, '/coverage/by-unit'), CoverageByUnitResponse, { query: { unit }, signal }),
  });

export const eligibleQuery = (id: string, unit: string | null, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...programsKey, 'eligible', id, unit, page, pageSize],
    queryFn: ({ signal }) =>
      api.get(path(id, '/eligible'), EligibleResponse, {
        query: { unit, missing: true, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export type DistributionFilter = { unit: string | null; status: DistributionStatus | null };

export const distributionsQuery = (id: string, filter: DistributionFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...programsKey, 'distributions', id, filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get(path(id, '/distributions'), ListDistributionsResponse, {
        query: { ...filter, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** Every row of a unit's list, page after page (for the signature sheet). */
export const allDistributionsQuery = (id: string, unit: string | null) =>
  queryOptions({
    queryKey: [...programsKey, 'distributions-all', id, unit],
    queryFn: async ({ signal }) => {
      const rows: DistributionRow[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.get(path(id, '/distributions'), ListDistributionsResponse, {
          query: { unit, page, pageSize: 500 },
          signal,
        });
        rows.push(...answer.items);
        if (rows.length >= answer.total || answer.items.length === 0) return rows;
      }
    },
  });

export const stockQuery = (campaignId: string) =>
  queryOptions({
    queryKey: [...programsKey, 'stock', campaignId],
    queryFn: ({ signal }) =>
      api
        .get(`/campaigns/${encodeURIComponent(campaignId)}/stock`, CampaignStockResponse, { signal })
        .then((data) => data.items),
    retry: false,
  });

export type FundOption = z.infer<typeof ListFundsResponse>['items'][number];
export type CampaignOption = z.infer<typeof ListCampaignsResponse>['items'][number];

/**
 * Funds that may pay a programme of the unit: its own and those of the units above it (the ones the
 * user may read; a ward's committee does not see the district's funds).
 */
export const payingFundsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: [...programsKey, 'paying-funds', unit, at],
    queryFn: async ({ signal }) => {
      const detail = await api.get(`/units/${encodeURIComponent(unit)}`, UnitDetail, {
        query: { at },
        signal,
      });
      const codes = [...new Set([...detail.path.map((step) => step.code), unit])];
      const found: FundOption[] = [];
      for (const code of codes.reverse()) {
        try {
          const list = await api.get('/funds', ListFundsResponse, { query: { unit: code, at }, signal });
          found.push(...list.items.filter((fund) => fund.unitCode === code));
        } catch {
          // A unit above the user's scope: its funds stay out of the list.
        }
      }
      return found;
    },
  });

export const campaignOptionsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: [...programsKey, 'campaign-options', unit, at],
    queryFn: ({ signal }) =>
      api
        .get('/campaigns', ListCampaignsResponse, { query: { unit, at }, signal })
        .then((data) => data.items),
  });

export const programsApi = {
  create: (body: CreateProgramInput) => api.post('/programs', CreateProgramResponse, body),
  addDistributions: (id: string, body: z.input<typeof CreateDistributionsRequest>) =>
    api.post(path(id, '/distributions'), CreateDistributionsResponse, body),
  pay: (body: { ids: string[]; paidOn: string; method: 'cash' | 'bank' }) =>
    api.post('/distributions/pay', PayDistributionsResponse, body),
  confirm: (id: string, confirmedOn: string) =>
    api.post(`/distributions/${encodeURIComponent(id)}/confirm`, ConfirmDistributionResponse, {
      confirmedOn,
    }),
  remove: (id: string) => api.delete(`/distributions/${encodeURIComponent(id)}`, null),
};

/** "2 Máy tính xách tay, 1 Điện thoại" */
export const itemsText = (items: readonly { name: string; quantity: number }[]) =>
  items.map((item) => `${item.quantity} ${item.name}`).join(', ');
