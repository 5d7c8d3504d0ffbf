import type { UnitKind, UnitSubkind } from './contracts';

const prefixes: Array<[string, UnitSubkind]> = [
  ['thị trấn', 'thi_tran'],
  ['thị xã', 'thi_xa'],
  ['thành phố', 'thanh_pho'],
  ['đặc khu', 'dac_khu'],
  ['phường', 'phuong'],
  ['tỉnh', 'tinh'],
  ['quận', 'quan'],
  ['huyện', 'huyen'],
  ['xã', 'xa'],
];

/** Reads the sub-kind from an official full name ("Phường Xuân Đỉnh" → phuong). */
export function subkindFromName(fullName: string, kind: UnitKind): UnitSubkind | null {
  const lower = fullName.normalize('NFC').trim().toLocaleLowerCase('vi');
  for (const [prefix, subkind] of prefixes) {
    if (lower.startsWith(`${prefix} `)) {
      if (subkind === 'thanh_pho' && kind === 'province') return 'thanh_pho_tw';
      return subkind;
    }
  }
  return null;
}

/** The kind a child of a unit of this kind must have (residential groups sit under wards). */
export function childKindsOf(kind: UnitKind): UnitKind[] {
  switch (kind) {
    case 'province':
      return ['district', 'ward'];
    case 'district':
      return ['ward'];
    case 'ward':
      return ['residential_group'];
    case 'residential_group':
      return [];
  }
}

type Period = { validFrom: string; validTo: string | null };

/** True when the date falls in the half-open period [validFrom, validTo). */
export function isValidOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || date < period.validTo);
}

/** True when the inner period lies within the outer one. */
export function periodWithin(inner: Period, outer: Period): boolean {
  if (inner.validFrom < outer.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

/** The code given to the n-th residential group created under a ward: "00610.007". */
export function residentialGroupCode(wardCode: string, sequence: number): string {
  return `${wardCode}.${String(sequence).padStart(3, '0')}`;
}
