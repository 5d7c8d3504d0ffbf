import {
  AchievementQuery,
  AchievementResponse,
  AddBankAccountRequest,
  AddBoardMemberRequest,
  BalanceQuery,
  BalanceResponse,
  CampaignDetail,
  CampaignParams,
  CreateCampaignRequest,
  CreateCampaignResponse,
  CreateFundRequest,
  CreateFundResponse,
  EntryParams,
  FundDetail,
  FundIdParams,
  ListCampaignsQuery,
  ListCampaignsResponse,
  ListEntriesQuery,
  ListEntriesResponse,
  ListFundsQuery,
  ListFundsResponse,
  MonthlyQuery,
  MonthlyResponse,
  PostedResponse,
  ReverseEntryRequest,
  SetLegalBasisRequest,
  SetLegalBasisResponse,
  SetTargetsRequest,
  SetTargetsResponse,
  TransferRequest,
  TransferResponse,
  TransferTargetsResponse,
  VerifyQuery,
  VerifyResponse,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http';
import * as campaigns from './campaigns.service';
import * as service from './funds.service';

const Created = z.object({ id: z.uuid() });

/** Funds, their ledger, transfers between funds, and campaigns. */
export const fundsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['funds'];
  const db = app.db;

  app.get(
    '/funds',
    {
      schema: {
        tags,
        summary: 'Các quỹ của đơn vị và đơn vị trực thuộc / Funds of a unit and the units below it',
        querystring: ListFundsQuery,
        response: { 200: ListFundsResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listFunds({ db, ctx: request.ctx, ...request.query }) }),
  );

  app.post(
    '/funds',
    {
      schema: {
        tags,
        summary: 'Lập quỹ / Create a fund',
        body: CreateFundRequest,
        response: { 201: CreateFundResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await service.createFund({ db, ctx: request.ctx, body: request.body }) }),
  );

  app.get(
    '/funds/:id',
    {
      schema: {
        tags,
        summary: 'Một quỹ: tài khoản, ban vận động, số dư / A fund',
        params: FundIdParams,
        response: { 200: FundDetail, ...errorResponses },
      },
    },
    async (request) => service.getFund({ db, ctx: request.ctx, id: request.params.id }),
  );

  app.post(
    '/funds/:id/bank-accounts',
    {
      schema: {
        tags,
        summary: 'Thêm tài khoản ngân hàng của quỹ / Add a bank account',
        params: FundIdParams,
        body: AddBankAccountRequest,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await service.addBankAccount({
          db,
          ctx: request.ctx,
          fundId: request.params.id,
          body: request.body,
        }),
      }),
  );

  app.post(
    '/funds/:id/board',
    {
      schema: {
        tags,
        summary: 'Thêm thành viên Ban vận động / Add a member of the mobilisation board',
        params: FundIdParams,
        body: AddBoardMemberRequest,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await service.addBoardMember({
          db,
          ctx: request.ctx,
          fundId: request.params.id,
          body: request.body,
        }),
      }),
  );

  app.get(
    '/funds/:id/balance',
    {
      schema: {
        tags,
        summary: 'Thu, chi, số dư đến hết một ngày / Income, spending and balance up to a date',
        params: FundIdParams,
        querystring: BalanceQuery,
        response: { 200: BalanceResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getBalance({ db, ctx: request.ctx, id: request.params.id, at: request.query.at }),
  );

  app.get(
    '/funds/:id/entries',
    {
      schema: {
        tags,
        summary: 'Sổ quỹ: các bút toán / The fund’s ledger entries',
        params: FundIdParams,
        querystring: ListEntriesQuery,
        response: { 200: ListEntriesResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listEntries({ db, ctx: request.ctx, fundId: request.params.id, query: request.query }),
  );

  app.get(
    '/funds/:id/monthly',
    {
      schema: {
        tags,
        summary: 'Thu, chi theo tháng / Income and spending by month',
        params: FundIdParams,
        querystring: MonthlyQuery,
        response: { 200: MonthlyResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.monthly({ db, ctx: request.ctx, fundId: request.params.id, ...request.query }),
    }),
  );

  app.get(
    '/ledger/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chuỗi băm và số dư của sổ quỹ / Verify a fund’s hash chain and balances',
        querystring: VerifyQuery,
        response: { 200: VerifyResponse, ...errorResponses },
      },
    },
    async (request) => service.verify({ db, ctx: request.ctx, fundId: request.query.fund }),
  );

  app.post(
    '/ledger/entries/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Đảo một bút toán, có lý do / Reverse an entry, with a reason',
        params: EntryParams,
        body: ReverseEntryRequest,
        response: { 201: PostedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.reverse({ db, ctx: request.ctx, entryId: request.params.id, ...request.body })),
  );

  app.post(
    '/funds/transfers',
    {
      schema: {
        tags,
        summary: 'Chuyển tiền giữa hai quỹ / Transfer between funds',
        body: TransferRequest,
        response: { 201: TransferResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.transfer({ db, ctx: request.ctx, body: request.body })),
  );

  app.get(
    '/funds/:id/transfer-targets',
    {
      schema: {
        tags,
        summary: 'Các quỹ có thể chuyển tiền đến / Funds this fund may transfer to',
        params: FundIdParams,
        response: { 200: TransferTargetsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.transferTargets({ db, ctx: request.ctx, fundId: request.params.id }),
    }),
  );

  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Các cuộc vận động của đơn vị / Campaigns a unit runs or takes part in',
        querystring: ListCampaignsQuery,
        response: { 200: ListCampaignsResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await campaigns.listCampaigns({ db, ctx: request.ctx, ...request.query }) }),
  );

  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Phát động cuộc vận động / Launch a campaign',
        body: CreateCampaignRequest,
        response: { 201: CreateCampaignResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await campaigns.createCampaign({ db, ctx: request.ctx, body: request.body })),
  );

  app.get(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Một cuộc vận động / A campaign',
        params: CampaignParams,
        response: { 200: CampaignDetail, ...errorResponses },
      },
    },
    async (request) => campaigns.getCampaign({ db, ctx: request.ctx, id: request.params.id }),
  );

  app.put(
    '/campaigns/:id/targets',
    {
      schema: {
        tags,
        summary: 'Giao chỉ tiêu cho đơn vị trực thuộc / Assign targets to the units below',
        params: CampaignParams,
        body: SetTargetsRequest,
        response: { 200: SetTargetsResponse, ...errorResponses },
      },
    },
    async (request) =>
      campaigns.setTargets({ db, ctx: request.ctx, id: request.params.id, targets: request.body.targets }),
  );

  app.put(
    '/campaigns/:id/legal-basis',
    {
      schema: {
        tags,
        summary:
          'Ghi căn cứ pháp lý cho thời gian dài hơn Nghị định 93 / Record the legal basis for a longer period',
        params: CampaignParams,
        body: SetLegalBasisRequest,
        response: { 200: SetLegalBasisResponse, ...errorResponses },
      },
    },
    async (request) =>
      campaigns.setLegalBasis({
        db,
        ctx: request.ctx,
        id: request.params.id,
        legalBasis: request.body.legalBasis,
      }),
  );

  app.get(
    '/campaigns/:id/achievement',
    {
      schema: {
        tags,
        summary: 'Kết quả theo đơn vị, cộng dồn theo cây / Achievement by unit, rolled up',
        params: CampaignParams,
        querystring: AchievementQuery,
        response: { 200: AchievementResponse, ...errorResponses },
      },
    },
    async (request) =>
      campaigns.achievement({ db, ctx: request.ctx, id: request.params.id, ...request.query }),
  );
};
