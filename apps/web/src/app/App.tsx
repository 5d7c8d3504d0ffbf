import { Button, Result } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { useMe } from '../features/auth/use-me';
import { DonationEntryPage } from '../features/donations/DonationEntryPage';
import { DonationPage } from '../features/donations/DonationPage';
import { DonationsPage } from '../features/donations/DonationsPage';
import { CampaignPage } from '../features/funds/CampaignPage';
import { CampaignsPage } from '../features/funds/CampaignsPage';
import { FundPage } from '../features/funds/FundPage';
import { FundsPage } from '../features/funds/FundsPage';
import { HouseholdPage } from '../features/households/HouseholdPage';
import { HouseholdsPage } from '../features/households/HouseholdsPage';
import { ImportPage } from '../features/households/ImportPage';
import { PlanPage } from '../features/plans/PlanPage';
import { PlansPage } from '../features/plans/PlansPage';
import { ProgramPage } from '../features/programs/ProgramPage';
import { ProgramsPage } from '../features/programs/ProgramsPage';
import { SignatureSheetPage } from '../features/programs/SignatureSheetPage';
import { PublicCampaignPage } from '../features/public/PublicCampaignPage';
import { PublicEntryPage } from '../features/public/PublicEntryPage';
import { PublicFundPage } from '../features/public/PublicFundPage';
import { PublicIndexPage } from '../features/public/PublicIndexPage';
import { AnnualReportPage } from '../features/reports/AnnualReportPage';
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
      {/* Public disclosure: no account needed. */}
      <Route path="/cong-khai" element={<PublicIndexPage />} />
      <Route path="/cong-khai/cuoc-van-dong/:code" element={<PublicCampaignPage />} />
      <Route path="/cong-khai/quy/:id" element={<PublicFundPage />} />
      <Route path="/cong-khai/but-toan/:id" element={<PublicEntryPage />} />
      <Route
        path="/programs/:id/sheet"
        element={
          <RequireAuth>
            <SignatureSheetPage />
          </RequireAuth>
        }
      />
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
        <Route path="funds" element={<FundsPage />} />
        <Route path="funds/:id" element={<FundPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="donations" element={<DonationsPage />} />
        <Route path="donations/new" element={<DonationEntryPage />} />
        <Route path="donations/:id" element={<DonationPage />} />
        <Route path="programs" element={<ProgramsPage />} />
        <Route path="programs/:id" element={<ProgramPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="reports" element={<AnnualReportPage />} />
        <Route path="reports/annual" element={<AnnualReportPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
