import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** GET /stats/self-governance and the figures by category. */
export const statsRoutes: FastifyPluginAsyncZod = async () => {};
