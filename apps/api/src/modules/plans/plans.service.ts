import type { CreateIndicatorRequest } from '@doanket/domain';
import {
  type Action,
  authorize,
  type Comparison,
  type CreatePlanRequest,
  type EnterValueRequest,
  findLibraryIndicator,
  type IndicatorKind,
  isValueInRange,
  type PlanDetail,
  type Target,
  targetProblem,
  targetText,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { authorizeUnit, hiddenAs, requireActor } from '../../lib/access';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import {
  findAllTimeAncestors,
  findAllTimeDescendants,
  findUnitInTree,
  findVersionByCode,
  findVersionOfUnit,
} from '../units/units.repository';
import * as repo from './plans.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

export const yearEnd = (year: number) => `${year}-12-31`;

/** The unit's version in force during the year (its last day, or the last day it existed). */
export async function findUnitOfYear(db: Db, code: string, year: number) {
  const end = await findVersionByCode(db, code, yearEnd(year));
  if (end) return end;
  // A unit abolished during the year (districts on 1 July 2025) still has its plan for that year.
  for (const day of [`${year}-06-30`, `${year}-01-01`]) {
    const version = await findVersionByCode(db, code, day);
    if (version) return version;
  }
  return null;
}

export async function findPlanFor(db: Db, ctx: RequestContext, id: string, action: Action) {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw notFound('plans.not_found');
  try {
    await authorizeUnit(db, ctx, 'read', plan.unitId);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    // A plan of a level above is handed down: the units below it read it.
    const actor = requireActor(ctx);
    const grantUnits = actor.grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
    const above = await findAllTimeAncestors(db, grantUnits);
    if (!above.has(plan.unitId)) throw notFound('plans.not_found');
  }
  if (action !== 'read') await authorizeUnit(db, ctx, action, plan.unitId);
  return plan;
}

type TargetInput = { comparison?: Comparison; value?: number; max?: number | null };

/** The target of an input against its definition's defaults, or the field error that refuses it. */
function resolveTarget(definition: repo.DefinitionRow, input: TargetInput, path: string): Target {
  const comparison = input.comparison ?? (definition.comparison as Comparison);
  const target: Target = {
    comparison,
    value: input.value ?? definition.defaultValue,
    max:
      comparison === 'range'
        ? (input.max ?? (input.value === undefined ? definition.defaultMax : null))
        : null,
  };
  if (comparison === 'range' && (target.max === null || target.max === undefined)) {
    throw badRequest('plans.target.max_needed', `${path}.max`);
  }
  const problem = targetProblem(definition.kind as IndicatorKind, target);
  if (problem) throw badRequest(problem, `${path}.value`);
  return target;
}

export async function listIndicators({ db, ctx }: Options<object>) {
  requireActor(ctx);
  await repo.ensureLibrary(db);
  const rows = await repo.listDefinitions(db);
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind as IndicatorKind,
    unitOfMeasure: row.unitOfMeasure,
    comparison: row.comparison as Comparison,
    defaultValue: row.defaultValue,
    defaultMax: row.defaultMax,
    source: row.sourceType as 'computed' | 'manual',
    computedKey: row.computedKey,
    isLibrary: row.isLibrary,
  }));
}

