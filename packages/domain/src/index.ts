import { z } from 'zod';

export * from './accounts/authorize';
export * from './accounts/contracts';
export * from './audit/contracts';
export * from './common/errors';
export * from './common/messages';
export * from './common/schemas';
export * from './format';
export * from './funds/bank-contracts';
export * from './funds/contracts';
export * from './funds/disclosure-contracts';
export * from './funds/donations-contracts';
export * from './funds/figures-contracts';
export * from './funds/messages';
export * from './funds/programs-contracts';
export * from './households/contracts';
export * from './households/import-contracts';
export * from './households/messages';
export * from './residents/index';
export * from './teams/contracts';
export * from './teams/messages';
export * from './units/contracts';
export * from './units/import-contracts';
export * from './units/rules';

export const HealthResponse = z.object({ status: z.literal('ok') });
