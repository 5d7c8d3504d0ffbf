import {
  ArrowLeftOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { formatDate, previousDay, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { isValidOn, validityText } from '../units/unit-labels';
import { DateDialog, proposedEndDate, ReasonDialog } from './dialogs';
import { DuplicateReason, MemberModal } from './HouseholdForms';
import {
  AddCategoryModal,
  AddConsentModal,
  CulturalFamilyModal,
  EditHouseholdModal,
  MoveHouseholdModal,
} from './HouseholdRecordForms';
import { birthText, categoryColor, categoryLabel, relationText, sexText } from './household-labels';
import {
  type Consent,
  categoryKindsQuery,
  type DuplicateFlag,
  type HouseholdCategoryRecord,
  type HouseholdDetail,
  type HouseholdMember,
  householdQuery,
  householdsApi,
  householdsKey,
  personExportUrl,
} from './households.api';

/** How long a revealed citizen ID stays on screen. */
const revealSeconds = 30;

function RevealCitizenId({ member, canReveal }: { member: HouseholdMember; canReveal: boolean }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [shown, setShown] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => householdsApi.reveal(member.id, ['citizenId']),
    onSuccess: (data) => setShown(data.citizenId ?? ''),
    onError: (error) => message.error(errorText(error)),
  });
  useEffect(() => {
    if (shown === null) return;
    const timer = setTimeout(() => setShown(null), revealSeconds * 1000);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!member.citizenIdMasked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (shown !== null) {
    return (
      <Tooltip title={t('person.revealLogged')}>
        <Typography.Text strong copyable data-testid={`citizen-id-revealed-${member.id}`}>
          {shown}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Space size={4}>
      <Typography.Text code data-testid={`citizen-id-masked-${member.id}`}>
        {member.citizenIdMasked}
      </Typography.Text>
      {canReveal ? (
        <Tooltip title={t('person.revealHint', { seconds: revealSeconds })}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
            data-testid={`citizen-id-reveal-${member.id}`}
          >
            {t('person.reveal')}
          </Button>
        </Tooltip>
      ) : null}
    </Space>
  );
}

function DuplicatesPanel({ household }: { household: HouseholdDetail }) {
  const { t, errorText } = useI18n();
  const href = useAppHref();
  const client = useQueryClient();
  const { message } = App.useApp();
  const resolve = useMutation({
    mutationFn: ({ flag, status }: { flag: DuplicateFlag; status: 'not_duplicate' | 'duplicate' }) =>
      householdsApi.resolveDuplicate(flag.id, status),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: householdsKey });
      message.success(t('duplicate.resolved'));
    },
    onError: (error) => message.error(errorText(error)),
  });
  const open = household.duplicates.filter((flag) => flag.status === 'open');
  if (open.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="page-notice"
      data-testid="household-duplicates"
      title={t('duplicate.title', { count: open.length })}
      description={
        <Flex vertical gap={8}>
          {open.map((flag) => (
            <Flex key={flag.id} wrap gap={8} align="center" data-testid={`duplicate-${flag.id}`}>
              <span>
                <strong>{flag.personName}</strong> ↔ {flag.otherName} (
                <DuplicateReason reason={flag.reason} />)
              </span>
              {flag.otherHouseholdId ? (
                <Link to={href(`/households/${flag.otherHouseholdId}`)} data-testid="duplicate-other">
                  {t('duplicate.otherHousehold', { code: flag.otherHouseholdCode ?? '' })}
                </Link>
              ) : null}
              {household.canWrite ? (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => resolve.mutate({ flag, status: 'not_duplicate' })}
                    data-testid={`duplicate-not-${flag.id}`}
                  >
                    {t('duplicate.notDuplicate')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => resolve.mutate({ flag, status: 'duplicate' })}
                    data-testid={`duplicate-yes-${flag.id}`}
                  >
                    {t('duplicate.isDuplicate')}
                  </Button>
                </Space>
              ) : null}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}

type Dialog =
  | { kind: 'edit' }
  | { kind: 'move' }
  | { kind: 'deleteHousehold' }
  | { kind: 'member'; member: HouseholdMember | null }
  | { kind: 'deleteMember'; member: HouseholdMember }
  | { kind: 'addCategory' }
  | { kind: 'endCategory'; record: HouseholdCategoryRecord }
  | { kind: 'cultural'; year: number }
  | { kind: 'addConsent' }
  | { kind: 'withdrawConsent'; consent: Consent };

export function HouseholdPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const { at } = useAsOf();
  const href = useAppHref();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const household = useQuery(householdQuery(id, at));
  const kinds = useQuery(categoryKindsQuery);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const screens = Grid.useBreakpoint();
  const close = () => setDialog(null);
  const refresh = () => client.invalidateQueries({ queryKey: householdsKey });

  if (household.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (household.error) {
    const isMissing = household.error instanceof ApiError && household.error.status === 404;
    return isMissing ? (
      <Result
        status="404"
        title={t('household.notFound')}
        extra={
          <Link to={href('/households')}>
            <Button>{t('nav.households')}</Button>
          </Link>
        }
      />
    ) : (
      <ErrorAlert error={household.error} />
    );
  }
  const data = household.data;
  const placement = data.placements.find((item) => isValidOn(item, at)) ?? data.placements.at(-1);
  const canWrite = data.canWrite;
  const currentCategories = data.categories.filter((record) => isValidOn(record, at));
  const thisYear = Number(at.slice(0, 4));

  return (
    <Flex vertical gap={16} data-testid="household-page">
      <DuplicatesPanel household={data} />
      <Card
        title={
          <Space wrap>
            <Link to={href('/households')} aria-label={t('nav.households')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="household-title">{t('household.title', { code: data.code })}</span>
          </Space>
        }
        extra={
          canWrite ? (
            <Space wrap size={4}>
              <Button
                icon={<EditOutlined />}
                onClick={() => setDialog({ kind: 'edit' })}
                aria-label={t('common.edit')}
                data-testid="household-edit"
              >
                {screens.sm ? t('common.edit') : null}
              </Button>
              <Button
                icon={<SwapOutlined />}
                onClick={() => setDialog({ kind: 'move' })}
                aria-label={t('household.move.button')}
                data-testid="household-move"
              >
                {screens.sm ? t('household.move.button') : null}
              </Button>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => setDialog({ kind: 'deleteHousehold' })}
                data-testid="household-delete"
                aria-label={t('household.delete.button')}
              />
            </Space>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="household-info">
          <Descriptions.Item label={t('household.ward')}>
            {data.wardName ?? data.wardCode ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('household.group')}>
            {placement ? (placement.groupName ?? placement.groupCode) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('household.address')}>{data.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('household.phone')}>{data.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('household.categories')}>
            {currentCategories.length === 0 ? (
              '—'
            ) : (
              <Flex wrap gap={4}>
                {currentCategories.map((record) => (
                  <Tag key={record.id} color={categoryColor(record.category)} style={{ marginInlineEnd: 0 }}>
                    {categoryLabel(record.category, lang, kinds.data)}
                  </Tag>
                ))}
              </Flex>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('household.teams')}>
            {data.teams
              .filter((team) => isValidOn(team, at))
              .map((team) => team.name)
              .join(', ') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t('household.members')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setDialog({ kind: 'member', member: null })}
              data-testid="member-add"
            >
              {t('person.add.button')}
            </Button>
          ) : null
        }
      >
        {data.canReveal ? (
          <Typography.Paragraph type="secondary" className="small-text">
            {t('person.revealNote')}
          </Typography.Paragraph>
        ) : null}
        <Table<HouseholdMember>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.members}
          scroll={{ x: 900 }}
          data-testid="members-table"
          onRow={(member) =>
            ({ 'data-testid': `member-row-${member.id}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('person.fullName'),
              dataIndex: 'fullName',
              fixed: 'left',
              width: 190,
              render: (name: string, member) => (
                <span>
                  {name} {member.isHead ? <Tag color="red">{t('person.head')}</Tag> : null}
                </span>
              ),
            },
            {
              title: t('person.relation'),
              dataIndex: 'relation',
              width: 120,
              render: (relation: string, member) =>
                lang === 'vi' && member.relationLabel ? member.relationLabel : relationText(relation, lang),
            },
            {
              title: t('person.sex'),
              dataIndex: 'sex',
              width: 80,
              render: (sex: 'male' | 'female' | null) => sexText(t, sex),
            },
            {
              title: t('person.birthDate'),
              key: 'birth',
              width: 110,
              render: (_v, member) => birthText(member),
            },
            {
              title: t('person.citizenId'),
              key: 'citizenId',
              width: 210,
              render: (_v, member) => <RevealCitizenId member={member} canReveal={data.canReveal} />,
            },
            {
              title: t('person.phone'),
              dataIndex: 'phone',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_v, member) => (
                <Space size={0}>
                  <Tooltip title={t('person.export')}>
                    <Button
                      type="text"
                      icon={<DownloadOutlined />}
                      href={personExportUrl(member.id)}
                      download={`nguoi-${member.id}.json`}
                      aria-label={t('person.export')}
                      data-testid={`member-export-${member.id}`}
                    />
                  </Tooltip>
                  {canWrite ? (
                    <>
                      <Tooltip title={t('common.edit')}>
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setDialog({ kind: 'member', member })}
                          data-testid={`member-edit-${member.id}`}
                        />
                      </Tooltip>
                      <Tooltip title={t('person.delete.button')}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('person.delete.button')}
                          onClick={() => setDialog({ kind: 'deleteMember', member })}
                          data-testid={`member-delete-${member.id}`}
                        />
                      </Tooltip>
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card>
        <Tabs
          data-testid="household-tabs"
          items={[
            {
              key: 'categories',
              label: t('household.tab.categories'),
              children: (
                <>
                  {canWrite ? (
                    <Button
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setDialog({ kind: 'addCategory' })}
                      data-testid="category-add"
                    >
                      {t('category.add.button')}
                    </Button>
                  ) : null}
                  <Table<HouseholdCategoryRecord>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={data.categories}
                    scroll={{ x: 640 }}
                    data-testid="categories-table"
                    locale={{ emptyText: t('category.none') }}
                    columns={[
                      {
                        title: t('category.kind'),
                        dataIndex: 'category',
                        render: (code: string, record) => (
                          <span>
                            <Tag color={categoryColor(code)}>{categoryLabel(code, lang, kinds.data)}</Tag>
                            {record.standardPeriod ? (
                              <Typography.Text type="secondary">
                                {t('category.periodShort', { period: record.standardPeriod })}
                              </Typography.Text>
                            ) : null}
                          </span>
                        ),
                      },
                      {
                        title: t('unit.validity'),
                        key: 'validity',
                        render: (_v, record) => <span className="small-text">{validityText(t, record)}</span>,
                      },
                      ...(canWrite
                        ? [
                            {
                              title: t('common.actions'),
                              key: 'actions',
                              width: 120,
                              render: (_v: unknown, record: HouseholdCategoryRecord) =>
                                record.validTo === null ? (
                                  <Button
                                    size="small"
                                    onClick={() => setDialog({ kind: 'endCategory', record })}
                                    data-testid={`category-end-${record.id}`}
                                  >
                                    {t('category.end')}
                                  </Button>
                                ) : null,
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'placements',
              label: t('household.tab.placements'),
              children: (
                <Table
                  rowKey={(row) => `${row.groupCode}|${row.validFrom}`}
                  size="small"
                  pagination={false}
                  dataSource={data.placements}
                  data-testid="placements-table"
                  columns={[
                    {
                      title: t('household.group'),
                      key: 'group',
                      render: (_v, row) =>
                        `${row.groupName ?? row.groupCode}${row.wardName ? ` · ${row.wardName}` : ''}`,
                    },
                    {
                      title: t('versions.from'),
                      dataIndex: 'validFrom',
                      render: (v: string) => formatDate(v),
                    },
                    {
                      title: t('versions.to'),
                      dataIndex: 'validTo',
                      render: (v: string | null) => (v ? formatDate(previousDay(v)) : t('versions.open')),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'cultural',
              label: t('household.tab.cultural'),
              children: (
                <>
                  {canWrite ? (
                    <Button
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setDialog({ kind: 'cultural', year: thisYear })}
                      data-testid="cultural-add"
                    >
                      {t('cultural.add.button', { year: thisYear })}
                    </Button>
                  ) : null}
                  <Table
                    rowKey="year"
                    size="small"
                    pagination={false}
                    dataSource={[...data.culturalFamily].sort((a, b) => b.year - a.year)}
                    data-testid="cultural-table"
                    locale={{ emptyText: t('cultural.none') }}
                    columns={[
                      { title: t('cultural.year'), dataIndex: 'year', width: 90 },
                      {
                        title: t('cultural.registered'),
                        dataIndex: 'registered',
                        render: (v: boolean) =>
                          v ? <Tag color="blue">{t('cultural.yes')}</Tag> : t('cultural.no'),
                      },
                      {
                        title: t('cultural.recognized'),
                        dataIndex: 'recognized',
                        render: (v: boolean | null) =>
                          v === null ? (
                            t('cultural.pending')
                          ) : v ? (
                            <Tag color="green">{t('cultural.yes')}</Tag>
                          ) : (
                            <Tag>{t('cultural.no')}</Tag>
                          ),
                      },
                      {
                        title: t('cultural.reason'),
                        dataIndex: 'reason',
                        render: (v: string | null) => v ?? '',
                      },
                      ...(canWrite
                        ? [
                            {
                              title: t('common.actions'),
                              key: 'actions',
                              width: 90,
                              render: (_v: unknown, row: { year: number }) => (
                                <Button
                                  size="small"
                                  type="text"
                                  icon={<EditOutlined />}
                                  aria-label={t('common.edit')}
                                  onClick={() => setDialog({ kind: 'cultural', year: row.year })}
                                />
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'consents',
              label: t('household.tab.consents'),
              children: (
                <>
                  {canWrite ? (
                    <Button
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setDialog({ kind: 'addConsent' })}
                      data-testid="consent-add"
                    >
                      {t('consent.add.button')}
                    </Button>
                  ) : null}
                  <Table<Consent>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={data.consents}
                    scroll={{ x: 640 }}
                    data-testid="consents-table"
                    locale={{ emptyText: t('consent.none') }}
                    columns={[
                      { title: t('consent.givenBy'), dataIndex: 'givenBy' },
                      { title: t('consent.purpose'), dataIndex: 'purpose' },
                      {
                        title: t('consent.givenOn'),
                        dataIndex: 'givenOn',
                        render: (v: string) => formatDate(v),
                      },
                      {
                        title: t('consent.status'),
                        dataIndex: 'withdrawnOn',
                        render: (v: string | null) =>
                          v ? (
                            <Tag>{t('consent.withdrawnOn', { date: formatDate(v) })}</Tag>
                          ) : (
                            <Tag color="green">{t('consent.active')}</Tag>
                          ),
                      },
                      ...(canWrite
                        ? [
                            {
                              title: t('common.actions'),
                              key: 'actions',
                              width: 110,
                              render: (_v: unknown, consent: Consent) =>
                                consent.withdrawnOn ? null : (
                                  <Button
                                    size="small"
                                    onClick={() => setDialog({ kind: 'withdrawConsent', consent })}
                                  >
                                    {t('consent.withdraw')}
                                  </Button>
                                ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'teams',
              label: t('household.tab.teams'),
              children: (
                <Table
                  rowKey={(row) => `${row.teamId}|${row.validFrom}`}
                  size="small"
                  pagination={false}
                  dataSource={data.teams}
                  data-testid="household-teams-table"
                  locale={{ emptyText: t('household.noTeams') }}
                  columns={[
                    {
                      title: t('team.name'),
                      dataIndex: 'name',
                      render: (name: string, row) => <Link to={href(`/teams/${row.teamId}`)}>{name}</Link>,
                    },
                    {
                      title: t('team.kind'),
                      dataIndex: 'kind',
                      render: (kind: string) =>
                        kind === 'group' ? t('team.kind.group') : t('team.kind.team'),
                    },
                    {
                      title: t('unit.validity'),
                      key: 'validity',
                      render: (_v, row) => <span className="small-text">{validityText(t, row)}</span>,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>

      {dialog?.kind === 'edit' ? <EditHouseholdModal household={data} onClose={close} /> : null}
      {dialog?.kind === 'move' ? <MoveHouseholdModal household={data} at={at} onClose={close} /> : null}
      {dialog?.kind === 'member' ? (
        <MemberModal householdId={data.id} member={dialog.member} onClose={close} />
      ) : null}
      {dialog?.kind === 'addCategory' ? <AddCategoryModal household={data} at={at} onClose={close} /> : null}
      {dialog?.kind === 'cultural' ? (
        <CulturalFamilyModal household={data} year={dialog.year} onClose={close} />
      ) : null}
      {dialog?.kind === 'addConsent' ? <AddConsentModal household={data} at={at} onClose={close} /> : null}
      {dialog?.kind === 'endCategory' ? (
        <DateDialog
          title={t('category.end.title', { name: categoryLabel(dialog.record.category, lang, kinds.data) })}
          label={t('category.end.date')}
          hint={t('category.end.hint')}
          initial={proposedEndDate(dialog.record.validFrom, at, todayInVietnam())}
          testId="category-end"
          onConfirm={async (date) => {
            await householdsApi.endCategory(dialog.record.id, date);
            await refresh();
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'withdrawConsent' ? (
        <DateDialog
          title={t('consent.withdraw.title')}
          label={t('consent.withdraw.date')}
          initial={proposedEndDate(dialog.consent.givenOn, at, todayInVietnam())}
          testId="consent-withdraw"
          onConfirm={async (date) => {
            await householdsApi.withdrawConsent(dialog.consent.id, date);
            await refresh();
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'deleteMember' ? (
        <ReasonDialog
          title={t('person.delete.title', { name: dialog.member.fullName })}
          warning={t('person.delete.warning')}
          testId="member-delete"
          onConfirm={async (reason) => {
            await householdsApi.removePerson(dialog.member.id, reason);
            await refresh();
            message.success(t('person.deleted'));
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'deleteHousehold' ? (
        <ReasonDialog
          title={t('household.delete.title', { code: data.code })}
          warning={t('household.delete.warning')}
          testId="household-delete"
          onConfirm={async (reason) => {
            await householdsApi.remove(data.id, reason);
            client.removeQueries({ queryKey: [...householdsKey, 'detail', data.id] });
            await refresh();
            message.success(t('household.deleted'));
            navigate(href('/households'));
          }}
          onClose={close}
        />
      ) : null}
    </Flex>
  );
}
