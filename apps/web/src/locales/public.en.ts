import type { publicVi } from './public.vi';

/** English texts of the public pages; the same keys as public.vi.ts. */
export const publicEn: Record<keyof typeof publicVi, string> = {};
