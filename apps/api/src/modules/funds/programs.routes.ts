import {
  CampaignStockParams,
  CampaignStockResponse,
  ConfirmDistributionRequest,
  ConfirmDistributionResponse,
  CoverageByUnitResponse,
  CoverageQuery,
  CoverageResponse,
  CreateDistributionsRequest,
  CreateDistributionsResponse,
  CreateProgramRequest,
  CreateProgramResponse,
  DistributionParams,
  EligibleQuery,
  EligibleResponse,
  ListDistributionsQuery,
  ListDistributionsResponse,
  ListProgramsQuery,
  ListProgramsResponse,
  PayDistributionsRequest,
  PayDistributionsResponse,
  ProgramDetail,
  ProgramParams,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http';
import * as service from './programs.service';

/** Support programmes, their distribution lists and coverage, and the in-kind stock of campaigns. */
export const programsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['programs'];
  const db = app.db;

  app.post(
    '/programs',
    {
      schema: {
        tags,
        summary: 'Lập chương trình hỗ trợ / Create a support programme',
        body: CreateProgramRequest,
        response: { 201: CreateProgramResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await service.createProgram({ db, ctx: request.ctx, body: request.body }) }),
  );

  app.get(
    '/programs',
    {
      schema: {
        tags,
        summary:
          'Chương trình của đơn vị, đơn vị trực thuộc và cấp trên / Programmes of a unit, the units below and above it',
        querystring: ListProgramsQuery,
        response: { 200: ListProgramsResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listPrograms({ db, ctx: request.ctx, ...request.query }) }),
  );

  app.get(
    '/programs/:id',
    {
      schema: {
        tags,
        summary: 'Một chương trình, với số hộ và số tiền theo trạng thái / A programme with its totals',
        params: ProgramParams,
        response: { 200: ProgramDetail, ...errorResponses },
      },
    },
    async (request) => service.getProgram({ db, ctx: request.ctx, id: request.params.id }),
  );

  app.get(
    '/programs/:id/eligible',
    {
      schema: {
        tags,
        summary: 'Hộ đủ điều kiện vào ngày xét / Households eligible on the eligibility date',
        params: ProgramParams,
        querystring: EligibleQuery,
        response: { 200: EligibleResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listEligible({ db, ctx: request.ctx, id: request.params.id, query: request.query }),
  );

  app.get(
    '/programs/:id/distributions',
    {
      schema: {
        tags,
        summary: 'Danh sách chi trả / The distribution list',
        params: ProgramParams,
        querystring: ListDistributionsQuery,
        response: { 200: ListDistributionsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listDistributions({ db, ctx: request.ctx, id: request.params.id, query: request.query }),
  );

  app.post(
    '/programs/:id/distributions',
    {
      schema: {
        tags,
        summary: 'Thêm hộ vào danh sách chi trả / Add households to the distribution list',
        params: ProgramParams,
        body: CreateDistributionsRequest,
        response: { 201: CreateDistributionsResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.createDistributions({
          db,
          ctx: request.ctx,
          id: request.params.id,
          body: request.body,
        }),
      ),
  );

  app.get(
    '/programs/:id/coverage',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ hộ đủ điều kiện đã được hỗ trợ / Coverage of the eligible households',
        params: ProgramParams,
        querystring: CoverageQuery,
        response: { 200: CoverageResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.coverage({ db, ctx: request.ctx, id: request.params.id, unit: request.query.unit }),
  );

  app.get(
    '/programs/:id/coverage/by-unit',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ hỗ trợ theo đơn vị trực thuộc / Coverage per unit below',
        params: ProgramParams,
        querystring: CoverageQuery,
        response: { 200: CoverageByUnitResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.coverageByUnit({ db, ctx: request.ctx, id: request.params.id, unit: request.query.unit }),
  );

  app.post(
    '/distributions/pay',
    {
      schema: {
        tags,
        summary: 'Chi trả cho các hộ (kế toán) / Pay distributions (treasurer)',
        body: PayDistributionsRequest,
        response: { 200: PayDistributionsResponse, ...errorResponses },
      },
    },
    async (request) => service.payDistributions({ db, ctx: request.ctx, body: request.body }),
  );

  app.post(
    '/distributions/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận hộ đã nhận / Confirm receipt',
        params: DistributionParams,
        body: ConfirmDistributionRequest,
        response: { 200: ConfirmDistributionResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.confirmDistribution({
        db,
        ctx: request.ctx,
        id: request.params.id,
        confirmedOn: request.body.confirmedOn,
      }),
  );

  app.delete(
    '/distributions/:id',
    {
      schema: {
        tags,
        summary: 'Xóa dòng chưa chi trả / Remove a distribution not yet paid',
        params: DistributionParams,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteDistribution({ db, ctx: request.ctx, id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.get(
    '/campaigns/:id/stock',
    {
      schema: {
        tags,
        summary: 'Kho hiện vật của cuộc vận động / In-kind stock of a campaign',
        params: CampaignStockParams,
        response: { 200: CampaignStockResponse, ...errorResponses },
      },
    },
    async (request) => service.getCampaignStock({ db, ctx: request.ctx, id: request.params.id }),
  );
};
