import {
  type CreatedWithDuplicates,
  foldDiacritics,
  fullName,
  type ListPersonsQuery,
  type ListPersonsResponse,
  messages,
  type PersonExport,
  type PersonInput,
  type PersonValues,
  personIssues,
  personSortKey,
  type Relation,
  type RevealField,
  type RevealPersonResponse,
  relationLabel,
  resolvePersonName,
  type Sex,
  todayInVietnam,
  type UpdatePersonRequest,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { authorizeUnit } from '../../lib/access';
import { AppError, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import type { Sealer } from '../../lib/crypto';
import { flagDuplicates } from './duplicates.repository';
import {
  categoryLabels,
  presentCategoryRecord,
  presentConsent,
  presentCulturalFamily,
  presentPersonFields,
} from './households.presenter';
import * as repo from './households.repository';
import { openOptional, requireSealer, sealCitizenId, sealContext, sealOptional } from './households.sealing';
import {
  buildPersonRow,
  duplicatesOf,
  foldedCodeAndAddress,
  hasSensitive,
  loadHouseholdForRead,
  loadHouseholdForWrite,
  personFieldsHeld,
  resolveFilter,
  UnitAccess,
} from './households.service';

type Options<T> = { db: Db; ctx: RequestContext } & T;

async function loadPerson(db: Db, id: string): Promise<repo.PersonRow> {
  const person = await repo.findPerson(db, id);
  if (!person) throw notFound('persons.not_found');
  return person;
}

export async function addPerson({
  db,
  ctx,
  sealer,
  householdId,
  input,
}: Options<{
  sealer: Sealer | null;
  householdId: string;
  input: z.output<typeof PersonInput>;
}>): Promise<CreatedWithDuplicates> {
  if (hasSensitive(input)) requireSealer(sealer);
  return db.transaction(async (tx) => {
    const { household, unitId } = await loadHouseholdForWrite(tx, ctx, householdId);
    if (input.isHead && (await repo.findHeadId(tx, householdId))) throw conflict('households.head_exists');
    const row = buildPersonRow(sealer, householdId, input, await repo.nextPosition(tx, householdId));
    await repo.insertPersons(tx, [row]);
    const id = row.id as string;
    await flagDuplicates(tx, [id]);
    await repo.refreshSearchText(tx, householdId, foldedCodeAndAddress(household));
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      unitId,
      after: { householdId, relation: input.relation, isHead: input.isHead, fields: personFieldsHeld(input) },
    });
    return { id, duplicates: await duplicatesOf(tx, new UnitAccess(tx, ctx), [id]) };
  });
}

const pick = <T>(given: T | undefined, stored: T): T => (given === undefined ? stored : given);

/**
 * A partial change merged with what is stored and checked again as a whole, so a new sex or birth
 * year is compared with the citizen ID already held (opened for the check only).
 */
