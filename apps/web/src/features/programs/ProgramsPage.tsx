import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { type CreateProgramInput, formatMoney } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, formatDate, fromDayjs, toDayjs } from '../../lib/dates';
import { showApiFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { categoryKindsQuery } from '../households/households.api';
import { usePageUnit } from '../households/use-page-unit';
import { filterPrograms, oneOf, yearParam } from '../reports/drill-filters';
import { UnitPicker } from '../units/UnitPicker';
import { CoverageBar, MoneyInput, ProgramKindTag } from './program-labels';
import {
  campaignOptionsQuery,
  type ProgramKind,
  type ProgramListItem,
  payingFundsQuery,
  programKinds,
  programsApi,
  programsQuery,
  refreshPrograms,
} from './programs.api';

type CreateValues = {
  unitCode?: string | null;
  fundId?: string;
  campaignId?: string | null;
  code?: string;
  name?: string;
  kind?: ProgramKind;
  period?: [Dayjs, Dayjs];
  eligibleCategories?: string[];
  eligibleOn?: Dayjs;
  amountPerHousehold?: number | null;
  allowRepeat?: boolean;
  decisionNo?: string;
  decidedOn?: Dayjs | null;
};

const formFields = new Set([
  'unitCode',
  'fundId',
  'campaignId',
  'code',
  'name',
  'kind',
  'period',
  'eligibleCategories',
  'eligibleOn',
  'amountPerHousehold',
  'decisionNo',
  'decidedOn',
]);

/** The form field an API error path belongs to: the period is one picker for two contract fields. */
const formFieldOf = (path: string) => {
  const head = path.split('.')[0] ?? path;
  const name = head === 'periodFrom' || head === 'periodTo' ? 'period' : head;
  return formFields.has(name) ? name : null;
};

function CreateProgramModal({
  unitCode,
  at,
  onClose,
  onCreated,
}: {
  unitCode: string;
  at: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const chosenUnit = Form.useWatch('unitCode', form) ?? unitCode;
  const eligibleOn = Form.useWatch('eligibleOn', form);
  const kind = Form.useWatch('kind', form);
  const treeDate = eligibleOn ? fromDayjs(eligibleOn) : at;
  const funds = useQuery({ ...payingFundsQuery(chosenUnit, treeDate), enabled: Boolean(chosenUnit) });
  const campaigns = useQuery({ ...campaignOptionsQuery(chosenUnit, treeDate), enabled: Boolean(chosenUnit) });
  const categories = useQuery(categoryKindsQuery);

  const mutation = useMutation({
    mutationFn: (values: CreateValues) => {
      const body: CreateProgramInput = {
        unitCode: values.unitCode ?? '',
        fundId: values.fundId ?? '',
        campaignId: values.campaignId ?? null,
        code: values.code ?? '',
        name: values.name ?? '',
        kind: values.kind ?? 'tet_gift',
        periodFrom: values.period ? fromDayjs(values.period[0]) : '',
        periodTo: values.period ? fromDayjs(values.period[1]) : '',
        eligibleCategories: values.eligibleCategories ?? [],
        eligibleOn: values.eligibleOn ? fromDayjs(values.eligibleOn) : '',
        amountPerHousehold: values.amountPerHousehold || null,
        allowRepeat: values.allowRepeat ?? false,
        decisionNo: values.decisionNo?.trim() || null,
        decidedOn: values.decidedOn ? fromDayjs(values.decidedOn) : null,
      };
      return programsApi.create(body);
    },
    onSuccess: async (answer) => {
      await refreshPrograms(client);
      onClose();
      onCreated(answer.id);
    },
    onError: (caught) => {
      if (!showApiFieldErrors(form, caught, lang, formFieldOf)) setError(caught);
    },
  });

  return (
    <Modal
      open
      width={720}
      title={t('program.create.title')}
      okText={t('program.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'program-create-ok' }}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          unitCode,
          kind: 'tet_gift',
          eligibleOn: toDayjs(at),
          allowRepeat: false,
          eligibleCategories: ['poor', 'near_poor'],
        }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
        data-testid="program-create-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="unitCode" label={t('program.unit')} extra={t('program.unitHint')}>
              <UnitPicker at={treeDate} testId="program-create-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('program.kind')}>
              <Select<ProgramKind>
                options={programKinds.map((value) => ({ value, label: t(`program.kind.${value}`) }))}
                data-testid="program-create-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('program.code')} extra={t('program.codeHint')}>
              <Input data-testid="program-create-code" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('program.name')}>
              <Input data-testid="program-create-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="fundId"
              label={t('program.fund')}
              extra={t('program.fundHint')}
              rules={[{ required: true, message: t('program.fundRequired') }]}
            >
              <Select
                loading={funds.isFetching}
                options={(funds.data ?? []).map((fund) => ({
                  value: fund.id,
                  label: `${fund.name} — ${fund.unitName}`,
                }))}
                notFoundContent={t('program.noFunds')}
                data-testid="program-create-fund"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="campaignId" label={t('program.campaign')} extra={t('program.campaignHint')}>
              <Select
                allowClear
                loading={campaigns.isFetching}
                options={(campaigns.data ?? []).map((campaign) => ({
                  value: campaign.id,
                  label: `${campaign.code} — ${campaign.name}`,
                }))}
                data-testid="program-create-campaign"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="period"
              label={t('program.period')}
              rules={[{ required: true, message: t('program.periodRequired') }]}
            >
              <DatePicker.RangePicker
                format={dateFormat}
                style={{ width: '100%' }}
                data-testid="program-create-period"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="eligibleOn" label={t('program.eligibleOn')} extra={t('program.eligibleOnHint')}>
              <DatePicker
                format={dateFormat}
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="program-create-eligible-on"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="eligibleCategories"
              label={t('program.categories')}
              extra={t('program.categoriesHint')}
            >
              <Select
                mode="multiple"
                loading={categories.isFetching}
                options={(categories.data ?? []).map((category) => ({
                  value: category.code,
                  label: lang === 'en' ? category.en : category.vi,
                }))}
                optionFilterProp="label"
                data-testid="program-create-categories"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="amountPerHousehold"
              label={t(kind === 'solidarity_house' ? 'program.amountPerHouse' : 'program.amountPerHousehold')}
              extra={kind === 'solidarity_house' ? t('program.amountPerHouseHint') : undefined}
            >
              <MoneyInput testId="program-create-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="allowRepeat" label={t('program.allowRepeat')} valuePropName="checked">
              <Switch data-testid="program-create-repeat" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionNo" label={t('program.decisionNo')}>
              <Input placeholder="15/QĐ-MTTQ" data-testid="program-create-decision" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decidedOn" label={t('program.decidedOn')}>
              <DatePicker format={dateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <ErrorAlert error={error} testId="program-create-error" /> : null}
    </Modal>
  );
}

export function ProgramsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [isCreating, setCreating] = useState(false);
  const programs = useQuery({ ...programsQuery(unit ?? '', at), enabled: Boolean(unit) });
  const [params, setParams] = useSearchParams();
  const kind = oneOf(params.get('kind'), programKinds);
  const year = yearParam(params.get('year'));
  const shown = filterPrograms(programs.data ?? [], { kind, year });
  const removeFilter = (key: 'kind' | 'year') =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.delete(key);
      return next;
    });
  const filterTag = (key: 'kind' | 'year', text: string) => (
    <Tag
      key={key}
      color="blue"
      closable
      closeIcon={<CloseOutlined aria-label={t('reports.filter.remove')} />}
      onClose={(event) => {
        event.preventDefault();
        removeFilter(key);
      }}
      data-testid={`programs-filter-${key}`}
    >
      {text}
    </Tag>
  );

  if (!unit) {
    return (
      <Card title={t('programs.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }

  return (
    <Card
      title={t('programs.title')}
      extra={
        canDo(me, 'funds.write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="program-create"
          >
            {t('program.create.button')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('programs.intro')}</Typography.Paragraph>
      {kind !== null || year !== null ? (
        <Space wrap style={{ marginBottom: 12 }} data-testid="programs-drill-filters">
          {kind !== null
            ? filterTag('kind', t('reports.filter.kind', { kind: t(`program.kind.${kind}`) }))
            : null}
          {year !== null ? filterTag('year', t('reports.filter.year', { year: String(year) })) : null}
        </Space>
      ) : null}
      {programs.error ? <ErrorAlert error={programs.error} /> : null}
      <Table<ProgramListItem>
        rowKey="id"
        size="middle"
        loading={programs.isFetching}
        dataSource={shown}
        scroll={{ x: screens.md ? 1100 : 600 }}
        data-testid="programs-table"
        locale={{ emptyText: t('programs.empty') }}
        onRow={(program) =>
          ({ 'data-testid': `program-row-${program.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('program.name'),
            dataIndex: 'name',
            width: 260,
            fixed: 'left',
            render: (name: string, program) => (
              <Link to={href(`/programs/${program.id}`)} data-testid="program-link">
                <Typography.Text strong>{name}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {program.code}
                </Typography.Text>
              </Link>
            ),
          },
          {
            title: t('program.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (kind: ProgramKind) => <ProgramKindTag kind={kind} t={t} />,
          },
          {
            title: t('program.period'),
            key: 'period',
            width: 190,
            render: (_: unknown, program) =>
              `${formatDate(program.periodFrom)} – ${formatDate(program.periodTo)}`,
          },
          {
            title: t('program.coverage'),
            dataIndex: 'coverage',
            width: 190,
            render: (coverage: ProgramListItem['coverage'], program) => (
              <CoverageBar coverage={coverage} t={t} testId={`program-coverage-${program.code}`} />
            ),
          },
          { title: t('program.unit'), dataIndex: 'unitName', width: 170, responsive: ['md'] },
          { title: t('program.fund'), dataIndex: 'fundName', width: 200, responsive: ['lg'] },
          {
            title: t('program.amountPerHousehold'),
            dataIndex: 'amountPerHousehold',
            width: 150,
            align: 'right',
            responsive: ['xl'],
            render: (amount: number | null) => (amount ? formatMoney(amount) : '—'),
          },
        ]}
      />
      {isCreating ? (
        <CreateProgramModal
          unitCode={unit}
          at={at}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(href(`/programs/${id}`))}
        />
      ) : null}
    </Card>
  );
}
