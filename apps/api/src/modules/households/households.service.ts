import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  type Action,
  type AddConsentRequest,
  type AddHouseholdCategoryRequest,
  authorize,
  type CreatedWithDuplicates,
  type CreateHouseholdCategoryRequest,
  type CreateHouseholdRequest,
  type CulturalFamilyRecord,
  categoryStandardPeriod,
  type DuplicateItem,
  type ExportHouseholdsQuery,
  foldDiacritics,
  fullName,
  type HouseholdDetail,
  type ListDuplicatesQuery,
  type ListHouseholdCategoriesResponse,
  type ListHouseholdsQuery,
  type ListHouseholdsResponse,
  type MoveHouseholdRequest,
  type PersonInputValues,
  type PutCulturalFamilyRequest,
  personSortKey,
  todayInVietnam,
  type UnitInTree,
  type UpdateHouseholdRequest,
} from '@doanket/domain';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { authorizeUnit, requireActor } from '../../lib/access';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import type { Sealer } from '../../lib/crypto';
import {
  findLatestVersions,
  findSubtreeAt,
  findUnitInTree,
  findVersionByCode,
  findVersionOfUnit,
} from '../units/units.repository';
import { flagDuplicates } from './duplicates.repository';
import {
  type CategoryLabel,
  categoryLabels,
  presentCategoryRecord,
  presentConsent,
  presentCulturalFamily,
  presentDuplicate,
  presentMember,
} from './households.presenter';
import * as repo from './households.repository';
import { requireSealer, sealCitizenId, sealContext, sealOptional } from './households.sealing';

type Options<T> = { db: Db; ctx: RequestContext } & T;

// --- Access ----------------------------------------------------------------------------------

/** Decisions on units, each unit looked up once per request. */
export class UnitAccess {
  private readonly trees = new Map<string, Promise<UnitInTree | null>>();
  constructor(
    private readonly db: Db,
    private readonly ctx: RequestContext,
  ) {}

  async can(action: Action, unitId: string): Promise<boolean> {
    const actor = requireActor(this.ctx);
    let tree = this.trees.get(unitId);
    if (!tree) {
      tree = findUnitInTree(this.db, unitId);
      this.trees.set(unitId, tree);
    }
    const unit = await tree;
    return unit !== null && authorize(actor, action, unit);
  }
}

export type LoadedHousehold = { household: repo.HouseholdRow; unitId: string };

/**
 * A household the actor may read: its current unit, or a group it was placed in before (the
 * history kept there), is in the actor's scope; otherwise it is not shown to exist.
 */
export async function loadHouseholdForRead(
  db: Db,
  ctx: RequestContext,
  id: string,
  today: string = todayInVietnam(),
): Promise<LoadedHousehold> {
  const household = await repo.findHousehold(db, id);
  if (!household) throw notFound('households.not_found');
  const unitId = await repo.findHouseholdUnit(db, household, today);
  const candidates = [
    unitId,
    ...(await repo.listPlacementGroupIds(db, id)).filter((other) => other !== unitId),
  ];
  for (const candidate of candidates) {
    try {
      await authorizeUnit(db, ctx, 'read', candidate);
      return { household, unitId };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  throw notFound('households.not_found');
}

/** A household the actor may change (or reveal): decided on the unit it answers to today; 403 otherwise. */
export async function loadHouseholdForWrite(
  db: Db,
  ctx: RequestContext,
  id: string,
  action: Action = 'households.write',
): Promise<LoadedHousehold> {
  const household = await repo.findHousehold(db, id);
  if (!household) throw notFound('households.not_found');
  const unitId = await repo.findHouseholdUnit(db, household, todayInVietnam());
  await authorizeUnit(db, ctx, action, unitId);
  return { household, unitId };
}

export const foldedCodeAndAddress = (household: { code: string; address: string | null }) =>
  foldDiacritics(`${household.code} ${household.address ?? ''}`);

// --- Persons as stored -----------------------------------------------------------------------

export const hasSensitive = (person: { citizenId?: unknown; health?: unknown; disability?: unknown }) =>
  Boolean(person.citizenId || person.health || person.disability);

/**
 * The row of a new person: the id made here because the sealed values are bound to it; name
 * parts apart, folded search name, sort key, birth year with the date.
 */
export function buildPersonRow(
  sealer: Sealer | null,
  householdId: string,
  person: PersonInputValues,
  position: number,
): repo.NewPerson {
  const id = randomUUID();
  const parts = { ho: person.ho, tenDem: person.tenDem, ten: person.ten };
  const sealed = person.citizenId ? sealCitizenId(requireSealer(sealer), id, person.citizenId) : null;
  return {
    id,
    householdId,
    ...parts,
    searchName: foldDiacritics(fullName(parts)),
    sortKey: personSortKey(parts),
    sex: person.sex,
    birthDate: person.birthDate,
    birthYear: person.birthDate ? Number(person.birthDate.slice(0, 4)) : person.birthYear,
    relation: person.relation,
    isHead: person.isHead,
    phone: person.phone,
    citizenIdSealed: sealed?.sealed ?? null,
    citizenIdHash: sealed?.hash ?? null,
    citizenIdMask: sealed?.mask ?? null,
    healthSealed: person.health
      ? sealOptional(requireSealer(sealer), person.health, sealContext.health(id))
      : null,
    disabilitySealed: person.disability
      ? sealOptional(requireSealer(sealer), person.disability, sealContext.disability(id))
      : null,
    position,
  };
}

/** Which fields a person row holds, never their values: what the audit trail may keep. */
export function personFieldsHeld(person: Record<string, unknown>): string[] {
  return Object.entries(person)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key]) => key);
}

