import type { figuresVi } from './figures.vi';

/** English texts of the money figures; the same keys as figures.vi.ts. */
export const figuresEn: Record<keyof typeof figuresVi, string> = {};
