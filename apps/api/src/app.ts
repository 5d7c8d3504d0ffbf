import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorBody } from '@doanket/domain';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from './db/client';
import { installAuth } from './lib/auth';
import type { Config } from './lib/config';
import type { RequestContext } from './lib/context';
import type { Sealer } from './lib/crypto';
import { installErrorHandler, zodValidatorCompiler } from './lib/http';
import type { UserRow } from './modules/accounts/accounts.repository';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { bankRoutes } from './modules/funds/bank.routes';
import { donationsRoutes } from './modules/funds/donations.routes';
import { fundFiguresRoutes } from './modules/funds/figures.routes';
import { fundsRoutes } from './modules/funds/funds.routes';
import { programsRoutes } from './modules/funds/programs.routes';
import { publicRoutes } from './modules/funds/public.routes';
import { healthRoutes } from './modules/health/health.routes';
import { householdsRoutes } from './modules/households/households.routes';
import { householdImportRoutes } from './modules/households/households-import.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { statsRoutes } from './modules/teams/stats.routes';
import { teamsRoutes } from './modules/teams/teams.routes';
import { unitsRoutes } from './modules/units/units.routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** Seals sensitive personal data; null on PostgreSQL until DOANKET_DATA_KEY is given. */
    sealer: Sealer | null;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionUser: UserRow | null;
    sessionTokenHash: string | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export type BuildOptions = { db: Db; config: Config; sealer?: Sealer | null; logger?: boolean | object };

export async function buildApp({
  db,
  config,
  sealer = null,
  logger = false,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('sealer', sealer);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await app.register(fastifyCookie);
  installAuth(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Đoàn Kết API',
        description:
          'API của Đoàn Kết — phần mềm công tác Mặt trận Tổ quốc cấp cơ sở. Lỗi trả về thông điệp tiếng Việt (message) và tiếng Anh (messageEn).',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'doanket_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(accountsRoutes);
      await api.register(unitsRoutes);
      await api.register(auditRoutes);
      await api.register(householdsRoutes);
      await api.register(householdImportRoutes);
      await api.register(teamsRoutes);
      await api.register(statsRoutes);
      await api.register(fundsRoutes);
      await api.register(donationsRoutes);
      await api.register(bankRoutes);
      await api.register(programsRoutes);
      await api.register(publicRoutes);
      await api.register(fundFiguresRoutes);
      await api.register(plansRoutes);
      await api.register(reportsRoutes);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api' },
  );

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page outside /api gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not_found', 'not_found', { requestId: request.id }));
  });
  return app;
}
