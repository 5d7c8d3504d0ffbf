export * from './accounts';
export * from './audit';
export * from './funds';
export * from './households';
export * from './plans';
export * from './teams';
export * from './units';
