import type { plansVi } from './plans.vi';

/** English texts of the plans pages; the same keys as plans.vi.ts. */
export const plansEn: Record<keyof typeof plansVi, string> = {};
