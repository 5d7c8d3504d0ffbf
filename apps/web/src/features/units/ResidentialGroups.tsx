import { CloseCircleOutlined, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { compareVietnamese, formatNumber, matchesSearch } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { GroupChangeModal, type GroupChangeMode } from './GroupChangeModal';
import { subkindLabel, validityText } from './unit-labels';
import { type UnitDetailData, type UnitItem, unitChildrenQuery } from './units.api';

/** The residential groups of a ward on the date, and what the officer may change. */
export function ResidentialGroups({ ward, at }: { ward: UnitDetailData; at: string }) {
  const { t } = useI18n();
  const children = useQuery(unitChildrenQuery(at, ward.code));
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ mode: GroupChangeMode; group: UnitItem | null } | null>(null);

  const groups = (children.data ?? [])
    .filter((unit) => unit.kind === 'residential_group')
    .filter((unit) => !filter.trim() || matchesSearch(`${unit.name} ${unit.code}`, filter))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const total = (children.data ?? []).filter((unit) => unit.kind === 'residential_group').length;

  return (
    <div data-testid="groups">
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="groups-count">
          {t('groups.count', { count: formatNumber(total) })}
        </Typography.Text>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('groups.search')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            style={{ width: 220 }}
            data-testid="groups-search"
          />
          {ward.canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'add', group: null })}
              data-testid="group-add"
            >
              {t('groups.add.button')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {children.error ? <ErrorAlert error={children.error} /> : null}
      <Table<UnitItem>
        size="small"
        data-testid="groups-table"
        rowKey="code"
        loading={children.isFetching && !children.data}
        dataSource={groups}
        pagination={groups.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('groups.empty') }}
        onRow={(group) => ({ 'data-testid': `group-row-${group.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('unit.name'),
            dataIndex: 'name',
            width: 200,
            render: (name: string, group) => (
              <Link to={`/units/${encodeURIComponent(group.code)}?at=${at}`} data-testid="group-name-link">
                {name}
              </Link>
            ),
          },
          { title: t('unit.code'), dataIndex: 'code', width: 110 },
          {
            title: t('unit.type'),
            dataIndex: 'subkind',
            width: 110,
            render: (_value, group) => subkindLabel(t, group.kind, group.subkind),
          },
          {
            title: t('unit.validity'),
            key: 'validity',
            render: (_value, group) => <span className="small-text">{validityText(t, group)}</span>,
          },
          ...(ward.canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 140,
                  fixed: 'right' as const,
                  render: (_value: unknown, group: UnitItem) => (
                    <Space size={0}>
                      <Tooltip title={t('groups.rename.title')}>
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('groups.rename.title')}
                          data-testid={`group-rename-${group.code}`}
                          onClick={() => setEditing({ mode: 'rename', group })}
                        />
                      </Tooltip>
                      <Tooltip title={t('groups.move.title')}>
                        <Button
                          type="text"
                          icon={<SwapOutlined />}
                          aria-label={t('groups.move.title')}
                          data-testid={`group-move-${group.code}`}
                          onClick={() => setEditing({ mode: 'move', group })}
                        />
                      </Tooltip>
                      <Tooltip title={t('groups.close.title')}>
                        <Button
                          type="text"
                          danger
                          icon={<CloseCircleOutlined />}
                          aria-label={t('groups.close.title')}
                          data-testid={`group-close-${group.code}`}
                          onClick={() => setEditing({ mode: 'close', group })}
                        />
                      </Tooltip>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <GroupChangeModal
          key={`${editing.mode}|${editing.group?.code ?? ''}`}
          mode={editing.mode}
          ward={ward}
          group={editing.group}
          at={at}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
