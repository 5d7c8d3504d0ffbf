import { describe, expect, it } from 'vitest';
import { parseRelation, relationLabel, relations } from './relations';

describe('parseRelation', () => {
  it('reads the head of household in any case, with or without diacritics', () => {
    for (const value of ['Chủ hộ', 'CHỦ HỘ', 'chu ho', ' Chủ  hộ ', 'chủ hộ.', 'Chu Ho'.normalize('NFD')]) {
      expect(parseRelation(value)).toEqual({ ok: true, value: 'head' });
    }
  });
  it('tells close labels apart', () => {
    expect(parseRelation('Con')).toEqual({ ok: true, value: 'child' });
    expect(parseRelation('con dau')).toEqual({ ok: true, value: 'daughter_in_law' });
    expect(parseRelation('Con rể')).toEqual({ ok: true, value: 'son_in_law' });
    expect(parseRelation('Con nuôi')).toEqual({ ok: true, value: 'adopted_child' });
    expect(parseRelation('Bà')).toEqual({ ok: true, value: 'grandmother' });
    expect(parseRelation('Bố')).toEqual({ ok: true, value: 'father' });
    expect(parseRelation('Bố chồng')).toEqual({ ok: true, value: 'father_in_law' });
    expect(parseRelation('Cháu ngoại')).toEqual({ ok: true, value: 'grandchild' });
    expect(parseRelation('Em gái')).toEqual({ ok: true, value: 'younger_sibling' });
    expect(parseRelation('Vợ')).toEqual({ ok: true, value: 'wife' });
    expect(parseRelation('Chồng')).toEqual({ ok: true, value: 'husband' });
    expect(parseRelation('Khác')).toEqual({ ok: true, value: 'other' });
  });
  it('refuses unknown relations', () => {
    expect(parseRelation('Con của chủ hộ')).toEqual({ ok: false, error: 'resident.relation.unknown' });
    expect(parseRelation('Hàng xóm')).toEqual({ ok: false, error: 'resident.relation.unknown' });
    expect(parseRelation(' ')).toEqual({ ok: false, error: 'resident.blank' });
  });
  it('has one entry and a label per code, and no alias shared by two codes', () => {
    const codes = relations.map((relation) => relation.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(relationLabel('daughter_in_law')).toBe('Con dâu');
    for (const relation of relations) {
      for (const alias of [relation.vi, ...relation.aliases]) {
        expect(parseRelation(alias)).toEqual({ ok: true, value: relation.code });
      }
    }
  });
});
