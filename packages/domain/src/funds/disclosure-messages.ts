/** Messages of the disclosure part of funds. */
export const disclosureMessages = {} as const satisfies Record<string, { vi: string; en: string }>;
