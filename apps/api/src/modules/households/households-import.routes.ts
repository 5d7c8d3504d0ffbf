import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** POST /households/import and GET /imports/:id. */
export const householdImportRoutes: FastifyPluginAsyncZod = async () => {};
