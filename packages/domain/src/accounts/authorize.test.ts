import { describe, expect, it } from 'vitest';
import { type Actor, actionsOf, authorize, type UnitInTree } from './authorize';

const hanoi: UnitInTree = { unitId: 'hn', kind: 'province', parentIds: [], ancestorIds: [] };
const btl: UnitInTree = { unitId: 'btl', kind: 'district', parentIds: ['hn'], ancestorIds: ['hn'] };
const xuanDinh: UnitInTree = { unitId: 'xd', kind: 'ward', parentIds: ['btl'], ancestorIds: ['btl', 'hn'] };
const thuongCat: UnitInTree = { unitId: 'tc', kind: 'ward', parentIds: ['btl'], ancestorIds: ['btl', 'hn'] };
const groupMovedOut: UnitInTree = {
  unitId: 'g1',
  kind: 'residential_group',
  parentIds: ['xd', 'xd-new'],
  ancestorIds: ['xd', 'btl', 'hn', 'xd-new'],
};

const actor = (role: Actor['grants'][number]['role'], unitId: string | null): Actor => ({
  userId: 'u',
  username: 'u',
  grants: [{ role, unitId }],
});

describe('authorize', () => {
  it('lets a system administrator do everything, nationally too', () => {
    const admin = actor('system_admin', null);
    expect(authorize(admin, 'units.import', null)).toBe(true);
    expect(authorize(admin, 'users.manage', thuongCat)).toBe(true);
  });

  it('gives the standing committee its whole subtree and nothing above', () => {
    const committee = actor('standing_committee', 'btl');
    expect(authorize(committee, 'units.write', groupMovedOut)).toBe(true);
    expect(authorize(committee, 'read', thuongCat)).toBe(true);
    expect(authorize(committee, 'read', hanoi)).toBe(false);
    expect(authorize(committee, 'units.import', btl)).toBe(false);
  });

  it('lets an officer write its own ward and its residential groups only', () => {
    const officer = actor('officer', 'xd');
    expect(authorize(officer, 'units.write', xuanDinh)).toBe(true);
    expect(authorize(officer, 'units.write', groupMovedOut)).toBe(true);
    expect(authorize(officer, 'units.write', thuongCat)).toBe(false);
    expect(authorize(officer, 'read', thuongCat)).toBe(false);
    expect(authorize(officer, 'units.write', btl)).toBe(false);
    expect(authorize(officer, 'users.manage', xuanDinh)).toBe(false);
  });

  it('keeps treasurers and viewers to their own powers', () => {
    expect(authorize(actor('treasurer', 'btl'), 'funds.write', xuanDinh)).toBe(true);
    expect(authorize(actor('treasurer', 'btl'), 'units.write', xuanDinh)).toBe(false);
    expect(authorize(actor('viewer', 'btl'), 'read', xuanDinh)).toBe(true);
    expect(authorize(actor('viewer', 'btl'), 'audit.read', xuanDinh)).toBe(false);
  });

  it('lets only treasurers record money', () => {
    expect(authorize(actor('treasurer', 'btl'), 'ledger.post', xuanDinh)).toBe(true);
    expect(authorize(actor('treasurer', xuanDinh.unitId), 'ledger.post', thuongCat)).toBe(false);
    for (const role of [
      'standing_committee',
      'officer',
      'residential_group_head',
      'team_leader',
      'viewer',
    ] as const) {
      expect(authorize(actor(role, 'btl'), 'ledger.post', xuanDinh), role).toBe(false);
    }
    expect(authorize(actor('system_admin', null), 'ledger.post', xuanDinh)).toBe(false);
  });

  it('never reaches the whole country from a unit grant', () => {
    expect(authorize(actor('standing_committee', 'hn'), 'read', null)).toBe(false);
  });

  it('lists the actions an actor holds somewhere', () => {
    expect(actionsOf(actor('viewer', 'btl'))).toEqual(['read']);
    expect(actionsOf(actor('officer', 'xd'))).toContain('units.write');
  });
});
