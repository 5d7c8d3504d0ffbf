import { createHash, randomUUID } from 'node:crypto';
import {
  addDays,
  type EntryKind,
  type FundKind,
  foldDiacritics,
  fullName,
  GENESIS_HASH,
  type HashedEntry,
  type LedgerLine,
} from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';
import { recordAudit } from '../lib/audit';
import { systemContext } from '../lib/context';
import {
  type DonatedItem,
  type DonationMethod,
  type DonorKind,
  donationDetails,
  donationMemo,
} from '../modules/funds/donations.posting';
import { detailDigest, entryHash } from '../modules/funds/ledger.service';
import { familyNames, givenNames, middleNames } from './demo-names';

/**
 * The money of the demo district in 2021, written through the ledger: funds with their bank
 * accounts and boards, the city's Fund for the Poor campaign and its targets, the donations of
 * the year, the support programmes and what each household received, transfers and spending.
 * The district's year-end figures (domain brief) are not stored anywhere: they come out of these
 * records (`moneyFigures`). Where a figure is a sum, the generator draws the records and lets the
 * last one of a series take what is left, so the records add up to the plan below.
 *
 * Rows are written in bulk (a few thousand entries in one statement per table) with the same
 * chain a posting computes (canonical entry, SHA-256 over the previous hash), the receipt numbers
 * a donation takes, and the same digest of a donation's private details; the triggers keep the
 * day totals and check the double entry. The run writes one audit event that summarises it.
 *
 * How the reported figures are made up:
 * - 50 funds in the district's subtree: the district's Fund for the Poor, Covid-19, vaccine,
 *   Gratitude, Sea and Islands, Study and Relief funds (7), each of the 13 wards' Fund for the
 *   Poor, Gratitude and Covid-19 funds (39) and 4 wards' Study funds. The city has its Fund for the
 *   Poor (which runs the year's campaign) and its Vaccine fund (which the district's sends on to).
 * - What the funds held at the end of 2020 is one 'opening' entry per fund on 1 January 2021
 *   (cash and bank against carried_forward): what the fund pays before it receives, and the rest
 *   shared out so that the 50 funds hold just over 4.1 billion on 31 December 2021.
 * - "Raised for the Fund for the Poor" is every donation of 2021 to the Funds for the Poor of the
 *   subtree (money, and items valued): all under the city's campaign, which runs the whole year
 *   by the fund's charter. The target is the one the city assigned the district (157%).
 * - "Support in all" is what the Funds for the Poor paid in 2021 (support and support in kind):
 *   the 902 Tết visits, the 6 houses, health insurance cards, cash for households hit by Covid-19
 *   and livelihood support. Items given to them in the peak month stay in stock for Tết 2022.
 * - "Sóng và máy tính cho em" runs on the district's Study fund: the 171 devices given were all
 *   donated; the cash stays in the fund (it buys no device in 2021).
 */

const SEED = 0x2021_0157;

/** What the district reported for 2021 (domain brief), as the generator's targets. */
export const DEMO_FUNDS_PLAN = {
  /** Donations to the Funds for the Poor of the district and its wards (money and items valued). */
  poorRaised: 2_339_250_000,
  /** The city's target for the district: raised / target = 157%. */
  poorTarget: 1_490_000_000,
  /** What the district hands on to its 13 wards out of its own target. */
  poorWardTargets: 1_130_000_000,
  /** Support paid by the Funds for the Poor (money and items valued): Tết, houses and the rest. */
  support: 1_526_900_000,
  tetVisits: 902,
  houses: 6,
  houseAmount: 50_000_000,
  /** "Sóng và máy tính cho em": cash, and the devices given (valued at their unit value). */
  devicesCash: 228_420_000,
  devices: [
    { item: 'computer', name: 'Máy tính', quantity: 20, value: 8_900_000 },
    { item: 'smartphone', name: 'Điện thoại thông minh', quantity: 124, value: 2_450_000 },
    { item: 'tablet', name: 'Máy tính bảng', quantity: 27, value: 2_500_000 },
  ],
  /** Donations to the Covid-19 prevention funds and for the Hà Nội Vaccine fund ("nearly 14 billion"). */
  covidAndVaccine: 13_862_400_000,
  /** The 50 funds' balance on 31 December 2021; the balances brought forward from 2020 make it up. */
  yearEndBalance: 4_137_264_500,
} as const;

