import { formatNumber } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Segmented, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useAsOf, useSelectUnit } from '../../lib/url-state';
import { categoryColor, categoryLabel } from '../households/household-labels';
import { categoryKindsQuery } from '../households/households.api';
import { usePageUnit } from '../households/use-page-unit';
import {
  barShares,
  categoryCounts,
  type FigureKey,
  figureKeys,
  sortByFigure,
  supervisedShare,
} from './figures';
import { MoneyFigures } from './MoneyFigures';
import { type ChildFigures, statsBreakdownQuery } from './stats.api';
import './stats.css';

function figureLabel(t: (key: MessageKey) => string, key: FigureKey): string {
  return t(`stats.figure.${key}` as MessageKey);
}

/** Bars of one figure across the child units; a click opens that unit. */
function FigureBars({
  rows,
  figure,
  onOpen,
}: {
  rows: ChildFigures[];
  figure: FigureKey;
  onOpen: (code: string) => void;
}) {
  const sorted = sortByFigure(rows, figure);
  const values = sorted.map((row) => row[figure]);
  const shares = barShares(values);
  return (
    <Flex vertical gap={6} data-testid="stats-bars">
      {sorted.map((row, index) => (
        <button
          type="button"
          key={row.unitCode}
          className="stats-bar-row"
          onClick={() => onOpen(row.unitCode)}
          data-testid={`stats-bar-${row.unitCode}`}
        >
          <span className="stats-bar-label">{row.unitName ?? row.unitCode}</span>
          <span className="stats-bar-track">
            <span className="stats-bar-fill" style={{ width: `${shares[index] ?? 0}%` }} />
          </span>
          <span className="stats-bar-value">{formatNumber(values[index] ?? 0)}</span>
        </button>
      ))}
    </Flex>
  );
}

export function StatsPage() {
  const { t, lang } = useI18n();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const select = useSelectUnit();
  const [figure, setFigure] = useState<FigureKey>('householdsSupervised');
  const stats = useQuery({ ...statsBreakdownQuery(unit ?? '', at), enabled: Boolean(unit) });
  const kinds = useQuery(categoryKindsQuery);

  if (!unit) {
    return (
      <Card title={t('stats.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }
  if (stats.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (stats.error) return <ErrorAlert error={stats.error} />;

  const data = stats.data;
  const total = data.total;
  const share = supervisedShare(total);
  const categories = categoryCounts(total.byCategory);
  const children = data.children;

  return (
    <Flex vertical gap={16} data-testid="stats-page">
      <Card
        title={
          <span data-testid="stats-title" className="detail-title">
            {t('stats.heading', { unit: data.unitName ?? data.unitCode, date: formatDate(at) })}
          </span>
        }
      >
        <Row gutter={[12, 12]}>
          {figureKeys.map((key) => (
            <Col xs={12} md={8} xl={4} key={key}>
              <Card size="small" className="stats-card">
                <Statistic
                  title={figureLabel(t, key)}
                  value={formatNumber(total[key])}
                  data-testid={`stats-${key}`}
                />
              </Card>
            </Col>
          ))}
          <Col xs={12} md={8} xl={4}>
            <Card size="small" className="stats-card">
              <Statistic
                title={t('stats.figure.households')}
                value={formatNumber(total.households)}
                suffix={
                  share === null ? null : (
                    <Typography.Text type="secondary" className="small-text">
                      {t('stats.supervisedShare', { percent: share })}
                    </Typography.Text>
                  )
                }
                data-testid="stats-households"
              />
            </Card>
          </Col>
        </Row>
      </Card>

      {categories.length > 0 ? (
        <Card title={t('stats.byCategory')} size="small" data-testid="stats-categories">
          <Flex wrap gap={8}>
            {categories.map((row) => (
              <Tag
                key={row.code}
                color={categoryColor(row.code)}
                style={{ fontSize: 14, padding: '4px 10px' }}
                data-testid={`stats-category-${row.code}`}
              >
                {categoryLabel(row.code, lang, kinds.data)}: <strong>{formatNumber(row.count)}</strong>
              </Tag>
            ))}
          </Flex>
        </Card>
      ) : null}

      <MoneyFigures unit={unit} at={at} />

      {children.length > 0 ? (
        <>
          <Card title={t('stats.chart')} size="small">
            <div className="stats-figure-switch">
              <Segmented<FigureKey>
                size="small"
                value={figure}
                onChange={setFigure}
                options={[...figureKeys, 'households' as const].map((key) => ({
                  value: key,
                  label: figureLabel(t, key),
                }))}
                data-testid="stats-figure"
              />
            </div>
            <FigureBars rows={children} figure={figure} onOpen={(code) => select(code)} />
          </Card>
          <Card title={t('stats.children')} size="small">
            <Table<ChildFigures>
              rowKey="unitCode"
              size="small"
              pagination={false}
              dataSource={children}
              scroll={{ x: 900 }}
              data-testid="stats-children"
              onRow={(row) =>
                ({
                  onClick: () => select(row.unitCode),
                  style: { cursor: 'pointer' },
                  'data-testid': `stats-child-${row.unitCode}`,
                }) as React.HTMLAttributes<HTMLElement>
              }
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('stats.total')}</strong>
                  </Table.Summary.Cell>
                  {[...figureKeys, 'households' as const].map((key, index) => (
                    <Table.Summary.Cell index={index + 1} key={key} align="right">
                      <strong>{formatNumber(total[key])}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
              columns={[
                {
                  title: t('stats.unit'),
                  key: 'unit',
                  fixed: 'left',
                  width: 200,
                  render: (_v, row) => <Typography.Link>{row.unitName ?? row.unitCode}</Typography.Link>,
                },
                ...[...figureKeys, 'households' as const].map((key) => ({
                  title: figureLabel(t, key),
                  key,
                  align: 'right' as const,
                  width: 120,
                  render: (_v: unknown, row: ChildFigures) => formatNumber(row[key]),
                })),
              ]}
            />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
