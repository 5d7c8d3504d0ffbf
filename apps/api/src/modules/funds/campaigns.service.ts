import {
  type Action,
  type CampaignDetail,
  type CampaignListItem,
  type CreateCampaignRequest,
  decree93Warnings,
  messages,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { authorizeUnit, hiddenAs, requireActor } from '../../lib/access';
import { badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import {
  findAllTimeDescendants,
  findUnitInTree,
  findVersionByCode,
  findVersionOfUnit,
  listChildren,
} from '../units/units.repository';
import * as fundsRepo from './funds.repository';
import { findFundFor, permissionsOn, resolveUnit } from './funds.service';
import type { FundRow } from './ledger.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

const warningsOf = (period: Parameters<typeof decree93Warnings>[0]) =>
  decree93Warnings(period).map((key) => ({ key, message: messages[key].vi, messageEn: messages[key].en }));

const percentOf = (raised: number, target: number | null) =>
  target ? Math.round((raised / target) * 1000) / 10 : null;

/** The campaign if the actor may do `action` on its unit (out of reading scope: 404). */
export async function findCampaignFor(db: Db, ctx: RequestContext, campaignId: string, action: Action) {
  const campaign = await fundsRepo.findCampaign(db, campaignId);
  if (!campaign) throw notFound('campaigns.not_found');
  await hiddenAs('campaigns.not_found', authorizeUnit(db, ctx, action, campaign.unitId));
  return campaign;
}

/** Units below a campaign's unit post to their own funds under it; funds elsewhere may not. */
export async function assertFundInCampaign(
  db: Db,
  campaign: fundsRepo.CampaignRow,
  fund: FundRow,
  path = 'campaignId',
) {
  if (fund.unitId === campaign.unitId) return;
  const below = await findAllTimeDescendants(db, [campaign.unitId]);
  if (!below.includes(fund.unitId)) throw badRequest('campaigns.fund_outside', path);
}

export async function createCampaign({ db, ctx, body }: Options<{ body: CreateCampaignRequest }>): Promise<{
  id: string;
  warnings: ReturnType<typeof warningsOf>;
}> {
  const fund = await findFundFor(db, ctx, body.fundId, 'funds.write');
  if (body.receivingEndsOn < body.startsOn || body.distributionEndsOn < body.receivingEndsOn) {
    throw badRequest('campaigns.period_order', 'receivingEndsOn');
  }
  const warnings = warningsOf(body);
  return db.transaction(async (tx) => {
    if (await fundsRepo.findCampaignByCode(tx, body.code)) throw conflict('campaigns.code_taken');
    const id = await fundsRepo.insertCampaign(tx, {
      fundId: fund.id,
      unitId: fund.unitId,
      code: body.code,
      name: body.name,
      startsOn: body.startsOn,
      receivingEndsOn: body.receivingEndsOn,
      distributionEndsOn: body.distributionEndsOn,
      legalBasis: body.legalBasis?.trim() || null,
      targetAmount: body.targetAmount ?? null,
      targetItems: body.targetItems ?? [],
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'campaign',
      entityId: id,
      unitId: fund.unitId,
      after: { ...body, warnings: warnings.map((warning) => warning.key) },
    });
    return { id, warnings };
  });
}

async function unitNameOf(db: Db, unitId: string, at: string) {
  const version = (await findVersionOfUnit(db, unitId, at)) ?? null;
  return { code: version?.code ?? '', name: version?.name ?? '' };
}

/** The date a campaign's tree is taken on: the end of receiving, or an earlier date asked for. */
const treeDateOf = (campaign: fundsRepo.CampaignRow, at: string) =>
  at < campaign.receivingEndsOn
    ? at < campaign.startsOn
      ? campaign.startsOn
      : at
    : campaign.receivingEndsOn;

export async function listCampaigns({
  db,
  ctx,
  unit,
  at,
}: Options<{ unit: string; at?: string }>): Promise<CampaignListItem[]> {
  const date = at ?? todayInVietnam();
  const version = await resolveUnit(db, ctx, unit, date, 'read');
  const tree = await findUnitInTree(db, version.unitId);
  const rows = await fundsRepo.listCampaignsFor(db, {
    unitId: version.unitId,
    at: date,
    ancestorIds: tree?.ancestorIds ?? [],
  });
  const items: CampaignListItem[] = [];
  for (const campaign of rows) {
    const inside = campaign.unitId !== version.unitId && !(tree?.ancestorIds ?? []).includes(campaign.unitId);
    // A campaign run above the unit shows the unit's share; one run in the subtree, its whole.
    const scopeUnitId = inside ? campaign.unitId : version.unitId;
    const raisedMap = await fundsRepo.raisedByBranch(db, {
      campaignId: campaign.id,
      unitId: scopeUnitId,
      treeAt: treeDateOf(campaign, date),
      to: date,
    });
    const raised = [...raisedMap.values()].reduce((sum, row) => sum + row.raised, 0);
    const targets = await fundsRepo.targetsOf(db, campaign.id);
    const target =
      scopeUnitId === campaign.unitId ? campaign.targetAmount : (targets.get(scopeUnitId) ?? null);
    items.push({
      id: campaign.id,
      code: campaign.code,
      name: campaign.name,
      fundId: campaign.fundId,
      fundName: campaign.fundName,
      unitCode: campaign.unitCode,
      unitName: campaign.unitName,
      startsOn: campaign.startsOn,
      receivingEndsOn: campaign.receivingEndsOn,
      distributionEndsOn: campaign.distributionEndsOn,
      targetAmount: target,
      raised,
      percent: percentOf(raised, target),
    });
  }
  return items;
}

export async function getCampaign({ db, ctx, id }: Options<{ id: string }>): Promise<CampaignDetail> {
  const campaign = await findCampaignFor(db, ctx, id, 'read');
  const fund = await findFundFor(db, ctx, campaign.fundId, 'read');
  const unit = await unitNameOf(db, campaign.unitId, campaign.startsOn);
  const today = todayInVietnam();
  const raisedMap = await fundsRepo.raisedByBranch(db, {
    campaignId: campaign.id,
    unitId: campaign.unitId,
    treeAt: treeDateOf(campaign, today),
    to: today,
  });
  const raised = [...raisedMap.values()].reduce((sum, row) => sum + row.raised, 0);
  const targetAmount = campaign.targetAmount === null ? null : Number(campaign.targetAmount);
  return {
    id: campaign.id,
    code: campaign.code,
    name: campaign.name,
    fundId: campaign.fundId,
    fundName: fund.name,
    unitId: campaign.unitId,
    unitCode: unit.code,
    unitName: unit.name,
    startsOn: campaign.startsOn,
    receivingEndsOn: campaign.receivingEndsOn,
    distributionEndsOn: campaign.distributionEndsOn,
    legalBasis: campaign.legalBasis,
    targetAmount,
    targetItems: campaign.targetItems ?? [],
    raised,
    percent: percentOf(raised, targetAmount),
    warnings: warningsOf(campaign),
    ...(await permissionsOn(db, ctx, campaign.unitId)),
  };
}

/** Targets the campaign's level hands to units below it (replacing earlier ones for those units). */
export async function setTargets({
  db,
  ctx,
  id,
  targets,
}: Options<{ id: string; targets: Array<{ unitCode: string; amount: number }> }>) {
  const campaign = await findCampaignFor(db, ctx, id, 'funds.write');
  const below = new Set(await findAllTimeDescendants(db, [campaign.unitId]));
  const resolved: Array<{ unitId: string; amount: number }> = [];
  for (const [index, target] of targets.entries()) {
    const version = await findVersionByCode(db, target.unitCode, campaign.startsOn);
    if (!version || version.unitId === campaign.unitId || !below.has(version.unitId)) {
      throw badRequest('campaigns.target.not_below', `targets.${index}.unitCode`);
    }
    resolved.push({ unitId: version.unitId, amount: target.amount });
  }
  await db.transaction(async (tx) => {
    await fundsRepo.upsertTargets(tx, campaign.id, resolved);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'campaign_targets',
      entityId: campaign.id,
      unitId: campaign.unitId,
      after: { targets },
    });
  });
  return { updated: resolved.length };
}

