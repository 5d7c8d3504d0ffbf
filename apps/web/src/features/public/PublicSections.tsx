import { DownloadOutlined } from '@ant-design/icons';
import { formatMoney, formatNumber } from '@doanket/domain';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { QrCode } from '../../components/QrCode';
import { formatDate } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import type { PublicCampaign, PublicFund } from './public.api';
import { monthChartOption } from './public-view';

type Ledger = PublicCampaign | PublicFund;

/** Money in, money out and what is left, as three cards side by side on a wide screen. */
export function TotalsCards({ ledger }: { ledger: Pick<Ledger, 'income' | 'spending' | 'balance'> }) {
  const { t } = useI18n();
  const cards = [
    { key: 'income', title: t('public.income'), value: ledger.income, color: '#1f6fb2' },
    { key: 'spending', title: t('public.spending'), value: ledger.spending, color: '#c8102e' },
    { key: 'balance', title: t('public.balance'), value: ledger.balance, color: '#237804' },
  ];
  return (
    <Card size="small">
      <Row gutter={[12, 8]}>
        {cards.map((card) => (
          <Col xs={24} sm={8} key={card.key}>
            <Statistic
              className="public-stat"
              title={card.title}
              value={card.value}
              styles={{ content: { color: card.color } }}
              formatter={() => <span data-testid={`public-${card.key}`}>{formatMoney(card.value)}</span>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function MonthsCard({ months }: { months: Ledger['months'] }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => monthChartOption(months, { income: t('public.income'), spending: t('public.spending') }, lang),
    [months, t, lang],
  );
  return (
    <Card size="small" title={t('public.months.title')}>
      {months.length === 0 ? (
        <Empty description={t('public.months.empty')} />
      ) : (
        <Chart option={option} height={240} testId="public-months-chart" />
      )}
    </Card>
  );
}

export function DonationsCard({ donations, total }: { donations: Ledger['donations']; total: number }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('public.donations.title')}>
      <Flex vertical data-testid="public-donations">
        {donations.length === 0 ? <Empty description={t('public.donations.empty')} /> : null}
        {donations.map((donation) => (
          <Flex
            key={`${donation.receiptNumber}-${donation.date}`}
            className="public-list-item"
            justify="space-between"
            align="start"
            gap={8}
            data-testid="public-donation"
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong={donation.named} data-testid="public-donation-donor">
                {donation.named ? donation.donor : t('public.donations.anonymous')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(donation.date)} · {t(`public.method.${donation.method}` as MessageKey)} ·{' '}
                {t('public.receipt', { number: donation.receiptNumber })}
              </Typography.Text>
              {donation.items.length > 0 ? (
                <Typography.Text style={{ fontSize: 12 }}>
                  {donation.items.map((item) => `${item.name} × ${formatNumber(item.quantity)}`).join(', ')}
                </Typography.Text>
              ) : null}
            </Flex>
            <span className="public-amount">{formatMoney(donation.amount)}</span>
          </Flex>
        ))}
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 8 }}>
        {total > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="public-donation-count">
            {t('public.donations.count', {
              shown: formatNumber(donations.length),
              total: formatNumber(total),
            })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('public.donations.note')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

export function DistributionsCard({ distributions }: { distributions: Ledger['distributions'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('public.distributions.title')}>
      <Flex vertical data-testid="public-distributions">
        {distributions.length === 0 ? <Empty description={t('public.distributions.empty')} /> : null}
        {distributions.map((ward) => (
          <Flex
            key={`${ward.wardCode}-${ward.wardName}`}
            className="public-list-item"
            justify="space-between"
            gap={8}
            data-testid="public-distribution"
            data-ward-code={ward.wardCode}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text>{ward.wardName || ward.wardCode}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('public.distributions.count', { count: formatNumber(ward.count) })}
              </Typography.Text>
            </Flex>
            <span className="public-amount">{formatMoney(ward.amount)}</span>
          </Flex>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('public.distributions.note')}
      </Typography.Text>
    </Card>
  );
}

export function StockCard({ stock }: { stock: PublicCampaign['stock'] }) {
  const { t } = useI18n();
  if (stock.length === 0) return null;
  return (
    <Card size="small" title={t('public.stock.title')}>
      <Flex vertical data-testid="public-stock">
        {stock.map((line) => (
          <Flex
            key={line.item}
            className="public-list-item"
            justify="space-between"
            gap={8}
            data-testid="public-stock-item"
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text>{line.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('public.stock.line', {
                  received: formatNumber(line.received),
                  given: formatNumber(line.given),
                  remaining: formatNumber(line.remaining),
                })}
              </Typography.Text>
            </Flex>
            <span className="public-amount">{formatMoney(line.receivedValue)}</span>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

export function DisclosuresCard({ disclosures }: { disclosures: Ledger['disclosures'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('public.disclosures.title')}>
      <Flex vertical data-testid="public-disclosures">
        {disclosures.length === 0 ? <Empty description={t('public.disclosures.empty')} /> : null}
        {disclosures.map((disclosure) => (
          <Flex
            key={`${disclosure.title}-${disclosure.decidedOn}-${disclosure.dueOn}`}
            className="public-list-item"
            vertical
            gap={2}
            data-testid="public-disclosure"
          >
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ minWidth: 0 }}>
                {disclosure.title}
              </Typography.Text>
              {disclosure.late ? (
                <Tag color="red" data-testid="public-disclosure-late" style={{ marginInlineEnd: 0 }}>
                  {t('public.disclosures.late')}
                </Tag>
              ) : disclosure.publishedOn ? (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t('public.disclosures.onTime')}
                </Tag>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {disclosure.decisionNo
                ? t('public.disclosures.decidedNo', {
                    no: disclosure.decisionNo,
                    date: formatDate(disclosure.decidedOn),
                  })
                : t('public.disclosures.decided', { date: formatDate(disclosure.decidedOn) })}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }} data-testid="public-disclosure-due">
              {t('public.disclosures.due', { date: formatDate(disclosure.dueOn) })} ·{' '}
              {disclosure.publishedOn
                ? t('public.disclosures.published', { date: formatDate(disclosure.publishedOn) })
                : t('public.disclosures.notYet')}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

export function DonateCard({ vietQr }: { vietQr: PublicCampaign['vietQr'] }) {
  const { t } = useI18n();
  if (!vietQr) return null;
  const rows: Array<[MessageKey, string, string]> = [
    ['public.donate.bank', vietQr.bankName, 'public-vietqr-bank'],
    ['public.donate.account', vietQr.accountNumber, 'public-vietqr-account'],
    ['public.donate.accountName', vietQr.accountName, 'public-vietqr-account-name'],
    ['public.donate.message', vietQr.message, 'public-vietqr-message'],
  ];
  return (
    <Card size="small" title={t('public.donate.title')}>
      <Flex wrap gap={16} align="center" justify="center">
        <div className="public-qr">
          <QrCode value={vietQr.payload} size={180} testId="public-vietqr" />
        </div>
        <Flex vertical gap={6} style={{ minWidth: 200, flex: 1 }}>
          {rows.map(([label, value, testId]) => (
            <Flex vertical key={label}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(label)}
              </Typography.Text>
              <Typography.Text strong copyable data-testid={testId}>
                {value}
              </Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('public.donate.hint')}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

/** The head hash of each fund, the CSV downloads and how to check them. */
export function IntegrityCard({
  ledger,
}: {
  ledger: Pick<Ledger, 'heads' | 'headHash' | 'entries' | 'links'>;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('public.integrity.title')} data-testid="public-integrity">
      <Flex vertical gap={12}>
        <Flex vertical gap={10} data-testid="public-heads">
          {ledger.heads.map((head, index) => (
            <Flex vertical key={head.fundId} gap={2} data-testid="public-head" data-fund-id={head.fundId}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('public.integrity.head', {
                  fund: head.unitName ? `${head.fundName} (${head.unitName})` : head.fundName,
                  entries: formatNumber(head.entries),
                })}
              </Typography.Text>
              <Typography.Text
                className="public-hash"
                copyable={{
                  text: head.headHash,
                  tooltips: [t('public.integrity.copy'), t('public.integrity.copied')],
                }}
                data-testid={index === 0 ? 'public-head-hash' : 'public-head-hash-other'}
              >
                {head.headHash}
              </Typography.Text>
              {index > 0 ? (
                <a href={head.entriesCsv} download data-testid="public-csv-entries-other">
                  <DownloadOutlined /> {t('public.integrity.entriesCsv')}
                </a>
              ) : null}
            </Flex>
          ))}
        </Flex>
        <Flex wrap gap={8}>
          <Button href={ledger.links.entriesCsv} icon={<DownloadOutlined />} data-testid="public-csv-entries">
            {t('public.integrity.entriesCsv')}
          </Button>
          <Button
            href={ledger.links.donationsCsv}
            icon={<DownloadOutlined />}
            data-testid="public-csv-donations"
          >
            {t('public.integrity.donationsCsv')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {t('public.integrity.howto')}
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}
