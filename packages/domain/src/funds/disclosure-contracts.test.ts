import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/errors';
import {
  ANONYMOUS_DONOR,
  CreateDisclosureRequest,
  PublicCampaignParams,
  publicDonorName,
} from './disclosure-contracts';

describe('public donor name', () => {
  it('shows a name only with the donor’s consent', () => {
    expect(publicDonorName({ publishName: true, name: 'Công ty Cổ phần Xây dựng Số 1' })).toBe(
      'Công ty Cổ phần Xây dựng Số 1',
    );
    expect(publicDonorName({ publishName: false, name: 'Nguyễn Văn An' })).toBe(ANONYMOUS_DONOR);
    expect(publicDonorName({ publishName: false, name: 'Công ty TNHH Hòa Bình' })).toBe('Nhà hảo tâm');
  });
  it('falls back when the name was erased on request or is blank', () => {
    expect(publicDonorName({ publishName: true, name: null })).toBe(ANONYMOUS_DONOR);
    expect(publicDonorName({ publishName: true, name: '   ' })).toBe(ANONYMOUS_DONOR);
  });
});

describe('create disclosure request', () => {
  const base = { title: 'Công khai kết quả tiếp nhận', decidedOn: '2021-03-01' };
  const id = '7f1c1a52-4c1b-4a8e-9d1e-0e6f3b8d2a11';

  it('takes exactly one subject', () => {
    expect(CreateDisclosureRequest.safeParse({ ...base, campaignId: id }).success).toBe(true);
    for (const body of [base, { ...base, fundId: id, campaignId: id }]) {
      const result = CreateDisclosureRequest.safeParse(body);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(toFieldErrors(result.error.issues)).toEqual([
          expect.objectContaining({ path: 'fundId', messageEn: expect.stringContaining('exactly one') }),
        ]);
      }
    }
  });
  it('refuses a blank title and a bad date', () => {
    const result = CreateDisclosureRequest.safeParse({ fundId: id, title: '  ', decidedOn: '2021-02-30' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(toFieldErrors(result.error.issues).map((error) => error.path)).toEqual(['title', 'decidedOn']);
    }
  });
});

it('reads a campaign code as typed by a resident', () => {
  expect(PublicCampaignParams.parse({ code: ' smt2021 ' }).code).toBe('SMT2021');
  expect(PublicCampaignParams.parse({ code: 'SMT 2021' }).code).toBe('SMT2021');
});
