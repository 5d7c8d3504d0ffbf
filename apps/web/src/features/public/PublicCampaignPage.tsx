import { formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { PublicLayout } from './PublicLayout';
import {
  DisclosuresCard,
  DistributionsCard,
  DonateCard,
  DonationsCard,
  IntegrityCard,
  MonthsCard,
  StockCard,
  TotalsCards,
} from './PublicSections';
import { publicCampaignQuery } from './public.api';
import { progressPercent } from './public-view';

/** A campaign in public: what came in and went out, to whom by ward, and how to check it. */
export function PublicCampaignPage() {
  const { t } = useI18n();
  const code = (useParams().code ?? '').toUpperCase();
  const campaign = useQuery(publicCampaignQuery(code));

  if (campaign.isPending) {
    return (
      <PublicLayout>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (campaign.error) {
    return (
      <PublicLayout>
        <ErrorAlert error={campaign.error} testId="public-error" />
        <Link to="/cong-khai">{t('public.home')}</Link>
      </PublicLayout>
    );
  }
  const data = campaign.data;
  return (
    <PublicLayout title={data.name}>
      <Card size="small" data-testid="public-campaign">
        <Flex vertical gap={6}>
          <Flex gap={8} wrap align="center">
            <Tag color="red" data-testid="public-campaign-code">
              {data.code}
            </Tag>
            <Typography.Text type="secondary">{data.unitName}</Typography.Text>
          </Flex>
          <Typography.Title level={3} className="public-title" data-testid="public-campaign-name">
            {data.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('public.period', { from: formatDate(data.startsOn), to: formatDate(data.receivingEndsOn) })}
          </Typography.Text>
          <Flex vertical gap={0} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('public.raised')}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 24, color: '#c8102e' }} data-testid="public-raised">
              {formatMoney(data.raised)}
            </Typography.Text>
            {data.targetAmount !== null ? (
              <>
                <Progress
                  percent={progressPercent(data.percent)}
                  showInfo={false}
                  strokeColor="#c8102e"
                  data-testid="public-progress"
                />
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text data-testid="public-target">
                    {t('public.target', { amount: formatMoney(data.targetAmount) })}
                  </Typography.Text>
                  {data.percent !== null ? (
                    <Typography.Text strong data-testid="public-percent">
                      {t('public.percent', { percent: formatNumber(data.percent) })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </>
            ) : null}
            {data.targetItems.length > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {data.targetItems.map((item) => `${item.name} × ${formatNumber(item.quantity)}`).join(', ')}
              </Typography.Text>
            ) : null}
          </Flex>
          <Link to={`/cong-khai/quy/${data.fundId}`} data-testid="public-fund-link">
            {t('public.fund.link', { fund: data.fundName })}
          </Link>
        </Flex>
      </Card>
      <TotalsCards ledger={data} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={data.vietQr ? 14 : 24}>
          <MonthsCard months={data.months} />
        </Col>
        {data.vietQr ? (
          <Col xs={24} lg={10}>
            <DonateCard vietQr={data.vietQr} />
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <DonationsCard donations={data.donations} total={data.donationCount} />
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <DistributionsCard distributions={data.distributions} />
            <StockCard stock={data.stock} />
            <DisclosuresCard disclosures={data.disclosures} />
          </Flex>
        </Col>
      </Row>
      <IntegrityCard ledger={data} />
    </PublicLayout>
  );
}
