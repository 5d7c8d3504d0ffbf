import { MoneyFigures, MoneyFiguresQuery } from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import { getMoneyFigures } from './figures.service';

/** GET /stats/funds: the money figures of a unit's subtree for a year. */
export const fundFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats/funds',
    {
      schema: {
        tags: ['stats'],
        summary:
          'Số liệu quỹ, ủng hộ, hỗ trợ và các cuộc vận động của một đơn vị trong năm / Money figures of a unit for a year',
        querystring: MoneyFiguresQuery,
        response: { 200: MoneyFigures, ...errorResponses },
      },
    },
    async (request) => getMoneyFigures({ db: app.db, ctx: request.ctx, ...request.query }),
  );
};
