import {
  ArrowLeftOutlined,
  EditOutlined,
  FormOutlined,
  HomeOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, type FormModalProps } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { dateFormat, formatDate, fromDayjs, previousDay, toDayjs, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { DateDialog, proposedEndDate } from '../households/dialogs';
import { householdsQuery } from '../households/households.api';
import { isValidOn, validityText } from '../units/unit-labels';
import { ActivityForm } from './ActivityForm';
import { ActivityList } from './ActivityList';
import { roleLabel, teamKindLabel } from './team-labels';
import './teams.css';
import { useDebounced } from '../../lib/use-debounced';
import {
  type MemberRole,
  memberRoles,
  refreshTeams,
  type TeamDetail,
  type TeamHousehold,
  type TeamMember,
  teamQuery,
  teamsApi,
} from './teams.api';

/** A form in a modal whose save refreshes the team; API field errors land on the fields. */
function TeamFormModal<V extends object>(props: Omit<FormModalProps<V>, 'refresh'>) {
  return <FormModal<V> {...props} refresh={refreshTeams} />;
}

function AddMemberModal({ team, at, onClose }: { team: TeamDetail; at: string; onClose: () => void }) {
  const { t } = useI18n();
  type Values = { name?: string; phone?: string; role?: MemberRole; validFrom?: Dayjs };
  return (
    <TeamFormModal<Values>
      title={t('team.member.add.title')}
      testId="team-member-add"
      fields={['name', 'phone', 'role', 'validFrom']}
      initialValues={{
        role: team.members.some((member) => member.role === 'leader' && isValidOn(member, at))
          ? 'member'
          : 'leader',
        validFrom: toDayjs(at),
      }}
      save={(values) =>
        teamsApi.addMember(team.id, {
          name: values.name?.trim() ?? '',
          phone: values.phone?.trim() || null,
          role: values.role ?? 'member',
          validFrom: values.validFrom ? fromDayjs(values.validFrom) : at,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="name" label={t('team.member.name')}>
        <Input data-testid="team-member-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('person.phone')}>
        <Input inputMode="tel" data-testid="team-member-phone" />
      </Form.Item>
      <Form.Item name="role" label={t('team.member.role')}>
        <Select
          options={memberRoles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
          data-testid="team-member-role"
        />
      </Form.Item>
      <Form.Item name="validFrom" label={t('team.validFrom')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </TeamFormModal>
  );
}

/** Households of the team's unit, found by name, code or address without diacritics. */
function AssignHouseholdsModal({ team, at, onClose }: { team: TeamDetail; at: string; onClose: () => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useQuery(householdsQuery({ unit: team.unitCode, at, q: q || null }, 1, 30));
  const [labels, setLabels] = useState<Record<string, string>>({});
  const assigned = new Set(team.households.filter((h) => isValidOn(h, at)).map((h) => h.householdId));
  const options = (found.data?.items ?? []).map((household) => ({
    value: household.id,
    label: `${household.code} · ${household.headName ?? ''}${household.address ? ` · ${household.address}` : ''}`,
    disabled: assigned.has(household.id),
  }));
  type Values = { householdIds?: string[]; validFrom?: Dayjs };
  return (
    <TeamFormModal<Values>
      title={t('team.household.assign.title')}
      testId="team-household-assign"
      fields={['householdIds', 'validFrom']}
      initialValues={{ householdIds: [], validFrom: toDayjs(at) }}
      save={(values) =>
        teamsApi.assignHouseholds(
          team.id,
          values.householdIds ?? [],
          values.validFrom ? fromDayjs(values.validFrom) : at,
        )
      }
      onClose={onClose}
    >
      <Form.Item name="householdIds" label={t('team.household.pick')} extra={t('team.household.pickHint')}>
        <Select
          mode="multiple"
          showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
          loading={found.isFetching}
          options={options.map((option) => ({ ...option, label: labels[option.value] ?? option.label }))}
          onSelect={(value: string) => {
            const option = options.find((item) => item.value === value);
            if (option) setLabels((current) => ({ ...current, [value]: option.label }));
          }}
          placeholder={t('households.search')}
          notFoundContent={found.isFetching ? <Spin size="small" /> : t('households.empty')}
          data-testid="team-household-select"
        />
      </Form.Item>
      <Form.Item name="validFrom" label={t('team.validFrom')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </TeamFormModal>
  );
}

function RenameModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <TeamFormModal<{ name?: string }>
      title={t('team.rename.title')}
      testId="team-rename"
      fields={['name']}
      initialValues={{ name: team.name }}
      save={(values) => teamsApi.rename(team.id, values.name?.trim() ?? '')}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('team.name')}>
        <Input data-testid="team-rename-name" />
      </Form.Item>
    </TeamFormModal>
  );
}

type Dialog =
  | { kind: 'member' }
  | { kind: 'endMember'; member: TeamMember }
  | { kind: 'assign' }
  | { kind: 'endHousehold'; household: TeamHousehold }
  | { kind: 'rename' }
  | { kind: 'close' }
  | { kind: 'activity' };

export function TeamPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { at } = useAsOf();
  const href = useAppHref();
  const client = useQueryClient();
  const team = useQuery(teamQuery(id, at));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [showPast, setShowPast] = useState(false);
  const screens = Grid.useBreakpoint();
  const close = () => setDialog(null);
  const refresh = () => refreshTeams(client);

  if (team.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (team.error) {
    return team.error instanceof ApiError && team.error.status === 404 ? (
      <Result
        status="404"
        title={t('team.notFound')}
        extra={
          <Link to={href('/teams')}>
            <Button>{t('nav.teams')}</Button>
          </Link>
        }
      />
    ) : (
      <ErrorAlert error={team.error} />
    );
  }
  const data = team.data;
  const canWrite = data.canWrite;
  const members = showPast ? data.members : data.members.filter((member) => isValidOn(member, at));
  const households = showPast
    ? data.households
    : data.households.filter((household) => isValidOn(household, at));
  const pastToggle = (
    <Space>
      <Switch size="small" checked={showPast} onChange={setShowPast} data-testid="team-show-past" />
      {t('team.showPast')}
    </Space>
  );
  const endColumn = <R extends { validTo: string | null }>(
    onEnd: (row: R) => void,
    testId: (row: R) => string,
  ) =>
    canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, row: R) =>
              row.validTo === null ? (
                <Button size="small" onClick={() => onEnd(row)} data-testid={testId(row)}>
                  {t('team.end')}
                </Button>
              ) : null,
          },
        ]
      : [];

  const actions = canWrite ? (
    <Space wrap size={4}>
      <Button
        type="primary"
        icon={<FormOutlined />}
        onClick={() => setDialog({ kind: 'activity' })}
        data-testid="team-log-activity"
      >
        {t('activity.log')}
      </Button>
      <Button
        icon={<EditOutlined />}
        onClick={() => setDialog({ kind: 'rename' })}
        aria-label={t('team.rename.button')}
        data-testid="team-rename"
      >
        {screens.sm ? t('team.rename.button') : null}
      </Button>
      {data.validTo === null ? (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog({ kind: 'close' })}
          data-testid="team-close"
          aria-label={t('team.close.button')}
        />
      ) : null}
    </Space>
  ) : null;

  return (
    <Flex vertical gap={16} data-testid="team-page">
      <Card
        title={
          <Space wrap className="detail-title">
            <Link to={href('/teams')} aria-label={t('nav.teams')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="team-title">{data.name}</span>
            <Tag color={data.kind === 'group' ? 'blue' : 'volcano'}>{teamKindLabel(t, data.kind)}</Tag>
          </Space>
        }
        extra={screens.sm ? actions : null}
      >
        {screens.sm || !actions ? null : <div style={{ marginBottom: 12 }}>{actions}</div>}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('team.unit')}>{data.unitName ?? data.unitCode}</Descriptions.Item>
          <Descriptions.Item label={t('unit.validity')}>{validityText(t, data)}</Descriptions.Item>
          <Descriptions.Item label={t('team.leader')}>
            {data.members.find((member) => member.role === 'leader' && isValidOn(member, at))?.name ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          data-testid="team-tabs"
          items={[
            {
              key: 'members',
              label: t('team.tab.members', { count: data.members.filter((m) => isValidOn(m, at)).length }),
              children: (
                <>
                  <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
                    {canWrite ? (
                      <Button
                        icon={<UserAddOutlined />}
                        onClick={() => setDialog({ kind: 'member' })}
                        data-testid="team-member-add"
                      >
                        {t('team.member.add.button')}
                      </Button>
                    ) : (
                      <span />
                    )}
                    {pastToggle}
                  </Flex>
                  <Table<TeamMember>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={members}
                    scroll={{ x: 640 }}
                    data-testid="team-members-table"
                    locale={{ emptyText: t('team.member.none') }}
                    columns={[
                      { title: t('team.member.name'), dataIndex: 'name', width: 170 },
                      {
                        title: t('team.member.role'),
                        dataIndex: 'role',
                        width: 120,
                        render: (role: MemberRole) => (
                          <Tag color={role === 'leader' ? 'red' : role === 'deputy' ? 'orange' : 'default'}>
                            {roleLabel(t, role)}
                          </Tag>
                        ),
                      },
                      {
                        title: t('person.phone'),
                        dataIndex: 'phone',
                        width: 130,
                        render: (phone: string | null) =>
                          phone ? <a href={`tel:${phone}`}>{phone}</a> : '—',
                      },
                      {
                        title: t('versions.from'),
                        dataIndex: 'validFrom',
                        width: 110,
                        render: (v: string) => formatDate(v),
                      },
                      {
                        title: t('versions.to'),
                        dataIndex: 'validTo',
                        width: 110,
                        render: (v: string | null) => (v ? formatDate(previousDay(v)) : t('versions.open')),
                      },
                      ...endColumn<TeamMember>(
                        (member) => setDialog({ kind: 'endMember', member }),
                        (member) => `team-member-end-${member.id}`,
                      ),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'households',
              label: t('team.tab.households', {
                count: data.households.filter((h) => isValidOn(h, at)).length,
              }),
              children: (
                <>
                  <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
                    {canWrite ? (
                      <Button
                        icon={<HomeOutlined />}
                        onClick={() => setDialog({ kind: 'assign' })}
                        data-testid="team-household-assign"
                      >
                        {t('team.household.assign.button')}
                      </Button>
                    ) : (
                      <span />
                    )}
                    {pastToggle}
                  </Flex>
                  <Table<TeamHousehold>
                    rowKey={(row) => `${row.householdId}|${row.validFrom}`}
                    size="small"
                    pagination={households.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                    dataSource={households}
                    scroll={{ x: 640 }}
                    data-testid="team-households-table"
                    locale={{ emptyText: t('team.household.none') }}
                    columns={[
                      {
                        title: t('household.code'),
                        dataIndex: 'code',
                        width: 110,
                        render: (code: string, row) => (
                          <Link to={href(`/households/${row.householdId}`)}>{code}</Link>
                        ),
                      },
                      {
                        title: t('household.head'),
                        dataIndex: 'headName',
                        render: (v: string | null) => v ?? '—',
                      },
                      {
                        title: t('household.address'),
                        dataIndex: 'address',
                        render: (v: string | null) => v ?? '—',
                      },
                      {
                        title: t('versions.from'),
                        dataIndex: 'validFrom',
                        width: 110,
                        render: (v: string) => formatDate(v),
                      },
                      ...endColumn<TeamHousehold>(
                        (household) => setDialog({ kind: 'endHousehold', household }),
                        (household) => `team-household-end-${household.code}`,
                      ),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'activities',
              label: t('team.tab.activities'),
              children: <ActivityList activities={data.activities} />,
            },
          ]}
        />
      </Card>

      {dialog?.kind === 'member' ? <AddMemberModal team={data} at={at} onClose={close} /> : null}
      {dialog?.kind === 'assign' ? <AssignHouseholdsModal team={data} at={at} onClose={close} /> : null}
      {dialog?.kind === 'rename' ? <RenameModal team={data} onClose={close} /> : null}
      {dialog?.kind === 'activity' ? (
        <Modal open title={t('activity.log')} footer={null} onCancel={close} destroyOnHidden width={640}>
          <ActivityForm team={data} onSaved={close} />
        </Modal>
      ) : null}
      {dialog?.kind === 'endMember' ? (
        <DateDialog
          title={t('team.member.end.title', { name: dialog.member.name })}
          label={t('team.endDate')}
          hint={t('team.endHint')}
          initial={proposedEndDate(dialog.member.validFrom, at, todayInVietnam())}
          testId="team-member-end"
          onConfirm={async (date) => {
            await teamsApi.endMember(dialog.member.id, date);
            await refresh();
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'endHousehold' ? (
        <DateDialog
          title={t('team.household.end.title', { code: dialog.household.code })}
          label={t('team.endDate')}
          hint={t('team.endHint')}
          initial={proposedEndDate(dialog.household.validFrom, at, todayInVietnam())}
          testId="team-household-end"
          onConfirm={async (date) => {
            await teamsApi.endHousehold(data.id, dialog.household.householdId, date);
            await refresh();
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'close' ? (
        <DateDialog
          title={t('team.close.title', { name: data.name })}
          label={t('team.endDate')}
          hint={t('team.close.hint')}
          initial={proposedEndDate(data.validFrom, at, todayInVietnam())}
          isDanger
          okText={t('team.close.button')}
          testId="team-close"
          onConfirm={async (date) => {
            await teamsApi.close(data.id, date);
            await refresh();
          }}
          onClose={close}
        />
      ) : null}
    </Flex>
  );
}