/** A new manual indicator for the library (computed ones come with the modules that compute them). */
export async function createIndicator({
  db,
  ctx,
  body,
}: Options<{ body: z.infer<typeof CreateIndicatorRequest> }>): Promise<string> {
  const actor = requireActor(ctx);
  if (!actor.grants.some((grant) => grant.role === 'system_admin' || grant.role === 'standing_committee')) {
    throw new AppError('forbidden', 'forbidden');
  }
  const target: Target = {
    comparison: body.comparison,
    value: body.defaultValue,
    max: body.defaultMax ?? null,
  };
  if (body.comparison === 'range' && target.max === null)
    throw badRequest('plans.target.max_needed', 'defaultMax');
  const problem = targetProblem(body.kind, target);
  if (problem) throw badRequest(problem, 'defaultValue');
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertDefinition(tx, {
        key: body.key,
        name: body.name,
        nameEn: body.nameEn ?? body.name,
        kind: body.kind,
        unitOfMeasure: body.unitOfMeasure,
        comparison: body.comparison,
        defaultValue: body.defaultValue,
        defaultMax: body.defaultMax ?? null,
        sourceType: 'manual',
        computedKey: null,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'indicator',
        entityId: id,
        unitId: null,
        after: body,
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('indicators.key_taken');
    throw error;
  }
}

export async function createPlan({ db, ctx, body }: Options<{ body: CreatePlanRequest }>): Promise<string> {
  const unit = await findUnitOfYear(db, body.unitCode, body.year);
  if (!unit) throw badRequest('plans.unit_not_in_year', 'unitCode');
  await authorizeUnit(db, ctx, 'plans.write', unit.unitId);
  await repo.ensureLibrary(db);
  const definitions = await repo.findDefinitionsByKeys(
    db,
    body.indicators.map((item) => item.key),
  );
  const seen = new Set<string>();
  const rows = body.indicators.map((item, index) => {
    const definition = definitions.get(item.key);
    if (!definition) throw badRequest('plans.indicator_unknown', `indicators.${index}.key`);
    if (seen.has(item.key)) throw badRequest('plans.indicator_duplicate', `indicators.${index}.key`);
    seen.add(item.key);
    const target = resolveTarget(definition, item, `indicators.${index}`);
    for (const [quarter, value] of (item.quarters ?? []).entries()) {
      if (
        value !== null &&
        targetProblem(definition.kind as IndicatorKind, { ...target, value, max: target.max ?? null })
      ) {
        throw badRequest('plans.target.negative', `indicators.${index}.quarters.${quarter}`);
      }
    }
    return {
      indicatorId: definition.id,
      position: index + 1,
      targetNo: item.target ?? findLibraryIndicator(item.key)?.target ?? index + 1,
      comparison: target.comparison,
      targetValue: target.value,
      targetMax: target.max ?? null,
      quarterTargets: item.quarters ?? null,
    };
  });
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertPlan(tx, {
        unitId: unit.unitId,
        year: body.year,
        title: body.title,
        decisionNo: body.decisionNo ?? null,
        decidedOn: body.decidedOn ?? null,
      });
      await repo.insertPlanIndicators(
        tx,
        rows.map((row) => ({ ...row, planId: id })),
      );
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'plan',
        entityId: id,
        unitId: unit.unitId,
        after: body,
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('plans.exists');
    throw error;
  }
}

/** The unit's own plan of the year and the plans of the levels above it that hand targets down. */
export async function listPlans({ db, ctx, unit, year }: Options<{ unit: string; year: number }>) {
  const version = await findUnitOfYear(db, unit, year);
  if (!version) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', version.unitId);
  const above = await findAllTimeAncestors(db, [version.unitId]);
  const rows = await repo.listPlansOf(db, [version.unitId, ...above], year);
  const items = [];
  for (const plan of rows) {
    const planUnit =
      (await findVersionOfUnit(db, plan.unitId, yearEnd(year))) ??
      (await findVersionOfUnit(db, plan.unitId, `${year}-01-01`));
    items.push({
      id: plan.id,
      unitCode: planUnit?.code ?? '',
      unitName: planUnit?.name ?? '',
      year: plan.year,
      title: plan.title,
      isOwn: plan.unitId === version.unitId,
    });
  }
  return items.sort((a, b) => Number(b.isOwn) - Number(a.isOwn));
}

const targetOf = (row: { comparison: string; targetValue: number; targetMax: number | null }): Target => ({
  comparison: row.comparison as Comparison,
  value: row.targetValue,
  max: row.targetMax,
});

