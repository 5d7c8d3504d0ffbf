import { randomUUID } from 'node:crypto';
import {
  foldDiacritics,
  type ImportProblem,
  type MergesMap,
  normalizeOfficialName,
  previousDay,
  subkindFromName,
  type ThreeLevelList,
  type TwoLevelList,
  type UnitKind,
  type UnitsImportReport,
} from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { unitLineage, unitVersions } from '../../db/schema/index';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';

export type UnitsImportInput = {
  threeLevel?: ThreeLevelList;
  twoLevel?: TwoLevelList;
  merges?: MergesMap;
  /** First day of the new map (1 July 2025). */
  reformDate: string;
  /** Start of validity given to units of the old list that are not known yet. */
  since: string;
  resolution: string | null;
  /** Links the operator has found wrong, as predecessor and successor codes. */
  exclude: Array<{ predecessor: string; successor: string }>;
  dryRun: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
};

type VersionRow = {
  id: string;
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  subkind: string | null;
  parentUnitId: string | null;
  validFrom: string;
  validTo: string | null;
  resolution: string | null;
};

type Counts = { created: number; updated: number; unchanged: number };
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const BATCH = 5000;

class DryRun extends Error {}

/**
 * Writes many rows in one statement per batch: the rows travel as one JSON parameter, which
 * both drivers send alike and PostgreSQL unpacks with json_to_recordset.
 */
