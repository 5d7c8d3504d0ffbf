import {
  CancelDonationRequest,
  CancelDonationResponse,
  CreateDonationRequest,
  CreateDonationResponse,
  CreatePledgeRequest,
  CreatePledgeResponse,
  DonationDetail,
  DonationParams,
  isIdempotencyKey,
  ListDonationsQuery,
  ListDonationsResponse,
  ListPledgesQuery,
  ListPledgesResponse,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../lib/app-error';
import { errorResponses } from '../../lib/http';
import * as service from './donations.service';
import { renderReceiptPdf } from './receipt-pdf';

const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().optional().meta({
    description:
      'Khóa chống ghi trùng / 1–200 visible characters: a retry with the same key and body records once and gets the first answer',
  }),
});

/** Donations, their receipts and cancellation, and pledges. */
export const donationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['donations'];
  const db = app.db;

  app.post(
    '/donations',
    {
      schema: {
        tags,
        summary: 'Ghi nhận một khoản ủng hộ, cấp số biên nhận / Record a donation and number its receipt',
        headers: IdempotencyHeaders,
        body: CreateDonationRequest,
        response: { 201: CreateDonationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && !isIdempotencyKey(key)) {
        throw badRequest('donations.idempotency_key_invalid', 'Idempotency-Key');
      }
      const answer = await service.createDonation({
        db,
        ctx: request.ctx,
        body: request.body,
        idempotencyKey: key ?? null,
      });
      // A replayed answer keeps the status it was first given (201 is the only one stored).
      return reply.code(answer.statusCode as 201).send(answer.body as z.infer<typeof CreateDonationResponse>);
    },
  );

  app.get(
    '/donations',
    {
      schema: {
        tags,
        summary:
          'Danh sách ủng hộ theo quỹ, cuộc vận động hoặc đơn vị / Donations of a fund, campaign or unit',
        querystring: ListDonationsQuery,
        response: { 200: ListDonationsResponse, ...errorResponses },
      },
    },
    async (request) => service.listDonations({ db, ctx: request.ctx, query: request.query }),
  );

  app.get(
    '/donations/:id',
    {
      schema: {
        tags,
        summary: 'Một khoản ủng hộ và biên nhận / A donation and its receipt',
        params: DonationParams,
        response: { 200: DonationDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.getDonation({ db, ctx: request.ctx, id: request.params.id, publicUrl: app.config.publicUrl }),
  );

  app.get(
    '/donations/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'Biên nhận (PDF, A5) / The receipt as a PDF',
        params: DonationParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const donation = await service.getDonation({
        db,
        ctx: request.ctx,
        id: request.params.id,
        publicUrl: app.config.publicUrl,
      });
      const pdf = await renderReceiptPdf(donation);
      const fileName = `bien-nhan-${donation.receiptNumber.replace('/', '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );

  app.post(
    '/donations/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Hủy khoản ủng hộ bằng bút toán đảo, có lý do / Cancel a donation by reversing its entry',
        params: DonationParams,
        body: CancelDonationRequest,
        response: { 200: CancelDonationResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.cancelDonation({ db, ctx: request.ctx, id: request.params.id, ...request.body }),
  );

  app.post(
    '/pledges',
    {
      schema: {
        tags,
        summary: 'Ghi nhận cam kết ủng hộ / Record a pledge',
        body: CreatePledgeRequest,
        response: { 201: CreatePledgeResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await service.createPledge({ db, ctx: request.ctx, body: request.body }) }),
  );

  app.get(
    '/pledges',
    {
      schema: {
        tags,
        summary: 'Cam kết ủng hộ và mức thực hiện / Pledges and their fulfilment',
        querystring: ListPledgesQuery,
        response: { 200: ListPledgesResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listPledges({ db, ctx: request.ctx, ...request.query }) }),
  );
};
