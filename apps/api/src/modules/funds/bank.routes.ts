import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the bank part of funds. */
export const bankRoutes: FastifyPluginAsyncZod = async () => {};
