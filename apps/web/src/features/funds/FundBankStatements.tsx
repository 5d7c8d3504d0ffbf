import { CheckOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { formatMoney } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDate, formatDateTime } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import {
  type BankLine,
  type BankLineStatus,
  type BankStatementSummary,
  bankLinesQuery,
  campaignsQuery,
  type FundDetail,
  fundsApi,
  type ImportSummary,
  refreshMoney,
  statementsQuery,
} from './funds.api';
import './funds.css';

type DonorKind = 'person' | 'organisation' | 'company' | 'anonymous';
const donorKinds: readonly DonorKind[] = ['person', 'organisation', 'company', 'anonymous'];

function AssignModal({ fund, line, onClose }: { fund: FundDetail; line: BankLine; onClose: () => void }) {
  const { t } = useI18n();
  const campaigns = useQuery(campaignsQuery(fund.unitCode, line.bookedOn));
  // Only campaigns receiving on the day the money came in can take it.
  const open = (campaigns.data ?? []).filter(
    (campaign) => campaign.startsOn <= line.bookedOn && line.bookedOn <= campaign.receivingEndsOn,
  );
  type Values = { campaignId?: string | null; kind?: DonorKind; name?: string; publishName?: boolean };
  const [kind, setKind] = useState<DonorKind>(line.counterparty ? 'person' : 'anonymous');
  return (
    <FormModal<Values>
      title={t('funds.lines.assign.title', { amount: formatMoney(line.amount) })}
      testId="line-assign"
      fields={['campaignId']}
      initialValues={{
        campaignId: null,
        kind,
        name: line.counterparty ?? '',
        publishName: false,
      }}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) =>
        fundsApi.decideLine(line.id, {
          action: 'assign',
          campaignId: values.campaignId ?? null,
          donor: {
            kind: values.kind ?? 'anonymous',
            name: values.kind === 'anonymous' ? null : (values.name?.trim() ?? ''),
            publishName: values.kind === 'anonymous' ? false : Boolean(values.publishName),
          },
        })
      }
    >
      <Typography.Paragraph type="secondary">
        {formatDate(line.bookedOn)} — {line.description}
      </Typography.Paragraph>
      <Form.Item name="campaignId" label={t('funds.lines.campaign')} extra={t('funds.lines.campaignHint')}>
        <Select
          allowClear
          loading={campaigns.isFetching}
          placeholder={t('funds.lines.noCampaign')}
          options={open.map((campaign) => ({
            value: campaign.id,
            label: `${campaign.code} — ${campaign.name}`,
          }))}
          data-testid="line-assign-campaign"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('funds.lines.donorKind')}>
        <Select
          options={donorKinds.map((value) => ({ value, label: t(`funds.donorKind.${value}` as MessageKey) }))}
          onChange={(value: DonorKind) => setKind(value)}
          data-testid="line-assign-kind"
        />
      </Form.Item>
      {kind === 'anonymous' ? null : (
        <>
          <Form.Item
            name="name"
            label={t('funds.lines.donorName')}
            rules={[{ required: true, whitespace: true, message: t('funds.lines.donorNameRequired') }]}
          >
            <Input maxLength={200} data-testid="line-assign-name" />
          </Form.Item>
          <Form.Item name="publishName" valuePropName="checked">
            <Checkbox data-testid="line-assign-publish">{t('funds.lines.publishName')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function IgnoreModal({ line, onClose }: { line: BankLine; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ note?: string }>
      title={t('funds.lines.ignore.title', { amount: formatMoney(line.amount) })}
      testId="line-ignore"
      fields={['note']}
      initialValues={{}}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) => fundsApi.decideLine(line.id, { action: 'ignore', note: values.note?.trim() ?? '' })}
    >
      <Typography.Paragraph type="secondary">
        {formatDate(line.bookedOn)} — {line.description}
      </Typography.Paragraph>
      <Form.Item
        name="note"
        label={t('funds.lines.ignore.note')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('funds.lines.ignore.noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="line-ignore-note" />
      </Form.Item>
    </FormModal>
  );
}

function ImportResult({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <Alert
      type={summary.unmatched > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="statement-summary"
      title={t('funds.statements.imported')}
      description={
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('funds.statements.lines')}>{summary.lines}</Descriptions.Item>
          <Descriptions.Item label={t('funds.statements.credits')}>{summary.credits}</Descriptions.Item>
          <Descriptions.Item label={t('funds.statements.matched')}>
            <span data-testid="statement-matched">{summary.matched}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.statements.unmatched')}>
            <span data-testid="statement-unmatched">{summary.unmatched}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.statements.duplicates')}>
            <span data-testid="statement-duplicates">{summary.duplicates}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.statements.debits')}>{summary.ignoredDebits}</Descriptions.Item>
        </Descriptions>
      }
    />
  );
}

const statusColors: Record<BankLineStatus, string> = {
  unmatched: 'gold',
  matched: 'green',
  ignored: 'default',
};

/** Bank statements of the fund: upload, what each import did, and the credits waiting for a decision. */
export function FundBankStatements({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<BankLineStatus>('unmatched');
  const [page, setPage] = useState(1);
  const [account, setAccount] = useState<string | null>(fund.bankAccounts[0]?.id ?? null);
  const [assigning, setAssigning] = useState<BankLine | null>(null);
  const [ignoring, setIgnoring] = useState<BankLine | null>(null);
  const statements = useQuery(statementsQuery(fund.id));
  const lines = useQuery(bankLinesQuery(fund.id, status, page));
  const upload = useMutation({
    mutationFn: (file: File) => fundsApi.importStatement(fund.id, file, account),
    onSuccess: () => refreshMoney(client),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {fund.canPost ? (
        <div>
          <Typography.Paragraph type="secondary">{t('funds.statements.hint')}</Typography.Paragraph>
          {fund.bankAccounts.length === 0 ? (
            <Alert type="info" showIcon title={t('funds.statements.noAccount')} />
          ) : (
            <Flex gap={12} wrap align="center">
              {fund.bankAccounts.length > 1 ? (
                <Select
                  value={account}
                  onChange={setAccount}
                  style={{ minWidth: 280 }}
                  options={fund.bankAccounts.map((item) => ({
                    value: item.id,
                    label: `${item.bankName} — ${item.accountNumber}`,
                  }))}
                  data-testid="statement-account"
                />
              ) : null}
              <Upload
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  loading={upload.isPending}
                  data-testid="statement-upload"
                >
                  {t('funds.statements.upload')}
                </Button>
              </Upload>
            </Flex>
          )}
          <div style={{ marginTop: 12 }}>
            {upload.error ? <ErrorAlert error={upload.error} testId="statement-error" /> : null}
            {upload.data ? <ImportResult summary={upload.data} /> : null}
          </div>
        </div>
      ) : null}

      <div>
        <Typography.Title level={5}>{t('funds.lines.title')}</Typography.Title>
        <Segmented<BankLineStatus>
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={(['unmatched', 'matched', 'ignored'] as const).map((value) => ({
            value,
            label: t(`funds.lineStatus.${value}` as MessageKey),
          }))}
          style={{ marginBottom: 12 }}
          data-testid="lines-status"
        />
        {lines.error ? <ErrorAlert error={lines.error} /> : null}
        <Table<BankLine>
          rowKey="id"
          size="small"
          loading={lines.isFetching}
          dataSource={lines.data?.items ?? []}
          scroll={{ x: screens.md ? 1300 : 900 }}
          data-testid="lines-table"
          locale={{ emptyText: t('funds.lines.empty') }}
          pagination={{
            current: page,
            pageSize: 50,
            total: lines.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
          onRow={(line) => ({ 'data-testid': `line-row-${line.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('funds.entries.date'), dataIndex: 'bookedOn', width: 110, render: formatDate },
            {
              title: t('funds.lines.amount'),
              dataIndex: 'amount',
              align: 'right',
              className: 'money-cell',
              width: 150,
              render: (amount: number) => formatMoney(amount),
            },
            { title: t('funds.lines.description'), dataIndex: 'description', width: 320 },
            {
              title: t('funds.lines.counterparty'),
              dataIndex: 'counterparty',
              width: 180,
              responsive: ['md'],
              render: (value: string | null) => value ?? '',
            },
            {
              title: t('funds.lines.reference'),
              dataIndex: 'reference',
              width: 120,
              responsive: ['lg'],
              render: (value: string | null) => value ?? '',
            },
            {
              title: t('funds.lines.status'),
              key: 'status',
              width: 200,
              render: (_value, line) => (
                <span>
                  <Tag color={statusColors[line.status]}>
                    {t(`funds.lineStatus.${line.status}` as MessageKey)}
                  </Tag>
                  {line.campaignCode ? <Tag>{line.campaignCode}</Tag> : null}
                  {line.receiptNumber ? (
                    <Typography.Text type="secondary" className="small-text">
                      {t('funds.lines.receipt', { number: line.receiptNumber })}
                    </Typography.Text>
                  ) : null}
                  {line.decisionNote ? (
                    <Typography.Text type="secondary" className="small-text">
                      <br />
                      {line.decisionNote}
                    </Typography.Text>
                  ) : null}
                </span>
              ),
            },
            ...(fund.canPost && status === 'unmatched'
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 220,
                    render: (_value: unknown, line: BankLine) => (
                      <Space size="small">
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          onClick={() => setAssigning(line)}
                          data-testid={`line-assign-${line.id}`}
                        >
                          {t('funds.lines.assign')}
                        </Button>
                        <Button
                          size="small"
                          icon={<StopOutlined />}
                          onClick={() => setIgnoring(line)}
                          data-testid={`line-ignore-${line.id}`}
                        >
                          {t('funds.lines.ignore')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>

      <div>
        <Typography.Title level={5}>{t('funds.statements.title')}</Typography.Title>
        <Table<BankStatementSummary>
          rowKey="id"
          size="small"
          loading={statements.isFetching}
          dataSource={statements.data ?? []}
          pagination={false}
          data-testid="statements-table"
          locale={{ emptyText: t('funds.statements.empty') }}
          columns={[
            {
              title: t('funds.statements.importedAt'),
              dataIndex: 'importedAt',
              width: 160,
              render: formatDateTime,
            },
            { title: t('funds.statements.file'), dataIndex: 'fileName' },
            { title: t('funds.bank.number'), dataIndex: 'accountNumber', width: 170 },
            { title: t('funds.statements.lines'), dataIndex: 'lines', width: 110, align: 'right' },
          ]}
        />
      </div>
      {assigning ? <AssignModal fund={fund} line={assigning} onClose={() => setAssigning(null)} /> : null}
      {ignoring ? <IgnoreModal line={ignoring} onClose={() => setIgnoring(null)} /> : null}
    </Space>
  );
}
