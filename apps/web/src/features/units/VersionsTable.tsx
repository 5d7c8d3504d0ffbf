import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, previousDay } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { UnitDetailData } from './units.api';

type Version = UnitDetailData['versions'][number];

/** Each version of the unit; a click opens the unit as it was during that version. */
export function VersionsTable({ versions, at }: { versions: UnitDetailData['versions']; at: string }) {
  const { t } = useI18n();
  const isCurrent = (version: Version) =>
    version.validFrom <= at && (version.validTo === null || at < version.validTo);
  return (
    <Table<Version>
      size="small"
      data-testid="versions-table"
      rowKey={(version) => `${version.code}|${version.validFrom}`}
      dataSource={[...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom))}
      pagination={false}
      scroll={{ x: 640 }}
      rowClassName={(version) => (isCurrent(version) ? 'row-current' : '')}
      columns={[
        {
          title: t('versions.from'),
          dataIndex: 'validFrom',
          width: 110,
          render: (value: string, version) => (
            <Link to={`/units/${encodeURIComponent(version.code)}?at=${value}`}>{formatDate(value)}</Link>
          ),
        },
        {
          title: t('versions.to'),
          dataIndex: 'validTo',
          width: 110,
          render: (value: string | null) => (value ? formatDate(previousDay(value)) : t('versions.open')),
        },
        { title: t('unit.name'), dataIndex: 'name' },
        {
          title: t('unit.parent'),
          dataIndex: 'parentName',
          render: (value: string | null, version) =>
            value ? `${value} (${version.parentCode})` : (version.parentCode ?? '—'),
        },
        {
          title: t('unit.resolution'),
          dataIndex: 'resolution',
          render: (value: string | null) => value ?? '—',
        },
      ]}
    />
  );
}
