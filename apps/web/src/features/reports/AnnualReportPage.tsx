import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { type ReportSectionKey, reportSectionKeys } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, formatDateTime, fromDayjs, toDayjs } from '../../lib/dates';
import { fieldsNamed, showApiFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useAsOf } from '../../lib/url-state';
import { usePageUnit } from '../households/use-page-unit';
import {
  fallbackFileName,
  type NarrativeValues,
  reportYearOf,
  toFormValues,
  toSaveRequest,
} from './narrative-form';
import {
  type NarrativeResponse,
  narrativeQuery,
  type ReportFormat,
  reportsApi,
  reportsKey,
} from './reports.api';

type FormValues = Omit<NarrativeValues, 'date'> & { date: Dayjs | null };

const downloads: Array<{ format: ReportFormat; icon: ReactNode }> = [
  { format: 'docx', icon: <FileWordOutlined /> },
  { format: 'pdf', icon: <FilePdfOutlined /> },
  { format: 'xlsx', icon: <FileExcelOutlined /> },
];

/** Saves a fetched file through the browser's own download. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Downloads({ unit, year }: { unit: string; year: number }) {
  const { t } = useI18n();
  const [making, setMaking] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: ReportFormat) => {
    setMaking(format);
    setError(null);
    try {
      const file = await reportsApi.file(unit, year, format);
      saveBlob(file.blob, file.fileName ?? fallbackFileName(unit, year, format));
    } catch (caught) {
      setError(caught);
    } finally {
      setMaking(null);
    }
  };

  return (
    <Card size="small" title={t('reports.download.title')} data-testid="report-downloads">
      <Space wrap>
        {downloads.map(({ format, icon }) => (
          <Button
            key={format}
            icon={icon}
            loading={making === format}
            disabled={making !== null && making !== format}
            onClick={() => void download(format)}
            data-testid={`report-download-${format}`}
          >
            {t(`reports.download.${format}`)}
          </Button>
        ))}
        {making ? (
          <Typography.Text type="secondary" data-testid="report-making">
            {t('reports.download.making')}
          </Typography.Text>
        ) : null}
      </Space>
      {error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} testId="report-download-error" />
        </div>
      ) : null}
    </Card>
  );
}

function NarrativeForm({ narrative, canEdit }: { narrative: NarrativeResponse; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const { unitCode, year } = narrative;

  useEffect(() => {
    const values = toFormValues(narrative);
    form.setFieldsValue({ ...values, date: values.date ? toDayjs(values.date) : null });
  }, [form, narrative]);

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      reportsApi.saveNarrative(
        toSaveRequest(
          unitCode,
          year,
          { ...values, date: values.date ? fromDayjs(values.date) : null },
          { values: toFormValues(narrative), savedSections: narrative.savedSections },
        ),
      ),
    onSuccess: (answer) => {
      setError(null);
      client.setQueryData([...reportsKey, 'narrative', unitCode, year], answer);
      message.success(t('reports.saved'));
    },
    onError: (caught) => {
      if (!showApiFieldErrors(form, caught, lang, fieldsNamed('number', 'date', 'signatoryName'))) {
        setError(caught);
      }
    },
  });

  const sectionLabel = (key: ReportSectionKey) =>
    key === 'next_year'
      ? t('reports.section.next_year', { year: String(year + 1) })
      : t(`reports.section.${key}`);

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      onFinish={(values) => save.mutate(values)}
      data-testid="report-narrative"
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="number" label={t('reports.field.number')}>
            <Input maxLength={60} data-testid="report-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="date" label={t('reports.field.date')}>
            <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid="report-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signatoryName" label={t('reports.field.signatory')}>
            <Input maxLength={120} data-testid="report-signatory" />
          </Form.Item>
        </Col>
      </Row>
      {reportSectionKeys.map((key) => (
        <Form.Item
          key={key}
          name={['sections', key]}
          label={sectionLabel(key)}
          extra={key === 'self_governance' ? t('reports.field.paragraphsHint') : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 14 }} data-testid={`report-section-${key}`} />
        </Form.Item>
      ))}
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} testId="report-save-error" />
        </div>
      ) : null}
      {canEdit ? (
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="report-save"
        >
          {t('reports.save')}
        </Button>
      ) : null}
    </Form>
  );
}

/** The year-end report of a unit: its narrative to edit and the documents made from the data. */
export function AnnualReportPage() {
  const { t } = useI18n();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const [params, setParams] = useSearchParams();
  const year = reportYearOf(params.get('year'), at);
  const narrative = useQuery({ ...narrativeQuery(unit ?? '', year), enabled: Boolean(unit) });
  const canEdit = Boolean(narrative.data?.canEdit);
  const lastYear = Number(at.slice(0, 4));
  const years = Array.from({ length: Math.max(1, lastYear - 2014) }, (_, index) => lastYear - index);
  if (!years.includes(year)) years.push(year);

  const setYear = (next: number) =>
    setParams((previous) => {
      const copy = new URLSearchParams(previous);
      copy.set('year', String(next));
      // The unit as it was at the end of that year: codes changed with the 2025 reform.
      copy.set('at', `${next}-12-31`);
      return copy;
    });

  if (!unit) {
    return (
      <Card title={t('reports.nav')}>
        <Empty description={t('reports.pickUnit')} />
      </Card>
    );
  }

  const data = narrative.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <span data-testid="report-title">
            {t('reports.title', { year: String(year) })}
            {data ? ` — ${data.unitName}` : ''}
          </span>
        }
        extra={
          <Space>
            <Typography.Text type="secondary">{t('reports.year')}</Typography.Text>
            <Select<number>
              value={year}
              onChange={setYear}
              options={years.sort((a, b) => b - a).map((value) => ({ value, label: String(value) }))}
              style={{ width: 100 }}
              data-testid="report-year"
            />
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('reports.figuresNote')} data-testid="report-figures-note" />
          {narrative.error ? <ErrorAlert error={narrative.error} /> : null}
          {data && !data.saved ? (
            <Typography.Text type="secondary" data-testid="report-defaults-note">
              {t('reports.defaultsNote')}
            </Typography.Text>
          ) : null}
          {data?.updatedAt ? (
            <Typography.Text type="secondary" data-testid="report-saved-at">
              {t('reports.savedAt', { time: formatDateTime(data.updatedAt) })}
            </Typography.Text>
          ) : null}
          {data && !canEdit ? (
            <Alert type="warning" showIcon title={t('reports.readOnly')} data-testid="report-read-only" />
          ) : null}
          {data ? <Downloads unit={data.unitCode} year={year} /> : null}
        </Space>
      </Card>
      {data ? (
        <Card>
          <NarrativeForm narrative={data} canEdit={canEdit} />
        </Card>
      ) : narrative.isLoading ? (
        <Card loading />
      ) : null}
    </Space>
  );
}
