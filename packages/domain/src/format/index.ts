export * from './date';
export * from './money-words';
export * from './number';
export * from './text';
