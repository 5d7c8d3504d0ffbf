// Indicators (chỉ tiêu) of yearly plans: what they measure, how a value compares with the target,
// and the library of ready definitions (the reference district's eight targets of 2022).

export const indicatorKinds = ['percentage', 'count', 'amount', 'rating_share'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const comparisons = ['gte', 'lte', 'eq', 'range'] as const;
export type Comparison = (typeof comparisons)[number];

export const indicatorStatuses = ['exceeded', 'met', 'not_yet', 'missed', 'no_data'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

export type Target = { comparison: Comparison; value: number; max?: number | null };

/** Decimals a value is rounded to before it is compared: percentages to one decimal, the rest whole. */
export const decimalsOf = (kind: IndicatorKind) => (kind === 'percentage' || kind === 'rating_share' ? 1 : 0);

export const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor + Number.EPSILON * Math.sign(value)) / factor;
};

export type TargetProblem =
  | 'plans.target.range_order'
  | 'plans.target.percentage_range'
  | 'plans.target.negative';

/** Why a target contradicts its comparison or kind, or null. */
export function targetProblem(kind: IndicatorKind, target: Target): TargetProblem | null {
  const values = [target.value, ...(target.comparison === 'range' ? [target.max ?? Number.NaN] : [])];
  if (values.some((value) => !Number.isFinite(value) || value < 0)) return 'plans.target.negative';
  if (target.comparison === 'range' && !((target.max ?? Number.NaN) >= target.value))
    return 'plans.target.range_order';
  if ((kind === 'percentage' || kind === 'rating_share') && values.some((value) => value > 100)) {
    return 'plans.target.percentage_range';
  }
  return null;
}

/**
 * The status of a value against its target. Before the period ends a target not reached is
 * "not yet"; after, "missed". Values are rounded as they are shown before comparing, so 96,95%
 * shows and counts as 97,0%.
 */
export function evaluateStatus(
  kind: IndicatorKind,
  target: Target,
  value: number | null,
  isPeriodOver: boolean,
): IndicatorStatus {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  const decimals = decimalsOf(kind);
  const shown = roundTo(value, decimals);
  const goal = roundTo(target.value, decimals);
  const short: IndicatorStatus = isPeriodOver ? 'missed' : 'not_yet';
  switch (target.comparison) {
    case 'gte':
      return shown > goal ? 'exceeded' : shown === goal ? 'met' : short;
    case 'lte':
      return shown <= goal ? 'met' : short;
    case 'eq':
      return shown === goal ? 'met' : shown > goal ? 'exceeded' : short;
    case 'range': {
      const max = roundTo(target.max ?? target.value, decimals);
      return shown > max ? 'exceeded' : shown >= goal ? 'met' : short;
    }
  }
}

/** The share of the target reached, in percent (null without a target). */
export function achievementPercent(target: Target, value: number | null): number | null {
  if (value === null) return null;
  const goal = target.value;
  if (goal === 0) return null;
  return roundTo((value / goal) * 100, 1);
}

const numberText = (value: number, decimals: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(
    roundTo(value, decimals),
  );

/** A value as documents write it: "98,2%", "3 cuộc", "1.500.000.000 đồng". */
export function valueText(kind: IndicatorKind, unitOfMeasure: string, value: number | null): string {
  if (value === null) return '—';
  const text = numberText(value, decimalsOf(kind));
  return unitOfMeasure === '%' ? `${text}%` : `${text} ${unitOfMeasure}`;
}

const comparisonSigns: Record<Exclude<Comparison, 'range'>, string> = { gte: '≥', lte: '≤', eq: '=' };

/** A target as documents write it: "≥ 97%", "2–3 cuộc". */
export function targetText(kind: IndicatorKind, unitOfMeasure: string, target: Target): string {
  const decimals = decimalsOf(kind);
  const suffix = unitOfMeasure === '%' ? '%' : ` ${unitOfMeasure}`;
  if (target.comparison === 'range') {
    return `${numberText(target.value, decimals)}–${numberText(target.max ?? target.value, decimals)}${suffix}`;
  }
  return `${comparisonSigns[target.comparison]} ${numberText(target.value, decimals)}${suffix}`;
}

/** Whether a manual value fits its kind: percentages 0–100, counts whole and non-negative. */
export function isValueInRange(kind: IndicatorKind, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  if (kind === 'percentage' || kind === 'rating_share') return value <= 100;
  if (kind === 'count' || kind === 'amount') return Number.isInteger(value) && value < 1e15;
  return true;
}
