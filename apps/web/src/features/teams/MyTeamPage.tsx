import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { foldedSearch } from '../households/household-labels';
import { ActivityForm } from './ActivityForm';
import { ActivityList } from './ActivityList';
import { teamKindLabel } from './team-labels';
import './teams.css';
import { myTeamsQuery, teamQuery } from './teams.api';

/** The team picked last on this device, so a leader of several teams does not pick it at every visit. */
const lastTeamKey = 'doanket.myTeam';

function readLastTeam(): string | null {
  try {
    return window.localStorage.getItem(lastTeamKey);
  } catch {
    return null;
  }
}

function rememberTeam(id: string | null) {
  try {
    if (id) window.localStorage.setItem(lastTeamKey, id);
    else window.localStorage.removeItem(lastTeamKey);
  } catch {
    // Private browsing may refuse storage; picking again is all it costs.
  }
}

/** How many teams still fit as big buttons before the picker becomes a searchable list. */
const maxTeamButtons = 6;

/** The team leader's phone page: pick the team, log what was done, see the latest entries. */
export function MyTeamPage() {
  const { t } = useI18n();
  const href = useAppHref();
  const today = todayInVietnam();
  const [params, setParams] = useSearchParams();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const mine = useQuery(myTeamsQuery(today));
  const teams = mine.data ?? [];
  const chosen = params.get('team') ?? readLastTeam();
  const teamId =
    teams.length === 1 ? (teams[0]?.id ?? null) : teams.some((team) => team.id === chosen) ? chosen : null;
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // On a phone the form is long: bring the confirmation into view after saving.
    if (savedAt) savedRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  }, [savedAt]);
  const team = useQuery({ ...teamQuery(teamId ?? '', today), enabled: Boolean(teamId) });

  const pick = (id: string | null) => {
    setSavedAt(null);
    rememberTeam(id);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('team', id);
        else next.delete('team');
        return next;
      },
      { replace: true },
    );
  };

  if (mine.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (teams.length === 0) {
    return (
      <Card className="my-team" data-testid="my-team">
        <Empty description={t('myTeam.none')} />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16} className="my-team" data-testid="my-team">
      {teams.length > 1 ? (
        <Card size="small" title={t('myTeam.pick')}>
          {teams.length <= maxTeamButtons ? (
            <Flex vertical gap={8} data-testid="my-team-picker">
              {teams.map((item) => (
                <Button
                  key={item.id}
                  size="large"
                  block
                  type={item.id === teamId ? 'primary' : 'default'}
                  onClick={() => pick(item.id)}
                  className="my-team-option"
                  data-testid={`my-team-option-${item.id}`}
                >
                  <span>{item.name}</span>
                  <Typography.Text type={item.id === teamId ? undefined : 'secondary'} className="small-text">
                    {' · '}
                    {teamKindLabel(t, item.kind)}
                    {item.unitName ? ` · ${item.unitName}` : ''}
                  </Typography.Text>
                </Button>
              ))}
            </Flex>
          ) : (
            <Select
              size="large"
              style={{ width: '100%' }}
              showSearch={foldedSearch}
              value={teamId ?? undefined}
              placeholder={t('myTeam.pick')}
              onChange={(value: string) => pick(value)}
              options={teams.map((item) => ({
                value: item.id,
                label: `${item.name} · ${item.unitName ?? item.unitCode}`,
              }))}
              data-testid="my-team-picker"
            />
          )}
        </Card>
      ) : null}

      {teamId === null ? null : team.isPending ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : team.error ? (
        <ErrorAlert error={team.error} />
      ) : (
        <>
          <Card
            title={
              <span data-testid="my-team-title" className="my-team-title">
                {team.data.name}
              </span>
            }
            extra={
              <Link to={href(`/teams/${team.data.id}`)} className="small-text">
                {t('myTeam.details')}
              </Link>
            }
          >
            {savedAt ? (
              <div ref={savedRef}>
                <Alert
                  type="success"
                  showIcon
                  icon={<CheckCircleFilled />}
                  title={t('activity.saved')}
                  closable={{ onClose: () => setSavedAt(null) }}
                  style={{ marginBottom: 16 }}
                  data-testid="activity-saved"
                />
              </div>
            ) : null}
            <ActivityForm key={team.data.id} team={team.data} onSaved={() => setSavedAt(Date.now())} />
          </Card>
          <Card title={t('myTeam.recent')} size="small">
            <ActivityList activities={team.data.activities.slice(0, 10)} testId="my-team-recent" />
          </Card>
        </>
      )}
    </Flex>
  );
}