export const targetViewOf = (definition: repo.DefinitionRow, target: Target) => ({
  comparison: target.comparison,
  value: target.value,
  max: target.max ?? null,
  text: targetText(definition.kind as IndicatorKind, definition.unitOfMeasure, target),
});

export async function getPlan({ db, ctx, id }: Options<{ id: string }>): Promise<PlanDetail> {
  const plan = await findPlanFor(db, ctx, id, 'read');
  const unit =
    (await findVersionOfUnit(db, plan.unitId, yearEnd(plan.year))) ??
    (await findVersionOfUnit(db, plan.unitId, `${plan.year}-01-01`));
  const indicators = await repo.listPlanIndicators(db, plan.id);
  const unitTargets = await repo.listUnitTargets(
    db,
    indicators.map((item) => item.id),
  );
  const names = new Map<string, { code: string; name: string }>();
  for (const target of unitTargets) {
    if (names.has(target.unitId)) continue;
    const version =
      (await findVersionOfUnit(db, target.unitId, yearEnd(plan.year))) ??
      (await findVersionOfUnit(db, target.unitId, `${plan.year}-01-01`));
    names.set(target.unitId, { code: version?.code ?? '', name: version?.name ?? '' });
  }
  const tree = await findUnitInTree(db, plan.unitId);
  return {
    id: plan.id,
    unitCode: unit?.code ?? '',
    unitName: unit?.name ?? '',
    year: plan.year,
    title: plan.title,
    decisionNo: plan.decisionNo,
    decidedOn: plan.decidedOn,
    indicators: indicators.map((item) => ({
      id: item.id,
      key: item.definition.key,
      target: item.targetNo,
      name: item.definition.name,
      nameEn: item.definition.nameEn,
      kind: item.definition.kind as IndicatorKind,
      unitOfMeasure: item.definition.unitOfMeasure,
      source: item.definition.sourceType as 'computed' | 'manual',
      computedKey: item.definition.computedKey,
      targetView: targetViewOf(item.definition, targetOf(item)),
      quarters: item.quarterTargets ?? null,
      unitTargets: unitTargets
        .filter((target) => target.planIndicatorId === item.id)
        .map((target) => ({
          unitCode: names.get(target.unitId)?.code ?? '',
          unitName: names.get(target.unitId)?.name ?? '',
          target: targetViewOf(item.definition, targetOf(target)),
        })),
    })),
    canManage: Boolean(tree && authorize(requireActor(ctx), 'plans.write', tree)),
  };
}

/** Targets handed to a unit below the plan's unit, overriding the plan's own for it. */
export async function setUnitTargets({
  db,
  ctx,
  id,
  unitCode,
  targets,
}: Options<{
  id: string;
  unitCode: string;
  targets: Array<{ key: string; comparison?: Comparison; value: number; max?: number | null }>;
}>) {
  const plan = await findPlanFor(db, ctx, id, 'plans.write');
  const unit = await findUnitOfYear(db, unitCode, plan.year);
  const below = new Set(await findAllTimeDescendants(db, [plan.unitId]));
  if (!unit || unit.unitId === plan.unitId || !below.has(unit.unitId)) {
    throw badRequest('plans.target.not_below', 'unitCode');
  }
  const indicators = new Map(
    (await repo.listPlanIndicators(db, plan.id)).map((item) => [item.definition.key, item]),
  );
  const rows = targets.map((input, index) => {
    const item = indicators.get(input.key);
    if (!item) throw badRequest('plans.indicator_not_in_plan', `targets.${index}.key`);
    const target = resolveTarget(
      item.definition,
      { comparison: input.comparison ?? (item.comparison as Comparison), value: input.value, max: input.max },
      `targets.${index}`,
    );
    return {
      planIndicatorId: item.id,
      unitId: unit.unitId,
      comparison: target.comparison,
      targetValue: target.value,
      targetMax: target.max ?? null,
    };
  });
  await db.transaction(async (tx) => {
    await repo.upsertUnitTargets(tx, rows);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan_unit_targets',
      entityId: plan.id,
      unitId: unit.unitId,
      after: { unitCode, targets },
    });
  });
  return { updated: rows.length };
}

