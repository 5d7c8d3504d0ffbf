import { describe, expect, it } from 'vitest';
import { proposedEndDate } from './dialogs';

describe('proposed end date', () => {
  it('is the as-of date when the record had started before it', () => {
    expect(proposedEndDate('2021-01-01', '2021-06-30', '2026-11-30')).toBe('2021-06-30');
  });

  it('is today when the record starts on or after the as-of date', () => {
    expect(proposedEndDate('2021-06-30', '2021-06-30', '2026-11-30')).toBe('2026-11-30');
    expect(proposedEndDate('2022-03-01', '2021-06-30', '2026-11-30')).toBe('2026-11-30');
  });

  it('stays on the as-of date when nothing later than the start is known', () => {
    expect(proposedEndDate('2026-11-30', '2026-11-30', '2026-11-30')).toBe('2026-11-30');
  });
});
