import { NarrativeResponse, type ReportFormat, type SaveNarrativeRequest } from '@doanket/domain';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type { NarrativeResponse, ReportFormat };

export const reportsKey = ['reports'] as const;

export const narrativeQuery = (unit: string, year: number) =>
  queryOptions({
    queryKey: [...reportsKey, 'narrative', unit, year],
    queryFn: ({ signal }) =>
      api.get('/reports/annual/narrative', NarrativeResponse, { query: { unit, year }, signal }),
  });

export const refreshReports = (client: QueryClient) => client.invalidateQueries({ queryKey: reportsKey });

export const reportsApi = {
  saveNarrative: (body: z.input<typeof SaveNarrativeRequest>) =>
    api.put('/reports/annual/narrative', NarrativeResponse, body),
  /** The document made from the data now, with the narrative saved. */
  file: (unit: string, year: number, format: ReportFormat) =>
    api.file('/reports/annual', { query: { unit, year, format } }),
};
