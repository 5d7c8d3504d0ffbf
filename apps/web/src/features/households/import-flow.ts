import { type ImportField, importColumns } from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import { postForm } from './http';

// Answers of the import endpoints as agreed in the API notes; the API may add fields.
export const InspectResult = z.object({
  kind: z.string().nullish(),
  encoding: z.string().nullish(),
  headerRow: z.number().nullish(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number()),
  missing: z.array(z.string()),
  unknown: z.array(z.object({ index: z.number(), header: z.string() })),
  sampleRows: z.array(z.object({ row: z.number(), values: z.array(z.unknown()) })),
  duplicates: z.array(z.object({ index: z.number(), field: z.string() })).optional(),
});
export type InspectResult = z.infer<typeof InspectResult>;

export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  mode: z.string().nullish(),
  unitCode: z.string().nullish(),
  fileName: z.string().nullish(),
  total: z.number().nullable().default(0),
  processed: z.number().default(0),
  imported: z.number().default(0),
  rejected: z.number().default(0),
  validRows: z.number().nullish(),
  percent: z.number().nullish(),
  errorCount: z.number().nullish(),
  householdsImported: z.number().nullish(),
  duplicatesFlagged: z.number().nullish(),
  message: z.string().nullish(),
  messageEn: z.string().nullish(),
  errors: z
    .array(
      z.object({
        row: z.number().nullish(),
        column: z.string().nullish(),
        reason: z.string(),
        reasonEn: z.string().nullish(),
      }),
    )
    .default([]),
});
export type ImportJob = z.infer<typeof ImportJob>;
export type ImportError = ImportJob['errors'][number];

export type ImportMode = 'check' | 'valid' | 'strict';
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const importFields: readonly ImportField[] = importColumns.map((column) => column.field);
export const requiredFields: readonly ImportField[] = importColumns
  .filter((column) => column.required)
  .map((column) => column.field);

/** Mapping from the inspection, restricted to the fields the register knows. */
export function initialMapping(result: InspectResult): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    const index = result.mapping[field];
    if (typeof index === 'number') mapping[field] = index;
  }
  return mapping;
}

/** The user maps the columns when a required field was not found or some header was not recognised. */
export function needsMapping(result: InspectResult): boolean {
  return result.missing.length > 0 || result.unknown.length > 0;
}

export function missingRequired(mapping: ColumnMapping): ImportField[] {
  return requiredFields.filter((field) => mapping[field] === undefined);
}

/** Fields mapped to a column another field already uses. */
export function sharedColumns(mapping: ColumnMapping): ImportField[] {
  const seen = new Map<number, ImportField>();
  const shared: ImportField[] = [];
  for (const field of importFields) {
    const index = mapping[field];
    if (index === undefined) continue;
    if (seen.has(index)) shared.push(field);
    else seen.set(index, field);
  }
  return shared;
}

/** "A", "B", … "Z", "AA": how a spreadsheet names column `index` (0-based). */
export function columnLetter(index: number): string {
  let name = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    name = String.fromCharCode(65 + digit) + name;
    rest = Math.floor((rest - 1) / 26);
  }
  return name;
}

export function columnLabel(index: number, header: string | undefined): string {
  const text = header?.trim();
  return text ? `${columnLetter(index)} · ${text}` : columnLetter(index);
}

export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'done' || job.status === 'failed';
}

/** Whole percent done: the server's own figure when it gives one, else rows processed of the total. */
export function progressPercent(job: Pick<ImportJob, 'status' | 'total' | 'processed' | 'percent'>): number {
  if (job.status === 'done') return 100;
  if (typeof job.percent === 'number') return Math.max(0, Math.min(99, Math.floor(job.percent)));
  if (!job.total) return 0;
  return Math.min(99, Math.floor((job.processed / job.total) * 100));
}

/** Rows that passed the check: the server's count when it gives one, else every row not rejected. */
export function validRows(job: Pick<ImportJob, 'total' | 'rejected' | 'validRows'>): number {
  if (typeof job.validRows === 'number') return job.validRows;
  return Math.max(0, (job.total ?? 0) - job.rejected);
}

function fileForm(file: File, mapping: ColumnMapping | null): FormData {
  const form = new FormData();
  // Text fields before the file: a streaming reader sees the mapping before the rows.
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return form;
}

export function inspectFile(file: File): Promise<InspectResult> {
  return postForm('/households/import/inspect', InspectResult, fileForm(file, null));
}

export function startImport(options: {
  file: File;
  unit: string;
  at: string;
  mode: ImportMode;
  mapping: ColumnMapping | null;
}): Promise<{ id: string }> {
  return postForm(
    '/households/import',
    z.object({ id: z.string() }),
    fileForm(options.file, options.mapping),
    {
      unit: options.unit,
      at: options.at,
      mode: options.mode,
    },
  );
}

export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get(`/imports/${encodeURIComponent(id)}`, ImportJob, { signal }),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 700),
    staleTime: 0,
  });
