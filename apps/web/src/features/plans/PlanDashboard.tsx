import { useQueries, useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Modal,
  Row,
  Segmented,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import {
  buildMatrix,
  type MatrixCell,
  type MatrixRow,
  type Period,
  percentBars,
  periods,
  quarterSeries,
  quarters,
  statusColor,
} from './dashboard';
import { type EvaluationData, evaluationQuery, evidenceHref, type PlanDetail } from './plans.api';

type EvaluationItem = EvaluationData['items'][number];

// Long official names: three lines in the header, the whole name in its tooltip.
const headerClamp = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

function Figure({
  cell,
  testId,
  onClick,
  label,
}: {
  cell: MatrixCell;
  testId: string;
  onClick: () => void;
  label: string;
}) {
  const colours = statusColor(cell.status);
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      data-status={cell.status}
      title={label}
      style={{
        ...colours,
        border: 'none',
        borderRadius: 4,
        width: '100%',
        padding: '4px 6px',
        cursor: 'pointer',
        textAlign: 'right',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {cell.text}
    </button>
  );
}

function RecordsModal({ item, onClose }: { item: EvaluationItem; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open title={item.name} footer={null} onCancel={onClose} data-testid="dashboard-records">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('plans.dashboard.target')}>{item.target}</Descriptions.Item>
        <Descriptions.Item label={t('plans.dashboard.value')}>{item.valueText}</Descriptions.Item>
        <Descriptions.Item label={t('plans.dashboard.status')}>
          {t(`plans.status.${item.status}`)}
        </Descriptions.Item>
        {item.numerator !== null ? (
          <Descriptions.Item label={t('plans.dashboard.fraction')}>
            {item.numerator.toLocaleString('vi-VN')} / {item.denominator?.toLocaleString('vi-VN') ?? '—'}
          </Descriptions.Item>
        ) : null}
        {item.evidence ? (
          <>
            <Descriptions.Item label={t('plans.dashboard.enteredBy')}>
              {item.evidence.enteredBy ?? '—'} — {formatDateTime(item.evidence.enteredAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.dashboard.evidence')}>
              {item.evidence.name ? (
                <a href={evidenceHref(item.evidence.id)} download data-testid="dashboard-evidence-link">
                  {item.evidence.name}
                </a>
              ) : (
                t('plans.dashboard.noEvidence')
              )}
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      {item.drill ? (
        <Link to={item.drill} data-testid="dashboard-drill-link">
          <Button type="link" style={{ paddingLeft: 0 }}>
            {t('plans.dashboard.openRecords')}
          </Button>
        </Link>
      ) : null}
      {item.source === 'manual' && !item.evidence ? (
        <Typography.Paragraph type="secondary">{t('plans.dashboard.noValue')}</Typography.Paragraph>
      ) : null}
    </Modal>
  );
}

/** Units below × indicators in traffic-light colours, trends by quarter and % of target, with drill-down. */
export function PlanDashboard({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const [period, setPeriod] = useState<Period>('year');
  const [opened, setOpened] = useState<EvaluationItem | null>(null);
  const unit = trail.at(-1)?.code ?? plan.unitCode;
  const evaluation = useQuery(evaluationQuery(plan.id, unit, period));
  const byQuarter = useQueries({
    queries: quarters.map((quarter) => evaluationQuery(plan.id, unit, quarter)),
  });
  const matrix = useMemo(() => (evaluation.data ? buildMatrix(evaluation.data) : null), [evaluation.data]);
  const quarterData = byQuarter.map((query) => query.data);
  const series = quarterSeries(quarterData);
  const bars = evaluation.data ? percentBars(evaluation.data) : [];

  const drillInto = (row: MatrixRow) =>
    setTrail((previous) => [...previous, { code: row.unitCode, name: row.unitName }]);

  return (
    <Card title={t('plans.dashboard.title')} data-testid="dashboard">
      <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 12 }}>
        <Col flex="auto">
          <Breadcrumb
            data-testid="dashboard-breadcrumb"
            items={[
              {
                title: (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setTrail([])}
                    data-testid="dashboard-crumb-root"
                  >
                    {plan.unitName}
                  </Button>
                ),
              },
              ...trail.map((step, index) => ({
                title: (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setTrail((previous) => previous.slice(0, index + 1))}
                    data-testid={`dashboard-crumb-${step.code}`}
                  >
                    {step.name}
                  </Button>
                ),
              })),
            ]}
          />
        </Col>
        <Col>
          <Segmented<Period>
            value={period}
            onChange={setPeriod}
            options={periods.map((value) => ({ value, label: t(`plans.period.${value}`) }))}
            data-testid="dashboard-period"
          />
        </Col>
      </Row>
      {evaluation.error ? <ErrorAlert error={evaluation.error} /> : null}
      {matrix ? (
        <Table<MatrixRow>
          rowKey="unitCode"
          size="small"
          bordered
          loading={evaluation.isFetching}
          dataSource={matrix.rows}
          pagination={false}
          scroll={{ x: 220 + matrix.columns.length * 130 }}
          data-testid="dashboard-matrix"
          onRow={(row) =>
            ({ 'data-testid': `dashboard-row-${row.unitCode}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('plans.dashboard.unit'),
              key: 'unit',
              fixed: 'left',
              width: 200,
              render: (_: unknown, row) =>
                row.isSelf ? (
                  <Typography.Text strong>{row.unitName}</Typography.Text>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                    onClick={() => drillInto(row)}
                    data-testid={`dashboard-unit-${row.unitCode}`}
                  >
                    {row.unitName}
                  </Button>
                ),
            },
            ...matrix.columns.map((column) => ({
              title: (
                <span title={column.name}>
                  <span style={headerClamp}>{column.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {column.target}
                  </Typography.Text>
                </span>
              ),
              key: column.key,
              width: 130,
              render: (_: unknown, row: MatrixRow) => {
                const cell = row.cells[column.key];
                if (!cell) return null;
                const item = evaluation.data?.items.find((candidate) => candidate.key === column.key);
                return (
                  <Figure
                    cell={cell}
                    label={t(`plans.status.${cell.status}`)}
                    testId={`dashboard-cell-${row.unitCode}-${column.key}`}
                    onClick={() => (row.isSelf ? item && setOpened(item) : drillInto(row))}
                  />
                );
              },
            })),
          ]}
        />
      ) : evaluation.isLoading ? null : (
        <Empty />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('plans.dashboard.legend')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Typography.Title level={5}>{t('plans.dashboard.percentChart')}</Typography.Title>
          <Chart
            testId="dashboard-percent-chart"
            height={Math.max(200, bars.length * 32)}
            option={{
              grid: { left: 8, right: 40, containLabel: true },
              tooltip: {},
              xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
              yAxis: {
                type: 'category',
                data: bars.map((bar) => bar.name),
                axisLabel: { width: 220, overflow: 'truncate' },
              },
              series: [
                {
                  type: 'bar',
                  data: bars.map((bar) => bar.percent),
                  label: { show: true, position: 'right', formatter: '{c}%' },
                },
              ],
            }}
          />
        </Col>
        {plan.indicators.map((indicator) => (
          <Col xs={24} md={12} xl={8} key={indicator.key}>
            <Typography.Text strong>{indicator.name}</Typography.Text>
            <Chart
              testId={`indicator-chart-${indicator.key}`}
              height={180}
              option={{
                grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: ['Q1', 'Q2', 'Q3', 'Q4'] },
                yAxis: { type: 'value' },
                series: [
                  {
                    type: 'line',
                    connectNulls: false,
                    data: series[indicator.key] ?? [null, null, null, null],
                  },
                ],
              }}
            />
          </Col>
        ))}
      </Row>
      {opened ? <RecordsModal item={opened} onClose={() => setOpened(null)} /> : null}
    </Card>
  );
}
