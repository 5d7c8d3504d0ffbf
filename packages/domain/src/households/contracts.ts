// Contracts of the households, persons and import endpoints.
export {};
