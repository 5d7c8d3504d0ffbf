import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the programs part of funds. */
export const programsRoutes: FastifyPluginAsyncZod = async () => {};
