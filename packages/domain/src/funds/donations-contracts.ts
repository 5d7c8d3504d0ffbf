// Contracts of the donations endpoints of funds.
export {};
