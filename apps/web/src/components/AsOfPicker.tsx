import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker } from 'antd';
import { dateFormat, fromDayjs, toDayjs, todayInVietnam } from '../lib/dates';
import { useI18n } from '../lib/i18n';
import { useAsOf } from '../lib/url-state';

/** The global "as of" date; every page reads the tree and the data as they were on it. */
export function AsOfPicker() {
  const { t } = useI18n();
  const { at, setAt } = useAsOf();
  return (
    <span data-testid="as-of-date" className="as-of-picker">
      <DatePicker
        value={toDayjs(at)}
        format={dateFormat}
        allowClear={false}
        suffixIcon={<CalendarOutlined />}
        aria-label={t('asOf.label')}
        style={{ width: 150 }}
        presets={[
          { label: t('asOf.today'), value: toDayjs(todayInVietnam()) },
          { label: t('asOf.beforeReform'), value: toDayjs('2025-06-30') },
          { label: t('asOf.afterReform'), value: toDayjs('2025-07-01') },
        ]}
        onChange={(value) => {
          if (value?.isValid()) setAt(fromDayjs(value));
        }}
      />
    </span>
  );
}
