import { foldDiacritics } from '../format/text';

/** Lookup key for labels typed by hand: no case, no diacritics, punctuation read as spaces. */
export function foldLabel(value: string): string {
  return foldDiacritics(value.replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '));
}

type Aliased<T extends string> = { code: T; vi: string; aliases: readonly string[] };

// Built once per list: a file of 100,000 rows reads the same list on every row.
const indexes = new WeakMap<readonly Aliased<string>[], Map<string, string>>();

/** Index of aliases, each folded, to the code they stand for. */
export function aliasIndex<T extends string>(entries: readonly Aliased<T>[]): Map<string, T> {
  const known = indexes.get(entries);
  if (known) return known as Map<string, T>;
  const index = new Map<string, T>();
  for (const entry of entries) {
    for (const alias of [entry.vi, ...entry.aliases]) index.set(foldLabel(alias), entry.code);
  }
  indexes.set(entries, index);
  return index;
}
