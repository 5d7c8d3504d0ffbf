import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the donations part of funds. */
export const donationsRoutes: FastifyPluginAsyncZod = async () => {};
