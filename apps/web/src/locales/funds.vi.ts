/** Vietnamese texts of the funds pages. */
export const fundsVi = {} as const;
