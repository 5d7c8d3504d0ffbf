import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  columnLetter,
  type InspectResult,
  missingRequired,
  needsMapping,
  progressPercent,
  sharedColumns,
} from './import-flow';

const inspected = (overrides: Partial<InspectResult>): InspectResult => ({
  kind: 'csv',
  encoding: 'utf-8',
  headerRow: 1,
  headers: ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ'],
  mapping: { householdCode: 0, fullName: 1, relation: 2 },
  missing: [],
  unknown: [],
  duplicates: [],
  ignored: [],
  sampleRows: [],
  fields: [],
  ...overrides,
});

describe('import flow', () => {
  it('names columns as a spreadsheet does', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLabel(2, 'Ho ten')).toBe('C · Ho ten');
    expect(columnLabel(3, '  ')).toBe('D');
  });

  it('asks for a mapping only when a required field is missing or a header is unknown', () => {
    expect(needsMapping(inspected({}))).toBe(false);
    expect(needsMapping(inspected({ missing: ['relation'] }))).toBe(true);
    expect(needsMapping(inspected({ unknown: [{ index: 3, header: 'Ghi chú' }] }))).toBe(true);
  });

  it('lists the required fields still without a column', () => {
    expect(missingRequired({ householdCode: 0, fullName: 1 })).toEqual(['relation']);
    expect(missingRequired({ householdCode: 0, fullName: 1, relation: 2 })).toEqual([]);
    expect(missingRequired({ phone: 4 })).toEqual(['householdCode', 'fullName', 'relation']);
  });

  it('finds fields mapped to the same column', () => {
    expect(sharedColumns({ householdCode: 0, fullName: 1, relation: 1 })).toEqual(['relation']);
    expect(sharedColumns({ householdCode: 0, fullName: 1 })).toEqual([]);
  });

  it('keeps the bar below 100 until the job is done', () => {
    expect(progressPercent({ status: 'queued', percent: 0 })).toBe(0);
    expect(progressPercent({ status: 'running', percent: 42 })).toBe(42);
    expect(progressPercent({ status: 'running', percent: 100 })).toBe(99);
    expect(progressPercent({ status: 'done', percent: 100 })).toBe(100);
  });
});
