import {
  addWorkingDays,
  type CreateDisclosureRequest,
  DISCLOSURE_WORKING_DAYS,
  type DisclosureItem,
  isDisclosureLate,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { authorizeUnit } from '../../lib/access';
import { badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { findAllTimeDescendants } from '../units/units.repository';
import { findCampaignFor } from './campaigns.service';
import * as repo from './disclosures.repository';
import { findFundFor, resolveUnit } from './funds.service';

type Options<T> = { db: Db; ctx: RequestContext } & T;

function present(row: repo.DisclosureListRow, today: string): DisclosureItem {
  const subjectType = row.fundId ? 'fund' : row.campaignId ? 'campaign' : 'program';
  return {
    id: row.id,
    subjectType,
    subjectId: (row.fundId ?? row.campaignId ?? row.programId) as string,
    subjectName: row.subjectName,
    subjectCode: row.subjectCode,
    unitCode: row.unitCode ?? '',
    unitName: row.unitName ?? '',
    title: row.title,
    decisionNo: row.decisionNo,
    decidedOn: row.decidedOn,
    dueOn: row.dueOn,
    publishedOn: row.publishedOn,
    late: isDisclosureLate(row.dueOn, row.publishedOn, today),
  };
}

/** Records that a decision must be made public, due 10 working days after it. */
export async function createDisclosure({
  db,
  ctx,
  body,
}: Options<{ body: CreateDisclosureRequest }>): Promise<{ id: string; dueOn: string }> {
  let unitId: string;
  if (body.fundId) {
    unitId = (await findFundFor(db, ctx, body.fundId, 'funds.write')).unitId;
  } else if (body.campaignId) {
    unitId = (await findCampaignFor(db, ctx, body.campaignId, 'funds.write')).unitId;
  } else {
    const programUnit = body.programId ? await repo.findProgramUnit(db, body.programId) : null;
    if (!programUnit) throw notFound('disclosures.subject_not_found');
    await authorizeUnit(db, ctx, 'funds.write', programUnit);
    unitId = programUnit;
  }
  const dueOn = addWorkingDays(body.decidedOn, DISCLOSURE_WORKING_DAYS);
  const record = {
    fundId: body.fundId ?? null,
    campaignId: body.campaignId ?? null,
    programId: body.programId ?? null,
    title: body.title,
    decisionNo: body.decisionNo?.trim() || null,
    decidedOn: body.decidedOn,
    dueOn,
  };
  const id = await db.transaction(async (tx) => {
    const inserted = await repo.insertDisclosure(tx, record);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'disclosure',
      entityId: inserted,
      unitId,
      after: record,
    });
    return inserted;
  });
  return { id, dueOn };
}

/** Records the day a disclosure was made public; late when after its due date. */
export async function publishDisclosure({
  db,
  ctx,
  id,
  publishedOn,
}: Options<{ id: string; publishedOn: string }>): Promise<DisclosureItem> {
  const found = await repo.findDisclosure(db, id);
  if (!found) throw notFound('disclosures.not_found');
  // Out of the actor's scope a write is refused (403), as everywhere in the API.
  await authorizeUnit(db, ctx, 'funds.write', found.unitId);
  if (found.publishedOn) throw conflict('disclosures.already_published');
  const today = todayInVietnam();
  if (publishedOn < found.decidedOn) throw badRequest('disclosures.published_before_decision', 'publishedOn');
  if (publishedOn > today) throw badRequest('disclosures.published_in_future', 'publishedOn');
  await db.transaction(async (tx) => {
    if (!(await repo.markPublished(tx, id, publishedOn))) throw conflict('disclosures.already_published');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'disclosure',
      entityId: id,
      unitId: found.unitId,
      before: { publishedOn: null },
      after: { publishedOn, late: isDisclosureLate(found.dueOn, publishedOn, today) },
    });
  });
  return present({ ...found, publishedOn }, today);
}

/** Disclosures of a unit and of every unit ever below it, with their lateness as of today. */
export async function listDisclosures({
  db,
  ctx,
  unit,
  at,
}: Options<{ unit: string; at?: string }>): Promise<DisclosureItem[]> {
  const today = todayInVietnam();
  const version = await resolveUnit(db, ctx, unit, at ?? today, 'read');
  const unitIds = await findAllTimeDescendants(db, [version.unitId]);
  const rows = await repo.listDisclosures(db, unitIds);
  return rows.map((row) => present(row, today));
}
