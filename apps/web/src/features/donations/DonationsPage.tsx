import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { type DonationStatus, donationStatuses, formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Grid, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { foldedSearch } from '../households/household-labels';
import { usePageUnit } from '../households/use-page-unit';
import { donorLabel, methodLabel, statusColor } from './donation-labels';
import {
  type DonationFilter,
  type DonationListItem,
  donationsQuery,
  receiptPdfUrl,
  unitCampaignsQuery,
  unitFundsQuery,
} from './donations.api';

const pageSizes = [20, 50, 100];

export function DonationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const [params, setParams] = useSearchParams();
  const fund = params.get('fund');
  const campaign = params.get('campaign');
  const q = params.get('q') ?? '';
  const rawStatus = params.get('status');
  const status = donationStatuses.includes(rawStatus as DonationStatus)
    ? (rawStatus as DonationStatus)
    : null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = pageSizes.includes(Number(params.get('size'))) ? Number(params.get('size')) : 50;
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const screens = Grid.useBreakpoint();
  const canPost = canDo(me, 'ledger.post');

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

  const filter: DonationFilter = { unit, at, fund, campaign, q: q || null, status };
  const hasScope = Boolean(unit || fund || campaign);
  const list = useQuery({ ...donationsQuery(filter, page, pageSize), enabled: hasScope });
  const funds = useQuery({ ...unitFundsQuery(unit ?? '', at), enabled: Boolean(unit) });
  const campaigns = useQuery({ ...unitCampaignsQuery(unit ?? '', at), enabled: Boolean(unit) });

  if (!hasScope) {
    return (
      <Card title={t('donations.title')}>
        <Empty description={t('donations.pickUnit')} />
      </Card>
    );
  }

  const entryHref = href('/donations/new', { fund, campaign, page: null, size: null, q: null, status: null });

  return (
    <Card
      title={t('donations.title')}
      extra={
        canPost ? (
          <Link to={entryHref}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="donations-new">
              {screens.sm ? t('donations.new') : null}
            </Button>
          </Link>
        ) : null
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="donations-filters">
        <Col xs={24} md={12} xl={6}>
          <Select
            allowClear
            showSearch={foldedSearch}
            style={{ width: '100%' }}
            value={fund ?? undefined}
            placeholder={t('donations.filter.fund')}
            onChange={(value?: string) => setFilter({ fund: value ?? null })}
            options={(funds.data ?? []).map((item) => ({
              value: item.id,
              label: item.unitCode === unit ? item.name : `${item.name} — ${item.unitName}`,
            }))}
            popupMatchSelectWidth={false}
            data-testid="donations-fund"
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Select
            allowClear
            showSearch={foldedSearch}
            style={{ width: '100%' }}
            value={campaign ?? undefined}
            placeholder={t('donations.filter.campaign')}
            onChange={(value?: string) => setFilter({ campaign: value ?? null })}
            options={(campaigns.data ?? []).map((item) => ({
              value: item.id,
              label: `${item.code} — ${item.name}`,
            }))}
            popupMatchSelectWidth={false}
            data-testid="donations-campaign"
          />
        </Col>
        <Col xs={14} md={12} xl={7}>
          <Input.Search
            allowClear
            value={search}
            placeholder={t('donations.search')}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setFilter({ q: value.trim() })}
            data-testid="donations-search"
          />
        </Col>
        <Col xs={10} md={12} xl={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={status ?? undefined}
            placeholder={t('donations.filter.status')}
            onChange={(value?: string) => setFilter({ status: value ?? null })}
            options={donationStatuses.map((value) => ({ value, label: t(`donations.status.${value}`) }))}
            data-testid="donations-status"
          />
        </Col>
      </Row>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data ? (
        <Typography.Paragraph type="secondary" data-testid="donations-summary">
          {t('donations.summary', {
            count: formatNumber(list.data.total),
            amount: formatMoney(list.data.amount),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<DonationListItem>
        rowKey="id"
        size="middle"
        data-testid="donations-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: screens.md ? 1000 : 640 }}
        locale={{ emptyText: t('donations.empty') }}
        onRow={(donation) =>
          ({ 'data-testid': `donation-row-${donation.receiptNumber}` }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          onChange: (nextPage, nextSize) =>
            setFilter({ page: String(nextPage), size: nextSize === 50 ? null : String(nextSize) }),
        }}
        columns={[
          {
            title: t('donations.receipt'),
            dataIndex: 'receiptNumber',
            width: 130,
            fixed: 'left',
            render: (number: string, donation) => (
              <Link to={href(`/donations/${donation.id}`)} data-testid="donation-link">
                {number}
              </Link>
            ),
          },
          {
            title: t('donations.receivedOn'),
            dataIndex: 'receivedOn',
            width: 110,
            render: (date: string) => formatDate(date),
          },
          {
            title: t('donations.donor'),
            dataIndex: 'donorName',
            width: 220,
            render: (_: unknown, donation) => (
              <Space direction="vertical" size={0}>
                <span>{donorLabel(donation, t)}</span>
                {donation.donorKind === 'anonymous' ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`donations.kind.${donation.donorKind}`)}
                    {donation.publishName ? '' : ` · ${t('donations.notPublished')}`}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('donations.method'),
            dataIndex: 'method',
            width: 150,
            responsive: ['md'],
            render: (_: unknown, donation) => (
              <Space direction="vertical" size={0}>
                <span>{methodLabel(donation.method, t)}</span>
                {donation.itemsSummary ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {donation.itemsSummary}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('donations.amount'),
            dataIndex: 'amount',
            width: 150,
            align: 'right',
            render: (amount: number, donation) =>
              donation.status === 'cancelled' ? (
                <Typography.Text delete>{formatMoney(amount)}</Typography.Text>
              ) : (
                formatMoney(amount)
              ),
          },
          {
            title: t('donations.campaign'),
            dataIndex: 'campaignCode',
            width: 110,
            responsive: ['lg'],
            render: (code: string | null, donation) =>
              code && donation.campaignId ? (
                <Link to={href(`/campaigns/${donation.campaignId}`)}>{code}</Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('donations.fund'),
            dataIndex: 'fundName',
            width: 200,
            responsive: ['xxl'],
          },
          {
            title: t('donations.status'),
            dataIndex: 'status',
            width: 100,
            render: (value: DonationStatus) => (
              <Tag color={statusColor(value)} data-testid="donation-status">
                {t(`donations.status.${value}`)}
              </Tag>
            ),
          },
          {
            title: t('donations.receiptPdf'),
            key: 'pdf',
            width: 70,
            align: 'center',
            render: (_: unknown, donation) => (
              <Button
                type="text"
                icon={<FilePdfOutlined />}
                href={receiptPdfUrl(donation.id)}
                target="_blank"
                aria-label={t('donations.download')}
                title={t('donations.download')}
                data-testid="donation-receipt-link"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
