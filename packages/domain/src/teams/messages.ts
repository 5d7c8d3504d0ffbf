/** Messages of the self-governing teams and figures API (keys start with "teams.", "stats."). */
export const teamMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
