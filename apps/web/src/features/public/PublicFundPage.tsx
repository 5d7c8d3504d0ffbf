import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { PublicLayout } from './PublicLayout';
import {
  DisclosuresCard,
  DistributionsCard,
  DonationsCard,
  IntegrityCard,
  MonthsCard,
  TotalsCards,
} from './PublicSections';
import { publicFundQuery } from './public.api';

/** A fund in public: its totals over every campaign, donors, support per ward, disclosures, chain. */
export function PublicFundPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const fund = useQuery(publicFundQuery(id));

  if (fund.isPending) {
    return (
      <PublicLayout>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (fund.error) {
    return (
      <PublicLayout>
        <ErrorAlert error={fund.error} testId="public-error" />
        <Link to="/cong-khai">{t('public.home')}</Link>
      </PublicLayout>
    );
  }
  const data = fund.data;
  return (
    <PublicLayout title={data.name}>
      <Card size="small" data-testid="public-fund">
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{data.unitName}</Typography.Text>
          <Typography.Title level={3} className="public-title" data-testid="public-fund-name">
            {data.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('public.fund.opened', { date: formatDate(data.openedOn) })}
            {data.closedOn ? ` · ${t('public.fund.closed', { date: formatDate(data.closedOn) })}` : ''}
          </Typography.Text>
        </Flex>
      </Card>
      <TotalsCards ledger={data} />
      <MonthsCard months={data.months} />
      {data.campaigns.length > 0 ? (
        <Card size="small" title={t('public.fund.campaigns')}>
          <Flex vertical data-testid="public-fund-campaigns">
            {data.campaigns.map((campaign) => (
              <Flex key={campaign.code} vertical className="public-list-item">
                <Link to={`/cong-khai/cuoc-van-dong/${encodeURIComponent(campaign.code)}`}>
                  {campaign.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {campaign.code} ·{' '}
                  {t('public.period', {
                    from: formatDate(campaign.startsOn),
                    to: formatDate(campaign.receivingEndsOn),
                  })}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <DonationsCard donations={data.donations} total={data.donationCount} />
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <DistributionsCard distributions={data.distributions} />
            <DisclosuresCard disclosures={data.disclosures} />
          </Flex>
        </Col>
      </Row>
      <IntegrityCard ledger={data} />
    </PublicLayout>
  );
}