export async function updatePerson({
  db,
  ctx,
  sealer,
  id,
  input,
}: Options<{ sealer: Sealer | null; id: string; input: z.output<typeof UpdatePersonRequest> }>): Promise<{
  id: string;
}> {
  if (hasSensitive(input)) requireSealer(sealer);
  return db.transaction(async (tx) => {
    const stored = await loadPerson(tx, id);
    const { household, unitId } = await loadHouseholdForWrite(tx, ctx, stored.householdId);

    const partsGiven = [input.ho, input.tenDem, input.ten].some((part) => part !== undefined);
    const parts = partsGiven
      ? resolvePersonName({
          ho: pick(input.ho, stored.ho),
          tenDem: pick(input.tenDem, stored.tenDem),
          ten: pick(input.ten, stored.ten),
        })
      : input.fullName !== undefined
        ? resolvePersonName({ fullName: input.fullName })
        : { ho: stored.ho, tenDem: stored.tenDem, ten: stored.ten };
    const birthDate = pick(input.birthDate, stored.birthDate);
    const givenYear = pick(input.birthYear, input.birthDate !== undefined ? null : stored.birthYear);
    const relation = pick(input.relation, stored.relation as Relation);
    const isHead = pick(input.isHead, input.relation !== undefined ? relation === 'head' : stored.isHead);
    const sex = pick(input.sex, stored.sex as Sex | null);
    const birthChanged =
      input.sex !== undefined || input.birthDate !== undefined || input.birthYear !== undefined;
    // The stored citizen ID is opened only when what it must agree with changes.
    const citizenId =
      input.citizenId !== undefined
        ? input.citizenId
        : birthChanged && stored.citizenIdSealed
          ? openOptional(requireSealer(sealer), stored.citizenIdSealed, sealContext.citizenId(id))
          : null;
    const merged: PersonValues = {
      ...parts,
      sex,
      birthDate,
      birthYear: birthDate ? Number(birthDate.slice(0, 4)) : givenYear,
      relation,
      isHead,
      phone: pick(input.phone, stored.phone),
      citizenId,
      health: null,
      disability: null,
    };
    const issues = personIssues({ ...merged, birthYear: givenYear ?? merged.birthYear });
    if (issues.length > 0) {
      throw new AppError(
        'bad_request',
        'validation.invalid',
        issues.map((issue) => ({
          path: issue.path,
          message: messages[issue.key].vi,
          messageEn: messages[issue.key].en,
        })),
      );
    }
    if (isHead && !stored.isHead) {
      const head = await repo.findHeadId(tx, stored.householdId);
      if (head && head !== id) throw conflict('households.head_exists');
    }

    const changes: Partial<repo.NewPerson> = {};
    const nameChanged = parts.ho !== stored.ho || parts.tenDem !== stored.tenDem || parts.ten !== stored.ten;
    if (nameChanged) {
      Object.assign(changes, parts, {
        searchName: foldDiacritics(fullName(parts)),
        sortKey: personSortKey(parts),
      });
    }
    if (sex !== stored.sex) changes.sex = sex;
    if (birthDate !== stored.birthDate) changes.birthDate = birthDate;
    if (merged.birthYear !== stored.birthYear) changes.birthYear = merged.birthYear;
    if (relation !== stored.relation) changes.relation = relation;
    if (isHead !== stored.isHead) changes.isHead = isHead;
    if (merged.phone !== stored.phone) changes.phone = merged.phone;
    if (input.citizenId !== undefined) {
      const sealed = input.citizenId ? sealCitizenId(requireSealer(sealer), id, input.citizenId) : null;
      if (sealed?.hash !== (stored.citizenIdHash ?? undefined)) {
        changes.citizenIdSealed = sealed?.sealed ?? null;
        changes.citizenIdHash = sealed?.hash ?? null;
        changes.citizenIdMask = sealed?.mask ?? null;
      }
    }
    if (input.health !== undefined) {
      changes.healthSealed = input.health
        ? sealOptional(requireSealer(sealer), input.health, sealContext.health(id))
        : null;
    }
    if (input.disability !== undefined) {
      changes.disabilitySealed = input.disability
        ? sealOptional(requireSealer(sealer), input.disability, sealContext.disability(id))
        : null;
    }
    const fields = Object.keys(changes).filter(
      (key) => !['searchName', 'sortKey', 'citizenIdHash', 'citizenIdMask'].includes(key),
    );
    if (fields.length === 0) return { id };
    await repo.updatePerson(tx, id, changes);
    if (nameChanged || 'birthDate' in changes || 'birthYear' in changes || 'citizenIdHash' in changes) {
      await flagDuplicates(tx, [id]);
    }
    if (nameChanged) await repo.refreshSearchText(tx, stored.householdId, foldedCodeAndAddress(household));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'person',
      entityId: id,
      unitId,
      before: { relation: stored.relation, isHead: stored.isHead },
      after: { relation, isHead, fields },
    });
    return { id };
  });
}

/**
 * Deletion on request: the person's row goes, and with it the duplicate flags; the audit trail
 * keeps that it happened and why, never the name or the numbers.
 */
export async function erasePerson({
  db,
  ctx,
  id,
  reason,
}: Options<{ id: string; reason: string }>): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await loadPerson(tx, id);
    const { household, unitId } = await loadHouseholdForWrite(tx, ctx, stored.householdId);
    await repo.deletePerson(tx, id);
    await repo.refreshSearchText(tx, stored.householdId, foldedCodeAndAddress(household));
    await recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'person',
      entityId: id,
      unitId,
      after: { householdId: stored.householdId, erasedOnRequest: true, reason },
    });
  });
}

/** Reading and then the reveal permission: out of scope is 404, in scope without it 403. */
async function loadForReveal(db: Db, ctx: RequestContext, id: string) {
  const person = await loadPerson(db, id);
  const { household, unitId } = await loadHouseholdForRead(db, ctx, person.householdId);
  await authorizeUnit(db, ctx, 'persons.reveal', unitId);
  return { person, household, unitId };
}

