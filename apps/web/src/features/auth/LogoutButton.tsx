import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../lib/i18n';
import { useLogout } from './use-logout';

export function LogoutButton() {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <Button type="link" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
      {t('user.logout')}
    </Button>
  );
}
