/** Vietnamese texts of the donations pages. */
export const donationsVi = {} as const;
