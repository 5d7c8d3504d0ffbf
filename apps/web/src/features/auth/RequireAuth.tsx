import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { AuthCard } from '../../components/AuthCard';
import { FullPageSpin } from '../../components/FullPageSpin';
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
      <AuthCard
        testId="forced-password-change"
        title={t('password.forcedTitle')}
        subtitle={t('password.forcedHint', { name: me.data.displayName })}
      >
        <ChangePasswordForm onDone={() => undefined} />
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <LogoutButton />
        </div>
      </AuthCard>
    );
  }
  return <>{children}</>;
}
