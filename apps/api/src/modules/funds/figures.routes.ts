import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the figures part of funds. */
export const fundFiguresRoutes: FastifyPluginAsyncZod = async () => {};
