import { describe, expect, it } from 'vitest';
import { donorOfCounterparty, matchCampaign, messageNames } from './bank-matching';

describe('campaign codes in transfer messages', () => {
  it('finds a code however the bank wrote its punctuation or spacing', () => {
    expect(messageNames('IBFT VNN-2021 ung ho', 'VNN-2021')).toBe(true);
    expect(messageNames('MBVCB.123.VNN2021.UNG HO', 'VNN-2021')).toBe(true);
    expect(messageNames('vnn 2021 ủng hộ', 'VNN-2021')).toBe(true);
    expect(messageNames('CK SMT2021UNGHO', 'SMT2021')).toBe(true);
    expect(messageNames('123456SMT2021', 'SMT2021')).toBe(true);
    expect(messageNames('SMT 2021 to dan pho 3', 'SMT2021')).toBe(true);
  });
  it('does not find a code inside a longer code or word', () => {
    expect(messageNames('SMT20211 ung ho', 'SMT2021')).toBe(false);
    expect(messageNames('XSMT2021 ung ho', 'SMT2021')).toBe(false);
    expect(messageNames('ung ho quy', 'SMT2021')).toBe(false);
  });
  it('takes the campaign open on the date, the longest code, and nothing when two tie', () => {
    const a = { id: 'a', code: 'SMT', startsOn: '2021-01-01', receivingEndsOn: '2021-12-31' };
    const b = { id: 'b', code: 'SMT-2021', startsOn: '2021-03-01', receivingEndsOn: '2021-03-31' };
    expect(matchCampaign([a, b], { bookedOn: '2021-03-05', description: 'SMT-2021 ung ho' })?.id).toBe('b');
    expect(matchCampaign([a, b], { bookedOn: '2021-04-05', description: 'SMT-2021 ung ho' })?.id).toBe('a');
    expect(matchCampaign([a, b], { bookedOn: '2022-01-01', description: 'SMT-2021 ung ho' })).toBeNull();
    const c = { id: 'c', code: 'ABC', startsOn: '2021-01-01', receivingEndsOn: '2021-12-31' };
    const d = { id: 'd', code: 'XYZ', startsOn: '2021-01-01', receivingEndsOn: '2021-12-31' };
    expect(matchCampaign([c, d], { bookedOn: '2021-05-05', description: 'ABC XYZ' })).toBeNull();
  });
});

describe('the sender as a donor', () => {
  it('is a company by its name, a person otherwise, anonymous without a name, never published', () => {
    expect(donorOfCounterparty('CONG TY TNHH AN BINH')).toEqual({
      kind: 'company',
      name: 'CONG TY TNHH AN BINH',
      publishName: false,
    });
    expect(donorOfCounterparty('Nguyễn Văn An').kind).toBe('person');
    expect(donorOfCounterparty('  ')).toEqual({ kind: 'anonymous', name: null, publishName: false });
  });
});
