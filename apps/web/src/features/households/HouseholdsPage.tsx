import { CloseOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Grid, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { yearParam } from '../reports/drill-filters';
import { teamsQuery } from '../teams/teams.api';
import { CreateHouseholdModal } from './HouseholdForms';
import { categoryColor, categoryLabel, foldedSearch } from './household-labels';
import {
  categoryKindsQuery,
  type HouseholdFilter,
  type HouseholdListItem,
  householdsExportUrl,
  householdsQuery,
} from './households.api';
import { usePageUnit } from './use-page-unit';

const pageSizes = [20, 50, 100];

export function HouseholdsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const team = params.get('team');
  const culturalYear = yearParam(params.get('culturalYear'));
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = pageSizes.includes(Number(params.get('size'))) ? Number(params.get('size')) : 50;
  const [search, setSearch] = useState(q);
  const [isCreating, setCreating] = useState(false);
  const canWrite = canDo(me, 'households.write');
  const screens = Grid.useBreakpoint();

  const setFilter = (changes: Record<string, string | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  const filter: HouseholdFilter = { unit: unit ?? '', at, category, team, culturalYear, q: q || null };
  const list = useQuery({ ...householdsQuery(filter, page, pageSize), enabled: Boolean(unit) });
  const kinds = useQuery(categoryKindsQuery);
  const teams = useQuery({ ...teamsQuery({ unit: unit ?? '', at }), enabled: Boolean(unit) });

  if (!unit) {
    return (
      <Card title={t('households.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }

  return (
    <Card
      title={t('households.title')}
      extra={
        canWrite ? (
          <Space wrap>
            <Link to={href('/households/import')}>
              <Button
                icon={<UploadOutlined />}
                aria-label={t('households.import')}
                title={t('households.import')}
                data-testid="households-import"
              >
                {screens.sm ? t('households.import') : null}
              </Button>
            </Link>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              aria-label={t('households.create')}
              title={t('households.create')}
              data-testid="households-create"
            >
              {screens.sm ? t('households.create') : null}
            </Button>
          </Space>
        ) : null
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="households-filters">
        <Col xs={24} md={10} xl={8}>
          <Input.Search
            allowClear
            value={search}
            placeholder={t('households.search')}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setFilter({ q: value.trim() })}
            data-testid="households-search"
          />
        </Col>
        <Col xs={12} md={7} xl={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={category ?? undefined}
            placeholder={t('households.filter.category')}
            onChange={(value?: string) => setFilter({ category: value ?? null })}
            options={(kinds.data ?? []).map((kind) => ({
              value: kind.code,
              label: lang === 'en' ? kind.en : kind.vi,
            }))}
            popupMatchSelectWidth={false}
            data-testid="households-category"
          />
        </Col>
        <Col xs={12} md={7} xl={5}>
          <Select
            allowClear
            showSearch={foldedSearch}
            style={{ width: '100%' }}
            value={team ?? undefined}
            placeholder={t('households.filter.team')}
            onChange={(value?: string) => setFilter({ team: value ?? null })}
            options={(teams.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
            popupMatchSelectWidth={false}
            data-testid="households-team"
          />
        </Col>
        <Col xs={24} xl={6} style={{ textAlign: 'right' }}>
          <Button
            icon={<FileExcelOutlined />}
            href={householdsExportUrl(filter)}
            download
            data-testid="households-export"
          >
            {t('households.export')}
          </Button>
        </Col>
      </Row>
      {culturalYear !== null ? (
        <Space wrap style={{ marginBottom: 12 }} data-testid="households-drill-filters">
          <Tag
            color="green"
            closable
            closeIcon={<CloseOutlined aria-label={t('reports.filter.remove')} />}
            onClose={(event) => {
              event.preventDefault();
              setFilter({ culturalYear: null });
            }}
            data-testid="households-filter-cultural-year"
          >
            {t('reports.filter.culturalYear', { year: String(culturalYear) })}
          </Tag>
        </Space>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<HouseholdListItem>
        rowKey="id"
        size="middle"
        data-testid="households-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: screens.md ? 1000 : 560 }}
        locale={{ emptyText: t('households.empty') }}
        onRow={(household) =>
          ({ 'data-testid': `household-row-${household.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (total) => t('households.total', { count: formatNumber(total) }),
          onChange: (nextPage, nextSize) =>
            setFilter({ page: String(nextPage), size: nextSize === 50 ? null : String(nextSize) }),
        }}
        columns={[
          {
            title: t('household.code'),
            dataIndex: 'code',
            width: 110,
            fixed: 'left',
            render: (code: string, household) => (
              <Link to={href(`/households/${household.id}`)} data-testid="household-link">
                {code}
              </Link>
            ),
          },
          {
            title: t('household.group'),
            dataIndex: 'groupName',
            width: 150,
            responsive: ['md'],
            render: (name: string | null, household) => name ?? household.groupCode ?? '—',
          },
          {
            title: t('household.head'),
            dataIndex: 'headName',
            width: 180,
            render: (name: string | null, household) =>
              name ? (
                <Typography.Link onClick={() => navigate(href(`/households/${household.id}`))}>
                  {name}
                </Typography.Link>
              ) : (
                <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>
              ),
          },
          {
            title: t('household.members'),
            dataIndex: 'memberCount',
            width: 90,
            align: 'right',
            render: (count: number) => formatNumber(count),
          },
          {
            title: t('household.address'),
            dataIndex: 'address',
            width: 240,
            responsive: ['md'],
            render: (value: string | null) => value ?? '—',
          },
          {
            title: t('household.categories'),
            dataIndex: 'categories',
            width: 220,
            render: (codes: string[]) =>
              codes.map((code) => (
                <Tag key={code} color={categoryColor(code)} style={{ marginBlock: 2 }}>
                  {categoryLabel(code, lang, kinds.data)}
                </Tag>
              )),
          },
          {
            title: t('household.teams'),
            dataIndex: 'teamNames',
            width: 180,
            responsive: ['lg'],
            render: (names: string[]) => (names.length ? names.join(', ') : '—'),
          },
        ]}
      />
      {isCreating ? (
        <CreateHouseholdModal
          unitCode={unit}
          at={at}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(href(`/households/${id}`))}
        />
      ) : null}
    </Card>
  );
}
