import { SelfGovernanceBreakdown } from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type StatsBreakdown = z.infer<typeof SelfGovernanceBreakdown>;
export type Figures = StatsBreakdown['total'];
export type ChildFigures = StatsBreakdown['children'][number];

export const statsBreakdownQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: ['stats', 'self-governance', 'breakdown', unit, at],
    queryFn: ({ signal }) =>
      api.get('/stats/self-governance/breakdown', SelfGovernanceBreakdown, { query: { unit, at }, signal }),
    // Figures follow every change to teams and households; read them afresh each time the page opens.
    staleTime: 0,
  });