async function insertRecords(tx: Db, table: string, columns: string, records: object[]): Promise<void> {
  const names = columns
    .split(',')
    .map((column) => column.trim().split(' ')[0])
    .join(', ');
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = JSON.stringify(records.slice(i, i + BATCH));
    await tx.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM json_to_recordset(${batch}::json) AS r(${sql.raw(columns)})`,
    );
  }
}

const cleanName = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim();
const isValidOn = (v: VersionRow, date: string) =>
  v.validFrom <= date && (v.validTo === null || date < v.validTo);

/** The units of the country as the import sees them: every non-group version, indexed by code. */
class Registry {
  private byCode = new Map<string, VersionRow[]>();
  private byUnit = new Map<string, VersionRow[]>();
  readonly byId = new Map<string, VersionRow>();
  readonly inserts: VersionRow[] = [];
  readonly newUnits: Array<{ id: string; kind: UnitKind }> = [];
  readonly updates = new Map<string, VersionRow>();

  constructor(rows: VersionRow[]) {
    for (const row of rows) this.index(row);
  }

  private index(row: VersionRow) {
    const list = this.byCode.get(row.code) ?? [];
    list.push(row);
    this.byCode.set(row.code, list);
    const versions = this.byUnit.get(row.unitId) ?? [];
    versions.push(row);
    this.byUnit.set(row.unitId, versions);
    this.byId.set(row.id, row);
  }

  at(code: string, kind: UnitKind, date: string): VersionRow | undefined {
    return this.byCode.get(code)?.find((row) => row.kind === kind && isValidOn(row, date));
  }

  /** Any version of a unit of this kind and code, newest first. */
  any(code: string, kind: UnitKind): VersionRow[] {
    return (this.byCode.get(code) ?? [])
      .filter((row) => row.kind === kind)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  }

  versionOfUnitAt(unitId: string, date: string): VersionRow | undefined {
    return this.byUnit.get(unitId)?.find((row) => isValidOn(row, date));
  }

  add(row: Omit<VersionRow, 'id'>, isNewUnit: boolean): VersionRow {
    const full = { ...row, id: randomUUID() };
    if (isNewUnit) this.newUnits.push({ id: row.unitId, kind: row.kind });
    this.inserts.push(full);
    this.index(full);
    return full;
  }

  change(row: VersionRow, fields: Partial<VersionRow>) {
    Object.assign(row, fields);
    if (!this.inserts.includes(row)) this.updates.set(row.id, row);
  }
}

type Desired = {
  code: string;
  name: string;
  kind: UnitKind;
  parentUnitId: string | null;
  era: 'old' | 'new';
};

export async function importUnits(
  db: Db,
  ctx: RequestContext,
  input: UnitsImportInput,
): Promise<UnitsImportReport> {
  const started = performance.now();
  const lastOldDay = previousDay(input.reformDate);
  const problems: ImportProblem[] = [];
  const report = {
    provinces: zero(),
    districts: zero(),
    oldWards: zero(),
    newWards: zero(),
    lineage: { ...zero(), skipped: 0 },
  };
  const progress = input.onProgress ?? (() => {});

  try {
    await db.transaction(async (tx) => {
      const existing = await queryRows<{
        id: string;
        unit_id: string;
        code: string;
        name: string;
        kind: UnitKind;
        subkind: string | null;
        parent_unit_id: string | null;
        valid_from: string;
        valid_to: string | null;
        resolution: string | null;
      }>(
        tx,
        sql`SELECT id::text, unit_id::text, code, name, kind::text AS kind, subkind, parent_unit_id::text,
              valid_from::text, valid_to::text, resolution
            FROM unit_versions WHERE kind <> 'residential_group'`,
      );
      const registry = new Registry(
        existing.map((row) => ({
          id: row.id,
          unitId: row.unit_id,
          code: row.code,
          name: row.name,
          kind: row.kind,
          subkind: row.subkind,
          parentUnitId: row.parent_unit_id,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          resolution: row.resolution,
        })),
      );

      /** Makes the registry hold the unit as the list describes it in its era; returns its unit id. */
      const ensure = (desired: Desired, counts: Counts): string => {
        const probe = desired.era === 'old' ? lastOldDay : input.reformDate;
        const name = cleanName(desired.name);
        const subkind = subkindFromName(name, desired.kind);
        const current = registry.at(desired.code, desired.kind, probe);
        if (current) {
          const fields: Partial<VersionRow> = {};
          if (current.name !== name) fields.name = name;
          if (current.parentUnitId !== desired.parentUnitId) fields.parentUnitId = desired.parentUnitId;
          if (current.subkind !== subkind) fields.subkind = subkind;
          const spansReform =
            current.validFrom < input.reformDate && (current.validTo ?? '9999') > input.reformDate;
          if (desired.era === 'old' && spansReform && desired.kind !== 'province') {
            // Districts and wards of the old map ended with it.
            fields.validTo = input.reformDate;
          }
          if (Object.keys(fields).length === 0) {
            counts.unchanged += 1;
            return current.unitId;
          }
          if (spansReform && desired.kind === 'province' && (fields.name || fields.parentUnitId)) {
            // A province that continues under another name: a new version from the reform on.
            registry.change(current, { validTo: input.reformDate });
            registry.add(
              {
                ...current,
                ...fields,
                validFrom: input.reformDate,
                validTo: null,
                resolution: input.resolution,
              },
              false,
            );
          } else {
            registry.change(current, fields);
          }
          counts.updated += 1;
          return current.unitId;
        }
        if (desired.kind === 'province') {
          // The same province code on both sides of the reform is one province that continues.
          const other = registry.any(desired.code, 'province')[0];
          if (other) {
            const adjacent =
              desired.era === 'new'
                ? other.validTo === input.reformDate
                : other.validFrom === input.reformDate;
            if (adjacent && other.name === name && other.parentUnitId === desired.parentUnitId) {
              registry.change(other, desired.era === 'new' ? { validTo: null } : { validFrom: input.since });
              counts.updated += 1;
              return other.unitId;
            }
            registry.add(
              {
                unitId: other.unitId,
                code: desired.code,
                name,
                kind: 'province',
                subkind,
                parentUnitId: null,
                validFrom: desired.era === 'old' ? input.since : input.reformDate,
                validTo: desired.era === 'old' ? input.reformDate : null,
                resolution: input.resolution,
              },
              false,
            );
            counts.updated += 1;
            return other.unitId;
          }
        }
        const unitId = randomUUID();
        registry.add(
          {
            unitId,
            code: desired.code,
            name,
            kind: desired.kind,
            subkind,
            parentUnitId: desired.parentUnitId,
            validFrom: desired.era === 'old' ? input.since : input.reformDate,
            validTo: desired.era === 'old' ? input.reformDate : null,
            resolution: desired.era === 'new' ? input.resolution : null,
          },
          true,
        );
        counts.created += 1;
        return unitId;
      };

      const seen = new Set<string>();
      const firstTime = (key: string, code: string, name: string) => {
        if (!seen.has(key)) {
          seen.add(key);
          return true;
        }
        problems.push({
          severity: 'error',
          kind: 'duplicate_code',
          code,
          name,
          detail: 'Bỏ qua lần xuất hiện sau',
        });
        return false;
      };

      if (input.threeLevel) {
        const total = input.threeLevel.length;
        input.threeLevel.forEach((province, index) => {
          if (!firstTime(`p-old:${province.Code}`, province.Code, province.FullName)) return;
          const provinceId = ensure(
            {
              code: province.Code,
              name: province.FullName,
              kind: 'province',
              parentUnitId: null,
              era: 'old',
            },
            report.provinces,
          );
          for (const district of province.District ?? []) {
            if (!firstTime(`d:${district.Code}`, district.Code, district.FullName)) continue;
            const districtId = ensure(
              {
                code: district.Code,
                name: district.FullName,
                kind: 'district',
                parentUnitId: provinceId,
                era: 'old',
              },
              report.districts,
            );
            for (const ward of district.Ward ?? []) {
              if (!firstTime(`w-old:${ward.Code}`, ward.Code, ward.FullName)) continue;
              ensure(
                { code: ward.Code, name: ward.FullName, kind: 'ward', parentUnitId: districtId, era: 'old' },
                report.oldWards,
              );
            }
          }
          progress('three-level', index + 1, total);
        });
      }

      if (input.twoLevel) {
        const total = input.twoLevel.length;
        input.twoLevel.forEach((province, index) => {
          if (!firstTime(`p-new:${province.Code}`, province.Code, province.FullName)) return;
          const provinceId = ensure(
            {
              code: province.Code,
              name: province.FullName,
              kind: 'province',
              parentUnitId: null,
              era: 'new',
            },
            report.provinces,
          );
          for (const ward of province.Wards ?? []) {
            if (!firstTime(`w-new:${ward.Code}`, ward.Code, ward.FullName)) continue;
            ensure(
              { code: ward.Code, name: ward.FullName, kind: 'ward', parentUnitId: provinceId, era: 'new' },
              report.newWards,
            );
          }
          progress('two-level', index + 1, total);
        });
      }

      const lineage: Array<{ predecessorId: string; successorId: string; type: 'full' | 'partial' }> = [];
      if (input.merges) {
        const excluded = new Set(input.exclude.map((link) => `${link.predecessor}>${link.successor}`));
        const provinceOf = (row: VersionRow): VersionRow | undefined => {
          let current: VersionRow | undefined = row;
          for (let depth = 0; current && current.kind !== 'province' && depth < 5; depth += 1) {
            current = current.parentUnitId
              ? registry.versionOfUnitAt(current.parentUnitId, lastOldDay)
              : undefined;
          }
          return current;
        };
        const oldUnit = (code: string) =>
          registry.at(code, 'ward', lastOldDay) ?? registry.at(code, 'district', lastOldDay);
        const sameName = (a: string, b: string) => normalizeOfficialName(a) === normalizeOfficialName(b);
        const linkedOld = new Set<string>();
        const linkedNew = new Set<string>();
        const total = input.merges.data.length;
        input.merges.data.forEach((province, index) => {
          const newProvince = registry.at(province.level1_id, 'province', input.reformDate);
          const oldProvinceCodes = new Set(province.merges.map((source) => source.old_id));
          if (!newProvince) {
            problems.push({
              severity: 'error',
              kind: 'unknown_new_unit',
              code: province.level1_id,
              name: province.name,
              detail: 'Tỉnh mới không có trong danh mục / province not in the two-level list',
            });
          } else {
            for (const source of province.merges) {
              const old = registry.at(source.old_id, 'province', lastOldDay);
              if (!old) {
                problems.push({
                  severity: 'error',
                  kind: 'unknown_predecessor',
                  code: source.old_id,
                  name: source.name,
                  detail: `→ ${province.level1_id}`,
                });
                continue;
              }
              if (old.unitId !== newProvince.unitId) {
                lineage.push({
                  predecessorId: old.unitId,
                  successorId: newProvince.unitId,
                  type: source.type,
                });
              }
            }
          }
          for (const ward of province.level2s) {
            const successor = registry.at(ward.level2_id, 'ward', input.reformDate);
            if (!successor) {
              problems.push({
                severity: 'error',
                kind: 'unknown_new_unit',
                code: ward.level2_id,
                name: ward.name,
                detail:
                  'Không có trong danh mục 2 cấp; bỏ qua liên kết / not in the two-level list; links skipped',
              });
              report.lineage.skipped += ward.merges.length;
              continue;
            }
            linkedNew.add(successor.unitId);
            if (!sameName(successor.name, ward.name)) {
              problems.push({
                severity: 'warning',
                kind: 'name_mismatch',
                code: ward.level2_id,
                name: ward.name,
                detail: `Danh mục 2 cấp: ${successor.name}`,
              });
            }
            const sources = ward.merges.map((source) => ({ source, old: oldUnit(source.old_id) }));
            const districtCounts = new Map<string, number>();
            for (const { old } of sources) {
              if (old?.parentUnitId)
                districtCounts.set(old.parentUnitId, (districtCounts.get(old.parentUnitId) ?? 0) + 1);
            }
            for (const { source, old } of sources) {
              const label = `${source.old_id} ${source.name} → ${ward.level2_id} ${ward.name}`;
              if (!old) {
                problems.push({
                  severity: 'error',
                  kind: 'unknown_predecessor',
                  code: source.old_id,
                  name: source.name,
                  detail: label,
                });
                report.lineage.skipped += 1;
                continue;
              }
              if (excluded.has(`${source.old_id}>${ward.level2_id}`)) {
                problems.push({
                  severity: 'warning',
                  kind: 'excluded_link',
                  code: source.old_id,
                  name: source.name,
                  detail: label,
                });
                report.lineage.skipped += 1;
                continue;
              }
              const oldProvince = provinceOf(old);
              if (oldProvince && !oldProvinceCodes.has(oldProvince.code)) {
                problems.push({
                  severity: 'error',
                  kind: 'cross_province',
                  code: source.old_id,
                  name: source.name,
                  detail: `${label}: ${oldProvince.name} không sáp nhập vào ${province.name}`,
                });
                report.lineage.skipped += 1;
                continue;
              }
              if (!sameName(old.name, source.name)) {
                problems.push({
                  severity: 'warning',
                  kind: 'name_mismatch',
                  code: source.old_id,
                  name: source.name,
                  detail: `Danh mục 3 cấp: ${old.name}`,
                });
              }
              if (
                source.type === 'partial' &&
                old.kind === 'ward' &&
                districtCounts.size > 1 &&
                districtCounts.get(old.parentUnitId ?? '') === 1
              ) {
                const district = old.parentUnitId
                  ? registry.versionOfUnitAt(old.parentUnitId, lastOldDay)
                  : undefined;
                problems.push({
                  severity: 'warning',
                  kind: 'cross_district_partial',
                  code: source.old_id,
                  name: source.name,
                  detail: `${label} (${district?.name ?? '?'}); loại bằng --exclude ${source.old_id}:${ward.level2_id} nếu sai`,
                });
              }
              linkedOld.add(old.unitId);
              lineage.push({ predecessorId: old.unitId, successorId: successor.unitId, type: source.type });
            }
          }
          progress('merges', index + 1, total);
        });
        for (const row of registry.byId.values()) {
          if (row.kind !== 'ward') continue;
          if (
            row.validFrom >= input.reformDate &&
            isValidOn(row, input.reformDate) &&
            !linkedNew.has(row.unitId)
          ) {
            problems.push({
              severity: 'warning',
              kind: 'new_unit_without_lineage',
              code: row.code,
              name: row.name,
              detail: 'Không có trong bảng sáp nhập / not in the merge map',
            });
          }
          if (isValidOn(row, lastOldDay) && row.validTo === input.reformDate && !linkedOld.has(row.unitId)) {
            problems.push({
              severity: 'warning',
              kind: 'old_unit_without_successor',
              code: row.code,
              name: row.name,
              detail: 'Không có đơn vị kế thừa / no successor',
            });
          }
        }
      }

      progress('write', 0, 1);
      await insertRecords(tx, 'units', 'id uuid, kind unit_kind', registry.newUnits);
      await insertRecords(
        tx,
        'unit_versions',
        'id uuid, unit_id uuid, code text, name text, search_name text, kind unit_kind, subkind text, parent_unit_id uuid, valid_from date, valid_to date, resolution text',
        registry.inserts.map((row) => ({
          id: row.id,
          unit_id: row.unitId,
          code: row.code,
          name: row.name,
          search_name: foldDiacritics(row.name),
          kind: row.kind,
          subkind: row.subkind,
          parent_unit_id: row.parentUnitId,
          valid_from: row.validFrom,
          valid_to: row.validTo,
          resolution: row.resolution,
        })),
      );
      for (const row of registry.updates.values()) {
        await tx
          .update(unitVersions)
          .set({
            name: row.name,
            searchName: foldDiacritics(row.name),
            subkind: row.subkind,
            parentUnitId: row.parentUnitId,
            validFrom: row.validFrom,
            validTo: row.validTo,
          })
          .where(sql`${unitVersions.id} = ${row.id}`);
      }
      const links = await queryRows<{
        predecessor_id: string;
        successor_id: string;
        type: string;
        id: string;
      }>(
        tx,
        sql`SELECT id::text, predecessor_id::text, successor_id::text, type::text FROM unit_lineage WHERE effective_date = ${input.reformDate}`,
      );
      const known = new Map(links.map((link) => [`${link.predecessor_id}|${link.successor_id}`, link]));
      const fresh = new Map<string, (typeof lineage)[number]>();
      for (const link of lineage) {
        const key = `${link.predecessorId}|${link.successorId}`;
        const found = known.get(key);
        if (!found) {
          if (!fresh.has(key)) fresh.set(key, link);
          continue;
        }
        if (found.type !== link.type) {
          await tx.update(unitLineage).set({ type: link.type }).where(sql`${unitLineage.id} = ${found.id}`);
          report.lineage.updated += 1;
        } else {
          report.lineage.unchanged += 1;
        }
      }
      const freshRows = [...fresh.values()].map((link) => ({
        predecessor_id: link.predecessorId,
        successor_id: link.successorId,
        type: link.type,
        effective_date: input.reformDate,
        resolution: input.resolution,
      }));
      await insertRecords(
        tx,
        'unit_lineage',
        'predecessor_id uuid, successor_id uuid, type lineage_type, effective_date date, resolution text',
        freshRows,
      );
      report.lineage.created = freshRows.length;
      progress('write', 1, 1);

      const changed =
        registry.inserts.length + registry.updates.size + report.lineage.created + report.lineage.updated;
      if (changed > 0) {
        await recordAudit(tx, ctx, {
          action: 'import',
          entityType: 'unit_list',
          entityId: null,
          unitId: null,
          after: { ...report, problems: problems.length, reformDate: input.reformDate, dryRun: input.dryRun },
        });
      }
      if (input.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { ...report, problems, durationMs: Math.round(performance.now() - started) };
}
