import { describe, expect, it } from 'vitest';
import { addWorkingDays, decree93Warnings, formatReceiptNumber, isDisclosureLate } from './rules';

describe('decree 93 periods', () => {
  it('accepts 90 days of receiving and 20 of distribution', () => {
    expect(
      decree93Warnings({
        startsOn: '2021-08-01',
        receivingEndsOn: '2021-10-29',
        distributionEndsOn: '2021-11-18',
      }),
    ).toEqual([]);
  });
  it('warns beyond them', () => {
    expect(
      decree93Warnings({
        startsOn: '2021-08-01',
        receivingEndsOn: '2021-10-30',
        distributionEndsOn: '2021-11-20',
      }),
    ).toEqual(['campaigns.decree93.receiving_too_long', 'campaigns.decree93.distribution_too_long']);
  });
  it('does not warn when a legal basis for longer is recorded', () => {
    expect(
      decree93Warnings({
        startsOn: '2021-01-01',
        receivingEndsOn: '2021-12-31',
        distributionEndsOn: '2022-01-31',
        legalBasis: 'Điều lệ Quỹ Vì người nghèo',
      }),
    ).toEqual([]);
  });
});

describe('disclosure due dates', () => {
  it('counts 10 working days, skipping weekends and fixed holidays', () => {
    // Friday 23 April 2021 → skips weekends, 30 April and 1 May.
    expect(addWorkingDays('2021-04-23', 10)).toBe('2021-05-10');
    expect(addWorkingDays('2021-03-01', 10)).toBe('2021-03-15');
  });
  it('is late when published after the due date or not yet published past it', () => {
    expect(isDisclosureLate('2021-03-15', '2021-03-15', '2021-04-01')).toBe(false);
    expect(isDisclosureLate('2021-03-15', '2021-03-16', '2021-04-01')).toBe(true);
    expect(isDisclosureLate('2021-03-15', null, '2021-03-15')).toBe(false);
    expect(isDisclosureLate('2021-03-15', null, '2021-03-16')).toBe(true);
  });
});

it('numbers receipts per year', () => {
  expect(formatReceiptNumber(2021, 123)).toBe('000123/2021');
});
