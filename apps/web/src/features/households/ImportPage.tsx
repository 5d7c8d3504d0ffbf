import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { formatNumber, type ImportField, importColumns } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { buildUrl } from '../../lib/api';
import { dateFormat, formatDate, fromDayjs, toDayjs } from '../../lib/dates';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { UnitPicker } from '../units/UnitPicker';
import { unitDetailQuery } from '../units/units.api';
import { foldedSearch } from './household-labels';
import { householdsKey } from './households.api';
import {
  type ColumnMapping,
  columnLabel,
  type ImportError,
  type ImportJob,
  type ImportMode,
  type InspectResult,
  importJobQuery,
  inspectFile,
  isFinished,
  missingRequired,
  needsMapping,
  progressPercent,
  sharedColumns,
  startImport,
} from './import-flow';
import { usePageUnit } from './use-page-unit';

type Stage =
  | { step: 'choose' }
  | { step: 'mapping'; inspection: InspectResult; mapping: ColumnMapping }
  | { step: 'check'; jobId: string; mapping: ColumnMapping | null }
  | { step: 'import'; jobId: string };

const maxFileMb = 50;

function fieldLabel(t: (key: MessageKey) => string, field: ImportField): string {
  return t(`import.field.${field}` as MessageKey);
}

function MappingStep({
  inspection,
  mapping,
  onChange,
  onContinue,
  onCancel,
}: {
  inspection: InspectResult;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const missing = missingRequired(mapping);
  const shared = sharedColumns(mapping);
  const columnOptions = inspection.headers.map((header, index) => ({
    value: index,
    label: columnLabel(index, header),
  }));
  const width = Math.max(inspection.headers.length, ...inspection.sampleRows.map((row) => row.values.length));
  const sampleColumns = Array.from({ length: width }, (_, index) => ({
    title: columnLabel(index, inspection.headers[index]),
    key: String(index),
    width: 140,
    render: (_value: unknown, row: InspectResult['sampleRows'][number]) => {
      const cell = row.values[index];
      return cell === null || cell === undefined ? '' : String(cell);
    },
  }));
  return (
    <Flex vertical gap={16} data-testid="import-mapping">
      <Alert type="info" showIcon title={t('import.mapping.title')} description={t('import.mapping.hint')} />
      <Row gutter={[16, 12]}>
        {importColumns.map((column) => (
          <Col xs={24} sm={12} lg={8} key={column.field}>
            <Typography.Text strong>
              {fieldLabel(t, column.field)}
              {column.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
            </Typography.Text>
            <Select<number | undefined>
              allowClear
              showSearch={foldedSearch}
              style={{ width: '100%' }}
              placeholder={t('import.mapping.none')}
              value={mapping[column.field]}
              status={
                (column.required && mapping[column.field] === undefined) || shared.includes(column.field)
                  ? 'error'
                  : undefined
              }
              options={columnOptions}
              onChange={(value) => {
                const next = { ...mapping };
                if (value === undefined) delete next[column.field];
                else next[column.field] = value;
                onChange(next);
              }}
              data-testid={`import-mapping-${column.field}`}
            />
          </Col>
        ))}
      </Row>
      {inspection.sampleRows.length > 0 ? (
        <>
          <Typography.Text type="secondary">{t('import.mapping.sample')}</Typography.Text>
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            dataSource={inspection.sampleRows}
            scroll={{ x: width * 140 + 60 }}
            data-testid="import-sample"
            columns={[{ title: t('import.col.row'), dataIndex: 'row', width: 60 }, ...sampleColumns]}
          />
        </>
      ) : null}
      {missing.length > 0 ? (
        <Typography.Text type="danger" data-testid="import-mapping-missing">
          {t('import.mapping.missing', { fields: missing.map((field) => fieldLabel(t, field)).join(', ') })}
        </Typography.Text>
      ) : null}
      {shared.length > 0 ? (
        <Typography.Text type="danger">
          {t('import.mapping.shared', { fields: shared.map((field) => fieldLabel(t, field)).join(', ') })}
        </Typography.Text>
      ) : null}
      <Space wrap>
        <Button onClick={onCancel}>{t('common.back')}</Button>
        <Button
          type="primary"
          disabled={missing.length > 0 || shared.length > 0}
          onClick={onContinue}
          data-testid="import-mapping-continue"
        >
          {t('import.check')}
        </Button>
      </Space>
    </Flex>
  );
}

function JobProgress({ job, title }: { job: ImportJob | undefined; title: string }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="import-progress">
      <Typography.Text>{title}</Typography.Text>
      <Progress percent={job ? progressPercent(job) : 0} status="active" />
      {job?.total ? (
        <Typography.Text type="secondary">
          {t('import.progress.rows', {
            processed: formatNumber(job.processed),
            total: formatNumber(job.total),
          })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function ErrorsTable({ job }: { job: ImportJob }) {
  const { t, lang } = useI18n();
  return (
    <Table<ImportError>
      size="small"
      rowKey={(error, index) => `${error.row ?? ''}|${error.column ?? ''}|${index}`}
      dataSource={job.errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 560 }}
      data-testid="import-errors-table"
      columns={[
        { title: t('import.col.row'), dataIndex: 'row', width: 70, render: (row: number) => row || '—' },
        {
          title: t('import.col.column'),
          dataIndex: 'column',
          width: 170,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('import.col.reason'),
          key: 'reason',
          render: (_v, error) => (lang === 'en' && error.reasonEn ? error.reasonEn : error.reason),
        },
      ]}
    />
  );
}

function FailedJob({ job }: { job: ImportJob }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-failed"
      title={t('import.failed')}
      description={(lang === 'en' ? job.messageEn : job.message) ?? job.message ?? undefined}
    />
  );
}

export function ImportPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const pageUnit = usePageUnit();
  const href = useAppHref();
  const client = useQueryClient();
  const [ward, setWard] = useState<string | null>(null);
  const [registerDate, setRegisterDate] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [actionError, setActionError] = useState<unknown>(null);
  const date = registerDate ?? at;
  const pageUnitDetail = useQuery({ ...unitDetailQuery(pageUnit ?? '', date), enabled: Boolean(pageUnit) });
  // The header's unit when it is a ward, the ward above it when it is a residential group.
  const pageWard =
    pageUnitDetail.data?.kind === 'ward'
      ? pageUnitDetail.data.code
      : pageUnitDetail.data?.kind === 'residential_group'
        ? pageUnitDetail.data.parentCode
        : null;
  const wardCode = ward ?? pageWard;
  const jobId = stage.step === 'check' || stage.step === 'import' ? stage.jobId : null;
  const job = useQuery({ ...importJobQuery(jobId ?? ''), enabled: Boolean(jobId) });

  const start = useMutation({
    mutationFn: (options: { mode: ImportMode; mapping: ColumnMapping | null }) => {
      if (!file || !wardCode) throw new Error('file and ward are chosen before starting');
      return startImport({ file, unit: wardCode, at: date, mode: options.mode, mapping: options.mapping });
    },
    onSuccess: (answer, options) => {
      setStage(
        options.mode === 'check'
          ? { step: 'check', jobId: answer.id, mapping: options.mapping }
          : { step: 'import', jobId: answer.id },
      );
    },
    onError: setActionError,
  });
  const inspect = useMutation({
    mutationFn: inspectFile,
    onSuccess: (inspection) => {
      const mapping = { ...inspection.mapping };
      if (needsMapping(inspection)) setStage({ step: 'mapping', inspection, mapping });
      else start.mutate({ mode: 'check', mapping: null });
    },
    onError: setActionError,
  });

  const importDone = stage.step === 'import' && job.data?.status === 'done';
  useEffect(() => {
    if (importDone) void client.invalidateQueries({ queryKey: householdsKey });
  }, [importDone, client]);

  if (!canDo(me, 'households.write')) return <Result status="403" title={t('error.noAccess')} />;

  const reset = () => {
    setStage({ step: 'choose' });
    setActionError(null);
    setFile(null);
  };
  const isJobDone = job.data ? isFinished(job.data) : false;
  const stepIndex =
    stage.step === 'choose' || stage.step === 'mapping'
      ? 0
      : stage.step === 'check'
        ? isJobDone
          ? 2
          : 1
        : 3;

  return (
    <Card
      title={
        <Space>
          <Link to={href('/households')} aria-label={t('nav.households')}>
            <ArrowLeftOutlined />
          </Link>
          {t('import.title')}
        </Space>
      }
      extra={
        <Button
          icon={<FileExcelOutlined />}
          href={buildUrl('/households/template')}
          download
          data-testid="import-template"
        >
          {t('import.template')}
        </Button>
      }
      data-testid="import-page"
    >
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.step.file') },
          { title: t('import.step.check') },
          { title: t('import.step.report') },
          { title: t('import.step.import') },
        ]}
        responsive
      />

      {stage.step === 'choose' ? (
        <Flex vertical gap={16}>
          <Row gutter={[16, 12]}>
            <Col xs={24} md={14}>
              <Typography.Text strong>{t('import.ward')}</Typography.Text>
              <UnitPicker
                at={date}
                value={wardCode}
                onChange={(code) => setWard(code)}
                isSelectable={(unit) => unit.kind === 'ward'}
                placeholder={t('import.wardPick')}
                testId="import-ward"
              />
            </Col>
            <Col xs={24} md={10}>
              <Typography.Text strong>{t('import.date')}</Typography.Text>
              <DatePicker
                value={toDayjs(date)}
                format={dateFormat}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={(value) => value && setRegisterDate(fromDayjs(value))}
                data-testid="import-date"
              />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('import.dateHint', { date: formatDate(date) })}
          </Typography.Paragraph>
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              beforeUpload={(chosen) => {
                setActionError(null);
                setFile(chosen);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('import.drop')}</p>
              <p className="ant-upload-hint">
                {file
                  ? t('import.fileSize', { size: formatNumber(Math.ceil(file.size / 1024)) })
                  : t('import.dropHint', { mb: maxFileMb })}
              </p>
            </Upload.Dragger>
          </div>
          {actionError ? <ErrorAlert error={actionError} testId="import-refused" /> : null}
          <div>
            <Button
              type="primary"
              size="large"
              disabled={!file || !wardCode}
              loading={inspect.isPending || start.isPending}
              onClick={() => {
                if (!file) return;
                setActionError(null);
                inspect.mutate(file);
              }}
              data-testid="import-inspect"
            >
              {t('import.check')}
            </Button>
          </div>
        </Flex>
      ) : null}

      {stage.step === 'mapping' ? (
        <>
          <MappingStep
            inspection={stage.inspection}
            mapping={stage.mapping}
            onChange={(mapping) => setStage({ ...stage, mapping })}
            onCancel={reset}
            onContinue={() => {
              setActionError(null);
              start.mutate({ mode: 'check', mapping: stage.mapping });
            }}
          />
          {actionError ? (
            <div style={{ marginTop: 12 }}>
              <ErrorAlert error={actionError} testId="import-refused" />
            </div>
          ) : null}
        </>
      ) : null}

      {stage.step === 'check' ? (
        job.error ? (
          <ErrorAlert error={job.error} />
        ) : !job.data || !isJobDone ? (
          <JobProgress job={job.data} title={t('import.checking', { file: file?.name ?? '' })} />
        ) : job.data.status === 'failed' ? (
          <Flex vertical gap={16}>
            <FailedJob job={job.data} />
            <div>
              <Button onClick={reset}>{t('import.again')}</Button>
            </div>
          </Flex>
        ) : (
          <Flex vertical gap={16} data-testid="import-report">
            <Row gutter={[16, 16]}>
              <Col xs={8}>
                <Statistic
                  title={t('import.report.total')}
                  value={formatNumber(job.data.total)}
                  data-testid="import-report-total"
                />
              </Col>
              <Col xs={8}>
                <Statistic
                  title={t('import.report.valid')}
                  value={formatNumber(job.data.validRows)}
                  styles={{ content: { color: '#389e0d' } }}
                  data-testid="import-report-valid"
                />
              </Col>
              <Col xs={8}>
                <Statistic
                  title={t('import.report.rejected')}
                  value={formatNumber(job.data.rejected)}
                  styles={{ content: { color: job.data.rejected ? '#cf1322' : undefined } }}
                  data-testid="import-report-rejected"
                />
              </Col>
            </Row>
            {job.data.errors.length > 0 ? (
              <>
                <Flex justify="space-between" wrap gap={8} align="center">
                  <Typography.Text strong>{t('import.report.errors')}</Typography.Text>
                  <Button
                    icon={<DownloadOutlined />}
                    href={buildUrl(`/imports/${encodeURIComponent(job.data.id)}/errors.csv`, { lang })}
                    download
                    data-testid="import-errors-csv"
                  >
                    {t('import.report.download')}
                  </Button>
                </Flex>
                {job.data.errorCount > job.data.errors.length ? (
                  <Typography.Text type="secondary" data-testid="import-errors-partial">
                    {t('import.report.firstErrors', {
                      shown: formatNumber(job.data.errors.length),
                      count: formatNumber(job.data.errorCount),
                    })}
                  </Typography.Text>
                ) : null}
                <ErrorsTable job={job.data} />
              </>
            ) : (
              <Alert type="success" showIcon title={t('import.report.allValid')} />
            )}
            {actionError ? <ErrorAlert error={actionError} /> : null}
            <Space wrap>
              <Button size="large" onClick={reset} data-testid="import-nothing">
                {t('import.nothing')}
              </Button>
              <Button
                size="large"
                type="primary"
                disabled={job.data.validRows === 0}
                loading={start.isPending}
                onClick={() => {
                  setActionError(null);
                  start.mutate({ mode: 'valid', mapping: stage.mapping });
                }}
                data-testid="import-valid"
              >
                {t('import.valid')}
              </Button>
            </Space>
          </Flex>
        )
      ) : null}

      {stage.step === 'import' ? (
        job.error ? (
          <ErrorAlert error={job.error} />
        ) : !job.data || !isJobDone ? (
          <JobProgress job={job.data} title={t('import.importing', { file: file?.name ?? '' })} />
        ) : job.data.status === 'failed' ? (
          <Flex vertical gap={16}>
            <FailedJob job={job.data} />
            <div>
              <Button onClick={reset}>{t('import.again')}</Button>
            </div>
          </Flex>
        ) : (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('import.done')}
            data-testid="import-summary"
            subTitle={
              <Row gutter={[16, 16]} justify="center" style={{ marginTop: 16 }}>
                {(
                  [
                    ['imported', job.data.imported],
                    ['rejected', job.data.rejected],
                    ['households', job.data.householdsImported],
                    ['duplicates', job.data.duplicatesFlagged],
                  ] as const
                ).map(([figure, value]) => (
                  <Col xs={12} md={6} key={figure}>
                    <Statistic
                      title={t(`import.summary.${figure}`)}
                      value={formatNumber(value)}
                      data-testid={`import-summary-${figure}`}
                    />
                  </Col>
                ))}
              </Row>
            }
            extra={
              <Space wrap>
                <Link to={href('/households', { unit: wardCode })}>
                  <Button type="primary" data-testid="import-to-list">
                    {t('import.toList')}
                  </Button>
                </Link>
                <Button onClick={reset}>{t('import.again')}</Button>
              </Space>
            }
          />
        )
      ) : null}
    </Card>
  );
}
