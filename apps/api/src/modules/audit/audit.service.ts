import { type AuditEvent, authorize, type ListAuditQuery, todayInVietnam } from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { authorizeUnit, requireActor } from '../../lib/access';
import { forbidden, notFound } from '../../lib/app-error';
import type { RequestContext } from '../../lib/context';
import {
  findAllTimeDescendants,
  findLatestVersions,
  findUnitInTree,
  findVersionByCode,
} from '../units/units.repository';
import * as repo from './audit.repository';

/** Events of a unit's subtree, newest first; without a unit, of everything the actor may audit. */
export async function listAudit({
  db,
  ctx,
  query,
}: {
  db: Db;
  ctx: RequestContext;
  query: z.output<typeof ListAuditQuery>;
}): Promise<{ items: AuditEvent[]; nextBefore: number | null }> {
  const actor = requireActor(ctx);
  let unitIds: string[] | null;
  if (query.unit) {
    const version = await findVersionByCode(db, query.unit, query.at ?? todayInVietnam());
    if (!version) throw notFound('unit.not_found');
    await authorizeUnit(db, ctx, 'audit.read', version.unitId);
    unitIds = await findAllTimeDescendants(db, [version.unitId]);
  } else if (authorize(actor, 'audit.read', null)) {
    unitIds = null;
  } else {
    const roots = [];
    for (const grant of actor.grants) {
      if (!grant.unitId) continue;
      const tree = await findUnitInTree(db, grant.unitId);
      if (tree && authorize(actor, 'audit.read', tree)) roots.push(grant.unitId);
    }
    if (roots.length === 0) throw forbidden();
    unitIds = await findAllTimeDescendants(db, roots);
  }
  const rows = await repo.listEvents(db, { ...query, unitIds });
  const versions = await findLatestVersions(db, [
    ...new Set(rows.flatMap((row) => (row.unitId ? [row.unitId] : []))),
  ]);
  return {
    items: rows.map((row) => {
      const unit = row.unitId ? versions.get(row.unitId) : undefined;
      return {
        id: String(row.id),
        at: row.at.toISOString(),
        actorUsername: row.actorUsername,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        unitCode: unit?.code ?? null,
        unitName: unit?.name ?? null,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
      };
    }),
    nextBefore: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
