import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { ErrorAlert } from './ErrorAlert';

export type FormModalProps<V extends object> = {
  title: ReactNode;
  testId: string;
  initialValues: Partial<V>;
  save: (values: V) => Promise<unknown>;
  /** Fields of the form: the API's errors on them land beside them, others above the buttons. */
  fields: readonly string[];
  /** What to read again once saved. */
  refresh: (client: QueryClient) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  width?: number;
};

/**
 * Puts the API's field errors beside the fields of the form that has them; false when none of
 * them belongs to the form (the error is then shown as a whole).
 */
export function showFieldErrors(
  form: FormInstance,
  caught: unknown,
  fields: readonly string[],
  lang: 'vi' | 'en',
): boolean {
  if (!(caught instanceof ApiError)) return false;
  const own = caught.fields.filter((field) => fields.includes(field.path));
  if (own.length === 0) return false;
  form.setFields(
    own.map((field) => ({
      name: field.path as never,
      errors: [lang === 'en' ? field.messageEn : field.message],
    })),
  );
  return true;
}

/** A form in a modal that saves through the API, refreshes what it changed and closes. */
export function FormModal<V extends object>({
  title,
  testId,
  initialValues,
  save,
  fields,
  refresh,
  onClose,
  children,
  width,
}: FormModalProps<V>) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await refresh(client);
      message.success(t('common.saved'));
      onClose();
    },
    onError: (caught) => {
      if (!showFieldErrors(form, caught, fields, lang)) setError(caught);
    },
  });
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': `${testId}-ok` }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues as never}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
        data-testid={testId}
      >
        {children}
      </Form>
      {error ? <ErrorAlert error={error} testId={`${testId}-error`} /> : null}
    </Modal>
  );
}
