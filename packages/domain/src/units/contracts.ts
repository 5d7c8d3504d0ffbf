import { z } from 'zod';
import { IsoDate, ItemsOf, NonBlankName, UnitCode } from '../common/schemas';

export const UnitKind = z.enum(['province', 'district', 'ward', 'residential_group']).meta({
  description: 'Tỉnh/thành phố, quận/huyện (đến 30/6/2025), phường/xã/đặc khu, tổ dân phố/thôn/ấp/bản',
});
export type UnitKind = z.infer<typeof UnitKind>;

/** The official or customary sub-kind, which gives the unit its title (Phường, Xã, Thôn…). */
export const UnitSubkind = z.enum([
  'thanh_pho_tw',
  'tinh',
  'quan',
  'huyen',
  'thi_xa',
  'thanh_pho',
  'phuong',
  'xa',
  'thi_tran',
  'dac_khu',
  'to_dan_pho',
  'thon',
  'ap',
  'ban',
]);
export type UnitSubkind = z.infer<typeof UnitSubkind>;

export const ResidentialGroupSubkind = z.enum(['to_dan_pho', 'thon', 'ap', 'ban']);

export const LineageType = z.enum(['full', 'partial']);
export type LineageType = z.infer<typeof LineageType>;

export const Unit = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: UnitKind,
    subkind: UnitSubkind.nullable(),
    parentCode: z.string().nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().meta({
      description: 'First day the version no longer applies (half-open period); null while in force',
    }),
    resolution: z.string().nullable(),
    hasChildren: z.boolean(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const ListUnitsQuery = z.object({
  at: IsoDate.optional().meta({ description: 'As-of date; today when absent' }),
  parent: UnitCode.optional().meta({
    description: 'Code of the parent valid on that date; roots when absent',
  }),
});
export type ListUnitsQuery = z.infer<typeof ListUnitsQuery>;
export const ListUnitsResponse = ItemsOf(Unit);
export type ListUnitsResponse = z.infer<typeof ListUnitsResponse>;

export const SearchUnitsQuery = z.object({
  q: z.string().trim().min(1).max(100),
  at: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const UnitSearchHit = Unit.extend({
  path: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const SearchUnitsResponse = ItemsOf(UnitSearchHit);
export type SearchUnitsResponse = z.infer<typeof SearchUnitsResponse>;

export const UnitCodeParams = z.object({ code: UnitCode });
export const AtQuery = z.object({ at: IsoDate.optional() });

export const UnitVersion = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  resolution: z.string().nullable(),
});

export const UnitDetail = Unit.extend({
  path: z.array(z.object({ code: z.string(), name: z.string(), kind: UnitKind })),
  versions: z.array(UnitVersion),
  canWrite: z.boolean(),
}).meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof UnitDetail>;

export const LineageLink = z.object({
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  type: LineageType,
  date: IsoDate,
  resolution: z.string().nullable(),
});
export type LineageLink = z.infer<typeof LineageLink>;

export const LineageResponse = z
  .object({ predecessors: z.array(LineageLink), successors: z.array(LineageLink) })
  .meta({ id: 'Lineage' });
export type LineageResponse = z.infer<typeof LineageResponse>;

export const CreateUnitRequest = z
  .object({
    parentCode: UnitCode,
    name: NonBlankName,
    kind: z.literal('residential_group'),
    subkind: ResidentialGroupSubkind.default('to_dan_pho'),
    validFrom: IsoDate,
    resolution: z.string().trim().max(300).optional(),
  })
  .meta({ id: 'CreateUnitRequest' });
export type CreateUnitRequest = z.input<typeof CreateUnitRequest>;
export const CreateUnitResponse = Unit;

/** Dated changes to a residential group: each one starts a new version on its date. */
export const UnitChangeRequest = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('rename'),
      date: IsoDate,
      name: NonBlankName,
      resolution: z.string().trim().max(300).optional(),
    }),
    z.object({
      type: z.literal('move'),
      date: IsoDate,
      parentCode: UnitCode,
      resolution: z.string().trim().max(300).optional(),
    }),
    z.object({ type: z.literal('close'), date: IsoDate, resolution: z.string().trim().max(300).optional() }),
  ])
  .meta({ id: 'UnitChangeRequest' });
export type UnitChangeRequest = z.input<typeof UnitChangeRequest>;

/** Titles by sub-kind, used when a name has to be composed or read. */
export const subkindTitles: Record<UnitSubkind, string> = {
  thanh_pho_tw: 'Thành phố',
  tinh: 'Tỉnh',
  quan: 'Quận',
  huyen: 'Huyện',
  thi_xa: 'Thị xã',
  thanh_pho: 'Thành phố',
  phuong: 'Phường',
  xa: 'Xã',
  thi_tran: 'Thị trấn',
  dac_khu: 'Đặc khu',
  to_dan_pho: 'Tổ dân phố',
  thon: 'Thôn',
  ap: 'Ấp',
  ban: 'Bản',
};
