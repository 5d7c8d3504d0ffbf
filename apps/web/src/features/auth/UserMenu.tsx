import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Grid, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useLogout } from './use-logout';
import { useMe } from './use-me';

export function UserMenu() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const logout = useLogout();
  const [isChanging, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div>
                  <Typography.Text strong>{me.displayName}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{me.username}</Typography.Text>
                </div>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('user.changePassword')}</span>,
            },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="menu-logout">{t('user.logout')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <button type="button" className="header-user" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} className="header-avatar" />
          {screens.md ? <span data-testid="user-display-name">{me.displayName}</span> : null}
          <DownOutlined />
        </button>
      </Dropdown>
      <Modal
        open={isChanging}
        title={t('user.changePassword')}
        footer={null}
        destroyOnHidden
        onCancel={() => setChanging(false)}
      >
        <ChangePasswordForm
          onCancel={() => setChanging(false)}
          onDone={() => {
            setChanging(false);
            message.success(t('password.changed'));
          }}
        />
      </Modal>
    </>
  );
}
