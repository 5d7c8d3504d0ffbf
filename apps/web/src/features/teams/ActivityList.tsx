import { formatNumber } from '@doanket/domain';
import { Avatar, Image, List, Tag, Typography } from 'antd';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { activityIcons, activityLabel } from './team-labels';
import { type ActivityKind, activityPhotoUrl, type TeamActivity } from './teams.api';

export function ActivityList({
  activities,
  testId = 'activity-list',
}: {
  activities: TeamActivity[];
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <List
      data-testid={testId}
      dataSource={activities}
      locale={{ emptyText: t('activity.none') }}
      renderItem={(activity) => (
        <List.Item
          data-testid={`activity-${activity.id}`}
          extra={
            activity.hasPhoto ? (
              <Image
                src={activityPhotoUrl(activity.id)}
                width={64}
                height={64}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                alt={t('activity.photo')}
                data-testid="activity-thumbnail"
              />
            ) : null
          }
        >
          <List.Item.Meta
            avatar={
              <Avatar style={{ background: '#fff1f0', color: '#c8102e' }}>
                {activityIcons[activity.kind as ActivityKind] ?? null}
              </Avatar>
            }
            title={
              <span>
                <Tag color="red">{activityLabel(t, activity.kind)}</Tag>
                {formatDate(activity.occurredOn)}
              </span>
            }
            description={
              <>
                {activity.notes ? <div>{activity.notes}</div> : null}
                <Typography.Text type="secondary" className="small-text">
                  {t('activity.householdCount', { count: formatNumber(activity.householdCount) })}
                  {activity.createdBy ? ` · ${activity.createdBy}` : ''}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