/** The flags touching these persons, each seen from the side of one of them. */
export async function duplicatesOf(
  db: Db,
  access: UnitAccess,
  personIds: readonly string[],
): Promise<DuplicateItem[]> {
  const rows = await repo.listDuplicatesOfPersons(db, personIds, todayInVietnam());
  const mine = new Set(personIds);
  return Promise.all(
    rows.map(async (row) => {
      const side: 0 | 1 = mine.has(row.sides[0].personId) ? 0 : 1;
      const other = row.sides[side === 0 ? 1 : 0];
      const visible = mine.has(other.personId) || (await access.can('read', other.unitId));
      return presentDuplicate(row, side, visible);
    }),
  );
}

// --- Categories ------------------------------------------------------------------------------

async function labelsByCode(db: Db): Promise<Map<string, CategoryLabel>> {
  const labels = categoryLabels(await repo.listCategoryKinds(db));
  return new Map(labels.map((label) => [label.code, label]));
}

export async function listCategories({ db, ctx }: Options<object>): Promise<ListHouseholdCategoriesResponse> {
  requireActor(ctx);
  return { items: categoryLabels(await repo.listCategoryKinds(db)) };
}

/**
 * Adds a category to the list every ward uses: a decision of a standing committee or of the
 * system administrator, whatever their unit, since the list has no unit.
 */
export async function createCategory({
  db,
  ctx,
  input,
}: Options<{ input: z.output<typeof CreateHouseholdCategoryRequest> }>): Promise<{
  code: string;
}> {
  const actor = requireActor(ctx);
  if (!actor.grants.some((grant) => grant.role === 'system_admin' || grant.role === 'standing_committee')) {
    throw forbidden();
  }
  return db.transaction(async (tx) => {
    const labels = await labelsByCode(tx);
    if (labels.has(input.code)) throw conflict('households.category_code_taken');
    try {
      await repo.insertCategoryKind(tx, {
        code: input.code,
        nameVi: input.vi,
        nameEn: input.en,
        groupCode: input.group ?? null,
      });
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw conflict('households.category_code_taken');
      throw error;
    }
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'household_category_kind',
      entityId: input.code,
      unitId: null,
      after: { code: input.code, vi: input.vi, en: input.en, group: input.group ?? null },
    });
    return { code: input.code };
  });
}

export async function addCategoryRecord({
  db,
  ctx,
  sealer,
  id,
  input,
}: Options<{
  sealer: Sealer | null;
  id: string;
  input: z.output<typeof AddHouseholdCategoryRequest>;
}>): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const labels = await labelsByCode(tx);
    if (!labels.has(input.category)) throw badRequest('households.category_unknown', 'category');
    const period = categoryStandardPeriod(input.category, input.validFrom, input.standardPeriod);
    if (!period.ok) throw badRequest(period.issue.key, period.issue.path);
    const validTo = input.validTo ?? null;
    if (await repo.hasOverlappingCategory(tx, id, input.category, input.validFrom, validTo)) {
      throw conflict('households.category_overlap');
    }
    const recordId = randomUUID();
    const detailSealed = input.detail
      ? requireSealer(sealer).seal(input.detail, sealContext.categoryDetail(recordId))
      : null;
    await repo.insertCategoryRecord(tx, {
      id: recordId,
      householdId: id,
      category: input.category,
      standardPeriod: period.standardPeriod,
      validFrom: input.validFrom,
      validTo,
      detailSealed,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'household_category',
      entityId: recordId,
      unitId,
      after: {
        householdId: id,
        category: input.category,
        standardPeriod: period.standardPeriod,
        validFrom: input.validFrom,
        validTo,
        hasDetail: detailSealed !== null,
      },
    });
    return { id: recordId };
  });
}

