import { ChangePasswordRequest } from '@doanket/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldsNamed, showApiFieldErrors, showFieldErrors, validateWith } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { changePassword, meQuery } from './auth.api';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
const fieldMap = fieldsNamed('currentPassword', 'newPassword');

export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meQuery.queryKey });
      form.resetFields();
      onDone();
    },
    onError: (error) => setFormError(showApiFieldErrors(form, error, lang, fieldMap) ? null : error),
  });

  const submit = (values: Values) => {
    if (values.newPassword !== values.confirmPassword) {
      form.setFields([{ name: 'confirmPassword', errors: [t('password.mismatch')] }]);
      return;
    }
    const checked = validateWith(ChangePasswordRequest, values);
    if (!checked.ok) {
      showFieldErrors(form, checked.fields, lang, fieldMap);
      return;
    }
    setFormError(null);
    mutation.mutate(checked.data);
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item name="currentPassword" label={t('password.current')}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={t('password.confirm')}>
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
        {onCancel ? (
          <Button style={{ marginLeft: 8 }} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Form.Item>
    </Form>
  );
}
