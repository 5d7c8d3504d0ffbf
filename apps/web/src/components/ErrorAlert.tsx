import { Alert } from 'antd';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/** Shows an error in the current language, with the request id the support desk asks for. */
export function ErrorAlert({ error, testId = 'error-alert' }: { error: unknown; testId?: string }) {
  const { t, errorText } = useI18n();
  if (!error) return null;
  // The request id helps the support desk with server faults; a refused request explains itself.
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error)}
      description={requestId ? t('error.requestId', { id: requestId }) : undefined}
    />
  );
}
