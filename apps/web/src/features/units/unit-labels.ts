import type { UnitKind, UnitSubkind } from '@doanket/domain';
import { formatDate, previousDay } from '../../lib/dates';
import type { MessageKey, Translate } from '../../lib/i18n';

export function kindLabel(t: Translate, kind: UnitKind): string {
  return t(`unit.kind.${kind}` as MessageKey);
}

/** The unit's own title (Phường, Thôn…), falling back to its level. */
export function subkindLabel(t: Translate, kind: UnitKind, subkind: UnitSubkind | null): string {
  return subkind ? t(`unit.subkind.${subkind}` as MessageKey) : kindLabel(t, kind);
}

/** "Từ 01/04/2014 đến hết 30/06/2025": validTo is the first day no longer valid. */
export function validityText(t: Translate, unit: { validFrom: string; validTo: string | null }): string {
  if (!unit.validTo) return t('unit.validity.open', { from: formatDate(unit.validFrom) });
  return t('unit.validity.closed', {
    from: formatDate(unit.validFrom),
    to: formatDate(previousDay(unit.validTo)),
  });
}

export function isValidOn(unit: { validFrom: string; validTo: string | null }, at: string): boolean {
  return unit.validFrom <= at && (unit.validTo === null || at < unit.validTo);
}