export async function endCategoryRecord({
  db,
  ctx,
  id,
  date,
}: Options<{ id: string; date: string }>): Promise<{ id: string; validTo: string }> {
  return db.transaction(async (tx) => {
    const record = await repo.findCategoryRecord(tx, id);
    if (!record) throw notFound('households.category_record_not_found');
    const { unitId } = await loadHouseholdForWrite(tx, ctx, record.householdId);
    if (date <= record.validFrom) throw badRequest('households.period_invalid', 'date');
    if (record.validTo !== null && date > record.validTo)
      throw badRequest('households.already_ended', 'date');
    await repo.endCategoryRecord(tx, id, date);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'household_category',
      entityId: id,
      unitId,
      before: { category: record.category, validTo: record.validTo },
      after: { category: record.category, validTo: date },
    });
    return { id, validTo: date };
  });
}

// --- Cultural family, consents ---------------------------------------------------------------

export async function putCulturalFamily({
  db,
  ctx,
  id,
  year,
  input,
}: Options<{
  id: string;
  year: number;
  input: z.output<typeof PutCulturalFamilyRequest>;
}>): Promise<CulturalFamilyRecord> {
  return db.transaction(async (tx) => {
    const { unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const before = await repo.findCulturalFamily(tx, id, year);
    const record = { year, registered: input.registered, recognized: input.recognized, reason: input.reason };
    await repo.upsertCulturalFamily(tx, { householdId: id, ...record });
    // The reason may tell why a family was excluded (a fine, a conviction): only whether there is one.
    const summary = (value: { registered: boolean; recognized: boolean | null; reason: string | null }) => ({
      year,
      registered: value.registered,
      recognized: value.recognized,
      hasReason: value.reason !== null,
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create',
      entityType: 'cultural_family',
      entityId: id,
      unitId,
      before: before ? summary(before) : null,
      after: summary(record),
    });
    return record;
  });
}

export async function addConsent({
  db,
  ctx,
  id,
  input,
}: Options<{ id: string; input: z.output<typeof AddConsentRequest> }>): Promise<{
  id: string;
}> {
  return db.transaction(async (tx) => {
    const { unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const consentId = await repo.insertConsent(tx, {
      householdId: id,
      givenBy: input.givenBy,
      purpose: input.purpose,
      givenOn: input.givenOn,
      note: input.note ?? null,
      recordedBy: ctx.actor?.userId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'household_consent',
      entityId: consentId,
      unitId,
      after: { householdId: id, purpose: input.purpose, givenOn: input.givenOn },
    });
    return { id: consentId };
  });
}

export async function withdrawConsent({
  db,
  ctx,
  id,
  date,
}: Options<{ id: string; date: string }>): Promise<{ id: string; withdrawnOn: string }> {
  return db.transaction(async (tx) => {
    const consent = await repo.findConsent(tx, id);
    if (!consent) throw notFound('households.consent_not_found');
    const { unitId } = await loadHouseholdForWrite(tx, ctx, consent.householdId);
    if (consent.withdrawnOn !== null) throw conflict('households.consent_withdrawn');
    if (date < consent.givenOn) throw badRequest('households.withdrawn_before_given', 'date');
    await repo.withdrawConsent(tx, id, date);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'household_consent',
      entityId: id,
      unitId,
      before: { withdrawnOn: null },
      after: { withdrawnOn: date },
    });
    return { id, withdrawnOn: date };
  });
}

// --- Households ------------------------------------------------------------------------------

async function findGroupForWrite(db: Db, ctx: RequestContext, code: string, at: string) {
  const group = await findVersionByCode(db, code, at);
  if (group?.kind !== 'residential_group' || !group.parentUnitId) {
    throw badRequest('households.group_not_found', 'groupCode');
  }
  await authorizeUnit(db, ctx, 'households.write', group.unitId);
  return { ...group, parentUnitId: group.parentUnitId };
}

