import { SelfGovernanceBreakdown, SelfGovernanceFigures, SelfGovernanceQuery } from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as service from './stats.service';

/** GET /stats/self-governance and the figures by category. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stats'];

  app.get(
    '/stats/self-governance',
    {
      schema: {
        tags,
        summary:
          'Số tổ, nhóm tự quản, thành viên và hộ được giám sát vào một ngày / Self-governance figures on a date',
        querystring: SelfGovernanceQuery,
        response: { 200: SelfGovernanceFigures, ...errorResponses },
      },
    },
    async (request) => service.getSelfGovernanceFigures({ db: app.db, ctx: request.ctx, ...request.query }),
  );

  app.get(
    '/stats/self-governance/breakdown',
    {
      schema: {
        tags,
        summary:
          'Số liệu tự quản, số hộ và diện hộ theo từng đơn vị trực thuộc / Figures, households and categories per child unit',
        querystring: SelfGovernanceQuery,
        response: { 200: SelfGovernanceBreakdown, ...errorResponses },
      },
    },
    async (request) => service.getSelfGovernanceBreakdown({ db: app.db, ctx: request.ctx, ...request.query }),
  );
};
