import { HealthResponse } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Tình trạng / Liveness and database check',
        response: { 200: HealthResponse },
      },
    },
    async () => {
      await app.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const };
    },
  );
};
