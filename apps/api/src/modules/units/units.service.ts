import {
  authorize,
  type CreateUnitRequest,
  compareVietnamese,
  type LineageLink,
  type LineageResponse,
  previousDay,
  residentialGroupCode,
  todayInVietnam,
  type Unit,
  type UnitChangeRequest,
  type UnitDetail,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { authorizeUnit, requireActor, scopeOf } from '../../lib/access';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { presentUnit } from './units.presenter';
import * as repo from './units.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

/** Children of a unit on a date (roots without a parent), as far as the actor may see them. */
export async function listUnits({
  db,
  ctx,
  at,
  parent,
}: Options<{ at?: string; parent?: string }>): Promise<Unit[]> {
  const actor = requireActor(ctx);
  const date = at ?? todayInVietnam();
  const scope = await scopeOf(db, actor);
  let parentRow: repo.UnitVersionRow | null = null;
  let seeAll = scope.isNational;
  if (parent) {
    parentRow = await repo.findVersionByCode(db, parent, date);
    if (!parentRow) throw notFound('unit.not_found');
    const tree = await repo.findUnitInTree(db, parentRow.unitId);
    if (tree && authorize(actor, 'read', tree)) seeAll = true;
    else if (!scope.contextUnitIds.has(parentRow.unitId)) throw notFound('unit.not_found');
  }
  const children = await repo.listChildren(db, parentRow?.unitId ?? null, date);
  return children
    .filter((row) => seeAll || scope.grantUnitIds.has(row.unitId) || scope.contextUnitIds.has(row.unitId))
    .sort((a, b) =>
      a.kind === 'residential_group' ? compareVietnamese(a.name, b.name) : a.code.localeCompare(b.code),
    )
    .map((row) => presentUnit(row, parentRow?.code ?? null, row.hasChildren));
}

export async function searchUnits({
  db,
  ctx,
  q,
  at,
  limit,
}: Options<{ q: string; at?: string; limit: number }>): Promise<
  Array<Unit & { path: Array<{ code: string; name: string }> }>
> {
  const actor = requireActor(ctx);
  const date = at ?? todayInVietnam();
  const scope = await scopeOf(db, actor);
  const hits = await repo.searchVersions(db, q, date, scope.isNational ? limit : limit * 5);
  const results = [];
  for (const hit of hits) {
    if (results.length >= limit) break;
    if (!scope.isNational) {
      const tree = await repo.findUnitInTree(db, hit.unitId);
      if (!tree || !authorize(actor, 'read', tree)) continue;
    }
    const path = await repo.findPathAt(db, hit.unitId, date);
    const parent = path.at(-2);
    results.push({
      ...presentUnit(hit, parent?.code ?? null, hit.kind !== 'residential_group'),
      path: path.slice(0, -1).map(({ code, name }) => ({ code, name })),
    });
  }
  return results;
}

async function findReadable(db: Db, ctx: RequestContext, code: string, at: string) {
  const row = await repo.findVersionByCode(db, code, at);
  if (!row) throw notFound('unit.not_found');
  const actor = requireActor(ctx);
  const tree = await repo.findUnitInTree(db, row.unitId);
  const scope = await scopeOf(db, actor);
  const readable = tree !== null && authorize(actor, 'read', tree);
  // Units above one's own scope are shown too, so that the way down to it can be drawn.
  if (!readable && !scope.contextUnitIds.has(row.unitId)) throw notFound('unit.not_found');
  return { row, tree, canWrite: tree !== null && authorize(actor, 'units.write', tree) };
}

export async function getUnit({
  db,
  ctx,
  code,
  at,
}: Options<{ code: string; at?: string }>): Promise<UnitDetail> {
  const date = at ?? todayInVietnam();
  const { row, canWrite } = await findReadable(db, ctx, code, date);
  const path = await repo.findPathAt(db, row.unitId, date);
  const versions = await repo.listVersions(db, row.unitId);
  const parentVersions = new Map<string, repo.UnitVersionRow | null>();
  for (const version of versions) {
    if (version.parentUnitId) {
      parentVersions.set(
        version.id,
        await repo.findVersionOfUnit(db, version.parentUnitId, version.validFrom),
      );
    }
  }
  const children = await repo.listChildren(db, row.unitId, date);
  return {
    ...presentUnit(row, path.at(-2)?.code ?? null, children.length > 0),
    path: path.map(({ code: c, name, kind }) => ({ code: c, name, kind })),
    versions: versions.map((version) => {
      const parent = parentVersions.get(version.id) ?? null;
      return {
        code: version.code,
        name: version.name,
        parentCode: parent?.code ?? null,
        parentName: parent?.name ?? null,
        validFrom: version.validFrom,
        validTo: version.validTo,
        resolution: version.resolution,
      };
    }),
    canWrite,
  };
}

export async function getLineage({
  db,
  ctx,
  code,
  at,
}: Options<{ code: string; at?: string }>): Promise<LineageResponse> {
  const date = at ?? todayInVietnam();
  const { row } = await findReadable(db, ctx, code, date);
  const lineage = await repo.listLineage(db, row.unitId);
  const others = await repo.findLatestVersions(db, [
    ...lineage.predecessors.map((link) => link.otherUnitId),
    ...lineage.successors.map((link) => link.otherUnitId),
  ]);
  // A predecessor is named as it was the day before the change, a successor as it was on the day.
  const describe = async (link: repo.LineageRow, side: 'before' | 'after'): Promise<LineageLink | null> => {
    const when = side === 'before' ? previousDay(link.date) : link.date;
    const version =
      (await repo.findVersionOfUnit(db, link.otherUnitId, when)) ?? others.get(link.otherUnitId);
    if (!version) return null;
    return {
      code: version.code,
      name: version.name,
      kind: version.kind,
      type: link.type,
      date: link.date,
      resolution: link.resolution,
    };
  };
  const predecessors = await Promise.all(lineage.predecessors.map((link) => describe(link, 'before')));
  const successors = await Promise.all(lineage.successors.map((link) => describe(link, 'after')));
  return {
    predecessors: predecessors.filter((link): link is LineageLink => link !== null),
    successors: successors.filter((link): link is LineageLink => link !== null),
  };
}

async function nextGroupCode(db: Db, wardCode: string): Promise<string> {
  const codes = await repo.listCodesWithPrefix(db, `${wardCode}.`);
  const used = codes.map((code) => Number(code.slice(wardCode.length + 1))).filter(Number.isInteger);
  return residentialGroupCode(wardCode, Math.max(0, ...used) + 1);
}

async function assertNameFree(db: Db, parentUnitId: string, name: string, at: string, exceptUnitId?: string) {
  const names = await repo.childNamesAt(db, parentUnitId, at, exceptUnitId);
  if (names.some((other) => compareVietnamese(other, name) === 0)) throw conflict('unit.duplicate_name');
}

async function findWardForGroup(db: Db, ctx: RequestContext, code: string, at: string) {
  const parent = await repo.findVersionByCode(db, code, at);
  if (!parent)
    throw new AppError('not_found', 'unit.not_found', [
      {
        path: 'parentCode',
        message: 'Không tìm thấy đơn vị cha vào ngày này',
        messageEn: 'No parent unit with this code on that date',
      },
    ]);
  if (parent.kind !== 'ward') throw badRequest('unit.parent_not_ward', 'parentCode');
  await authorizeUnit(db, ctx, 'units.write', parent.unitId);
  return parent;
}

const earliestEnd = (a: string | null, b: string | null): string | null => {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
};

/** Creates a residential group under a ward; it cannot outlive the ward. */
export async function createResidentialGroup({
  db,
  ctx,
  input,
}: Options<{ input: z.output<typeof CreateUnitRequest> }>): Promise<Unit> {
  return db.transaction(async (tx) => {
    const parent = await findWardForGroup(tx, ctx, input.parentCode, input.validFrom);
    await repo.lockChildrenOf(tx, parent.unitId);
    await assertNameFree(tx, parent.unitId, input.name, input.validFrom);
    const code = await nextGroupCode(tx, parent.code);
    const unitId = await repo.insertUnit(tx, 'residential_group');
    const version = await repo.insertVersion(tx, {
      unitId,
      code,
      name: input.name,
      kind: 'residential_group',
      subkind: input.subkind,
      parentUnitId: parent.unitId,
      validFrom: input.validFrom,
      validTo: parent.validTo,
      resolution: input.resolution ?? null,
    });
    const unit = presentUnit(version, parent.code, false);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'unit', entityId: code, unitId, after: unit });
    return unit;
  });
}

