import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../modules/accounts/accounts.service';
import { AppError } from './app-error';

export const SESSION_COOKIE = 'doanket_session';

/**
 * Resolves the session cookie into the request's actor. Every /api route needs a session
 * unless its config says `public: true`.
 */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (request) => {
    request.ctx = { actor: null, requestId: request.id };
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(app.db, token, app.config.sessionTtlHours);
      if (session) {
        request.ctx = { actor: session.actor, requestId: request.id };
        request.sessionUser = session.user;
        request.sessionTokenHash = session.tokenHash;
      }
    }
    const isPublic = (request.routeOptions.config as { public?: boolean } | undefined)?.public === true;
    const needsSession = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    if (!isPublic && needsSession && !request.ctx.actor && request.routeOptions.url) {
      throw new AppError('unauthorized', 'auth.required');
    }
  });
}
