import { MoneyFigures } from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const moneyFiguresQuery = (unit: string, year: number) =>
  queryOptions({
    queryKey: ['stats', 'funds', unit, year],
    queryFn: ({ signal }) => api.get('/stats/funds', MoneyFigures, { query: { unit, year }, signal }),
    // Computed from the ledger at each request: a donation just recorded shows on the next visit.
    staleTime: 0,
    retry: false,
  });
