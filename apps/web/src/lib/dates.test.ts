import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates';

describe('formatDateTime', () => {
  it('shows an instant as dd/mm/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2025-06-30T17:05:00.000Z')).toBe('01/07/2025 00:05');
    expect(formatDateTime('2024-03-05T02:30:00Z')).toBe('05/03/2024 09:30');
  });
});
