/** Vietnamese texts of the plans, dashboard and report pages. */
export const plansVi = {} as const;
