import {
  foldDiacritics,
  fullName,
  type PersonNameParts,
  personSortKey,
  type Relation,
  type Sex,
  splitFullName,
} from '@doanket/domain';
import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { type Db, queryRows } from '../db/client';
import { recordAudit } from '../lib/audit';
import { systemContext } from '../lib/context';
import type { Sealer } from '../lib/crypto';
import { sealCitizenId, sealContext } from '../modules/households/households.sealing';
import {
  birthProvinces,
  culturalFamilyRefusals,
  disabilityDetails,
  familyNames,
  givenNames,
  middleNames,
  mobilePrefixes,
  wardStreets,
} from './demo-names';

/**
 * The synthetic register of the demo district: households of the old wards' residential groups
 * with their members, categories and 2021 cultural-family records, and the self-governing teams
 * and groups whose figures on any day of 2021 are those the district reported at its year-end
 * conference. Everything comes from one seeded generator, so every first start gives the same
 * register (only ids and ciphertexts differ).
 */

/** Bắc Từ Liêm's self-governance figures for 2021 (domain brief). */
const REFERENCE = {
  teams: 183,
  teamMembers: 2062,
  groups: 1181,
  groupMembers: 3007,
  householdsSupervised: 82_337,
} as const;
const TOTAL_HOUSEHOLDS = 90_600;
const SEED = 0x0d0a_2021;

export type DemoResidentialGroup = {
  unitId: string;
  /** "<ward>.<nnn>" */
  code: string;
  number: number;
  wardCode: string;
  /** The old ward (until 30 June 2025) that registered the group's households. */
  wardUnitId: string;
};

export type DemoRegisterOptions = {
  groups: readonly DemoResidentialGroup[];
  /** Seals citizen IDs and sensitive details; without it persons are seeded without citizen IDs. */
  sealer: Sealer | null;
  districtUnitId: string;
  /** Residential groups whose team is led by a named resident (the demo team-leader account). */
  teamLeaders?: ReadonlyArray<{ groupCode: string; name: string }>;
};

export type DemoRegisterReport = {
  households: number;
  persons: number;
  citizenIds: number;
  placements: number;
  categories: number;
  culturalFamilyRecords: number;
  teams: number;
  groups: number;
  teamMembers: number;
  teamHouseholds: number;
};

const emptyReport = (): DemoRegisterReport => ({
  households: 0,
  persons: 0,
  citizenIds: 0,
  placements: 0,
  categories: 0,
  culturalFamilyRecords: 0,
  teams: 0,
  groups: 0,
  teamMembers: 0,
  teamHouseholds: 0,
});

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and dates

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: small, fast and good enough for synthetic data. */
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
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => {
      sum += weight;
      return sum;
    });
  }
  pick(rng: Random): T {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low]!;
  }
}

/**
 * Ids in the UUID layout (version 8): a prefix per kind drawn once, then a counter, so each
 * table's keys arrive in order and its primary-key index grows at its right edge.
 */
