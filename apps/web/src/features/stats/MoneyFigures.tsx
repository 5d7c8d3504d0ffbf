import { type MoneyFigures as Figures, type FundKind, formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { type MessageKey, type Translate, useI18n } from '../../lib/i18n';
import { compactMoney, distributionsOf, formatPercent, itemsText, progressShare } from './money-figures';
import { moneyFiguresQuery } from './money-figures.api';

const fundKindLabel = (t: Translate, kind: FundKind) => t(`funds.kind.${kind}` as MessageKey);
const programLabel = (t: Translate, kind: string) => t(`figures.program.${kind}` as MessageKey);
/** An amount kept on one line in the narrow columns of a table. */
const Money = ({ value }: { value: number }) => (
  <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>
);

/** The year's money of a unit and the units below it: funds, donations, the Fund for the Poor, support, campaigns. */
export function MoneyFigures({ unit, at }: { unit: string; at: string }) {
  const { t, lang } = useI18n();
  const year = Number(at.slice(0, 4));
  const figures = useQuery(moneyFiguresQuery(unit, year));

  if (figures.isPending) {
    return (
      <Card title={t('figures.title', { year })} size="small">
        <Skeleton active />
      </Card>
    );
  }
  if (figures.error) {
    // Not readable, or the unit did not exist at the end of that year: nothing to show.
    if (figures.error instanceof ApiError && [403, 404].includes(figures.error.status)) return null;
    return <ErrorAlert error={figures.error} />;
  }
  return <FiguresView figures={figures.data} t={t} lang={lang} />;
}

function FiguresView({ figures, t, lang }: { figures: Figures; t: Translate; lang: 'vi' | 'en' }) {
  const { funds, donations, poorFund, support, campaigns } = figures;
  const tet = distributionsOf(figures, 'tet_gift');
  const houses = distributionsOf(figures, 'solidarity_house');
  const donationsChart = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: number) => formatMoney(value),
      },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => compactMoney(value, lang) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: donations.byFundKind.map((row) => fundKindLabel(t, row.kind)),
      },
      series: [
        {
          type: 'bar',
          name: t('figures.chart.amount'),
          data: donations.byFundKind.map((row) => row.amount),
          itemStyle: { color: '#a30d25' },
          label: {
            show: true,
            position: 'right',
            formatter: ({ value }: { value: number }) => compactMoney(value, lang),
          },
        },
      ],
    }),
    [donations.byFundKind, t, lang],
  );
  const supportChart = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: ({ name, value, percent }: { name: string; value: number; percent: number }) =>
          `${name}: ${formatMoney(value)} (${percent}%)`,
      },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '44%'],
          data: support.byProgramKind.map((row) => ({ name: programLabel(t, row.kind), value: row.amount })),
          label: { formatter: ({ value }: { value: number }) => compactMoney(value, lang) },
        },
      ],
    }),
    [support.byProgramKind, t, lang],
  );

  if (funds.count === 0 && donations.donations === 0) {
    return (
      <Card title={t('figures.title', { year: figures.year })} size="small" data-testid="money-figures">
        <Empty description={t('figures.empty', { year: figures.year })} />
      </Card>
    );
  }

  const cards: Array<{ key: string; title: string; value: string; extra?: React.ReactNode }> = [
    {
      key: 'funds',
      title: t('figures.funds'),
      value: formatNumber(funds.count),
      extra: `${t('figures.funds.balance', { date: formatDate(figures.to) })}: ${formatMoney(funds.balance)}`,
    },
    {
      key: 'donations',
      title: t('figures.donations'),
      value: formatMoney(donations.amount),
      extra: t('figures.donations.count', { count: formatNumber(donations.donations) }),
    },
    {
      key: 'poor',
      title: t('figures.poor.raised'),
      value: formatMoney(poorFund.raised),
      extra:
        poorFund.target === null ? (
          t('figures.poor.noTarget')
        ) : (
          <>
            <Progress
              percent={progressShare(poorFund.percent)}
              showInfo={false}
              size="small"
              strokeColor="#a30d25"
            />
            {t('figures.poor.target', { amount: formatMoney(poorFund.target) })} —{' '}
            <strong data-testid="money-poor-percent">
              {t('figures.poor.percent', { percent: formatPercent(poorFund.percent ?? 0, lang) })}
            </strong>
          </>
        ),
    },
    {
      key: 'support',
      title: t('figures.support.spent'),
      value: formatMoney(support.spent),
      extra: t('figures.support.households', { count: formatNumber(support.households) }),
    },
    ...(tet > 0 ? [{ key: 'tet', title: t('figures.tet'), value: formatNumber(tet) }] : []),
    ...(houses > 0 ? [{ key: 'houses', title: t('figures.houses'), value: formatNumber(houses) }] : []),
  ];

  return (
    <Card
      title={
        <span className="detail-title" data-testid="money-figures-title">
          {t('figures.title', { year: figures.year })}
        </span>
      }
      data-testid="money-figures"
    >
      <Typography.Paragraph type="secondary" className="small-text">
        {t('figures.subtitle', { unit: figures.unitName })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {cards.map((card) => (
          <Col xs={24} sm={12} xl={card.key === 'tet' || card.key === 'houses' ? 4 : 8} key={card.key}>
            <Card size="small" className="stats-card">
              <Statistic title={card.title} value={card.value} data-testid={`money-${card.key}`} />
              {card.extra ? (
                <Typography.Text type="secondary" className="small-text">
                  {card.extra}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {donations.byFundKind.length > 0 ? (
          <Col xs={24} lg={support.byProgramKind.length > 0 ? 14 : 24}>
            <Card size="small" title={t('figures.chart.donations')}>
              <Chart
                option={donationsChart}
                height={Math.max(160, 36 * donations.byFundKind.length + 24)}
                testId="money-donations-chart"
              />
            </Card>
          </Col>
        ) : null}
        {support.byProgramKind.length > 0 ? (
          <Col xs={24} lg={10}>
            <Card size="small" title={t('figures.chart.support')}>
              <Chart option={supportChart} height={280} testId="money-support-chart" />
            </Card>
          </Col>
        ) : null}
      </Row>

      {campaigns.length > 0 ? (
        <Card size="small" title={t('figures.campaigns')} style={{ marginTop: 12 }}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={campaigns}
            scroll={{ x: 960 }}
            data-testid="money-campaigns"
            columns={[
              {
                title: t('figures.campaign.name'),
                key: 'name',
                width: 280,
                render: (_v, row) => (
                  <>
                    <Typography.Text strong>{row.name}</Typography.Text>
                    <br />
                    <Tag>{row.code}</Tag>
                    {row.share ? (
                      <Typography.Text type="secondary" className="small-text">
                        {t('figures.campaign.share', { unit: row.unitName })}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('figures.campaign.target'),
                key: 'target',
                align: 'right',
                render: (_v, row) => (row.target === null ? '—' : <Money value={row.target} />),
              },
              {
                title: t('figures.campaign.raised'),
                key: 'raised',
                align: 'right',
                render: (_v, row) => (
                  <>
                    <Money value={row.raised} />
                    {row.percent === null ? null : (
                      <>
                        <br />
                        <Typography.Text type="secondary">
                          {formatPercent(row.percent, lang)}%
                        </Typography.Text>
                      </>
                    )}
                  </>
                ),
              },
              {
                title: t('figures.campaign.cash'),
                key: 'cash',
                align: 'right',
                render: (_v, row) => <Money value={row.cash} />,
              },
              {
                title: t('figures.campaign.items'),
                key: 'items',
                render: (_v, row) =>
                  row.items.length === 0 ? (
                    '—'
                  ) : (
                    <>
                      {itemsText(row.items, formatNumber)}
                      <br />
                      <Typography.Text type="secondary">
                        <Money value={row.inKindValue} />
                      </Typography.Text>
                    </>
                  ),
              },
              {
                title: t('figures.campaign.beneficiaries'),
                key: 'beneficiaries',
                render: (_v, row) =>
                  row.students > 0
                    ? t('figures.campaign.students', { count: formatNumber(row.students) })
                    : row.supportedHouseholds > 0
                      ? t('figures.campaign.households', { count: formatNumber(row.supportedHouseholds) })
                      : '—',
              },
            ]}
          />
        </Card>
      ) : null}

      {support.byProgramKind.length > 0 ? (
        <Card size="small" title={t('figures.support.table')} style={{ marginTop: 12 }}>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={support.byProgramKind}
            data-testid="money-support"
            columns={[
              {
                title: t('figures.support.kind'),
                key: 'kind',
                render: (_v, row) => programLabel(t, row.kind),
              },
              {
                title: t('figures.support.distributions'),
                key: 'distributions',
                align: 'right',
                render: (_v, row) => formatNumber(row.distributions),
              },
              {
                title: t('figures.support.householdsColumn'),
                key: 'households',
                align: 'right',
                render: (_v, row) => formatNumber(row.households),
              },
              {
                title: t('figures.support.amount'),
                key: 'amount',
                align: 'right',
                render: (_v, row) => <Money value={row.amount} />,
              },
            ]}
          />
        </Card>
      ) : null}
    </Card>
  );
}
