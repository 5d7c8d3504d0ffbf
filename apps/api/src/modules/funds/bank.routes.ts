import { CampaignParams, CampaignVietQrResponse } from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as service from './bank.service';

/** Routes of the bank part of funds: VietQR codes, statement imports and decisions on their lines. */
export const bankRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['funds'];
  const db = app.db;

  app.get(
    '/campaigns/:id/vietqr',
    {
      schema: {
        tags,
        summary: 'Mã VietQR ủng hộ cuộc vận động / VietQR code for donating to a campaign',
        params: CampaignParams,
        response: { 200: CampaignVietQrResponse, ...errorResponses },
      },
    },
    async (request) => service.getCampaignVietQr({ db, ctx: request.ctx, id: request.params.id }),
  );
};
