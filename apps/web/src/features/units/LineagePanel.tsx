import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, previousDay } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { UnitKindIcon } from './UnitKindIcon';
import { type Lineage, unitLineageQuery } from './units.api';

type Direction = 'predecessors' | 'successors';

/**
 * Where a unit came from and where it went. A predecessor is opened on the day before the
 * change (its last day), a successor on the day of the change (its first day).
 */
export function LineagePanel({ code, at }: { code: string; at: string }) {
  const { t, errorText } = useI18n();
  const lineage = useQuery(unitLineageQuery(code, at));
  if (lineage.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (lineage.isError) return <Alert type="error" showIcon title={errorText(lineage.error)} />;

  const column = (direction: Direction, links: Lineage[Direction]) => (
    <Card
      size="small"
      title={
        <span>
          {direction === 'predecessors' ? <ArrowLeftOutlined /> : <ArrowRightOutlined />}{' '}
          {t(direction === 'predecessors' ? 'lineage.predecessors' : 'lineage.successors')}
        </span>
      }
      data-testid={`lineage-${direction}`}
    >
      {links.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lineage.none')} />
      ) : (
        <div className="lineage-list">
          {links.map((link) => {
            const target = direction === 'predecessors' ? previousDay(link.date) : link.date;
            return (
              <div key={`${link.code}|${link.date}`} className="lineage-item">
                <Link
                  to={`/units/${encodeURIComponent(link.code)}?at=${target}`}
                  data-testid={`lineage-link-${link.code}`}
                >
                  <UnitKindIcon kind={link.kind} /> {link.name}
                </Link>{' '}
                <Typography.Text type="secondary">{link.code}</Typography.Text>
                <div>
                  <Tooltip title={link.resolution ?? undefined}>
                    <Tag color={link.type === 'full' ? 'red' : 'gold'}>{t(`lineage.type.${link.type}`)}</Tag>
                    <Typography.Text type="secondary" className="small-text">
                      {t('lineage.date', { date: formatDate(link.date) })}
                    </Typography.Text>
                  </Tooltip>
                </div>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );

  return (
    <Row gutter={[12, 12]} data-testid="lineage">
      <Col xs={24} md={12}>
        {column('predecessors', lineage.data.predecessors)}
      </Col>
      <Col xs={24} md={12}>
        {column('successors', lineage.data.successors)}
      </Col>
    </Row>
  );
}
