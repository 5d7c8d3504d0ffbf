import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  columnLetter,
  type InspectResult,
  initialMapping,
  missingRequired,
  needsMapping,
  progressPercent,
  sharedColumns,
  validRows,
} from './import-flow';

const inspected = (overrides: Partial<InspectResult>): InspectResult => ({
  headers: ['Mã hộ', 'Họ và tên', 'Quan hệ với chủ hộ'],
  mapping: { householdCode: 0, fullName: 1, relation: 2 },
  missing: [],
  unknown: [],
  sampleRows: [],
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

  it('keeps only the register fields of the inspected mapping and lists the required ones still unmapped', () => {
    const mapping = initialMapping(inspected({ mapping: { householdCode: 0, fullName: 1, stt: 5 } }));
    expect(mapping).toEqual({ householdCode: 0, fullName: 1 });
    expect(missingRequired(mapping)).toEqual(['relation']);
    expect(missingRequired({ ...mapping, relation: 2 })).toEqual([]);
  });

  it('finds fields mapped to the same column', () => {
    expect(sharedColumns({ householdCode: 0, fullName: 1, relation: 1 })).toEqual(['relation']);
    expect(sharedColumns({ householdCode: 0, fullName: 1 })).toEqual([]);
  });

  it('shows progress in whole percent and counts the valid rows', () => {
    expect(progressPercent({ status: 'queued', total: null, processed: 0 })).toBe(0);
    expect(progressPercent({ status: 'running', total: 200, processed: 50 })).toBe(25);
    expect(progressPercent({ status: 'running', total: 200, processed: 200 })).toBe(99);
    expect(progressPercent({ status: 'done', total: 200, processed: 200 })).toBe(100);
    expect(progressPercent({ status: 'running', total: 200, processed: 50, percent: 40 })).toBe(40);
    expect(validRows({ total: 120, rejected: 7 })).toBe(113);
    expect(validRows({ total: 120, rejected: 7, validRows: 110 })).toBe(110);
    expect(validRows({ total: null, rejected: 0 })).toBe(0);
  });
});
