import { PlusOutlined } from '@ant-design/icons';
import { formatNumber } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Segmented,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/FormModal';
import { dateFormat, fromDayjs, toDayjs } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { usePageUnit } from '../households/use-page-unit';
import { UnitPicker } from '../units/UnitPicker';
import { validityText } from '../units/unit-labels';
import { teamKindLabel } from './team-labels';
import { refreshTeams, type TeamKind, type TeamListItem, teamsApi, teamsQuery } from './teams.api';

type CreateValues = { kind?: TeamKind; unitCode?: string | null; name?: string; validFrom?: Dayjs };

function CreateTeamModal({
  unitCode,
  at,
  onClose,
  onCreated,
}: {
  unitCode: string;
  at: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const fields = ['kind', 'unitCode', 'name', 'validFrom'];
  const mutation = useMutation({
    mutationFn: (values: CreateValues) =>
      teamsApi.create({
        kind: values.kind ?? 'team',
        unitCode: values.unitCode ?? '',
        name: values.name?.trim() ?? '',
        validFrom: values.validFrom ? fromDayjs(values.validFrom) : at,
      }),
    onSuccess: async (answer) => {
      await refreshTeams(client);
      onClose();
      onCreated(answer.id);
    },
    onError: (caught) => {
      if (!showFieldErrors(form, caught, fields, lang)) setError(caught);
    },
  });
  return (
    <Modal
      open
      title={t('team.create.title')}
      okText={t('team.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'team-create-ok' }}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'team', unitCode, validFrom: toDayjs(at) }}
        onFinish={(values) => {
          setError(null);
          if (!values.name?.trim()) {
            form.setFields([{ name: 'name', errors: [t('team.nameRequired')] }]);
            return;
          }
          mutation.mutate(values);
        }}
        data-testid="team-create-form"
      >
        <Form.Item name="kind" label={t('team.kind')}>
          <Segmented<TeamKind>
            options={[
              { value: 'team', label: t('team.kind.team') },
              { value: 'group', label: t('team.kind.group') },
            ]}
            data-testid="team-create-kind"
          />
        </Form.Item>
        <Form.Item name="unitCode" label={t('team.unit')} extra={t('team.unitHint')}>
          <UnitPicker at={at} testId="team-create-unit" />
        </Form.Item>
        <Form.Item name="name" label={t('team.name')}>
          <Input data-testid="team-create-name" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('team.validFrom')}>
          <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} testId="team-create-error" /> : null}
    </Modal>
  );
}

export function TeamsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: TeamKind | null = kindParam === 'team' || kindParam === 'group' ? kindParam : null;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [isCreating, setCreating] = useState(false);
  const screens = Grid.useBreakpoint();
  const teams = useQuery({
    ...teamsQuery({ unit: unit ?? '', at, kind, q: q || null }),
    enabled: Boolean(unit),
  });

  const setParam = (key: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  if (!unit) {
    return (
      <Card title={t('teams.title')}>
        <Empty description={t('households.pickUnit')} />
      </Card>
    );
  }

  return (
    <Card
      title={t('teams.title')}
      extra={
        canDo(me, 'teams.write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="team-create"
          >
            {t('team.create.button')}
          </Button>
        ) : null
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Segmented<string>
          value={kind ?? 'all'}
          onChange={(value) => setParam('kind', value === 'all' ? null : value)}
          options={[
            { value: 'all', label: t('teams.kind.all') },
            { value: 'team', label: t('team.kind.team') },
            { value: 'group', label: t('team.kind.group') },
          ]}
          data-testid="teams-kind"
        />
        <Input.Search
          allowClear
          value={search}
          placeholder={t('teams.search')}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setParam('q', value.trim() || null)}
          style={{ maxWidth: 320 }}
          data-testid="teams-search"
        />
      </Flex>
      {teams.error ? <ErrorAlert error={teams.error} /> : null}
      <Table<TeamListItem>
        rowKey="id"
        size="middle"
        loading={teams.isFetching}
        dataSource={teams.data ?? []}
        scroll={{ x: screens.md ? 960 : 520 }}
        data-testid="teams-table"
        locale={{ emptyText: t('teams.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(team) => ({ 'data-testid': `team-row-${team.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('team.name'),
            dataIndex: 'name',
            fixed: 'left',
            width: 200,
            render: (name: string, team) => (
              <Link to={href(`/teams/${team.id}`)} data-testid="team-link">
                {name}
              </Link>
            ),
          },
          {
            title: t('team.kind'),
            dataIndex: 'kind',
            width: 130,
            responsive: ['sm'],
            render: (value: TeamKind) => (
              <Tag color={value === 'group' ? 'blue' : 'volcano'}>{teamKindLabel(t, value)}</Tag>
            ),
          },
          {
            title: t('team.unit'),
            key: 'unit',
            width: 180,
            responsive: ['md'],
            render: (_v, team) => team.unitName ?? team.unitCode,
          },
          {
            title: t('team.leader'),
            key: 'leader',
            width: 180,
            render: (_v, team) =>
              team.leaderName ? (
                <span>
                  {team.leaderName}
                  {team.leaderPhone ? (
                    <Typography.Text type="secondary" className="small-text">
                      <br />
                      <a href={`tel:${team.leaderPhone}`}>{team.leaderPhone}</a>
                    </Typography.Text>
                  ) : null}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('team.members'),
            dataIndex: 'memberCount',
            width: 100,
            align: 'right',
            render: (count: number) => formatNumber(count),
          },
          {
            title: t('team.households'),
            dataIndex: 'householdCount',
            width: 100,
            align: 'right',
            render: (count: number) => formatNumber(count),
          },
          {
            title: t('unit.validity'),
            key: 'validity',
            responsive: ['lg'],
            render: (_v, team) => <span className="small-text">{validityText(t, team)}</span>,
          },
        ]}
      />
      {isCreating ? (
        <CreateTeamModal
          unitCode={unit}
          at={at}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(href(`/teams/${id}`))}
        />
      ) : null}
    </Card>
  );
}
