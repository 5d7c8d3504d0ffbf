import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { formatMoney, fundKinds } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { dateFormat, formatDate, fromDayjs, toDayjs } from '../../lib/dates';
import { type MessageKey, type Translate, useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { usePageUnit } from '../households/use-page-unit';
import { UnitPicker } from '../units/UnitPicker';
import { bankNameOf, bankOptions } from './banks';
import { type FundKind, type FundWithTotals, fundsApi, fundsQuery, refreshMoney } from './funds.api';
import { sumTotals } from './funds-format';
import './funds.css';

export const fundKindLabel = (t: Translate, kind: FundKind) => t(`funds.kind.${kind}` as MessageKey);

const kindColors: Record<FundKind, string> = {
  poor: 'red',
  covid: 'purple',
  vaccine: 'geekblue',
  sea_islands: 'blue',
  gratitude: 'gold',
  disaster: 'volcano',
  study: 'green',
  other: 'default',
};

export function FundKindTag({ kind }: { kind: FundKind }) {
  const { t } = useI18n();
  return <Tag color={kindColors[kind]}>{fundKindLabel(t, kind)}</Tag>;
}

type AccountValues = { bankBin?: string; accountNumber?: string; accountName?: string };
type CreateValues = {
  unitCode?: string | null;
  kind?: FundKind;
  name?: string;
  openedOn?: Dayjs;
  bankAccounts?: AccountValues[];
  board?: Array<{ name?: string; position?: string }>;
};

/** Bank accounts of a form: the bank chosen from the NAPAS list, its number and holder. */
export function BankAccountFields({ name, testId }: { name: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((item, index) => (
            <Flex key={item.key} gap={8} align="start" wrap data-testid={`${testId}-${index}`}>
              <Form.Item
                name={[item.name, 'bankBin']}
                rules={[{ required: true, message: t('funds.bank.required') }]}
                style={{ minWidth: 180, flex: 1 }}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={bankOptions}
                  placeholder={t('funds.bank.bank')}
                  data-testid={`${testId}-${index}-bank`}
                />
              </Form.Item>
              <Form.Item
                name={[item.name, 'accountNumber']}
                rules={[{ required: true, message: t('funds.bank.numberRequired') }]}
                style={{ minWidth: 150, flex: 1 }}
              >
                <Input placeholder={t('funds.bank.number')} data-testid={`${testId}-${index}-number`} />
              </Form.Item>
              <Form.Item
                name={[item.name, 'accountName']}
                rules={[{ required: true, message: t('funds.bank.holderRequired') }]}
                style={{ minWidth: 180, flex: 2 }}
              >
                <Input placeholder={t('funds.bank.holder')} data-testid={`${testId}-${index}-holder`} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('funds.remove')}
                onClick={() => remove(item.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add`}>
            {t('funds.bank.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function CreateFundModal({ unitCode, at, onClose }: { unitCode: string; at: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const href = useAppHref();
  return (
    <FormModal<CreateValues>
      title={t('funds.create.title')}
      testId="fund-create"
      width={720}
      fields={['unitCode', 'kind', 'name', 'openedOn']}
      initialValues={{ unitCode, kind: 'poor', openedOn: toDayjs(at), bankAccounts: [], board: [] }}
      refresh={refreshMoney}
      onClose={onClose}
      save={async (values) => {
        const created = await fundsApi.createFund({
          unitCode: values.unitCode ?? '',
          kind: values.kind ?? 'poor',
          name: values.name ?? '',
          openedOn: values.openedOn ? fromDayjs(values.openedOn) : at,
          bankAccounts: (values.bankAccounts ?? []).map((account) => ({
            bankBin: account.bankBin ?? '',
            bankName: bankNameOf(account.bankBin ?? ''),
            accountNumber: account.accountNumber?.trim() ?? '',
            accountName: account.accountName?.trim() ?? '',
          })),
          board: (values.board ?? []).map((member) => ({
            name: member.name ?? '',
            position: member.position ?? '',
          })),
        });
        navigate(href(`/funds/${created.id}`));
        return created;
      }}
    >
      <Form.Item name="unitCode" label={t('funds.unit')}>
        <UnitPicker at={at} testId="fund-create-unit" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('funds.kind')} style={{ minWidth: 220, flex: 1 }}>
          <Select
            options={fundKinds.map((kind) => ({ value: kind, label: fundKindLabel(t, kind) }))}
            data-testid="fund-create-kind"
          />
        </Form.Item>
        <Form.Item name="openedOn" label={t('funds.openedOn')} style={{ minWidth: 160 }}>
          <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="name"
        label={t('funds.name')}
        rules={[{ required: true, whitespace: true, message: t('funds.nameRequired') }]}
      >
        <Input placeholder={t('funds.namePlaceholder')} data-testid="fund-create-name" />
      </Form.Item>
      <Typography.Title level={5}>{t('funds.bankAccounts')}</Typography.Title>
      <BankAccountFields name="bankAccounts" testId="fund-create-account" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('funds.board')}
      </Typography.Title>
      <Form.List name="board">
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => (
              <Flex key={item.key} gap={8} align="start" wrap data-testid={`fund-create-member-${index}`}>
                <Form.Item
                  name={[item.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('funds.board.nameRequired') }]}
                  style={{ minWidth: 200, flex: 2 }}
                >
                  <Input
                    placeholder={t('funds.board.name')}
                    data-testid={`fund-create-member-${index}-name`}
                  />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'position']}
                  rules={[{ required: true, whitespace: true, message: t('funds.board.positionRequired') }]}
                  style={{ minWidth: 180, flex: 2 }}
                >
                  <Input
                    placeholder={t('funds.board.position')}
                    data-testid={`fund-create-member-${index}-position`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('funds.remove')}
                  onClick={() => remove(item.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              data-testid="fund-create-member-add"
            >
              {t('funds.board.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

export function FundsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const screens = Grid.useBreakpoint();
  const [isCreating, setCreating] = useState(false);
  const funds = useQuery({ ...fundsQuery(unit ?? '', at), enabled: Boolean(unit) });

  if (!unit) {
    return (
      <Card title={t('funds.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }
  const items = funds.data ?? [];
  const totals = sumTotals(items);
  const money = (value: number) => formatMoney(value);

  return (
    <Card
      title={t('funds.title')}
      extra={
        canDo(me, 'funds.write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="fund-create-open"
          >
            {t('funds.create.button')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t('funds.subtitle', { date: formatDate(at) })}
      </Typography.Paragraph>
      {funds.error ? <ErrorAlert error={funds.error} /> : null}
      <Table<FundWithTotals>
        rowKey="id"
        size="middle"
        loading={funds.isFetching}
        dataSource={items}
        scroll={{ x: screens.md ? 960 : 640 }}
        data-testid="funds-table"
        locale={{ emptyText: t('funds.empty') }}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(fund) => ({ 'data-testid': `fund-row-${fund.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('funds.name'),
            dataIndex: 'name',
            fixed: 'left',
            width: 240,
            render: (name: string, fund) => (
              <Link to={href(`/funds/${fund.id}`)} data-testid="fund-link">
                {name}
              </Link>
            ),
          },
          {
            title: t('funds.unit'),
            key: 'unit',
            width: 180,
            responsive: ['md'],
            render: (_value, fund) => fund.unitName || fund.unitCode,
          },
          {
            title: t('funds.kind'),
            dataIndex: 'kind',
            width: 170,
            responsive: ['sm'],
            render: (kind: FundKind) => <FundKindTag kind={kind} />,
          },
          {
            title: t('funds.income'),
            dataIndex: 'income',
            align: 'right',
            className: 'money-cell',
            width: 170,
            render: money,
          },
          {
            title: t('funds.spending'),
            dataIndex: 'spending',
            align: 'right',
            className: 'money-cell',
            width: 170,
            render: money,
          },
          {
            title: t('funds.balance'),
            dataIndex: 'balance',
            align: 'right',
            className: 'money-cell',
            width: 170,
            render: money,
          },
        ]}
        summary={() =>
          items.length > 1 ? (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="funds-totals">
                <Table.Summary.Cell index={0} colSpan={screens.md ? 3 : screens.sm ? 2 : 1}>
                  <strong>{t('funds.totals', { count: items.length })}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong data-testid="funds-total-income">{formatMoney(totals.income)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <strong data-testid="funds-total-spending">{formatMoney(totals.spending)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <strong data-testid="funds-total-balance">{formatMoney(totals.balance)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {isCreating ? <CreateFundModal unitCode={unit} at={at} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
