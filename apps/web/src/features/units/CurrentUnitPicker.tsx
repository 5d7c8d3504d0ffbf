import { useI18n } from '../../lib/i18n';
import { useAsOf, useCurrentUnitCode, useSelectUnit } from '../../lib/url-state';
import { UnitPicker } from './UnitPicker';

/** The header's unit picker: its choice drives the pages (units, users, audit). */
export function CurrentUnitPicker({ width }: { width: number | string }) {
  const { t } = useI18n();
  const { at } = useAsOf();
  const code = useCurrentUnitCode();
  const select = useSelectUnit();
  return (
    <UnitPicker
      at={at}
      value={code}
      onChange={(next) => select(next)}
      allowClear
      placeholder={t('picker.current')}
      style={{ width }}
      testId="unit-picker"
    />
  );
}
