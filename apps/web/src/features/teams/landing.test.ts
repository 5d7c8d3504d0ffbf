import { describe, expect, it } from 'vitest';
import { isTeamLeaderOnly } from './landing';

describe('landing of team leaders', () => {
  it('sends only those whose every role is team leader to the phone page', () => {
    expect(isTeamLeaderOnly(['team_leader'])).toBe(true);
    expect(isTeamLeaderOnly(['team_leader', 'team_leader'])).toBe(true);
    expect(isTeamLeaderOnly(['team_leader', 'officer'])).toBe(false);
    expect(isTeamLeaderOnly(['viewer'])).toBe(false);
    expect(isTeamLeaderOnly([])).toBe(false);
  });
});
