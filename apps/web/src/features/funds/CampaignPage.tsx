import { AimOutlined, ArrowLeftOutlined, ExportOutlined, FileProtectOutlined } from '@ant-design/icons';
import { formatMoney, formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { QrCode } from '../../components/QrCode';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { unitChildrenQuery } from '../units/units.api';
import {
  type AchievementRow,
  achievementQuery,
  type CampaignDetail,
  campaignQuery,
  fundsApi,
  refreshMoney,
  type StockItem,
  stockQuery,
  vietQrQuery,
} from './funds.api';
import {
  achievementChartOption,
  moneyInputProps,
  moneyOrDash,
  percentText,
  progressValue,
  transferNote,
} from './funds-format';
import './funds.css';

function LegalBasisModal({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ legalBasis?: string }>
      title={t('campaigns.legalBasis.title')}
      testId="campaign-legal-basis"
      fields={['legalBasis']}
      initialValues={{ legalBasis: campaign.legalBasis ?? '' }}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) => fundsApi.setLegalBasis(campaign.id, values.legalBasis?.trim() || null)}
    >
      <Form.Item name="legalBasis" label={t('campaigns.legalBasis')} extra={t('campaigns.legalBasisHint')}>
        <Input.TextArea rows={2} maxLength={300} data-testid="campaign-legal-basis-input" />
      </Form.Item>
    </FormModal>
  );
}

/** Targets for the units right below the campaign's unit, as the tree stood at the launch. */
function TargetsModal({
  campaign,
  current,
  onClose,
}: {
  campaign: CampaignDetail;
  current: ReadonlyMap<string, number | null>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const children = useQuery(unitChildrenQuery(campaign.startsOn, campaign.unitCode));
  const units = children.data ?? [];
  const initial = Object.fromEntries(units.map((unit) => [unit.code, current.get(unit.code) ?? undefined]));
  type Values = Record<string, number | null | undefined>;
  return (
    <FormModal<Values>
      key={units.length}
      title={t('campaigns.targets.title')}
      testId="campaign-targets"
      width={640}
      fields={[]}
      initialValues={initial}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) => {
        const targets = units
          .filter((unit) => typeof values[unit.code] === 'number')
          .map((unit) => ({ unitCode: unit.code, amount: values[unit.code] as number }));
        return fundsApi.setTargets(campaign.id, targets);
      }}
    >
      {children.isFetching ? <Spin /> : null}
      {children.error ? <ErrorAlert error={children.error} /> : null}
      {!children.isFetching && units.length === 0 ? (
        <Typography.Text>{t('campaigns.targets.noChildren')}</Typography.Text>
      ) : null}
      {units.map((unit) => (
        <Form.Item key={unit.code} name={unit.code} label={unit.name}>
          <InputNumber<number>
            {...moneyInputProps}
            min={0}
            suffix="đồng"
            data-testid={`campaign-target-${unit.code}`}
          />
        </Form.Item>
      ))}
    </FormModal>
  );
}

