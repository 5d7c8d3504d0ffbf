import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useI18n } from '../../lib/i18n';
import { meQuery } from './auth.api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { LogoutButton } from './LogoutButton';

/** Lets only a signed-in account through, and first makes it change a temporary password. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t, errorText } = useI18n();
  const location = useLocation();
  const me = useQuery(meQuery);
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={errorText(me.error)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.mustChangePassword) {
    return (
      <Flex className="login-page" vertical align="center" justify="center">
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        <Card className="login-card" data-testid="forced-password-change">
          <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
            <Logo size={40} />
            <Typography.Title level={4} style={{ margin: 0, textAlign: 'center' }}>
              {t('password.forcedTitle')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {t('password.forcedHint', { name: me.data.displayName })}
            </Typography.Text>
          </Flex>
          <ChangePasswordForm onDone={() => undefined} />
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <LogoutButton />
          </div>
        </Card>
      </Flex>
    );
  }
  return <>{children}</>;
}
