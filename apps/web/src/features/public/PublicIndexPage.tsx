import { formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Input, Progress, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { PublicLayout } from './PublicLayout';
import { publicCampaignsQuery } from './public.api';
import { progressPercent } from './public-view';

/** The door residents come in by: a campaign code from a notice, or the list of campaigns. */
export function PublicIndexPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const unit = params.get('unit')?.trim() || null;
  const campaigns = useQuery(publicCampaignsQuery(unit));

  const open = (value: string) => {
    const code = value.replace(/\s+/g, '').toUpperCase();
    if (code) navigate(`/cong-khai/cuoc-van-dong/${encodeURIComponent(code)}`);
  };

  return (
    <PublicLayout>
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Title level={3} className="public-title">
            {t('public.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('public.subtitle')}</Typography.Text>
          <label htmlFor="public-search" style={{ marginTop: 8 }}>
            {t('public.search.label')}
          </label>
          <Input.Search
            id="public-search"
            size="large"
            placeholder={t('public.search.placeholder')}
            enterButton={<span data-testid="public-search-button">{t('public.search.button')}</span>}
            autoCapitalize="characters"
            autoComplete="off"
            onSearch={open}
            data-testid="public-search-input"
          />
        </Flex>
      </Card>
      <Card
        size="small"
        title={unit ? t('public.list.unitTitle', { unit }) : t('public.list.title')}
        extra={unit ? <Link to="/cong-khai">{t('public.list.all')}</Link> : null}
      >
        {campaigns.isPending ? <Skeleton active /> : null}
        {campaigns.error ? <ErrorAlert error={campaigns.error} testId="public-error" /> : null}
        {campaigns.data ? (
          <Flex vertical data-testid="public-campaign-list">
            {campaigns.data.items.length === 0 ? <Empty description={t('public.list.empty')} /> : null}
            {campaigns.data.items.map((campaign) => (
              <Flex
                key={campaign.code}
                vertical
                gap={2}
                className="public-list-item"
                data-testid="public-campaign-item"
                data-code={campaign.code}
              >
                <Link to={`/cong-khai/cuoc-van-dong/${encodeURIComponent(campaign.code)}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {campaign.name}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {campaign.code} · {campaign.unitName} ·{' '}
                  {t('public.period', {
                    from: formatDate(campaign.startsOn),
                    to: formatDate(campaign.receivingEndsOn),
                  })}
                </Typography.Text>
                <Flex justify="space-between" wrap gap={8}>
                  <span className="public-amount">{formatMoney(campaign.raised)}</span>
                  {campaign.target !== null ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('public.target', { amount: formatMoney(campaign.target) })}
                      {campaign.percent !== null
                        ? ` · ${t('public.percent', { percent: formatNumber(campaign.percent) })}`
                        : ''}
                    </Typography.Text>
                  ) : null}
                </Flex>
                {campaign.target !== null ? (
                  <Progress
                    percent={progressPercent(campaign.percent)}
                    showInfo={false}
                    size="small"
                    strokeColor="#c8102e"
                  />
                ) : null}
              </Flex>
            ))}
          </Flex>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
