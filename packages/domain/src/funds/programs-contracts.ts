// Contracts of the programs endpoints of funds.
export {};
