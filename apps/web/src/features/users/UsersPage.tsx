import {
  DeleteOutlined,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  SafetyOutlined,
  UnlockOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Drawer,
  Flex,
  Grid,
  Input,
  Popconfirm,
  Result,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAsOf, useCurrentUnitCode } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { GrantTag } from './role-labels';
import { AddGrantForm, CreateUserModal, EditNameModal, ResetPasswordModal } from './UserForms';
import { removeGrant, type UserData, updateUser, usersKey, usersQuery } from './users.api';

type Dialog =
  | { kind: 'create' }
  | { kind: 'name'; user: UserData }
  | { kind: 'password'; user: UserData }
  | { kind: 'grants'; userId: string };

export function UsersPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unitCode = useCurrentUnitCode();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [onlyUnit, setOnlyUnit] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const today = todayInVietnam();
  const users = useQuery({
    ...usersQuery({ q, unit: onlyUnit ? unitCode : null, at }),
    enabled: canDo(me, 'users.manage'),
  });
  const toggleActive = useMutation({
    mutationFn: (user: UserData) => updateUser(user.id, { isActive: !user.isActive }),
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: usersKey });
      message.success(
        t(user.isActive ? 'users.activated' : 'users.deactivated', { username: user.username }),
      );
    },
    onError: (error) => message.error(errorText(error)),
  });
  const revoke = useMutation({
    mutationFn: ({ user, grantId }: { user: UserData; grantId: string }) => removeGrant(user.id, grantId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: usersKey });
      message.success(t('users.grantRemoved'));
    },
    onError: (error) => message.error(errorText(error)),
  });

  if (!canDo(me, 'users.manage')) {
    return <Result status="403" title={t('error.noAccess')} subTitle={t('users.noAccess')} />;
  }

  const grantsUser =
    dialog?.kind === 'grants' ? users.data?.find((user) => user.id === dialog.userId) : undefined;

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {screens.sm ? t('users.create.button') : null}
        </Button>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 320 }}
          data-testid="users-search"
        />
        {unitCode ? (
          <Checkbox checked={onlyUnit} onChange={(event) => setOnlyUnit(event.target.checked)}>
            {t('users.onlyUnit')}
          </Checkbox>
        ) : null}
      </Flex>
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Table<UserData>
        rowKey="id"
        size="middle"
        data-testid="users-table"
        loading={users.isFetching}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('users.col.account'),
            key: 'account',
            render: (_value, user) => (
              <div>
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{user.username}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('users.col.roles'),
            key: 'grants',
            render: (_value, user) =>
              user.grants.length === 0 ? (
                <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
              ) : (
                user.grants.map((grant) => <GrantTag key={grant.id} grant={grant} t={t} today={today} />)
              ),
          },
          {
            title: t('users.col.status'),
            dataIndex: 'isActive',
            width: 120,
            render: (isActive: boolean) =>
              isActive ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
          },
          {
            title: t('users.col.created'),
            dataIndex: 'createdAt',
            width: 110,
            render: (value: string) => formatDateTime(value).slice(0, 10),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_value, user) => (
              <Space size={0} wrap>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  title={t('users.editName.button')}
                  aria-label={t('users.editName.button')}
                  onClick={() => setDialog({ kind: 'name', user })}
                />
                <Button
                  type="text"
                  icon={<SafetyOutlined />}
                  title={t('users.grants.button')}
                  aria-label={t('users.grants.button')}
                  data-testid={`user-grants-${user.username}`}
                  onClick={() => setDialog({ kind: 'grants', userId: user.id })}
                />
                <Button
                  type="text"
                  icon={<KeyOutlined />}
                  title={t('users.resetPassword.button')}
                  aria-label={t('users.resetPassword.button')}
                  onClick={() => setDialog({ kind: 'password', user })}
                />
                <Popconfirm
                  title={t(user.isActive ? 'users.deactivate.confirm' : 'users.activate.confirm', {
                    username: user.username,
                  })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => toggleActive.mutateAsync(user).catch(() => undefined)}
                >
                  <Button
                    type="text"
                    danger={user.isActive}
                    icon={user.isActive ? <LockOutlined /> : <UnlockOutlined />}
                    title={t(user.isActive ? 'users.deactivate.button' : 'users.activate.button')}
                    aria-label={t(user.isActive ? 'users.deactivate.button' : 'users.activate.button')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' ? (
        <CreateUserModal at={at} unitCode={unitCode} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'name' ? <EditNameModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'password' ? (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      ) : null}
      <Drawer
        open={dialog?.kind === 'grants'}
        onClose={() => setDialog(null)}
        size={screens.md ? 480 : '100%'}
        title={grantsUser ? t('users.grants.title', { name: grantsUser.displayName }) : ''}
        destroyOnHidden
      >
        {grantsUser ? (
          <>
            <div data-testid="grants-list" className="grants-list">
              {grantsUser.grants.length === 0 ? (
                <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
              ) : (
                grantsUser.grants.map((grant) => (
                  <Flex key={grant.id} align="center" justify="space-between" gap={8} className="grants-item">
                    <GrantTag grant={grant} t={t} today={today} />
                    <Popconfirm
                      title={t('users.grant.removeConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        revoke.mutateAsync({ user: grantsUser, grantId: grant.id }).catch(() => undefined)
                      }
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('users.grant.remove')}
                      />
                    </Popconfirm>
                  </Flex>
                ))
              )}
            </div>
            <Divider />
            <Typography.Title level={5}>{t('users.grant.addTitle')}</Typography.Title>
            <AddGrantForm user={grantsUser} at={at} unitCode={unitCode} />
          </>
        ) : null}
      </Drawer>
    </Card>
  );
}