/** Records (or removes) the legal basis that allows a longer period than decree 93. */
export async function setLegalBasis({
  db,
  ctx,
  id,
  legalBasis,
}: Options<{ id: string; legalBasis: string | null }>) {
  const campaign = await findCampaignFor(db, ctx, id, 'funds.write');
  const value = legalBasis?.trim() || null;
  await db.transaction(async (tx) => {
    await fundsRepo.setLegalBasis(tx, campaign.id, value);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'campaign',
      entityId: campaign.id,
      unitId: campaign.unitId,
      before: { legalBasis: campaign.legalBasis },
      after: { legalBasis: value },
    });
  });
  return { legalBasis: value, warnings: warningsOf({ ...campaign, legalBasis: value }) };
}

/** Achievement of a unit and of each unit below it, rolled up over the tree of the campaign. */
export async function achievement({
  db,
  ctx,
  id,
  unit,
  at,
}: Options<{ id: string; unit?: string; at?: string }>) {
  requireActor(ctx);
  const campaign = await findCampaignFor(db, ctx, id, 'read');
  const date = at ?? todayInVietnam();
  const treeAt = treeDateOf(campaign, date);
  const root = unit
    ? await resolveUnit(db, ctx, unit, treeAt, 'read')
    : await findVersionOfUnit(db, campaign.unitId, treeAt);
  if (!root) throw notFound('unit.not_found');
  const [raised, targets, children] = await Promise.all([
    fundsRepo.raisedByBranch(db, { campaignId: campaign.id, unitId: root.unitId, treeAt, to: date }),
    fundsRepo.targetsOf(db, campaign.id),
    listChildren(db, root.unitId, treeAt),
  ]);
  const targetOf = (unitId: string) =>
    unitId === campaign.unitId
      ? campaign.targetAmount === null
        ? null
        : Number(campaign.targetAmount)
      : (targets.get(unitId) ?? null);
  const total = [...raised.values()].reduce(
    (sum, row) => ({ raised: sum.raised + row.raised, donations: sum.donations + row.donations }),
    { raised: 0, donations: 0 },
  );
  const own = raised.get(root.unitId) ?? { raised: 0, donations: 0 };
  const rootTarget = targetOf(root.unitId);
  const items = children.map((child) => {
    const row = raised.get(child.unitId) ?? { raised: 0, donations: 0 };
    const target = targetOf(child.unitId);
    return {
      unitCode: child.code,
      unitName: child.name,
      hasChildren: child.hasChildren,
      target,
      raised: row.raised,
      percent: percentOf(row.raised, target),
      donations: row.donations,
    };
  });
  if (own.raised !== 0 || own.donations !== 0) {
    items.unshift({
      unitCode: root.code,
      unitName: `${root.name} (quỹ của đơn vị)`,
      hasChildren: false,
      target: null,
      raised: own.raised,
      percent: null,
      donations: own.donations,
    });
  }
  return {
    unit: {
      unitCode: root.code,
      unitName: root.name,
      hasChildren: children.length > 0,
      target: rootTarget,
      raised: total.raised,
      percent: percentOf(total.raised, rootTarget),
      donations: total.donations,
    },
    items,
  };
}
