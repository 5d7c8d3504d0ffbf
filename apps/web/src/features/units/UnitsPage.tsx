import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAsOf } from '../../lib/url-state';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitTree } from './UnitTree';
import { unitDetailQuery } from './units.api';

export function UnitsPage({ tab }: { tab?: 'groups' }) {
  const { t } = useI18n();
  const { at } = useAsOf();
  const { code } = useParams();
  // Shares the detail query with the panel: its path tells the tree which nodes to open.
  const detail = useQuery({ ...unitDetailQuery(code ?? '', at), enabled: Boolean(code) });
  const ancestors = detail.data ? detail.data.path.slice(0, -1).map((step) => step.code) : [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={{ span: 24, order: code ? 2 : 1 }} lg={{ span: 9, order: 1 }}>
        <Card
          title={t('units.tree.title')}
          extra={
            <Typography.Text type="secondary">
              {t('units.tree.asOf', { date: formatDate(at) })}
            </Typography.Text>
          }
          className="tree-card"
        >
          <UnitTree key={at} at={at} selectedCode={code ?? null} ancestors={ancestors} />
        </Card>
      </Col>
      <Col xs={{ span: 24, order: code ? 1 : 2 }} lg={{ span: 15, order: 2 }}>
        {code ? (
          <UnitDetailPanel key={`${code}|${at}`} code={code} at={at} tab={tab} />
        ) : (
          <Card>
            <Empty description={t('units.pick')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
