import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';

// Answer of the figures endpoint as agreed in the API notes; the API may add fields.
const Figures = z.object({
  teams: z.number(),
  teamMembers: z.number(),
  groups: z.number(),
  groupMembers: z.number(),
  householdsSupervised: z.number(),
  households: z.number().nullish(),
  byCategory: z.record(z.string(), z.number()).nullish(),
});
export type Figures = z.infer<typeof Figures>;

export const StatsBreakdown = z.object({
  unitCode: z.string(),
  unitName: z.string().nullish(),
  at: z.string().nullish(),
  total: Figures,
  children: z.array(
    Figures.extend({ unitCode: z.string(), unitName: z.string().nullish(), kind: z.string().nullish() }),
  ),
});
export type StatsBreakdown = z.infer<typeof StatsBreakdown>;
export type ChildFigures = StatsBreakdown['children'][number];

export const statsBreakdownQuery = (unit: string, at: string) =>
  queryOptions({
    queryKey: ['stats', 'self-governance', 'breakdown', unit, at],
    queryFn: ({ signal }) =>
      api.get('/stats/self-governance/breakdown', StatsBreakdown, { query: { unit, at }, signal }),
  });
