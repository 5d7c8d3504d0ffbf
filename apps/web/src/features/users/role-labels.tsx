import { type Role, roles } from '@doanket/domain';
import { Tag, Tooltip } from 'antd';
import { formatDate, previousDay } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { GrantData } from './users.api';

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function roleOptions(t: Translate) {
  return roles.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

const roleColors: Record<Role, string> = {
  system_admin: 'red',
  standing_committee: 'volcano',
  officer: 'blue',
  treasurer: 'gold',
  residential_group_head: 'green',
  team_leader: 'cyan',
  viewer: 'default',
};

/** "Cán bộ · Phường Xuân Đỉnh"; a unit that no longer exists says until when it did. */
export function GrantTag({ grant, t, today }: { grant: GrantData; t: Translate; today: string }) {
  const isExpired = grant.unitValidTo !== null && grant.unitValidTo <= today;
  const text = grant.unitCode
    ? `${roleLabel(t, grant.role)} · ${grant.unitName ?? grant.unitCode}`
    : `${roleLabel(t, grant.role)} · ${t('users.allUnits')}`;
  const tag = (
    <Tag color={isExpired ? 'default' : roleColors[grant.role]} style={{ marginBlock: 2 }}>
      {text}
      {grant.unitCode ? ` (${grant.unitCode})` : ''}
    </Tag>
  );
  if (!isExpired || !grant.unitValidTo) return tag;
  return (
    <Tooltip title={t('users.unitExpired', { date: formatDate(previousDay(grant.unitValidTo)) })}>
      {tag}
    </Tooltip>
  );
}
