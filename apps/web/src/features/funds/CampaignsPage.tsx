import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { formatMoney } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/FormModal';
import { dateFormat, formatDate, fromDayjs, toDayjs } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { usePageUnit } from '../households/use-page-unit';
import {
  type CampaignListItem,
  type CampaignWarning,
  campaignsQuery,
  fundsApi,
  fundsQuery,
  refreshMoney,
} from './funds.api';
import { moneyInputProps, moneyOrDash, percentText, periodWarnings, progressValue } from './funds-format';
import './funds.css';

type CreateValues = {
  fundId?: string;
  code?: string;
  name?: string;
  startsOn?: Dayjs;
  receivingEndsOn?: Dayjs;
  distributionEndsOn?: Dayjs;
  targetAmount?: number | null;
  legalBasis?: string;
  targetItems?: Array<{ item?: string; name?: string; quantity?: number }>;
};

function CreateCampaignModal({ unit, at, onClose }: { unit: string; at: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const href = useAppHref();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const funds = useQuery(fundsQuery(unit, at));
  const watched = Form.useWatch([], form) as CreateValues | undefined;
  const warnings = periodWarnings(
    {
      startsOn: watched?.startsOn ? fromDayjs(watched.startsOn) : null,
      receivingEndsOn: watched?.receivingEndsOn ? fromDayjs(watched.receivingEndsOn) : null,
      distributionEndsOn: watched?.distributionEndsOn ? fromDayjs(watched.distributionEndsOn) : null,
      legalBasis: watched?.legalBasis ?? null,
    },
    lang,
  );
  const fields = [
    'fundId',
    'code',
    'name',
    'startsOn',
    'receivingEndsOn',
    'distributionEndsOn',
    'targetAmount',
    'legalBasis',
  ];
  const showResult = (id: string, returned: CampaignWarning[]) => {
    navigate(href(`/campaigns/${id}`));
    if (returned.length > 0) {
      Modal.warning({
        title: t('campaigns.create.warningsTitle'),
        content: (
          <ul data-testid="campaign-create-warnings-result">
            {returned.map((warning) => (
              <li key={warning.key}>{lang === 'en' ? warning.messageEn : warning.message}</li>
            ))}
          </ul>
        ),
      });
    }
  };
  const mutation = useMutation({
    mutationFn: (values: CreateValues) =>
      fundsApi.createCampaign({
        fundId: values.fundId ?? '',
        code: values.code ?? '',
        name: values.name ?? '',
        startsOn: values.startsOn ? fromDayjs(values.startsOn) : '',
        receivingEndsOn: values.receivingEndsOn ? fromDayjs(values.receivingEndsOn) : '',
        distributionEndsOn: values.distributionEndsOn ? fromDayjs(values.distributionEndsOn) : '',
        targetAmount: values.targetAmount ?? null,
        legalBasis: values.legalBasis?.trim() || null,
        targetItems: (values.targetItems ?? [])
          .filter((item) => item.name?.trim())
          .map((item) => ({
            item: item.item?.trim() || (item.name ?? '').trim().toLowerCase(),
            name: item.name ?? '',
            quantity: item.quantity ?? 1,
          })),
      }),
    onSuccess: async (created) => {
      await refreshMoney(client);
      onClose();
      showResult(created.id, created.warnings);
    },
    onError: (caught) => {
      if (!showFieldErrors(form, caught, fields, lang)) setError(caught);
    },
  });
  return (
    <Modal
      open
      width={720}
      title={t('campaigns.create.title')}
      okText={t('campaigns.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'campaign-create-ok' }}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ startsOn: toDayjs(at), targetItems: [] }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
        data-testid="campaign-create"
      >
        <Form.Item
          name="fundId"
          label={t('campaigns.fund')}
          rules={[{ required: true, message: t('campaigns.fundRequired') }]}
        >
          <Select
            loading={funds.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={(funds.data ?? []).map((fund) => ({
              value: fund.id,
              label: `${fund.name} — ${fund.unitName}`,
            }))}
            data-testid="campaign-create-fund"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label={t('campaigns.code')}
            extra={t('campaigns.codeHint')}
            rules={[{ required: true, whitespace: true, message: t('campaigns.codeRequired') }]}
            style={{ minWidth: 180, flex: 1 }}
          >
            <Input maxLength={32} style={{ textTransform: 'uppercase' }} data-testid="campaign-create-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('campaigns.name')}
            rules={[{ required: true, whitespace: true, message: t('campaigns.nameRequired') }]}
            style={{ minWidth: 260, flex: 2 }}
          >
            <Input data-testid="campaign-create-name" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          {(['startsOn', 'receivingEndsOn', 'distributionEndsOn'] as const).map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`campaigns.${name}`)}
              rules={[{ required: true, message: t('campaigns.dateRequired') }]}
              style={{ minWidth: 180, flex: 1 }}
            >
              <DatePicker
                format={dateFormat}
                style={{ width: '100%' }}
                data-testid={`campaign-create-${name}`}
              />
            </Form.Item>
          ))}
        </Flex>
        {warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="campaign-create-warnings"
            title={t('campaigns.decree93')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Form.Item name="legalBasis" label={t('campaigns.legalBasis')} extra={t('campaigns.legalBasisHint')}>
          <Input maxLength={300} data-testid="campaign-create-legal-basis" />
        </Form.Item>
        <Form.Item name="targetAmount" label={t('campaigns.target')}>
          <InputNumber<number>
            {...moneyInputProps}
            min={0}
            suffix="đồng"
            data-testid="campaign-create-target"
          />
        </Form.Item>
        <Typography.Text strong>{t('campaigns.targetItems')}</Typography.Text>
        <Form.List name="targetItems">
          {(items, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="start" wrap>
                  <Form.Item name={[item.name, 'name']} style={{ flex: 2, minWidth: 180 }}>
                    <Input placeholder={t('campaigns.itemName')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'quantity']} style={{ width: 140 }}>
                    <InputNumber<number>
                      min={1}
                      precision={0}
                      placeholder={t('campaigns.itemQuantity')}
                      style={{ width: '100%' }}
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
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
                {t('campaigns.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      {error ? <ErrorAlert error={error} testId="campaign-create-error" /> : null}
    </Modal>
  );
}

export function CampaignsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const screens = Grid.useBreakpoint();
  const [isCreating, setCreating] = useState(false);
  const campaigns = useQuery({ ...campaignsQuery(unit ?? '', at), enabled: Boolean(unit) });

  if (!unit) {
    return (
      <Card title={t('campaigns.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }
  return (
    <Card
      title={t('campaigns.title')}
      extra={
        canDo(me, 'funds.write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="campaign-create-open"
          >
            {t('campaigns.create.button')}
          </Button>
        ) : null
      }
    >
      {campaigns.error ? <ErrorAlert error={campaigns.error} /> : null}
      <Table<CampaignListItem>
        rowKey="id"
        size="middle"
        loading={campaigns.isFetching}
        dataSource={campaigns.data ?? []}
        scroll={{ x: screens.md ? 1100 : 640 }}
        data-testid="campaigns-table"
        locale={{ emptyText: t('campaigns.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(campaign) =>
          ({ 'data-testid': `campaign-row-${campaign.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('campaigns.name'),
            key: 'name',
            fixed: 'left',
            width: 260,
            render: (_value, campaign) => (
              <span>
                <Link to={href(`/campaigns/${campaign.id}`)} data-testid="campaign-link">
                  {campaign.name}
                </Link>
                <Typography.Text type="secondary" className="small-text">
                  <br />
                  {campaign.code} · {campaign.unitName}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('campaigns.fund'),
            dataIndex: 'fundName',
            width: 200,
            responsive: ['lg'],
          },
          {
            title: t('campaigns.period'),
            key: 'period',
            width: 200,
            responsive: ['md'],
            render: (_value, campaign) =>
              `${formatDate(campaign.startsOn)} – ${formatDate(campaign.receivingEndsOn)}`,
          },
          {
            title: t('campaigns.target'),
            dataIndex: 'targetAmount',
            align: 'right',
            className: 'money-cell',
            width: 170,
            render: moneyOrDash,
          },
          {
            title: t('campaigns.raised'),
            dataIndex: 'raised',
            align: 'right',
            className: 'money-cell',
            width: 170,
            render: (value: number) => formatMoney(value),
          },
          {
            title: t('campaigns.percent'),
            dataIndex: 'percent',
            width: 170,
            render: (percent: number | null) =>
              percent === null ? (
                '—'
              ) : (
                <Progress
                  percent={progressValue(percent)}
                  format={() => percentText(percent)}
                  status={percent >= 100 ? 'success' : 'normal'}
                  size="small"
                />
              ),
          },
        ]}
      />
      {isCreating ? <CreateCampaignModal unit={unit} at={at} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
