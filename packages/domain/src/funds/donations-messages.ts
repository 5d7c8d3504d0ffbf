/** Messages of the donations part of funds. */
export const donationsMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
