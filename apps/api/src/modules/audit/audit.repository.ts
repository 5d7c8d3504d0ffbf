import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

export type AuditFilter = {
  unitIds: string[] | null;
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

export async function listEvents(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.unitIds !== null) {
    if (filter.unitIds.length === 0) return [];
    conditions.push(inArray(auditEvents.unitId, filter.unitIds));
  }
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actor) conditions.push(eq(auditEvents.actorUsername, filter.actor));
  // Dates are days in Vietnam (UTC+7).
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00+07:00`)));
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00+07:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.at, end));
  }
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
