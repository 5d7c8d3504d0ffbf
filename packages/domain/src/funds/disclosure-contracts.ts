// Contracts of the disclosure endpoints of funds.
export {};
