import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Self-governing teams and groups, their members, households and activity log. */
export const teamsRoutes: FastifyPluginAsyncZod = async () => {};
