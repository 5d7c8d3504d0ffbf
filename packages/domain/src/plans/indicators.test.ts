import { describe, expect, it } from 'vitest';
import { achievementPercent, evaluateStatus, targetProblem } from './indicators';

describe('indicator status', () => {
  it('compares ≥ after rounding as shown', () => {
    expect(evaluateStatus('percentage', { comparison: 'gte', value: 97 }, 96.95, true)).toBe('met');
    expect(evaluateStatus('percentage', { comparison: 'gte', value: 97 }, 96.94, true)).toBe('missed');
    expect(evaluateStatus('percentage', { comparison: 'gte', value: 97 }, 96.94, false)).toBe('not_yet');
    expect(evaluateStatus('percentage', { comparison: 'gte', value: 97 }, 98.2, true)).toBe('exceeded');
    expect(evaluateStatus('percentage', { comparison: 'gte', value: 100 }, 100, true)).toBe('met');
  });
  it('reads a range such as 2–3 supervisions', () => {
    const target = { comparison: 'range', value: 2, max: 3 } as const;
    expect(evaluateStatus('count', target, 1, true)).toBe('missed');
    expect(evaluateStatus('count', target, 2, true)).toBe('met');
    expect(evaluateStatus('count', target, 3, true)).toBe('met');
    expect(evaluateStatus('count', target, 4, true)).toBe('exceeded');
  });
  it('handles ≤, = and missing values', () => {
    expect(evaluateStatus('count', { comparison: 'lte', value: 5 }, 5, true)).toBe('met');
    expect(evaluateStatus('count', { comparison: 'lte', value: 5 }, 6, false)).toBe('not_yet');
    expect(evaluateStatus('count', { comparison: 'eq', value: 1 }, 1, true)).toBe('met');
    expect(evaluateStatus('amount', { comparison: 'gte', value: 1 }, null, true)).toBe('no_data');
  });
  it('refuses targets that contradict their comparison', () => {
    expect(targetProblem('count', { comparison: 'range', value: 3, max: 2 })).toBe(
      'plans.target.range_order',
    );
    expect(targetProblem('percentage', { comparison: 'gte', value: 120 })).toBe(
      'plans.target.percentage_range',
    );
    expect(targetProblem('amount', { comparison: 'gte', value: -1 })).toBe('plans.target.negative');
    expect(targetProblem('count', { comparison: 'range', value: 2, max: 3 })).toBeNull();
  });
  it('gives the share of the target reached', () => {
    expect(achievementPercent({ comparison: 'gte', value: 1_497_000_000 }, 2_351_000_000)).toBe(157);
    expect(achievementPercent({ comparison: 'gte', value: 0 }, 5)).toBeNull();
  });
});

describe('the library', () => {
  it('holds the eight targets of 2022 with consistent defaults', async () => {
    const { indicatorLibrary } = await import('./library');
    expect(new Set(indicatorLibrary.map((item) => item.target))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(new Set(indicatorLibrary.map((item) => item.key)).size).toBe(indicatorLibrary.length);
    for (const item of indicatorLibrary) {
      expect(
        targetProblem(item.kind, { comparison: item.comparison, value: item.value, max: item.max }),
        item.key,
      ).toBeNull();
    }
  });
});

describe('texts of targets and values', () => {
  it('writes them as documents do', async () => {
    const { targetText, valueText, isValueInRange } = await import('./indicators');
    expect(targetText('percentage', '%', { comparison: 'gte', value: 97 })).toBe('≥ 97%');
    expect(targetText('count', 'cuộc', { comparison: 'range', value: 2, max: 3 })).toBe('2–3 cuộc');
    expect(valueText('percentage', '%', 98.24)).toBe('98,2%');
    expect(valueText('amount', 'đồng', 1_500_000_000)).toBe('1.500.000.000 đồng');
    expect(valueText('count', 'cuộc', null)).toBe('—');
    expect(isValueInRange('percentage', 100.1)).toBe(false);
    expect(isValueInRange('count', 2.5)).toBe(false);
    expect(isValueInRange('count', 3)).toBe(true);
  });
});
