/** Vietnamese texts of the public pages. */
export const publicVi = {} as const;
