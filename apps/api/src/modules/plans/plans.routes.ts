import {
  CreateIndicatorRequest,
  CreatePlanRequest,
  CreatePlanResponse,
  EnterValueRequest,
  EnterValueResponse,
  EvaluationQuery,
  EvaluationResponse,
  ListIndicatorsResponse,
  ListPlansQuery,
  ListPlansResponse,
  PlanDetail,
  PlanParams,
  SetUnitTargetsRequest,
  SetUnitTargetsResponse,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http';
import { evaluatePlan } from './evaluation.service';
import * as service from './plans.service';

/** Evidence files travel as base64 in the body: room for 5 MB and the rest. */
const VALUE_BODY_LIMIT = 7_400_000;

/** Indicators, yearly plans, targets handed down and manual values. */
export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];
  const db = app.db;

  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu / Indicator definitions',
        response: { 200: ListIndicatorsResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listIndicators({ db, ctx: request.ctx }) }),
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Thêm chỉ tiêu nhập tay vào danh mục / Add a manual indicator',
        body: CreateIndicatorRequest,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await service.createIndicator({ db, ctx: request.ctx, body: request.body }) }),
  );

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary:
          'Kế hoạch của đơn vị và của cấp trên giao trong năm / Plans of a unit and of the levels above for a year',
        querystring: ListPlansQuery,
        response: { 200: ListPlansResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listPlans({ db, ctx: request.ctx, ...request.query }) }),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch năm với các chỉ tiêu / Create a yearly plan with its indicators',
        body: CreatePlanRequest,
        response: { 201: CreatePlanResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await service.createPlan({ db, ctx: request.ctx, body: request.body }) }),
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Một kế hoạch với chỉ tiêu và chỉ tiêu giao từng đơn vị / A plan',
        params: PlanParams,
        response: { 200: PlanDetail, ...errorResponses },
      },
    },
    async (request) => service.getPlan({ db, ctx: request.ctx, id: request.params.id }),
  );

  app.put(
    '/plans/:id/targets',
    {
      schema: {
        tags,
        summary: 'Giao chỉ tiêu riêng cho một đơn vị trực thuộc / Targets for a unit below',
        params: PlanParams,
        body: SetUnitTargetsRequest,
        response: { 200: SetUnitTargetsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.setUnitTargets({ db, ctx: request.ctx, id: request.params.id, ...request.body }),
  );

  app.post(
    '/plans/:id/values',
    {
      bodyLimit: VALUE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập kết quả chỉ tiêu có minh chứng / Enter a manual value with evidence',
        params: PlanParams,
        body: EnterValueRequest,
        response: { 201: EnterValueResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await service.enterValue({ db, ctx: request.ctx, id: request.params.id, body: request.body }),
      }),
  );

  app.get(
    '/plans/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          'Đánh giá chỉ tiêu: giá trị, trạng thái và đơn vị đóng góp / Evaluation: values, statuses and contributing units',
        params: PlanParams,
        querystring: EvaluationQuery,
        response: { 200: EvaluationResponse, ...errorResponses },
      },
    },
    async (request) => evaluatePlan({ db, ctx: request.ctx, id: request.params.id, ...request.query }),
  );

  app.get(
    '/plan-values/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Tải tệp minh chứng / Download the evidence of a value',
        params: PlanParams,
      },
    },
    async (request, reply) => {
      const file = await service.evidenceOf({ db, ctx: request.ctx, valueId: request.params.id });
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.bytes);
    },
  );
};
