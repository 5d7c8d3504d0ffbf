/** Vietnamese texts of the money figures. */
export const figuresVi = {} as const;
