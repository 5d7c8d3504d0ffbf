import {
  AchievementResponse,
  type BankLine,
  type BankLineStatus,
  CampaignDetail,
  type CampaignListItem,
  CampaignStockResponse,
  CampaignVietQrResponse,
  type CreateCampaignRequest,
  CreateCampaignResponse,
  type CreateFundRequest,
  CreateFundResponse,
  type DecideBankLineRequest,
  DecideBankLineResponse,
  FundDetail,
  type FundKind,
  type FundWithTotals,
  ImportBankStatementResponse,
  type LedgerEntry,
  ListBankLinesResponse,
  ListBankStatementsResponse,
  ListCampaignsResponse,
  ListEntriesResponse,
  ListFundsResponse,
  MonthlyResponse,
  PostedResponse,
  SetLegalBasisResponse,
  SetTargetsResponse,
  type StockItem,
  TransferResponse,
  TransferTargetsResponse,
  VerifyResponse,
} from '@doanket/domain';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import { postForm, putJson } from '../households/http';

export type {
  BankLine,
  BankLineStatus,
  CampaignDetail,
  CampaignListItem,
  FundDetail,
  FundKind,
  FundWithTotals,
  LedgerEntry,
  StockItem,
};
export type AchievementRow = z.infer<typeof AchievementResponse>['unit'];
export type MonthTotals = z.infer<typeof MonthlyResponse>['items'][number];
export type BankStatementSummary = z.infer<typeof ListBankStatementsResponse>['items'][number];
export type ImportSummary = z.infer<typeof ImportBankStatementResponse>;
export type CampaignWarning = z.infer<typeof CreateCampaignResponse>['warnings'][number];
export type CreateFundInput = z.input<typeof CreateFundRequest>;
export type CreateCampaignInput = z.input<typeof CreateCampaignRequest>;

/** Every funds and campaigns query starts with one of these, so a change refreshes them at once. */
export const fundsKey = ['funds'] as const;
export const campaignsKey = ['campaigns'] as const;

/** After money moved or a fund changed: funds, campaigns (their totals) and donations lists. */
export function refreshMoney(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: fundsKey }),
    client.invalidateQueries({ queryKey: campaignsKey }),
    client.invalidateQueries({ queryKey: ['donations'] }),
  ]);
}

export const fundsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: [...fundsKey, 'list', unit, at],
    queryFn: ({ signal }) =>
      api.get('/funds', ListFundsResponse, { query: { unit, at }, signal }).then((data) => data.items),
  });

export const fundQuery = (id: string) =>
  queryOptions({
    queryKey: [...fundsKey, 'detail', id],
    queryFn: ({ signal }) => api.get(`/funds/${encodeURIComponent(id)}`, FundDetail, { signal }),
  });

export const entriesQuery = (id: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...fundsKey, 'entries', id, page, pageSize],
    queryFn: ({ signal }) =>
      api.get(`/funds/${encodeURIComponent(id)}/entries`, ListEntriesResponse, {
        query: { page, pageSize },
        signal,
      }),
  });

export const monthlyQuery = (id: string) =>
  queryOptions({
    queryKey: [...fundsKey, 'monthly', id],
    queryFn: ({ signal }) =>
      api.get(`/funds/${encodeURIComponent(id)}/monthly`, MonthlyResponse, { signal }).then((d) => d.items),
  });

export const statementsQuery = (id: string) =>
  queryOptions({
    queryKey: [...fundsKey, 'statements', id],
    queryFn: ({ signal }) =>
      api
        .get(`/funds/${encodeURIComponent(id)}/bank-statements`, ListBankStatementsResponse, { signal })
        .then((data) => data.items),
  });

export const bankLinesQuery = (id: string, status: BankLineStatus, page: number) =>
  queryOptions({
    queryKey: [...fundsKey, 'bank-lines', id, status, page],
    queryFn: ({ signal }) =>
      api.get(`/funds/${encodeURIComponent(id)}/bank-lines`, ListBankLinesResponse, {
        query: { status, page, pageSize: 50 },
        signal,
      }),
  });

