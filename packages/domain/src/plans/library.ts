import type { Comparison, IndicatorKind } from './indicators';

/** Computed sources: named functions over the modules (apps/api/src/modules/plans/computed/). */
export const computedSources = [
  'cultural_families',
  'fund_targets',
  'tet_gift_coverage',
  'self_governing_teams',
  'self_governing_groups',
  'households_supervised',
] as const;
export type ComputedSource = (typeof computedSources)[number];

export type IndicatorDefinition = {
  key: string;
  /** The number of the target it belongs to in the plan (two indicators may share one). */
  target: number;
  name: string;
  nameEn: string;
  kind: IndicatorKind;
  unitOfMeasure: string;
  comparison: Comparison;
  value: number;
  max?: number;
  source: { type: 'computed'; key: ComputedSource } | { type: 'manual' };
};

/**
 * The ready definitions, with the reference district's 2022 targets as defaults. Mediation,
 * supervision, training and ratings are entered with evidence until their modules exist; a
 * module then gives a computed source and the definition changes source, not the engine.
 */
export const indicatorLibrary: readonly IndicatorDefinition[] = [
  {
    key: 'mobilising_organisations',
    target: 1,
    name: 'Mặt trận và các tổ chức thành viên từ quận đến cơ sở tuyên truyền, vận động các phong trào thi đua, cuộc vận động',
    nameEn:
      'Front and member organisations, district to grassroots, running propaganda for the movements and campaigns',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'manual' },
  },
  {
    key: 'representative_conferences',
    target: 2,
    name: 'Phường, tổ dân phố tổ chức tốt hội nghị đại biểu nhân dân và Ngày hội Đại đoàn kết toàn dân tộc',
    nameEn:
      'Wards and residential groups holding good representative conferences and the Great National Unity Day',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'manual' },
  },
  {
    key: 'cultural_families',
    target: 3,
    name: 'Hộ gia đình đăng ký gia đình văn hóa',
    nameEn: 'Households registering as cultural families',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 97,
    source: { type: 'computed', key: 'cultural_families' },
  },
  {
    key: 'fund_targets',
    target: 4,
    name: 'Hoàn thành, vượt chỉ tiêu Quỹ "Vì người nghèo", Quỹ "Vì biển, đảo Việt Nam", Quỹ "Đền ơn đáp nghĩa" và các quỹ khác được giao',
    nameEn:
      'Assigned targets of the Fund for the Poor, the Sea and Islands fund, the Gratitude fund and other funds met',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'computed', key: 'fund_targets' },
  },
  {
    key: 'tet_gift_coverage',
    target: 5,
    name: 'Gia đình chính sách, hộ cận nghèo được thăm hỏi, tặng quà dịp lễ, Tết',
    nameEn: 'Policy families and near-poor households visited and given gifts on holidays and Tết',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'computed', key: 'tet_gift_coverage' },
  },
  {
    key: 'supervisions',
    target: 6,
    name: 'Số cuộc giám sát cán bộ, đảng viên',
    nameEn: 'Supervisions of cadres and party members',
    kind: 'count',
    unitOfMeasure: 'cuộc',
    comparison: 'range',
    value: 2,
    max: 3,
    source: { type: 'manual' },
  },
  {
    key: 'inspection_boards_active',
    target: 6,
    name: 'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng được hướng dẫn, hoạt động',
    nameEn: 'People’s Inspection Boards and Community Investment Supervision Boards guided and active',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'manual' },
  },
  {
    key: 'mediation_success',
    target: 7,
    name: 'Vụ việc hòa giải ở cơ sở hòa giải thành',
    nameEn: 'Grassroots mediation cases ending in success',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 85,
    source: { type: 'manual' },
  },
  {
    key: 'cadres_trained',
    target: 8,
    name: 'Cán bộ Mặt trận được tập huấn, bồi dưỡng nghiệp vụ',
    nameEn: 'Front cadres trained',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'manual' },
  },
  {
    key: 'committees_completing',
    target: 8,
    name: 'Ban Thường trực Ủy ban MTTQ phường, Ban Công tác Mặt trận hoàn thành tốt nhiệm vụ',
    nameEn: 'Ward committees and Front work boards completing their tasks well',
    kind: 'percentage',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 100,
    source: { type: 'manual' },
  },
  {
    key: 'committees_excellent',
    target: 8,
    name: 'Trong đó hoàn thành xuất sắc nhiệm vụ',
    nameEn: 'Of which completing their tasks excellently',
    kind: 'rating_share',
    unitOfMeasure: '%',
    comparison: 'gte',
    value: 20,
    source: { type: 'manual' },
  },
];

export const findLibraryIndicator = (key: string) =>
  indicatorLibrary.find((item) => item.key === key) ?? null;