export async function createHousehold({
  db,
  ctx,
  sealer,
  input,
}: Options<{
  sealer: Sealer | null;
  input: z.output<typeof CreateHouseholdRequest>;
}>): Promise<CreatedWithDuplicates> {
  const at = input.at ?? todayInVietnam();
  if (input.members.some(hasSensitive)) requireSealer(sealer);
  return db.transaction(async (tx) => {
    const group = await findGroupForWrite(tx, ctx, input.groupCode, at);
    if (await repo.isCodeTaken(tx, group.parentUnitId, input.code)) throw conflict('households.code_taken');
    const id = randomUUID();
    const address = input.address ?? null;
    try {
      await repo.insertHousehold(tx, {
        id,
        wardUnitId: group.parentUnitId,
        code: input.code,
        address,
        phone: input.phone ?? null,
      });
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw conflict('households.code_taken');
      throw error;
    }
    await repo.insertPlacement(tx, {
      householdId: id,
      groupUnitId: group.unitId,
      validFrom: at,
      validTo: null,
    });
    const rows = input.members.map((member, index) => buildPersonRow(sealer, id, member, index));
    await repo.insertPersons(tx, rows);
    const personIds = rows.map((row) => row.id as string);
    await flagDuplicates(tx, personIds);
    await repo.refreshSearchText(tx, id, foldedCodeAndAddress({ code: input.code, address }));
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'household',
      entityId: id,
      unitId: group.unitId,
      after: {
        code: input.code,
        groupCode: group.code,
        at,
        fields: personFieldsHeld({ address, phone: input.phone }),
        memberIds: personIds,
      },
    });
    return { id, duplicates: await duplicatesOf(tx, new UnitAccess(tx, ctx), personIds) };
  });
}

export async function getHousehold({
  db,
  ctx,
  id,
  at,
}: Options<{ id: string; at?: string }>): Promise<HouseholdDetail> {
  const today = todayInVietnam();
  const { household, unitId } = await loadHouseholdForRead(db, ctx, id, today);
  const access = new UnitAccess(db, ctx);
  // Names as they stood on the date asked (a 2021 page shows the 2021 ward); rights stay today's.
  const reference = at ?? today;
  const placements = await repo.listPlacements(db, id, reference);
  const current =
    placements.find((p) => p.validFrom <= reference && (p.validTo === null || p.validTo > reference)) ??
    placements.at(-1);
  const registeredWard = current
    ? null
    : (await findLatestVersions(db, [household.wardUnitId])).get(household.wardUnitId);
  const members = await repo.listMembers(db, id);
  const labels = await labelsByCode(db);
  const [categories, culturalFamily, consents, teams, duplicates, canWrite, canReveal] = await Promise.all([
    repo.listCategoryRecords(db, id),
    repo.listCulturalFamily(db, id),
    repo.listConsents(db, id),
    repo.listHouseholdTeams(db, id),
    duplicatesOf(
      db,
      access,
      members.map((member) => member.id),
    ),
    access.can('households.write', unitId),
    access.can('persons.reveal', unitId),
  ]);
  return {
    id: household.id,
    code: household.code,
    wardCode: current?.wardCode ?? registeredWard?.code ?? null,
    wardName: current?.wardName ?? registeredWard?.name ?? null,
    groupCode: current?.groupCode ?? null,
    groupName: current?.groupName ?? null,
    address: household.address,
    phone: household.phone,
    placements: placements.map(({ groupCode, groupName, wardCode, wardName, validFrom, validTo }) => ({
      groupCode,
      groupName,
      wardCode,
      wardName,
      validFrom,
      validTo,
    })),
    members: members.map(presentMember),
    categories: categories.map((record) => presentCategoryRecord(record, labels)),
    culturalFamily: culturalFamily.map(presentCulturalFamily),
    consents: consents.map(presentConsent),
    teams,
    duplicates,
    canWrite,
    canReveal,
  };
}

export async function updateHousehold({
  db,
  ctx,
  id,
  input,
}: Options<{ id: string; input: z.output<typeof UpdateHouseholdRequest> }>): Promise<HouseholdDetail> {
  await db.transaction(async (tx) => {
    const { household, unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const changes: Partial<Pick<repo.HouseholdRow, 'code' | 'address' | 'phone'>> = {};
    if (input.code !== undefined && input.code !== household.code) changes.code = input.code;
    if (input.address !== undefined && input.address !== household.address) changes.address = input.address;
    if (input.phone !== undefined && input.phone !== household.phone) changes.phone = input.phone;
    const fields = Object.keys(changes);
    if (fields.length === 0) return;
    if (changes.code && (await repo.isCodeTaken(tx, household.wardUnitId, changes.code, id))) {
      throw conflict('households.code_taken');
    }
    try {
      await repo.updateHousehold(tx, id, changes);
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw conflict('households.code_taken');
      throw error;
    }
    const next = { ...household, ...changes };
    await repo.refreshSearchText(tx, id, foldedCodeAndAddress(next));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'household',
      entityId: id,
      unitId,
      before: { code: household.code },
      after: { code: next.code, fields },
    });
  });
  return getHousehold({ db, ctx, id });
}

