// Contracts of indicators, yearly plans, manual values and their evaluation.
import { z } from 'zod';
import { IsoDate, ItemsOf, NonBlankName, UnitCode, Uuid } from '../common/schemas';
import { comparisons, indicatorKinds, indicatorStatuses } from './indicators';

export * from './indicators';
export * from './library';

export const IndicatorKind = z.enum(indicatorKinds).meta({
  description: 'percentage: tỷ lệ %; count: số lượng; amount: số tiền (đồng); rating_share: tỷ lệ xếp loại',
});
export type IndicatorKind = z.infer<typeof IndicatorKind>;
export const Comparison = z.enum(comparisons).meta({ description: 'gte ≥, lte ≤, eq =, range (a–b)' });
export type Comparison = z.infer<typeof Comparison>;
export const IndicatorStatus = z.enum(indicatorStatuses).meta({
  description:
    'exceeded vượt; met đạt; not_yet chưa đạt (kỳ chưa kết thúc); missed không đạt; no_data chưa có số liệu',
});

export const IndicatorKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{2,59}$/, { error: 'validation.invalid' })
  .meta({ example: 'cultural_families' });

export const IndicatorDefinitionItem = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: IndicatorKind,
  unitOfMeasure: z.string(),
  comparison: Comparison,
  defaultValue: z.number(),
  defaultMax: z.number().nullable(),
  source: z.enum(['computed', 'manual']),
  computedKey: z.string().nullable(),
  isLibrary: z.boolean(),
});
export type IndicatorDefinitionItem = z.infer<typeof IndicatorDefinitionItem>;
export const ListIndicatorsResponse = ItemsOf(IndicatorDefinitionItem);

export const CreateIndicatorRequest = z.object({
  key: IndicatorKey,
  name: NonBlankName,
  nameEn: NonBlankName.optional(),
  kind: IndicatorKind,
  unitOfMeasure: z.string().trim().min(1).max(20),
  comparison: Comparison,
  defaultValue: z.number().min(0),
  defaultMax: z.number().min(0).nullish(),
});

export const PlanTargetInput = z.object({
  key: IndicatorKey,
  target: z.number().int().min(1).max(99).optional().meta({ description: 'The target’s number in the plan' }),
  comparison: Comparison.optional(),
  value: z.number().optional().meta({ description: 'Default: the library’s' }),
  max: z.number().nullish(),
  quarters: z.array(z.number().nullable()).length(4).nullish(),
});

export const CreatePlanRequest = z.object({
  unitCode: UnitCode,
  year: z.number().int().min(2000).max(2100),
  title: NonBlankName,
  decisionNo: z.string().trim().max(60).nullish(),
  decidedOn: IsoDate.nullish(),
  indicators: z.array(PlanTargetInput).min(1).max(60),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;
export const CreatePlanResponse = z.object({ id: Uuid });

export const ListPlansQuery = z.object({ unit: UnitCode, year: z.coerce.number().int().min(2000).max(2100) });
export const PlanListItem = z.object({
  id: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  title: z.string(),
  isOwn: z
    .boolean()
    .meta({ description: 'The unit’s own plan (false: a plan of a level above handing targets down)' }),
});
export const ListPlansResponse = ItemsOf(PlanListItem);

export const PlanParams = z.object({ id: Uuid });

export const TargetView = z.object({
  comparison: Comparison,
  value: z.number(),
  max: z.number().nullable(),
  text: z.string().meta({ example: '≥ 97%' }),
});

export const PlanIndicatorView = z.object({
  id: Uuid,
  key: z.string(),
  target: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  kind: IndicatorKind,
  unitOfMeasure: z.string(),
  source: z.enum(['computed', 'manual']),
  computedKey: z.string().nullable(),
  targetView: TargetView,
  quarters: z.array(z.number().nullable()).nullable(),
  unitTargets: z.array(z.object({ unitCode: z.string(), unitName: z.string(), target: TargetView })),
});
export const PlanDetail = z.object({
  id: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  title: z.string(),
  decisionNo: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
  indicators: z.array(PlanIndicatorView),
  canManage: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const SetUnitTargetsRequest = z.object({
  unitCode: UnitCode,
  targets: z
    .array(
      z.object({
        key: IndicatorKey,
        comparison: Comparison.optional(),
        value: z.number(),
        max: z.number().nullish(),
      }),
    )
    .min(1)
    .max(60),
});
export const SetUnitTargetsResponse = z.object({ updated: z.number().int() });

export const EvidenceDataUrl = z
  .string()
  .max(7_200_000)
  .meta({ description: 'data:<type>;base64,… — PDF, JPEG, PNG, DOCX or XLSX, at most 5 MB' });

export const EnterValueRequest = z.object({
  unitCode: UnitCode,
  key: IndicatorKey,
  period: z.enum(['year', 'q1', 'q2', 'q3', 'q4']).default('year'),
  value: z.number().refine(Number.isFinite, { error: 'plans.value.out_of_range' }),
  note: z.string().trim().max(1000).nullish(),
  evidenceName: z.string().trim().min(1).max(200).nullish(),
  evidence: EvidenceDataUrl.nullish(),
});
export type EnterValueRequest = z.infer<typeof EnterValueRequest>;
export const EnterValueResponse = z.object({ id: Uuid });

export const EvaluationQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Default: the plan’s unit' }),
  period: z.enum(['year', 'q1', 'q2', 'q3', 'q4']).default('year'),
});
export const EvaluationItem = z.object({
  key: z.string(),
  name: z.string(),
  kind: IndicatorKind,
  unitOfMeasure: z.string().meta({ description: 'e.g. "%", "cuộc", "đồng"' }),
  target: z.string().meta({ description: 'The target as written, e.g. "≥ 97%"' }),
  targetValue: TargetView,
  value: z.number().nullable(),
  valueText: z.string(),
  percent: z.number().nullable(),
  status: IndicatorStatus,
  source: z.enum(['computed', 'manual']),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  drill: z.string().nullable(),
  evidence: z
    .object({
      id: Uuid,
      name: z.string().nullable(),
      enteredBy: z.string().nullable(),
      enteredAt: z.string(),
    })
    .nullable(),
  contributing: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      value: z.number().nullable(),
      status: IndicatorStatus,
    }),
  ),
});
export type EvaluationItem = z.infer<typeof EvaluationItem>;
export const EvaluationResponse = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  period: z.string(),
  periodEnd: IsoDate,
  items: z.array(EvaluationItem),
});
