import {
  ArrowLeftOutlined,
  ExportOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { formatMoney } from '@doanket/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { dateFormat, formatDate, fromDayjs, toDayjs, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { bankNameOf, bankOptions } from './banks';
import { FundBankStatements } from './FundBankStatements';
import { FundEntries } from './FundEntries';
import { FundKindTag } from './FundsPage';
import {
  type FundDetail,
  fundQuery,
  fundsApi,
  type MonthTotals,
  monthlyQuery,
  refreshMoney,
  transferTargetsQuery,
} from './funds.api';
import { hashPrefix, moneyInputProps, monthLabel, monthlyChartOption } from './funds-format';
import './funds.css';

function AddAccountModal({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const { t } = useI18n();
  type Values = { bankBin?: string; accountNumber?: string; accountName?: string; validFrom?: Dayjs };
  return (
    <FormModal<Values>
      title={t('funds.bank.add')}
      testId="account-add"
      fields={['bankBin', 'accountNumber', 'accountName', 'validFrom']}
      initialValues={{ accountName: fund.name.toUpperCase(), validFrom: toDayjs(todayInVietnam()) }}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) =>
        fundsApi.addBankAccount(fund.id, {
          bankBin: values.bankBin ?? '',
          bankName: bankNameOf(values.bankBin ?? ''),
          accountNumber: values.accountNumber?.trim() ?? '',
          accountName: values.accountName?.trim() ?? '',
          validFrom: values.validFrom ? fromDayjs(values.validFrom) : undefined,
        })
      }
    >
      <Form.Item
        name="bankBin"
        label={t('funds.bank.bank')}
        rules={[{ required: true, message: t('funds.bank.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={bankOptions}
          data-testid="account-add-bank"
        />
      </Form.Item>
      <Form.Item
        name="accountNumber"
        label={t('funds.bank.number')}
        rules={[{ required: true, message: t('funds.bank.numberRequired') }]}
      >
        <Input data-testid="account-add-number" />
      </Form.Item>
      <Form.Item
        name="accountName"
        label={t('funds.bank.holder')}
        rules={[{ required: true, message: t('funds.bank.holderRequired') }]}
      >
        <Input data-testid="account-add-holder" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('funds.validFrom')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function AddMemberModal({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const { t } = useI18n();
  type Values = { name?: string; position?: string; validFrom?: Dayjs };
  return (
    <FormModal<Values>
      title={t('funds.board.add')}
      testId="member-add"
      fields={['name', 'position', 'validFrom']}
      initialValues={{ validFrom: toDayjs(todayInVietnam()) }}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) =>
        fundsApi.addBoardMember(fund.id, {
          name: values.name ?? '',
          position: values.position ?? '',
          validFrom: values.validFrom ? fromDayjs(values.validFrom) : undefined,
        })
      }
    >
      <Form.Item
        name="name"
        label={t('funds.board.name')}
        rules={[{ required: true, whitespace: true, message: t('funds.board.nameRequired') }]}
      >
        <Input data-testid="member-add-name" />
      </Form.Item>
      <Form.Item
        name="position"
        label={t('funds.board.position')}
        rules={[{ required: true, whitespace: true, message: t('funds.board.positionRequired') }]}
      >
        <Input placeholder={t('funds.board.positionPlaceholder')} data-testid="member-add-position" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('funds.validFrom')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function TransferModal({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const { t } = useI18n();
  const targets = useQuery(transferTargetsQuery(fund.id));
  type Values = { toFundId?: string; amount?: number; entryDate?: Dayjs; memo?: string };
  return (
    <FormModal<Values>
      title={t('funds.transfer.title')}
      testId="fund-transfer"
      fields={['toFundId', 'amount', 'entryDate', 'memo']}
      initialValues={{ entryDate: toDayjs(todayInVietnam()), memo: t('funds.transfer.memoDefault') }}
      refresh={refreshMoney}
      onClose={onClose}
      save={(values) =>
        fundsApi.transfer({
          fromFundId: fund.id,
          toFundId: values.toFundId ?? '',
          amount: values.amount ?? 0,
          entryDate: values.entryDate ? fromDayjs(values.entryDate) : todayInVietnam(),
          memo: values.memo?.trim() ?? '',
        })
      }
    >
      <Typography.Paragraph type="secondary">
        {t('funds.transfer.balance', { amount: formatMoney(fund.totals.balance) })}
      </Typography.Paragraph>
      <Form.Item
        name="toFundId"
        label={t('funds.transfer.to')}
        rules={[{ required: true, message: t('funds.transfer.toRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={targets.isFetching}
          options={(targets.data ?? []).map((target) => ({
            value: target.id,
            label: `${target.name} — ${target.unitName}${target.isAbove ? ` (${t('funds.transfer.above')})` : ''}`,
          }))}
          data-testid="fund-transfer-to"
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('funds.transfer.amount')}
        rules={[{ required: true, message: t('funds.amountRequired') }]}
      >
        <InputNumber<number> {...moneyInputProps} suffix="đồng" data-testid="fund-transfer-amount" />
      </Form.Item>
      <Form.Item name="entryDate" label={t('funds.entries.date')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="memo"
        label={t('funds.transfer.memo')}
        extra={t('funds.memoPublic')}
        rules={[{ required: true, whitespace: true, message: t('funds.transfer.memoRequired') }]}
      >
        <Input maxLength={300} data-testid="fund-transfer-memo" />
      </Form.Item>
    </FormModal>
  );
}

/** "Kiểm tra sổ": recomputes the chain on the server and says whether it holds. */
function VerifyButton({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: () => fundsApi.verify(fund.id) });
  const result = verify.data;
  return (
    <>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="fund-verify"
      >
        {t('funds.verify.button')}
      </Button>
      {verify.error ? <ErrorAlert error={verify.error} testId="fund-verify-error" /> : null}
      {result ? (
        <Alert
          style={{ marginTop: 12, width: '100%' }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          data-testid="fund-verify-result"
          data-ok={String(result.ok)}
          title={
            result.ok
              ? t('funds.verify.ok', { entries: result.entries })
              : t('funds.verify.broken', {
                  seq: result.firstBrokenEntry?.seq ?? '?',
                  problem: result.firstBrokenEntry?.problem ?? '',
                })
          }
          description={t('funds.verify.head', { hash: result.headHash })}
        />
      ) : null}
    </>
  );
}

function MonthlyTab({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const months = useQuery(monthlyQuery(fund.id));
  const items = months.data ?? [];
  if (months.error) return <ErrorAlert error={months.error} />;
  if (!months.isFetching && items.length === 0)
    return <Typography.Text>{t('funds.monthly.empty')}</Typography.Text>;
  return (
    <>
      <Chart
        testId="fund-monthly-chart"
        option={monthlyChartOption(items, {
          income: t('funds.income'),
          spending: t('funds.spending'),
          millions: t('funds.millions'),
        })}
      />
      <Table<MonthTotals>
        rowKey="month"
        size="small"
        dataSource={items}
        pagination={false}
        data-testid="fund-monthly-table"
        columns={[
          { title: t('funds.monthly.month'), dataIndex: 'month', render: monthLabel },
          {
            title: t('funds.income'),
            dataIndex: 'income',
            align: 'right',
            className: 'money-cell',
            render: (value: number) => formatMoney(value),
          },
          {
            title: t('funds.spending'),
            dataIndex: 'spending',
            align: 'right',
            className: 'money-cell',
            render: (value: number) => formatMoney(value),
          },
        ]}
      />
    </>
  );
}

function AccountsTab({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const [isAdding, setAdding] = useState(false);
  return (
    <>
      {fund.canManage ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
          data-testid="account-add-open"
        >
          {t('funds.bank.add')}
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        dataSource={fund.bankAccounts}
        pagination={false}
        data-testid="accounts-table"
        locale={{ emptyText: t('funds.bank.empty') }}
        columns={[
          {
            title: t('funds.bank.bank'),
            key: 'bank',
            render: (_v, account) => `${account.bankName} (${account.bankBin})`,
          },
          { title: t('funds.bank.number'), dataIndex: 'accountNumber' },
          { title: t('funds.bank.holder'), dataIndex: 'accountName' },
          {
            title: t('funds.validFrom'),
            key: 'validity',
            render: (_v, account) =>
              account.validTo
                ? t('funds.validity.closed', {
                    from: formatDate(account.validFrom),
                    to: formatDate(account.validTo),
                  })
                : t('funds.validity.open', { from: formatDate(account.validFrom) }),
          },
        ]}
      />
      {isAdding ? <AddAccountModal fund={fund} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function BoardTab({ fund }: { fund: FundDetail }) {
  const { t } = useI18n();
  const [isAdding, setAdding] = useState(false);
  return (
    <>
      {fund.canManage ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
          data-testid="member-add-open"
        >
          {t('funds.board.add')}
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        dataSource={fund.board}
        pagination={false}
        data-testid="board-table"
        locale={{ emptyText: t('funds.board.empty') }}
        columns={[
          { title: t('funds.board.name'), dataIndex: 'name' },
          { title: t('funds.board.position'), dataIndex: 'position' },
          {
            title: t('funds.validFrom'),
            key: 'validity',
            render: (_v, member) =>
              member.validTo
                ? t('funds.validity.closed', {
                    from: formatDate(member.validFrom),
                    to: formatDate(member.validTo),
                  })
                : t('funds.validity.open', { from: formatDate(member.validFrom) }),
          },
        ]}
      />
      {isAdding ? <AddMemberModal fund={fund} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

const tabKeys = ['entries', 'monthly', 'accounts', 'board', 'statements'] as const;
type TabKey = (typeof tabKeys)[number];

export function FundPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const href = useAppHref();
  const [params, setParams] = useSearchParams();
  const [isTransferring, setTransferring] = useState(false);
  const fund = useQuery(fundQuery(id));
  const tabParam = params.get('tab');
  const tab: TabKey = tabKeys.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'entries';

  if (fund.isPending) return <Spin />;
  if (fund.error) {
    if (fund.error instanceof ApiError && fund.error.status === 404) {
      return <Result status="404" title={t('funds.notFound')} />;
    }
    return <ErrorAlert error={fund.error} />;
  }
  const data = fund.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        data-testid="fund-header"
        title={
          <Flex gap={8} align="center" wrap>
            <Link to={href('/funds')} aria-label={t('common.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="fund-name">{data.name}</span>
            <FundKindTag kind={data.kind} />
          </Flex>
        }
        extra={
          <Link to={`/cong-khai/quy/${data.id}`} target="_blank" data-testid="fund-public-link">
            <ExportOutlined /> {t('funds.publicPage')}
          </Link>
        }
      >
        <Typography.Paragraph type="secondary">
          {data.unitName} · {t('funds.openedOnText', { date: formatDate(data.openedOn) })}
          {data.closedOn ? ` · ${t('funds.closedOnText', { date: formatDate(data.closedOn) })}` : ''}
        </Typography.Paragraph>
        <Flex gap={32} wrap>
          <Statistic
            title={t('funds.income')}
            value={formatMoney(data.totals.income)}
            data-testid="fund-income"
          />
          <Statistic
            title={t('funds.spending')}
            value={formatMoney(data.totals.spending)}
            data-testid="fund-spending"
          />
          <Statistic
            title={t('funds.balance')}
            value={formatMoney(data.totals.balance)}
            data-testid="fund-balance"
          />
          <Statistic title={t('funds.entries.count')} value={data.entries} />
        </Flex>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 12 }}>
          {t('funds.headHash')}:{' '}
          <Typography.Text code copyable={{ text: data.headHash }} data-testid="fund-head-hash">
            {hashPrefix(data.headHash, 16)}…
          </Typography.Text>
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <VerifyButton key={data.headHash} fund={data} />
          {data.canPost ? (
            <Button
              icon={<SwapOutlined />}
              onClick={() => setTransferring(true)}
              data-testid="fund-transfer-open"
            >
              {t('funds.transfer.button')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          destroyOnHidden
          items={[
            {
              key: 'entries',
              label: <span data-testid="fund-tab-entries">{t('funds.tab.entries')}</span>,
              children: <FundEntries fund={data} />,
            },
            {
              key: 'monthly',
              label: <span data-testid="fund-tab-monthly">{t('funds.tab.monthly')}</span>,
              children: <MonthlyTab fund={data} />,
            },
            {
              key: 'accounts',
              label: <span data-testid="fund-tab-accounts">{t('funds.tab.accounts')}</span>,
              children: <AccountsTab fund={data} />,
            },
            {
              key: 'board',
              label: <span data-testid="fund-tab-board">{t('funds.tab.board')}</span>,
              children: <BoardTab fund={data} />,
            },
            // Statement lines name the senders: shown to those who keep the fund.
            ...(data.canManage
              ? [
                  {
                    key: 'statements',
                    label: <span data-testid="fund-tab-statements">{t('funds.tab.statements')}</span>,
                    children: <FundBankStatements fund={data} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {isTransferring ? <TransferModal fund={data} onClose={() => setTransferring(false)} /> : null}
    </Space>
  );
}
