// Contracts of the figures endpoints of funds.
export {};
