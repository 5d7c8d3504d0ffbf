import {
  AtQuery,
  CreateUnitRequest,
  CreateUnitResponse,
  LineageResponse,
  ListUnitsQuery,
  ListUnitsResponse,
  SearchUnitsQuery,
  SearchUnitsResponse,
  Unit,
  UnitChangeRequest,
  UnitCodeParams,
  UnitDetail,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as service from './units.service';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['units'];

  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'Đơn vị con vào một ngày / Children of a unit on a date (roots without parent)',
        querystring: ListUnitsQuery,
        response: { 200: ListUnitsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listUnits({ db: app.db, ctx: request.ctx, ...request.query }),
    }),
  );

  app.get(
    '/units/search',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị, không cần dấu / Search units, diacritics optional',
        querystring: SearchUnitsQuery,
        response: { 200: SearchUnitsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.searchUnits({ db: app.db, ctx: request.ctx, ...request.query }),
    }),
  );

  app.get(
    '/units/:code',
    {
      schema: {
        tags,
        summary: 'Chi tiết đơn vị vào một ngày / A unit on a date, with its versions',
        params: UnitCodeParams,
        querystring: AtQuery,
        response: { 200: UnitDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.getUnit({ db: app.db, ctx: request.ctx, code: request.params.code, at: request.query.at }),
  );

  app.get(
    '/units/:code/lineage',
    {
      schema: {
        tags,
        summary: 'Đơn vị tiền thân và kế thừa / Predecessors and successors',
        params: UnitCodeParams,
        querystring: AtQuery,
        response: { 200: LineageResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getLineage({ db: app.db, ctx: request.ctx, code: request.params.code, at: request.query.at }),
  );

  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Thêm tổ dân phố / Add a residential group',
        body: CreateUnitRequest,
        response: { 201: CreateUnitResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const unit = await service.createResidentialGroup({
        db: app.db,
        ctx: request.ctx,
        input: request.body,
      });
      return reply.code(201).send(unit);
    },
  );

  app.post(
    '/units/:code/changes',
    {
      schema: {
        tags,
        summary:
          'Đổi tên, chuyển hoặc giải thể tổ dân phố từ một ngày / Rename, move or close a group from a date',
        params: UnitCodeParams,
        body: UnitChangeRequest,
        response: { 200: Unit, ...errorResponses },
      },
    },
    async (request) =>
      service.changeResidentialGroup({
        db: app.db,
        ctx: request.ctx,
        code: request.params.code,
        change: request.body,
      }),
  );
};