const ID_HOUSEHOLD = 0;
const ID_PERSON = 1;
const ID_TEAM = 2;
const ID_CATEGORY = 3;
const ID_PLACEMENT = 4;
const ID_CULTURAL = 5;
const ID_MEMBER = 6;
const ID_CARE = 7;
const ID_KINDS = 8;
class Ids {
  private readonly prefixes: string[];
  private readonly counters: number[];
  constructor(rng: Random) {
    const hex = (digits: number) =>
      Array.from({ length: digits }, () => Math.floor(rng.next() * 16).toString(16)).join('');
    this.prefixes = Array.from(
      { length: ID_KINDS },
      () => `${hex(8)}-${hex(4)}-8${hex(3)}-${(8 + rng.int(0, 3)).toString(16)}${hex(3)}-`,
    );
    this.counters = Array.from({ length: ID_KINDS }, () => 0);
  }
  next(kind: number): string {
    this.counters[kind]! += 1;
    return this.prefixes[kind]! + this.counters[kind]!.toString(16).padStart(12, '0');
  }
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoCache = new Map<number, string>();
function iso(dayNumber: number): string {
  let value = isoCache.get(dayNumber);
  if (value === undefined) {
    value = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(dayNumber, value);
  }
  return value;
}
/** No date: an open end, or a birth known by its year only (day numbers go below zero before 1970). */
const NONE = -1_000_000_000;
const firstDays = new Map<number, number>();
function firstDayOf(year: number): number {
  let value = firstDays.get(year);
  if (value === undefined) {
    value = Date.UTC(year, 0, 1) / DAY_MS;
    firstDays.set(year, value);
  }
  return value;
}
const isoOrNull = (dayNumber: number) => (dayNumber === NONE ? null : iso(dayNumber));

const D = {
  registerStart: day('2015-01-01'),
  year2016: day('2016-01-01'),
  year2021: day('2021-01-01'),
  year2022: day('2022-01-01'),
  reform: day('2025-07-01'),
};
const between = (rng: Random, from: string, to: string) => rng.int(day(from), day(to));

/** Distributes `total` over weights, each share at least `min`, by largest remainders. */
function apportion(weights: readonly number[], total: number, min: number): number[] {
  const free = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const shares = exact.map((x) => min + Math.floor(x));
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

/** Random counts within [min, max] that add up to `total` exactly. */
function countsSummingTo(
  rng: Random,
  n: number,
  total: number,
  min: number,
  max: number,
  draw: () => number,
): number[] {
  const counts = Array.from({ length: n }, () => Math.min(max, Math.max(min, draw())));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = rng.int(0, n - 1);
    if (sum < total && counts[i]! < max) {
      counts[i]! += 1;
      sum += 1;
    } else if (sum > total && counts[i]! > min) {
      counts[i]! -= 1;
      sum -= 1;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The plan: households, lanes, teams and who is supervised, before any person is made

type Status = 'present' | 'moved' | 'gone' | 'new';

type PlannedTeam = {
  id: string;
  kind: 'team' | 'group';
  group: PlannedGroup;
  name: string;
  validFrom: number;
  validTo: number;
  /** Members active through 2021 (the counted ones), leader included. */
  members: number;
  /** A team of the same lane or group that this one replaced. */
  predecessor: PlannedTeam | null;
  historical: boolean;
};

type PlannedHousehold = {
  id: string;
  code: string;
  group: PlannedGroup;
  origin: PlannedGroup;
  lane: number;
  status: Status;
  placedFrom: number;
  movedOn: number;
  leftOn: number;
  inGroup: boolean;
  inTeam: boolean;
  laterGroup: PlannedTeam | null;
  address: string;
};

type Lane = { street: string; number: number };

type PlannedGroup = {
  unit: DemoResidentialGroup;
  households: PlannedHousehold[];
  lanes: Lane[];
  team: PlannedTeam | null;
  /** Lanes [0, teamLanes) are in the team's care. */
  teamLanes: number;
  groups: PlannedTeam[];
  later: PlannedTeam[];
  nextSeq: number;
  leaderName: string | null;
};

/** Present in the group on every day of 2021: these are the households the figures can count. */
const presentIn2021 = (h: PlannedHousehold) => h.status === 'present' || h.status === 'moved';
/** First day in its current group. */
const arrival = (h: PlannedHousehold) => (h.status === 'moved' ? h.movedOn : h.placedFrom);

const teamFunctions = new Weighted<string>([
  ['an ninh trật tự', 5],
  ['vệ sinh môi trường', 2],
  ['phòng, chống dịch', 2],
  ['khu dân cư', 3],
]);
const majorRoads = new Set([
  'Phạm Văn Đồng',
  'Văn Tiến Dũng',
  'Võ Chí Công',
  'Hoàng Quốc Việt',
  'Hồng Hà',
  'An Dương Vương',
  'Cầu Diễn',
  'Trần Cung',
  'Hoàng Tăng Bí',
]);
const streetLabel = (street: string) => `${majorRoads.has(street) ? 'đường' : 'phố'} ${street}`;

function planRegister(rng: Random, ids: Ids, options: DemoRegisterOptions): PlannedGroup[] {
  const leaders = new Map((options.teamLeaders ?? []).map((l) => [l.groupCode, l.name]));
  const wardFactor = new Map<string, number>();
  for (const unit of options.groups) {
    if (!wardFactor.has(unit.wardCode)) wardFactor.set(unit.wardCode, 0.8 + 0.4 * rng.next());
  }
  const sizes = apportion(
    options.groups.map((unit) => wardFactor.get(unit.wardCode)! * (0.75 + 0.5 * rng.next())),
    TOTAL_HOUSEHOLDS,
    150,
  );
  const laneCounts = apportion(sizes, REFERENCE.groups, 2);
  const groups: PlannedGroup[] = options.groups.map((unit) => ({
    unit,
    households: [],
    lanes: [],
    team: null,
    teamLanes: 0,
    groups: [],
    later: [],
    nextSeq: 1,
    leaderName: leaders.get(unit.code) ?? null,
  }));
  const byWard = new Map<string, PlannedGroup[]>();
  for (const g of groups) byWard.set(g.unit.wardCode, [...(byWard.get(g.unit.wardCode) ?? []), g]);

  // Lanes: each residential group lies along a few lanes (ngõ) of its ward's streets.
  const laneCounters = new Map<string, number>();
  groups.forEach((g, i) => {
    const streets = wardStreets[g.unit.wardCode] ?? [g.unit.wardCode];
    const main = streets[(g.unit.number - 1) % streets.length]!;
    for (let k = 0; k < laneCounts[i]!; k += 1) {
      const street = rng.chance(0.7) ? main : rng.pick(streets);
      const key = `${g.unit.wardCode}|${street}`;
      const number = (laneCounters.get(key) ?? rng.int(1, 9)) + rng.int(2, 12);
      laneCounters.set(key, number);
      g.lanes.push({ street, number });
    }
  });

  // Households and their history in the register.
  groups.forEach((g, i) => {
    const size = sizes[i]!;
    const siblings = byWard.get(g.unit.wardCode)!.filter((other) => other !== g);
    const houseNumbers = g.lanes.map(() => rng.int(1, 6));
    for (let k = 0; k < size; k += 1) {
      const lane = Math.floor((k * g.lanes.length) / size);
      const roll = rng.next();
      const status: Status =
        roll < 0.005 && siblings.length > 0
          ? 'moved'
          : roll < 0.015
            ? 'gone'
            : roll < 0.045
              ? 'new'
              : 'present';
      const origin = status === 'moved' ? rng.pick(siblings) : g;
      const placedFrom =
        status === 'new'
          ? between(rng, '2022-01-10', '2025-06-20')
          : status === 'present' && rng.chance(0.15)
            ? between(rng, '2015-02-01', '2020-12-15')
            : D.registerStart;
      const seq = origin.nextSeq;
      origin.nextSeq += 1;
      const laneOf = g.lanes[lane]!;
      houseNumbers[lane]! += rng.int(1, 3);
      const house = houseNumbers[lane]!;
      const address = rng.chance(0.25)
        ? `Số ${house}, ngách ${laneOf.number}/${rng.int(2, 40)}, ${streetLabel(laneOf.street)}`
        : `Số ${house}, ngõ ${laneOf.number}, ${streetLabel(laneOf.street)}`;
      g.households.push({
        id: ids.next(ID_HOUSEHOLD),
        code: `${String(origin.unit.number).padStart(2, '0')}-${String(seq).padStart(4, '0')}`,
        group: g,
        origin,
        lane,
        status,
        placedFrom,
        movedOn: status === 'moved' ? between(rng, '2016-03-01', '2020-11-30') : NONE,
        leftOn: status === 'gone' ? between(rng, '2016-03-01', '2020-10-31') : NONE,
        inGroup: false,
        inTeam: false,
        laterGroup: null,
        address,
      });
    }
  });

  // 183 residential groups have a team; those with a named leader first.
  const order = rng.shuffle(groups.map((_, i) => i));
  order.sort((a, b) => Number(groups[b]!.leaderName !== null) - Number(groups[a]!.leaderName !== null));
  const teamMembers = countsSummingTo(rng, REFERENCE.teams, REFERENCE.teamMembers, 6, 18, () =>
    rng.int(7, 16),
  );
  order.slice(0, REFERENCE.teams).forEach((index, t) => {
    const g = groups[index]!;
    g.team = {
      id: ids.next(ID_TEAM),
      kind: 'team',
      group: g,
      name: `Tổ tự quản ${teamFunctions.pick(rng)} TDP số ${g.unit.number}`,
      validFrom: between(rng, '2015-06-01', '2020-06-30'),
      validTo: NONE,
      members: teamMembers[t]!,
      predecessor: null,
      historical: false,
    };
    g.teamLanes = Math.max(1, Math.round(g.lanes.length * (0.3 + 0.4 * rng.next())));
  });
  const groupMembers = countsSummingTo(rng, REFERENCE.groups, REFERENCE.groupMembers, 2, 5, () =>
    rng.chance(0.08) ? 4 : rng.chance(0.47) ? 3 : 2,
  );
  let groupIndex = 0;
  for (const g of groups) {
    g.groups = g.lanes.map((lane) => ({
      id: ids.next(ID_TEAM),
      kind: 'group' as const,
      group: g,
      name: `Nhóm tự quản ngõ ${lane.number} ${lane.street}`,
      validFrom: between(rng, '2016-01-01', '2020-12-20'),
      validTo: NONE,
      members: groupMembers[groupIndex++]!,
      predecessor: null,
      historical: false,
    }));
  }

  // Who is in whose care on the days of 2021.
  for (const g of groups) {
    const coverage = g.lanes.map(() => 0.85 + 0.12 * rng.next());
    for (const h of g.households) {
      h.inGroup = rng.chance(coverage[h.lane]!);
      h.inTeam = g.team !== null && h.lane < g.teamLanes && rng.chance(0.9);
    }
  }
  const present = groups.flatMap((g) => g.households.filter(presentIn2021));
  let supervised = present.filter((h) => h.inGroup || h.inTeam).length;
  const candidates = rng.shuffle([...present]);
  for (const h of candidates) {
    if (supervised === REFERENCE.householdsSupervised) break;
    if (supervised < REFERENCE.householdsSupervised && !h.inGroup && !h.inTeam) {
      h.inGroup = true;
      supervised += 1;
    } else if (supervised > REFERENCE.householdsSupervised && h.inGroup !== h.inTeam) {
      h.inGroup = false;
      h.inTeam = false;
      supervised -= 1;
    }
  }
  if (supervised !== REFERENCE.householdsSupervised) throw new Error('demo register: supervision plan');

  // History: some teams and groups replaced an earlier one of the same name before 2021.
  for (const g of groups) {
    const replace = (current: PlannedTeam, p: number) => {
      if (current.validFrom < day('2018-01-01') || !rng.chance(p)) return;
      current.predecessor = {
        ...current,
        id: ids.next(ID_TEAM),
        validFrom: between(rng, '2015-03-01', '2017-06-30'),
        validTo: current.validFrom,
        members: rng.int(2, current.kind === 'team' ? 8 : 3),
        predecessor: null,
        historical: true,
      };
    };
    if (g.team) replace(g.team, 0.08);
    for (const group of g.groups) replace(group, 0.04);
  }
  // And new groups since 2022 look after lanes' households no group had in 2021.
  for (const g of groups) {
    if (!rng.chance(0.08)) continue;
    const lane = rng.int(0, g.lanes.length - 1);
    const uncovered = g.households.filter((h) => h.lane === lane && presentIn2021(h) && !h.inGroup);
    if (uncovered.length < 4) continue;
    const laneOf = g.lanes[lane]!;
    const later: PlannedTeam = {
      id: ids.next(ID_TEAM),
      kind: 'group',
      group: g,
      name: `Nhóm tự quản ngách ${laneOf.number}/${rng.int(2, 30)} ${laneOf.street}`,
      validFrom: between(rng, '2022-03-01', '2025-05-31'),
      validTo: NONE,
      members: rng.int(2, 3),
      predecessor: null,
      historical: false,
    };
    g.later.push(later);
    for (const h of uncovered) h.laterGroup = later;
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Persons

type PlannedPerson = {
  id: string;
  household: PlannedHousehold;
  name: Name;
  sex: Sex;
  birthYear: number;
  /** Day number, or NONE when only the year is known. */
  birthDay: number;
  relation: Relation;
  isHead: boolean;
  phone: string | null;
  position: number;
  province: string;
};

const family = new Weighted(familyNames);
const provinces = new Weighted(birthProvinces);

type Composition =
  | 'lone_elderly'
  | 'single'
  | 'young_couple'
  | 'old_couple'
  | 'nuclear'
  | 'single_parent'
  | 'three_generations'
  | 'extended'
  | 'siblings';
const compositions = new Weighted<Composition>([
  ['lone_elderly', 12],
  ['single', 95],
  ['young_couple', 55],
  ['old_couple', 90],
  ['nuclear', 470],
  ['single_parent', 60],
  ['three_generations', 110],
  ['extended', 75],
  ['siblings', 33],
]);

const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

type Name = { parts: PersonNameParts; full: string; search: string; sortKey: string; searchId: number };

class PersonFactory {
  private phones = new Set<number>();
  // Numeric keys (folded name × birth day or year): the sets hold a ward's worth of people.
  private nameDays = new Set<number>();
  private nameYears = new Set<number>();
  private yearOnly = new Set<number>();
  private partIds = new Map<string, number>();
  private names = new Map<number, Name>();
  private searchIds = new Map<string, number>();

  constructor(
    private readonly rng: Random,
    private readonly ids: Ids,
  ) {}

  /** Duplicate checks are per ward (same name and birth date), so each ward starts afresh. */
  newWard() {
    this.nameDays.clear();
    this.nameYears.clear();
    this.yearOnly.clear();
  }

  private part(value: string): number {
    let id = this.partIds.get(value);
    if (id === undefined) {
      id = this.partIds.size;
      this.partIds.set(value, id);
    }
    return id;
  }

  name(ho: string, tenDem: string, ten: string): Name {
    const key = (this.part(ho) * 1024 + this.part(tenDem)) * 1024 + this.part(ten);
    let entry = this.names.get(key);
    if (!entry) {
      const parts = { ho, tenDem, ten };
      const full = fullName(parts);
      const search = foldDiacritics(full);
      let searchId = this.searchIds.get(search);
      if (searchId === undefined) {
        searchId = this.searchIds.size;
        this.searchIds.set(search, searchId);
      }
      entry = { parts, full, search, sortKey: personSortKey(parts), searchId };
      this.names.set(key, entry);
    }
    return entry;
  }

  phone(): string {
    for (;;) {
      const prefix = this.rng.int(0, mobilePrefixes.length - 1);
      const number = this.rng.int(0, 9_999_999);
      const key = prefix * 10_000_000 + number;
      if (!this.phones.has(key)) {
        this.phones.add(key);
        return `${mobilePrefixes[prefix]}${String(number).padStart(7, '0')}`;
      }
    }
  }

  private pickName(sex: Sex, birthYear: number, ho: string | null, avoid: readonly string[]): Name {
    const generation = birthYear < 1975 ? 'older' : 'younger';
    const tenDem = this.rng.pick(middleNames[sex][generation]);
    for (;;) {
      const ten = this.rng.pick(givenNames[sex][generation]);
      if (tenDem.endsWith(ten) || avoid.includes(ten)) continue;
      return this.name(ho ?? family.pick(this.rng), tenDem, ten);
    }
  }

  /**
   * A birth day that no one of the same name in the ward has (the duplicate rule), NONE for a
   * year alone (some of the oldest), or undefined when the name cannot be used for that year.
   */
  private birth(name: Name, year: number): number | undefined {
    const yearKey = name.searchId * 4096 + (year - 1800);
    if (this.yearOnly.has(yearKey)) return undefined;
    if (year <= 1945 && this.rng.chance(0.4)) {
      if (this.nameYears.has(yearKey)) return undefined;
      this.yearOnly.add(yearKey);
      this.nameYears.add(yearKey);
      return NONE;
    }
    const first = firstDayOf(year);
    const length = firstDayOf(year + 1) - first;
    for (;;) {
      const birthDay = first + this.rng.int(0, length - 1);
      const dayKey = name.searchId * 65_536 + (birthDay + 30_000);
      if (!this.nameDays.has(dayKey)) {
        this.nameDays.add(dayKey);
        this.nameYears.add(yearKey);
        return birthDay;
      }
    }
  }

  make(
    household: PlannedHousehold,
    position: number,
    relation: Relation,
    sex: Sex,
    birthYear: number,
    options: { ho?: string | null; avoid?: readonly string[]; localBirth?: boolean } = {},
  ): PlannedPerson {
    let name: Name;
    let birthDay: number | undefined;
    do {
      name = this.pickName(sex, birthYear, options.ho ?? null, options.avoid ?? []);
      birthDay = this.birth(name, birthYear);
    } while (birthDay === undefined);
    return {
      id: this.ids.next(ID_PERSON),
      household,
      name,
      sex,
      birthYear,
      birthDay,
      relation,
      isHead: relation === 'head',
      phone: null,
      position,
      province: options.localBirth && this.rng.chance(0.95) ? '001' : provinces.pick(this.rng),
    };
  }

  /** Renames a resident (the demo team leader) unless the name would collide in the ward. */
  rename(person: PlannedPerson, name: Name): boolean {
    const dayKey = name.searchId * 65_536 + (person.birthDay + 30_000);
    const yearKey = name.searchId * 4096 + (person.birthYear - 1800);
    if (person.birthDay === NONE || this.nameDays.has(dayKey) || this.yearOnly.has(yearKey)) return false;
    this.nameDays.add(dayKey);
    this.nameYears.add(yearKey);
    person.name = name;
    return true;
  }

  /** The members of one household, head first; 1–6 people. */
  household(h: PlannedHousehold, kind: Composition): PlannedPerson[] {
    const rng = this.rng;
    const people: PlannedPerson[] = [];
    const add = (
      relation: Relation,
      sex: Sex,
      year: number,
      options: { ho?: string | null; avoid?: readonly string[]; localBirth?: boolean } = {},
    ) => {
      const person = this.make(h, people.length, relation, sex, Math.min(year, 2024), options);
      people.push(person);
      return person;
    };
    const children = (motherYear: number, count: number, ho: string) => {
      const names: string[] = [];
      let year = motherYear + rng.int(21, 30);
      for (let i = 0; i < count && year <= 2024 && people.length < 6; i += 1) {
        const child = add('child', rng.chance(0.52) ? 'male' : 'female', year, {
          ho,
          avoid: names,
          localBirth: true,
        });
        names.push(child.name.parts.ten);
        year += rng.int(2, 6);
      }
    };
    const couple = (headYear: number) => {
      const headSex: Sex = rng.chance(0.82) ? 'male' : 'female';
      const head = add('head', headSex, headYear);
      const spouseYear = headSex === 'male' ? headYear + rng.int(-1, 6) : headYear - rng.int(0, 6);
      const spouse = add(headSex === 'male' ? 'wife' : 'husband', other(headSex), spouseYear);
      const [husband, wife] = headSex === 'male' ? [head, spouse] : [spouse, head];
      return { head, spouse, husband, wife };
    };
    switch (kind) {
      case 'lone_elderly':
        add('head', rng.chance(0.72) ? 'female' : 'male', 2021 - rng.int(70, 92));
        break;
      case 'single':
        add('head', rng.chance(0.55) ? 'male' : 'female', 2021 - rng.int(22, 58));
        break;
      case 'young_couple':
        couple(2021 - rng.int(24, 36));
        break;
      case 'old_couple':
        couple(2021 - rng.int(55, 84));
        break;
      case 'nuclear': {
        const { husband, wife } = couple(2021 - rng.int(28, 60));
        children(wife.birthYear, rng.chance(0.35) ? 1 : rng.chance(0.85) ? 2 : 3, husband.name.parts.ho);
        break;
      }
      case 'single_parent': {
        const head = add('head', rng.chance(0.8) ? 'female' : 'male', 2021 - rng.int(30, 58));
        const ho = head.sex === 'male' ? head.name.parts.ho : family.pick(rng);
        const motherYear = head.sex === 'female' ? head.birthYear : head.birthYear + rng.int(0, 5);
        children(motherYear, rng.chance(0.6) ? 1 : 2, ho);
        break;
      }
      case 'three_generations': {
        const { head, husband, wife } = couple(2021 - rng.int(30, 52));
        children(wife.birthYear, rng.chance(0.4) ? 1 : 2, husband.name.parts.ho);
        const ownParents = head.sex === 'male' || rng.chance(0.3);
        const parentYear = head.birthYear - rng.int(24, 34);
        const fatherAlive = rng.chance(0.55);
        if (fatherAlive && people.length < 6) {
          add(ownParents ? 'father' : 'father_in_law', 'male', parentYear - rng.int(0, 4), {
            ho: ownParents ? head.name.parts.ho : null,
          });
        }
        if ((!fatherAlive || rng.chance(0.8)) && people.length < 6) {
          add(ownParents ? 'mother' : 'mother_in_law', 'female', parentYear);
        }
        break;
      }
      case 'extended': {
        const { husband } = couple(2021 - rng.int(56, 80));
        const son = rng.chance(0.85);
        const childYear = husband.birthYear + rng.int(24, 32);
        const child = add('child', son ? 'male' : 'female', childYear, {
          ho: husband.name.parts.ho,
          localBirth: true,
        });
        const inLaw = add(
          son ? 'daughter_in_law' : 'son_in_law',
          other(child.sex),
          childYear + (son ? rng.int(0, 4) : -rng.int(0, 4)),
        );
        const mother = son ? inLaw : child;
        const father = son ? child : inLaw;
        const names: string[] = [];
        let year = mother.birthYear + rng.int(22, 30);
        for (let i = 0; i < (rng.chance(0.4) ? 1 : 2) && year <= 2024; i += 1) {
          const grandchild = add('grandchild', rng.chance(0.52) ? 'male' : 'female', year, {
            ho: father.name.parts.ho,
            avoid: names,
            localBirth: true,
          });
          names.push(grandchild.name.parts.ten);
          year += rng.int(2, 5);
        }
        break;
      }
      case 'siblings': {
        const head = add('head', rng.chance(0.5) ? 'male' : 'female', 2021 - rng.int(24, 40));
        if (rng.chance(0.6)) {
          add('younger_sibling', rng.chance(0.5) ? 'male' : 'female', head.birthYear + rng.int(2, 8), {
            ho: head.name.parts.ho,
            avoid: [head.name.parts.ten],
          });
        } else {
          add('other', rng.chance(0.5) ? 'male' : 'female', 2021 - rng.int(19, 30));
        }
        break;
      }
    }
    const head = people[0]!;
    if (rng.chance(0.92)) head.phone = this.phone();
    for (const person of people.slice(1)) {
      if (2021 - person.birthYear >= 18 && rng.chance(0.45)) person.phone = this.phone();
    }
    return people;
  }
}

// ---------------------------------------------------------------------------------------------
// Citizen IDs: province, century and sex, year, then six digits unique in their bucket

class CitizenIds {
  private buckets = new Map<string, { start: number; next: number }>();
  constructor(private readonly rng: Random) {}

  of(person: PlannedPerson): string {
    const century = person.birthYear >= 2000 ? 2 : 0;
    const digit = century + (person.sex === 'female' ? 1 : 0);
    const prefix = `${person.province}${digit}${String(person.birthYear % 100).padStart(2, '0')}`;
    let bucket = this.buckets.get(prefix);
    if (!bucket) {
      bucket = { start: this.rng.int(0, 999_999), next: 0 };
      this.buckets.set(prefix, bucket);
    }
    // 737,731 is prime to 10^6, so the sequence visits every six-digit tail once.
    const tail = (bucket.start + bucket.next * 737_731) % 1_000_000;
    bucket.next += 1;
    return `${prefix}${String(tail).padStart(6, '0')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

type Row = Record<string, string | number | boolean | null>;
export type Rows = {
  households: Row[];
  placements: Row[];
  persons: Row[];
  categories: Row[];
  cultural: Row[];
  teams: Row[];
  members: Row[];
  teamHouseholds: Row[];
};
const emptyRows = (): Rows => ({
  households: [],
  placements: [],
  persons: [],
  categories: [],
  cultural: [],
  teams: [],
  members: [],
  teamHouseholds: [],
});

const policyKinds = new Weighted<string>([
  ['policy_martyr', 30],
  ['policy_war_invalid', 30],
  ['policy_sick_soldier', 10],
  ['policy_revolutionary_contributor', 20],
  ['policy_family', 10],
]);

class RegisterWriter {
  private readonly persons: PersonFactory;
  private readonly citizenIds: CitizenIds;

  constructor(
    private readonly rng: Random,
    private readonly ids: Ids,
    private readonly sealer: Sealer | null,
    readonly report: DemoRegisterReport,
  ) {
    this.persons = new PersonFactory(rng, ids);
    this.citizenIds = new CitizenIds(rng);
  }

  /** Names and birth dates are kept apart within a ward; call before its first group. */
  newWard() {
    this.persons.newWard();
  }

  /** Every row of one residential group. */
  group(g: PlannedGroup, rows: Rows) {
    const rng = this.rng;
    const households = g.households.map((h) => ({
      h,
      members: this.persons.household(h, compositions.pick(rng)),
    }));
    const people = households.flatMap(({ members }) => members);
    const namedLeader = g.team && g.leaderName ? this.nameLeader(people, g.leaderName) : null;
    for (const { h, members } of households) this.household(h, members, rows);
    const teams = [g.team, ...g.groups, ...g.later].filter((t): t is PlannedTeam => t !== null);
    const all = teams.flatMap((t) => (t.predecessor ? [t.predecessor, t] : [t]));
    // Members are adults of the households the team looks after (any of the group for the team).
    const adults = people.filter((p) => 2021 - p.birthYear >= 22 && 2021 - p.birthYear <= 72);
    const byLane = new Map<number, PlannedPerson[]>();
    for (const p of adults) {
      if (!presentIn2021(p.household)) continue;
      const list = byLane.get(p.household.lane) ?? [];
      list.push(p);
      byLane.set(p.household.lane, list);
    }
    const pool = adults.filter((p) => presentIn2021(p.household));
    for (const t of all) {
      const lane = t.kind === 'group' ? g.groups.findIndex((x) => x === t || x.predecessor === t) : NONE;
      const laneAdults = lane >= 0 ? (byLane.get(lane) ?? pool) : pool;
      const laterLane = g.later.includes(t)
        ? t.group.households.find((h) => h.laterGroup === t)?.lane
        : undefined;
      const candidates = laterLane !== undefined ? (byLane.get(laterLane) ?? pool) : laneAdults;
      this.team(
        t,
        candidates.length >= t.members + 2 ? candidates : pool,
        g,
        rows,
        t === g.team ? namedLeader : null,
      );
    }
    for (const h of g.households) {
      if (h.inGroup) {
        const own = g.groups[h.lane]!;
        this.care(own.predecessor, h, rows);
        this.care(own, h, rows);
      }
      if (h.inTeam) {
        this.care(g.team?.predecessor ?? null, h, rows);
        this.care(g.team, h, rows);
      }
      this.care(h.laterGroup, h, rows);
    }
    for (const p of people) this.person(p, rows);
  }

  private household(h: PlannedHousehold, members: PlannedPerson[], rows: Rows) {
    const rng = this.rng;
    const head = members[0]!;
    const headName = head.name.full;
    rows.households.push({
      id: h.id,
      ward_unit_id: h.group.unit.wardUnitId,
      code: h.code,
      address: h.address,
      phone: head.phone,
      search_text: foldDiacritics(`${h.code} ${h.address} ${headName}`),
    });
    this.report.households += 1;
    const placement = (groupUnitId: string, from: number, to: number) => {
      rows.placements.push({
        id: this.ids.next(ID_PLACEMENT),
        household_id: h.id,
        group_unit_id: groupUnitId,
        valid_from: iso(from),
        valid_to: isoOrNull(to),
      });
      this.report.placements += 1;
    };
    if (h.status === 'moved') {
      placement(h.origin.unit.unitId, h.placedFrom, h.movedOn);
      placement(h.group.unit.unitId, h.movedOn, NONE);
    } else {
      placement(h.group.unit.unitId, h.placedFrom, h.leftOn);
    }

    // Categories, in about the shares a Hà Nội urban district reports.
    const from = Math.max(h.placedFrom, D.year2016);
    const oldest = Math.min(...members.map((m) => m.birthYear));
    const alone = members.length === 1;
    const vulnerable =
      alone ||
      (members.length <= 3 && !members.some((m) => m.relation === 'wife' || m.relation === 'husband'));
    const category = (
      code: string,
      validFrom: number,
      validTo: number,
      period: string | null,
      detail: string | null,
    ) => {
      if (validTo !== NONE && validTo <= validFrom) return;
      const id = this.ids.next(ID_CATEGORY);
      rows.categories.push({
        id,
        household_id: h.id,
        category: code,
        standard_period: period,
        valid_from: iso(validFrom),
        valid_to: isoOrNull(validTo),
        detail_sealed:
          detail && this.sealer ? this.sealer.seal(detail, sealContext.categoryDetail(id)) : null,
      });
      this.report.categories += 1;
    };
    const until = h.leftOn;
    const before2022 = until === NONE ? D.year2022 : Math.min(until, D.year2022);
    const poverty = rng.next() / (vulnerable ? 2.5 : 1);
    if (h.placedFrom < D.year2022 && poverty < 0.0038) {
      category('poor', from, before2022, '2016-2020', null);
      if (until === NONE && rng.chance(0.75)) {
        const next = rng.chance(0.6) ? 'poor' : 'near_poor';
        category(
          next,
          D.year2022,
          rng.chance(0.3) ? between(rng, '2023-01-01', '2025-12-31') : NONE,
          '2022-2026',
          null,
        );
      }
    } else if (h.placedFrom < D.year2022 && poverty < 0.0163) {
      category('near_poor', from, before2022, '2016-2020', null);
      if (until === NONE && rng.chance(0.7)) {
        category(
          'near_poor',
          D.year2022,
          rng.chance(0.25) ? between(rng, '2023-01-01', '2025-12-31') : NONE,
          '2022-2026',
          null,
        );
      }
    } else if (until === NONE && poverty < 0.0193) {
      category(
        poverty < 0.0185 ? 'near_poor' : 'poor',
        Math.max(D.year2022, h.placedFrom),
        NONE,
        '2022-2026',
        null,
      );
    }
    if (rng.chance(oldest <= 1960 ? 0.075 : 0.012))
      category(policyKinds.pick(rng), h.placedFrom, until, null, null);
    if (rng.chance(oldest <= 1958 ? 0.008 : 0.0015))
      category('agent_orange', h.placedFrom, until, null, null);
    if (rng.chance(0.02)) {
      category('disability', from, until, null, rng.pick(disabilityDetails));
    }
    if (alone && 2021 - head.birthYear >= 65 && rng.chance(0.9)) {
      category('lone_elderly', from, until, null, null);
    }
    if (vulnerable && members.some((m) => m.birthYear >= 2008) && rng.chance(0.05)) {
      category('child_in_difficulty', Math.max(from, day('2019-01-01')), until, null, null);
    }

    if (presentIn2021(h)) {
      const registered = rng.chance(0.973);
      const recognized = registered ? rng.chance(0.95) : null;
      rows.cultural.push({
        id: this.ids.next(ID_CULTURAL),
        household_id: h.id,
        year: 2021,
        registered,
        recognized,
        reason: recognized === false ? rng.pick(culturalFamilyRefusals) : null,
      });
      this.report.culturalFamilyRecords += 1;
    }
  }

  private person(p: PlannedPerson, rows: Rows) {
    const name = p.name;
    // Drawn with or without a sealer, so that the rest of the register is the same either way.
    const citizenId = p.birthYear <= 2007 && this.rng.chance(0.93) ? this.citizenIds.of(p) : null;
    const sealed = citizenId && this.sealer ? sealCitizenId(this.sealer, p.id, citizenId) : null;
    if (sealed) this.report.citizenIds += 1;
    rows.persons.push({
      id: p.id,
      household_id: p.household.id,
      ho: name.parts.ho,
      ten_dem: name.parts.tenDem,
      ten: name.parts.ten,
      search_name: name.search,
      sort_key: name.sortKey,
      sex: p.sex,
      birth_date: isoOrNull(p.birthDay),
      birth_year: p.birthYear,
      relation: p.relation,
      is_head: p.isHead,
      phone: p.phone,
      citizen_id_sealed: sealed?.sealed ?? null,
      citizen_id_hash: sealed?.hash ?? null,
      citizen_id_mask: sealed?.mask ?? null,
      position: p.position,
    });
    this.report.persons += 1;
  }

  private team(
    t: PlannedTeam,
    candidates: PlannedPerson[],
    g: PlannedGroup,
    rows: Rows,
    namedLeader: PlannedPerson | null,
  ) {
    const rng = this.rng;
    rows.teams.push({
      id: t.id,
      kind: t.kind,
      unit_id: g.unit.unitId,
      name: t.name,
      search_name: foldDiacritics(t.name),
      valid_from: iso(t.validFrom),
      valid_to: isoOrNull(t.validTo),
    });
    if (t.kind === 'team') this.report.teams += 1;
    else this.report.groups += 1;

    const chosen = new Set<PlannedPerson>();
    const choose = (): PlannedPerson => {
      for (;;) {
        const p = rng.pick(candidates);
        if (!chosen.has(p)) {
          chosen.add(p);
          return p;
        }
      }
    };
    const member = (p: PlannedPerson, role: 'leader' | 'deputy' | 'member', from: number, to: number) => {
      // Leaders and members are reached by phone; the register keeps the same number.
      if (p.phone === null) p.phone = this.persons.phone();
      rows.members.push({
        id: this.ids.next(ID_MEMBER),
        team_id: t.id,
        person_id: p.id,
        name: p.name.full,
        phone: p.phone,
        role,
        valid_from: iso(from),
        valid_to: isoOrNull(to),
      });
      this.report.teamMembers += 1;
    };
    const lastDay = t.validTo === NONE ? D.year2021 - 1 : t.validTo - 1;
    const joined = () =>
      rng.chance(0.7) ? t.validFrom : rng.int(t.validFrom, Math.max(t.validFrom, lastDay));
    if (namedLeader) chosen.add(namedLeader);
    member(namedLeader ?? choose(), 'leader', t.validFrom, t.validTo);
    for (let i = 1; i < t.members; i += 1) {
      const from = joined();
      const leaves = between(rng, '2022-02-01', '2025-12-31');
      const to = !t.historical && rng.chance(0.08) && leaves > from ? leaves : t.validTo;
      member(choose(), i === 1 && t.members >= 6 ? 'deputy' : 'member', from, to);
    }
    if (!t.historical && t.validTo === NONE) {
      // Turnover: some left before 2021, some joined after it; neither is counted in 2021.
      if (t.validFrom < day('2019-01-01') && rng.chance(t.kind === 'team' ? 0.3 : 0.08)) {
        member(choose(), 'member', t.validFrom, between(rng, '2019-06-01', '2020-12-31'));
      }
      if (rng.chance(t.kind === 'team' ? 0.15 : 0.04) && t.validFrom < D.reform) {
        member(choose(), 'member', Math.max(t.validFrom + 1, between(rng, '2022-01-01', '2025-06-30')), NONE);
      }
    }
  }

  /** A resident of a household in the team's care, not a head, renamed as the demo team leader. */
  private nameLeader(people: readonly PlannedPerson[], name: string): PlannedPerson | null {
    const parts = splitFullName(name);
    const sex: Sex = parts.tenDem.split(' ').includes('Thị') ? 'female' : 'male';
    const entry = this.persons.name(parts.ho, parts.tenDem, parts.ten);
    for (const p of people) {
      const age = 2021 - p.birthYear;
      if (p.isHead || p.sex !== sex || age < 35 || age > 60) continue;
      if (!p.household.inTeam || !p.household.inGroup || !presentIn2021(p.household)) continue;
      if (this.persons.rename(p, entry)) return p;
    }
    return null;
  }

  /** The household in the care of team `t` while both exist and the household lives in the group. */
  private care(t: PlannedTeam | null, h: PlannedHousehold, rows: Rows) {
    if (t === null) return;
    const from = Math.max(t.validFrom, arrival(h));
    const to = h.leftOn === NONE ? t.validTo : t.validTo === NONE ? h.leftOn : Math.min(t.validTo, h.leftOn);
    if (to !== NONE && to <= from) return;
    rows.teamHouseholds.push({
      id: this.ids.next(ID_CARE),
      team_id: t.id,
      team_kind: t.kind,
      household_id: h.id,
      valid_from: iso(from),
      valid_to: isoOrNull(to),
    });
    this.report.teamHouseholds += 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

const tables = {
  households: [
    'households',
    'id uuid, ward_unit_id uuid, code text, address text, phone text, search_text text',
  ],
  placements: [
    'household_placements',
    'id uuid, household_id uuid, group_unit_id uuid, valid_from date, valid_to date',
  ],
  persons: [
    'persons',
    'id uuid, household_id uuid, ho text, ten_dem text, ten text, search_name text, sort_key text, sex text, birth_date date, birth_year smallint, relation text, is_head boolean, phone text, citizen_id_sealed text, citizen_id_hash text, citizen_id_mask text, position smallint',
  ],
  categories: [
    'household_categories',
    'id uuid, household_id uuid, category text, standard_period text, valid_from date, valid_to date, detail_sealed text',
  ],
  cultural: [
    'cultural_family_records',
    'id uuid, household_id uuid, year smallint, registered boolean, recognized boolean, reason text',
  ],
  teams: [
    'self_governing_teams',
    'id uuid, kind text, unit_id uuid, name text, search_name text, valid_from date, valid_to date',
  ],
  members: [
    'team_members',
    'id uuid, team_id uuid, person_id uuid, name text, phone text, role text, valid_from date, valid_to date',
  ],
  teamHouseholds: [
    'team_households',
    'id uuid, team_id uuid, team_kind text, household_id uuid, valid_from date, valid_to date',
  ],
} as const satisfies Record<keyof Rows, readonly [string, string]>;

const BATCH = 10_000;
/** Rows go to the database about once a ward: fewer statements for the figures' triggers to run. */
const FLUSH_PERSONS = 20_000;

type Loader = (table: string, columns: string, rows: readonly Row[]) => Promise<void>;

const columnNames = (columns: string) => columns.split(',').map((column) => column.trim().split(' ')[0]!);

/** Multi-row inserts from one JSON parameter: the same statement on PGlite and PostgreSQL. */
const jsonLoader =
  (tx: Db): Loader =>
  async (table, columns, rows) => {
    const names = columnNames(columns).join(', ');
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH));
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM json_to_recordset(${batch}::json) AS r(${sql.raw(columns)})`,
      );
    }
  };

type PgliteClient = {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
};

const copyNeedsEscape = /[\\\t\n\r]/;
const copyEscapes = /[\\\t\n\r]/g;
const copyEscape: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return copyNeedsEscape.test(text) ? text.replace(copyEscapes, (c) => copyEscape[c]!) : text;
}

/**
 * COPY from an in-memory file on PGlite: a parameter of many megabytes costs PGlite more to pass
 * than the database spends inserting it. Falls back to JSON where the client is not PGlite's.
 */
function pgliteLoader(tx: Db): Loader | null {
  const session = (tx as unknown as { _?: { session?: unknown } })._?.session;
  if (!is(session, PgliteSession)) return null;
  const client = (session as unknown as { client?: PgliteClient }).client;
  if (typeof client?.query !== 'function') return null;
  return async (table, columns, rows) => {
    if (rows.length === 0) return;
    const names = columnNames(columns);
    let text = '';
    for (const row of rows) {
      for (let i = 0; i < names.length; i += 1) {
        text += (i === 0 ? '' : '\t') + copyField(row[names[i]!]);
      }
      text += '\n';
    }
    await client.query(`COPY ${table} (${names.join(', ')}) FROM '/dev/blob'`, [], {
      blob: new Blob([text]),
    });
  };
}

/**
 * Loads into the tables with their secondary indexes set aside and rebuilt at the end, in the same
 * transaction: building an index once is several times faster than growing it row by row. Indexes
 * that back a constraint stay.
 */
async function withIndexesRebuilt<T>(
  tx: Db,
  tableNames: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema()
          AND t.relname IN (${sql.join(
            tableNames.map((name) => sql`${name}`),
            sql`, `,
          )})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${index.name}`));
  const result = await load();
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  // PGlite runs no autovacuum: without this the planner would never learn the tables' sizes.
  for (const name of tableNames) await tx.execute(sql`ANALYZE ${sql.identifier(name)}`);
  return result;
}

/**
 * The triggers that check the foreign keys of rows inserted into the tables. Rows made here
 * reference rows made here, so these checks only repeat the generator's, one row at a time;
 * turning them off needs a superuser (always so on PGlite), else they stay. Other triggers (the
 * figures kept as dated changes) are left on.
 */
async function foreignKeyTriggers(tx: Db, tableNames: readonly string[]) {
  const [role] = await queryRows<{ superuser: string }>(
    tx,
    sql`SELECT current_setting('is_superuser') AS superuser`,
  );
  if (role?.superuser !== 'on') return [];
  return queryRows<{ table: string; name: string }>(
    tx,
    sql`SELECT quote_ident(t.relname) AS table, quote_ident(tg.tgname) AS name
        FROM pg_trigger tg
        JOIN pg_constraint c ON c.oid = tg.tgconstraint AND c.contype = 'f' AND c.conrelid = tg.tgrelid
        JOIN pg_class t ON t.oid = tg.tgrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE tg.tgisinternal AND n.nspname = current_schema()
          AND t.relname IN (${sql.join(
            tableNames.map((name) => sql`${name}`),
            sql`, `,
          )})`,
  );
}

/**
 * The register as batches of rows, table by table, about one ward per batch; `report` counts what
 * was made so far. The same options give the same rows (and ids); only sealed values differ.
 */
export function* demoRegisterRows(
  options: DemoRegisterOptions,
  report: DemoRegisterReport = emptyReport(),
): Generator<Rows> {
  const rng = new Random(SEED);
  const ids = new Ids(rng);
  const plan = planRegister(rng, ids, options);
  const writer = new RegisterWriter(rng, ids, options.sealer, report);
  const wards = new Map<string, PlannedGroup[]>();
  for (const g of plan) wards.set(g.unit.wardCode, [...(wards.get(g.unit.wardCode) ?? []), g]);
  let rows = emptyRows();
  for (const groups of wards.values()) {
    writer.newWard();
    for (const g of groups) {
      writer.group(g, rows);
      if (rows.persons.length >= FLUSH_PERSONS) {
        yield rows;
        rows = emptyRows();
      }
    }
  }
  yield rows;
}

/** Seeds the register and the teams of the demo district; call inside the demo seeding transaction. */
export async function seedDemoRegister(tx: Db, options: DemoRegisterOptions): Promise<DemoRegisterReport> {
  const report = emptyReport();
  const load = pgliteLoader(tx) ?? jsonLoader(tx);
  const names = Object.values(tables).map(([table]) => table);
  const foreignKeys = await foreignKeyTriggers(tx, names);
  for (const t of foreignKeys) await tx.execute(sql.raw(`ALTER TABLE ${t.table} DISABLE TRIGGER ${t.name}`));
  await withIndexesRebuilt(tx, names, async () => {
    for (const rows of demoRegisterRows(options, report)) {
      // In the order of the foreign keys, in case their checks are on.
      for (const key of Object.keys(tables) as Array<keyof Rows>) {
        const [table, columns] = tables[key];
        await load(table, columns, rows[key]);
      }
    }
  });
  for (const t of foreignKeys) await tx.execute(sql.raw(`ALTER TABLE ${t.table} ENABLE TRIGGER ${t.name}`));
  await recordAudit(tx, systemContext(), {
    action: 'create',
    entityType: 'demo_seed',
    entityId: 'bac-tu-liem-register',
    unitId: options.districtUnitId,
    after: report,
  });
  return report;
}