const evidenceTypes = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
]);
const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

function readEvidence(dataUrl: string): { type: string; bytes: Buffer } {
  const match = /^data:([\w/.+-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!match || !evidenceTypes.has(match[1]!)) throw badRequest('plans.value.evidence', 'evidence');
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_EVIDENCE_BYTES)
    throw badRequest('plans.value.evidence', 'evidence');
  const head = bytes.subarray(0, 4).toString('latin1');
  const looksRight =
    (match[1] === 'application/pdf' && head === '%PDF') ||
    (match[1] === 'image/png' && head === '\u0089PNG') ||
    (match[1] === 'image/jpeg' && bytes[0] === 0xff && bytes[1] === 0xd8) ||
    (match[1]!.includes('openxmlformats') && head.startsWith('PK'));
  if (!looksRight) throw badRequest('plans.value.evidence', 'evidence');
  return { type: match[1]!, bytes };
}

/** A manual value of a unit for a period, with its evidence; who and when are kept, and audited. */
export async function enterValue({ db, ctx, id, body }: Options<{ id: string; body: EnterValueRequest }>) {
  const plan = await findPlanFor(db, ctx, id, 'read');
  const unit = await findUnitOfYear(db, body.unitCode, plan.year);
  if (!unit) throw badRequest('plans.unit_not_in_year', 'unitCode');
  if (unit.unitId !== plan.unitId) {
    const below = new Set(await findAllTimeDescendants(db, [plan.unitId]));
    if (!below.has(unit.unitId)) throw badRequest('plans.target.not_below', 'unitCode');
  }
  await authorizeUnit(db, ctx, 'plans.write', unit.unitId);
  const item = (await repo.listPlanIndicators(db, plan.id)).find((row) => row.definition.key === body.key);
  if (!item) throw badRequest('plans.indicator_not_in_plan', 'key');
  if (item.definition.sourceType !== 'manual') throw badRequest('plans.value.computed', 'key');
  if (!isValueInRange(item.definition.kind as IndicatorKind, body.value)) {
    throw badRequest('plans.value.out_of_range', 'value');
  }
  const evidence = body.evidence ? readEvidence(body.evidence) : null;
  return db.transaction(async (tx) => {
    const before = await repo.findValue(tx, item.id, unit.unitId, body.period);
    const valueId = await repo.upsertValue(tx, {
      planIndicatorId: item.id,
      unitId: unit.unitId,
      period: body.period,
      value: body.value,
      note: body.note ?? null,
      evidenceName: evidence ? (body.evidenceName ?? `minh-chung.${evidenceTypes.get(evidence.type)}`) : null,
      evidenceType: evidence?.type ?? null,
      evidence: evidence?.bytes ?? null,
      enteredBy: ctx.actor?.userId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create',
      entityType: 'indicator_value',
      entityId: valueId,
      unitId: unit.unitId,
      before: before ? { value: before.value, evidenceName: before.evidenceName } : undefined,
      after: {
        plan: plan.id,
        key: body.key,
        period: body.period,
        value: body.value,
        evidenceName: body.evidenceName ?? null,
      },
    });
    return valueId;
  });
}

/** The evidence file of a manual value, for readers of the unit it was entered for. */
export async function evidenceOf({ db, ctx, valueId }: Options<{ valueId: string }>) {
  const value = await repo.findValueWithEvidence(db, valueId);
  if (!value?.evidence) throw notFound('not_found');
  await hiddenAs('not_found', authorizeUnit(db, ctx, 'read', value.unitId));
  return {
    name: value.evidenceName ?? 'minh-chung',
    type: value.evidenceType ?? 'application/octet-stream',
    bytes: value.evidence,
  };
}
