import { foldDiacritics } from '../format/text';

/** Lookup key for labels typed by hand: no case, no diacritics, punctuation read as spaces. */
export function foldLabel(value: string): string {
  return foldDiacritics(value.replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '));
}

/** Index of aliases, each folded, to the code they stand for. */
export function aliasIndex<T extends string>(
  entries: readonly { code: T; vi: string; aliases: readonly string[] }[],
) {
  const index = new Map<string, T>();
  for (const entry of entries) {
    for (const alias of [entry.vi, ...entry.aliases]) index.set(foldLabel(alias), entry.code);
  }
  return index;
}
