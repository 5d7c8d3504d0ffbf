import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { PublicLayout } from './PublicLayout';
import { publicEntryQuery } from './public.api';

/** What a receipt's QR code opens: the receipt and whether its ledger entry is intact. */
export function PublicEntryPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const entry = useQuery(publicEntryQuery(id));

  if (entry.isPending) {
    return (
      <PublicLayout>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (entry.error) {
    return (
      <PublicLayout>
        <ErrorAlert error={entry.error} testId="public-error" />
        <Link to="/cong-khai">{t('public.home')}</Link>
      </PublicLayout>
    );
  }
  const data = entry.data;
  const donation = data.donation;
  const rows: Array<{ key: string; label: MessageKey; value: ReactNode; testId: string }> = [];
  const add = (label: MessageKey, value: ReactNode, testId: string) =>
    rows.push({ key: testId, label, value, testId });
  if (donation) {
    add('public.entry.receiptNumber', donation.receiptNumber, 'public-receipt-number');
    add('public.entry.amount', <strong>{formatMoney(donation.amount)}</strong>, 'public-entry-amount');
    add('public.entry.date', formatDate(donation.date), 'public-entry-date');
    add(
      'public.entry.donor',
      donation.named ? donation.donor : t('public.donations.anonymous'),
      'public-entry-donor',
    );
    add('public.entry.method', t(`public.method.${donation.method}` as MessageKey), 'public-entry-method');
    if (donation.items.length > 0) {
      add(
        'public.entry.items',
        donation.items
          .map((item) => `${item.name} × ${formatNumber(item.quantity)} (${formatMoney(item.value)})`)
          .join('; '),
        'public-entry-items',
      );
    }
  } else {
    add('public.entry.date', formatDate(data.entryDate), 'public-entry-date');
    add('public.entry.memo', data.memo, 'public-entry-memo');
    if (data.income !== 0) add('public.entry.income', formatMoney(data.income), 'public-entry-income');
    if (data.spending !== 0)
      add('public.entry.spending', formatMoney(data.spending), 'public-entry-spending');
  }
  add(
    'public.entry.fund',
    <Link to={`/cong-khai/quy/${data.fundId}`}>{data.fundName}</Link>,
    'public-entry-fund',
  );
  add('public.entry.unit', data.unitName, 'public-entry-unit');
  if (data.campaign) {
    add(
      'public.entry.campaign',
      <Link to={`/cong-khai/cuoc-van-dong/${encodeURIComponent(data.campaign.code)}`}>
        {data.campaign.name}
      </Link>,
      'public-entry-campaign',
    );
  }
  add('public.entry.seq', formatNumber(data.seq), 'public-entry-seq');

  return (
    <PublicLayout
      title={donation ? t('public.receipt', { number: donation.receiptNumber }) : t('public.entry.title')}
    >
      <Alert
        type={data.verified ? 'success' : 'error'}
        showIcon
        icon={data.verified ? <CheckCircleFilled /> : <WarningFilled />}
        data-testid="public-entry-status"
        data-status={data.verified ? 'ok' : 'broken'}
        title={
          <strong>
            {data.verified
              ? t('public.entry.ok', { seq: formatNumber(data.seq) })
              : t('public.entry.broken', { seq: formatNumber(data.seq) })}
          </strong>
        }
        description={data.verified ? t('public.entry.okDetail') : t('public.entry.brokenDetail')}
      />
      {donation && !donation.detailsMatch ? (
        <Alert
          type="warning"
          showIcon
          data-testid="public-entry-details-changed"
          title={t('public.entry.detailsChanged')}
        />
      ) : null}
      {donation?.cancelled && data.reversedBySeq !== null ? (
        <Alert
          type="warning"
          showIcon
          data-testid="public-entry-cancelled"
          title={t('public.entry.cancelled', { seq: formatNumber(data.reversedBySeq) })}
        />
      ) : null}
      {data.reversesSeq !== null ? (
        <Alert
          type="info"
          showIcon
          title={t('public.entry.reversal', {
            seq: formatNumber(data.reversesSeq),
            reason: data.reason ?? '',
          })}
        />
      ) : null}
      <Card size="small" title={t('public.entry.title')}>
        <Descriptions
          column={1}
          size="small"
          items={rows.map((row) => ({
            key: row.key,
            label: t(row.label),
            children: <span data-testid={row.testId}>{row.value}</span>,
          }))}
        />
      </Card>
      <Card size="small" title={t('public.integrity.title')}>
        <Flex vertical gap={8}>
          <Flex vertical>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('public.entry.hash')}
            </Typography.Text>
            <Typography.Text className="public-hash" copyable data-testid="public-entry-hash">
              {data.hash}
            </Typography.Text>
          </Flex>
          <Flex vertical>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('public.entry.prevHash')}
            </Typography.Text>
            <Typography.Text className="public-hash" data-testid="public-entry-prev-hash">
              {data.prevHash}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t('public.integrity.howto')}
          </Typography.Paragraph>
        </Flex>
      </Card>
    </PublicLayout>
  );
}
