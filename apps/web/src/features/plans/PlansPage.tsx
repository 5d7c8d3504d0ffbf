import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showApiFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { usePageUnit } from '../households/use-page-unit';
import {
  type CreatePlanRequest,
  type IndicatorDefinition,
  indicatorsQuery,
  type PlanListItem,
  plansApi,
  plansQuery,
  refreshPlans,
} from './plans.api';

type TargetRow = {
  key: string;
  chosen: boolean;
  comparison: CreatePlanRequest['indicators'][number]['comparison'];
  value: number;
  max: number | null;
  quarters: (number | null)[];
};
type CreateValues = { title?: string; decisionNo?: string; targets?: TargetRow[] };

const comparisons = ['gte', 'lte', 'eq', 'range'] as const;

/** The API's `indicators.3.value` is the form's `targets.3.value` (the same order: chosen rows only). */
const fieldOf = (chosen: number[]) => (path: string) => {
  if (path === 'title' || path === 'decisionNo') return path;
  const match = /^indicators\.(\d+)\.(value|max|comparison|quarters)/.exec(path);
  if (!match) return null;
  const row = chosen[Number(match[1])];
  return row === undefined ? null : `targets.${row}.${match[2]}`;
};

function CreatePlanModal({
  unitCode,
  year,
  onClose,
  onCreated,
}: {
  unitCode: string;
  year: number;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const library = useQuery(indicatorsQuery);
  const definitions: IndicatorDefinition[] = library.data ?? [];
  const targets = Form.useWatch('targets', form) ?? [];

  const mutation = useMutation({
    mutationFn: async (values: CreateValues) => {
      const rows = values.targets ?? [];
      const chosen = rows.flatMap((row, index) => (row.chosen ? [index] : []));
      const body: CreatePlanRequest = {
        unitCode,
        year,
        title: values.title ?? '',
        decisionNo: values.decisionNo?.trim() || null,
        indicators: chosen.map((index) => {
          const row = rows[index] as TargetRow;
          const hasQuarters = row.quarters.some((quarter) => quarter !== null && quarter !== undefined);
          return {
            key: row.key,
            comparison: row.comparison,
            value: row.value,
            max: row.comparison === 'range' ? row.max : null,
            quarters: hasQuarters ? row.quarters.map((quarter) => quarter ?? null) : null,
          };
        }),
      };
      try {
        return await plansApi.create(body);
      } catch (caught) {
        throw { caught, chosen };
      }
    },
    onSuccess: async (answer) => {
      await refreshPlans(client);
      onClose();
      onCreated(answer.id);
    },
    onError: (failure: unknown) => {
      const { caught, chosen } = failure as { caught: unknown; chosen: number[] };
      if (!showApiFieldErrors(form, caught, lang, fieldOf(chosen))) setError(caught);
    },
  });

  return (
    <Modal
      open
      width={960}
      title={t('plans.create.title', { year })}
      okText={t('plans.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'plan-create-ok', disabled: library.isLoading }}
      destroyOnHidden
    >
      {library.error ? <ErrorAlert error={library.error} /> : null}
      {library.data ? (
        <Form<CreateValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          data-testid="plan-create-form"
          initialValues={{
            title: t('plans.create.defaultTitle', { year }),
            targets: definitions
              .filter((definition) => definition.isLibrary)
              .map((definition) => ({
                key: definition.key,
                chosen: true,
                comparison: definition.comparison,
                value: definition.defaultValue,
                max: definition.defaultMax,
                quarters: [null, null, null, null],
              })),
          }}
          onFinish={(values) => {
            setError(null);
            mutation.mutate(values);
          }}
        >
          <Form.Item name="title" label={t('plans.field.title')}>
            <Input data-testid="plan-create-title" />
          </Form.Item>
          <Form.Item name="decisionNo" label={t('plans.field.decisionNo')}>
            <Input placeholder="01/KH-MTTQ" data-testid="plan-create-decision" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('plans.create.hint')}</Typography.Paragraph>
          <Form.List name="targets">
            {(fields) => (
              <div style={{ overflowX: 'auto' }}>
                {fields.map((field) => {
                  const row = targets[field.name];
                  const definition = definitions.find((item) => item.key === row?.key);
                  return (
                    <Space
                      key={field.key}
                      align="start"
                      wrap
                      style={{ display: 'flex', borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}
                      data-testid={`plan-create-indicator-${row?.key ?? field.name}`}
                    >
                      <Form.Item name={[field.name, 'chosen']} valuePropName="checked" style={{ width: 300 }}>
                        <Checkbox>
                          {lang === 'en' ? definition?.nameEn : definition?.name}{' '}
                          <Tag>{t(`plans.source.${definition?.source ?? 'manual'}`)}</Tag>
                        </Checkbox>
                      </Form.Item>
                      <Form.Item name={[field.name, 'comparison']} label={t('plans.field.comparison')}>
                        <Select
                          style={{ width: 110 }}
                          options={comparisons.map((value) => ({
                            value,
                            label: t(`plans.comparison.${value}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'value']} label={t('plans.field.value')}>
                        <InputNumber
                          min={0}
                          decimalSeparator=","
                          style={{ width: 110 }}
                          suffix={definition?.unitOfMeasure}
                          data-testid={`plan-create-value-${row?.key}`}
                        />
                      </Form.Item>
                      {row?.comparison === 'range' ? (
                        <Form.Item name={[field.name, 'max']} label={t('plans.field.max')}>
                          <InputNumber min={0} style={{ width: 90 }} />
                        </Form.Item>
                      ) : null}
                      {[0, 1, 2, 3].map((quarter) => (
                        <Form.Item
                          key={quarter}
                          name={[field.name, 'quarters', quarter]}
                          label={`Q${quarter + 1}`}
                        >
                          <InputNumber min={0} style={{ width: 70 }} />
                        </Form.Item>
                      ))}
                    </Space>
                  );
                })}
              </div>
            )}
          </Form.List>
        </Form>
      ) : null}
      {error ? <ErrorAlert error={error} testId="plan-create-error" /> : null}
    </Modal>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOfYear = Number(at.slice(0, 4));
  const year = Number(params.get('year')) || asOfYear;
  const [isCreating, setCreating] = useState(false);
  const plans = useQuery({ ...plansQuery(unit ?? '', year), enabled: Boolean(unit) });

  if (!unit) {
    return (
      <Card title={t('plans.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }
  const hasOwn = (plans.data ?? []).some((plan) => plan.isOwn);
  const years = Array.from({ length: 8 }, (_, index) => asOfYear + 1 - index);

  return (
    <Card
      title={t('plans.title')}
      extra={
        <Space wrap>
          <Select
            value={year}
            style={{ width: 100 }}
            options={years.map((value) => ({ value, label: String(value) }))}
            onChange={(value) =>
              setParams((previous) => {
                const next = new URLSearchParams(previous);
                next.set('year', String(value));
                return next;
              })
            }
            data-testid="plans-year"
          />
          {canDo(me, 'plans.write') && !hasOwn ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="plan-create"
            >
              {t('plans.create.button')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('plans.intro')}</Typography.Paragraph>
      {plans.error ? <ErrorAlert error={plans.error} /> : null}
      <Table<PlanListItem>
        rowKey="id"
        size="middle"
        loading={plans.isFetching}
        dataSource={plans.data ?? []}
        data-testid="plans-table"
        locale={{ emptyText: t('plans.empty') }}
        pagination={false}
        onRow={(plan) =>
          ({
            'data-testid': plan.isOwn ? `plan-row-${plan.year}` : `plan-row-${plan.year}-${plan.unitCode}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('plans.field.title'),
            dataIndex: 'title',
            render: (title: string, plan) => (
              <Link to={href(`/plans/${plan.id}`)} data-testid="plan-link">
                <Typography.Text strong>{title}</Typography.Text>
              </Link>
            ),
          },
          { title: t('plans.field.year'), dataIndex: 'year', width: 90 },
          { title: t('plans.field.unit'), dataIndex: 'unitName', width: 220 },
          {
            title: '',
            dataIndex: 'isOwn',
            width: 160,
            render: (isOwn: boolean) =>
              isOwn ? <Tag color="blue">{t('plans.own')}</Tag> : <Tag>{t('plans.handedDown')}</Tag>,
          },
        ]}
      />
      {isCreating ? (
        <CreatePlanModal
          unitCode={unit}
          year={year}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(href(`/plans/${id}`))}
        />
      ) : null}
    </Card>
  );
}
