import {
  PublicCampaignResponse,
  PublicCampaignsResponse,
  PublicEntryResponse,
  PublicFundResponse,
} from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type PublicCampaign = z.infer<typeof PublicCampaignResponse>;
export type PublicFund = z.infer<typeof PublicFundResponse>;
export type PublicEntry = z.infer<typeof PublicEntryResponse>;

export const publicCampaignsQuery = (unit: string | null) =>
  queryOptions({
    queryKey: ['public', 'campaigns', unit],
    queryFn: ({ signal }) =>
      api.get('/public/campaigns', PublicCampaignsResponse, { query: { unit }, signal }),
  });

export const publicCampaignQuery = (code: string) =>
  queryOptions({
    queryKey: ['public', 'campaign', code],
    queryFn: ({ signal }) =>
      api.get(`/public/campaigns/${encodeURIComponent(code)}`, PublicCampaignResponse, { signal }),
  });

export const publicFundQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'fund', id],
    queryFn: ({ signal }) =>
      api.get(`/public/funds/${encodeURIComponent(id)}`, PublicFundResponse, { signal }),
  });

export const publicEntryQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'entry', id],
    queryFn: ({ signal }) =>
      api.get(`/public/entries/${encodeURIComponent(id)}`, PublicEntryResponse, { signal }),
    // Whether the entry still matches is the point of the page: ask afresh each time.
    staleTime: 0,
  });
