import type { Actor } from '@doanket/domain';

/** Who is acting and for which request: passed to every service call. */
export type RequestContext = {
  actor: Actor | null;
  requestId: string | null;
};

export const systemContext = (requestId: string | null = null): RequestContext => ({
  actor: null,
  requestId,
});
