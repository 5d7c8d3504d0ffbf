import {
  AddTeamMemberRequest,
  AddTeamMemberResponse,
  AssignTeamHouseholdsRequest,
  AssignTeamHouseholdsResponse,
  CloseTeamRequest,
  CloseTeamResponse,
  CreateTeamActivityRequest,
  CreateTeamActivityResponse,
  CreateTeamRequest,
  CreateTeamResponse,
  EndTeamHouseholdRequest,
  EndTeamHouseholdResponse,
  EndTeamMemberRequest,
  EndTeamMemberResponse,
  ListTeamActivitiesQuery,
  ListTeamActivitiesResponse,
  ListTeamsQuery,
  ListTeamsResponse,
  MAX_PHOTO_DATA_URL_LENGTH,
  MyTeamsQuery,
  TeamDetail,
  TeamDetailQuery,
  TeamHouseholdParams,
  TeamIdParams,
  UpdateTeamRequest,
  UpdateTeamResponse,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as service from './teams.service';

/** Room for a 2 MB photo as base64 (a third more) with the rest of the activity. */
const ACTIVITY_BODY_LIMIT = MAX_PHOTO_DATA_URL_LENGTH + 256 * 1024;

/** Self-governing teams and groups, their members, households and activity log. */
export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['teams'];

  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Tổ, nhóm tự quản của một đơn vị vào một ngày / Teams and groups of a unit on a date',
        querystring: ListTeamsQuery,
        response: { 200: ListTeamsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listTeams({ db: app.db, ctx: request.ctx, ...request.query }),
    }),
  );

  app.get(
    '/teams/mine',
    {
      schema: {
        tags,
        summary: 'Tổ, nhóm người dùng được quản lý / Teams and groups the user may write',
        querystring: MyTeamsQuery,
        response: { 200: ListTeamsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listMyTeams({ db: app.db, ctx: request.ctx, at: request.query.at }),
    }),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Thành lập tổ, nhóm tự quản / Create a team or group',
        body: CreateTeamRequest,
        response: { 201: CreateTeamResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createTeam({ db: app.db, ctx: request.ctx, input: request.body })),
  );

  app.get(
    '/teams/:id',
    {
      schema: {
        tags,
        summary:
          'Tổ, nhóm với thành viên, hộ phụ trách và hoạt động / A team with members, households, activities',
        params: TeamIdParams,
        querystring: TeamDetailQuery,
        response: { 200: TeamDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.getTeam({ db: app.db, ctx: request.ctx, id: request.params.id, at: request.query.at }),
  );

  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Đổi tên tổ, nhóm / Rename a team or group',
        params: TeamIdParams,
        body: UpdateTeamRequest,
        response: { 200: UpdateTeamResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.renameTeam({ db: app.db, ctx: request.ctx, id: request.params.id, name: request.body.name }),
  );

  app.post(
    '/teams/:id/close',
    {
      schema: {
        tags,
        summary: 'Giải thể tổ, nhóm từ một ngày / Close a team or group from a date',
        params: TeamIdParams,
        body: CloseTeamRequest,
        response: { 200: CloseTeamResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.closeTeam({ db: app.db, ctx: request.ctx, id: request.params.id, date: request.body.date }),
  );

  app.post(
    '/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Thêm thành viên / Add a member',
        params: TeamIdParams,
        body: AddTeamMemberRequest,
        response: { 201: AddTeamMemberResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.addMember({
          db: app.db,
          ctx: request.ctx,
          teamId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/team-members/:id/end',
    {
      schema: {
        tags,
        summary: 'Thành viên thôi tham gia từ một ngày / End a membership from a date',
        params: TeamIdParams,
        body: EndTeamMemberRequest,
        response: { 200: EndTeamMemberResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.endMember({
        db: app.db,
        ctx: request.ctx,
        memberId: request.params.id,
        date: request.body.date,
      }),
  );

  app.post(
    '/teams/:id/households',
    {
      schema: {
        tags,
        summary: 'Giao hộ cho tổ, nhóm phụ trách / Put households in the care of a team or group',
        params: TeamIdParams,
        body: AssignTeamHouseholdsRequest,
        response: { 200: AssignTeamHouseholdsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.assignHouseholds({
        db: app.db,
        ctx: request.ctx,
        teamId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/teams/:id/households/:householdId/end',
    {
      schema: {
        tags,
        summary: 'Thôi phụ trách hộ từ một ngày / End the care of a household from a date',
        params: TeamHouseholdParams,
        body: EndTeamHouseholdRequest,
        response: { 200: EndTeamHouseholdResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.endHousehold({
        db: app.db,
        ctx: request.ctx,
        teamId: request.params.id,
        householdId: request.params.householdId,
        date: request.body.date,
      }),
  );

  app.get(
    '/teams/:id/activities',
    {
      schema: {
        tags,
        summary: 'Nhật ký hoạt động / Activity log',
        params: TeamIdParams,
        querystring: ListTeamActivitiesQuery,
        response: { 200: ListTeamActivitiesResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listActivities({
        db: app.db,
        ctx: request.ctx,
        teamId: request.params.id,
        ...request.query,
      }),
    }),
  );

  app.post(
    '/teams/:id/activities',
    {
      bodyLimit: ACTIVITY_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Ghi hoạt động, có thể kèm ảnh / Log an activity, with an optional photo',
        params: TeamIdParams,
        body: CreateTeamActivityRequest,
        response: { 201: CreateTeamActivityResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.createActivity({
          db: app.db,
          ctx: request.ctx,
          teamId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/team-activities/:id/photo',
    {
      schema: {
        tags,
        summary: 'Ảnh của hoạt động / Photo of an activity',
        params: TeamIdParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const photo = await service.getActivityPhoto({ db: app.db, ctx: request.ctx, id: request.params.id });
      return reply.type(photo.type).header('content-disposition', 'inline').send(photo.bytes);
    },
  );
};
