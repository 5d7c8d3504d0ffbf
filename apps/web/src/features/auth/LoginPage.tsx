import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginRequest } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthCard } from '../../components/AuthCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpin } from '../../components/FullPageSpin';
import { todayInVietnam } from '../../lib/dates';
import { fieldsNamed, showFieldErrors, validateWith } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { meQueryKey } from '../../lib/query-client';
import { login, meQuery } from './auth.api';
import { landingPath } from './use-me';

type LoginValues = { username: string; password: string };

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useQuery(meQuery);
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (data) => {
      client.setQueryData(meQueryKey, data);
      navigate(safeNext(params.get('next')) ?? landingPath(data, todayInVietnam()), { replace: true });
    },
  });

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={landingPath(me.data, todayInVietnam())} replace />;

  const submit = (values: LoginValues) => {
    const checked = validateWith(LoginRequest, values);
    if (!checked.ok) {
      showFieldErrors(form, checked.fields, lang, fieldsNamed('username', 'password'));
      return;
    }
    mutation.mutate(checked.data);
  };

  return (
    <AuthCard
      testId="login-card"
      title={t('app.name')}
      subtitle={t('app.tagline')}
      footer={t('app.footer')}
      isProminent
    >
      <Form<LoginValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t('login.username')}>
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoCapitalize="none"
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        {mutation.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} testId="login-error" />
          </div>
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={mutation.isPending}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
