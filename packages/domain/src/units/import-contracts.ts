import { z } from 'zod';

const Code = z.string().trim().min(1).max(16);
const Name = z.string().trim().min(1).max(200);

/** Official list before 1 July 2025: provinces → districts → wards. */
export const ThreeLevelList = z.array(
  z.object({
    Code,
    FullName: Name,
    District: z
      .array(
        z.object({
          Code,
          FullName: Name,
          Ward: z
            .array(z.object({ Code, FullName: Name }))
            .nullable()
            .optional(),
        }),
      )
      .nullable()
      .optional(),
  }),
);
export type ThreeLevelList = z.infer<typeof ThreeLevelList>;

/** Official list from 1 July 2025: provinces → wards, communes and special zones. */
export const TwoLevelList = z.array(
  z.object({
    Code,
    FullName: Name,
    Wards: z
      .array(z.object({ Code, FullName: Name }))
      .nullable()
      .optional(),
  }),
);
export type TwoLevelList = z.infer<typeof TwoLevelList>;

const MergeSource = z.object({ old_id: Code, name: Name, type: z.enum(['full', 'partial']) });

/** For each new unit, the old units it came from. */
export const MergesMap = z.object({
  data: z.array(
    z.object({
      level1_id: Code,
      name: Name,
      merges: z.array(MergeSource).default([]),
      level2s: z.array(z.object({ level2_id: Code, name: Name, merges: z.array(MergeSource) })).default([]),
    }),
  ),
});
export type MergesMap = z.infer<typeof MergesMap>;

export const ImportProblemKind = z.enum([
  'unknown_new_unit',
  'unknown_predecessor',
  'new_unit_without_lineage',
  'old_unit_without_successor',
  'name_mismatch',
  'cross_province',
  'cross_district_partial',
  'excluded_link',
  'duplicate_code',
]);
export type ImportProblemKind = z.infer<typeof ImportProblemKind>;

export const ImportProblem = z.object({
  /** error: left out of the import; warning: imported, worth a look. */
  severity: z.enum(['error', 'warning']),
  kind: ImportProblemKind,
  code: z.string(),
  name: z.string(),
  detail: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

export const UnitsImportReport = z.object({
  provinces: ImportCounts,
  districts: ImportCounts,
  oldWards: ImportCounts,
  newWards: ImportCounts,
  lineage: ImportCounts.extend({ skipped: z.number() }),
  problems: z.array(ImportProblem),
  durationMs: z.number(),
});
export type UnitsImportReport = z.infer<typeof UnitsImportReport>;

export const problemLabels: Record<ImportProblemKind, { vi: string; en: string }> = {
  unknown_new_unit: {
    vi: 'Đơn vị mới không có trong danh mục 2 cấp',
    en: 'New unit not in the two-level list',
  },
  unknown_predecessor: {
    vi: 'Đơn vị cũ không có trong danh mục 3 cấp',
    en: 'Old unit not in the three-level list',
  },
  new_unit_without_lineage: { vi: 'Đơn vị mới không có nguồn gốc', en: 'New unit with no predecessor' },
  old_unit_without_successor: { vi: 'Đơn vị cũ không có đơn vị kế thừa', en: 'Old unit with no successor' },
  name_mismatch: { vi: 'Tên khác với danh mục', en: 'Name differs from the list' },
  cross_province: { vi: 'Sáp nhập khác tỉnh', en: 'Merge across provinces' },
  cross_district_partial: {
    vi: 'Một phần từ quận/huyện khác, cần rà soát',
    en: 'Part taken from another district, to review',
  },
  excluded_link: { vi: 'Liên kết bị loại theo yêu cầu', en: 'Link excluded on request' },
  duplicate_code: { vi: 'Mã trùng trong danh mục', en: 'Code repeated in the list' },
};
