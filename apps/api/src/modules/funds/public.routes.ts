import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the public part of funds. */
export const publicRoutes: FastifyPluginAsyncZod = async () => {};
