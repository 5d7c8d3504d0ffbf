import { PlusOutlined } from '@ant-design/icons';
import { CreateUserRequest, GrantRequest, type Role, UpdateUserRequest } from '@doanket/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { type FieldMap, showApiFieldErrors, showFieldErrors, validateWith } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { UnitPicker } from '../units/UnitPicker';
import { roleOptions } from './role-labels';
import { addGrant, createUser, type UserData, updateUser, usersKey } from './users.api';

/** API paths of a grant ("grants.0.unitCode") land on the single role/unit fields. */
const grantFieldMap: FieldMap = (path) => {
  const last = path.split('.').at(-1) ?? '';
  if (last === 'role' || last === 'unitCode') return last;
  const head = path.split('.')[0] ?? '';
  return ['username', 'displayName', 'password'].includes(head) ? head : null;
};

function useSaveUser<T>(mutationFn: (input: T) => Promise<UserData>, onDone: () => void, doneText: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: usersKey });
      message.success(doneText);
      onDone();
    },
  });
}

function RoleAndUnitFields({ at, role }: { at: string; role: Role | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="role" label={t('users.field.role')}>
        <Select options={roleOptions(t)} data-testid="user-role" placeholder={t('users.field.rolePick')} />
      </Form.Item>
      {role === 'system_admin' ? (
        <Typography.Paragraph type="secondary">{t('users.field.adminHint')}</Typography.Paragraph>
      ) : (
        <Form.Item
          name="unitCode"
          label={t('users.field.unit')}
          extra={t('users.field.unitHint', { date: formatDate(at) })}
        >
          <UnitPicker at={at} testId="user-unit" allowClear />
        </Form.Item>
      )}
    </>
  );
}

type CreateValues = {
  username: string;
  displayName: string;
  password: string;
  role?: Role;
  unitCode?: string | null;
};

export function CreateUserModal({
  at,
  unitCode,
  onClose,
}: {
  at: string;
  unitCode: string | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useSaveUser(createUser, onClose, t('users.created'));

  const submit = (values: CreateValues) => {
    setFormError(null);
    const grants = values.role
      ? [
          {
            role: values.role,
            unitCode: values.role === 'system_admin' ? null : (values.unitCode ?? null),
            at,
          },
        ]
      : [];
    const checked = validateWith(CreateUserRequest, { ...values, grants });
    if (!checked.ok) {
      showFieldErrors(form, checked.fields, lang, grantFieldMap);
      return;
    }
    mutation.mutate(checked.data, {
      onError: (error) => setFormError(showApiFieldErrors(form, error, lang, grantFieldMap) ? null : error),
    });
  };

  return (
    <Modal
      open
      title={t('users.create.title')}
      okText={t('users.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ role: 'officer', unitCode }}
        data-testid="user-create-form"
      >
        <Form.Item name="username" label={t('users.field.username')} extra={t('users.field.usernameHint')}>
          <Input autoComplete="off" autoCapitalize="none" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.field.displayName')}>
          <Input data-testid="user-display-name-input" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.field.tempPassword')}
          extra={t('users.field.tempPasswordHint')}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <RoleAndUnitFields at={at} role={role} />
        {formError ? <ErrorAlert error={formError} testId="user-error" /> : null}
      </Form>
    </Modal>
  );
}

export function EditNameModal({ user, onClose }: { user: UserData; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ displayName: string }>();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useSaveUser(
    (input: { displayName: string }) => updateUser(user.id, input),
    onClose,
    t('users.saved'),
  );
  const map: FieldMap = (path) => (path === 'displayName' ? path : null);
  return (
    <Modal
      open
      title={t('users.editName.title', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ displayName: user.displayName }}
        onFinish={(values) => {
          setFormError(null);
          const checked = validateWith(UpdateUserRequest, { displayName: values.displayName });
          if (!checked.ok) {
            showFieldErrors(form, checked.fields, lang, map);
            return;
          }
          mutation.mutate(
            { displayName: checked.data.displayName ?? '' },
            { onError: (error) => setFormError(showApiFieldErrors(form, error, lang, map) ? null : error) },
          );
        }}
      >
        <Form.Item name="displayName" label={t('users.field.displayName')}>
          <Input data-testid="user-edit-name" />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: UserData; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useSaveUser(
    (input: { password: string }) => updateUser(user.id, input),
    onClose,
    t('users.passwordReset', { username: user.username }),
  );
  const map: FieldMap = (path) => (path === 'password' ? path : null);
  return (
    <Modal
      open
      title={t('users.resetPassword.title', { username: user.username })}
      okText={t('users.resetPassword.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetPassword.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setFormError(null);
          const checked = validateWith(UpdateUserRequest, { password: values.password ?? '' });
          if (!checked.ok) {
            showFieldErrors(form, checked.fields, lang, map);
            return;
          }
          mutation.mutate(
            { password: checked.data.password ?? '' },
            { onError: (error) => setFormError(showApiFieldErrors(form, error, lang, map) ? null : error) },
          );
        }}
      >
        <Form.Item name="password" label={t('users.field.tempPassword')}>
          <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}

type GrantValues = { role?: Role; unitCode?: string | null };

export function AddGrantForm({
  user,
  at,
  unitCode,
}: {
  user: UserData;
  at: string;
  unitCode: string | null;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useSaveUser(
    (input: GrantRequest) => addGrant(user.id, input),
    () => form.resetFields(),
    t('users.grantAdded'),
  );
  return (
    <Form<GrantValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ role: 'viewer', unitCode }}
      data-testid="grant-form"
      onFinish={(values) => {
        setFormError(null);
        const input = {
          role: values.role,
          unitCode: values.role === 'system_admin' ? null : (values.unitCode ?? null),
          at,
        };
        const checked = validateWith(GrantRequest, input);
        if (!checked.ok) {
          showFieldErrors(form, checked.fields, lang, grantFieldMap);
          return;
        }
        mutation.mutate(checked.data, {
          onError: (error) =>
            setFormError(showApiFieldErrors(form, error, lang, grantFieldMap) ? null : error),
        });
      }}
    >
      <RoleAndUnitFields at={at} role={role} />
      {formError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={formError} testId="grant-error" />
        </div>
      ) : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={mutation.isPending}
          data-testid="grant-add"
        >
          {t('users.grant.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}
