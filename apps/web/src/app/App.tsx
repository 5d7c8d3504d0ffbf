import { Button, Result } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { useMe } from '../features/auth/use-me';
import { HouseholdPage } from '../features/households/HouseholdPage';
import { HouseholdsPage } from '../features/households/HouseholdsPage';
import { ImportPage } from '../features/households/ImportPage';
import { StatsPage } from '../features/stats/StatsPage';
import { isTeamLeaderOnly } from '../features/teams/landing';
import { MyTeamPage } from '../features/teams/MyTeamPage';
import { TeamPage } from '../features/teams/TeamPage';
import { TeamsPage } from '../features/teams/TeamsPage';
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
  const me = useMe();
  const home = isTeamLeaderOnly(me.grants.map((grant) => grant.role)) ? '/my-team' : '/units';
  return <Navigate to={`${home}${location.search}`} replace />;
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
        <Route path="households" element={<HouseholdsPage />} />
        <Route path="households/import" element={<ImportPage />} />
        <Route path="households/:id" element={<HouseholdPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:id" element={<TeamPage />} />
        <Route path="my-team" element={<MyTeamPage />} />
        <Route path="stats" element={<StatsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