function VietQrCard({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const qr = useQuery(vietQrQuery(campaign.id));
  return (
    <Card title={t('campaigns.qr.title')} data-testid="campaign-vietqr">
      {qr.isPending ? <Spin /> : null}
      {qr.error ? (
        qr.error instanceof ApiError && qr.error.status === 404 ? (
          <Alert
            type="info"
            showIcon
            title={<ErrorText error={qr.error} />}
            data-testid="campaign-vietqr-missing"
          />
        ) : (
          <ErrorAlert error={qr.error} />
        )
      ) : null}
      {qr.data ? (
        <Flex gap={16} wrap align="center">
          <QrCode value={qr.data.payload} size={200} testId="campaign-vietqr-code" />
          <Descriptions size="small" column={1} style={{ flex: 1, minWidth: 220 }}>
            <Descriptions.Item label={t('funds.bank.bank')}>{qr.data.bankName}</Descriptions.Item>
            <Descriptions.Item label={t('funds.bank.number')}>
              <Typography.Text copyable strong data-testid="campaign-vietqr-account">
                {qr.data.accountNumber}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('funds.bank.holder')}>{qr.data.accountName}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.qr.message')}>
              <Typography.Text copyable code data-testid="campaign-vietqr-message">
                {transferNote(qr.data.message)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('campaigns.qr.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

function CrumbButton({
  onClick,
  testId,
  children,
}: {
  onClick: (event: React.MouseEvent) => void;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto' }}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

function ErrorText({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  return <>{errorText(error)}</>;
}

function StockCard({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const stock = useQuery(stockQuery(campaign.id));
  // Shown only where the stock endpoint answers and something was received.
  if (!stock.data || stock.data.length === 0) return null;
  return (
    <Card title={t('campaigns.stock.title')} data-testid="campaign-stock">
      <Table<StockItem>
        rowKey="item"
        size="small"
        pagination={false}
        dataSource={stock.data}
        scroll={{ x: 720 }}
        columns={[
          { title: t('campaigns.stock.item'), dataIndex: 'name' },
          {
            title: t('campaigns.stock.received'),
            dataIndex: 'received',
            align: 'right',
            className: 'money-cell',
            render: formatNumber,
          },
          {
            title: t('campaigns.stock.given'),
            dataIndex: 'given',
            align: 'right',
            className: 'money-cell',
            render: formatNumber,
          },
          {
            title: t('campaigns.stock.remaining'),
            dataIndex: 'remaining',
            align: 'right',
            className: 'money-cell',
            render: formatNumber,
          },
          {
            title: t('campaigns.stock.valueReceived'),
            dataIndex: 'valueReceived',
            align: 'right',
            className: 'money-cell',
            render: (value: number) => formatMoney(value),
          },
          {
            title: t('campaigns.stock.valueRemaining'),
            dataIndex: 'valueRemaining',
            align: 'right',
            className: 'money-cell',
            render: (value: number) => formatMoney(value),
          },
        ]}
      />
    </Card>
  );
}

/** Achievement by unit below, with a drill-down into units that have units below them. */
function AchievementCard({
  campaign,
  onRootItems,
}: {
  campaign: CampaignDetail;
  onRootItems?: (items: readonly AchievementRow[]) => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [trail, setTrail] = useState<Array<{ code: string; name: string }>>([]);
  const current = trail.at(-1)?.code ?? null;
  const achievement = useQuery(achievementQuery(campaign.id, current, null));
  const data = achievement.data;
  useEffect(() => {
    if (data && current === null) onRootItems?.(data.items);
  }, [data, current, onRootItems]);
  const items = data?.items ?? [];
  const drill = (row: AchievementRow) => setTrail([...trail, { code: row.unitCode, name: row.unitName }]);
  return (
    <Card title={t('campaigns.achievement.title')} data-testid="campaign-achievement">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="achievement-breadcrumb"
        items={[
          {
            title: (
              <CrumbButton onClick={() => setTrail([])} testId="achievement-crumb-root">
                {campaign.unitName}
              </CrumbButton>
            ),
          },
          ...trail.map((step, index) => ({
            title:
              index === trail.length - 1 ? (
                step.name
              ) : (
                <CrumbButton
                  onClick={() => setTrail(trail.slice(0, index + 1))}
                  testId={`achievement-crumb-${step.code}`}
                >
                  {step.name}
                </CrumbButton>
              ),
          })),
        ]}
      />
      {achievement.error ? <ErrorAlert error={achievement.error} /> : null}
      {data ? (
        <Typography.Paragraph data-testid="achievement-unit">
          {t('campaigns.achievement.unit', {
            unit: data.unit.unitName,
            raised: formatMoney(data.unit.raised),
            target: moneyOrDash(data.unit.target),
            percent: percentText(data.unit.percent),
          })}
        </Typography.Paragraph>
      ) : null}
      {items.length > 0 ? (
        <Chart
          height={260}
          testId="achievement-chart"
          option={achievementChartOption(items, {
            raised: t('campaigns.raised'),
            target: t('campaigns.target'),
            millions: t('funds.millions'),
          })}
        />
      ) : null}
      <Table<AchievementRow>
        rowKey="unitCode"
        size="small"
        loading={achievement.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: screens.md ? undefined : 640 }}
        data-testid="achievement-table"
        locale={{ emptyText: t('campaigns.achievement.empty') }}
        onRow={(row) =>
          ({
            'data-testid': `achievement-row-${row.unitCode}`,
            style: row.hasChildren ? { cursor: 'pointer' } : undefined,
            onClick: row.hasChildren ? () => drill(row) : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('campaigns.achievement.unitColumn'),
            dataIndex: 'unitName',
            render: (name: string, row) =>
              row.hasChildren ? (
                <CrumbButton
                  onClick={(event) => {
                    event.stopPropagation();
                    drill(row);
                  }}
                  testId={`achievement-drill-${row.unitCode}`}
                >
                  {name}
                </CrumbButton>
              ) : (
                name
              ),
          },
          {
            title: t('campaigns.target'),
            dataIndex: 'target',
            align: 'right',
            className: 'money-cell',
            render: moneyOrDash,
          },
          {
            title: t('campaigns.raised'),
            dataIndex: 'raised',
            align: 'right',
            className: 'money-cell',
            render: (value: number) => formatMoney(value),
          },
          {
            title: t('campaigns.percent'),
            dataIndex: 'percent',
            width: 160,
            render: (percent: number | null) =>
              percent === null ? (
                '—'
              ) : (
                <Progress
                  percent={progressValue(percent)}
                  format={() => percentText(percent)}
                  status={percent >= 100 ? 'success' : 'normal'}
                  size="small"
                />
              ),
          },
          {
            title: t('campaigns.donations'),
            dataIndex: 'donations',
            align: 'right',
            className: 'money-cell',
            responsive: ['md'],
            render: formatNumber,
          },
        ]}
      />
    </Card>
  );
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const href = useAppHref();
  const campaign = useQuery(campaignQuery(id));
  const [isEditingBasis, setEditingBasis] = useState(false);
  const [isSettingTargets, setSettingTargets] = useState(false);
  const [rootTargets, setRootTargets] = useState<ReadonlyMap<string, number | null>>(new Map());
  const rememberTargets = useCallback((items: readonly AchievementRow[]) => {
    setRootTargets(new Map(items.map((row) => [row.unitCode, row.target])));
  }, []);

  if (campaign.isPending) return <Spin />;
  if (campaign.error) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return <Result status="404" title={t('campaigns.notFound')} />;
    }
    return <ErrorAlert error={campaign.error} />;
  }
  const data = campaign.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        data-testid="campaign-header"
        title={
          <Flex gap={8} align="center" wrap>
            <Link to={href('/campaigns')} aria-label={t('common.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="campaign-name">{data.name}</span>
            <Typography.Text type="secondary" code data-testid="campaign-code">
              {data.code}
            </Typography.Text>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">
          {data.unitName} ·{' '}
          <Link to={href(`/funds/${data.fundId}`)} data-testid="campaign-fund-link">
            {data.fundName}
          </Link>
        </Typography.Paragraph>
        <Row gutter={[24, 16]}>
          <Col xs={24} sm={8}>
            <Statistic
              title={t('campaigns.target')}
              value={moneyOrDash(data.targetAmount)}
              data-testid="campaign-target"
            />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic
              title={t('campaigns.raised')}
              value={formatMoney(data.raised)}
              data-testid="campaign-raised"
            />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic
              title={t('campaigns.percent')}
              value={percentText(data.percent)}
              data-testid="campaign-percent"
            />
          </Col>
        </Row>
        {data.percent !== null ? (
          <Progress
            percent={progressValue(data.percent)}
            showInfo={false}
            status={data.percent >= 100 ? 'success' : 'active'}
            style={{ marginTop: 8 }}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('campaigns.startsOn')}>{formatDate(data.startsOn)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.receivingEndsOn')}>
            {formatDate(data.receivingEndsOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.distributionEndsOn')}>
            {formatDate(data.distributionEndsOn)}
          </Descriptions.Item>
          {data.legalBasis ? (
            <Descriptions.Item label={t('campaigns.legalBasis')} span={3}>
              <span data-testid="campaign-legal-basis-text">{data.legalBasis}</span>
            </Descriptions.Item>
          ) : null}
          {data.targetItems.length > 0 ? (
            <Descriptions.Item label={t('campaigns.targetItems')} span={3}>
              {data.targetItems.map((item) => `${item.name}: ${formatNumber(item.quantity)}`).join('; ')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {data.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="campaign-warnings"
            title={t('campaigns.decree93')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {data.warnings.map((warning) => (
                  <li key={warning.key}>{lang === 'en' ? warning.messageEn : warning.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {data.canManage ? (
            <>
              <Button
                icon={<FileProtectOutlined />}
                onClick={() => setEditingBasis(true)}
                data-testid="campaign-legal-basis-open"
              >
                {t('campaigns.legalBasis.button')}
              </Button>
              <Button
                icon={<AimOutlined />}
                onClick={() => setSettingTargets(true)}
                data-testid="campaign-targets-open"
              >
                {t('campaigns.targets.button')}
              </Button>
            </>
          ) : null}
          <Link to={href('/donations', { campaign: data.id })} data-testid="campaign-donations-link">
            <Button>{t('campaigns.links.donations')}</Button>
          </Link>
          <Link to={href('/programs', { campaign: data.id })} data-testid="campaign-programs-link">
            <Button>{t('campaigns.links.programs')}</Button>
          </Link>
          <Link
            to={`/cong-khai/cuoc-van-dong/${encodeURIComponent(data.code)}`}
            target="_blank"
            data-testid="campaign-public-link"
          >
            <Button icon={<ExportOutlined />}>{t('campaigns.links.public')}</Button>
          </Link>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <AchievementCard campaign={data} onRootItems={rememberTargets} />
        </Col>
        <Col xs={24} xl={9}>
          <VietQrCard campaign={data} />
        </Col>
      </Row>
      <StockCard campaign={data} />
      {isEditingBasis ? <LegalBasisModal campaign={data} onClose={() => setEditingBasis(false)} /> : null}
      {isSettingTargets ? (
        <TargetsModal campaign={data} current={rootTargets} onClose={() => setSettingTargets(false)} />
      ) : null}
    </Space>
  );
}
