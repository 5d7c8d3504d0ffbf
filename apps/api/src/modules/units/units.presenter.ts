import type { Unit, UnitSubkind } from '@doanket/domain';
import type { UnitVersionRow } from './units.repository';

export function presentUnit(row: UnitVersionRow, parentCode: string | null, hasChildren: boolean): Unit {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    subkind: (row.subkind as UnitSubkind | null) ?? null,
    parentCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    resolution: row.resolution,
    hasChildren,
  };
}
