import { RollbackOutlined } from '@ant-design/icons';
import { formatMoney } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Grid, Input, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDate } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { entriesQuery, type FundDetail, fundsApi, type LedgerEntry, refreshMoney } from './funds.api';
import { hashPrefix } from './funds-format';
import './funds.css';

const pageSize = 20;

function ReverseModal({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ reason?: string }>
      title={t('funds.reverse.title', { seq: entry.seq })}
      testId="entry-reverse"
      fields={['reason']}
      initialValues={{}}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) => fundsApi.reverse(entry.id, values.reason?.trim() ?? '')}
    >
      <Typography.Paragraph type="secondary">{t('funds.reverse.hint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('funds.reverse.reason')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('funds.reverse.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="entry-reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** The fund's ledger, newest first, a page at a time; treasurers reverse an entry with a reason. */
export function FundEntries({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const entries = useQuery(entriesQuery(fund.id, page, pageSize));
  const money = (value: number) => (value ? formatMoney(value) : '');
  return (
    <>
      {entries.error ? <ErrorAlert error={entries.error} /> : null}
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: screens.md ? 1350 : 900 }}
        data-testid="entries-table"
        locale={{ emptyText: t('funds.entries.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        onRow={(entry) => ({ 'data-testid': `entry-row-${entry.seq}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('funds.entries.seq'), dataIndex: 'seq', width: 70, align: 'right' },
          {
            title: t('funds.entries.date'),
            dataIndex: 'entryDate',
            width: 110,
            render: (date: string) => formatDate(date),
          },
          {
            title: t('funds.entries.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (kind: LedgerEntry['kind']) => t(`funds.entryKind.${kind}` as MessageKey),
          },
          {
            title: t('funds.entries.campaign'),
            dataIndex: 'campaignCode',
            width: 120,
            responsive: ['md'],
            render: (code: string | null) => code ?? '',
          },
          {
            title: t('funds.entries.memo'),
            key: 'memo',
            width: 320,
            render: (_value, entry) => (
              <span>
                {entry.memo}
                {entry.reason ? (
                  <Typography.Text type="secondary" className="small-text">
                    <br />
                    {t('funds.entries.reason', { reason: entry.reason })}
                  </Typography.Text>
                ) : null}
                {entry.reversedBySeq !== null ? (
                  <Tag color="orange" style={{ marginLeft: 8 }} data-testid="entry-reversed">
                    {t('funds.entries.reversedBy', { seq: entry.reversedBySeq })}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: t('funds.income'),
            dataIndex: 'income',
            align: 'right',
            className: 'money-cell',
            width: 150,
            render: money,
          },
          {
            title: t('funds.spending'),
            dataIndex: 'spending',
            align: 'right',
            className: 'money-cell',
            width: 150,
            render: money,
          },
          {
            title: t('funds.entries.hash'),
            dataIndex: 'hash',
            width: 130,
            responsive: ['lg'],
            render: (hash: string) => (
              <Tooltip title={hash}>
                <Typography.Text code className="small-text">
                  {hashPrefix(hash)}
                </Typography.Text>
              </Tooltip>
            ),
          },
          ...(fund.canPost
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 140,
                  render: (_value: unknown, entry: LedgerEntry) =>
                    entry.kind !== 'reversal' && entry.reversedBySeq === null ? (
                      <Button
                        size="small"
                        icon={<RollbackOutlined />}
                        onClick={() => setReversing(entry)}
                        data-testid={`entry-reverse-${entry.seq}`}
                      >
                        {t('funds.reverse.button')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {reversing ? <ReverseModal entry={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}
