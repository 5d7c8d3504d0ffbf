import {
  type CreatePlanRequest,
  CreatePlanResponse,
  type EnterValueRequest,
  EnterValueResponse,
  EvaluationResponse,
  ListIndicatorsResponse,
  ListPlansResponse,
  PlanDetail,
  SetUnitTargetsResponse,
} from '@doanket/domain';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';
import type { Period } from './dashboard';

export type { CreatePlanRequest, EnterValueRequest, PlanDetail };
export type PlanListItem = z.infer<typeof ListPlansResponse>['items'][number];
export type IndicatorDefinition = z.infer<typeof ListIndicatorsResponse>['items'][number];
export type EvaluationData = z.infer<typeof EvaluationResponse>;
export type UnitTargetInput = { key: string; comparison?: string; value: number; max?: number | null };

export const plansKey = ['plans'] as const;

export const refreshPlans = (client: QueryClient) => client.invalidateQueries({ queryKey: plansKey });

const planPath = (id: string, rest = '') => `/plans/${encodeURIComponent(id)}${rest}`;

export const plansQuery = (unit: string, year: number) =>
  queryOptions({
    queryKey: [...plansKey, 'list', unit, year],
    queryFn: ({ signal }) =>
      api.get('/plans', ListPlansResponse, { query: { unit, year }, signal }).then((data) => data.items),
  });

export const indicatorsQuery = queryOptions({
  queryKey: [...plansKey, 'indicators'],
  queryFn: ({ signal }) =>
    api.get('/indicators', ListIndicatorsResponse, { signal }).then((data) => data.items),
});

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: [...plansKey, 'detail', id],
    queryFn: ({ signal }) => api.get(planPath(id), PlanDetail, { signal }),
  });

export const evaluationQuery = (id: string, unit: string | null, period: Period) =>
  queryOptions({
    queryKey: [...plansKey, 'evaluation', id, unit, period],
    queryFn: ({ signal }) =>
      api.get(planPath(id, '/evaluation'), EvaluationResponse, { query: { unit, period }, signal }),
  });

export const evidenceHref = (valueId: string) =>
  buildUrl(`/plan-values/${encodeURIComponent(valueId)}/evidence`);

export const plansApi = {
  create: (body: CreatePlanRequest) => api.post('/plans', CreatePlanResponse, body),
  enterValue: (id: string, body: EnterValueRequest) =>
    api.post(planPath(id, '/values'), EnterValueResponse, body),
  setUnitTargets: (id: string, body: { unitCode: string; targets: UnitTargetInput[] }) =>
    api.put(planPath(id, '/targets'), SetUnitTargetsResponse, body),
};

/** Reads a chosen file as a data URL, the form the API takes evidence in. */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
