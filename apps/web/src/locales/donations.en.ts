import type { donationsVi } from './donations.vi';

/** English texts of the donations pages; the same keys as donations.vi.ts. */
export const donationsEn: Record<keyof typeof donationsVi, string> = {};
