import {
  ChangePasswordRequest,
  CreateUserRequest,
  GrantIdParams,
  GrantRequest,
  ListUsersQuery,
  ListUsersResponse,
  LoginRequest,
  LoginResponse,
  Me,
  UpdateUserRequest,
  User,
  UserIdParams,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/access';
import { AppError } from '../../lib/app-error';
import { SESSION_COOKIE } from '../../lib/auth';
import { errorResponses } from '../../lib/http';
import * as service from './accounts.service';

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['accounts'];

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Đăng nhập / Log in (sets an httpOnly session cookie)',
        body: LoginRequest,
        response: { 200: LoginResponse, 429: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, me } = await service.login({
        db: app.db,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        ttlHours: app.config.sessionTtlHours,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.cookieSecure,
        path: '/',
        expires: expiresAt,
      });
      return me;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Đăng xuất / Log out', response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      requireActor(request.ctx);
      if (request.sessionTokenHash) {
        await service.logout({ db: app.db, ctx: request.ctx, tokenHash: request.sessionTokenHash });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Tài khoản đang đăng nhập / Current account',
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.sessionUser) throw new AppError('unauthorized', 'auth.required');
      return service.describeMe(app.db, request.sessionUser);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Đổi mật khẩu / Change password (other sessions are closed)',
        body: ChangePasswordRequest,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.changePassword({
        db: app.db,
        ctx: request.ctx,
        tokenHash: request.sessionTokenHash ?? '',
        ip: request.ip,
        input: request.body,
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Tài khoản trong phạm vi / Accounts with a role in the caller’s subtree',
        querystring: ListUsersQuery,
        response: { 200: ListUsersResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await service.listUsers({ db: app.db, ctx: request.ctx, ...request.query }),
    }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản / Create an account',
        body: CreateUserRequest,
        response: { 201: User, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createUser({ db: app.db, ctx: request.ctx, input: request.body })),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, khóa hoặc đặt lại mật khẩu / Update, deactivate or reset password',
        params: UserIdParams,
        body: UpdateUserRequest,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) =>
      service.updateUser({ db: app.db, ctx: request.ctx, userId: request.params.id, input: request.body }),
  );

  app.post(
    '/users/:id/grants',
    {
      schema: {
        tags,
        summary: 'Giao vai trò trên một đơn vị / Grant a role on a unit',
        params: UserIdParams,
        body: GrantRequest,
        response: { 201: User, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.addGrant({
          db: app.db,
          ctx: request.ctx,
          userId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.delete(
    '/users/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Thu hồi vai trò / Revoke a role',
        params: GrantIdParams,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) =>
      service.removeGrant({
        db: app.db,
        ctx: request.ctx,
        userId: request.params.id,
        grantId: request.params.grantId,
      }),
  );
};
