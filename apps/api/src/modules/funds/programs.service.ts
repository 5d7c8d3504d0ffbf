import {
  type Action,
  authorize,
  type CoverageRow,
  type CreateDistributionsRequest,
  type CreateProgramRequest,
  coveragePercent,
  type EligibleHousehold,
  type FieldError,
  type LedgerLine,
  type MessageKey,
  mergeItems,
  messages,
  type ProgramDetail,
  type ProgramKind,
  type ProgramListItem,
  todayInVietnam,
  valueFromStock,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { authorizeUnit, requireActor, scopeOf } from '../../lib/access';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { categoryLabels } from '../households/households.presenter';
import { listCategoryKinds, summarizeHouseholds } from '../households/households.repository';
import {
  findPathAt,
  findSubtreeAt,
  findUnitInTree,
  findVersionByCode,
  findVersionOfUnit,
  listChildren,
} from '../units/units.repository';
import { assertFundInCampaign, findCampaignFor } from './campaigns.service';
import * as fundsRepo from './funds.repository';
import { resolveUnit } from './funds.service';
import { findFund, lockFund } from './ledger.repository';
import { postEntry } from './ledger.service';
import * as repo from './programs.repository';
import { campaignStock, insertIssues, type StockLine } from './stock.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

const programUnitKinds = new Set(['province', 'district', 'ward']);

/** A field error naming a household (by its code) with the message of a key. */
const householdField = (path: string, code: string, key: MessageKey): FieldError => ({
  path,
  message: `Hộ ${code}: ${messages[key].vi}`,
  messageEn: `Household ${code}: ${messages[key].en}`,
});

const withFields = (code: 'bad_request' | 'conflict', key: MessageKey, fields: FieldError[]) =>
  new AppError(code, key, fields);

async function can(db: Db, ctx: RequestContext, action: Action, unitId: string): Promise<boolean> {
  const unit = await findUnitInTree(db, unitId);
  return unit !== null && authorize(requireActor(ctx), action, unit);
}

/**
 * The programme if the actor may read it: its unit is in the actor's scope, or the actor works in a
 * unit below it (a ward takes part in the district's programme and sees its own households).
 */
export async function findProgramFor(db: Db, ctx: RequestContext, id: string): Promise<repo.ProgramRow> {
  const actor = requireActor(ctx);
  const program = await repo.findProgram(db, id);
  if (!program) throw notFound('programs.not_found');
  if (await can(db, ctx, 'read', program.unitId)) return program;
  const scope = await scopeOf(db, actor);
  if (scope.contextUnitIds.has(program.unitId)) return program;
  throw notFound('programs.not_found');
}

/**
 * The unit whose households a request is about, as the tree stood on the eligibility date: the
 * asked unit if it lies in the programme's area, the programme's unit when asked about a unit above
 * it; another unit is refused.
 */
async function resolveScope(db: Db, ctx: RequestContext, program: repo.ProgramRow, code?: string) {
  const at = program.eligibleOn;
  const own = await findVersionOfUnit(db, program.unitId, at);
  if (!own) throw notFound('unit.not_found');
  if (!code) {
    await authorizeUnit(db, ctx, 'read', own.unitId);
    return own;
  }
  const asked = await findVersionByCode(db, code, at);
  if (!asked) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', asked.unitId);
  if (asked.unitId === own.unitId) return own;
  const below = await findSubtreeAt(db, own.unitId, at);
  if (below.some((unit) => unit.unitId === asked.unitId)) return asked;
  const path = await findPathAt(db, own.unitId, at);
  if (path.some((unit) => unit.unitId === asked.unitId)) return own;
  throw badRequest('programs.unit_outside', 'unit');
}

const scopeOfProgram = (program: repo.ProgramRow, unitId: string): repo.Scope => ({
  programId: program.id,
  categories: program.eligibleCategories,
  unitId,
  at: program.eligibleOn,
});

// --- Programmes ------------------------------------------------------------------------------

export async function createProgram({
  db,
  ctx,
  body,
}: Options<{ body: CreateProgramRequest }>): Promise<string> {
  const unit = await resolveUnit(db, ctx, body.unitCode, body.eligibleOn, 'funds.write');
  if (!programUnitKinds.has(unit.kind)) throw badRequest('programs.unit_kind', 'unitCode');
  const fund = await findFund(db, body.fundId);
  if (!fund) throw badRequest('programs.fund_unknown', 'fundId');
  if (fund.unitId !== unit.unitId) {
    const tree = await findUnitInTree(db, unit.unitId);
    if (!tree?.ancestorIds.includes(fund.unitId)) throw badRequest('programs.fund_not_above', 'fundId');
  }
  if (body.campaignId) {
    const campaign = await fundsRepo.findCampaign(db, body.campaignId);
    if (!campaign) throw badRequest('programs.campaign_unknown', 'campaignId');
    await assertFundInCampaign(db, campaign, fund, 'campaignId');
  }
  const known = new Set(categoryLabels(await listCategoryKinds(db)).map((label) => label.code));
  const categories = [...new Set(body.eligibleCategories)];
  const unknown = body.eligibleCategories.findIndex((code) => !known.has(code));
  if (unknown >= 0) throw badRequest('programs.category_unknown', `eligibleCategories.${unknown}`);
  try {
    return await db.transaction(async (tx) => {
      if (await repo.programCodeTaken(tx, body.code)) throw conflict('programs.code_taken');
      const values = {
        unitId: unit.unitId,
        fundId: fund.id,
        campaignId: body.campaignId ?? null,
        code: body.code,
        name: body.name,
        kind: body.kind,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        eligibleCategories: categories,
        eligibleOn: body.eligibleOn,
        amountPerHousehold: body.amountPerHousehold ?? null,
        allowRepeat: body.allowRepeat ?? false,
        decisionNo: body.decisionNo?.trim() || null,
        decidedOn: body.decidedOn ?? null,
      };
      const id = await repo.insertProgram(tx, values);
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'support_program',
        entityId: id,
        unitId: unit.unitId,
        after: values,
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('programs.code_taken');
    throw error;
  }
}

async function coverageIn(db: Db, program: repo.ProgramRow, unitId: string) {
  const branches = await repo.coverageByBranch(db, scopeOfProgram(program, unitId));
  let eligible = 0;
  let supported = 0;
  for (const row of branches.values()) {
    eligible += row.eligible;
    supported += row.supported;
  }
  return { eligible, supported, percent: coveragePercent(eligible, supported) };
}

function presentListItem(row: repo.ProgramListRow, coverage: ProgramListItem['coverage']): ProgramListItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as ProgramKind,
    unitId: row.unitId,
    unitCode: row.unitCode ?? '',
    unitName: row.unitName ?? '',
    fundId: row.fundId,
    fundName: row.fundName,
    campaignId: row.campaignId,
    campaignCode: row.campaignCode,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    eligibleCategories: row.eligibleCategories,
    eligibleOn: row.eligibleOn,
    amountPerHousehold: row.amountPerHousehold,
    allowRepeat: row.allowRepeat,
    coverage,
  };
}

export async function listPrograms({
  db,
  ctx,
  unit,
  at,
}: Options<{ unit: string; at?: string }>): Promise<ProgramListItem[]> {
  const date = at ?? todayInVietnam();
  const version = await resolveUnit(db, ctx, unit, date, 'read');
  const tree = await findUnitInTree(db, version.unitId);
  const ancestorIds = tree?.ancestorIds ?? [];
  const rows = await repo.listProgramsFor(db, { unitId: version.unitId, at: date, ancestorIds });
  const items: ProgramListItem[] = [];
  for (const row of rows) {
    // A programme run above the unit shows the unit's share; one run in its subtree, its whole area.
    const isAbove = ancestorIds.includes(row.unitId);
    items.push(presentListItem(row, await coverageIn(db, row, isAbove ? version.unitId : row.unitId)));
  }
  return items;
}

export async function getProgram({ db, ctx, id }: Options<{ id: string }>): Promise<ProgramDetail> {
  const program = await findProgramFor(db, ctx, id);
  const row = await repo.findProgramView(db, program.id);
  if (!row) throw notFound('programs.not_found');
  const fund = await findFund(db, program.fundId);
  const readable = await can(db, ctx, 'read', program.unitId);
  const [totals, coverage, canManage, canPay] = await Promise.all([
    repo.programTotals(db, program.id),
    readable ? coverageIn(db, program, program.unitId) : { eligible: 0, supported: 0, percent: null },
    can(db, ctx, 'funds.write', program.unitId),
    fund ? can(db, ctx, 'ledger.post', fund.unitId) : false,
  ]);
  return {
    ...presentListItem(row, coverage),
    decisionNo: row.decisionNo,
    decidedOn: row.decidedOn,
    campaignName: row.campaignName,
    totals,
    canManage,
    canPay,
  };
}

// --- Eligibility and coverage ----------------------------------------------------------------

export async function listEligible({
  db,
  ctx,
  id,
  query,
}: Options<{
  id: string;
  query: { unit?: string; missing?: boolean; page: number; pageSize: number };
}>): Promise<{ items: EligibleHousehold[]; total: number; page: number; pageSize: number }> {
  const program = await findProgramFor(db, ctx, id);
  const scope = await resolveScope(db, ctx, program, query.unit);
  const { rows, total } = await repo.listEligible(db, scopeOfProgram(program, scope.unitId), {
    missingOnly: query.missing ?? false,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const summaries = await summarizeHouseholds(
    db,
    rows.map((row) => row.householdId),
    program.eligibleOn,
  );
  return {
    items: rows.map((row) => {
      const summary = summaries.get(row.householdId);
      return { ...row, headName: summary?.headName ?? null, categories: summary?.categories ?? [] };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function coverage({ db, ctx, id, unit }: Options<{ id: string; unit?: string }>) {
  const program = await findProgramFor(db, ctx, id);
  const scope = await resolveScope(db, ctx, program, unit);
  return coverageIn(db, program, scope.unitId);
}

export async function coverageByUnit({
  db,
  ctx,
  id,
  unit,
}: Options<{ id: string; unit?: string }>): Promise<{ unit: CoverageRow; items: CoverageRow[] }> {
  const program = await findProgramFor(db, ctx, id);
  const scope = await resolveScope(db, ctx, program, unit);
  const [branches, children] = await Promise.all([
    repo.coverageByBranch(db, scopeOfProgram(program, scope.unitId)),
    listChildren(db, scope.unitId, program.eligibleOn),
  ]);
  const rowOf = (
    version: { code: string; name: string; kind: string },
    hasChildren: boolean,
    counts: { eligible: number; supported: number },
  ): CoverageRow => ({
    unitCode: version.code,
    unitName: version.name,
    kind: version.kind,
    hasChildren,
    eligible: counts.eligible,
    supported: counts.supported,
    percent: coveragePercent(counts.eligible, counts.supported),
  });
  const total = { eligible: 0, supported: 0 };
  for (const row of branches.values()) {
    total.eligible += row.eligible;
    total.supported += row.supported;
  }
  return {
    unit: rowOf(scope, children.length > 0, total),
    items: children.map((child) =>
      rowOf(child, child.hasChildren, branches.get(child.unitId) ?? { eligible: 0, supported: 0 }),
    ),
  };
}

// --- Distribution lists ----------------------------------------------------------------------

/** Items to give: named and valued from the campaign's stock unless the request values them. */
async function resolveItems(
  db: Db,
  program: repo.ProgramRow,
  items: NonNullable<CreateDistributionsRequest['items']>,
): Promise<repo.GivenItemRow[]> {
  if (items.length === 0) return [];
  if (!program.campaignId) throw badRequest('programs.items_need_campaign', 'items');
  const stock = new Map((await campaignStock(db, program.campaignId)).map((line) => [line.item, line]));
  const resolved: repo.GivenItemRow[] = [];
  for (const [index, item] of items.entries()) {
    const line = stock.get(item.item);
    if (!line || line.received <= 0) throw badRequest('programs.items_unknown', `items.${index}.item`);
    const name = item.name?.trim() || line.name;
    if (item.value === undefined) {
      // An estimate: the value is taken from the stock when the items leave it.
      resolved.push({
        item: item.item,
        name,
        quantity: item.quantity,
        value: valueFromStock(item.quantity, line.remaining, line.valueRemaining),
        atPayment: true,
      });
    } else resolved.push({ item: item.item, name, quantity: item.quantity, value: item.value });
  }
  const merged = new Map<string, repo.GivenItemRow>();
  for (const item of resolved) {
    const seen = merged.get(item.item);
    if (!seen) merged.set(item.item, { ...item });
    else {
      seen.quantity += item.quantity;
      seen.value += item.value;
      seen.atPayment = Boolean(seen.atPayment && item.atPayment);
      if (!seen.atPayment) delete seen.atPayment;
    }
  }
  return [...merged.values()];
}

type Target = { householdId: string; code: string; wardUnitId: string; isEligible: boolean };

export async function createDistributions({
  db,
  ctx,
  id,
  body,
}: Options<{ id: string; body: CreateDistributionsRequest }>): Promise<{ created: number; ids: string[] }> {
  const program = await findProgramFor(db, ctx, id);
  const programScope = scopeOfProgram(program, program.unitId);
  let targets: Target[];
  let scopeUnitId = program.unitId;
  if (body.householdIds) {
    const ids = [...new Set(body.householdIds)];
    const checks = await repo.checkHouseholds(db, programScope, ids);
    const unknown = body.householdIds.findIndex((householdId) => !checks.has(householdId));
    if (unknown >= 0) {
      throw badRequest('programs.distributions.household_unknown', `householdIds.${unknown}`);
    }
    const outside: FieldError[] = [];
    const ineligible: FieldError[] = [];
    for (const [index, householdId] of body.householdIds.entries()) {
      const check = checks.get(householdId)!;
      if (!check.inScope) {
        outside.push(householdField(`householdIds.${index}`, check.code, 'programs.distributions.outside'));
      } else if (!check.isEligible && !body.override) {
        ineligible.push(
          householdField(`householdIds.${index}`, check.code, 'programs.distributions.not_eligible'),
        );
      }
    }
    if (outside.length > 0) throw withFields('bad_request', 'programs.distributions.outside', outside);
    if (ineligible.length > 0) {
      throw withFields('bad_request', 'programs.distributions.not_eligible', ineligible);
    }
    targets = ids.map((householdId) => {
      const check = checks.get(householdId)!;
      return { householdId, code: check.code, wardUnitId: check.wardUnitId, isEligible: check.isEligible };
    });
  } else {
    const scope = await resolveScope(db, ctx, program, body.allEligibleIn);
    scopeUnitId = scope.unitId;
    targets = (await repo.listEligibleMissing(db, scopeOfProgram(program, scope.unitId))).map((row) => ({
      ...row,
      isEligible: true,
    }));
  }

  // Those who run the programme plan its list; a ward may plan its own households' part.
  if (!(await can(db, ctx, 'funds.write', program.unitId))) {
    const wards = [...new Set(targets.map((target) => target.wardUnitId))];
    if (wards.length === 0) await authorizeUnit(db, ctx, 'funds.write', scopeUnitId);
    for (const ward of wards) await authorizeUnit(db, ctx, 'funds.write', ward);
  }

  if (body.personId) {
    const [only] = targets;
    if (targets.length !== 1 || !only || !(await repo.isMemberOf(db, body.personId, only.householdId))) {
      throw badRequest('programs.distributions.person_household', 'personId');
    }
  }
  const items = await resolveItems(db, program, body.items ?? []);
  const amount = body.amount ?? program.amountPerHousehold ?? 0;
  const hasValue = amount > 0 || items.some((item) => item.atPayment || item.value > 0);
  if (!hasValue) throw badRequest('programs.distributions.nothing_to_give', 'amount');
  if (targets.length === 0) return { created: 0, ids: [] };

  try {
    return await db.transaction(async (tx) => {
      await repo.lockProgram(tx, program.id);
      const repeats = await repo.listedRepeats(
        tx,
        program.id,
        targets.map((target) => target.householdId),
      );
      let chosen = targets;
      if (body.allEligibleIn) chosen = targets.filter((target) => !repeats.has(target.householdId));
      else if (!program.allowRepeat) {
        const listed = targets.filter((target) => repeats.has(target.householdId));
        if (listed.length > 0) {
          throw withFields(
            'conflict',
            'programs.distributions.exists',
            listed.map((target) =>
              householdField(
                `householdIds.${body.householdIds?.indexOf(target.householdId) ?? 0}`,
                target.code,
                'programs.distributions.exists',
              ),
            ),
          );
        }
      }
      const ids = await repo.insertDistributions(
        tx,
        program.id,
        chosen.map((target) => ({
          householdId: target.householdId,
          personId: body.personId ?? null,
          wardUnitId: target.wardUnitId,
          repeatNo: program.allowRepeat ? (repeats.get(target.householdId) ?? -1) + 1 : 0,
          amount,
          items: items.length > 0 ? items : null,
        })),
      );
      for (const [index, distributionId] of ids.entries()) {
        const target = chosen[index]!;
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'distribution',
          entityId: distributionId,
          unitId: target.wardUnitId,
          after: {
            programId: program.id,
            householdId: target.householdId,
            householdCode: target.code,
            status: 'planned',
            amount,
            items,
            ...(body.override && !target.isEligible ? { override: { reason: body.reason ?? '' } } : {}),
          },
        });
      }
      return { created: ids.length, ids };
    });
  } catch (error) {
    // Two requests for one household at once: the unique key keeps the first.
    if (isUniqueViolation(error)) {
      const codes = await repo.listedCodes(
        db,
        program.id,
        targets.map((target) => target.householdId),
      );
      throw withFields(
        'conflict',
        'programs.distributions.exists',
        codes.map((code) => householdField('householdIds', code, 'programs.distributions.exists')),
      );
    }
    throw error;
  }
}

export async function listDistributions({
  db,
  ctx,
  id,
  query,
}: Options<{
  id: string;
  query: { unit?: string; status?: 'planned' | 'paid' | 'confirmed'; page: number; pageSize: number };
}>) {
  const program = await findProgramFor(db, ctx, id);
  const scope = await resolveScope(db, ctx, program, query.unit);
  const page = await repo.listDistributions(
    db,
    { programId: program.id, unitId: scope.unitId, at: program.eligibleOn },
    { status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const summaries = await summarizeHouseholds(
    db,
    page.rows.flatMap((row) => (row.householdId ? [row.householdId] : [])),
    program.eligibleOn,
  );
  return {
    items: page.rows.map((row) => ({
      ...row,
      items: row.items.map(({ item, name, quantity, value }) => ({ item, name, quantity, value })),
      headName: row.householdId ? (summaries.get(row.householdId)?.headName ?? null) : null,
    })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    totals: { amount: page.amount, itemsValue: page.itemsValue },
  };
}

// --- Payment ---------------------------------------------------------------------------------

type StockState = { all: Map<string, StockLine>; onDate: Map<string, StockLine> };

const alreadyPaid = (row: repo.DistributionState) => row.status !== 'planned' && !row.reversed;

/**
 * Pays planned distributions: one ledger entry each (money: support against cash or bank; items:
 * support in kind against goods, and their exit from the campaign's stock), all in one transaction.
 * Nothing is paid when one of them cannot be.
 */
export async function payDistributions({
  db,
  ctx,
  body,
}: Options<{ body: { ids: string[]; paidOn: string; method: 'cash' | 'bank' } }>) {
  const ids = [...new Set(body.ids)];
  const found = await repo.findDistributions(db, ids);
  if (found.length !== ids.length) throw notFound('programs.distributions.not_found');
  const programs = new Map<string, repo.ProgramRow>();
  for (const programId of new Set(found.map((row) => row.programId))) {
    const program = await findProgramFor(db, ctx, programId);
    const fund = await findFund(db, program.fundId);
    if (!fund || !(await can(db, ctx, 'ledger.post', fund.unitId))) throw forbidden();
    if (body.paidOn < program.periodFrom || body.paidOn > program.periodTo) {
      throw badRequest('programs.paid_outside_period', 'paidOn');
    }
    programs.set(programId, program);
  }
  const fundIds = [...new Set([...programs.values()].map((program) => program.fundId))].sort();
  const campaignIds = [
    ...new Set([...programs.values()].flatMap((program) => (program.campaignId ? [program.campaignId] : []))),
  ].sort();

  return db.transaction(async (tx) => {
    // Funds, then campaigns, then rows, always in one order: concurrent payments queue, never deadlock.
    for (const fundId of fundIds) await lockFund(tx, fundId);
    await repo.lockCampaigns(tx, campaignIds);
    // Locked in id order; paid in the order asked, so entries answer in that order.
    const rows = (await repo.findDistributions(tx, ids, { lock: true })).sort(
      (a, b) => ids.indexOf(a.id) - ids.indexOf(b.id),
    );
    const paid = rows.filter(alreadyPaid);
    if (paid.length > 0) {
      throw withFields(
        'conflict',
        'programs.distributions.already_paid',
        paid.map((row) =>
          householdField(
            `ids.${body.ids.indexOf(row.id)}`,
            row.householdCode ?? '—',
            'programs.distributions.already_paid',
          ),
        ),
      );
    }

    const stocks = new Map<string, StockState>();
    for (const campaignId of campaignIds) {
      const [all, onDate] = await Promise.all([
        campaignStock(tx, campaignId),
        campaignStock(tx, campaignId, { to: body.paidOn }),
      ]);
      stocks.set(campaignId, {
        all: new Map(all.map((line) => [line.item, { ...line }])),
        onDate: new Map(onDate.map((line) => [line.item, { ...line }])),
      });
    }
    const short: FieldError[] = [];
    const valued = rows.map((row) => {
      const program = programs.get(row.programId)!;
      const stock = program.campaignId ? stocks.get(program.campaignId) : undefined;
      const items = mergeItems(row.items).map((item) => {
        const line = stock?.all.get(item.item);
        const dated = stock?.onDate.get(item.item);
        const atPayment = row.items.some((given) => given.item === item.item && given.atPayment);
        const value =
          line && atPayment ? valueFromStock(item.quantity, line.remaining, line.valueRemaining) : item.value;
        if (
          !line ||
          !dated ||
          item.quantity > line.remaining ||
          item.quantity > dated.remaining ||
          value > line.valueRemaining
        ) {
          short.push({
            path: `ids.${body.ids.indexOf(row.id)}`,
            message: `${item.name}: ${messages['programs.stock_insufficient'].vi}`,
            messageEn: `${item.name}: ${messages['programs.stock_insufficient'].en}`,
          });
        } else {
          line.remaining -= item.quantity;
          line.valueRemaining -= value;
          dated.remaining -= item.quantity;
          dated.valueRemaining -= value;
        }
        return { item: item.item, name: item.name, quantity: item.quantity, value };
      });
      return { row, program, items, itemsValue: items.reduce((sum, item) => sum + item.value, 0) };
    });
    if (short.length > 0) throw withFields('conflict', 'programs.stock_insufficient', short);
    if (valued.some((entry) => entry.row.amount + entry.itemsValue === 0)) {
      throw badRequest('programs.distributions.nothing_to_give', 'ids');
    }

    for (const fundId of fundIds) {
      const mine = valued.filter((entry) => entry.program.fundId === fundId);
      const money = mine.reduce((sum, entry) => sum + entry.row.amount, 0);
      const goods = mine.reduce((sum, entry) => sum + entry.itemsValue, 0);
      if (money > 0 && (await repo.lowestBalanceFrom(tx, fundId, ['cash', 'bank'], body.paidOn)) < money) {
        throw conflict('funds.insufficient');
      }
      if (goods > 0 && (await repo.lowestBalanceFrom(tx, fundId, ['goods'], body.paidOn)) < goods) {
        throw conflict('programs.goods_insufficient');
      }
    }

    const entryIds: string[] = [];
    for (const { row, program, items, itemsValue } of valued) {
      const lines: LedgerLine[] = [];
      if (row.amount > 0) {
        lines.push({ account: 'support', amount: row.amount }, { account: body.method, amount: -row.amount });
      }
      if (itemsValue > 0) {
        lines.push(
          { account: 'support_in_kind', amount: itemsValue },
          { account: 'goods', amount: -itemsValue },
        );
      }
      // The memo is public: the programme's code, never the household.
      const entry = await postEntry(tx, ctx, {
        fundId: program.fundId,
        entryDate: body.paidOn,
        kind: 'support',
        campaignId: program.campaignId,
        memo: `Chi hỗ trợ ${program.code}${row.amount === 0 ? ' (hiện vật)' : ''}`,
        lines,
      });
      if (program.campaignId && items.length > 0) {
        await insertIssues(
          tx,
          items.map((item) => ({
            campaignId: program.campaignId!,
            item: item.item,
            name: item.name,
            quantity: item.quantity,
            value: item.value,
            movedOn: body.paidOn,
            distributionId: row.id,
            entryId: entry.id,
          })),
        );
      }
      await repo.markPaid(tx, row.id, {
        entryId: entry.id,
        paidOn: body.paidOn,
        items: items.length > 0 ? items : null,
      });
      await recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'distribution',
        entityId: row.id,
        unitId: row.wardUnitId,
        before: { status: row.status, entryId: row.entryId, paidOn: row.paidOn },
        after: {
          status: 'paid',
          entryId: entry.id,
          paidOn: body.paidOn,
          method: body.method,
          amount: row.amount,
          items,
        },
      });
      entryIds.push(entry.id);
    }
    return { paid: valued.length, entryIds };
  });
}

// --- Receipt and removal ---------------------------------------------------------------------

/** May the actor act on a distribution: one of the actions on its ward or its household's group. */
async function authorizeOnHousehold(
  db: Db,
  ctx: RequestContext,
  row: repo.DistributionState,
  program: repo.ProgramRow,
  actions: readonly Action[],
  extraUnitIds: readonly string[] = [],
) {
  const units = [row.wardUnitId, ...extraUnitIds];
  if (row.householdId) {
    const check = await repo.checkHouseholds(db, scopeOfProgram(program, program.unitId), [row.householdId]);
    const group = check.get(row.householdId)?.groupUnitId;
    if (group) units.push(group);
  }
  for (const unitId of units) {
    for (const action of actions) if (await can(db, ctx, action, unitId)) return;
  }
  throw forbidden();
}

async function loadDistribution(db: Db, ctx: RequestContext, id: string) {
  const [row] = await repo.findDistributions(db, [id]);
  if (!row) throw notFound('programs.distributions.not_found');
  try {
    return { row, program: await findProgramFor(db, ctx, row.programId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw notFound('programs.distributions.not_found');
    throw error;
  }
}

export async function confirmDistribution({
  db,
  ctx,
  id,
  confirmedOn,
}: Options<{ id: string; confirmedOn: string }>) {
  const { row, program } = await loadDistribution(db, ctx, id);
  await authorizeOnHousehold(db, ctx, row, program, ['funds.write', 'households.write']);
  return db.transaction(async (tx) => {
    const [fresh] = await repo.findDistributions(tx, [id], { lock: true });
    if (!fresh) throw notFound('programs.distributions.not_found');
    if (fresh.status === 'confirmed' && !fresh.reversed)
      throw conflict('programs.distributions.already_confirmed');
    if (fresh.status !== 'paid' || fresh.reversed || !fresh.paidOn)
      throw conflict('programs.distributions.not_paid');
    if (confirmedOn < fresh.paidOn) throw badRequest('programs.confirmed_before_paid', 'confirmedOn');
    await repo.markConfirmed(tx, id, { confirmedOn, confirmedBy: ctx.actor?.userId ?? null });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'distribution',
      entityId: id,
      unitId: fresh.wardUnitId,
      before: { status: fresh.status },
      after: { status: 'confirmed', confirmedOn },
    });
    return { id, status: 'confirmed' as const, confirmedOn };
  });
}

export async function deleteDistribution({ db, ctx, id }: Options<{ id: string }>): Promise<void> {
  const { row, program } = await loadDistribution(db, ctx, id);
  await authorizeOnHousehold(db, ctx, row, program, ['funds.write'], [program.unitId]);
  await db.transaction(async (tx) => {
    const [fresh] = await repo.findDistributions(tx, [id], { lock: true });
    if (!fresh) throw notFound('programs.distributions.not_found');
    if (fresh.status !== 'planned') throw conflict('programs.distributions.not_planned');
    await repo.deleteDistribution(tx, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'distribution',
      entityId: id,
      unitId: fresh.wardUnitId,
      before: {
        programId: fresh.programId,
        householdId: fresh.householdId,
        householdCode: fresh.householdCode,
        amount: fresh.amount,
        items: fresh.items,
      },
    });
  });
}

// --- Stock -----------------------------------------------------------------------------------

export async function getCampaignStock({ db, ctx, id }: Options<{ id: string }>) {
  const campaign = await findCampaignFor(db, ctx, id, 'read');
  return { items: await campaignStock(db, campaign.id) };
}
