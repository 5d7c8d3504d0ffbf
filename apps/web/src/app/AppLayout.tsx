import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DollarOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  MenuOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { AsOfPicker } from '../components/AsOfPicker';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { UserMenu } from '../features/auth/UserMenu';
import { canDo, useMe } from '../features/auth/use-me';
import { CurrentUnitPicker } from '../features/units/CurrentUnitPicker';
import { ExpiredGrantsNotice } from '../features/units/ExpiredGrantsNotice';
import { useI18n } from '../lib/i18n';
import { useAppHref } from '../lib/url-state';

export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const isWide = Boolean(screens.lg);
  const location = useLocation();
  const navigate = useNavigate();
  const href = useAppHref();
  const [isDrawerOpen, setDrawerOpen] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: '/units',
      icon: <ApartmentOutlined />,
      label: <span data-testid="nav-units">{t('nav.units')}</span>,
    },
    ...(canDo(me, 'teams.write')
      ? [
          {
            key: '/my-team',
            icon: <FormOutlined />,
            label: <span data-testid="nav-my-team">{t('nav.myTeam')}</span>,
          },
        ]
      : []),
    {
      key: '/households',
      icon: <HomeOutlined />,
      label: <span data-testid="nav-households">{t('nav.households')}</span>,
    },
    {
      key: '/teams',
      icon: <ClusterOutlined />,
      label: <span data-testid="nav-teams">{t('nav.teams')}</span>,
    },
    {
      key: 'money',
      icon: <DollarOutlined />,
      label: <span data-testid="nav-money">{t('nav.money')}</span>,
      children: [
        { key: '/funds', label: <span data-testid="nav-funds">{t('nav.funds')}</span> },
        { key: '/campaigns', label: <span data-testid="nav-campaigns">{t('nav.campaigns')}</span> },
        { key: '/donations', label: <span data-testid="nav-donations">{t('nav.donations')}</span> },
        { key: '/programs', label: <span data-testid="nav-programs">{t('nav.programs')}</span> },
      ],
    },
    {
      key: '/plans',
      icon: <AimOutlined />,
      label: <span data-testid="nav-plans">{t('plans.nav')}</span>,
    },
    {
      key: '/reports',
      icon: <FileTextOutlined />,
      label: <span data-testid="nav-reports">{t('reports.nav')}</span>,
    },
    {
      key: '/stats',
      icon: <BarChartOutlined />,
      label: <span data-testid="nav-stats">{t('nav.stats')}</span>,
    },
    ...(canDo(me, 'users.manage')
      ? [
          {
            key: '/users',
            icon: <TeamOutlined />,
            label: <span data-testid="nav-users">{t('nav.users')}</span>,
          },
        ]
      : []),
    ...(canDo(me, 'audit.read')
      ? [
          {
            key: '/audit',
            icon: <AuditOutlined />,
            label: <span data-testid="nav-audit">{t('nav.audit')}</span>,
          },
        ]
      : []),
  ];
  const selected = `/${location.pathname.split('/')[1] ?? ''}`;
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={['money']}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(href(key));
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Flex align="center" gap={12} style={{ height: '100%' }}>
          {isWide ? null : (
            <Button
              type="text"
              className="header-icon-button"
              icon={<MenuOutlined />}
              aria-label={t('nav.open')}
              data-testid="nav-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Link to={href('/units')} className="app-brand" data-testid="app-brand">
            <Logo size={30} />
            <span className="app-brand-text">
              <span className="app-name">{t('app.name')}</span>
              {screens.md ? <span className="app-subtitle">{t('app.short')}</span> : null}
            </span>
          </Link>
          <div style={{ flex: 1 }} />
          <LanguageSwitch className="header-lang" />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <div className="context-bar" data-testid="context-bar">
        <Flex wrap gap={12} align="center">
          <Flex align="center" gap={8} className="context-item context-unit">
            <Typography.Text type="secondary" className="context-label">
              {t('context.unit')}
            </Typography.Text>
            <CurrentUnitPicker width={isWide ? 380 : '100%'} />
          </Flex>
          <Flex align="center" gap={8} className="context-item">
            <Typography.Text type="secondary" className="context-label">
              {t('context.asOf')}
            </Typography.Text>
            <AsOfPicker />
          </Flex>
        </Flex>
      </div>
      <Layout hasSider={isWide}>
        {isWide ? (
          <Layout.Sider width={220} theme="light" className="app-sider">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content className="app-content">
          <ExpiredGrantsNotice />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
