import { z } from 'zod';
import { IsoDate, UnitCode, Uuid } from '../common/schemas';
import { importColumns } from '../residents/import-headers';

/** Contracts of the households import: inspect a file, start an import, follow it, get its report. */

export const ImportFieldName = z.enum(
  importColumns.map((column) => column.field) as [
    (typeof importColumns)[number]['field'],
    ...(typeof importColumns)[number]['field'][],
  ],
);

/** Field → index (from 0) of the file column holding it, as the column-mapping step sets it. */
export const HouseholdImportMapping = z
  .partialRecord(ImportFieldName, z.number().int().min(0).max(16_383))
  .meta({
    description: 'Trường → số thứ tự cột (từ 0) / field → column index (from 0)',
    example: { householdCode: 0, fullName: 3, relation: 4 },
  });
export type HouseholdImportMapping = z.infer<typeof HouseholdImportMapping>;

export const HouseholdImportMode = z.enum(['valid', 'strict', 'check']).meta({
  description:
    'valid: nhập các hộ hợp lệ; strict: không nhập gì nếu có dòng lỗi; check: chỉ kiểm tra, không ghi / ' +
    'valid: import the valid households; strict: nothing unless every row is valid; check: validate only',
});
export type HouseholdImportMode = z.infer<typeof HouseholdImportMode>;

export const StartHouseholdImportQuery = z.object({
  unit: UnitCode.meta({ description: 'Mã phường, xã / ward code' }),
  mode: HouseholdImportMode.default('valid'),
  at: IsoDate.optional().meta({
    description:
      'Ngày hiệu lực của dữ liệu nhập (mặc định hôm nay) / date the data holds from (default today)',
  }),
});
export type StartHouseholdImportQuery = z.infer<typeof StartHouseholdImportQuery>;

export const StartHouseholdImportResponse = z.object({ id: Uuid });
export type StartHouseholdImportResponse = z.infer<typeof StartHouseholdImportResponse>;

export const ImportJobParams = z.object({ id: Uuid });

export const ImportErrorLine = z.object({
  /** The row as Excel shows it (the header is row 1 when it is the first line); 0 for the whole file. */
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export type ImportErrorLine = z.infer<typeof ImportErrorLine>;

export const ImportJobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const HouseholdImportJob = z.object({
  id: Uuid,
  status: ImportJobStatus,
  mode: HouseholdImportMode,
  unitCode: z.string(),
  unitName: z.string().nullable(),
  at: IsoDate.nullable(),
  fileName: z.string().nullable(),
  /** 'reading' while rows are read and checked, 'writing' while valid households are saved. */
  phase: z.enum(['queued', 'reading', 'writing', 'finished']),
  /** Data rows of the file (known once it has been read to its end; rows read so far before that). */
  total: z.number().int(),
  /** Rows read and checked. */
  processed: z.number().int(),
  /** Rows written to the register (0 in check mode, and when strict mode refused the file). */
  imported: z.number().int(),
  /** Rows of households that have errors: none of them is written. */
  rejected: z.number().int(),
  /** Rows that would be written: every row of a valid household. */
  validRows: z.number().int(),
  householdsImported: z.number().int(),
  householdsValid: z.number().int(),
  householdsRejected: z.number().int(),
  householdsCreated: z.number().int(),
  householdsUpdated: z.number().int(),
  householdsMoved: z.number().int(),
  personsCreated: z.number().int(),
  personsUpdated: z.number().int(),
  /** Members already registered but absent from the file: kept, not deleted. */
  membersKept: z.number().int(),
  categoriesAdded: z.number().int(),
  duplicatesFlagged: z.number().int(),
  /** 0–100, for a progress bar. */
  percent: z.number().int().min(0).max(100),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  /** The first errors (the whole list is in errors.csv). */
  errors: z.array(ImportErrorLine),
  errorCount: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type HouseholdImportJob = z.infer<typeof HouseholdImportJob>;

export const ErrorReportQuery = z.object({
  lang: z.enum(['vi', 'en']).default('vi'),
});

export const HouseholdFileInspection = z.object({
  kind: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  /** Row number of the header row: title rows above it are skipped. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: HouseholdImportMapping,
  /** Required fields without a column: the mapping step must choose them. */
  missing: z.array(ImportFieldName),
  unknown: z.array(z.object({ index: z.number().int(), header: z.string() })),
  /** Columns naming a field an earlier column already took. */
  duplicates: z.array(z.object({ index: z.number().int(), field: ImportFieldName })),
  /** Columns the register does not use (STT). */
  ignored: z.array(z.number().int()),
  sampleRows: z.array(z.object({ row: z.number().int(), values: z.array(z.string()) })),
  /** The template's fields, in order, for the mapping step. */
  fields: z.array(z.object({ field: ImportFieldName, header: z.string(), required: z.boolean() })),
});
export type HouseholdFileInspection = z.infer<typeof HouseholdFileInspection>;