export const transferTargetsQuery = (id: string) =>
  queryOptions({
    queryKey: [...fundsKey, 'transfer-targets', id],
    queryFn: ({ signal }) =>
      api
        .get(`/funds/${encodeURIComponent(id)}/transfer-targets`, TransferTargetsResponse, { signal })
        .then((data) => data.items),
  });

export const campaignsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: [...campaignsKey, 'list', unit, at],
    queryFn: ({ signal }) =>
      api
        .get('/campaigns', ListCampaignsResponse, { query: { unit, at }, signal })
        .then((data) => data.items),
  });

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: [...campaignsKey, 'detail', id],
    queryFn: ({ signal }) => api.get(`/campaigns/${encodeURIComponent(id)}`, CampaignDetail, { signal }),
  });

export const achievementQuery = (id: string, unit: string | null, at: string | null) =>
  queryOptions({
    queryKey: [...campaignsKey, 'achievement', id, unit, at],
    queryFn: ({ signal }) =>
      api.get(`/campaigns/${encodeURIComponent(id)}/achievement`, AchievementResponse, {
        query: { unit, at },
        signal,
      }),
  });

export const vietQrQuery = (id: string) =>
  queryOptions({
    queryKey: [...campaignsKey, 'vietqr', id],
    queryFn: ({ signal }) =>
      api.get(`/campaigns/${encodeURIComponent(id)}/vietqr`, CampaignVietQrResponse, { signal }),
    retry: false,
  });

export const stockQuery = (id: string) =>
  queryOptions({
    queryKey: [...campaignsKey, 'stock', id],
    queryFn: ({ signal }) =>
      api
        .get(`/campaigns/${encodeURIComponent(id)}/stock`, CampaignStockResponse, { signal })
        .then((data) => data.items),
    retry: false,
  });

const Created = z.object({ id: z.string() });
const fundPath = (id: string) => `/funds/${encodeURIComponent(id)}`;

export const fundsApi = {
  createFund: (input: CreateFundInput) => api.post('/funds', CreateFundResponse, input),
  addBankAccount: (
    id: string,
    input: {
      bankBin: string;
      bankName: string;
      accountNumber: string;
      accountName: string;
      validFrom?: string;
    },
  ) => api.post(`${fundPath(id)}/bank-accounts`, Created, input),
  addBoardMember: (id: string, input: { name: string; position: string; validFrom?: string }) =>
    api.post(`${fundPath(id)}/board`, Created, input),
  reverse: (entryId: string, reason: string) =>
    api.post(`/ledger/entries/${encodeURIComponent(entryId)}/reverse`, PostedResponse, { reason }),
  transfer: (input: {
    fromFundId: string;
    toFundId: string;
    amount: number;
    entryDate: string;
    memo: string;
  }) => api.post('/funds/transfers', TransferResponse, input),
  verify: (id: string) => api.get('/ledger/verify', VerifyResponse, { query: { fund: id } }),
  importStatement: (id: string, file: File, account: string | null) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return postForm(`${fundPath(id)}/bank-statements`, ImportBankStatementResponse, form, { account });
  },
  decideLine: (lineId: string, decision: DecideBankLineRequest) =>
    api.post(`/bank-lines/${encodeURIComponent(lineId)}/decide`, DecideBankLineResponse, decision),
  createCampaign: (input: CreateCampaignInput) => api.post('/campaigns', CreateCampaignResponse, input),
  setLegalBasis: (id: string, legalBasis: string | null) =>
    putJson(`/campaigns/${encodeURIComponent(id)}/legal-basis`, SetLegalBasisResponse, { legalBasis }),
  setTargets: (id: string, targets: Array<{ unitCode: string; amount: number }>) =>
    putJson(`/campaigns/${encodeURIComponent(id)}/targets`, SetTargetsResponse, { targets }),
};
