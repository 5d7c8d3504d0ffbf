import type { fundsVi } from './funds.vi';

/** English texts of the funds pages; the same keys as funds.vi.ts. */
export const fundsEn: Record<keyof typeof fundsVi, string> = {};
