import { describe, expect, it } from 'vitest';
import type { MeData } from './auth.api';
import { landingPath } from './use-me';

const grant = (role: MeData['grants'][number]['role'], unitCode: string) =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    role,
    unitId: '00000000-0000-4000-8000-000000000002',
    unitCode,
    unitName: 'Tổ dân phố số 1',
    unitValidTo: null,
  }) as unknown as MeData['grants'][number];

const me = (grants: MeData['grants']): MeData =>
  ({
    id: '00000000-0000-4000-8000-000000000003',
    username: 'someone',
    displayName: 'Someone',
    mustChangePassword: false,
    grants,
    actions: ['read'],
  }) as MeData;

describe('landingPath', () => {
  it('sends a team leader to the phone page of their team', () => {
    expect(landingPath(me([grant('team_leader', '00610.001')]), '2026-11-30')).toBe('/my-team?at=2026-11-30');
  });

  it('sends an officer to their unit', () => {
    expect(landingPath(me([grant('officer', '00611')]), '2026-11-30')).toBe('/units/00611?at=2026-11-30');
  });

  it('sends someone who is also an officer to their unit', () => {
    expect(
      landingPath(me([grant('team_leader', '00610.001'), grant('officer', '00611')]), '2026-11-30'),
    ).toBe('/units/00610.001?at=2026-11-30');
  });
});
