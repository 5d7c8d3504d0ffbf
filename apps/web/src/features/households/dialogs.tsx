import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, fromDayjs, toDayjs } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';

/**
 * The date an end dialog proposes: the as-of date when the record had started by then,
 * else today, so the proposal is never on or before the record's first day.
 */
export function proposedEndDate(startedOn: string, at: string, today: string): string {
  if (startedOn < at) return at;
  return startedOn < today ? today : at;
}

/** Asks for the date a dated record ends (or a change happens), then runs the change. */
export function DateDialog({
  title,
  label,
  hint,
  initial,
  okText,
  isDanger = false,
  testId,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  label: string;
  hint?: ReactNode;
  initial: string;
  okText?: string;
  isDanger?: boolean;
  testId: string;
  onConfirm: (date: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState<Dayjs | null>(toDayjs(initial));
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: isDanger, disabled: !date, 'data-testid': `${testId}-ok` }}
      confirmLoading={isBusy}
      onCancel={onClose}
      onOk={async () => {
        if (!date) return;
        setBusy(true);
        setError(null);
        try {
          await onConfirm(fromDayjs(date));
          onClose();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form layout="vertical">
        <Form.Item label={label}>
          <DatePicker
            value={date}
            onChange={setDate}
            format={dateFormat}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid={`${testId}-date`}
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} testId={`${testId}-error`} /> : null}
    </Modal>
  );
}

/** Deletion on request: the reason is required and kept in the audit trail, the data is not. */
export function ReasonDialog({
  title,
  warning,
  testId,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  warning: ReactNode;
  testId: string;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={t('delete.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 3, 'data-testid': `${testId}-ok` }}
      confirmLoading={isBusy}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        setError(null);
        try {
          await onConfirm(reason.trim());
          onClose();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="danger">{warning}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('delete.reason')} extra={t('delete.reasonHint')}>
          <Input.TextArea
            rows={3}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            data-testid={`${testId}-reason`}
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} testId={`${testId}-error`} /> : null}
    </Modal>
  );
}
