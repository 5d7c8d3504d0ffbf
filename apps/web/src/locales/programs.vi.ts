/** Vietnamese texts of the programs pages. */
export const programsVi = {} as const;