const YEAR = { start: '2021-01-01', end: '2021-12-31' };
const PEAK = { from: '2021-10-17', to: '2021-11-18' };
const TET = { eligibleOn: '2021-01-15', from: '2021-01-25', to: '2021-02-09' };

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [item, weight] of entries) {
      target -= weight;
      if (target < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }
  date(from: string, to: string): string {
    return addDays(from, this.int(0, dayNumber(to) - dayNumber(from)));
  }
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const earlier = (a: string, b: string) => (a <= b ? a : b);

/** Distributes `total` over weights by largest remainders. */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** Splits a whole quantity into `parts` positive parts. */
function split(rng: Random, total: number, parts: number): number[] {
  const shares = apportion(
    Array.from({ length: parts }, () => 0.5 + rng.next()),
    total - parts,
  );
  return shares.map((share) => share + 1);
}

// ---------------------------------------------------------------------------------------------
// The plan: funds, campaigns, programmes and the operations of the year

export type DemoFundsOptions = {
  provinceUnitId: string;
  districtUnitId: string;
  /** The district's wards until 30 June 2025. */
  wards: ReadonlyArray<{ code: string; name: string; unitId: string }>;
};

/** Households of the register that the plan draws from (read from the seeded register). */
export type DemoRegisterView = {
  /** Households present through 2021, with the name of their head, per ward (unit id). */
  donors: ReadonlyMap<string, ReadonlyArray<{ id: string; name: string }>>;
  /** Households having any of the categories on a date, ordered; with a school-age member if asked. */
  eligible: (
    categories: readonly string[],
    on: string,
  ) => ReadonlyArray<{ id: string; ward: string; categories: readonly string[]; studentId: string | null }>;
};

type BankAccount = { bankBin: string; bankName: string; accountNumber: string; accountName: string };

type PlannedFund = {
  id: string;
  key: string;
  unitId: string;
  /** "phường Xuân Đỉnh" */
  unitLabel: string;
  kind: FundKind;
  name: string;
  openedOn: string;
  /** In the district's subtree (the city's funds are not). */
  inDistrict: boolean;
  bank: BankAccount;
  board: Array<{ name: string; position: string }>;
};

type PlannedCampaign = {
  id: string;
  fund: PlannedFund;
  unitId: string;
  code: string;
  name: string;
  startsOn: string;
  receivingEndsOn: string;
  distributionEndsOn: string;
  legalBasis: string | null;
  targetAmount: number | null;
  targetItems: Array<{ item: string; name: string; quantity: number }>;
  targets: Array<{ unitId: string; amount: number }>;
};

type PlannedProgram = {
  id: string;
  unitId: string;
  fund: PlannedFund;
  campaign: PlannedCampaign | null;
  code: string;
  name: string;
  kind: 'tet_gift' | 'solidarity_house' | 'student_device' | 'cash' | 'health_insurance' | 'other';
  periodFrom: string;
  periodTo: string;
  eligibleCategories: string[];
  eligibleOn: string;
  amountPerHousehold: number | null;
  decisionNo: string;
  decidedOn: string;
};

type Donor = { kind: DonorKind; name: string | null; publishName: boolean; householdId: string | null };

type Operation =
  | { type: 'opening'; date: string; fund: PlannedFund; cash: number; bank: number }
  | {
      type: 'donation';
      date: string;
      fund: PlannedFund;
      campaign: PlannedCampaign | null;
      donor: Donor;
      method: DonationMethod;
      amount: number;
      items: DonatedItem[];
    }
  | {
      type: 'distribution';
      date: string;
      program: PlannedProgram;
      householdId: string;
      personId: string | null;
      wardUnitId: string;
      amount: number;
      items: DonatedItem[];
      paidFrom: 'cash' | 'bank';
    }
  | {
      type: 'spending';
      date: string;
      fund: PlannedFund;
      memo: string;
      amount: number;
      paidFrom: 'cash' | 'bank';
    }
  | { type: 'transfer'; date: string; from: PlannedFund; to: PlannedFund; memo: string; amount: number }
  | { type: 'move'; date: string; fund: PlannedFund; from: 'cash' | 'bank'; amount: number };

export type DemoFundsPlan = {
  funds: PlannedFund[];
  campaigns: PlannedCampaign[];
  programs: PlannedProgram[];
  operations: Operation[];
};

const fundTitles: Record<FundKind, string> = {
  poor: 'Quỹ "Vì người nghèo"',
  covid: 'Quỹ phòng, chống dịch Covid-19',
  vaccine: 'Quỹ vắc-xin phòng Covid-19',
  gratitude: 'Quỹ "Đền ơn đáp nghĩa"',
  sea_islands: 'Quỹ "Vì biển, đảo Việt Nam"',
  study: 'Quỹ Khuyến học',
  disaster: 'Quỹ Cứu trợ',
  other: 'Quỹ',
};

/** Wards that keep a study fund of their own (the others give through the district's). */
const WARD_STUDY_FUNDS = new Set(['00601', '00610', '00616', '00619']);
const DISTRICT_OPENED = '2014-04-01';

const companyForms = [
  'Công ty TNHH',
  'Công ty Cổ phần',
  'Công ty TNHH MTV',
  'Công ty Cổ phần Đầu tư',
] as const;
const companyTrades = [
  'Xây dựng',
  'Thương mại và Dịch vụ',
  'Vật liệu xây dựng',
  'Dược phẩm',
  'May mặc',
  'Cơ khí',
  'Thực phẩm',
  'Vận tải',
  'Bất động sản',
  'Điện tử',
  'In ấn',
  'Nội thất',
] as const;
const companyPlaces = [
  'Thăng Long',
  'Hà Thành',
  'Tây Hồ',
  'Sông Hồng',
  'Bắc Hà',
  'Phú Thịnh',
  'An Phát',
  'Hưng Thịnh',
  'Minh Phát',
  'Việt Tiến',
  'Đại Phong',
  'Kim Long',
  'Hoàng Gia',
  'Tân Việt',
  'Trường Thành',
] as const;
const wardOrganisations = [
  'Hội Cựu chiến binh',
  'Hội Liên hiệp Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Người cao tuổi',
  'Hội Chữ thập đỏ',
  'Cán bộ, công chức Ủy ban nhân dân',
  'Công an',
  'Trạm Y tế',
  'Trường Mầm non',
  'Trường Tiểu học',
  'Trường Trung học cơ sở',
] as const;
const districtOrganisations = [
  'Liên đoàn Lao động quận Bắc Từ Liêm',
  'Hội Doanh nghiệp quận Bắc Từ Liêm',
  'Quận đoàn Bắc Từ Liêm',
  'Hội Cựu chiến binh quận Bắc Từ Liêm',
  'Hội Liên hiệp Phụ nữ quận Bắc Từ Liêm',
  'Cán bộ, công chức Ủy ban nhân dân quận Bắc Từ Liêm',
  'Phòng Giáo dục và Đào tạo quận Bắc Từ Liêm',
  'Trung tâm Y tế quận Bắc Từ Liêm',
  'Công an quận Bắc Từ Liêm',
  'Ban Chỉ huy Quân sự quận Bắc Từ Liêm',
  'Hội Chữ thập đỏ quận Bắc Từ Liêm',
  'Hội Khuyến học quận Bắc Từ Liêm',
] as const;
const boardPositions = ['Trưởng ban', 'Phó Trưởng ban thường trực', 'Phó Trưởng ban', 'Ủy viên', 'Ủy viên'];

class Names {
  private readonly companies = new Set<string>();
  constructor(private readonly rng: Random) {}

  person(): string {
    const rng = this.rng;
    const sex = rng.chance(0.5) ? 'male' : 'female';
    const generation = rng.chance(0.55) ? 'older' : 'younger';
    return [
      rng.weighted(familyNames),
      rng.pick(middleNames[sex][generation]),
      rng.pick(givenNames[sex][generation]),
    ].join(' ');
  }

  company(): string {
    for (;;) {
      const name = `${this.rng.pick(companyForms)} ${this.rng.pick(companyTrades)} ${this.rng.pick(companyPlaces)}`;
      if (!this.companies.has(name) || this.companies.size > 400) {
        this.companies.add(name);
        return name;
      }
    }
  }
}

/** Plans the year from the register; pure apart from the ids it draws. */
export function planDemoFunds(
  options: DemoFundsOptions,
  register: DemoRegisterView,
  newId: () => string = randomUUID,
): DemoFundsPlan {
  const rng = new Random(SEED);
  const names = new Names(rng);
  const operations: Operation[] = [];
  const wardLabel = (ward: { name: string }) => ward.name.replace(/^Phường /, 'phường ');

  // Funds -------------------------------------------------------------------------------------
  const accountNumbers = new Set<string>();
  const bankAccount = (bank: 'vietinbank' | 'agribank', name: string): BankAccount => {
    for (;;) {
      const accountNumber =
        bank === 'vietinbank'
          ? `11300${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
          : `15002050${String(rng.int(0, 99_999)).padStart(5, '0')}`;
      if (accountNumbers.has(accountNumber)) continue;
      accountNumbers.add(accountNumber);
      return {
        bankBin: bank === 'vietinbank' ? '970415' : '970405',
        bankName: bank === 'vietinbank' ? 'VietinBank' : 'Agribank',
        accountNumber,
        accountName: foldDiacritics(name).replace(/"/g, '').toUpperCase(),
      };
    }
  };
  const funds: PlannedFund[] = [];
  const addFund = (
    unitKey: string,
    unitId: string,
    unitLabel: string,
    kind: FundKind,
    openedOn: string,
    inDistrict: boolean,
  ) => {
    const name = `${fundTitles[kind]} ${unitLabel}`;
    const size = rng.int(3, 5);
    const fund: PlannedFund = {
      id: newId(),
      key: `${kind}:${unitKey}`,
      unitId,
      unitLabel,
      kind,
      name,
      openedOn,
      inDistrict,
      bank: bankAccount(
        unitKey.length === 5 && rng.chance(0.6) ? 'agribank' : 'vietinbank',
        `MTTQ ${unitLabel} ${fundTitles[kind].replace(/^Quỹ /, 'quy ')}`,
      ),
      board: [
        ...boardPositions.slice(0, size).map((position) => ({ name: names.person(), position })),
        { name: names.person(), position: 'Kế toán' },
      ],
    };
    funds.push(fund);
    return fund;
  };
  const cityPoor = addFund('01', options.provinceUnitId, 'thành phố Hà Nội', 'poor', '2008-08-01', false);
  const cityVaccine = addFund(
    '01',
    options.provinceUnitId,
    'thành phố Hà Nội',
    'vaccine',
    '2021-06-01',
    false,
  );
  const district = 'quận Bắc Từ Liêm';
  const d = {
    poor: addFund('021', options.districtUnitId, district, 'poor', DISTRICT_OPENED, true),
    covid: addFund('021', options.districtUnitId, district, 'covid', '2020-03-16', true),
    vaccine: addFund('021', options.districtUnitId, district, 'vaccine', '2021-06-07', true),
    gratitude: addFund('021', options.districtUnitId, district, 'gratitude', DISTRICT_OPENED, true),
    sea: addFund('021', options.districtUnitId, district, 'sea_islands', DISTRICT_OPENED, true),
    study: addFund('021', options.districtUnitId, district, 'study', DISTRICT_OPENED, true),
    disaster: addFund('021', options.districtUnitId, district, 'disaster', DISTRICT_OPENED, true),
  };
  const wardFunds = options.wards.map((ward) => ({
    ward,
    poor: addFund(ward.code, ward.unitId, wardLabel(ward), 'poor', DISTRICT_OPENED, true),
    gratitude: addFund(ward.code, ward.unitId, wardLabel(ward), 'gratitude', DISTRICT_OPENED, true),
    covid: addFund(ward.code, ward.unitId, wardLabel(ward), 'covid', '2020-03-20', true),
    study: WARD_STUDY_FUNDS.has(ward.code)
      ? addFund(ward.code, ward.unitId, wardLabel(ward), 'study', DISTRICT_OPENED, true)
      : null,
  }));

  // Donors ------------------------------------------------------------------------------------
  const donorPools = new Map<string, { list: ReadonlyArray<{ id: string; name: string }>; next: number }>();
  const household = (wardUnitId: string): Donor | null => {
    let pool = donorPools.get(wardUnitId);
    if (!pool) {
      pool = { list: register.donors.get(wardUnitId) ?? [], next: 0 };
      donorPools.set(wardUnitId, pool);
    }
    const found = pool.list[pool.next % Math.max(1, pool.list.length)];
    pool.next += 1;
    return found
      ? { kind: 'household', name: found.name, publishName: rng.chance(0.5), householdId: found.id }
      : null;
  };
  const person = (): Donor => ({
    kind: 'person',
    name: names.person(),
    publishName: rng.chance(0.4),
    householdId: null,
  });
  const anonymous = (): Donor => ({ kind: 'anonymous', name: null, publishName: false, householdId: null });
  const company = (): Donor => ({
    kind: 'company',
    name: names.company(),
    publishName: rng.chance(0.9),
    householdId: null,
  });
  const organisation = (wardName: string | null): Donor => ({
    kind: 'organisation',
    name: wardName
      ? rng.chance(0.25)
        ? `Chi hội Phụ nữ tổ dân phố số ${rng.int(1, 20)} ${wardName}`
        : `${rng.pick(wardOrganisations)} ${wardName}`
      : rng.pick(districtOrganisations),
    publishName: true,
    householdId: null,
  });
  const methodFor = (donor: Donor): DonationMethod =>
    donor.kind === 'company' || donor.kind === 'organisation'
      ? rng.chance(0.8)
        ? 'bank'
        : 'cash'
      : rng.chance(0.25)
        ? 'bank'
        : 'cash';

  type Draw = { donor: Donor; amount: number };
  /** Donations of one fund drawn until `total`; the last takes what is left. */
  const donationsSumming = (
    fund: PlannedFund,
    campaign: PlannedCampaign | null,
    total: number,
    draw: () => Draw,
    date: () => string,
    closing: (left: number) => Donor,
    method?: DonationMethod,
  ) => {
    let left = total;
    for (;;) {
      const next = draw();
      if (next.amount > left - 50_000) break;
      left -= next.amount;
      operations.push({
        type: 'donation',
        date: date(),
        fund,
        campaign,
        donor: next.donor,
        method: method ?? methodFor(next.donor),
        amount: next.amount,
        items: [],
      });
    }
    const donor = closing(left);
    operations.push({
      type: 'donation',
      date: date(),
      fund,
      campaign,
      donor,
      method: method ?? methodFor(donor),
      amount: left,
      items: [],
    });
  };
  const small = [
    100_000, 200_000, 200_000, 300_000, 500_000, 500_000, 500_000, 1_000_000, 1_000_000, 2_000_000,
  ];
  const personal = [
    200_000, 300_000, 500_000, 500_000, 1_000_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000,
  ];
  const wardDraw =
    (ward: { name: string; unitId: string }, scale = 1) =>
    (): Draw => {
      const kind = rng.weighted<DonorKind>([
        ['household', 40],
        ['person', 26],
        ['anonymous', 18],
        ['organisation', 12],
        ['company', 4],
      ]);
      if (kind === 'household') {
        const donor = household(ward.unitId);
        if (donor) return { donor, amount: rng.pick(small) * scale };
      }
      if (kind === 'organisation')
        return { donor: organisation(wardLabel(ward)), amount: rng.int(2, 16) * 500_000 * scale };
      if (kind === 'company') return { donor: company(), amount: rng.int(3, 20) * 1_000_000 * scale };
      if (kind === 'anonymous') return { donor: anonymous(), amount: rng.pick(small) * scale };
      return { donor: person(), amount: rng.pick(personal) * scale };
    };
  const districtDraw =
    (scale = 1) =>
    (): Draw => {
      const kind = rng.weighted<DonorKind>([
        ['company', 34],
        ['organisation', 30],
        ['person', 26],
        ['anonymous', 10],
      ]);
      if (kind === 'company') return { donor: company(), amount: rng.int(5, 60) * 1_000_000 * scale };
      if (kind === 'organisation')
        return { donor: organisation(null), amount: rng.int(4, 40) * 1_000_000 * scale };
      if (kind === 'anonymous') return { donor: anonymous(), amount: rng.pick(personal) * scale };
      return { donor: person(), amount: rng.pick(personal) * 2 * scale };
    };
  const closingBy =
    (wardName: string | null) =>
    (left: number): Donor =>
      left >= 5_000_000 ? (wardName && rng.chance(0.5) ? organisation(wardName) : company()) : person();
  /** Dates of the Fund for the Poor: most in the peak month, some before Tết, the rest through the year. */
  const poorDate = () => {
    const roll = rng.next();
    if (roll < 0.7) return rng.chance(0.12) ? PEAK.from : rng.date(PEAK.from, PEAK.to);
    if (roll < 0.8) return rng.date('2021-01-04', '2021-02-08');
    return rng.date('2021-02-20', '2021-12-28');
  };

  // The city's campaign for the Fund for the Poor, and the targets handed down ---------------
  const wardWeights = options.wards.map(
    (ward) => (register.donors.get(ward.unitId)?.length ?? 1) * (0.85 + 0.3 * rng.next()),
  );
  const wardTargets = apportion(wardWeights, DEMO_FUNDS_PLAN.poorWardTargets / 5_000_000).map(
    (units) => units * 5_000_000,
  );
  const poorCampaign: PlannedCampaign = {
    id: newId(),
    fund: cityPoor,
    unitId: options.provinceUnitId,
    code: 'VNN2021-HN',
    name: 'Tháng cao điểm "Vì người nghèo" và vận động ủng hộ Quỹ "Vì người nghèo" thành phố Hà Nội năm 2021',
    startsOn: YEAR.start,
    receivingEndsOn: YEAR.end,
    distributionEndsOn: YEAR.end,
    legalBasis:
      'Điều lệ Quỹ "Vì người nghèo" thành phố Hà Nội: Quỹ tiếp nhận ủng hộ quanh năm; Kế hoạch số 02/KH-MTTQ-BTT ngày 15/01/2021 của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    targetAmount: 62_000_000_000,
    targetItems: [],
    targets: [
      { unitId: options.districtUnitId, amount: DEMO_FUNDS_PLAN.poorTarget },
      ...options.wards.map((ward, i) => ({ unitId: ward.unitId, amount: wardTargets[i]! })),
    ],
  };

  // Donations to the Funds for the Poor: the district's, and each ward's in proportion to its target.
  const wardPoorTotal = Math.round((DEMO_FUNDS_PLAN.poorRaised * 0.61) / 1_000) * 1_000;
  const wardShares = apportion(wardTargets, wardPoorTotal / 1_000).map((units) => units * 1_000);
  // Items given in the peak month are kept for the Tết 2022 visits (still in stock at year end).
  const poorItems = [
    { item: 'rice', name: 'Gạo (bao 10 kg)', value: 180_000 },
    { item: 'gift_package', name: 'Suất quà (gạo, dầu ăn, mì chính)', value: 350_000 },
    { item: 'blanket', name: 'Chăn ấm', value: 250_000 },
  ];
  wardFunds.forEach(({ ward, poor }, i) => {
    let share = wardShares[i]!;
    for (let n = rng.int(1, 3); n > 0; n -= 1) {
      const item = rng.pick(poorItems);
      const quantity = rng.int(10, 40);
      const donor = rng.chance(0.5) ? company() : organisation(wardLabel(ward));
      operations.push({
        type: 'donation',
        date: rng.date('2021-10-25', PEAK.to),
        fund: poor,
        campaign: poorCampaign,
        donor,
        method: 'in_kind',
        amount: quantity * item.value,
        items: [{ item: item.item, name: item.name, quantity, value: quantity * item.value }],
      });
      share -= quantity * item.value;
    }
    donationsSumming(poor, poorCampaign, share, wardDraw(ward), poorDate, closingBy(wardLabel(ward)));
  });
  donationsSumming(
    d.poor,
    poorCampaign,
    DEMO_FUNDS_PLAN.poorRaised - wardPoorTotal,
    districtDraw(),
    poorDate,
    closingBy(null),
  );

  // Support programmes of the Funds for the Poor -------------------------------------------
  const programs: PlannedProgram[] = [];
  const distribute = (
    program: PlannedProgram,
    households: ReadonlyArray<{ id: string; ward: string; studentId?: string | null }>,
    amountOf: (index: number) => number,
    dateOf: () => string,
    paidFrom: 'cash' | 'bank',
  ) => {
    households.forEach((h, index) => {
      operations.push({
        type: 'distribution',
        date: dateOf(),
        program,
        householdId: h.id,
        personId: h.studentId ?? null,
        wardUnitId: h.ward,
        amount: amountOf(index),
        items: [],
        paidFrom,
      });
    });
  };
  let supportPlanned = 0;

  // Tết Tân Sửu 2021 (12 February): each ward visits its near-poor households, Agent Orange victims
  // and people in difficulty, the victims and children first, up to the district's 902 visits.
  const tetCategories = ['near_poor', 'agent_orange', 'child_in_difficulty', 'lone_elderly'];
  const tetEligible = register.eligible(tetCategories, TET.eligibleOn);
  const byWard = (list: typeof tetEligible) => {
    const map = new Map<string, Array<(typeof tetEligible)[number]>>();
    for (const h of list) map.set(h.ward, [...(map.get(h.ward) ?? []), h]);
    return map;
  };
  const tetByWard = byWard(tetEligible);
  const tetQuotas = apportion(
    options.wards.map((ward) => tetByWard.get(ward.unitId)?.length ?? 0),
    DEMO_FUNDS_PLAN.tetVisits,
  );
  const first = (h: { categories: readonly string[] }) =>
    h.categories.includes('agent_orange') || h.categories.includes('child_in_difficulty') ? 0 : 1;
  wardFunds.forEach(({ ward, poor }, i) => {
    const amount = i % 3 === 0 ? 600_000 : 500_000;
    const program: PlannedProgram = {
      id: newId(),
      unitId: ward.unitId,
      fund: poor,
      campaign: null,
      code: `TET2021-${ward.code}`,
      name: 'Thăm, tặng quà Tết Tân Sửu 2021',
      kind: 'tet_gift',
      periodFrom: TET.from,
      periodTo: TET.to,
      eligibleCategories: tetCategories,
      eligibleOn: TET.eligibleOn,
      amountPerHousehold: amount,
      decisionNo: `${String(i + 3).padStart(2, '0')}/QĐ-MTTQ`,
      decidedOn: '2021-01-18',
    };
    programs.push(program);
    const chosen = [...(tetByWard.get(ward.unitId) ?? [])]
      .sort((a, b) => first(a) - first(b))
      .slice(0, tetQuotas[i]!);
    if (chosen.length !== tetQuotas[i]) throw new Error('demo funds: too few households for the Tết visits');
    distribute(
      program,
      chosen,
      () => amount,
      () => rng.date(TET.from, TET.to),
      'cash',
    );
    supportPlanned += chosen.length * amount;
  });

  // Great Solidarity houses, health insurance cards and livelihood support: the district's fund.
  const poorOnMarch = register.eligible(['poor', 'near_poor'], '2021-03-01');
  const houseWards = new Set<string>();
  const houses = poorOnMarch.filter((h) => {
    if (houseWards.size >= DEMO_FUNDS_PLAN.houses || houseWards.has(h.ward)) return false;
    houseWards.add(h.ward);
    return true;
  });
  const housesProgram: PlannedProgram = {
    id: newId(),
    unitId: options.districtUnitId,
    fund: d.poor,
    campaign: null,
    code: 'NDDK2021-021',
    name: 'Hỗ trợ xây mới nhà Đại đoàn kết năm 2021',
    kind: 'solidarity_house',
    periodFrom: '2021-03-15',
    periodTo: '2021-11-30',
    eligibleCategories: ['poor', 'near_poor'],
    eligibleOn: '2021-03-01',
    amountPerHousehold: DEMO_FUNDS_PLAN.houseAmount,
    decisionNo: '12/QĐ-MTTQ',
    decidedOn: '2021-03-10',
  };
  programs.push(housesProgram);
  const houseDates = ['2021-04-16', '2021-05-20', '2021-06-18', '2021-08-27', '2021-10-15', '2021-11-12'];
  distribute(
    housesProgram,
    houses,
    () => DEMO_FUNDS_PLAN.houseAmount,
    () => houseDates.shift()!,
    'bank',
  );
  supportPlanned += houses.length * DEMO_FUNDS_PLAN.houseAmount;

  // Health insurance for 2021: 4.5% of the base salary (1,490,000) for 12 months.
  const cardAmount = 804_600;
  const nearPoorMarch = register.eligible(['near_poor'], '2021-03-01');
  const cards = nearPoorMarch.filter((h) => !houses.some((house) => house.id === h.id)).slice(0, 200);
  const cardsProgram: PlannedProgram = {
    id: newId(),
    unitId: options.districtUnitId,
    fund: d.poor,
    campaign: null,
    code: 'BHYT2021-021',
    name: 'Tặng thẻ bảo hiểm y tế năm 2021 cho người thuộc hộ cận nghèo',
    kind: 'health_insurance',
    periodFrom: '2021-03-15',
    periodTo: '2021-04-30',
    eligibleCategories: ['near_poor'],
    eligibleOn: '2021-03-01',
    amountPerHousehold: cardAmount,
    decisionNo: '14/QĐ-MTTQ',
    decidedOn: '2021-03-12',
  };
  programs.push(cardsProgram);
  distribute(
    cardsProgram,
    cards,
    () => cardAmount,
    () => rng.date('2021-03-22', '2021-04-23'),
    'bank',
  );
  supportPlanned += cards.length * cardAmount;

  // Cash for households hit by the fourth wave of Covid-19 (summer 2021), from each ward's fund.
  const covidCategories = ['near_poor', 'lone_elderly', 'disability'];
  const covidByWard = byWard(register.eligible(covidCategories, '2021-08-01'));
  const covidQuotas = apportion(
    options.wards.map((ward) => covidByWard.get(ward.unitId)?.length ?? 0),
    400,
  );
  wardFunds.forEach(({ ward, poor }, i) => {
    const program: PlannedProgram = {
      id: newId(),
      unitId: ward.unitId,
      fund: poor,
      campaign: null,
      code: `HTCOVID2021-${ward.code}`,
      name: 'Hỗ trợ hộ cận nghèo, hộ khó khăn bị ảnh hưởng bởi dịch Covid-19',
      kind: 'cash',
      periodFrom: '2021-08-09',
      periodTo: '2021-09-10',
      eligibleCategories: covidCategories,
      eligibleOn: '2021-08-01',
      amountPerHousehold: 1_000_000,
      decisionNo: `${String(i + 41).padStart(2, '0')}/QĐ-MTTQ`,
      decidedOn: '2021-08-05',
    };
    programs.push(program);
    const chosen = (covidByWard.get(ward.unitId) ?? []).slice(0, covidQuotas[i]!);
    distribute(
      program,
      chosen,
      () => 1_000_000,
      () => rng.date('2021-08-10', '2021-09-10'),
      'cash',
    );
    supportPlanned += chosen.length * 1_000_000;
  });

  // Livelihood and home repairs take the rest of the support the district reported.
  const livelihoodTotal = DEMO_FUNDS_PLAN.support - supportPlanned;
  if (livelihoodTotal < 50_000_000) throw new Error('demo funds: the support plan does not add up');
  const livelihoodProgram: PlannedProgram = {
    id: newId(),
    unitId: options.districtUnitId,
    fund: d.poor,
    campaign: null,
    code: 'SINHKE2021-021',
    name: 'Hỗ trợ phát triển sinh kế, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo',
    kind: 'other',
    periodFrom: '2021-09-20',
    periodTo: '2021-12-24',
    eligibleCategories: ['poor', 'near_poor'],
    eligibleOn: '2021-09-15',
    amountPerHousehold: null,
    decisionNo: '57/QĐ-MTTQ',
    decidedOn: '2021-09-17',
  };
  programs.push(livelihoodProgram);
  const given = new Set([...houses, ...cards].map((h) => h.id));
  const livelihoodAmounts: number[] = [];
  for (let left = livelihoodTotal; left > 0; ) {
    const amount = left < 25_000_000 ? left : rng.int(5, 15) * 1_000_000;
    livelihoodAmounts.push(amount);
    left -= amount;
  }
  const livelihood = register
    .eligible(['poor', 'near_poor'], '2021-09-15')
    .filter((h) => !given.has(h.id))
    .slice(0, livelihoodAmounts.length);
  if (livelihood.length !== livelihoodAmounts.length) throw new Error('demo funds: too few households');
  distribute(
    livelihoodProgram,
    livelihood,
    (index) => livelihoodAmounts[index]!,
    () => rng.date('2021-10-04', '2021-12-24'),
    'bank',
  );

  // "Sóng và máy tính cho em": the district's study fund, autumn 2021 -----------------------
  const devicesCampaign: PlannedCampaign = {
    id: newId(),
    fund: d.study,
    unitId: options.districtUnitId,
    code: 'SMTCE2021-BTL',
    name: 'Chương trình "Sóng và máy tính cho em" năm 2021',
    startsOn: '2021-09-06',
    receivingEndsOn: '2021-11-30',
    distributionEndsOn: '2021-12-20',
    legalBasis: null,
    targetAmount: 700_000_000,
    targetItems: [
      { item: 'computer', name: 'Máy tính', quantity: 20 },
      { item: 'smartphone', name: 'Điện thoại thông minh', quantity: 120 },
      { item: 'tablet', name: 'Máy tính bảng', quantity: 30 },
    ],
    targets: [],
  };
  const deviceDonations: Array<{ date: string; item: DonatedItem; unitValue: number }> = [];
  for (const device of DEMO_FUNDS_PLAN.devices) {
    const parts = split(rng, device.quantity, Math.max(2, Math.round(device.quantity / 10)));
    for (const quantity of parts) {
      const donor = rng.chance(0.65) ? company() : organisation(null);
      const date = rng.date('2021-09-08', '2021-11-10');
      const item = { item: device.item, name: device.name, quantity, value: quantity * device.value };
      operations.push({
        type: 'donation',
        date,
        fund: d.study,
        campaign: devicesCampaign,
        donor,
        method: 'in_kind',
        amount: item.value,
        items: [item],
      });
      deviceDonations.push({ date, item, unitValue: device.value });
    }
  }
  donationsSumming(
    d.study,
    devicesCampaign,
    DEMO_FUNDS_PLAN.devicesCash,
    () => {
      const kind = rng.weighted<DonorKind>([
        ['person', 45],
        ['organisation', 25],
        ['company', 15],
        ['anonymous', 15],
      ]);
      if (kind === 'company') return { donor: company(), amount: rng.int(3, 15) * 1_000_000 };
      if (kind === 'organisation') return { donor: organisation(null), amount: rng.int(2, 12) * 1_000_000 };
      return { donor: kind === 'person' ? person() : anonymous(), amount: rng.pick(personal) };
    },
    () => rng.date('2021-09-06', '2021-11-25'),
    closingBy(null),
  );
  const devicesProgram: PlannedProgram = {
    id: newId(),
    unitId: options.districtUnitId,
    fund: d.study,
    campaign: devicesCampaign,
    code: 'SMTCE2021-021',
    name: 'Trao thiết bị học trực tuyến cho học sinh có hoàn cảnh khó khăn',
    kind: 'student_device',
    periodFrom: '2021-09-10',
    periodTo: '2021-12-20',
    eligibleCategories: ['poor', 'near_poor', 'child_in_difficulty', 'disability'],
    eligibleOn: '2021-09-15',
    amountPerHousehold: null,
    decisionNo: '55/QĐ-MTTQ',
    decidedOn: '2021-09-08',
  };
  programs.push(devicesProgram);
  const students = register
    .eligible(devicesProgram.eligibleCategories, devicesProgram.eligibleOn)
    .filter((h) => h.studentId !== null);
  const units = deviceDonations
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .flatMap((donation) => Array.from({ length: donation.item.quantity }, () => donation));
  if (students.length < units.length) throw new Error('demo funds: too few students for the devices');
  units.forEach((donation, index) => {
    const student = students[index]!;
    operations.push({
      type: 'distribution',
      // Given out within days of arriving, at the latest on the last day of the distribution.
      date: earlier(addDays(donation.date, rng.int(2, 12)), devicesCampaign.distributionEndsOn),
      program: devicesProgram,
      householdId: student.id,
      personId: student.studentId,
      wardUnitId: student.ward,
      amount: 0,
      items: [{ item: donation.item.item, name: donation.item.name, quantity: 1, value: donation.unitValue }],
      paidFrom: 'bank',
    });
  });

  // Covid-19: the district's and wards' prevention funds, and the city's Vaccine fund ----------
  const vaccineCampaign: PlannedCampaign = {
    id: newId(),
    fund: cityVaccine,
    unitId: options.provinceUnitId,
    code: 'VACXIN2021-HN',
    name: 'Vận động ủng hộ Quỹ vắc-xin phòng Covid-19 thành phố Hà Nội',
    startsOn: '2021-06-01',
    receivingEndsOn: '2021-08-29',
    distributionEndsOn: '2021-09-15',
    legalBasis: null,
    targetAmount: null,
    targetItems: [],
    targets: [],
  };
  const vaccineTotal = 6_450_000_000;
  const wardCovidTotal = 2_512_400_000;
  const districtCovidTotal = DEMO_FUNDS_PLAN.covidAndVaccine - vaccineTotal - wardCovidTotal;
  const wave = () =>
    rng.chance(0.75) ? rng.date('2021-05-10', '2021-09-30') : rng.date('2021-01-05', '2021-12-20');
  donationsSumming(
    d.vaccine,
    vaccineCampaign,
    vaccineTotal,
    () =>
      rng.chance(0.55)
        ? { donor: company(), amount: rng.int(2, 40) * 25_000_000 }
        : rng.chance(0.5)
          ? { donor: organisation(null), amount: rng.int(5, 60) * 1_000_000 }
          : { donor: person(), amount: rng.int(1, 20) * 1_000_000 },
    () => rng.date('2021-06-07', '2021-08-27'),
    closingBy(null),
    // Received into the account the campaign published, and sent on from there.
    'bank',
  );
  [
    ['2021-06-30', 'đợt 1'],
    ['2021-07-30', 'đợt 2'],
    ['2021-08-31', 'đợt 3'],
  ].forEach(([date, round]) => {
    operations.push({
      type: 'transfer',
      date: date!,
      from: d.vaccine,
      to: cityVaccine,
      memo: `Chuyển tiền ủng hộ về Quỹ vắc-xin phòng Covid-19 thành phố Hà Nội (${round})`,
      // The whole balance on the day; filled in once the donations are ordered.
      amount: 0,
    });
  });
  donationsSumming(d.covid, null, districtCovidTotal, districtDraw(2), wave, closingBy(null));
  const wardCovidShares = apportion(wardWeights, wardCovidTotal / 1_000).map((units) => units * 1_000);
  wardFunds.forEach(({ ward, covid }, i) => {
    donationsSumming(covid, null, wardCovidShares[i]!, wardDraw(ward, 2), wave, closingBy(wardLabel(ward)));
  });
  const covidSpending = [
    [
      '2021-06-04',
      'Chi mua vật tư y tế, trang thiết bị phòng dịch hỗ trợ các chốt kiểm soát và khu cách ly',
      0.15,
    ],
    [
      '2021-07-26',
      'Chi mua suất quà hỗ trợ người lao động tự do, hộ khó khăn do dịch Covid-19 (đợt 1)',
      0.27,
    ],
    [
      '2021-08-20',
      'Chi mua suất quà hỗ trợ người lao động tự do, hộ khó khăn do dịch Covid-19 (đợt 2)',
      0.25,
    ],
    ['2021-09-24', 'Chi hỗ trợ lực lượng tuyến đầu phòng, chống dịch', 0.15],
    ['2021-12-10', 'Chi hỗ trợ các khu cách ly, điều trị F0 tại nhà', 0.12],
  ] as const;
  for (const fund of [d.covid, ...wardFunds.map((w) => w.covid)]) {
    const received =
      fund === d.covid ? districtCovidTotal : wardCovidShares[wardFunds.findIndex((w) => w.covid === fund)]!;
    for (const [date, memo, share] of covidSpending) {
      operations.push({
        type: 'spending',
        date,
        fund,
        memo,
        amount: Math.round((received * share * (0.9 + 0.2 * rng.next())) / 100_000) * 100_000,
        paidFrom: 'bank',
      });
    }
  }

  // Gratitude, sea and islands, study, disaster: the rest of the year --------------------------
  const gratitudeDate = () => rng.date('2021-06-15', '2021-07-24');
  const gratitudeFunds = [
    { fund: d.gratitude, total: 168_500_000, draw: districtDraw(0.5), ward: null },
    ...wardFunds.map(({ ward, gratitude }) => ({
      fund: gratitude,
      total: rng.int(22, 48) * 1_000_000,
      draw: wardDraw(ward),
      ward,
    })),
  ];
  for (const { fund, total, draw, ward } of gratitudeFunds) {
    donationsSumming(fund, null, total, draw, gratitudeDate, closingBy(ward ? wardLabel(ward) : null));
    operations.push({
      type: 'spending',
      date: '2021-02-03',
      fund,
      memo: 'Chi thăm, tặng quà gia đình chính sách dịp Tết Tân Sửu 2021',
      amount: Math.round((total * 0.3) / 100_000) * 100_000,
      paidFrom: 'cash',
    });
    operations.push({
      type: 'spending',
      date: '2021-07-23',
      fund,
      memo: 'Chi thăm, tặng quà gia đình chính sách nhân kỷ niệm 74 năm Ngày Thương binh - Liệt sĩ (27/7)',
      amount: Math.round((total * 0.55) / 100_000) * 100_000,
      paidFrom: 'cash',
    });
  }
  donationsSumming(
    d.sea,
    null,
    126_300_000,
    districtDraw(0.4),
    () => rng.date('2021-04-20', '2021-06-08'),
    closingBy(null),
  );
  const studyFunds = [
    { fund: d.study, total: 96_000_000, draw: districtDraw(0.3), ward: null },
    ...wardFunds.flatMap(({ ward, study }) =>
      study ? [{ fund: study, total: rng.int(18, 35) * 1_000_000, draw: wardDraw(ward), ward }] : [],
    ),
  ];
  for (const { fund, total, draw, ward } of studyFunds) {
    donationsSumming(
      fund,
      null,
      total,
      draw,
      () => rng.date('2021-07-20', '2021-08-31'),
      closingBy(ward ? wardLabel(ward) : null),
    );
    operations.push({
      type: 'spending',
      date: '2021-09-03',
      fund,
      memo: 'Chi khen thưởng học sinh giỏi, học sinh nghèo vượt khó năm học 2020-2021',
      amount: Math.round((total * 0.7) / 100_000) * 100_000,
      paidFrom: 'bank',
    });
  }
  donationsSumming(
    d.disaster,
    null,
    74_600_000,
    districtDraw(0.4),
    () => rng.date('2021-10-18', '2021-11-05'),
    closingBy(null),
  );
  operations.push({
    type: 'spending',
    date: '2021-11-12',
    fund: d.disaster,
    memo: 'Chuyển ủng hộ đồng bào các tỉnh miền Trung bị thiệt hại do mưa lũ năm 2021',
    amount: 60_000_000,
    paidFrom: 'bank',
  });

  const campaigns = [poorCampaign, devicesCampaign, vaccineCampaign];
  ordered(operations);
  fillTransfers(operations);
  addOpenings(rng, funds, operations);
  return { funds, campaigns, programs, operations: moveCash(ordered(operations)) };
}

const operationOrder = {
  opening: 0,
  move: 1,
  donation: 2,
  transfer: 3,
  distribution: 4,
  spending: 5,
} as const;

/** In date order (a stable sort keeps the order of creation within a day and kind). */
function ordered(operations: Operation[]): Operation[] {
  return operations.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : operationOrder[a.type] - operationOrder[b.type],
  );
}

/** The transfers planned with no amount move the whole bank balance of the fund on their day. */
function fillTransfers(operations: Operation[]) {
  const bank = new Map<string, number>();
  for (const op of operations) {
    if (op.type === 'transfer' && op.amount === 0) op.amount = bank.get(op.from.id) ?? 0;
    for (const line of entriesOf(op).flatMap((entry) =>
      entry.lines.map((l) => ({ ...l, fund: entry.fund })),
    )) {
      if (line.account === 'bank') bank.set(line.fund.id, (bank.get(line.fund.id) ?? 0) + line.amount);
    }
  }
}

/**
 * The balances brought forward from 2020 (an 'opening' entry on 1 January 2021 per fund, credited
 * to carried_forward): enough in each fund for what it pays before it receives, and the rest shared
 * out so that the 50 funds hold the planned balance on 31 December 2021.
 */
function addOpenings(rng: Random, funds: readonly PlannedFund[], operations: Operation[]) {
  const lowest = new Map<string, number>();
  const running = new Map<string, number>();
  let netInDistrict = 0;
  for (const op of operations) {
    for (const entry of entriesOf(op)) {
      let held = running.get(entry.fund.id) ?? 0;
      for (const line of entry.lines) {
        if (line.account === 'cash' || line.account === 'bank') held += line.amount;
        if (entry.fund.inDistrict && assetAccounts.has(line.account)) netInDistrict += line.amount;
      }
      running.set(entry.fund.id, held);
      lowest.set(entry.fund.id, Math.min(lowest.get(entry.fund.id) ?? 0, held));
    }
  }
  const openable = funds.filter((fund) => fund.inDistrict && fund.openedOn < YEAR.start);
  for (const fund of funds) {
    if (!openable.includes(fund) && (lowest.get(fund.id) ?? 0) < 0) {
      throw new Error(`demo funds: ${fund.key} pays before it receives`);
    }
  }
  const needs = openable.map(
    (fund) => Math.ceil(-(lowest.get(fund.id) ?? 0) / 1_000_000) * 1_000_000 + rng.int(2, 12) * 1_000_000,
  );
  const rest = DEMO_FUNDS_PLAN.yearEndBalance - netInDistrict - needs.reduce((a, b) => a + b, 0);
  if (rest < 0)
    throw new Error('demo funds: the year-end balance is below what the funds must bring forward');
  const weights: Record<FundKind, number> = {
    poor: 6,
    gratitude: 2,
    study: 1.5,
    sea_islands: 2,
    covid: 0.5,
    disaster: 1,
    vaccine: 0,
    other: 0,
  };
  const shares = apportion(
    openable.map(
      (fund) => weights[fund.kind] * (fund.unitLabel.startsWith('quận') ? 3 : 1) * (0.7 + 0.6 * rng.next()),
    ),
    Math.floor(rest / 1_000),
  );
  openable.forEach((fund, i) => {
    const total = needs[i]! + shares[i]! * 1_000 + (i === 0 ? rest % 1_000 : 0);
    const cash = Math.min(total, rng.int(2, 10) * 1_000_000);
    operations.push({ type: 'opening', date: YEAR.start, fund, cash, bank: total - cash });
  });
}

const assetAccounts = new Set(['cash', 'bank', 'goods']);

/**
 * Cash and bank of each fund as a treasurer keeps them: cash paid in at the bank at the end of each
 * month beyond what is kept in hand, and drawn from the bank the day before a payment in cash
 * needs it (an 'adjustment' entry between the two accounts; the fund's balance does not change).
 */
function moveCash(operations: Operation[]): Operation[] {
  const KEEP = 20_000_000;
  const out: Operation[] = [];
  const held = new Map<string, { fund: PlannedFund; cash: number; bank: number }>();
  const of = (fund: PlannedFund) => {
    let state = held.get(fund.id);
    if (!state) {
      state = { fund, cash: 0, bank: 0 };
      held.set(fund.id, state);
    }
    return state;
  };
  let month = YEAR.start.slice(0, 7);
  for (const op of operations) {
    if (op.date.slice(0, 7) !== month) {
      const lastDay = addDays(`${op.date.slice(0, 7)}-01`, -1);
      for (const state of held.values()) {
        if (state.cash > KEEP * 2) {
          const amount = Math.floor((state.cash - KEEP) / 1_000_000) * 1_000_000;
          out.push({ type: 'move', date: lastDay, fund: state.fund, from: 'cash', amount });
          state.cash -= amount;
          state.bank += amount;
        }
      }
      month = op.date.slice(0, 7);
    }
    const entries = entriesOf(op);
    for (const entry of entries) {
      const state = of(entry.fund);
      const delta = { cash: 0, bank: 0 };
      for (const line of entry.lines) {
        if (line.account === 'cash' || line.account === 'bank') delta[line.account] += line.amount;
      }
      for (const [account, other] of [
        ['cash', 'bank'],
        ['bank', 'cash'],
      ] as const) {
        const short = -(state[account] + delta[account]);
        if (short > 0) {
          const amount = Math.min(state[other], Math.ceil(short / 1_000_000) * 1_000_000);
          if (amount < short) throw new Error(`demo funds: ${entry.fund.key} is short on ${op.date}`);
          out.push({ type: 'move', date: addDays(op.date, -1), fund: entry.fund, from: other, amount });
          state[other] -= amount;
          state[account] += amount;
        }
      }
      state.cash += delta.cash;
      state.bank += delta.bank;
    }
    out.push(op);
  }
  return ordered(out);
}

// ---------------------------------------------------------------------------------------------
// Ledger entries of the operations

type PlannedEntry = {
  fund: PlannedFund;
  kind: EntryKind;
  campaignId: string | null;
  memo: string;
  lines: LedgerLine[];
};

/** The entries an operation posts: the same lines the services post for it. */
function entriesOf(op: Operation): PlannedEntry[] {
  switch (op.type) {
    case 'opening':
      return [
        {
          fund: op.fund,
          kind: 'opening',
          campaignId: null,
          memo: 'Số dư năm 2020 chuyển sang',
          lines: [
            ...(op.cash > 0 ? [{ account: 'cash' as const, amount: op.cash }] : []),
            ...(op.bank > 0 ? [{ account: 'bank' as const, amount: op.bank }] : []),
            { account: 'carried_forward', amount: -(op.cash + op.bank) },
          ],
        },
      ];
    case 'donation':
      return [
        {
          fund: op.fund,
          kind: 'donation',
          campaignId: op.campaign?.id ?? null,
          memo: donationMemo(op.method, op.campaign),
          lines:
            op.method === 'in_kind'
              ? [
                  { account: 'goods', amount: op.amount },
                  { account: 'donations_in_kind', amount: -op.amount },
                ]
              : [
                  { account: op.method, amount: op.amount },
                  { account: 'donations', amount: -op.amount },
                ],
        },
      ];
    case 'distribution': {
      const value = op.items.reduce((sum, item) => sum + item.value, 0);
      return [
        {
          fund: op.program.fund,
          kind: 'support',
          campaignId: op.program.campaign?.id ?? null,
          // As a payment of the programme posts it: the code, never the household.
          memo: `Chi hỗ trợ ${op.program.code}${op.amount === 0 ? ' (hiện vật)' : ''}`,
          lines: [
            ...(op.amount > 0
              ? [
                  { account: 'support' as const, amount: op.amount },
                  { account: op.paidFrom, amount: -op.amount },
                ]
              : []),
            ...(value > 0
              ? [
                  { account: 'support_in_kind' as const, amount: value },
                  { account: 'goods' as const, amount: -value },
                ]
              : []),
          ],
        },
      ];
    }
    case 'spending':
      return [
        {
          fund: op.fund,
          kind: 'support',
          campaignId: null,
          memo: op.memo,
          lines: [
            { account: 'support', amount: op.amount },
            { account: op.paidFrom, amount: -op.amount },
          ],
        },
      ];
    case 'move':
      return [
        {
          fund: op.fund,
          kind: 'adjustment',
          campaignId: null,
          memo:
            op.from === 'cash'
              ? 'Nộp tiền mặt vào tài khoản ngân hàng'
              : 'Rút tiền gửi ngân hàng về quỹ tiền mặt',
          lines: [
            { account: op.from === 'cash' ? 'bank' : 'cash', amount: op.amount },
            { account: op.from, amount: -op.amount },
          ],
        },
      ];
    case 'transfer':
      return [
        {
          fund: op.from,
          kind: 'transfer',
          campaignId: null,
          memo: op.memo,
          lines: [
            { account: 'transfers_out', amount: op.amount },
            { account: 'bank', amount: -op.amount },
          ],
        },
        {
          fund: op.to,
          kind: 'transfer',
          campaignId: null,
          memo: op.memo,
          lines: [
            { account: 'bank', amount: op.amount },
            { account: 'transfers_in', amount: -op.amount },
          ],
        },
      ];
  }
}

// ---------------------------------------------------------------------------------------------
// The register, read once

const order = (id: string) => createHash('sha256').update(id).digest('hex');

/** What the plan draws from the seeded register: donors, and households by category on a date. */
export async function readDemoRegister(tx: Db, wardUnitIds: readonly string[]): Promise<DemoRegisterView> {
  const wards = sql`${`{${wardUnitIds.join(',')}}`}::uuid[]`;
  const heads = await queryRows<{ id: string; ward: string; ho: string; ten_dem: string; ten: string }>(
    tx,
    sql`SELECT id, ward, ho, ten_dem, ten FROM (
          SELECT h.id::text AS id, h.ward_unit_id::text AS ward, p.ho, p.ten_dem, p.ten,
            row_number() OVER (PARTITION BY h.ward_unit_id ORDER BY md5(h.id::text)) AS n
          FROM households h JOIN persons p ON p.household_id = h.id AND p.is_head
          WHERE h.ward_unit_id = ANY(${wards})
            AND EXISTS (SELECT 1 FROM household_placements pl WHERE pl.household_id = h.id
              AND pl.valid_from <= ${YEAR.start}::date AND (pl.valid_to IS NULL OR pl.valid_to > ${YEAR.end}::date))
        ) s WHERE n <= 300 ORDER BY ward, n`,
  );
  const donors = new Map<string, Array<{ id: string; name: string }>>();
  for (const head of heads) {
    const list = donors.get(head.ward) ?? [];
    list.push({ id: head.id, name: fullName({ ho: head.ho, tenDem: head.ten_dem, ten: head.ten }) });
    donors.set(head.ward, list);
  }
  const records = await queryRows<{
    id: string;
    ward: string;
    category: string;
    from: string;
    to: string | null;
  }>(
    tx,
    sql`SELECT c.household_id::text AS id, h.ward_unit_id::text AS ward, c.category,
          to_char(c.valid_from, 'YYYY-MM-DD') AS "from", to_char(c.valid_to, 'YYYY-MM-DD') AS "to"
        FROM household_categories c JOIN households h ON h.id = c.household_id
        WHERE h.ward_unit_id = ANY(${wards}) AND c.valid_from <= ${YEAR.end}::date
          AND (c.valid_to IS NULL OR c.valid_to > ${YEAR.start}::date)`,
  );
  const ids = [...new Set(records.map((record) => record.id))];
  // A school-age child (born 2004–2015) of each of these households: the oldest, who needs a device most.
  const children = await queryRows<{ household_id: string; id: string }>(
    tx,
    sql`SELECT DISTINCT ON (household_id) household_id::text AS household_id, id::text AS id FROM persons
        WHERE household_id = ANY(${`{${ids.join(',')}}`}::uuid[])
          AND coalesce(extract(year FROM birth_date)::int, birth_year) BETWEEN 2004 AND 2015
        ORDER BY household_id, coalesce(extract(year FROM birth_date)::int, birth_year), id`,
  );
  const studentOf = new Map(children.map((child) => [child.household_id, child.id]));
  const rank = new Map(ids.map((id) => [id, order(id)]));
  return {
    donors,
    eligible: (categories, on) => {
      const found = new Map<
        string,
        { id: string; ward: string; categories: string[]; studentId: string | null }
      >();
      for (const record of records) {
        if (
          !categories.includes(record.category) ||
          record.from > on ||
          (record.to !== null && record.to <= on)
        ) {
          continue;
        }
        const entry = found.get(record.id) ?? {
          id: record.id,
          ward: record.ward,
          categories: [],
          studentId: studentOf.get(record.id) ?? null,
        };
        entry.categories.push(record.category);
        found.set(record.id, entry);
      }
      return [...found.values()].sort((a, b) => (rank.get(a.id)! < rank.get(b.id)! ? -1 : 1));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

type Row = Record<string, unknown>;

/** The rows of the plan, with the hash chain of each fund and the receipt numbers. */
export function demoFundsRows(plan: DemoFundsPlan) {
  const rows = {
    funds: [] as Row[],
    bankAccounts: [] as Row[],
    board: [] as Row[],
    campaigns: [] as Row[],
    targets: [] as Row[],
    programs: [] as Row[],
    entries: [] as Row[],
    lines: [] as Row[],
    counters: [] as Row[],
    donations: [] as Row[],
    items: [] as Row[],
    distributions: [] as Row[],
    stock: [] as Row[],
  };
  for (const fund of plan.funds) {
    rows.funds.push({
      id: fund.id,
      unit_id: fund.unitId,
      kind: fund.kind,
      name: fund.name,
      search_name: foldDiacritics(fund.name),
      opened_on: fund.openedOn,
    });
    rows.bankAccounts.push({
      id: randomUUID(),
      fund_id: fund.id,
      ...snakeBank(fund.bank),
      valid_from: fund.openedOn,
    });
    for (const member of fund.board) {
      rows.board.push({
        id: randomUUID(),
        fund_id: fund.id,
        name: member.name,
        position: member.position,
        // The committee's term since the congress of autumn 2019.
        valid_from: fund.openedOn > '2019-09-25' ? fund.openedOn : '2019-09-25',
      });
    }
  }
  for (const campaign of plan.campaigns) {
    rows.campaigns.push({
      id: campaign.id,
      fund_id: campaign.fund.id,
      unit_id: campaign.unitId,
      code: campaign.code,
      name: campaign.name,
      starts_on: campaign.startsOn,
      receiving_ends_on: campaign.receivingEndsOn,
      distribution_ends_on: campaign.distributionEndsOn,
      legal_basis: campaign.legalBasis,
      target_amount: campaign.targetAmount,
      target_items: campaign.targetItems,
    });
    for (const target of campaign.targets) {
      rows.targets.push({ campaign_id: campaign.id, unit_id: target.unitId, amount: target.amount });
    }
  }
  for (const program of plan.programs) {
    rows.programs.push({
      id: program.id,
      unit_id: program.unitId,
      fund_id: program.fund.id,
      campaign_id: program.campaign?.id ?? null,
      code: program.code,
      name: program.name,
      kind: program.kind,
      period_from: program.periodFrom,
      period_to: program.periodTo,
      eligible_categories: program.eligibleCategories,
      eligible_on: program.eligibleOn,
      amount_per_household: program.amountPerHousehold,
      decision_no: program.decisionNo,
      decided_on: program.decidedOn,
    });
  }

  const heads = new Map<string, { seq: number; hash: string }>();
  const receipts = new Map<string, number>();
  const post = (entry: PlannedEntry, date: string, digest: string | null): string => {
    const head = heads.get(entry.fund.id) ?? { seq: 0, hash: GENESIS_HASH };
    const hashed: HashedEntry = {
      fundId: entry.fund.id,
      seq: head.seq + 1,
      entryDate: date,
      kind: entry.kind,
      campaignId: entry.campaignId,
      memo: entry.memo,
      reversesSeq: null,
      reason: null,
      detailDigest: digest,
      lines: entry.lines,
    };
    const hash = entryHash(head.hash, hashed);
    const id = randomUUID();
    rows.entries.push({
      id,
      fund_id: entry.fund.id,
      seq: hashed.seq,
      entry_date: date,
      kind: entry.kind,
      campaign_id: entry.campaignId,
      memo: entry.memo,
      detail_digest: digest,
      prev_hash: head.hash,
      hash,
    });
    entry.lines.forEach((line, index) => {
      rows.lines.push({
        entry_id: id,
        line_no: index + 1,
        fund_id: entry.fund.id,
        entry_date: date,
        campaign_id: entry.campaignId,
        account: line.account,
        amount: line.amount,
      });
    });
    heads.set(entry.fund.id, { seq: hashed.seq, hash });
    return id;
  };

  for (const op of plan.operations) {
    const [entry, second] = entriesOf(op);
    if (op.type === 'donation') {
      const receiptYear = Number(op.date.slice(0, 4));
      const counter = `${op.fund.id}|${receiptYear}`;
      const receiptNo = (receipts.get(counter) ?? 0) + 1;
      receipts.set(counter, receiptNo);
      const donorName = op.donor.kind === 'anonymous' ? null : op.donor.name;
      // The same commitment to the private details that recording a donation makes.
      const { salt, digest } = detailDigest(
        donationDetails({
          receiptYear,
          receiptNo,
          donorKind: op.donor.kind,
          donorName,
          householdId: op.donor.householdId,
          method: op.method,
          amount: op.amount,
          receivedOn: op.date,
          items: op.items,
        }),
      );
      const entryId = post(entry!, op.date, digest);
      const id = randomUUID();
      rows.donations.push({
        id,
        fund_id: op.fund.id,
        campaign_id: op.campaign?.id ?? null,
        entry_id: entryId,
        receipt_year: receiptYear,
        receipt_no: receiptNo,
        donor_kind: op.donor.kind,
        donor_name: donorName,
        household_id: op.donor.householdId,
        publish_name: op.donor.kind === 'anonymous' ? false : op.donor.publishName,
        method: op.method,
        amount: op.amount,
        received_on: op.date,
        detail_salt: salt,
      });
      op.items.forEach((item, index) => {
        rows.items.push({ donation_id: id, line_no: index + 1, ...item });
        rows.stock.push({
          id: randomUUID(),
          campaign_id: op.campaign!.id,
          ...item,
          moved_on: op.date,
          donation_id: id,
          distribution_id: null,
          entry_id: entryId,
        });
      });
    } else if (op.type === 'distribution') {
      const entryId = post(entry!, op.date, null);
      const id = randomUUID();
      rows.distributions.push({
        id,
        program_id: op.program.id,
        household_id: op.householdId,
        person_id: op.personId,
        ward_unit_id: op.wardUnitId,
        amount: op.amount,
        items: op.items.length > 0 ? op.items : null,
        status: 'confirmed',
        entry_id: entryId,
        paid_on: op.date,
        confirmed_on: op.date,
      });
      for (const item of op.items) {
        rows.stock.push({
          id: randomUUID(),
          campaign_id: op.program.campaign!.id,
          item: item.item,
          name: item.name,
          quantity: -item.quantity,
          value: -item.value,
          moved_on: op.date,
          donation_id: null,
          distribution_id: id,
          entry_id: entryId,
        });
      }
    } else {
      post(entry!, op.date, null);
      if (second) post(second, op.date, null);
    }
  }
  for (const [key, lastNo] of receipts) {
    const [fundId, year] = key.split('|');
    rows.counters.push({ fund_id: fundId, year: Number(year), last_no: lastNo });
  }
  return rows;
}

const snakeBank = (bank: BankAccount) => ({
  bank_bin: bank.bankBin,
  bank_name: bank.bankName,
  account_number: bank.accountNumber,
  account_name: bank.accountName,
});

/** Table and columns (with their types, for json_to_recordset) of each kind of row, in foreign-key order. */
const tables = [
  ['funds', 'funds', 'id uuid, unit_id uuid, kind text, name text, search_name text, opened_on date'],
  [
    'bankAccounts',
    'fund_bank_accounts',
    'id uuid, fund_id uuid, bank_bin text, bank_name text, account_number text, account_name text, valid_from date',
  ],
  ['board', 'fund_board_members', 'id uuid, fund_id uuid, name text, position text, valid_from date'],
  [
    'campaigns',
    'campaigns',
    'id uuid, fund_id uuid, unit_id uuid, code text, name text, starts_on date, receiving_ends_on date, distribution_ends_on date, legal_basis text, target_amount bigint, target_items jsonb',
  ],
  ['targets', 'campaign_targets', 'campaign_id uuid, unit_id uuid, amount bigint'],
  [
    'programs',
    'support_programs',
    'id uuid, unit_id uuid, fund_id uuid, campaign_id uuid, code text, name text, kind text, period_from date, period_to date, eligible_categories jsonb, eligible_on date, amount_per_household bigint, decision_no text, decided_on date',
  ],
  [
    'entries',
    'ledger_entries',
    'id uuid, fund_id uuid, seq integer, entry_date date, kind text, campaign_id uuid, memo text, detail_digest text, prev_hash text, hash text',
  ],
  [
    'lines',
    'ledger_lines',
    'entry_id uuid, line_no smallint, fund_id uuid, entry_date date, campaign_id uuid, account text, amount bigint',
  ],
  ['counters', 'receipt_counters', 'fund_id uuid, year smallint, last_no integer'],
  [
    'donations',
    'donations',
    'id uuid, fund_id uuid, campaign_id uuid, entry_id uuid, receipt_year smallint, receipt_no integer, donor_kind text, donor_name text, household_id uuid, publish_name boolean, method text, amount bigint, received_on date, detail_salt text',
  ],
  [
    'items',
    'donation_items',
    'donation_id uuid, line_no smallint, item text, name text, quantity integer, value bigint',
  ],
  [
    'distributions',
    'distributions',
    'id uuid, program_id uuid, household_id uuid, person_id uuid, ward_unit_id uuid, amount bigint, items jsonb, status text, entry_id uuid, paid_on date, confirmed_on date',
  ],
  [
    'stock',
    'stock_movements',
    'id uuid, campaign_id uuid, item text, name text, quantity integer, value bigint, moved_on date, donation_id uuid, distribution_id uuid, entry_id uuid',
  ],
] as const satisfies ReadonlyArray<readonly [keyof ReturnType<typeof demoFundsRows>, string, string]>;

const BATCH = 2_000;

export type DemoFundsReport = {
  funds: number;
  campaigns: number;
  programs: number;
  entries: number;
  donations: number;
  distributions: number;
};

/**
 * Seeds the demo district's money of 2021; call inside the demo seeding transaction, after the
 * register (the donors, the households supported and the students are households of it).
 */
export async function seedDemoFunds(tx: Db, options: DemoFundsOptions): Promise<DemoFundsReport> {
  const register = await readDemoRegister(
    tx,
    options.wards.map((ward) => ward.unitId),
  );
  const plan = planDemoFunds(options, register);
  const rows = demoFundsRows(plan);
  for (const [key, table, columns] of tables) {
    const names = columns
      .split(',')
      .map((column) => column.trim().split(' ')[0]!)
      .join(', ');
    const list = rows[key];
    for (let i = 0; i < list.length; i += BATCH) {
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM json_to_recordset(${JSON.stringify(list.slice(i, i + BATCH))}::json) AS r(${sql.raw(columns)})`,
      );
    }
  }
  const report: DemoFundsReport = {
    funds: rows.funds.length,
    campaigns: rows.campaigns.length,
    programs: rows.programs.length,
    entries: rows.entries.length,
    donations: rows.donations.length,
    distributions: rows.distributions.length,
  };
  await recordAudit(tx, systemContext(), {
    action: 'create',
    entityType: 'demo_funds',
    entityId: 'bac-tu-liem-2021',
    unitId: options.districtUnitId,
    after: report,
  });
  return report;
}
