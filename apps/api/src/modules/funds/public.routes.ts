import { Readable } from 'node:stream';
import {
  CreateDisclosureRequest,
  CreateDisclosureResponse,
  DisclosureParams,
  ListDisclosuresQuery,
  ListDisclosuresResponse,
  PublicCampaignParams,
  PublicCampaignResponse,
  PublicCampaignsQuery,
  PublicCampaignsResponse,
  PublicEntryParams,
  PublicEntryResponse,
  PublicFundParams,
  PublicFundResponse,
  PublishDisclosureRequest,
  PublishDisclosureResponse,
} from '@doanket/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as disclosures from './disclosures.service';
import * as service from './public.service';

const { 401: _unauthorized, 403: _forbidden, 409: _conflict, ...publicErrors } = errorResponses;

const sendCsv = (reply: FastifyReply, fileName: string, rows: AsyncGenerator<string>) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Readable.from(rows));

/**
 * Public disclosure of funds and campaigns (no session: residents open these from a notice or a
 * receipt's QR code), and the disclosure due dates kept by treasurers (session needed).
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  const db = app.db;
  const config = { public: true };
  // No session: the OpenAPI document says so per route.
  const security: Array<Record<string, string[]>> = [];

  app.get(
    '/public/campaigns',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Các cuộc vận động công khai của một đơn vị / Public list of campaigns',
        querystring: PublicCampaignsQuery,
        response: { 200: PublicCampaignsResponse, ...publicErrors },
      },
    },
    async (request) => ({ items: await service.listPublicCampaigns({ db, ...request.query }) }),
  );

  app.get(
    '/public/campaigns/:code',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Công khai một cuộc vận động: thu, chi, người ủng hộ, phân phối / A campaign in public',
        params: PublicCampaignParams,
        response: { 200: PublicCampaignResponse, ...publicErrors },
      },
    },
    async (request) => service.getPublicCampaign({ db, code: request.params.code }),
  );

  app.get(
    '/public/campaigns/:code/donations.csv',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Danh sách ủng hộ của cuộc vận động (CSV) / Donations of a campaign as CSV',
        params: PublicCampaignParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const campaign = await service.findPublicCampaign(db, request.params.code);
      return sendCsv(
        reply,
        `ung-ho-${campaign.code}.csv`,
        service.donationsCsv(db, { campaignId: campaign.id }),
      );
    },
  );

  app.get(
    '/public/funds/:id',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Công khai một quỹ / A fund in public',
        params: PublicFundParams,
        response: { 200: PublicFundResponse, ...publicErrors },
      },
    },
    async (request) => service.getPublicFund({ db, id: request.params.id }),
  );

  app.get(
    '/public/funds/:id/entries.csv',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Mọi bút toán của quỹ (CSV) để tự kiểm tra chuỗi băm / Every entry of the fund as CSV, to recompute the chain',
        params: PublicFundParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const fund = await service.findPublicFund(db, request.params.id);
      return sendCsv(reply, `so-quy-${fund.id}.csv`, service.entriesCsv(db, fund.id));
    },
  );

  app.get(
    '/public/funds/:id/donations.csv',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Danh sách ủng hộ của quỹ (CSV) / Donations of a fund as CSV',
        params: PublicFundParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const fund = await service.findPublicFund(db, request.params.id);
      return sendCsv(reply, `ung-ho-quy-${fund.id}.csv`, service.donationsCsv(db, { fundId: fund.id }));
    },
  );

  app.get(
    '/public/entries/:id',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Bút toán sau mã QR của biên nhận, có kiểm tra toàn vẹn / The entry behind a receipt, verified',
        params: PublicEntryParams,
        response: { 200: PublicEntryResponse, ...publicErrors },
      },
    },
    async (request) => service.getPublicEntry({ db, id: request.params.id }),
  );

  const disclosureTags = ['funds'];

  app.post(
    '/disclosures',
    {
      schema: {
        tags: disclosureTags,
        summary: 'Ghi một đợt công khai phải làm (hạn: 10 ngày làm việc) / Record a disclosure due',
        body: CreateDisclosureRequest,
        response: { 201: CreateDisclosureResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await disclosures.createDisclosure({ db, ctx: request.ctx, body: request.body })),
  );

  app.post(
    '/disclosures/:id/publish',
    {
      schema: {
        tags: disclosureTags,
        summary: 'Ghi ngày đã công khai / Record the day it was made public',
        params: DisclosureParams,
        body: PublishDisclosureRequest,
        response: { 200: PublishDisclosureResponse, ...errorResponses },
      },
    },
    async (request) =>
      disclosures.publishDisclosure({
        db,
        ctx: request.ctx,
        id: request.params.id,
        publishedOn: request.body.publishedOn,
      }),
  );

  app.get(
    '/disclosures',
    {
      schema: {
        tags: disclosureTags,
        summary:
          'Các đợt công khai của đơn vị và cấp dưới, có cờ chậm / Disclosures of a unit, flagged when late',
        querystring: ListDisclosuresQuery,
        response: { 200: ListDisclosuresResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await disclosures.listDisclosures({ db, ctx: request.ctx, ...request.query }),
    }),
  );
};
