import {
  ArrowLeftOutlined,
  CheckOutlined,
  DeleteOutlined,
  PrinterOutlined,
  UsergroupAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { formatMoney, formatNumber } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Grid,
  InputNumber,
  Modal,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { dateFormat, formatDate, fromDayjs, toDayjs, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { DateDialog } from '../households/dialogs';
import { categoryColor, categoryLabel } from '../households/household-labels';
import { categoryKindsQuery, householdQuery } from '../households/households.api';
import { usePageUnit } from '../households/use-page-unit';
import { CoverageBar, DistributionStatusTag, givenText, MoneyInput, ProgramKindTag } from './program-labels';
import {
  type CoverageRow,
  coverageByUnitQuery,
  type DistributionRow,
  type DistributionStatus,
  distributionsQuery,
  type EligibleHousehold,
  eligibleQuery,
  type ProgramDetail,
  programQuery,
  programsApi,
  refreshPrograms,
  type StockItem,
  stockQuery,
} from './programs.api';

const pageSizes = [20, 50, 100, 200];

/** A date inside the programme's period, as near to today as it can be. */
const dateInPeriod = (program: ProgramDetail) => {
  const today = todayInVietnam();
  if (today < program.periodFrom) return program.periodFrom;
  if (today > program.periodTo) return program.periodTo;
  return today;
};

function Totals({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const cells = [
    { key: 'planned', title: t('distribution.status.planned') },
    { key: 'paid', title: t('distribution.status.paid') },
    { key: 'confirmed', title: t('distribution.status.confirmed') },
    { key: 'reversed', title: t('distribution.status.reversed') },
  ] as const;
  return (
    <Row gutter={[16, 16]} data-testid="program-totals">
      {cells.map((cell) => {
        const total = program.totals[cell.key];
        return (
          <Col xs={12} md={6} key={cell.key}>
            <Card size="small">
              <Statistic
                title={cell.title}
                value={total.count}
                formatter={(value) => formatNumber(Number(value))}
                suffix={t('program.households')}
              />
              <Typography.Text type="secondary" data-testid={`program-total-${cell.key}`}>
                {formatMoney(total.amount + total.itemsValue)}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

function CoveragePanel({ program, unit }: { program: ProgramDetail; unit: string | null }) {
  const { t } = useI18n();
  const [trail, setTrail] = useState<string[]>([]);
  const current = trail.at(-1) ?? unit;
  const coverage = useQuery(coverageByUnitQuery(program.id, current));
  const data = coverage.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
      {data ? (
        <Flex gap={16} wrap align="center">
          {trail.length > 0 ? (
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => setTrail(trail.slice(0, -1))}
              data-testid="coverage-up"
            >
              {t('common.back')}
            </Button>
          ) : null}
          <Typography.Text strong>{data.unit.unitName}</Typography.Text>
          <div style={{ minWidth: 260, flex: 1, maxWidth: 420 }}>
            <CoverageBar coverage={data.unit} t={t} testId="coverage-total" />
          </div>
        </Flex>
      ) : null}
      <Table<CoverageRow>
        rowKey="unitCode"
        size="small"
        loading={coverage.isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="coverage-table"
        locale={{ emptyText: t('program.coverage.empty') }}
        onRow={(row) =>
          ({ 'data-testid': `coverage-row-${row.unitCode}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('program.unit'),
            dataIndex: 'unitName',
            render: (name: string, row) =>
              row.hasChildren ? (
                <Typography.Link onClick={() => setTrail([...trail, row.unitCode])}>{name}</Typography.Link>
              ) : (
                name
              ),
          },
          {
            title: t('program.eligible'),
            dataIndex: 'eligible',
            align: 'right',
            width: 120,
            render: (value: number) => formatNumber(value),
          },
          {
            title: t('program.supported'),
            dataIndex: 'supported',
            align: 'right',
            width: 120,
            render: (value: number) => formatNumber(value),
          },
          {
            title: t('program.coverage'),
            key: 'coverage',
            width: 260,
            render: (_: unknown, row) => <CoverageBar coverage={row} t={t} />,
          },
        ]}
      />
    </Space>
  );
}

type AddValues = {
  amount?: number | null;
  personId?: string;
  items?: Array<{ item?: string; quantity?: number }>;
};

function AddDistributionsModal({
  program,
  target,
  stock,
  onClose,
}: {
  program: ProgramDetail;
  target: { householdIds: string[] } | { allEligibleIn: string; label: string };
  stock: StockItem[];
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [error, setError] = useState<unknown>(null);
  const single = 'householdIds' in target && target.householdIds.length === 1 ? target.householdIds[0] : null;
  const household = useQuery({
    ...householdQuery(single ?? '', program.eligibleOn),
    enabled: Boolean(single),
  });
  const mutation = useMutation({
    mutationFn: (values: AddValues) =>
      programsApi.addDistributions(program.id, {
        ...('householdIds' in target
          ? { householdIds: target.householdIds }
          : { allEligibleIn: target.allEligibleIn }),
        amount: values.amount ?? 0,
        ...(values.personId ? { personId: values.personId } : {}),
        items: (values.items ?? [])
          .filter((item) => item.item && item.quantity)
          .map((item) => ({ item: item.item ?? '', quantity: item.quantity ?? 0 })),
      }),
    onSuccess: async (answer) => {
      await refreshPrograms(client);
      message.success(t('distribution.added', { count: formatNumber(answer.created) }));
      onClose();
    },
    onError: (caught) => setError(caught),
  });
  return (
    <Modal
      open
      title={t('distribution.add.title')}
      okText={t('distribution.add.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'distribution-add-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {'householdIds' in target
          ? t('distribution.add.selected', { count: formatNumber(target.householdIds.length) })
          : t('distribution.add.all', { unit: target.label })}
      </Typography.Paragraph>
      <Form<AddValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ amount: program.amountPerHousehold ?? 0, items: [] }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
        data-testid="distribution-add-form"
      >
        <Form.Item name="amount" label={t('distribution.amount')}>
          <MoneyInput testId="distribution-add-amount" />
        </Form.Item>
        {single ? (
          <Form.Item name="personId" label={t('distribution.person')} extra={t('distribution.personHint')}>
            <Select
              allowClear
              loading={household.isFetching}
              options={(household.data?.members ?? []).map((member) => ({
                value: member.id,
                label: member.fullName,
              }))}
              data-testid="distribution-add-person"
            />
          </Form.Item>
        ) : null}
        {program.campaignId ? (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>{t('distribution.items')}</Typography.Text>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'item']} style={{ flex: 1, marginBottom: 8 }}>
                      <Select
                        placeholder={t('distribution.item')}
                        options={stock.map((line) => ({
                          value: line.item,
                          label: `${line.name} (${t('programs.stock.remainingShort', { count: formatNumber(line.remaining) })})`,
                        }))}
                        data-testid="distribution-add-item"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} style={{ width: 120, marginBottom: 8 }}>
                      <InputNumber<number>
                        min={1}
                        precision={0}
                        placeholder={t('distribution.quantity')}
                        style={{ width: '100%' }}
                        data-testid="distribution-add-quantity"
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('distribution.remove')}
                    />
                  </Flex>
                ))}
                <Button
                  onClick={() => add({ quantity: 1 })}
                  disabled={stock.length === 0}
                  data-testid="distribution-add-item-row"
                >
                  {t('distribution.addItem')}
                </Button>
                <Typography.Text type="secondary">{t('distribution.itemsHint')}</Typography.Text>
              </Space>
            )}
          </Form.List>
        ) : null}
      </Form>
      {error ? <ErrorAlert error={error} testId="distribution-add-error" /> : null}
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul data-testid="distribution-add-problems">
          {error.fields.map((field) => (
            <li key={`${field.path}-${field.message}`}>{lang === 'en' ? field.messageEn : field.message}</li>
          ))}
        </ul>
      ) : null}
    </Modal>
  );
}

function EligiblePanel({
  program,
  unit,
  canAdd,
  stock,
}: {
  program: ProgramDetail;
  unit: string | null;
  canAdd: boolean;
  stock: StockItem[];
}) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<string[]>([]);
  const [adding, setAdding] = useState<
    null | { householdIds: string[] } | { allEligibleIn: string; label: string }
  >(null);
  const eligible = useQuery(eligibleQuery(program.id, unit, page, pageSize));
  const kinds = useQuery(categoryKindsQuery);
  const scopeCode = unit ?? program.unitCode;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text type="secondary">
        {t('program.eligibleIntro', { date: formatDate(program.eligibleOn) })}
      </Typography.Text>
      {canAdd ? (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<UsergroupAddOutlined />}
            disabled={selected.length === 0}
            onClick={() => setAdding({ householdIds: selected })}
            data-testid="eligible-add-selected"
          >
            {t('program.addSelected', { count: formatNumber(selected.length) })}
          </Button>
          <Button
            icon={<UsergroupAddOutlined />}
            disabled={!eligible.data?.total}
            onClick={() => setAdding({ allEligibleIn: scopeCode, label: String(eligible.data?.total ?? 0) })}
            data-testid="eligible-add-all"
          >
            {t('program.addAll')}
          </Button>
        </Flex>
      ) : null}
      {eligible.error ? <ErrorAlert error={eligible.error} /> : null}
      <Table<EligibleHousehold>
        rowKey="householdId"
        size="small"
        loading={eligible.isFetching}
        dataSource={eligible.data?.items ?? []}
        scroll={{ x: screens.md ? 900 : 560 }}
        data-testid="eligible-table"
        locale={{ emptyText: t('program.eligibleEmpty') }}
        rowSelection={
          canAdd
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        onRow={(row) => ({ 'data-testid': `eligible-row-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: eligible.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (total) => t('households.total', { count: formatNumber(total) }),
          onChange: (next, size) => {
            setPage(next);
            setPageSize(size);
          },
        }}
        columns={[
          { title: t('household.code'), dataIndex: 'code', width: 110 },
          {
            title: t('household.head'),
            dataIndex: 'headName',
            width: 190,
            render: (name: string | null) => name ?? '—',
          },
          { title: t('household.group'), dataIndex: 'groupName', width: 150, responsive: ['md'] },
          {
            title: t('household.address'),
            dataIndex: 'address',
            width: 220,
            responsive: ['lg'],
            render: (value: string | null) => value ?? '—',
          },
          {
            title: t('household.categories'),
            dataIndex: 'categories',
            width: 220,
            render: (codes: string[]) =>
              codes.map((code) => (
                <Tag key={code} color={categoryColor(code)} style={{ marginBlock: 2 }}>
                  {categoryLabel(code, lang, kinds.data)}
                </Tag>
              )),
          },
        ]}
      />
      {adding ? (
        <AddDistributionsModal
          program={program}
          target={adding}
          stock={stock}
          onClose={() => {
            setAdding(null);
            setSelected([]);
          }}
        />
      ) : null}
    </Space>
  );
}

function PayModal({
  program,
  rows,
  onClose,
}: {
  program: ProgramDetail;
  rows: DistributionRow[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [paidOn, setPaidOn] = useState<Dayjs | null>(toDayjs(dateInPeriod(program)));
  const [method, setMethod] = useState<'cash' | 'bank'>('cash');
  const [error, setError] = useState<unknown>(null);
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  const itemsValue = rows.reduce((sum, row) => sum + row.itemsValue, 0);
  const mutation = useMutation({
    mutationFn: () =>
      programsApi.pay({ ids: rows.map((row) => row.id), paidOn: paidOn ? fromDayjs(paidOn) : '', method }),
    onSuccess: async (answer) => {
      await refreshPrograms(client);
      message.success(t('distribution.paidCount', { count: formatNumber(answer.paid) }));
      onClose();
    },
    onError: (caught) => setError(caught),
  });
  return (
    <Modal
      open
      title={t('distribution.pay.title')}
      okText={t('distribution.pay.ok')}
      cancelText={t('common.cancel')}
      onOk={() => mutation.mutate()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: !paidOn, 'data-testid': 'distribution-pay-ok' }}
      destroyOnHidden
    >
      <Space
        orientation="vertical"
        style={{ width: '100%' }}
        size="middle"
        data-testid="distribution-pay-form"
      >
        <Typography.Text>
          {t('distribution.pay.summary', {
            count: formatNumber(rows.length),
            amount: formatMoney(total),
            items: formatMoney(itemsValue),
            fund: program.fundName,
          })}
        </Typography.Text>
        <Form layout="vertical" requiredMark={false}>
          <Form.Item label={t('distribution.paidOn')} extra={t('distribution.paidOnHint')}>
            <DatePicker
              value={paidOn}
              onChange={setPaidOn}
              format={dateFormat}
              allowClear={false}
              style={{ width: '100%' }}
              data-testid="distribution-pay-date"
            />
          </Form.Item>
          <Form.Item label={t('distribution.method')}>
            <Segmented<'cash' | 'bank'>
              value={method}
              onChange={setMethod}
              options={[
                { value: 'cash', label: t('distribution.method.cash') },
                { value: 'bank', label: t('distribution.method.bank') },
              ]}
              data-testid="distribution-pay-method"
            />
          </Form.Item>
        </Form>
        {error ? <ErrorAlert error={error} testId="distribution-pay-error" /> : null}
      </Space>
    </Modal>
  );
}

function DistributionsPanel({
  program,
  unit,
  canRemove,
  canConfirm,
}: {
  program: ProgramDetail;
  unit: string | null;
  canRemove: boolean;
  canConfirm: boolean;
}) {
  const { t, errorText } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<DistributionStatus | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<DistributionRow[]>([]);
  const [isPaying, setPaying] = useState(false);
  const [confirming, setConfirming] = useState<DistributionRow | null>(null);
  const list = useQuery(distributionsQuery(program.id, { unit, status }, page, pageSize));
  const remove = useMutation({
    mutationFn: (id: string) => programsApi.remove(id),
    onSuccess: async () => {
      await refreshPrograms(client);
      message.success(t('distribution.removed'));
    },
    onError: (caught) => message.error(errorText(caught)),
  });
  const isPayable = (row: DistributionRow) => row.status === 'planned' || row.reversed;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex gap={12} wrap align="center" justify="space-between">
        <Segmented<string>
          value={status ?? 'all'}
          onChange={(value) => {
            setStatus(value === 'all' ? null : (value as DistributionStatus));
            setPage(1);
            setSelected([]);
          }}
          options={[
            { value: 'all', label: t('distribution.status.all') },
            { value: 'planned', label: t('distribution.status.planned') },
            { value: 'paid', label: t('distribution.status.paid') },
            { value: 'confirmed', label: t('distribution.status.confirmed') },
          ]}
          data-testid="distributions-status"
        />
        {program.canPay ? (
          <Button
            type="primary"
            icon={<WalletOutlined />}
            disabled={selected.length === 0}
            onClick={() => setPaying(true)}
            data-testid="distributions-pay"
          >
            {t('distribution.pay.button', { count: formatNumber(selected.length) })}
          </Button>
        ) : null}
      </Flex>
      {list.data ? (
        <Typography.Text type="secondary" data-testid="distributions-totals">
          {t('distribution.listTotals', {
            count: formatNumber(list.data.total),
            amount: formatMoney(list.data.totals.amount),
            items: formatMoney(list.data.totals.itemsValue),
          })}
        </Typography.Text>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<DistributionRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: screens.md ? 1150 : 620 }}
        data-testid="distributions-table"
        locale={{ emptyText: t('distribution.empty') }}
        rowSelection={
          program.canPay
            ? {
                selectedRowKeys: selected.map((row) => row.id),
                onChange: (_, rows) => setSelected(rows),
                getCheckboxProps: (row) => ({ disabled: !isPayable(row) }),
              }
            : undefined
        }
        onRow={(row) =>
          ({
            'data-testid': `distribution-row-${row.householdCode ?? row.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          onChange: (next, size) => {
            setPage(next);
            setPageSize(size);
            setSelected([]);
          },
        }}
        columns={[
          {
            title: t('household.code'),
            dataIndex: 'householdCode',
            width: 100,
            render: (code: string | null) => code ?? '—',
          },
          {
            title: t('household.head'),
            dataIndex: 'headName',
            width: 180,
            render: (name: string | null, row) => (
              <>
                {name ?? t('distribution.erased')}
                {row.personName ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('distribution.for', { name: row.personName })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t('household.group'),
            dataIndex: 'groupName',
            width: 140,
            responsive: ['md'],
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('distribution.given'),
            key: 'given',
            width: 220,
            render: (_: unknown, row) => givenText(row),
          },
          {
            title: t('distribution.status'),
            key: 'status',
            width: 130,
            render: (_: unknown, row) => <DistributionStatusTag row={row} t={t} />,
          },
          {
            title: t('distribution.paidOn'),
            dataIndex: 'paidOn',
            width: 110,
            render: (date: string | null) => (date ? formatDate(date) : '—'),
          },
          {
            title: t('distribution.confirmedOn'),
            dataIndex: 'confirmedOn',
            width: 110,
            responsive: ['lg'],
            render: (date: string | null) => (date ? formatDate(date) : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, row) => (
              <Space>
                {canConfirm && row.status === 'paid' && !row.reversed ? (
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    onClick={() => setConfirming(row)}
                    data-testid="distribution-confirm"
                  >
                    {t('distribution.confirmShort')}
                  </Button>
                ) : null}
                {canRemove && row.status === 'planned' ? (
                  <Popconfirm
                    title={t('distribution.removeConfirm')}
                    okText={t('distribution.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'distribution-remove-ok' } as never}
                    onConfirm={() => remove.mutate(row.id)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('distribution.remove')}
                      data-testid="distribution-remove"
                    />
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {isPaying ? (
        <PayModal
          program={program}
          rows={selected}
          onClose={() => {
            setPaying(false);
            setSelected([]);
          }}
        />
      ) : null}
      {confirming ? (
        <DateDialog
          title={t('distribution.confirm.title', { code: confirming.householdCode ?? '' })}
          label={t('distribution.confirmedOn')}
          initial={
            confirming.paidOn && confirming.paidOn > todayInVietnam() ? confirming.paidOn : todayInVietnam()
          }
          testId="distribution-confirm-dialog"
          onConfirm={async (date) => {
            await programsApi.confirm(confirming.id, date);
            await refreshPrograms(client);
          }}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </Space>
  );
}

function StockPanel({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const stock = useQuery(stockQuery(campaignId));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {stock.error ? <ErrorAlert error={stock.error} /> : null}
      <Table<StockItem>
        rowKey="item"
        size="small"
        loading={stock.isFetching}
        dataSource={stock.data ?? []}
        pagination={false}
        data-testid="stock-table"
        locale={{ emptyText: t('programs.stock.empty') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('programs.stock.item'), dataIndex: 'name' },
          {
            title: t('programs.stock.received'),
            dataIndex: 'received',
            align: 'right',
            render: (v: number) => formatNumber(v),
          },
          {
            title: t('programs.stock.given'),
            dataIndex: 'given',
            align: 'right',
            render: (v: number) => formatNumber(v),
          },
          {
            title: t('programs.stock.remaining'),
            dataIndex: 'remaining',
            align: 'right',
            render: (v: number) => <Typography.Text strong>{formatNumber(v)}</Typography.Text>,
          },
          {
            title: t('programs.stock.valueReceived'),
            dataIndex: 'valueReceived',
            align: 'right',
            render: (v: number) => formatMoney(v),
          },
          {
            title: t('programs.stock.valueGiven'),
            dataIndex: 'valueGiven',
            align: 'right',
            render: (v: number) => formatMoney(v),
          },
          {
            title: t('programs.stock.valueRemaining'),
            dataIndex: 'valueRemaining',
            align: 'right',
            render: (v: number) => formatMoney(v),
          },
        ]}
      />
    </Space>
  );
}

export function ProgramPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const me = useMe();
  const unit = usePageUnit();
  const href = useAppHref();
  const program = useQuery(programQuery(id));
  const kinds = useQuery(categoryKindsQuery);
  const campaignId = program.data?.campaignId ?? null;
  const stock = useQuery({ ...stockQuery(campaignId ?? ''), enabled: Boolean(campaignId) });

  if (program.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (program.error || !program.data) {
    if (program.error instanceof ApiError && program.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('program.notFound')}
          extra={<Link to={href('/programs')}>{t('programs.title')}</Link>}
        />
      );
    }
    return <ErrorAlert error={program.error} />;
  }
  const data = program.data;
  // A unit above the programme's shows the whole programme (the API answers for the programme's unit).
  const canAdd = data.canManage || canDo(me, 'funds.write');
  const canConfirm = canDo(me, 'funds.write') || canDo(me, 'households.write');
  const sheetHref = href(`/programs/${data.id}/sheet`);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={
          <Space wrap>
            <Link to={href('/programs')} aria-label={t('common.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="program-name">{data.name}</span>
            <ProgramKindTag kind={data.kind} t={t} />
          </Space>
        }
        extra={
          <Link to={sheetHref} target="_blank" rel="noopener" data-testid="program-sheet-link">
            <Button icon={<PrinterOutlined />}>{t('program.sheet')}</Button>
          </Link>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="program-details"
          items={[
            { key: 'code', label: t('program.code'), children: data.code },
            { key: 'unit', label: t('program.unit'), children: data.unitName },
            { key: 'fund', label: t('program.fund'), children: data.fundName },
            {
              key: 'campaign',
              label: t('program.campaign'),
              children: data.campaignCode ? `${data.campaignCode} — ${data.campaignName ?? ''}` : '—',
            },
            {
              key: 'period',
              label: t('program.period'),
              children: `${formatDate(data.periodFrom)} – ${formatDate(data.periodTo)}`,
            },
            { key: 'eligibleOn', label: t('program.eligibleOn'), children: formatDate(data.eligibleOn) },
            {
              key: 'categories',
              label: t('program.categories'),
              children: data.eligibleCategories.map((code) => (
                <Tag key={code} color={categoryColor(code)}>
                  {categoryLabel(code, lang, kinds.data)}
                </Tag>
              )),
            },
            {
              key: 'amount',
              label: t(
                data.kind === 'solidarity_house' ? 'program.amountPerHouse' : 'program.amountPerHousehold',
              ),
              children: data.amountPerHousehold ? formatMoney(data.amountPerHousehold) : '—',
            },
            {
              key: 'decision',
              label: t('program.decisionNo'),
              children: data.decisionNo
                ? `${data.decisionNo}${data.decidedOn ? ` (${formatDate(data.decidedOn)})` : ''}`
                : '—',
            },
            {
              key: 'repeat',
              label: t('program.allowRepeat'),
              children: data.allowRepeat ? t('program.yes') : t('program.no'),
            },
          ]}
        />
      </Card>
      <Totals program={data} />
      <Card>
        <Tabs
          data-testid="program-tabs"
          items={[
            {
              key: 'coverage',
              label: t('program.tab.coverage'),
              children: <CoveragePanel program={data} unit={unit} />,
            },
            {
              key: 'eligible',
              label: t('program.tab.eligible'),
              children: <EligiblePanel program={data} unit={unit} canAdd={canAdd} stock={stock.data ?? []} />,
            },
            {
              key: 'distributions',
              label: t('program.tab.distributions'),
              children: (
                <DistributionsPanel program={data} unit={unit} canRemove={canAdd} canConfirm={canConfirm} />
              ),
            },
            ...(campaignId
              ? [
                  {
                    key: 'stock',
                    label: t('program.tab.stock'),
                    children: <StockPanel campaignId={campaignId} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
