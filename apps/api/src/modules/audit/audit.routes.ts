import { ListAuditQuery, ListAuditResponse } from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import { listAudit } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi, mới nhất trước / Audit trail, newest first',
        querystring: ListAuditQuery,
        response: { 200: ListAuditResponse, ...errorResponses },
      },
    },
    async (request) => listAudit({ db: app.db, ctx: request.ctx, query: request.query }),
  );
};
