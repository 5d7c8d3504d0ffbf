import { Button, Result } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { UnitsPage } from '../features/units/UnitsPage';
import { UsersPage } from '../features/users/UsersPage';
import { useI18n } from '../lib/i18n';
import { AppLayout } from './AppLayout';

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('page.notFound')}
      extra={
        <Link to="/units">
          <Button type="primary">{t('nav.units')}</Button>
        </Link>
      }
    />
  );
}

function HomeRedirect() {
  const location = useLocation();
  return <Navigate to={`/units${location.search}`} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/:code" element={<UnitsPage />} />
        <Route path="units/:code/groups" element={<UnitsPage tab="groups" />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
