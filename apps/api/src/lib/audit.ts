import type { Db } from '../db/client';
import { auditEvents } from '../db/schema/index';
import type { RequestContext } from './context';

export type AuditInput = {
  action: 'create' | 'update' | 'delete' | 'import' | 'login' | 'logout' | 'reveal';
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one event of the audit trail; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Db, ctx: RequestContext, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    unitId: event.unitId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: ctx.requestId,
  });
}