/** Renames, moves or closes a residential group from a date on, keeping every earlier version. */
export async function changeResidentialGroup({
  db,
  ctx,
  code,
  change,
}: Options<{ code: string; change: z.output<typeof UnitChangeRequest> }>): Promise<Unit> {
  return db.transaction(async (tx) => {
    let current = await repo.findVersionByCode(tx, code, change.date);
    // A group whose ward ended that very day (1 July 2025) goes on under the ward it is moved to.
    const ended =
      !current && change.type === 'move' ? await repo.findVersionEndingOn(tx, code, change.date) : null;
    const endedWithWard =
      ended?.parentUnitId &&
      (await repo.findVersionOfUnit(tx, ended.parentUnitId, previousDay(change.date)))?.validTo ===
        change.date;
    const isContinuation = Boolean(ended && endedWithWard);
    if (isContinuation) current = ended;
    if (!current) throw notFound('unit.not_found');
    await authorizeUnit(tx, ctx, 'units.write', current.unitId);
    if (current.kind !== 'residential_group') throw badRequest('unit.not_residential_group');
    // A rename or move dated the first day of a version corrects that version in place.
    const isAmendment = change.date === current.validFrom && change.type !== 'close' && !isContinuation;
    if (change.date === current.validFrom && !isAmendment) {
      throw badRequest('unit.change_before_version', 'date');
    }
    const parentBefore = current.parentUnitId
      ? await repo.findVersionOfUnit(
          tx,
          current.parentUnitId,
          isContinuation ? previousDay(change.date) : change.date,
        )
      : null;
    const before = presentUnit(current, parentBefore?.code ?? null, false);

    if (change.type === 'close') {
      // Closing ends the group: versions planned after the date (a re-parenting) go with it.
      const later = await repo.listVersionsAfter(tx, current.unitId, change.date);
      await repo.deleteVersions(
        tx,
        later.map((version) => version.id),
      );
      await repo.endVersion(tx, current.id, change.date);
      const after = { ...before, validTo: change.date };
      await recordAudit(tx, ctx, {
        action: 'delete',
        entityType: 'unit',
        entityId: code,
        unitId: current.unitId,
        before:
          later.length > 0
            ? { ...before, laterVersions: later.map((version) => presentUnit(version, null, false)) }
            : before,
        after,
      });
      return after;
    }

    let parentUnitId = current.parentUnitId;
    let parentCode = parentBefore?.code ?? null;
    let validTo = current.validTo;
    let name = current.name;
    if (change.type === 'move') {
      const target = await findWardForGroup(tx, ctx, change.parentCode, change.date);
      if (target.unitId === current.parentUnitId) throw badRequest('unit.same_parent', 'parentCode');
      parentUnitId = target.unitId;
      parentCode = target.code;
      validTo = isContinuation ? target.validTo : earliestEnd(current.validTo, target.validTo);
    } else {
      name = change.name;
    }
    if (parentUnitId) {
      await repo.lockChildrenOf(tx, parentUnitId);
      await assertNameFree(tx, parentUnitId, name, change.date, current.unitId);
    }
    const resolution = change.resolution ?? (isAmendment ? current.resolution : null);
    let version: repo.UnitVersionRow;
    if (isAmendment) {
      version = await repo.amendVersion(tx, current.id, { name, parentUnitId, validTo, resolution });
    } else {
      if (!isContinuation) await repo.endVersion(tx, current.id, change.date);
      version = await repo.insertVersion(tx, {
        unitId: current.unitId,
        code: current.code,
        name,
        kind: current.kind,
        subkind: current.subkind,
        parentUnitId,
        validFrom: change.date,
        validTo,
        resolution,
      });
    }
    const after = presentUnit(version, parentCode, false);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'unit',
      entityId: code,
      unitId: current.unitId,
      before,
      after,
    });
    return after;
  });
}
