/** Messages of the bank part of funds. */
export const bankMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
