import {
  CampaignDetail,
  CancelDonationResponse,
  type CreateDonationRequest,
  CreateDonationResponse,
  type DonationDetail,
  DonationDetail as DonationDetailSchema,
  type DonationListItem,
  type DonationStatus,
  ErrorResponse,
  ListCampaignsResponse,
  ListDonationsResponse,
  ListFundsResponse,
} from '@doanket/domain';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, buildUrl } from '../../lib/api';
import type { SendOutcome } from './donation-entry';

export type { DonationDetail, DonationListItem, DonationStatus };

export const donationsKey = ['donations'] as const;

export type DonationFilter = {
  unit: string | null;
  at: string;
  fund?: string | null;
  campaign?: string | null;
  q?: string | null;
  status?: DonationStatus | null;
};

export const donationsQuery = (filter: DonationFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...donationsKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get('/donations', ListDonationsResponse, { query: { ...filter, page, pageSize }, signal }),
  });

export const donationQuery = (id: string) =>
  queryOptions({
    queryKey: [...donationsKey, 'detail', id],
    queryFn: ({ signal }) =>
      api.get(`/donations/${encodeURIComponent(id)}`, DonationDetailSchema, { signal }),
  });

/** Funds of the unit and of the units below it, as of the date. */
export const unitFundsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: ['funds', 'list', { unit, at }],
    queryFn: ({ signal }) =>
      api.get('/funds', ListFundsResponse, { query: { unit, at }, signal }).then((data) => data.items),
  });

/** Campaigns the unit runs or takes part in. */
export const unitCampaignsQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: ['campaigns', 'list', { unit, at }],
    queryFn: ({ signal }) =>
      api
        .get('/campaigns', ListCampaignsResponse, { query: { unit, at }, signal })
        .then((data) => data.items),
  });

/** A campaign's detail (its target items), when the reader may see it. */
export const campaignDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['campaigns', 'detail', id],
    queryFn: ({ signal }) => api.get(`/campaigns/${encodeURIComponent(id)}`, CampaignDetail, { signal }),
    retry: false,
  });

export const receiptPdfUrl = (id: string) => buildUrl(`/donations/${encodeURIComponent(id)}/receipt.pdf`);

/** After a donation is recorded or cancelled: the lists and pages that show money. */
export function refreshDonations(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: donationsKey }),
    client.invalidateQueries({ queryKey: ['funds'] }),
    client.invalidateQueries({ queryKey: ['campaigns'] }),
  ]);
}

const clientFailure = {
  network: { code: 'network', message: 'Không kết nối được máy chủ', messageEn: 'Cannot reach the server' },
  badResponse: {
    code: 'bad_response',
    message: 'Máy chủ trả lời không đúng định dạng',
    messageEn: 'The server answered in an unexpected shape',
  },
};

/**
 * Posts one donation with its idempotency key (the shared client sends no custom headers). Never
 * throws: a lost connection or an odd answer is an outcome like a refusal, and the row can be re-sent.
 */
export async function postDonation(
  body: CreateDonationRequest,
  idempotencyKey: string,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(buildUrl('/donations'), {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, fields: [], ...clientFailure.network };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.ok) {
    const parsed = CreateDonationResponse.safeParse(json);
    return parsed.success
      ? { ok: true, id: parsed.data.id, receiptNumber: parsed.data.receiptNumber }
      : { ok: false, fields: [], ...clientFailure.badResponse };
  }
  const error = ErrorResponse.safeParse(json);
  if (!error.success) return { ok: false, fields: [], ...clientFailure.badResponse };
  return {
    ok: false,
    fields: error.data.fields ?? [],
    code: error.data.code,
    message: error.data.message,
    messageEn: error.data.messageEn,
  };
}

export const donationsApi = {
  cancel: (id: string, reason: string) =>
    api.post(`/donations/${encodeURIComponent(id)}/cancel`, CancelDonationResponse, { reason }),
};
