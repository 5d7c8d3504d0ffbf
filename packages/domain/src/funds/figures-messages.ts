/** Messages of the figures part of funds. */
export const figuresMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
