import { ReloadOutlined } from '@ant-design/icons';
import { AuditAction, formatNumber } from '@doanket/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  Result,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, formatDateTime, fromDayjs } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useAsOf, useCurrentUnitCode } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { UnitPicker } from '../units/UnitPicker';
import { type AuditEventData, type AuditFilter, auditQuery } from './audit.api';

const entityTypes = ['unit', 'unit_list', 'user', 'role_grant', 'session', 'demo'] as const;
const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
  login: 'default',
  logout: 'default',
  reveal: 'orange',
};

function JsonBlock({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) {
    return (
      <div>
        <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>
      </div>
    );
  }
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const currentUnit = useCurrentUnitCode();
  // undefined = follow the header's unit; null = every unit in scope.
  const [unit, setUnit] = useState<string | null | undefined>(undefined);
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [actorInput, setActorInput] = useState('');
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<{ from?: Dayjs | null; to?: Dayjs | null }>({});

  const unitFilter = unit === undefined ? currentUnit : unit;
  const filter: AuditFilter = {
    unit: unitFilter ?? undefined,
    at: unitFilter ? at : undefined,
    entityType,
    action,
    actor: actor || undefined,
    from: range.from ? fromDayjs(range.from) : undefined,
    to: range.to ? fromDayjs(range.to) : undefined,
  };
  const events = useInfiniteQuery({ ...auditQuery(filter), enabled: canDo(me, 'audit.read') });

  if (!canDo(me, 'audit.read')) return <Result status="403" title={t('error.noAccess')} />;

  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  };

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => events.refetch()} aria-label={t('common.refresh')}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="audit-filters">
        <Col xs={24} md={12} xl={7}>
          <Typography.Text type="secondary">{t('audit.filter.unit')}</Typography.Text>
          <UnitPicker
            at={at}
            value={unitFilter}
            allowClear
            placeholder={t('audit.filter.allUnits')}
            testId="audit-unit"
            onChange={(code) => setUnit(code)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Typography.Text type="secondary">{t('audit.filter.entityType')}</Typography.Text>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={entityType}
            onChange={setEntityType}
            placeholder={t('audit.filter.any')}
            options={entityTypes.map((value) => ({ value, label: label('audit.entity', value) }))}
            data-testid="audit-entity-type"
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Typography.Text type="secondary">{t('audit.filter.action')}</Typography.Text>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={action}
            onChange={setAction}
            placeholder={t('audit.filter.any')}
            options={AuditAction.options.map((value) => ({ value, label: label('audit.action', value) }))}
            data-testid="audit-action"
          />
        </Col>
        <Col xs={24} md={8} xl={4}>
          <Typography.Text type="secondary">{t('audit.filter.actor')}</Typography.Text>
          <Input.Search
            allowClear
            value={actorInput}
            onChange={(event) => setActorInput(event.target.value)}
            onSearch={(value) => setActor(value.trim().toLowerCase())}
            placeholder={t('audit.filter.actorHint')}
            data-testid="audit-actor"
          />
        </Col>
        <Col xs={12} md={8} xl={3}>
          <Typography.Text type="secondary">{t('audit.filter.from')}</Typography.Text>
          <DatePicker
            format={dateFormat}
            style={{ width: '100%' }}
            value={range.from ?? null}
            onChange={(value) => setRange((current) => ({ ...current, from: value }))}
            data-testid="audit-from"
          />
        </Col>
        <Col xs={12} md={8} xl={3}>
          <Typography.Text type="secondary">{t('audit.filter.to')}</Typography.Text>
          <DatePicker
            format={dateFormat}
            style={{ width: '100%' }}
            value={range.to ?? null}
            onChange={(value) => setRange((current) => ({ ...current, to: value }))}
            data-testid="audit-to"
          />
        </Col>
      </Row>
      {events.error ? <ErrorAlert error={events.error} /> : null}
      <Table<AuditEventData>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        loading={events.isFetching && !events.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        expandable={{
          expandedRowRender: (event) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <JsonBlock value={event.before} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <JsonBlock value={event.after} />
              </Col>
              {event.requestId ? (
                <Col span={24}>
                  <Typography.Text type="secondary">
                    {t('error.requestId', { id: event.requestId })}
                  </Typography.Text>
                </Col>
              ) : null}
            </Row>
          ),
        }}
        columns={[
          {
            title: t('audit.col.at'),
            dataIndex: 'at',
            width: 150,
            render: (value: string) => <span data-testid="audit-time">{formatDateTime(value)}</span>,
          },
          {
            title: t('audit.col.actor'),
            dataIndex: 'actorUsername',
            width: 130,
            render: (value: string | null) =>
              value ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
          },
          {
            title: t('audit.col.action'),
            dataIndex: 'action',
            width: 120,
            render: (value: string) => (
              <Tag color={actionColors[value] ?? 'default'}>{label('audit.action', value)}</Tag>
            ),
          },
          {
            title: t('audit.col.entity'),
            key: 'entity',
            render: (_value, event) => (
              <span>
                {label('audit.entity', event.entityType)}
                {event.entityId ? (
                  <Typography.Text type="secondary"> · {event.entityId}</Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            title: t('audit.col.unit'),
            key: 'unit',
            render: (_value, event) =>
              event.unitCode ? (
                <span>
                  {event.unitName ?? ''} <Typography.Text type="secondary">{event.unitCode}</Typography.Text>
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="audit-count">
          {t('audit.shown', { count: formatNumber(rows.length) })}
        </Typography.Text>
        {events.hasNextPage ? (
          <Button
            onClick={() => events.fetchNextPage()}
            loading={events.isFetchingNextPage}
            data-testid="audit-more"
          >
            {t('audit.more')}
          </Button>
        ) : rows.length > 0 ? (
          <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        ) : null}
      </Flex>
      {events.isError && !events.data ? (
        <Typography.Text type="danger">{errorText(events.error)}</Typography.Text>
      ) : null}
    </Card>
  );
}
