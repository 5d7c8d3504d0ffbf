/** Messages of the programs part of funds. */
export const programsMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
