// The filters a dashboard figure opens a list with (`?culturalYear=`, `?kind=&year=`), read from the URL.

/** A year given in the URL, or null when absent or not a year. */
export function yearParam(raw: string | null): number | null {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= 1990 && year <= 2100 ? year : null;
}

/** A value of the URL when it is one of the allowed ones, else null. */
export function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

/**
 * Programmes of a kind that start in a year: the Tết-gift figure of a year counts the programmes
 * whose period begins in it.
 */
export function filterPrograms<P extends { kind: string; periodFrom: string }>(
  programs: readonly P[],
  filter: { kind: string | null; year: number | null },
): P[] {
  return programs.filter(
    (program) =>
      (filter.kind === null || program.kind === filter.kind) &&
      (filter.year === null || program.periodFrom.startsWith(`${filter.year}-`)),
  );
}
