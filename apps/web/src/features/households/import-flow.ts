import {
  HouseholdFileInspection,
  HouseholdImportJob,
  type HouseholdImportMapping,
  type HouseholdImportMode,
  type ImportField,
  importColumns,
  StartHouseholdImportResponse,
} from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { postForm } from './http';

export type InspectResult = HouseholdFileInspection;
export type ImportJob = HouseholdImportJob;
export type ImportError = ImportJob['errors'][number];

export type ImportMode = HouseholdImportMode;
export type ColumnMapping = HouseholdImportMapping;

export const importFields: readonly ImportField[] = importColumns.map((column) => column.field);
export const requiredFields: readonly ImportField[] = importColumns
  .filter((column) => column.required)
  .map((column) => column.field);

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

/** Whole percent for the progress bar; 100 only once the job is done. */
export function progressPercent(job: Pick<ImportJob, 'status' | 'percent'>): number {
  if (job.status === 'done') return 100;
  return Math.max(0, Math.min(99, Math.floor(job.percent)));
}

function fileForm(file: File, mapping: ColumnMapping | null): FormData {
  const form = new FormData();
  // Text fields before the file: a streaming reader sees the mapping before the rows.
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return form;
}

export function inspectFile(file: File): Promise<InspectResult> {
  return postForm('/households/import/inspect', HouseholdFileInspection, fileForm(file, null));
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
    StartHouseholdImportResponse,
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
    queryFn: ({ signal }) => api.get(`/imports/${encodeURIComponent(id)}`, HouseholdImportJob, { signal }),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 700),
    staleTime: 0,
  });
