// Contracts of the bank endpoints of funds.
export {};
