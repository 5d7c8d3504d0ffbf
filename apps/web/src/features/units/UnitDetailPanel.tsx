import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { LineagePanel } from './LineagePanel';
import { ResidentialGroups } from './ResidentialGroups';
import { UnitKindIcon } from './UnitKindIcon';
import { kindLabel, subkindLabel, validityText } from './unit-labels';
import { unitDetailQuery } from './units.api';
import { VersionsTable } from './VersionsTable';

type Tab = 'info' | 'groups' | 'history';

export function UnitDetailPanel({ code, at, tab }: { code: string; at: string; tab?: 'groups' }) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const detail = useQuery(unitDetailQuery(code, at));
  const [localTab, setLocalTab] = useState<Exclude<Tab, 'groups'>>('info');

  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    const isMissing = detail.error instanceof ApiError && [403, 404].includes(detail.error.status);
    return (
      <Card>
        <Result
          status={isMissing ? '404' : 'error'}
          title={isMissing ? t('units.notFound.title', { code }) : t('error.title')}
          subTitle={
            <span data-testid="unit-error">
              {errorText(detail.error)} {isMissing ? t('units.notFound.hint', { date: formatDate(at) }) : ''}
            </span>
          }
        />
      </Card>
    );
  }

  const unit = detail.data;
  const parent = unit.path.length > 1 ? unit.path[unit.path.length - 2] : undefined;
  const isWard = unit.kind === 'ward';
  const activeTab: Tab = tab === 'groups' && isWard ? 'groups' : localTab;
  const base = `/units/${encodeURIComponent(unit.code)}`;

  const info = (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        data-testid="unit-info"
        items={[
          { key: 'code', label: t('unit.code'), children: <span data-testid="unit-code">{unit.code}</span> },
          { key: 'name', label: t('unit.name'), children: <span data-testid="unit-name">{unit.name}</span> },
          { key: 'kind', label: t('unit.level'), children: kindLabel(t, unit.kind) },
          { key: 'type', label: t('unit.type'), children: subkindLabel(t, unit.kind, unit.subkind) },
          {
            key: 'parent',
            label: t('unit.parent'),
            children: parent ? (
              <Link to={`/units/${encodeURIComponent(parent.code)}?at=${at}`}>
                {parent.name} ({parent.code})
              </Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'validity',
            label: t('unit.validity'),
            children: <span data-testid="unit-validity">{validityText(t, unit)}</span>,
          },
          {
            key: 'resolution',
            label: t('unit.resolution'),
            span: 'filled',
            children: unit.resolution ?? '—',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('lineage.title')}
      </Typography.Title>
      <LineagePanel code={unit.code} at={at} />
    </>
  );

  return (
    <Card
      data-testid="unit-detail"
      title={
        <div className="detail-title">
          <UnitKindIcon kind={unit.kind} /> <span data-testid="unit-title">{unit.name}</span>{' '}
          <Tag color="red">{subkindLabel(t, unit.kind, unit.subkind)}</Tag>
          {unit.canWrite ? <Tag color="green">{t('units.canWrite')}</Tag> : null}
        </div>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={unit.path.map((step) => ({
          key: step.code,
          title:
            step.code === unit.code ? (
              step.name
            ) : (
              <Link to={`/units/${encodeURIComponent(step.code)}?at=${at}`}>{step.name}</Link>
            ),
        }))}
      />
      <Tabs
        activeKey={activeTab}
        onChange={(key) => {
          if (key === 'groups') {
            navigate(`${base}/groups?at=${at}`);
            return;
          }
          setLocalTab(key as Exclude<Tab, 'groups'>);
          if (tab === 'groups') navigate(`${base}?at=${at}`);
        }}
        items={[
          { key: 'info', label: <span data-testid="tab-info">{t('units.tab.info')}</span>, children: info },
          ...(isWard
            ? [
                {
                  key: 'groups',
                  label: <span data-testid="tab-groups">{t('units.tab.groups')}</span>,
                  children: <ResidentialGroups ward={unit} at={at} />,
                },
              ]
            : []),
          {
            key: 'history',
            label: (
              <span data-testid="tab-history">{t('units.tab.history', { count: unit.versions.length })}</span>
            ),
            children: <VersionsTable versions={unit.versions} at={at} />,
          },
        ]}
      />
    </Card>
  );
}
