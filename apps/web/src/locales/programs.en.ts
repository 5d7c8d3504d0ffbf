import type { programsVi } from './programs.vi';

/** English texts of the programs pages; the same keys as programs.vi.ts. */
export const programsEn: Record<keyof typeof programsVi, string> = {};
