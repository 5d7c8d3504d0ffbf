// Pure rules of support programmes: coverage, what a distribution is worth, valuing items given from stock.

export const programKinds = [
  'tet_gift',
  'solidarity_house',
  'student_device',
  'cash',
  'health_insurance',
  'other',
] as const;
export type ProgramKindCode = (typeof programKinds)[number];

export const distributionStatuses = ['planned', 'paid', 'confirmed'] as const;
export type DistributionStatusCode = (typeof distributionStatuses)[number];

/**
 * Supported households as a percentage of the eligible ones, rounded to one decimal. With no
 * eligible household there is nothing to cover: null (not 0 %, which would read as a failure).
 */
export function coveragePercent(eligible: number, supported: number): number | null {
  if (eligible <= 0) return null;
  return Math.round((supported / eligible) * 1000) / 10;
}

export type GivenItem = { item: string; name: string; quantity: number; value: number };

/** Money plus the value of the items: what a distribution is worth in đồng. */
export const distributionValue = (distribution: { amount: number; items?: readonly GivenItem[] | null }) =>
  distribution.amount + (distribution.items ?? []).reduce((sum, item) => sum + item.value, 0);

/**
 * The value of `quantity` items taken from a stock holding `remaining` of them worth `valueRemaining`:
 * the average value, and the whole remaining value for the last ones, so the stock ends at zero.
 * Computed in bigint: values reach 10^15 and quantities 10^7.
 */
export function valueFromStock(quantity: number, remaining: number, valueRemaining: number): number {
  if (quantity <= 0 || remaining <= 0 || valueRemaining <= 0) return 0;
  if (quantity >= remaining) return valueRemaining;
  const scaled = BigInt(valueRemaining) * BigInt(quantity) * 2n + BigInt(remaining);
  return Number(scaled / (BigInt(remaining) * 2n));
}

/** Lines of the same item added together (a list may name an item twice). */
export function mergeItems(items: readonly GivenItem[]): GivenItem[] {
  const byItem = new Map<string, GivenItem>();
  for (const item of items) {
    const seen = byItem.get(item.item);
    if (seen)
      byItem.set(item.item, {
        ...seen,
        quantity: seen.quantity + item.quantity,
        value: seen.value + item.value,
      });
    else byItem.set(item.item, { ...item });
  }
  return [...byItem.values()];
}