/**
 * Moves a household to another residential group from a date: the placement in force ends and a
 * new one begins, so the history stays. A move dated the first day of a placement corrects it.
 */
export async function moveHousehold({
  db,
  ctx,
  id,
  input,
}: Options<{ id: string; input: z.output<typeof MoveHouseholdRequest> }>): Promise<HouseholdDetail> {
  await db.transaction(async (tx) => {
    const { unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const target = await findGroupForWrite(tx, ctx, input.groupCode, input.date);
    const placements = await repo.listPlacementRows(tx, id);
    const current = placements.find(
      (p) => p.validFrom <= input.date && (p.validTo === null || p.validTo > input.date),
    );
    if (!current) throw badRequest('households.not_placed', 'date');
    if (current.groupUnitId !== unitId) await authorizeUnit(tx, ctx, 'households.write', current.groupUnitId);
    if (current.groupUnitId === target.unitId) throw badRequest('households.same_group', 'groupCode');
    const left = await findUnitCodeOn(tx, current.groupUnitId, input.date);
    if (current.validFrom === input.date) {
      const previous = placements.find((p) => p.validTo === input.date);
      if (previous && previous.groupUnitId === target.unitId) {
        // Correcting back to the group it came from: the two periods become one again.
        await repo.deletePlacement(tx, current.id);
        await repo.updatePlacement(tx, previous.id, { validTo: current.validTo });
      } else {
        await repo.updatePlacement(tx, current.id, { groupUnitId: target.unitId });
      }
    } else {
      await repo.updatePlacement(tx, current.id, { validTo: input.date });
      await repo.insertPlacement(tx, {
        householdId: id,
        groupUnitId: target.unitId,
        validFrom: input.date,
        validTo: current.validTo,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'household',
      entityId: id,
      unitId: target.unitId,
      before: { groupCode: left, validFrom: current.validFrom, validTo: current.validTo },
      after: { groupCode: target.code, date: input.date, corrected: current.validFrom === input.date },
    });
  });
  return getHousehold({ db, ctx, id });
}

async function findUnitCodeOn(db: Db, unitId: string, at: string): Promise<string | null> {
  const version = await findVersionOfUnit(db, unitId, at);
  return version?.code ?? (await findLatestVersions(db, [unitId])).get(unitId)?.code ?? null;
}

/**
 * Deletion on request: the household and everything held on it go (members, placements,
 * categories, consents, team links); the audit trail keeps that it happened and why, not the data.
 */
export async function eraseHousehold({
  db,
  ctx,
  id,
  reason,
}: Options<{ id: string; reason: string }>): Promise<void> {
  await db.transaction(async (tx) => {
    const { unitId } = await loadHouseholdForWrite(tx, ctx, id);
    const members = await repo.listMembers(tx, id);
    await repo.deleteHousehold(tx, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'household',
      entityId: id,
      unitId,
      after: { erasedOnRequest: true, reason, memberCount: members.length },
    });
  });
}

// --- The list and its export -----------------------------------------------------------------

type ListFilter = z.output<typeof ExportHouseholdsQuery>;

export async function resolveFilter(
  db: Db,
  ctx: RequestContext,
  query: ListFilter,
): Promise<repo.HouseholdFilter> {
  const at = query.at ?? todayInVietnam();
  const unit = await findVersionByCode(db, query.unit, at);
  if (!unit) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', unit.unitId);
  const subtree = await findSubtreeAt(db, unit.unitId, at);
  return {
    groupIds: subtree.filter((u) => u.kind === 'residential_group').map((u) => u.unitId),
    at,
    ...(query.category ? { category: query.category } : {}),
    ...(query.team ? { teamId: query.team } : {}),
    ...(query.culturalYear !== undefined ? { culturalYear: query.culturalYear } : {}),
    words: foldDiacritics(query.q ?? '')
      .split(' ')
      .filter(Boolean),
  };
}

async function listPage(db: Db, filter: repo.HouseholdFilter, limit: number, offset: number) {
  const { rows, total } = await repo.listHouseholds(db, filter, { limit, offset });
  const summaries = await repo.summarizeHouseholds(
    db,
    rows.map((row) => row.id),
    filter.at,
  );
  const items = rows.map((row) => {
    const summary = summaries.get(row.id)!;
    return { ...row, ...summary };
  });
  return { items, total };
}

export async function listHouseholds({
  db,
  ctx,
  query,
}: Options<{ query: z.output<typeof ListHouseholdsQuery> }>): Promise<ListHouseholdsResponse> {
  const filter = await resolveFilter(db, ctx, query);
  const { items, total } = await listPage(db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The filtered list as a workbook with Vietnamese headers; no citizen IDs or sensitive notes. */
export async function exportHouseholds({ db, ctx, query }: Options<{ query: ListFilter }>): Promise<Buffer> {
  const filter = await resolveFilter(db, ctx, query);
  const labels = await labelsByCode(db);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet('Hộ gia đình');
  sheet.columns = [
    { header: 'Mã hộ', key: 'code', width: 14 },
    { header: 'Tổ dân phố', key: 'groupName', width: 24 },
    { header: 'Phường, xã', key: 'wardName', width: 24 },
    { header: 'Địa chỉ', key: 'address', width: 36 },
    { header: 'Chủ hộ', key: 'headName', width: 26 },
    { header: 'Số nhân khẩu', key: 'memberCount', width: 12 },
    { header: 'Số điện thoại', key: 'phone', width: 14 },
    { header: 'Diện hộ', key: 'categories', width: 36 },
    { header: 'Tổ, nhóm tự quản', key: 'teams', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const item of await repo.listHouseholdsForExport(db, filter)) {
    sheet
      .addRow({
        code: item.code,
        groupName: item.groupName,
        wardName: item.wardName ?? '',
        address: item.address ?? '',
        headName: item.headName ?? '',
        memberCount: item.memberCount,
        phone: item.phone ?? '',
        categories: item.categories.map((code) => labels.get(code)?.vi ?? code).join('; '),
        teams: item.teamNames.join('; '),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

// --- Possible duplicates ---------------------------------------------------------------------

const duplicateListLimit = 1000;

export async function listDuplicates({
  db,
  ctx,
  query,
}: Options<{ query: z.output<typeof ListDuplicatesQuery> }>) {
  const at = query.at ?? todayInVietnam();
  const unit = await findVersionByCode(db, query.unit, at);
  if (!unit) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', unit.unitId);
  const groupIds = (await findSubtreeAt(db, unit.unitId, at))
    .filter((u) => u.kind === 'residential_group')
    .map((u) => u.unitId);
  const rows = await repo.listDuplicatesInGroups(db, groupIds, at, query.status, duplicateListLimit);
  const access = new UnitAccess(db, ctx);
  const items = await Promise.all(
    rows.map(async (row) => {
      const side: 0 | 1 = row.sides[0].inScope ? 0 : 1;
      const own = row.sides[side];
      const other = row.sides[side === 0 ? 1 : 0];
      const visible = other.inScope || (await access.can('read', other.unitId));
      return {
        ...presentDuplicate(row, side, visible),
        wardCode: own.wardCode,
        householdId: own.householdId,
        householdCode: own.householdCode,
      };
    }),
  );
  return { items };
}

/** Marks a possible duplicate as reviewed; the persons are never merged. */
export async function resolveDuplicate({
  db,
  ctx,
  id,
  status,
}: Options<{ id: string; status: 'not_duplicate' | 'duplicate' }>): Promise<{
  id: string;
  status: 'not_duplicate' | 'duplicate';
}> {
  return db.transaction(async (tx) => {
    const row = await repo.findDuplicate(tx, id, todayInVietnam());
    if (!row) throw notFound('households.duplicate_not_found');
    const access = new UnitAccess(tx, ctx);
    const [a, b] = row.sides;
    let unitId: string | null = null;
    if (await access.can('households.write', a.unitId)) unitId = a.unitId;
    else if (await access.can('households.write', b.unitId)) unitId = b.unitId;
    if (!unitId) {
      const readable = (await access.can('read', a.unitId)) || (await access.can('read', b.unitId));
      throw readable ? forbidden() : notFound('households.duplicate_not_found');
    }
    await repo.resolveDuplicate(tx, id, status, ctx.actor?.userId ?? null);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'duplicate_flag',
      entityId: id,
      unitId,
      before: { status: row.status },
      after: { status, reason: row.reason, personIds: [a.personId, b.personId] },
    });
    return { id, status };
  });
}
