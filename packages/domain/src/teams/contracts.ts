// Contracts of the self-governing teams, activities and figures endpoints.
export {};
