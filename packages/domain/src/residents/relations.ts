import { aliasIndex, foldLabel } from './fold';
import type { ResidentParseResult } from './messages';

export type Relation =
  | 'head'
  | 'wife'
  | 'husband'
  | 'child'
  | 'adopted_child'
  | 'father'
  | 'mother'
  | 'father_in_law'
  | 'mother_in_law'
  | 'grandfather'
  | 'grandmother'
  | 'grandchild'
  | 'elder_brother'
  | 'elder_sister'
  | 'younger_sibling'
  | 'daughter_in_law'
  | 'son_in_law'
  | 'other';

type RelationEntry = { code: Relation; vi: string; en: string; aliases: readonly string[] };

/** Relations to the head of household as household registers write them; Vietnamese first. */
export const relations: readonly RelationEntry[] = [
  { code: 'head', vi: 'Chủ hộ', en: 'Head of household', aliases: ['chủ hộ gia đình', 'bản thân'] },
  { code: 'wife', vi: 'Vợ', en: 'Wife', aliases: [] },
  { code: 'husband', vi: 'Chồng', en: 'Husband', aliases: [] },
  { code: 'child', vi: 'Con', en: 'Child', aliases: ['con đẻ', 'con ruột', 'con trai', 'con gái'] },
  { code: 'adopted_child', vi: 'Con nuôi', en: 'Adopted child', aliases: [] },
  // Not "Ba" (father in the South): without diacritics it reads as "Bà" (grandmother).
  { code: 'father', vi: 'Bố', en: 'Father', aliases: ['cha', 'bố đẻ', 'cha đẻ'] },
  { code: 'mother', vi: 'Mẹ', en: 'Mother', aliases: ['má', 'mẹ đẻ'] },
  {
    code: 'father_in_law',
    vi: 'Bố vợ/chồng',
    en: 'Father-in-law',
    aliases: ['bố vợ', 'bố chồng', 'cha vợ', 'cha chồng'],
  },
  {
    code: 'mother_in_law',
    vi: 'Mẹ vợ/chồng',
    en: 'Mother-in-law',
    aliases: ['mẹ vợ', 'mẹ chồng', 'má vợ', 'má chồng'],
  },
  { code: 'grandfather', vi: 'Ông', en: 'Grandfather', aliases: ['ông nội', 'ông ngoại'] },
  { code: 'grandmother', vi: 'Bà', en: 'Grandmother', aliases: ['bà nội', 'bà ngoại'] },
  // "Cháu" covers grandchildren, nephews and nieces; registers rarely say which.
  {
    code: 'grandchild',
    vi: 'Cháu',
    en: 'Grandchild, nephew or niece',
    aliases: ['cháu nội', 'cháu ngoại', 'cháu ruột'],
  },
  { code: 'elder_brother', vi: 'Anh', en: 'Elder brother', aliases: ['anh trai', 'anh ruột'] },
  { code: 'elder_sister', vi: 'Chị', en: 'Elder sister', aliases: ['chị gái', 'chị ruột'] },
  { code: 'younger_sibling', vi: 'Em', en: 'Younger sibling', aliases: ['em trai', 'em gái', 'em ruột'] },
  { code: 'daughter_in_law', vi: 'Con dâu', en: 'Daughter-in-law', aliases: [] },
  { code: 'son_in_law', vi: 'Con rể', en: 'Son-in-law', aliases: [] },
  {
    code: 'other',
    vi: 'Khác',
    en: 'Other',
    aliases: ['quan hệ khác', 'người ở nhờ', 'ở nhờ', 'người thuê nhà'],
  },
];

const index = aliasIndex(relations);

/** "CHỦ HỘ", "chu ho", "Con dâu" → a relation code; whole words only, so "Con dâu" is not "Con". */
export function parseRelation(value: string): ResidentParseResult<Relation> {
  const key = foldLabel(value);
  if (key === '') return { ok: false, error: 'resident.blank' };
  const code = index.get(key);
  return code ? { ok: true, value: code } : { ok: false, error: 'resident.relation.unknown' };
}

/** The Vietnamese label of a relation code. */
export function relationLabel(code: Relation): string {
  return relations.find((relation) => relation.code === code)?.vi ?? code;
}