const sealedColumn = {
  citizenId: (person: repo.PersonRow) => person.citizenIdSealed,
  health: (person: repo.PersonRow) => person.healthSealed,
  disability: (person: repo.PersonRow) => person.disabilitySealed,
} as const;

/** Opens sensitive fields for one who needs them; each reveal is written to the audit trail. */
export async function revealPerson({
  db,
  ctx,
  sealer,
  id,
  fields,
}: Options<{ sealer: Sealer | null; id: string; fields: RevealField[] }>): Promise<RevealPersonResponse> {
  return db.transaction(async (tx) => {
    const { person, unitId } = await loadForReveal(tx, ctx, id);
    const open = requireSealer(sealer);
    const revealed: RevealPersonResponse = {};
    for (const field of fields) {
      revealed[field] = openOptional(open, sealedColumn[field](person), sealContext[field](id));
    }
    await recordAudit(tx, ctx, {
      action: 'reveal',
      entityType: 'person',
      entityId: id,
      unitId,
      after: { fields },
    });
    return revealed;
  });
}

/** Everything held on a person, sensitive fields opened: an access request under decree 13/2023. */
export async function exportPerson({
  db,
  ctx,
  sealer,
  id,
}: Options<{ sealer: Sealer | null; id: string }>): Promise<PersonExport> {
  return db.transaction(async (tx) => {
    const { person, household, unitId } = await loadForReveal(tx, ctx, id);
    const categories = await repo.listCategoryRecords(tx, household.id);
    const anySealed =
      person.citizenIdSealed !== null ||
      person.healthSealed !== null ||
      person.disabilitySealed !== null ||
      categories.some((record) => record.detailSealed !== null);
    const open = anySealed ? requireSealer(sealer) : null;
    const reveal = (value: string | null, context: string) =>
      open ? openOptional(open, value, context) : null;
    const labels = new Map(
      categoryLabels(await repo.listCategoryKinds(tx)).map((label) => [label.code, label]),
    );
    const today = todayInVietnam();
    const [placements, culturalFamily, consents, teamMemberships] = await Promise.all([
      repo.listPlacements(tx, household.id, today),
      repo.listCulturalFamily(tx, household.id),
      repo.listConsents(tx, household.id),
      repo.listTeamMemberships(tx, id),
    ]);
    const duplicates = await duplicatesOf(tx, new UnitAccess(tx, ctx), [id]);
    const result: PersonExport = {
      exportedAt: new Date().toISOString(),
      person: {
        id,
        ho: person.ho,
        tenDem: person.tenDem,
        ten: person.ten,
        fullName: fullName(person),
        sex: person.sex as Sex | null,
        birthDate: person.birthDate,
        birthYear: person.birthYear,
        relation: person.relation as Relation,
        relationLabel: relationLabel(person.relation as Relation),
        isHead: person.isHead,
        phone: person.phone,
        citizenId: reveal(person.citizenIdSealed, sealContext.citizenId(id)),
        health: reveal(person.healthSealed, sealContext.health(id)),
        disability: reveal(person.disabilitySealed, sealContext.disability(id)),
        createdAt: person.createdAt.toISOString(),
        updatedAt: person.updatedAt.toISOString(),
      },
      household: {
        id: household.id,
        code: household.code,
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
        categories: categories.map((record) => ({
          ...presentCategoryRecord(record, labels),
          detail: reveal(record.detailSealed, sealContext.categoryDetail(record.id)),
        })),
        culturalFamily: culturalFamily.map(presentCulturalFamily),
        consents: consents.map(presentConsent),
      },
      teamMemberships,
      duplicates,
    };
    const fields = ['citizenId', 'health', 'disability'].filter(
      (field) => result.person[field as 'citizenId' | 'health' | 'disability'] !== null,
    );
    await recordAudit(tx, ctx, {
      action: 'reveal',
      entityType: 'person',
      entityId: id,
      unitId,
      after: { export: true, fields },
    });
    return result;
  });
}

/** Residents of a unit on a date, in Vietnamese name order; citizen IDs masked. */
export async function listPersons({
  db,
  ctx,
  query,
}: Options<{ query: z.output<typeof ListPersonsQuery> }>): Promise<ListPersonsResponse> {
  const filter = await resolveFilter(db, ctx, { unit: query.unit, at: query.at, q: query.q });
  const { rows, total } = await repo.listPersons(db, filter, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => ({
      ...presentPersonFields(row),
      householdId: row.householdId,
      householdCode: row.householdCode,
      groupCode: row.groupCode,
      groupName: row.groupName,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
