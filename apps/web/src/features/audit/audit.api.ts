import { type ListAuditQuery, ListAuditResponse } from '@doanket/domain';
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type AuditEventData = z.infer<typeof ListAuditResponse>['items'][number];
export type AuditFilter = Omit<ListAuditQuery, 'before' | 'limit'>;

const pageSize = 50;

/** Newest first; each page asks for events older than the last one seen (`nextBefore`). */
export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      api.get('/audit', ListAuditResponse, {
        query: { ...filter, before: pageParam, limit: pageSize },
        signal,
      }),
    getNextPageParam: (page) => page.nextBefore,
  });
