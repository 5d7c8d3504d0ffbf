import {
  type Actor,
  authorize,
  type Comparison,
  documentPlaceName,
  formatMoney,
  formatNumber,
  householdCategories,
  type MoneyFigures,
  type ReportFigure,
  type ReportIndicatorRow,
  type ReportSectionKey,
  type SaveNarrativeRequest,
  type SelfGovernanceFigures,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { authorizeUnit, requireActor } from '../../lib/access';
import { AppError, badRequest, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { moneyFigures } from '../funds/figures.service';
import { computedIndicators } from '../plans/computed';
import { evaluatePlan } from '../plans/evaluation.service';
import * as plansRepo from '../plans/plans.repository';
import { findUnitOfYear, targetViewOf, yearEnd } from '../plans/plans.service';
import { countHouseholds, sumFigures } from '../teams/stats.repository';
import { findAllTimeAncestors, findUnitInTree } from '../units/units.repository';
import type { NarrativeRow } from './annual-report.repository';
import * as repo from './annual-report.repository';
import type { AnnualReportInput } from './annual-report-layout';

/** The command line acts for the whole system: it runs on the server, with its database. */
export const cliActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cli',
  grants: [{ role: 'system_admin', unitId: null }],
};

export const DEFAULT_NUMBER = 'Số:      /BC-MTTQ';

const kindWords: Record<string, string> = {
  district: 'QUẬN',
  ward: 'PHƯỜNG',
};

/** "hơn 2,3 tỷ đồng", "hơn 228 triệu đồng": a report's way of writing an amount. */
export function roughMoney(dong: number): string {
  if (dong >= 1_000_000_000) {
    const tenths = Math.floor(dong / 100_000_000) / 10;
    return `${dong > tenths * 1_000_000_000 ? 'hơn ' : ''}${formatNumber(tenths)} tỷ đồng`;
  }
  if (dong >= 1_000_000) {
    const millions = Math.floor(dong / 1_000_000);
    return `${dong > millions * 1_000_000 ? 'hơn ' : ''}${formatNumber(millions)} triệu đồng`;
  }
  // -0 from a sum of credits reads "0 đồng".
  return formatMoney(dong === 0 ? 0 : dong);
}

type KeyedFigure = { key: string; label: string; value: string };

function selfGovernanceFigures(figures: SelfGovernanceFigures): KeyedFigure[] {
  return [
    { key: 'teams', label: 'Tổ tự quản', value: `${formatNumber(figures.teams)} tổ` },
    {
      key: 'teamMembers',
      label: 'Thành viên tổ tự quản',
      value: `${formatNumber(figures.teamMembers)} thành viên`,
    },
    { key: 'groups', label: 'Nhóm tự quản', value: `${formatNumber(figures.groups)} nhóm` },
    {
      key: 'groupMembers',
      label: 'Thành viên nhóm tự quản',
      value: `${formatNumber(figures.groupMembers)} thành viên`,
    },
    {
      key: 'householdsSupervised',
      label: 'Hộ gia đình được các tổ, nhóm tự quản theo dõi, giám sát',
      value: `${formatNumber(figures.householdsSupervised)} hộ`,
    },
  ];
}

function fundFigures(money: MoneyFigures, assignedBy: string): KeyedFigure[] {
  const poor = money.poorFund;
  const programs = (kind: string) => money.support.byProgramKind.find((row) => row.kind === kind);
  const tet = programs('tet_gift');
  const houses = programs('solidarity_house');
  const raised =
    roughMoney(poor.raised) +
    (poor.percent === null
      ? ''
      : `, đạt ${formatNumber(Math.round(poor.percent))}% chỉ tiêu ${assignedBy} giao`);
  const figures: KeyedFigure[] = [
    { key: 'poorRaised', label: 'Quỹ "Vì người nghèo" tiếp nhận trong năm', value: raised },
    {
      key: 'funds',
      label: 'Quỹ trên địa bàn và số dư cuối năm',
      value: `${formatNumber(money.funds.count)} quỹ, ${roughMoney(money.funds.balance)}`,
    },
    {
      key: 'donations',
      label: 'Tổng số tiền, hiện vật ủng hộ các quỹ trong năm',
      value: `${roughMoney(money.donations.amount)} (${formatNumber(money.donations.donations)} lượt ủng hộ)`,
    },
  ];
  if (tet) {
    figures.push({
      key: 'tet',
      label: 'Lượt thăm hỏi, tặng quà dịp Tết',
      value: `${formatNumber(tet.distributions)} lượt`,
    });
  }
  if (houses) {
    figures.push({
      key: 'houses',
      label: 'Nhà Đại đoàn kết xây mới, sửa chữa',
      value: `${formatNumber(houses.distributions)} nhà`,
    });
  }
  figures.push({
    key: 'supportSpent',
    label: 'Quỹ "Vì người nghèo" chi hỗ trợ trong năm',
    value: `${roughMoney(money.support.spent)} (${formatNumber(money.support.households)} hộ)`,
  });
  return figures;
}

function campaignFigures(money: MoneyFigures): KeyedFigure[] {
  const figures: KeyedFigure[] = [];
  for (const campaign of money.campaigns) {
    if (campaign.fundKind === 'poor' && campaign.items.length === 0) continue;
    const key = `campaign:${campaign.code}`;
    const name = campaign.name;
    figures.push({
      key: `${key}:cash`,
      label: `${name}: tiền mặt tiếp nhận`,
      value: roughMoney(campaign.cash),
    });
    const given = campaign.itemsGiven.length > 0 ? campaign.itemsGiven : campaign.items;
    if (given.length > 0) {
      figures.push({
        key: `${key}:items`,
        label: `${name}: hiện vật`,
        value: given
          .map((item) => `${formatNumber(item.quantity)} ${item.name.toLocaleLowerCase('vi')}`)
          .join(', '),
      });
    }
    figures.push({
      key: `${key}:raised`,
      label: `${name}: tổng giá trị`,
      value: roughMoney(campaign.raised),
    });
    if (campaign.students > 0) {
      figures.push({
        key: `${key}:students`,
        label: `${name}: học sinh được hỗ trợ`,
        value: `${formatNumber(campaign.students)} học sinh`,
      });
    }
  }
  return figures;
}

function registerFigures(
  households: number,
  byCategory: Record<string, number>,
  cultural: { numerator: number; value: number | null },
): KeyedFigure[] {
  const figures: KeyedFigure[] = [
    { key: 'households', label: 'Hộ gia đình trên địa bàn', value: `${formatNumber(households)} hộ` },
  ];
  for (const category of householdCategories) {
    const count = byCategory[category.code];
    if (!count) continue;
    figures.push({
      key: `category:${category.code}`,
      label: category.vi,
      value: `${formatNumber(count)} hộ`,
    });
  }
  figures.push({
    key: 'cultural',
    label: 'Hộ đăng ký gia đình văn hóa trong năm',
    value:
      `${formatNumber(cultural.numerator)} hộ` +
      (cultural.value === null ? '' : ` (${formatNumber(Math.round(cultural.value * 10) / 10)}%)`),
  });
  return figures;
}

const withPrevious = (current: KeyedFigure[], previous: KeyedFigure[] | null): ReportFigure[] =>
  current.map((figure) => ({
    label: figure.label,
    value: figure.value,
    previous: previous ? (previous.find((row) => row.key === figure.key)?.value ?? null) : null,
  }));

type YearFigures = {
  selfGovernance: KeyedFigure[];
  funds: KeyedFigure[];
  campaigns: KeyedFigure[];
  register: KeyedFigure[];
};

async function figuresOfYear(db: Db, unitId: string, year: number, assignedBy: string): Promise<YearFigures> {
  const end = yearEnd(year);
  const [teams, money, households, cultural] = await Promise.all([
    sumFigures(db, unitId, end),
    moneyFigures(db, { unitId, year }),
    countHouseholds(db, unitId, end),
    computedIndicators.cultural_families.compute(db, { unitId, year, periodEnd: end }),
  ]);
  let total = 0;
  const byCategory: Record<string, number> = {};
  for (const counts of households.values()) {
    total += counts.households;
    for (const [code, count] of Object.entries(counts.byCategory))
      byCategory[code] = (byCategory[code] ?? 0) + count;
  }
  return {
    selfGovernance: selfGovernanceFigures(teams),
    funds: fundFigures(money, assignedBy),
    campaigns: campaignFigures(money),
    register: registerFigures(total, byCategory, cultural),
  };
}

/** Short neutral sentences from the figures, for a section nobody has written yet. */
function defaultParagraphs(
  key: ReportSectionKey,
  year: number,
  unitName: string,
  figures: YearFigures,
): string[] {
  const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
  const list = (rows: KeyedFigure[]) => rows.map((row) => `${lowerFirst(row.label)} ${row.value}`).join('; ');
  // One sentence per campaign: its figures' labels are "<campaign name>: <part>".
  const byCampaign = new Map<string, string[]>();
  for (const row of figures.campaigns) {
    const cut = row.label.lastIndexOf(': ');
    const name = row.label.slice(0, cut);
    byCampaign.set(name, [...(byCampaign.get(name) ?? []), `${row.label.slice(cut + 2)} ${row.value}`]);
  }
  switch (key) {
    case 'self_governance':
      return [`Năm ${year}, trên địa bàn ${unitName}: ${list(figures.selfGovernance)}.`];
    case 'funds':
      return [`Năm ${year}, ${list(figures.funds)}.`];
    case 'campaigns':
      return [...byCampaign].map(([name, parts]) => `${name}: ${parts.join('; ')}.`);
    case 'register':
      return [`Đến ngày 31/12/${year}: ${list(figures.register)}.`];
    case 'next_year':
      return [];
  }
}

/** The unit's plan of the year, or else the plan handed down to it by the nearest level above. */
async function planOf(db: Db, unitId: string, year: number) {
  const above = await findAllTimeAncestors(db, [unitId]);
  const rows = await plansRepo.listPlansOf(db, [unitId, ...above], year);
  return rows.find((plan) => plan.unitId === unitId) ?? rows[0] ?? null;
}

async function indicatorRows(db: Db, ctx: RequestContext, code: string, unitId: string, year: number) {
  const plan = await planOf(db, unitId, year);
  if (!plan) return [];
  const [evaluation, items] = await Promise.all([
    evaluatePlan({ db, ctx, id: plan.id, unit: code, period: 'year' }),
    plansRepo.listPlanIndicators(db, plan.id),
  ]);
  return evaluation.items.map((item): ReportIndicatorRow => {
    const planItem = items.find((row) => row.definition.key === item.key);
    return {
      target: planItem?.targetNo ?? 0,
      name: item.name,
      unitOfMeasure: item.unitOfMeasure,
      targetText: item.target,
      value: item.value,
      valueText: item.valueText,
      percent: item.percent === null ? null : Math.round(item.percent * 10) / 10,
      status: item.status,
      source: item.source,
    };
  });
}

/** Next year's targets as written in the plan of year + 1 (the unit's own override first); none without one. */
async function nextYearTargets(db: Db, unitId: string, year: number) {
  const plan = await planOf(db, unitId, year + 1);
  if (!plan) return [];
  const items = await plansRepo.listPlanIndicators(db, plan.id);
  const overrides = await plansRepo.listUnitTargets(
    db,
    items.map((item) => item.id),
  );
  return items.map((item) => {
    const own = overrides.find((row) => row.planIndicatorId === item.id && row.unitId === unitId);
    const base = own ?? item;
    const target = {
      comparison: base.comparison as Comparison,
      value: base.targetValue,
      max: base.targetMax,
    };
    return {
      target: item.targetNo,
      text: `${item.definition.name}: ${targetViewOf(item.definition, target).text}.`,
    };
  });
}

/** The unit's version of the year, for a report: 404 for an unknown code, 400 for one not existing then. */
export async function reportUnit(
  db: Db,
  ctx: RequestContext,
  code: string,
  year: number,
  action: 'read' | 'plans.write',
) {
  const version = await findUnitOfYear(db, code, year);
  if (!version) {
    if (await repo.codeEverExisted(db, code)) throw badRequest('reports.unit_not_in_year', 'year');
    throw notFound('unit.not_found');
  }
  await authorizeUnit(db, ctx, action, version.unitId);
  return version;
}

const SECTIONS: Array<{ key: ReportSectionKey; heading: string; figures: keyof YearFigures | null }> = [
  {
    key: 'self_governance',
    heading: 'PHÁT HUY VAI TRÒ TỰ QUẢN CỦA CỘNG ĐỒNG DÂN CƯ',
    figures: 'selfGovernance',
  },
  {
    key: 'funds',
    heading: 'QUỸ "VÌ NGƯỜI NGHÈO" VÀ CÁC HOẠT ĐỘNG AN SINH XÃ HỘI',
    figures: 'funds',
  },
  { key: 'campaigns', heading: 'CÁC CUỘC VẬN ĐỘNG', figures: 'campaigns' },
  { key: 'register', heading: 'HỘ GIA ĐÌNH VÀ GIA ĐÌNH VĂN HÓA', figures: 'register' },
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** The date line: the saved one, else 10 January of the next year once the year is over, else today. */
export function defaultReportDate(year: number, today = todayInVietnam()): string {
  return today > yearEnd(year) ? `${year + 1}-01-10` : today;
}

/**
 * Everything the year-end report shows for a unit and a year, from the modules now: the tree as of
 * the year's end, the figures beside last year's, the plan's indicators evaluated, next year's
 * targets, and the saved narrative (or sentences built from the figures).
 */
export async function buildAnnualReport(
  db: Db,
  ctx: RequestContext,
  options: { unitCode: string; year: number },
): Promise<AnnualReportInput> {
  const { year } = options;
  const version = await reportUnit(db, ctx, options.unitCode, year, 'read');
  const assignedBy =
    version.kind === 'district' ? 'thành phố' : version.kind === 'ward' ? 'cấp trên' : 'cấp trên';
  const [current, previous, narrative, indicators, nextYear] = await Promise.all([
    figuresOfYear(db, version.unitId, year, assignedBy),
    figuresOfYear(db, version.unitId, year - 1, assignedBy).catch((error) => {
      // A unit created during the year has no previous year to compare with.
      if (error instanceof AppError) return null;
      throw error;
    }),
    repo.findNarrative(db, version.unitId, year),
    indicatorRows(db, ctx, version.code, version.unitId, year),
    nextYearTargets(db, version.unitId, year),
  ]);
  const saved = (key: ReportSectionKey) => narrative?.sections[key];
  const sections = SECTIONS.map((section, index) => ({
    heading: `${ROMAN[index]}. ${section.heading}`,
    paragraphs: saved(section.key) ?? defaultParagraphs(section.key, year, version.name, current),
    figures: section.figures
      ? withPrevious(current[section.figures], previous?.[section.figures] ?? null)
      : [],
  })).filter((section) => section.paragraphs.length > 0 || section.figures.length > 0);
  const kindWord = kindWords[version.kind];
  return {
    year,
    unit: { code: version.code, name: version.name, kind: version.kind },
    issuingBody: {
      parent: 'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM',
      name: version.name.toLocaleUpperCase('vi'),
    },
    number: narrative?.number ?? DEFAULT_NUMBER,
    place: kindWord ? documentPlaceName(version.name) : version.name,
    date: narrative?.date ?? defaultReportDate(year),
    title: 'BÁO CÁO',
    subtitle: `Tổng kết công tác Mặt trận năm ${year} và phương hướng, nhiệm vụ năm ${year + 1}`,
    sections,
    indicators,
    nextYearTargets: nextYear,
    nextYearParagraphs: saved('next_year') ?? [],
    signature: { onBehalf: 'TM. BAN THƯỜNG TRỰC', role: 'CHỦ TỊCH', name: narrative?.signatoryName ?? '' },
    recipients: [
      'Ban Thường trực Ủy ban MTTQ Việt Nam cấp trên',
      `Thường trực cấp ủy, chính quyền ${version.name}`,
      'Các tổ chức thành viên',
      'Lưu: VT',
    ],
  };
}

/** The saved narrative of a unit and year, or the defaults built from the figures. */
export async function getNarrative(db: Db, ctx: RequestContext, options: { unitCode: string; year: number }) {
  const report = await buildAnnualReport(db, ctx, options);
  const version = await reportUnit(db, ctx, options.unitCode, options.year, 'read');
  const [narrative, tree] = await Promise.all([
    repo.findNarrative(db, version.unitId, options.year),
    findUnitInTree(db, version.unitId),
  ]);
  const sections: Record<string, string[]> = {};
  SECTIONS.forEach((section, index) => {
    sections[section.key] =
      report.sections.find((row) => row.heading.startsWith(`${ROMAN[index]}. `))?.paragraphs ?? [];
  });
  sections.next_year = report.nextYearParagraphs ?? [];
  return {
    unitCode: version.code,
    unitName: version.name,
    year: options.year,
    saved: narrative !== null,
    number: report.number,
    date: report.date,
    signatoryName: report.signature.name,
    sections,
    savedSections: Object.keys(narrative?.sections ?? {}),
    canEdit: Boolean(tree && authorize(requireActor(ctx), 'plans.write', tree)),
    updatedAt: narrative?.updatedAt.toISOString() ?? null,
  };
}

/** Saves the text of the report (never a figure), audited in the same transaction. */
export async function saveNarrative(db: Db, ctx: RequestContext, body: SaveNarrativeRequest) {
  const version = await reportUnit(db, ctx, body.unitCode, body.year, 'plans.write');
  // An emptied field goes back to its default (the number's blanks, the default date, no name).
  const textOrNull = (value: string | null | undefined) => (value ? value : null);
  await db.transaction(async (tx) => {
    const before = await repo.findNarrative(tx, version.unitId, body.year);
    const row = {
      unitId: version.unitId,
      year: body.year,
      number: textOrNull(body.number),
      date: body.date ?? null,
      signatoryName: textOrNull(body.signatoryName),
      sections: Object.fromEntries(
        Object.entries(body.sections).filter(([, value]) => value !== undefined),
      ) as Record<string, string[]>,
      updatedBy: ctx.actor?.userId ?? null,
    };
    await repo.upsertNarrative(tx, row);
    // The signatory is a person: the audit says whether the name was set or changed, not the name.
    const summary = (narrative: Pick<NarrativeRow, 'number' | 'date' | 'signatoryName' | 'sections'>) => ({
      number: narrative.number,
      date: narrative.date,
      signatory: narrative.signatoryName !== null,
      sections: Object.keys(narrative.sections),
    });
    await recordAudit(tx, ctx, {
      action: before ? 'update' : 'create',
      entityType: 'report_narrative',
      entityId: `${version.unitId}:${body.year}`,
      unitId: version.unitId,
      before: before ? summary(before) : null,
      after: {
        ...summary(row),
        ...(before ? { signatoryChanged: before.signatoryName !== row.signatoryName } : {}),
      },
    });
  });
}
