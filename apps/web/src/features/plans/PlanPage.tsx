import { FileTextOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showApiFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { annualReportHref } from '../reports/narrative-form';
import { PlanDashboard } from './PlanDashboard';
import {
  evaluationQuery,
  type PlanDetail,
  planQuery,
  plansApi,
  readAsDataUrl,
  refreshPlans,
} from './plans.api';

type PlanIndicator = PlanDetail['indicators'][number];
type ValueForm = { unitCode?: string; key?: string; period?: string; value?: number; note?: string };
type TargetsForm = { unitCode?: string; targets?: { key: string; value: number; max: number | null }[] };

const valueFields = new Set(['unitCode', 'key', 'period', 'value', 'note', 'evidence', 'evidenceName']);

/** The plan's unit and the units below it, from the evaluation's contributing units. */
function useUnitOptions(plan: PlanDetail) {
  const evaluation = useQuery(evaluationQuery(plan.id, plan.unitCode, 'year'));
  const below = new Map<string, string>();
  for (const item of evaluation.data?.items ?? []) {
    for (const unit of item.contributing) below.set(unit.unitCode, unit.unitName);
  }
  return [
    { value: plan.unitCode, label: plan.unitName },
    ...[...below].map(([value, label]) => ({ value, label })),
  ];
}

function EnterValueModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<ValueForm>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const units = useUnitOptions(plan);
  const manual = plan.indicators.filter((indicator) => indicator.source === 'manual');
  const mutation = useMutation({
    mutationFn: async (values: ValueForm) =>
      plansApi.enterValue(plan.id, {
        unitCode: values.unitCode ?? '',
        key: values.key ?? '',
        period: (values.period ?? 'year') as 'year',
        value: values.value ?? Number.NaN,
        note: values.note?.trim() || null,
        evidenceName: file?.name ?? null,
        evidence: file ? await readAsDataUrl(file) : null,
      }),
    onSuccess: async () => {
      await refreshPlans(client);
      onClose();
    },
    onError: (caught) => {
      const mapped = showApiFieldErrors(form, caught, lang, (path) => {
        const head = path.split('.')[0] ?? path;
        if (head === 'evidence' || head === 'evidenceName') return 'note';
        return valueFields.has(head) ? head : null;
      });
      if (!mapped) setError(caught);
    },
  });
  return (
    <Modal
      open
      title={t('plans.value.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'value-form-ok' }}
      destroyOnHidden
    >
      <Form<ValueForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="value-form"
        initialValues={{ unitCode: plan.unitCode, key: manual[0]?.key, period: 'year' }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item name="unitCode" label={t('plans.field.unit')}>
          <Select showSearch optionFilterProp="label" options={units} data-testid="value-form-unit" />
        </Form.Item>
        <Form.Item name="key" label={t('plans.field.indicator')}>
          <Select
            options={manual.map((indicator) => ({
              value: indicator.key,
              label: `${indicator.target}. ${lang === 'en' ? indicator.nameEn : indicator.name}`,
            }))}
            data-testid="value-form-indicator"
          />
        </Form.Item>
        <Form.Item name="period" label={t('plans.field.period')}>
          <Select
            options={(['year', 'q1', 'q2', 'q3', 'q4'] as const).map((value) => ({
              value,
              label: t(`plans.period.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="value" label={t('plans.field.result')}>
          <InputNumber
            min={0}
            decimalSeparator=","
            style={{ width: '100%' }}
            data-testid="value-form-value"
          />
        </Form.Item>
        <Form.Item name="note" label={t('plans.field.note')}>
          <Input.TextArea rows={2} data-testid="value-form-note" />
        </Form.Item>
        <Form.Item label={t('plans.field.evidence')} extra={t('plans.value.evidenceHint')}>
          <input
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="value-form-evidence"
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} testId="value-form-error" /> : null}
    </Modal>
  );
}

function UnitTargetsModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<TargetsForm>();
  const [error, setError] = useState<unknown>(null);
  const units = useUnitOptions(plan).slice(1);
  const mutation = useMutation({
    mutationFn: (values: TargetsForm) =>
      plansApi.setUnitTargets(plan.id, {
        unitCode: values.unitCode ?? '',
        targets: (values.targets ?? []).map((target) => ({
          key: target.key,
          value: target.value,
          max: target.max,
        })),
      }),
    onSuccess: async () => {
      await refreshPlans(client);
      onClose();
    },
    onError: (caught) => {
      const mapped = showApiFieldErrors(form, caught, lang, (path) => {
        if (path === 'unitCode') return path;
        const match = /^targets\.(\d+)\.(value|max)/.exec(path);
        return match ? `targets.${match[1]}.${match[2]}` : null;
      });
      if (!mapped) setError(caught);
    },
  });
  return (
    <Modal
      open
      width={720}
      title={t('plans.unitTargets.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'unit-targets-ok' }}
      destroyOnHidden
    >
      <Form<TargetsForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="unit-targets-form"
        initialValues={{
          targets: plan.indicators.map((indicator) => ({
            key: indicator.key,
            value: indicator.targetView.value,
            max: indicator.targetView.max,
          })),
        }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="unitCode"
          label={t('plans.field.unit')}
          rules={[{ required: true, message: t('plans.unitTargets.pickUnit') }]}
        >
          <Select showSearch optionFilterProp="label" options={units} data-testid="unit-targets-unit" />
        </Form.Item>
        <Form.List name="targets">
          {(fields) =>
            fields.map((field) => {
              const indicator = plan.indicators[field.name] as PlanIndicator;
              return (
                <Space key={field.key} align="start" wrap>
                  <Typography.Text style={{ display: 'inline-block', width: 300, paddingTop: 6 }}>
                    {indicator.target}. {lang === 'en' ? indicator.nameEn : indicator.name}
                  </Typography.Text>
                  <Form.Item name={[field.name, 'value']}>
                    <InputNumber min={0} suffix={indicator.unitOfMeasure} style={{ width: 140 }} />
                  </Form.Item>
                  {indicator.targetView.comparison === 'range' ? (
                    <Form.Item name={[field.name, 'max']}>
                      <InputNumber min={0} style={{ width: 90 }} />
                    </Form.Item>
                  ) : null}
                </Space>
              );
            })
          }
        </Form.List>
      </Form>
      {error ? <ErrorAlert error={error} testId="unit-targets-error" /> : null}
    </Modal>
  );
}

export function PlanPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const plan = useQuery(planQuery(id));
  const [dialog, setDialog] = useState<'value' | 'targets' | null>(null);

  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data)
    return plan.isLoading ? <Card loading /> : <Result status="404" title={t('plans.notFound')} />;
  const detail = plan.data;
  const hasManual = detail.indicators.some((indicator) => indicator.source === 'manual');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="plan-title">{detail.title}</span>}
        extra={
          <Space wrap>
            <Link to={annualReportHref(detail.unitCode, detail.year)} data-testid="plan-report-link">
              <Button icon={<FileTextOutlined />}>{t('reports.openButton')}</Button>
            </Link>
            {detail.canManage && hasManual ? (
              <Button type="primary" onClick={() => setDialog('value')} data-testid="value-form-open">
                {t('plans.value.button')}
              </Button>
            ) : null}
            {detail.canManage ? (
              <Button onClick={() => setDialog('targets')} data-testid="unit-targets-open">
                {t('plans.unitTargets.button')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('plans.field.unit')}>{detail.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('plans.field.year')}>{detail.year}</Descriptions.Item>
          <Descriptions.Item label={t('plans.field.decisionNo')}>
            {detail.decisionNo ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <Table<PlanIndicator>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.indicators}
          scroll={{ x: 760 }}
          data-testid="plan-indicators"
          columns={[
            { title: '#', dataIndex: 'target', width: 50 },
            {
              title: t('plans.field.indicator'),
              key: 'name',
              render: (_: unknown, indicator) => (lang === 'en' ? indicator.nameEn : indicator.name),
            },
            {
              title: t('plans.field.target'),
              key: 'targetView',
              width: 120,
              render: (_: unknown, indicator) => indicator.targetView.text,
            },
            {
              title: t('plans.field.source'),
              dataIndex: 'source',
              width: 120,
              render: (source: 'computed' | 'manual') => (
                <Tag color={source === 'computed' ? 'blue' : undefined}>{t(`plans.source.${source}`)}</Tag>
              ),
            },
            {
              title: t('plans.field.unitTargets'),
              key: 'unitTargets',
              width: 260,
              render: (_: unknown, indicator) =>
                indicator.unitTargets.length === 0
                  ? '—'
                  : indicator.unitTargets.map((unit) => (
                      <div key={unit.unitCode}>
                        {unit.unitName}: {unit.target.text}
                      </div>
                    )),
            },
          ]}
        />
      </Card>
      <PlanDashboard plan={detail} />
      {dialog === 'value' ? <EnterValueModal plan={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'targets' ? <UnitTargetsModal plan={detail} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
